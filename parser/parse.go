package parser

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/tidwall/gjson"
)

// Parse reads a Postman collection (schema v2.0 or v2.1) into a Collection.
// filename is used only in diagnostics. Structural problems (not JSON, a
// wrong type where the format needs a shape, a missing item array) are
// returned as an ErrorList; problems that can be worked around are returned
// as warnings and parsing goes on.
//
// A UTF-8 byte order mark at the start is skipped (positions count from
// after it). Where an object repeats a key, the last value is used, as
// Postman (JSON.parse) does, with a warning. Nesting deeper than MaxDepth
// folders or MaxJSONDepth JSON levels is refused before anything is parsed.
func Parse(filename string, data []byte) (*Collection, []*Diagnostic, error) {
	return parse(&state{file: filename}, data)
}

// parse is Parse with the state given, so that a test can see p.json.
//
// The collection holds copies of the text it keeps (result, key, str and
// scalar copy what they return), never slices of p.json: the generator
// keeps strings of the collection to the end, and one slice would keep the
// whole input text with it (107 MB of 0.8 GB at 100,000 requests).
func parse(p *state, data []byte) (*Collection, []*Diagnostic, error) {
	filename := p.file
	data = bytes.TrimPrefix(data, utf8BOM)
	p.data = data
	if bytes.HasPrefix(data, []byte{0xFE, 0xFF}) || bytes.HasPrefix(data, []byte{0xFF, 0xFE}) {
		return nil, nil, ErrorList{{File: filename, Msg: "not valid JSON: the file is UTF-16 (it starts with a UTF-16 byte order mark); save it as UTF-8"}}
	}
	p.json = string(data)
	refused, indexed := p.scan()
	if refused != nil {
		return nil, nil, ErrorList{refused}
	}
	if !gjson.Valid(p.json) {
		return nil, nil, p.syntaxError()
	}
	if !indexed {
		return nil, nil, ErrorList{{File: filename, Msg: "internal error: the JSON index disagrees with the JSON validator (this is a bug in postman2go: please report it with the collection)"}}
	}
	p.lines = newLineIndex(data)
	p.dupWarnings()
	root := gjson.Parse(p.json)
	if !root.IsObject() {
		p.errorf(root, "", "a collection must be a JSON object, found %s", kindOf(root))
		return nil, nil, p.errs.Err()
	}
	if inner := p.get(root, "collection"); inner.IsObject() && !p.get(root, "info").Exists() && !p.get(root, "item").Exists() {
		// What the Postman API returns for GET /collections/{id}.
		p.warnf(root, "collection", `the Postman API's envelope {"collection": {...}}: the collection inside it is read`)
		root = inner
	}
	c := p.collection(root)
	p.errs.Sort()
	if err := p.errs.Err(); err != nil {
		return nil, p.warns, err
	}
	return c, p.warns, nil
}

// ErrLegacyV1 is wrapped by the error for a legacy v1 collection.
var ErrLegacyV1 = errors.New("legacy Postman v1 collection")

var utf8BOM = []byte("\uFEFF")

type state struct {
	file  string
	data  []byte
	json  string // data, as the string all values are slices of
	idx   *jsonIndex
	lines lineIndex
	errs  ErrorList
	warns []*Diagnostic
	dups  []dupKey // repeated keys found by scan
	ndups int

	// The item being parsed, for diagnostics: its name after those of its
	// folders, and its JSON path.
	names    []string
	itemPath string
	depth    int // folder nesting of the item array being read
}

// MaxDepth bounds folder nesting. Real collections nest a handful of
// levels, generated ones (a folder per path segment) a few dozen; a deeper
// tree is refused before it is parsed. Every pass is linear in the depth
// (BenchmarkGenerateDeep), so the bound is only against absurd input.
const MaxDepth = 1000

func (p *state) diag(at gjson.Result, field, format string, args ...any) *Diagnostic {
	return &Diagnostic{
		File:     p.file,
		Pos:      p.lines.pos(at.Index),
		Item:     joinNames(p.names),
		ItemPath: elidePath(p.itemPath),
		Field:    elidePath(field),
		Msg:      fmt.Sprintf(format, args...),
	}
}

func (p *state) errorf(at gjson.Result, field, format string, args ...any) {
	p.errs = append(p.errs, p.diag(at, field, format, args...))
}

func (p *state) warnf(at gjson.Result, field, format string, args ...any) {
	p.warns = append(p.warns, p.diag(at, field, format, args...))
}

