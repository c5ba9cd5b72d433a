package v3

import (
	"fmt"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/postman2go/postman2go/parser"
)

// httpRequest reads an http-request (or the request of an http-example):
// url, method, headers, queryParams, pathVariables, body, auth,
// description. prefix is the YAML path of m in its file ("" at top level).
func (d *doc) httpRequest(m *mapping, prefix string) *parser.Request {
	r := &parser.Request{Method: "GET"}
	d.common(r, m, prefix)
	r.Body = d.body(m.get("body"), joinField(prefix, "body"))
	return r
}

// graphQLRequest reads a graphql-request: a POST unless it says otherwise,
// its query and variables (JSON text) as v2.1's graphql body.
func (d *doc) graphQLRequest(m *mapping, prefix string) *parser.Request {
	r := &parser.Request{Method: "POST"}
	d.common(r, m, prefix)
	r.Body = &parser.Body{
		Mode:             "graphql",
		GraphQLQuery:     d.str(m.get("query"), joinField(prefix, "query")),
		GraphQLVariables: d.graphQLVariables(m.get("variables"), joinField(prefix, "variables")),
		GraphQLOperation: d.str(m.get("operationName"), joinField(prefix, "operationName")),
	}
	return r
}

// graphQLVariables reads GraphQL variables: JSON text, or a mapping written
// as YAML (rendered as JSON).
func (d *doc) graphQLVariables(n *yaml.Node, field string) string {
	n = d.deref(n)
	switch {
	case isNull(n):
		return ""
	case n.Kind == yaml.ScalarNode:
		return n.Value
	}
	s, _ := d.json(n, field)
	return s
}

// common reads what every HTTP-like request has.
func (d *doc) common(r *parser.Request, m *mapping, prefix string) {
	if n := d.deref(m.get("method")); !isNull(n) {
		if method := d.str(n, joinField(prefix, "method")); method != "" {
			r.Method = strings.ToUpper(method)
		}
	}
	urlField := joinField(prefix, "url")
	raw := ""
	switch n := d.deref(m.get("url")); {
	case isNull(n):
	case n.Kind == yaml.ScalarNode:
		raw = n.Value
	case n.Kind == yaml.MappingNode:
		// Not written by Postman; read the v2.1-style {raw} if that is what it is.
		raw = d.str(d.asMapping(n, urlField, 0).get("raw"), urlField+".raw")
	default:
		d.errorf(n, urlField, "a url must be a string, found %s", kindOf(n))
	}
	r.URL = parseRawURL(raw)
	// The Postman CLI drops a request (not an example) with typed values.
	checkTyped := prefix == ""
	if qn := m.get("queryParams"); qn != nil {
		r.URL.Query = mergeQuery(r.URL.Query, parser.DecodeQuery(d.params(qn, joinField(prefix, "queryParams"), checkTyped)))
	}
	r.URL.Variables = d.params(m.get("pathVariables"), joinField(prefix, "pathVariables"), false)
	r.Headers = d.params(m.get("headers"), joinField(prefix, "headers"), checkTyped)
	r.Auth = d.auth(m.get("auth"), joinField(prefix, "auth"))
	r.Description = d.description(m.get("description"), joinField(prefix, "description"))
}

// mergeQuery merges the url's query with queryParams as the Postman runtime
// does: a url parameter whose key queryParams names (enabled or not) gives
// way, and queryParams follow in their order. Verified with the Postman
// CLI: url ?a=1&b=2&d=1 with queryParams [a=9, c (null), d disabled]
// sends ?b=2&a=9&c.
func mergeQuery(fromURL, params []parser.Param) []parser.Param {
	named := map[string]bool{}
	for _, q := range params {
		named[q.Key] = true
	}
	var out []parser.Param
	for _, q := range fromURL {
		if !named[q.Key] {
			out = append(out, q)
		}
	}
	return append(out, params...)
}

