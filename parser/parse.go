package parser

import (
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/tidwall/gjson"
)

// Parse reads a Postman collection (schema v2.0 or v2.1) into a Collection.
// filename is used only in diagnostics. Structural problems (not JSON, a
// wrong type where the format needs a shape, a missing item array) are
// returned as an ErrorList; problems that can be worked around are returned
// as warnings and parsing goes on.
func Parse(filename string, data []byte) (*Collection, []*Diagnostic, error) {
	p := &state{file: filename, data: data}
	if !gjson.ValidBytes(data) {
		return nil, nil, p.syntaxError()
	}
	p.lines = newLineIndex(data)
	root := gjson.ParseBytes(data)
	if !root.IsObject() {
		p.errorf(root, "", "a collection must be a JSON object, found %s", kindOf(root))
		return nil, nil, p.errs.Err()
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

type state struct {
	file  string
	data  []byte
	lines lineIndex
	errs  ErrorList
	warns []*Diagnostic

	// The item being parsed, for diagnostics.
	itemName string
	itemPath string
	depth    int // folder nesting of the item array being read
}

// MaxDepth bounds folder nesting. Real collections nest a handful of
// levels; a deeper tree is refused rather than parsed in quadratic time.
const MaxDepth = 500

func (p *state) diag(at gjson.Result, field, format string, args ...any) *Diagnostic {
	return &Diagnostic{
		File:     p.file,
		Pos:      p.lines.pos(at.Index),
		Item:     p.itemName,
		ItemPath: p.itemPath,
		Field:    field,
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
	var v any
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
		d.Item, d.ItemPath, d.Field = syntaxContext(p.data, int(se.Offset))
	case err != nil:
		d.Msg = "not valid JSON: " + err.Error()
	}
	return ErrorList{d}
}

func (p *state) collection(root gjson.Result) *Collection {
	if isV1(root) {
		return p.collectionV1(root)
	}
	info := root.Get("info")
	c := &Collection{}
	if p.expect(info, "info", gjson.JSON) {
		c.Name = p.str(info.Get("name"), "info.name")
		c.Description = p.description(info.Get("description"), "info.description")
		c.Schema = p.str(info.Get("schema"), "info.schema")
	}
	switch {
	case strings.Contains(c.Schema, "v2.0"):
		c.Version = "2.0.0"
	case strings.Contains(c.Schema, "v2.1"), c.Schema == "":
		c.Version = "2.1.0"
	case strings.Contains(c.Schema, "v1.0"):
		p.errorf(info.Get("schema"), "info.schema", "%v: convert it to v2.1 first", ErrLegacyV1)
	default:
		p.warnf(info.Get("schema"), "info.schema", "unknown schema %q, reading it as v2.1", c.Schema)
		c.Version = "2.1.0"
	}
	c.Variables = p.variables(root.Get("variable"), "variable")
	c.Auth = p.auth(root.Get("auth"), "auth")
	c.Events = p.events(root.Get("event"), "event")
	c.ProtocolProfileBehavior = p.behavior(root.Get("protocolProfileBehavior"))
	items := root.Get("item")
	if !items.Exists() {
		p.errorf(root, "item", "missing: a collection needs an item array")
		return c
	}
	c.Items = p.items(items, "item", "")
	return c
}

// items parses an item array. path is its JSON path, names the slash-joined
// names of the enclosing folders.
func (p *state) items(arr gjson.Result, path, names string) []*Item {
	if !p.expect(arr, path, gjson.JSON) || !arr.IsArray() {
		if arr.IsObject() {
			p.errorf(arr, path, "must be an array, found object")
		}
		return nil
	}
	if p.depth >= MaxDepth {
		p.errorf(arr, path, "folders are nested more than %d levels deep", MaxDepth)
		return nil
	}
	p.depth++
	defer func() { p.depth-- }()
	out := []*Item{}
	i := 0
	arr.ForEach(func(_, v gjson.Result) bool {
		ipath := fmt.Sprintf("%s[%d]", path, i)
		i++
		if !v.IsObject() {
			p.errorf(v, ipath, "an item must be an object, found %s", kindOf(v))
			return true
		}
		out = append(out, p.item(v, ipath, names))
		return true
	})
	return out
}

func (p *state) item(v gjson.Result, path, parentNames string) *Item {
	outerName, outerPath := p.itemName, p.itemPath
	defer func() { p.itemName, p.itemPath = outerName, outerPath }()

	it := &Item{Path: path, Pos: p.lines.pos(v.Index)}
	p.itemPath = path
	it.Name = p.str(v.Get("name"), "name")
	p.itemName = joinName(parentNames, it.Name)
	it.Description = p.description(v.Get("description"), "description")
	it.Variables = p.variables(v.Get("variable"), "variable")
	it.Events = p.events(v.Get("event"), "event")
	it.ProtocolProfileBehavior = p.behavior(v.Get("protocolProfileBehavior"))

	sub, req := v.Get("item"), v.Get("request")
	switch {
	case sub.Exists() && !req.Exists():
		it.Auth = p.auth(v.Get("auth"), "auth")
		it.Items = p.items(sub, path+".item", p.itemName)
		if it.Items == nil {
			it.Items = []*Item{}
		}
	case req.Exists():
		if sub.Exists() {
			p.warnf(sub, "item", "an item with a request cannot also be a folder; the sub-items are ignored")
		}
		it.Request = p.request(req, "request")
		it.Responses = p.responses(v.Get("response"), "response")
	default:
		p.errorf(v, "", "an item needs a request or an item array")
	}
	return it
}

func joinName(parent, name string) string {
	if parent == "" {
		return name
	}
	return parent + "/" + name
}

func (p *state) behavior(v gjson.Result) map[string]string {
	if !v.IsObject() {
		return nil
	}
	m := map[string]string{}
	v.ForEach(func(k, val gjson.Result) bool {
		m[k.String()] = val.String()
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
	if m := v.Get("method"); m.Exists() && m.Type != gjson.Null {
		if p.expect(m, field+".method", gjson.String) && m.String() != "" {
			r.Method = strings.ToUpper(m.String())
		}
	}
	r.URL = p.url(v.Get("url"), field+".url")
	r.Headers = p.headers(v.Get("header"), field+".header")
	r.Body = p.body(v.Get("body"), field+".body")
	r.Auth = p.auth(v.Get("auth"), field+".auth")
	r.Description = p.description(v.Get("description"), field+".description")
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
		Raw:      p.str(v.Get("raw"), field+".raw"),
		Protocol: p.str(v.Get("protocol"), field+".protocol"),
		Port:     p.str(v.Get("port"), field+".port"),
		Hash:     p.str(v.Get("hash"), field+".hash"),
	}
	host, path := v.Get("host"), v.Get("path")
	if !host.Exists() && !path.Exists() {
		// Only raw: the parts come from parsing it, as in the Postman SDK.
		parsed := parseRawURL(u.Raw)
		parsed.Raw = u.Raw
		u = parsed
	} else {
		u.Host = p.hostLabels(host, field+".host")
		u.Path = p.pathSegments(path, field+".path")
	}
	if q := v.Get("query"); q.Exists() {
		u.Query = p.params(q, field+".query")
	}
	u.Variables = p.params(v.Get("variable"), field+".variable")
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
		v.ForEach(func(_, s gjson.Result) bool {
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
		v.ForEach(func(_, s gjson.Result) bool {
			f := fmt.Sprintf("%s[%d]", field, i)
			i++
			if s.IsObject() { // {type, value}
				out = append(out, p.str(s.Get("value"), f+".value"))
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
	var out []Param
	i := 0
	v.ForEach(func(_, e gjson.Result) bool {
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
	key := e.Get("key")
	if !key.Exists() || key.Type == gjson.Null {
		key = e.Get("id") // path variables sometimes carry id instead of key
	}
	pr.Key = p.scalar(key, f+".key")
	val := e.Get("value")
	pr.ValueNull = !val.Exists() || val.Type == gjson.Null
	pr.Value = p.scalar(val, f+".value")
	pr.Disabled = e.Get("disabled").Bool()
	pr.Description = p.description(e.Get("description"), f+".description")
	pr.Type = p.str(e.Get("type"), f+".type")
	pr.ContentType = p.str(e.Get("contentType"), f+".contentType")
	src := e.Get("src")
	switch {
	case src.Type == gjson.String:
		pr.Src = []string{src.String()}
	case src.IsArray():
		src.ForEach(func(_, s gjson.Result) bool {
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
	b := &Body{Mode: p.str(v.Get("mode"), field+".mode"), Disabled: v.Get("disabled").Bool()}
	switch b.Mode {
	case "":
		return nil // {} or a body with no mode: Postman sends nothing
	case "raw":
		b.Raw = p.str(v.Get("raw"), field+".raw")
		b.Language = p.str(v.Get("options.raw.language"), field+".options.raw.language")
	case "urlencoded":
		b.URLEncoded = p.params(v.Get("urlencoded"), field+".urlencoded")
	case "formdata":
		b.FormData = p.params(v.Get("formdata"), field+".formdata")
		for i := range b.FormData {
			switch b.FormData[i].Type {
			case "", "text", "file", "default":
			default:
				fd := b.FormData[i]
				p.warnf(v.Get("formdata."+strconv.Itoa(i)), fd.Path, "unknown form-data part type %q, sent as text", fd.Type)
				b.FormData[i].Type = "text"
			}
		}
	case "file":
		b.FileSrc = p.str(v.Get("file.src"), field+".file.src")
	case "graphql":
		g := v.Get("graphql")
		b.GraphQLQuery = p.str(g.Get("query"), field+".graphql.query")
		b.GraphQLOperation = p.str(g.Get("operationName"), field+".graphql.operationName")
		vars := g.Get("variables")
		switch {
		case vars.Type == gjson.String:
			b.GraphQLVariables = vars.String()
		case vars.IsObject() || vars.IsArray():
			b.GraphQLVariables = vars.Raw
		}
	default:
		if !bodyModes[b.Mode] {
			p.errorf(v.Get("mode"), field+".mode", "unknown body mode %q (want raw, urlencoded, formdata, file or graphql)", b.Mode)
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
	a := &Auth{Type: p.str(v.Get("type"), field+".type"), Pos: p.lines.pos(v.Index), Path: field}
	if a.Type == "" {
		return nil // no valid type: inherit
	}
	if !authTypes[a.Type] {
		p.warnf(v.Get("type"), field+".type", "unknown auth type %q; requests that use it are sent without auth (add it with WithRequestEditor)", a.Type)
	}
	params := v.Get(gjson.Escape(a.Type))
	pf := field + "." + a.Type
	switch {
	case params.IsArray():
		i := 0
		params.ForEach(func(_, e gjson.Result) bool {
			f := fmt.Sprintf("%s[%d]", pf, i)
			i++
			if e.IsObject() {
				a.Params = append(a.Params, Param{Key: e.Get("key").String(), Value: p.scalar(e.Get("value"), f+".value"), Pos: p.lines.pos(e.Index), Path: f})
			}
			return true
		})
	case params.IsObject():
		params.ForEach(func(k, e gjson.Result) bool {
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
	v.ForEach(func(_, e gjson.Result) bool {
		f := fmt.Sprintf("%s[%d]", field, i)
		i++
		if !e.IsObject() {
			p.warnf(e, f, "a saved response must be an object, found %s; ignored", kindOf(e))
			return true
		}
		r := &Response{Pos: p.lines.pos(e.Index), Path: f}
		r.Name = p.str(e.Get("name"), f+".name")
		r.Status = p.str(e.Get("status"), f+".status")
		if code := e.Get("code"); code.Exists() && code.Type != gjson.Null {
			if code.Type == gjson.Number || (code.Type == gjson.String && isDigits(code.String())) {
				r.Code = int(code.Int())
			} else {
				p.warnf(code, f+".code", "status code must be a number, found %s", kindOf(code))
			}
		}
		r.Headers = p.headers(e.Get("header"), f+".header")
		r.Body = p.str(e.Get("body"), f+".body")
		r.PreviewLanguage = p.str(e.Get("_postman_previewlanguage"), f+"._postman_previewlanguage")
		if or := e.Get("originalRequest"); or.Exists() && or.Type != gjson.Null {
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
	v.ForEach(func(_, e gjson.Result) bool {
		ev := Event{Listen: e.Get("listen").String(), Disabled: e.Get("disabled").Bool()}
		exec := e.Get("script.exec")
		if exec.IsArray() {
			var lines []string
			exec.ForEach(func(_, l gjson.Result) bool {
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
	v.ForEach(func(_, e gjson.Result) bool {
		f := fmt.Sprintf("%s[%d]", field, i)
		i++
		if !e.IsObject() {
			p.warnf(e, f, "a variable must be an object, found %s; ignored", kindOf(e))
			return true
		}
		key := e.Get("key")
		if !key.Exists() {
			key = e.Get("id")
		}
		out = append(out, Variable{
			Key:         p.scalar(key, f+".key"),
			Value:       p.scalar(e.Get("value"), f+".value"),
			Type:        e.Get("type").String(),
			Description: p.description(e.Get("description"), f+".description"),
			Disabled:    e.Get("disabled").Bool(),
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
		return v.Get("content").String()
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
		return v.Raw
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
	return v.Raw
}

// expect reports an error unless v is missing or of type t.
func (p *state) expect(v gjson.Result, field string, t gjson.Type) bool {
	if !v.Exists() {
		return false
	}
	if v.Type != t {
		p.errorf(v, field, "wrong type: want %s, found %s", typeName(t), kindOf(v))
		return false
	}
	return true
}

func typeName(t gjson.Type) string {
	switch t {
	case gjson.String:
		return "string"
	case gjson.Number:
		return "number"
	case gjson.JSON:
		return "object"
	}
	return t.String()
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
		return "number " + v.Raw
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