// syntaxError reports where the input stops being JSON.
func (p *state) syntaxError() error {
	var v json.RawMessage
	err := json.Unmarshal(p.data, &v)
	d := &Diagnostic{File: p.file, Msg: "not valid JSON"}
	var se *json.SyntaxError
	switch {
	case errors.As(err, &se):
		off := int(se.Offset)
		if off > 0 && strings.HasPrefix(se.Error(), "invalid character") {
			off-- // Offset is just past the offending byte
		}
		d.Pos = newLineIndex(p.data).posAt(off)
		d.Msg = "not valid JSON: " + se.Error()
		var names []string
		names, d.ItemPath, d.Field = syntaxContext(p.data, int(se.Offset))
		d.Item = capMiddle(strings.Join(names, "/"), maxItemBytes)
	case err != nil:
		d.Msg = "not valid JSON: " + err.Error()
	}
	return ErrorList{d}
}

func (p *state) collection(root gjson.Result) *Collection {
	if p.isV1(root) {
		return p.collectionV1(root)
	}
	info := p.get(root, "info")
	c := &Collection{}
	if p.expect(info, "info", "object") {
		c.Name = p.str(p.get(info, "name"), "info.name")
		c.Description = p.description(p.get(info, "description"), "info.description")
		c.Schema = p.str(p.get(info, "schema"), "info.schema")
	}
	switch {
	case strings.Contains(c.Schema, "v2.0"):
		c.Version = "2.0.0"
	case strings.Contains(c.Schema, "v2.1"), c.Schema == "":
		c.Version = "2.1.0"
	case strings.Contains(c.Schema, "v1.0"):
		p.errorf(p.get(info, "schema"), "info.schema", "%v: convert it to v2.1 first", ErrLegacyV1)
	default:
		p.warnf(p.get(info, "schema"), "info.schema", "unknown schema %q, reading it as v2.1", short(c.Schema))
		c.Version = "2.1.0"
	}
	c.Variables = p.variables(p.get(root, "variable"), "variable")
	c.Auth = p.auth(p.get(root, "auth"), "auth")
	c.Events = p.events(p.get(root, "event"), "event")
	c.ProtocolProfileBehavior = p.behavior(p.get(root, "protocolProfileBehavior"))
	items, field := p.get(root, "item"), "item"
	if alias := p.get(root, "items"); !items.Exists() && alias.Exists() {
		// Some published collections spell it "items"; Postman reads "item".
		p.warnf(alias, "items", `"items" is read as the collection's "item" array`)
		items, field = alias, "items"
	}
	if !items.Exists() {
		p.errorf(root, "item", "missing: a collection needs an item array")
		return c
	}
	c.Items = p.items(items, field)
	return c
}

// items parses an item array. path is its JSON path; p.names holds the
// names of the enclosing folders.
func (p *state) items(arr gjson.Result, path string) []*Item {
	// Diagnostics name paths from the enclosing item.
	rel := path
	if n := len(p.itemPath); n > 0 && len(path) > n && path[n] == '.' && path[:n] == p.itemPath {
		rel = path[n+1:]
	}
	if !p.expect(arr, rel, "array") {
		return nil
	}
	if p.depth > MaxDepth { // scan refuses this before
		p.errorf(arr, rel, "folders nested more than %d levels deep: refused", MaxDepth)
		return nil
	}
	p.depth++
	defer func() { p.depth-- }()
	out := []*Item{}
	i := 0
	p.each(arr, func(_, v gjson.Result) bool {
		ipath := fmt.Sprintf("%s[%d]", path, i)
		i++
		if !v.IsObject() {
			p.errorf(v, fmt.Sprintf("%s[%d]", rel, i-1), "an item must be an object, found %s", kindOf(v))
			return true
		}
		out = append(out, p.item(v, ipath))
		return true
	})
	return out
}