// params reads a key/value collection in either form: a map {key: value}
// (document order) or a list of {key, value, disabled?, description?, ...}.
// A value that is null, or absent from a list entry, is ValueNull, as in
// v2.1. checkTyped warns about values the Postman CLI reads as numbers,
// booleans or dates.
func (d *doc) params(n *yaml.Node, field string, checkTyped bool) []parser.Param {
	n = d.deref(n)
	if isNull(n) {
		return nil
	}
	var out []parser.Param
	switch n.Kind {
	case yaml.MappingNode:
		m := d.asMapping(n, field, 0)
		for i, k := range m.keys {
			f := joinField(field, k.Value)
			v := d.deref(m.vals[i])
			if checkTyped {
				d.checkTyped(v, f)
			}
			out = append(out, parser.Param{Key: k.Value, Value: d.value(v, f), ValueNull: isNull(v), Pos: d.pos(k), Path: f})
		}
	case yaml.SequenceNode:
		for i, e := range d.list(n, field) {
			f := index(field, i)
			switch e.Kind {
			case yaml.ScalarNode: // "Key: value", as v2.1 reads a bare string in a header list
				k, v, _ := strings.Cut(e.Value, ":")
				out = append(out, parser.Param{Key: strings.TrimSpace(k), Value: strings.TrimSpace(v), Pos: d.pos(e), Path: f})
			case yaml.MappingNode:
				out = append(out, d.param(d.asMapping(e, f, 0), f, checkTyped))
			default:
				d.errorf(e, f, "an entry must be a mapping, found %s", kindOf(e))
			}
		}
	default:
		d.errorf(n, field, "must be a mapping or a list, found %s", kindOf(n))
	}
	return out
}

func (d *doc) checkTyped(v *yaml.Node, field string) {
	if typed(v) {
		what := map[string]string{"!!int": "number", "!!float": "number", "!!bool": "boolean", "!!timestamp": "date"}[v.ShortTag()]
		d.warnf(v, field, "unquoted %s %s: postman2go reads it as that text, but the Postman CLI skips a request whose header or query values YAML reads as numbers, booleans or dates; quote it", what, truncate(v.Value, 80))
	}
}

func (d *doc) param(m *mapping, f string, checkTyped bool) parser.Param {
	pr := parser.Param{Pos: d.pos(m.node), Path: f}
	key := m.get("key")
	if isNull(d.deref(key)) {
		key = m.get("id") // as v2.1 path variables sometimes carry id instead of key
	}
	pr.Key = d.value(key, f+".key")
	val := d.deref(m.get("value"))
	if checkTyped {
		d.checkTyped(val, f+".value")
	}
	pr.ValueNull = isNull(val)
	pr.Value = d.value(val, f+".value")
	pr.Disabled = d.flag(m.get("disabled"))
	pr.Description = d.description(m.get("description"), f+".description")
	pr.Type = d.str(m.get("type"), f+".type")
	pr.ContentType = d.str(m.get("contentType"), f+".contentType")
	switch src := d.deref(m.get("src")); {
	case src == nil:
	case src.Kind == yaml.ScalarNode && !isNull(src):
		pr.Src = []string{src.Value}
	case src.Kind == yaml.SequenceNode:
		for j, s := range d.list(src, f+".src") {
			pr.Src = append(pr.Src, d.value(s, index(f+".src", j)))
		}
	}
	return pr
}

// rawLanguages are the body types that are v2.1 raw bodies, with their
// options.raw.language.
var rawLanguages = map[string]bool{"json": true, "xml": true, "text": true, "html": true, "javascript": true}

