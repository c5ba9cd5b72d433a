package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// The v3 collection the Postman CLI runs is a rewritten copy of the
// collection directory, by the rules of the JSON copy above (rewrite.go),
// file by file, on YAML nodes, so that every other value keeps its form
// (map or list entries, quoting, comments):
//   - the request files the driver does not call are deleted; so are the
//     graphql-request files the driver calls, as the Postman CLI refuses to
//     run a collection that holds one without a login (dropped names them);
//   - scripts are removed from the request files and the definitions
//     (.resources/definition.yaml of the collection and its folders);
//   - every request carries the tag header with its index, in the form its
//     headers have (a map or a list; a map when it has none), its value
//     quoted: the Postman CLI drops a request with a typed header value;
//   - every url string points at the capture server (rawURL);
//   - the overrides are applied, as quoted strings;
//   - form-data file parts and file bodies point at files with known
//     content in the working directory.
//
// A request's position in col.Requests(), the tag value, is found by its
// file's path relative to the collection root, which is its item path.

// v3Removed is why the CLI's copy lacks a graphql-request that the driver
// calls.
const v3Removed = "the Postman CLI refuses to run a collection that holds a graphql-request without a postman login: removed from its copy"

// copyTree copies the regular files and directories under src to dst.
// Symbolic links are left out, as the v3 parser does not follow them.
func copyTree(src, dst string) error {
	return filepath.WalkDir(src, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, p)
		if err != nil {
			return err
		}
		target := filepath.Join(dst, rel)
		switch {
		case e.IsDir():
			return os.MkdirAll(target, 0o755)
		case !e.Type().IsRegular():
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
}

// v3 rewrites the collection copy at root in place. dropped lists the
// requests the driver calls that the copy no longer holds, with why.
func (rw *rewriter) v3(root string) (dropped map[int]string, err error) {
	dropped = map[int]string{}
	err = filepath.WalkDir(root, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(root, p)
		if err != nil {
			return err
		}
		rel = filepath.ToSlash(rel)
		name := e.Name()
		lower := strings.ToLower(name)
		if e.IsDir() {
			if rel != "." && strings.HasPrefix(name, ".") && name != ".resources" {
				return fs.SkipDir
			}
			return nil
		}
		inResources := strings.HasPrefix(rel, ".resources/") || strings.Contains(rel, "/.resources/")
		switch {
		case inResources && (lower == "definition.yaml" || lower == "definition.yml") && filepath.Base(filepath.Dir(p)) == ".resources":
			return rw.v3File(p, rel, func(root *yaml.Node) error {
				deleteKey(root, "scripts")
				return nil
			}, true)
		case inResources:
			return nil
		case strings.HasSuffix(lower, ".request.yaml"), strings.HasSuffix(lower, ".request.yml"):
			idx, keep := rw.keep[rel]
			if !keep {
				return os.Remove(p)
			}
			return rw.v3File(p, rel, func(m *yaml.Node) error {
				if k := value(m, "$kind"); k != nil && k.Value == "graphql-request" {
					dropped[idx] = v3Removed
					return errRemove
				}
				return rw.v3Request(m, rel, idx)
			}, false)
		}
		return nil
	})
	return dropped, err
}

// errRemove asks v3File to delete the file.
var errRemove = errors.New("remove the file")

// v3File rewrites one YAML file with edit, which gets the top mapping.
// onlyIfChanged leaves the file as it is when edit changes nothing.
func (rw *rewriter) v3File(p, rel string, edit func(*yaml.Node) error, onlyIfChanged bool) error {
	data, err := os.ReadFile(p)
	if err != nil {
		return err
	}
	doc, restore, err := decodeYAML(data)
	if err != nil {
		return fmt.Errorf("%s: %w", rel, err)
	}
	if doc == nil || len(doc.Content) != 1 || doc.Content[0].Kind != yaml.MappingNode {
		if onlyIfChanged {
			return nil
		}
		return fmt.Errorf("%s: not a YAML mapping", rel)
	}
	before := ""
	if onlyIfChanged {
		before = nodeText(doc)
	}
	switch err := edit(doc.Content[0]); {
	case errors.Is(err, errRemove):
		return os.Remove(p)
	case err != nil:
		return fmt.Errorf("%s: %w", rel, err)
	}
	if onlyIfChanged && nodeText(doc) == before {
		return nil
	}
	out, err := encodeYAML(doc, restore)
	if err != nil {
		return fmt.Errorf("%s: %w", rel, err)
	}
	return os.WriteFile(p, out, 0o644)
}