func (p *state) item(v gjson.Result, path string) *Item {
	outerPath, depth := p.itemPath, len(p.names)
	defer func() { p.itemPath, p.names = outerPath, p.names[:depth] }()

	it := &Item{Path: path, Pos: p.lines.pos(v.Index)}
	p.itemPath = path
	it.Name = p.str(p.get(v, "name"), "name")
	p.names = append(p.names, it.Name)
	it.Description = p.description(p.get(v, "description"), "description")
	it.Variables = p.variables(p.get(v, "variable"), "variable")
	it.Events = p.events(p.get(v, "event"), "event")
	it.ProtocolProfileBehavior = p.behavior(p.get(v, "protocolProfileBehavior"))

	sub, req := p.get(v, "item"), p.get(v, "request")
	switch {
	case sub.Exists() && !req.Exists():
		it.Auth = p.auth(p.get(v, "auth"), "auth")
		it.Items = p.items(sub, path+".item")
		if it.Items == nil {
			it.Items = []*Item{}
		}
	case req.Exists():
		if sub.Exists() {
			p.warnf(sub, "item", "an item with a request cannot also be a folder; the sub-items are ignored")
		}
		it.Request = p.request(req, "request")
		it.Responses = p.responses(p.get(v, "response"), "response")
	default:
		p.errorf(v, "", "an item needs a request or an item array")
	}
	return it
}

func (p *state) behavior(v gjson.Result) map[string]string {
	if !v.IsObject() {
		return nil
	}
	m := map[string]string{}
	p.each(v, func(k, val gjson.Result) bool {
		m[k.String()] = strings.Clone(val.String()) // an object's text is p.json's
		return true
	})
	return m
}

func (p *state) request(v gjson.Result, field string) *Request {
	r := &Request{Method: "GET"}
	switch {
	case v.Type == gjson.String:
		r.URL = parseRawURL(v.String())
		return r
	case v.IsObject():
	default:
		p.errorf(v, field, "a request must be a string or an object, found %s", kindOf(v))
		return r
	}
	if m := p.get(v, "method"); m.Exists() && m.Type != gjson.Null {
		if p.expect(m, field+".method", "string") && m.String() != "" {
			r.Method = strings.ToUpper(m.String())
		}
	}
	r.URL = p.url(p.get(v, "url"), field+".url")
	r.Headers = p.headers(p.get(v, "header"), field+".header")
	r.Body = p.body(p.get(v, "body"), field+".body")
	r.Auth = p.auth(p.get(v, "auth"), field+".auth")
	r.Description = p.description(p.get(v, "description"), field+".description")
	return r
}

func (p *state) url(v gjson.Result, field string) URL {
	switch {
	case !v.Exists() || v.Type == gjson.Null:
		return URL{}
	case v.Type == gjson.String:
		return parseRawURL(v.String())
	case !v.IsObject():
		p.errorf(v, field, "a url must be a string or an object, found %s", kindOf(v))
		return URL{}
	}
	u := URL{
		Raw:      p.str(p.get(v, "raw"), field+".raw"),
		Protocol: p.str(p.get(v, "protocol"), field+".protocol"),
		Port:     p.str(p.get(v, "port"), field+".port"),
		Hash:     p.str(p.get(v, "hash"), field+".hash"),
	}
	host, path := p.get(v, "host"), p.get(v, "path")
	if !host.Exists() && !path.Exists() {
		// Only raw: the parts come from parsing it, as in the Postman SDK.
		parsed := parseRawURL(u.Raw)
		parsed.Raw = u.Raw
		u = parsed
	} else {
		u.Host = p.hostLabels(host, field+".host")
		u.Path = p.pathSegments(path, field+".path")
	}
	if q := p.get(v, "query"); q.Exists() {
		u.Query = DecodeQuery(p.params(q, field+".query"))
	}
	u.Variables = p.params(p.get(v, "variable"), field+".variable")
	return u
}

func (p *state) hostLabels(v gjson.Result, field string) []string {
	switch {
	case !v.Exists() || v.Type == gjson.Null:
		return nil
	case v.Type == gjson.String:
		return splitHost(v.String())
	case v.IsArray():
		var out []string
		i := 0
		p.each(v, func(_, s gjson.Result) bool {
			out = append(out, p.str(s, fmt.Sprintf("%s[%d]", field, i)))
			i++
			return true
		})
		return out
	}
	p.errorf(v, field, "host must be a string or an array, found %s", kindOf(v))
	return nil
}

func (p *state) pathSegments(v gjson.Result, field string) []string {
	switch {
	case !v.Exists() || v.Type == gjson.Null:
		return nil
	case v.Type == gjson.String:
		return splitPath(v.String())
	case v.IsArray():
		var out []string
		i := 0
		p.each(v, func(_, s gjson.Result) bool {
			f := fmt.Sprintf("%s[%d]", field, i)
			i++
			if s.IsObject() { // {type, value}
				out = append(out, p.str(p.get(s, "value"), f+".value"))
				return true
			}
			out = append(out, p.str(s, f))
			return true
		})
		return out
	}
	p.errorf(v, field, "path must be a string or an array, found %s", kindOf(v))
	return nil
}