// body reads {type, content}.
func (d *doc) body(n *yaml.Node, field string) *parser.Body {
	m := d.mapping(n, field)
	if m == nil {
		return nil
	}
	typeNode := m.get("type")
	typ := d.str(typeNode, field+".type")
	content := m.get("content")
	cf := field + ".content"
	b := &parser.Body{Disabled: d.flag(m.get("disabled"))}
	switch {
	case typ == "", typ == "none":
		return nil // Postman sends no body
	case rawLanguages[typ]:
		b.Mode, b.Language = "raw", typ
		b.Raw = d.value(content, cf)
	case typ == "urlencoded":
		b.Mode = "urlencoded"
		b.URLEncoded = d.params(content, cf, false)
	case typ == "formdata":
		b.Mode = "formdata"
		b.FormData = d.params(content, cf, false)
		for i := range b.FormData {
			switch b.FormData[i].Type {
			case "", "text", "file", "default":
			default:
				fd := b.FormData[i]
				d.st.warns = append(d.st.warns, &parser.Diagnostic{File: d.f.rel, Pos: fd.Pos, Item: d.item, ItemPath: d.ipath, Field: fd.Path,
					Msg: fmt.Sprintf("unknown form-data part type %q, sent as text", truncate(fd.Type, 80))})
				b.FormData[i].Type = "text"
			}
		}
	case typ == "file":
		b.Mode = "file"
		switch c := d.deref(content); {
		case isNull(c):
		case c.Kind == yaml.MappingNode:
			b.FileSrc = d.str(d.asMapping(c, cf, 0).get("src"), cf+".src")
		default:
			d.errorf(c, cf, "a file body's content must be a mapping {src}, found %s", kindOf(c))
		}
	case typ == "graphql":
		b.Mode = "graphql"
		g := d.mapping(content, cf)
		b.GraphQLQuery = d.str(g.get("query"), cf+".query")
		b.GraphQLVariables = d.graphQLVariables(g.get("variables"), cf+".variables")
		b.GraphQLOperation = d.str(g.get("operationName"), cf+".operationName")
	default:
		d.errorf(typeNode, field+".type", "unknown body type %q (want json, xml, text, html, javascript, urlencoded, formdata, file, graphql or none)", truncate(typ, 80))
		return nil
	}
	return b
}

// authTypes are the auth types of schema v2.1 plus those Postman's runtime
// also implements (jwt, asap), as package parser knows them.
var authTypes = map[string]bool{
	"noauth": true, "apikey": true, "bearer": true, "basic": true, "digest": true, "oauth1": true,
	"oauth2": true, "awsv4": true, "hawk": true, "ntlm": true, "edgegrid": true, "jwt": true, "asap": true,
}

// auth reads an auth block: {type, credentials} with credentials a map or
// a list of {key, value}; at collection and folder level also a list of
// such blocks, of which the first applies. No auth, or type inherit, is nil:
// inherit.
func (d *doc) auth(n *yaml.Node, field string) *parser.Auth {
	n = d.deref(n)
	if isNull(n) {
		return nil
	}
	if n.Kind == yaml.SequenceNode {
		blocks := d.list(n, field)
		if len(blocks) == 0 {
			return nil
		}
		if len(blocks) > 1 {
			d.warnf(blocks[1], index(field, 1), "an auth list holds %d blocks; only the first applies", len(blocks))
		}
		n, field = blocks[0], index(field, 0)
	}
	if n.Kind != yaml.MappingNode {
		d.errorf(n, field, "auth must be a mapping, found %s", kindOf(n))
		return nil
	}
	m := d.asMapping(n, field, 0)
	a := &parser.Auth{Type: d.str(m.get("type"), field+".type"), Pos: d.pos(n), Path: field}
	switch {
	case a.Type == "", a.Type == "inherit":
		return nil
	case !authTypes[a.Type]:
		d.warnf(m.get("type"), field+".type", "unknown auth type %q; requests that use it are sent without auth (add it with WithRequestEditor)", truncate(a.Type, 80))
	}
	for _, p := range d.params(m.get("credentials"), field+".credentials", false) {
		a.Params = append(a.Params, parser.Param{Key: p.Key, Value: p.Value, Pos: p.Pos, Path: p.Path})
	}
	return a
}