// v3Request rewrites a request file's top mapping m.
func (rw *rewriter) v3Request(m *yaml.Node, rel string, idx int) error {
	deleteKey(m, "scripts")
	for _, o := range rw.overrides[rel] {
		if !setYAML(m, o[0], o[1]) {
			rw.missed = append(rw.missed, rel+": "+o[0])
		}
	}
	addTag(m, tagHeader, strconv.Itoa(idx))
	switch u := value(m, "url"); {
	case u == nil:
	case u.Kind == yaml.ScalarNode && u.Tag != "!!null":
		setString(u, rw.rawURL(u.Value))
	case u.Kind == yaml.MappingNode:
		if raw := value(u, "raw"); raw != nil && raw.Kind == yaml.ScalarNode {
			setString(raw, rw.rawURL(raw.Value))
		}
	}
	body := value(m, "body")
	if body == nil || body.Kind != yaml.MappingNode {
		return nil
	}
	typ, content := value(body, "type"), value(body, "content")
	if typ == nil || content == nil {
		return nil
	}
	upload := func(src *yaml.Node) error {
		if src == nil || src.Kind != yaml.ScalarNode || src.Tag == "!!null" || src.Value == "" {
			return nil
		}
		name, err := rw.upload(src.Value)
		if err == nil {
			setString(src, name)
		}
		return err
	}
	switch typ.Value {
	case "formdata":
		if content.Kind != yaml.SequenceNode {
			return nil
		}
		for _, part := range content.Content {
			part = deref(part)
			if part.Kind != yaml.MappingNode {
				continue
			}
			if t := value(part, "type"); t == nil || t.Value != "file" {
				continue
			}
			src := value(part, "src")
			if src != nil && src.Kind == yaml.SequenceNode {
				for _, s := range src.Content {
					if err := upload(deref(s)); err != nil {
						return err
					}
				}
				continue
			}
			if err := upload(src); err != nil {
				return err
			}
		}
	case "file":
		if content.Kind == yaml.MappingNode {
			return upload(value(content, "src"))
		}
	}
	return nil
}

// addTag adds the header name: value to a request's headers, in their
// form.
func addTag(m *yaml.Node, name, val string) {
	i := keyIndex(m, "headers")
	if i < 0 {
		m.Content = append(m.Content, str("headers"), &yaml.Node{Kind: yaml.MappingNode})
		i = len(m.Content) - 2
	}
	h := deref(m.Content[i+1])
	switch h.Kind {
	case yaml.MappingNode:
		h.Content = append(h.Content, str(name), quoted(val))
	case yaml.SequenceNode:
		h.Content = append(h.Content, &yaml.Node{Kind: yaml.MappingNode, Content: []*yaml.Node{
			str("key"), str(name), str("value"), quoted(val),
		}})
	default: // null or empty
		m.Content[i+1] = &yaml.Node{Kind: yaml.MappingNode, Content: []*yaml.Node{str(name), quoted(val)}}
	}
}