// headers reads a header list, or the single-string "Key: value\n..." form.
func (p *state) headers(v gjson.Result, field string) []Param {
	if v.Type == gjson.String {
		var out []Param
		for _, line := range strings.Split(strings.ReplaceAll(v.String(), "\r\n", "\n"), "\n") {
			k, val, ok := strings.Cut(line, ":")
			if !ok || strings.TrimSpace(k) == "" {
				continue
			}
			pr := Param{Key: strings.TrimSpace(k), Value: strings.TrimSpace(val), Pos: p.lines.pos(v.Index), Path: field}
			if strings.HasPrefix(pr.Key, "//") {
				pr.Key, pr.Disabled = strings.TrimSpace(strings.TrimPrefix(pr.Key, "//")), true
			}
			out = append(out, pr)
		}
		return out
	}
	return p.params(v, field)
}

// params reads a list of {key, value, disabled, description, ...} entries.
func (p *state) params(v gjson.Result, field string) []Param {
	if !v.Exists() || v.Type == gjson.Null {
		return nil
	}
	if !v.IsArray() {
		p.errorf(v, field, "must be an array, found %s", kindOf(v))
		return nil
	}
	// Made at its length (appends leave a fifth of a slice unused), and
	// nil for an empty list, as the model always had it.
	var out []Param
	if n := p.count(v); n > 0 {
		out = make([]Param, 0, n)
	}
	i := 0
	p.each(v, func(_, e gjson.Result) bool {
		f := fmt.Sprintf("%s[%d]", field, i)
		i++
		if e.Type == gjson.String { // a bare string in a header list: "Key: value"
			k, val, _ := strings.Cut(e.String(), ":")
			out = append(out, Param{Key: strings.TrimSpace(k), Value: strings.TrimSpace(val), Pos: p.lines.pos(e.Index), Path: f})
			return true
		}
		if !e.IsObject() {
			p.errorf(e, f, "an entry must be an object, found %s", kindOf(e))
			return true
		}
		out = append(out, p.param(e, f))
		return true
	})
	return out
}

func (p *state) param(e gjson.Result, f string) Param {
	pr := Param{Pos: p.lines.pos(e.Index), Path: f}
	key := p.get(e, "key")
	if !key.Exists() || key.Type == gjson.Null {
		key = p.get(e, "id") // path variables sometimes carry id instead of key
	}
	pr.Key = p.scalar(key, f+".key")
	val := p.get(e, "value")
	pr.ValueNull = !val.Exists() || val.Type == gjson.Null
	pr.Value = p.scalar(val, f+".value")
	pr.Disabled = p.get(e, "disabled").Bool()
	pr.Description = p.description(p.get(e, "description"), f+".description")
	pr.Type = p.str(p.get(e, "type"), f+".type")
	pr.ContentType = p.str(p.get(e, "contentType"), f+".contentType")
	src := p.get(e, "src")
	switch {
	case src.Type == gjson.String:
		pr.Src = []string{src.String()}
	case src.IsArray():
		p.each(src, func(_, s gjson.Result) bool {
			pr.Src = append(pr.Src, s.String())
			return true
		})
	}
	return pr
}

// authTypes are the auth types of schema v2.1 plus those Postman's runtime
// also implements (jwt, asap).
var authTypes = map[string]bool{
	"noauth": true, "apikey": true, "bearer": true, "basic": true, "digest": true, "oauth1": true,
	"oauth2": true, "awsv4": true, "hawk": true, "ntlm": true, "edgegrid": true, "jwt": true, "asap": true,
}

var bodyModes = map[string]bool{"raw": true, "urlencoded": true, "formdata": true, "file": true, "graphql": true}

