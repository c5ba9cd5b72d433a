package main

import (
	"fmt"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/postman2go/postman2go/parser"
)

// The collection newman runs is a rewritten copy of the input:
//   - requests the driver does not call (skipped, or with a value the client
//     cannot hold) are removed;
//   - scripts are removed, as the client runs none: a request under a
//     pre-request script is compared as "equivalent (script removed)", and
//     removing test scripts keeps them from setting variables that later
//     requests use;
//   - every request carries the tag header with its index;
//   - every URL's scheme, host and port become the capture server's; a base
//     path that the host (or the variable in it) carries is kept;
//   - the overrides the driver shares (placeholders in typed fields, empty
//     path variables) are applied;
//   - form-data file parts and file bodies point at files with known
//     content in newman's working directory.

// referencedVars lists the names of every {{variable}} in the collection
// text, sorted.
func referencedVars(data []byte) []string {
	seen := map[string]bool{}
	for _, m := range parser.VarRef.FindAllSubmatch(data, -1) {
		seen[string(m[1])] = true
	}
	out := make([]string, 0, len(seen))
	for k := range seen {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// fillValue is the deterministic value of a variable the collection
// references but does not define.
func fillValue(name string) string {
	var b strings.Builder
	b.WriteString("v-")
	for _, r := range name {
		if r < 0x80 && (r == '-' || r == '_' || r == '.' || ('0' <= r && r <= '9') || ('a' <= r && r <= 'z') || ('A' <= r && r <= 'Z')) {
			b.WriteRune(r)
		} else {
			b.WriteByte('_')
		}
	}
	return b.String()
}

type rewriter struct {
	hostPort    string // 127.0.0.1:port
	resolve     func(string) string
	keep        map[string]int         // item path → request index
	overrides   map[string][][2]string // item path → (param path, value)
	workDir     string
	fileContent string
	missed      []string // overrides that could not be applied
}

// items rewrites an item array in place and returns it without the
// requests that are not kept.
func (rw *rewriter) items(arr []any, prefix string) ([]any, error) {
	out := []any{}
	for i, v := range arr {
		p := fmt.Sprintf("%s[%d]", prefix, i)
		it, ok := v.(map[string]any)
		if !ok {
			continue
		}
		delete(it, "event") // the client runs no script: newman runs none either
		if _, isReq := it["request"]; isReq {
			idx, keep := rw.keep[p]
			if !keep {
				continue
			}
			for _, o := range rw.overrides[p] {
				if !setPath(it, o[0], o[1]) {
					rw.missed = append(rw.missed, p+"."+o[0])
				}
			}
			r, err := rw.request(it["request"], idx)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", p, err)
			}
			it["request"] = r
			out = append(out, it)
			continue
		}
		if sub, ok := it["item"].([]any); ok {
			kept, err := rw.items(sub, p+".item")
			if err != nil {
				return nil, err
			}
			it["item"] = kept
		}
		out = append(out, it)
	}
	return out, nil
}

func (rw *rewriter) request(v any, idx int) (any, error) {
	req, ok := v.(map[string]any)
	if !ok {
		s, isStr := v.(string)
		if !isStr {
			return nil, fmt.Errorf("request is neither a string nor an object")
		}
		req = map[string]any{"url": s, "method": "GET"}
	}
	tag := map[string]any{"key": tagHeader, "value": strconv.Itoa(idx)}
	switch h := req["header"].(type) {
	case []any:
		req["header"] = append(h, tag)
	case string:
		req["header"] = strings.TrimRight(h, "\r\n") + "\n" + tagHeader + ": " + strconv.Itoa(idx)
	default:
		req["header"] = []any{tag}
	}
	req["url"] = rw.url(req["url"])
	if body, ok := req["body"].(map[string]any); ok {
		if err := rw.files(body); err != nil {
			return nil, err
		}
	}
	return req, nil
}

// url points a URL at the capture server, keeping the base path.
func (rw *rewriter) url(v any) any {
	switch u := v.(type) {
	case string:
		return rw.rawURL(u)
	case map[string]any:
		_, hasHost := u["host"]
		_, hasPath := u["path"]
		if !hasHost && !hasPath {
			// newman reads no raw text, Postman reads the URL from it: the
			// object gets the rewritten raw's parts, and keeps its own
			// query and path variables.
			raw, _ := u["raw"].(string)
			s := rw.rawURL(raw)
			rest := strings.TrimPrefix(s, "http://"+rw.hostPort)
			rest, hash, hasHash := strings.Cut(rest, "#")
			p, query, hasQuery := strings.Cut(rest, "?")
			if _, ok := u["query"]; !ok && hasQuery {
				u["query"] = query
			}
			if _, ok := u["hash"]; !ok && hasHash {
				u["hash"] = hash
			}
			h, port, _ := strings.Cut(rw.hostPort, ":")
			u["raw"], u["protocol"], u["host"], u["port"], u["path"] = s, "http", strings.Split(h, "."), port, p
			return u
		}
		host := ""
		switch h := u["host"].(type) {
		case string:
			host = h
		case []any:
			labels := make([]string, 0, len(h))
			for _, l := range h {
				s, _ := l.(string)
				labels = append(labels, s)
			}
			host = strings.Join(labels, ".")
		}
		base := basePath(rw.resolve(host))
		var segs []any
		for _, s := range strings.Split(strings.Trim(base, "/"), "/") {
			if s != "" {
				segs = append(segs, s)
			}
		}
		switch p := u["path"].(type) {
		case []any:
			u["path"] = append(segs, p...)
		case string:
			u["path"] = base + "/" + strings.TrimPrefix(p, "/")
		default:
			u["path"] = segs
		}
		h, port, _ := strings.Cut(rw.hostPort, ":")
		u["protocol"] = "http"
		u["host"] = strings.Split(h, ".")
		u["port"] = port
		if raw, ok := u["raw"].(string); ok {
			u["raw"] = rw.rawURL(raw)
		}
		return u
	}
	return v
}

// rawURL replaces the scheme and authority of a URL string.
func (rw *rewriter) rawURL(s string) string {
	rest := s
	if i := strings.Index(rest, "://"); i >= 0 && !strings.ContainsAny(rest[:i], "/?#") {
		rest = rest[i+3:]
	}
	authority, tail := rest, ""
	if end := strings.IndexAny(rest, "/?#"); end >= 0 {
		authority, tail = rest[:end], rest[end:]
	}
	return "http://" + rw.hostPort + basePath(rw.resolve(authority)) + tail
}

// basePath is the path part of a resolved host text such as
// "https://api.example.com/v2" ("/v2"), without a trailing slash.
func basePath(host string) string {
	if i := strings.Index(host, "://"); i >= 0 {
		host = host[i+3:]
	}
	i := strings.IndexAny(host, "/")
	if i < 0 {
		return ""
	}
	p := host[i:]
	if j := strings.IndexAny(p, "?#"); j >= 0 {
		p = p[:j]
	}
	return strings.TrimSuffix(p, "/")
}

// upload writes the file a body uploads from src into the working
// directory, under src's base name (the name the driver gives the client's
// file), and returns that name.
func (rw *rewriter) upload(src string) (string, error) {
	name := path.Base(strings.ReplaceAll(src, `\`, "/"))
	if name == "." || name == "/" || name == ".." {
		name = "upload"
	}
	return name, os.WriteFile(filepath.Join(rw.workDir, name), []byte(rw.fileContent), 0o644)
}

// files writes the files a body uploads into the working directory and
// points the body at them.
func (rw *rewriter) files(body map[string]any) error {
	write := rw.upload
	if parts, ok := body["formdata"].([]any); ok {
		for _, p := range parts {
			part, ok := p.(map[string]any)
			if !ok || part["type"] != "file" {
				continue
			}
			switch src := part["src"].(type) {
			case string:
				if src != "" {
					name, err := write(src)
					if err != nil {
						return err
					}
					part["src"] = name
				}
			case []any:
				for i, s := range src {
					if str, ok := s.(string); ok && str != "" {
						name, err := write(str)
						if err != nil {
							return err
						}
						src[i] = name
					}
				}
			}
		}
	}
	if f, ok := body["file"].(map[string]any); ok {
		if src, ok := f["src"].(string); ok && src != "" {
			name, err := write(src)
			if err != nil {
				return err
			}
			f["src"] = name
		}
	}
	return nil
}

// setPath sets the value at a parser JSON path such as
// "request.url.variable[0].value" below obj; it reports whether the path
// exists (up to its last step).
func setPath(obj map[string]any, p, value string) bool {
	var cur any = obj
	steps := strings.Split(p, ".")
	for i, step := range steps {
		name, idx := step, -1
		if j := strings.IndexByte(step, '['); j >= 0 && strings.HasSuffix(step, "]") {
			n, err := strconv.Atoi(step[j+1 : len(step)-1])
			if err != nil {
				return false
			}
			name, idx = step[:j], n
		}
		m, ok := cur.(map[string]any)
		if !ok {
			return false
		}
		last := i == len(steps)-1
		if last && idx < 0 {
			m[name] = value
			return true
		}
		next, ok := m[name]
		if !ok {
			return false
		}
		if idx >= 0 {
			arr, ok := next.([]any)
			if !ok || idx >= len(arr) {
				return false
			}
			if last {
				arr[idx] = value
				return true
			}
			next = arr[idx]
		}
		cur = next
	}
	return false
}