// setYAML sets the value at a v3 parser path such as "pathVariables.id.value"
// (a map entry: the path of the entry, then ".value") or
// "queryParams[2].value" (a list entry's value) below the mapping m. Keys may
// hold dots: at each mapping the longest key that the path continues with
// is taken. It reports whether the path exists (up to its last step).
func setYAML(m *yaml.Node, p, val string) bool {
	cur := m
	rest := p
	for rest != "" {
		cur = deref(cur)
		if strings.HasPrefix(rest, "[") {
			end := strings.IndexByte(rest, ']')
			n, err := strconv.Atoi(rest[1:max(end, 1)])
			if end < 0 || err != nil || cur.Kind != yaml.SequenceNode || n < 0 || n >= len(cur.Content) {
				return false
			}
			rest = strings.TrimPrefix(rest[end+1:], ".")
			if rest == "" {
				cur.Content[n] = quoted(val)
				return true
			}
			cur = cur.Content[n]
			continue
		}
		if cur.Kind != yaml.MappingNode {
			return false
		}
		best := -1
		for i := 0; i+1 < len(cur.Content); i += 2 {
			k := cur.Content[i].Value
			if strings.HasPrefix(rest, k) && (len(rest) == len(k) || rest[len(k)] == '.' || rest[len(k)] == '[') {
				if best < 0 || len(k) > len(cur.Content[best].Value) {
					best = i
				}
			}
		}
		if best < 0 {
			if rest == "value" { // a list entry without a value
				cur.Content = append(cur.Content, str("value"), quoted(val))
				return true
			}
			return false
		}
		rest = rest[len(cur.Content[best].Value):]
		if rest == "" || rest == ".value" && deref(cur.Content[best+1]).Kind == yaml.ScalarNode {
			// The key itself, or a map-form entry key: value.
			cur.Content[best+1] = quoted(val)
			return true
		}
		rest = strings.TrimPrefix(rest, ".")
		cur = cur.Content[best+1]
	}
	return false
}

func deref(n *yaml.Node) *yaml.Node {
	for k := 0; n != nil && n.Kind == yaml.AliasNode && k < 100; k++ {
		n = n.Alias
	}
	return n
}

// keyIndex is the index in m.Content of the key named key, or -1.
func keyIndex(m *yaml.Node, key string) int {
	if m == nil || m.Kind != yaml.MappingNode {
		return -1
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return i
		}
	}
	return -1
}

// value is the value of key in the mapping m, aliases followed; nil when
// it has none.
func value(m *yaml.Node, key string) *yaml.Node {
	i := keyIndex(m, key)
	if i < 0 {
		return nil
	}
	return deref(m.Content[i+1])
}

func deleteKey(m *yaml.Node, key string) {
	if i := keyIndex(m, key); i >= 0 {
		m.Content = append(m.Content[:i:i], m.Content[i+2:]...)
	}
}

func str(s string) *yaml.Node { return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s} }

// quoted is a string the Postman CLI's YAML reader cannot take for a
// number, a boolean or a date.
func quoted(s string) *yaml.Node {
	n := str(s)
	n.Style = yaml.DoubleQuotedStyle
	return n
}

// setString makes n the string s, quoted unless it was plain.
func setString(n *yaml.Node, s string) {
	if n.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0 {
		n.Style = yaml.DoubleQuotedStyle
	}
	n.Tag, n.Value = "!!str", s
}

// nodeText is a node tree as text, to tell whether an edit changed it.
func nodeText(n *yaml.Node) string {
	var b strings.Builder
	var walk func(*yaml.Node)
	walk = func(n *yaml.Node) {
		fmt.Fprintf(&b, "(%d %q %q", n.Kind, n.Tag, n.Value)
		for _, c := range n.Content {
			walk(c)
		}
		b.WriteByte(')')
	}
	walk(n)
	return b.String()
}

// decodeYAML reads one YAML document. NEL, LS and PS are ordinary
// characters in YAML 1.2, which the Postman CLI reads, but line breaks to
// the YAML library: they are swapped for private-use characters the file
// does not hold while it is decoded and encoded, and restore swaps them
// back in the encoded text.
func decodeYAML(data []byte) (*yaml.Node, *strings.Replacer, error) {
	var restore *strings.Replacer
	if bytes.ContainsAny(data, "\u0085\u2028\u2029") {
		var hide, back []string
		next := rune(0xE000)
		for _, c := range []rune{'\u0085', '\u2028', '\u2029'} {
			for bytes.ContainsRune(data, next) {
				next++
			}
			hide = append(hide, string(c), string(next))
			back = append(back, string(next), string(c))
			next++
		}
		data = []byte(strings.NewReplacer(hide...).Replace(string(data)))
		restore = strings.NewReplacer(back...)
	}
	var doc yaml.Node
	if err := yaml.NewDecoder(bytes.NewReader(data)).Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, restore, nil
		}
		return nil, nil, err
	}
	return &doc, restore, nil
}

func encodeYAML(doc *yaml.Node, restore *strings.Replacer) ([]byte, error) {
	var b bytes.Buffer
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(doc); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	if restore != nil {
		return []byte(restore.Replace(b.String())), nil
	}
	return b.Bytes(), nil
}