func (p *state) body(v gjson.Result, field string) *Body {
	if !v.Exists() || v.Type == gjson.Null {
		return nil
	}
	if !v.IsObject() {
		p.errorf(v, field, "a body must be an object, found %s", kindOf(v))
		return nil
	}
	b := &Body{Mode: p.str(p.get(v, "mode"), field+".mode"), Disabled: p.get(v, "disabled").Bool()}
	switch b.Mode {
	case "":
		return nil // {} or a body with no mode: Postman sends nothing
	case "raw":
		b.Raw = p.str(p.get(v, "raw"), field+".raw")
		b.Language = p.str(p.getPath(v, "options", "raw", "language"), field+".options.raw.language")
	case "urlencoded":
		b.URLEncoded = p.params(p.get(v, "urlencoded"), field+".urlencoded")
	case "formdata":
		parts := p.get(v, "formdata")
		b.FormData = p.params(parts, field+".formdata")
		for i := range b.FormData {
			switch b.FormData[i].Type {
			case "", "text", "file", "default":
			default:
				fd := b.FormData[i]
				p.warnf(p.elem(parts, i), fd.Path, "unknown form-data part type %q, sent as text", short(fd.Type))
				b.FormData[i].Type = "text"
			}
		}
	case "file":
		b.FileSrc = p.str(p.getPath(v, "file", "src"), field+".file.src")
	case "graphql":
		g := p.get(v, "graphql")
		b.GraphQLQuery = p.str(p.get(g, "query"), field+".graphql.query")
		b.GraphQLOperation = p.str(p.get(g, "operationName"), field+".graphql.operationName")
		vars := p.get(g, "variables")
		switch {
		case vars.Type == gjson.String:
			b.GraphQLVariables = vars.String()
		case vars.IsObject() || vars.IsArray():
			b.GraphQLVariables = strings.Clone(vars.Raw)
		}
	default:
		if !bodyModes[b.Mode] {
			p.errorf(p.get(v, "mode"), field+".mode", "unknown body mode %q (want raw, urlencoded, formdata, file or graphql)", short(b.Mode))
			return nil
		}
	}
	return b
}

// auth reads an auth block. It accepts v2.1 parameter arrays and v2.0
// parameter objects under either declared version, as the Postman SDK does.
func (p *state) auth(v gjson.Result, field string) *Auth {
	if !v.Exists() || v.Type == gjson.Null {
		return nil
	}
	if !v.IsObject() {
		p.errorf(v, field, "auth must be an object, found %s", kindOf(v))
		return nil
	}
	a := &Auth{Type: p.str(p.get(v, "type"), field+".type"), Pos: p.lines.pos(v.Index), Path: field}
	if a.Type == "" {
		return nil // no valid type: inherit
	}
	if !authTypes[a.Type] {
		p.warnf(p.get(v, "type"), field+".type", "unknown auth type %q; requests that use it are sent without auth (add it with WithRequestEditor)", short(a.Type))
	}
	params := p.get(v, a.Type)
	pf := field + "." + a.Type
	switch {
	case params.IsArray():
		i := 0
		p.each(params, func(_, e gjson.Result) bool {
			f := fmt.Sprintf("%s[%d]", pf, i)
			i++
			if e.IsObject() {
				a.Params = append(a.Params, Param{Key: p.get(e, "key").String(), Value: p.scalar(p.get(e, "value"), f+".value"), Pos: p.lines.pos(e.Index), Path: f})
			}
			return true
		})
	case params.IsObject():
		p.each(params, func(k, e gjson.Result) bool {
			a.Params = append(a.Params, Param{Key: k.String(), Value: p.scalar(e, pf+"."+k.String()), Pos: p.lines.pos(e.Index), Path: pf})
			return true
		})
	}
	return a
}

func (p *state) responses(v gjson.Result, field string) []*Response {
	if !v.Exists() || v.Type == gjson.Null {
		return nil
	}
	if !v.IsArray() {
		p.errorf(v, field, "must be an array, found %s", kindOf(v))
		return nil
	}
	var out []*Response
	i := 0
	p.each(v, func(_, e gjson.Result) bool {
		f := fmt.Sprintf("%s[%d]", field, i)
		i++
		if !e.IsObject() {
			p.warnf(e, f, "a saved response must be an object, found %s; ignored", kindOf(e))
			return true
		}
		r := &Response{Pos: p.lines.pos(e.Index), Path: f}
		r.Name = p.str(p.get(e, "name"), f+".name")
		r.Status = p.str(p.get(e, "status"), f+".status")
		if code := p.get(e, "code"); code.Exists() && code.Type != gjson.Null {
			if code.Type == gjson.Number || (code.Type == gjson.String && isDigits(code.String())) {
				r.Code = int(code.Int())
			} else {
				p.warnf(code, f+".code", "status code must be a number, found %s", kindOf(code))
			}
		}
		r.Headers = p.headers(p.get(e, "header"), f+".header")
		r.Body = p.str(p.get(e, "body"), f+".body")
		r.PreviewLanguage = p.str(p.get(e, "_postman_previewlanguage"), f+"._postman_previewlanguage")
		if or := p.get(e, "originalRequest"); or.Exists() && or.Type != gjson.Null {
			r.OriginalRequest = p.request(or, f+".originalRequest")
		}
		out = append(out, r)
		return true
	})
	return out
}

