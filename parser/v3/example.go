package v3

import (
	"io/fs"
	"path"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/postman2go/postman2go/parser"
)

// examples reads the saved examples of the request whose file is
// dir/<stem>.request.yaml, from dir/.resources/<stem>.resources/examples.
// The request's examples: key names that directory; it is often missing
// although the directory exists, or names a directory that does not exist,
// so the examples are found by the convention and a link elsewhere is
// followed only when it leads to a directory of the collection.
func (p *state) examples(owner *doc, m *mapping, dir, stem string) []*parser.Response {
	target := relJoin(dir, ".resources/"+stem+".resources/examples")
	if n := m.get("examples"); n != nil {
		if s := owner.str(n, "examples"); s != "" {
			linked := path.Clean(relJoin(dir, s))
			switch {
			case strings.HasPrefix(s, "/") || !fs.ValidPath(linked):
				owner.warnf(n, "examples", "examples: %q is outside the collection; the examples are read from %s", truncate(s, 120), target)
			case linked != target && p.isDir(linked):
				target = linked
			}
		}
	}
	if !p.isDir(target) {
		return nil
	}
	var entries []*entry
	for _, e := range p.readDir(target, owner.item) {
		name := e.Name()
		lower := strings.ToLower(name)
		if e.IsDir() || !(strings.HasSuffix(lower, ".example.yaml") || strings.HasSuffix(lower, ".example.yml")) {
			continue
		}
		if en := p.example(owner, relJoin(target, name), name); en != nil {
			entries = append(entries, en)
		}
	}
	sortEntries(entries)
	var out []*parser.Response
	for _, en := range entries {
		out = append(out, en.resp)
	}
	return out
}

func (p *state) isDir(rel string) bool {
	st, err := fs.Stat(p.fsys, rel)
	return err == nil && st.IsDir()
}

func exampleStem(name string) string {
	lower := strings.ToLower(name)
	if strings.HasSuffix(lower, ".example.yml") {
		return name[:len(name)-len(".example.yml")]
	}
	return name[:len(name)-len(".example.yaml")]
}

// example reads one example file into a saved response.
func (p *state) example(owner *doc, rel, fileName string) *entry {
	f := p.load(rel)
	if f == nil {
		return nil
	}
	d := &doc{st: p, f: f, item: owner.item, ipath: owner.ipath}
	if f.root == nil {
		d.warnf(nil, "", "the example file is empty; ignored")
		return nil
	}
	m := d.mapping(f.root, "")
	if m == nil {
		return nil
	}
	r := &parser.Response{Name: exampleStem(fileName), Pos: d.pos(m.node), Path: rel}
	if n := m.get("name"); !isNull(n) {
		r.Name = d.str(n, "name")
	}
	switch kind := d.str(m.get("$kind"), "$kind"); kind {
	case "http-example", "":
		if req := d.mapping(m.get("request"), "request"); req != nil {
			r.OriginalRequest = d.httpRequest(req, "request")
		}
		d.httpResponse(r, d.mapping(m.get("response"), "response"), "response")
	case "graphql-example":
		if req := d.mapping(m.get("request"), "request"); req != nil {
			r.OriginalRequest = d.graphQLRequest(req, "request")
		}
		d.graphQLResponse(r, d.mapping(m.get("response"), "response"), "response")
	default:
		d.warnf(m.get("$kind"), "$kind", "a %s is not an HTTP example; ignored", truncate(kind, 80))
		return nil
	}
	return &entry{order: d.order(m, "example"), name: r.Name, file: fileName, resp: r}
}

func (d *doc) httpResponse(r *parser.Response, m *mapping, field string) {
	if m == nil {
		return
	}
	r.Code = d.statusCode(m.get("statusCode"), field+".statusCode")
	r.Status = d.str(m.get("statusText"), field+".statusText")
	r.Headers = d.params(m.get("headers"), field+".headers", false)
	r.Body, r.PreviewLanguage = d.responseBody(m.get("body"), field+".body")
}

// responseBody reads {type, content}; type is v2.1's preview language.
func (d *doc) responseBody(n *yaml.Node, field string) (body, language string) {
	n = d.deref(n)
	switch {
	case isNull(n):
		return "", ""
	case n.Kind == yaml.ScalarNode:
		return n.Value, ""
	case n.Kind != yaml.MappingNode:
		d.errorf(n, field, "a response body must be a mapping {type, content}, found %s", kindOf(n))
		return "", ""
	}
	m := d.asMapping(n, field, 0)
	return d.value(m.get("content"), field+".content"), d.str(m.get("type"), field+".type")
}

// graphQLResponse reads a graphql-example's response: http {status
// "200 OK", headers, body}, else the content of its last received-response
// event.
func (d *doc) graphQLResponse(r *parser.Response, m *mapping, field string) {
	if m == nil {
		return
	}
	h := d.mapping(m.get("http"), field+".http")
	hf := field + ".http"
	if h != nil {
		switch st := d.deref(h.get("status")); {
		case isNull(st):
		case st.Kind == yaml.ScalarNode:
			code, text, _ := strings.Cut(strings.TrimSpace(st.Value), " ")
			if n, err := strconv.Atoi(code); err == nil && n >= 0 && n < 1000 {
				r.Code, r.Status = n, strings.TrimSpace(text)
			} else {
				r.Status = st.Value
			}
		default:
			d.warnf(st, hf+".status", "status must be a string such as \"200 OK\", found %s", kindOf(st))
		}
		if h.has("statusCode") {
			r.Code = d.statusCode(h.get("statusCode"), hf+".statusCode")
		}
		r.Headers = d.params(h.get("headers"), hf+".headers", false)
		r.Body, r.PreviewLanguage = d.responseBody(h.get("body"), hf+".body")
	}
	if r.Body != "" {
		return
	}
	for i, e := range d.list(m.get("events"), field+".events") {
		if e.Kind != yaml.MappingNode {
			continue
		}
		em := d.asMapping(e, index(field+".events", i), 0)
		if d.str(em.get("type"), "") == "received-response" {
			r.Body = d.value(em.get("content"), index(field+".events", i)+".content")
		}
	}
}

func (d *doc) statusCode(n *yaml.Node, field string) int {
	n = d.deref(n)
	if isNull(n) {
		return 0
	}
	if n.Kind == yaml.ScalarNode {
		s := n.Value
		if f, ok := number(n); ok && f == float64(int(f)) && f >= 0 && f < 1000 {
			return int(f)
		}
		if c, err := strconv.Atoi(s); err == nil && c >= 0 && c < 1000 && s == strconv.Itoa(c) {
			return c
		}
	}
	d.warnf(n, field, "status code must be a number, found %s", kindOf(n))
	return 0
}