func (p *state) events(v gjson.Result, field string) []Event {
	if !v.Exists() || v.Type == gjson.Null {
		return nil
	}
	if !v.IsArray() {
		p.warnf(v, field, "must be an array, found %s; ignored", kindOf(v))
		return nil
	}
	var out []Event
	p.each(v, func(_, e gjson.Result) bool {
		ev := Event{Listen: p.get(e, "listen").String(), Disabled: p.get(e, "disabled").Bool()}
		exec := p.getPath(e, "script", "exec")
		if exec.IsArray() {
			var lines []string
			p.each(exec, func(_, l gjson.Result) bool {
				lines = append(lines, l.String())
				return true
			})
			ev.Exec = strings.Join(lines, "\n")
		} else {
			ev.Exec = exec.String()
		}
		out = append(out, ev)
		return true
	})
	return out
}

func (p *state) variables(v gjson.Result, field string) []Variable {
	if !v.Exists() || v.Type == gjson.Null {
		return nil
	}
	if !v.IsArray() {
		p.warnf(v, field, "must be an array, found %s; ignored", kindOf(v))
		return nil
	}
	var out []Variable
	i := 0
	p.each(v, func(_, e gjson.Result) bool {
		f := fmt.Sprintf("%s[%d]", field, i)
		i++
		if !e.IsObject() {
			p.warnf(e, f, "a variable must be an object, found %s; ignored", kindOf(e))
			return true
		}
		key := p.get(e, "key")
		if !key.Exists() {
			key = p.get(e, "id")
		}
		out = append(out, Variable{
			Key:         p.scalar(key, f+".key"),
			Value:       p.scalar(p.get(e, "value"), f+".value"),
			Type:        p.get(e, "type").String(),
			Description: p.description(p.get(e, "description"), f+".description"),
			Disabled:    p.get(e, "disabled").Bool(),
		})
		return true
	})
	return out
}

// description reads a description: a string, null, or {content, type}.
func (p *state) description(v gjson.Result, field string) string {
	switch {
	case !v.Exists() || v.Type == gjson.Null:
		return ""
	case v.Type == gjson.String:
		return v.String()
	case v.IsObject():
		return p.get(v, "content").String()
	}
	p.warnf(v, field, "a description must be a string or an object, found %s; ignored", kindOf(v))
	return ""
}

// str reads an optional string. Numbers and booleans are accepted as their
// JSON text; objects and arrays are an error.
func (p *state) str(v gjson.Result, field string) string {
	switch v.Type {
	case gjson.Null:
		return ""
	case gjson.String:
		return v.String()
	case gjson.Number, gjson.True, gjson.False:
		return strings.Clone(v.Raw)
	}
	p.errorf(v, field, "must be a string, found %s", kindOf(v))
	return ""
}

// scalar reads a value that Postman stringifies: any JSON scalar becomes its
// text; objects and arrays keep their JSON text.
func (p *state) scalar(v gjson.Result, field string) string {
	switch v.Type {
	case gjson.Null:
		return ""
	case gjson.String:
		return v.String()
	}
	return strings.Clone(v.Raw)
}

// expect reports whether v is present and of the kind wanted ("object",
// "array" or "string"), with an error when it is present and is not.
func (p *state) expect(v gjson.Result, field, want string) bool {
	if !v.Exists() {
		return false
	}
	var ok bool
	switch want {
	case "object":
		ok = v.IsObject()
	case "array":
		ok = v.IsArray()
	case "string":
		ok = v.Type == gjson.String
	}
	if !ok {
		p.errorf(v, field, "wrong type: want %s, found %s", want, kindOf(v))
	}
	return ok
}

func kindOf(v gjson.Result) string {
	switch {
	case !v.Exists():
		return "nothing"
	case v.IsArray():
		return "array"
	case v.IsObject():
		return "object"
	case v.Type == gjson.String:
		return "string"
	case v.Type == gjson.Number:
		return "number " + truncate(v.Raw, maxSegmentRunes)
	case v.Type == gjson.True || v.Type == gjson.False:
		return "boolean"
	}
	return "null"
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}
