package lower

// Params: path, query and header entries become fields, with their
// evidence, defaults and wire names.

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/postman2go/postman2go/generator/doctext"
	"github.com/postman2go/postman2go/generator/ir"
	"github.com/postman2go/postman2go/parser"
)

// path splits the URL path into literal text and parameters: ":name"
// segments (the name runs to the first ".") and {{name}} references.
func (l *lowerer) path(op *ir.Operation, ri *parser.RequestItem, fields *scope) {
	u := ri.Request.URL
	var lit strings.Builder
	var text strings.Builder
	flush := func() {
		if lit.Len() > 0 {
			op.Path = append(op.Path, ir.PathPart{Literal: lit.String()})
			lit.Reset()
		}
	}
	param := func(wire, example, desc string, source *parser.Param) *ir.Field {
		flush()
		ev := evidence{values: []string{example}, description: desc, source: source}
		f := l.field(fields, wire, ir.InPath, ev)
		f.Required = true
		op.Path = append(op.Path, ir.PathPart{Param: f})
		op.Fields = append(op.Fields, f)
		text.WriteString("{" + wire + "}")
		return f
	}
	idWires := map[string]bool{}
	for i, seg := range u.Path {
		lit.WriteString("/")
		text.WriteString("/")
		if name, why, ok := literalID(ri, i); ok {
			wire := idWire(u.Path, i, name)
			for n := 2; idWires[wire] || pathVariableNamed(u, wire); n++ {
				wire = fmt.Sprintf("%s%d", idWire(u.Path, i, name), n)
			}
			if !l.keepLiteral(ri, wire) {
				idWires[wire] = true
				example := seg
				if placeholderSeg.MatchString(seg) {
					example = "" // *id*, <id>, {id}: a name, not a value
				}
				f := param(wire, example, "", nil)
				// An id is text: 00042 and a 20-digit id are not numbers.
				f.Kind, f.Layout, f.PathLiteral = ir.KindString, "", seg
				f.Evidence = why + " (--config \"" + wire + "\": {\"literal\": true} keeps it literal)"
				continue
			}
		}
		if strings.HasPrefix(seg, ":") && len(seg) > 1 {
			name, rest, _ := strings.Cut(seg[1:], ".")
			v, ok := pathVariable(u.Variables, name)
			var source *parser.Param
			if ok {
				source = &v
			}
			param(name, v.Value, v.Description, source)
			if rest != "" {
				lit.WriteString("." + rest)
				text.WriteString("." + rest)
			}
			continue
		}
		if nestedVars(seg) {
			// {{a_{{b}}}}: Postman resolves the inner names first.
			seg = l.resolve(seg)
		}
		if nestedVars(seg) || strings.Contains(parser.VarRef.ReplaceAllString(seg, ""), "{{") {
			// Still not plain text and {{name}}s: the whole segment is
			// one parameter.
			param(strings.NewReplacer("{", "", "}", "").Replace(seg), "", "", nil)
			continue
		}
		for seg != "" {
			loc := parser.VarRef.FindStringSubmatchIndex(seg)
			if loc == nil {
				lit.WriteString(seg)
				text.WriteString(seg)
				break
			}
			lit.WriteString(seg[:loc[0]])
			text.WriteString(seg[:loc[0]])
			name := seg[loc[2]:loc[3]]
			f := param(name, l.vars[name], "", nil)
			// A collection default or a dynamic variable makes the
			// parameter optional: unset, the client sends what Postman would.
			if parts, ok := l.valueDefault(seg[loc[0]:loc[1]], true); ok {
				f.Required, f.Default = false, parts
				f.Doc = append(f.Doc, defaultDoc(parts)...)
			}
			seg = seg[loc[1]:]
		}
	}
	flush()
	op.PathText = text.String()
	if op.PathText == "" {
		op.PathText = "/"
	}
}

// pathVariableNamed reports whether the URL has a :name segment.
func pathVariableNamed(u parser.URL, name string) bool {
	for _, seg := range u.Path {
		if n, _, _ := strings.Cut(strings.TrimPrefix(seg, ":"), "."); strings.HasPrefix(seg, ":") && n == name {
			return true
		}
	}
	return false
}

func pathVariable(vars []parser.Param, name string) (parser.Param, bool) {
	for _, v := range vars {
		if v.Key == name {
			return v, true
		}
	}
	return parser.Param{Key: name}, false
}

func (l *lowerer) query(op *ir.Operation, ri *parser.RequestItem, fields *scope) {
	for i := range ri.Request.URL.Query {
		q := ri.Request.URL.Query[i]
		key, ok := l.wireName(ri, q, q.Key, "query parameter")
		if !ok {
			continue
		}
		ev := l.evidenceFor(ri, &ri.Request.URL.Query[i], func(r *parser.Request) []parser.Param { return r.URL.Query })
		f := l.field(fields, key, ir.InQuery, ev)
		if q.ValueNull {
			// "?key" with no "=": a flag.
			f.Kind, f.Enum, f.Required, f.Default, f.Example = ir.KindFlag, nil, false, nil, ""
			f.Evidence = "query key without a value"
			f.Doc = []string{fmt.Sprintf("%s, when true, sends the query key %q with no value (?%s).", f.Name, key, key)}
			f.Doc = append(f.Doc, l.docs.Lines(q.Description)...)
			f.EnumValues = nil
		}
		if q.Disabled {
			disabled(f)
		}
		op.Fields = append(op.Fields, f)
	}
}

// sensitiveHeaders are never fixed values: a literal token in a collection
// is a parameter.
var sensitiveHeaders = map[string]bool{"authorization": true, "cookie": true, "proxy-authorization": true}

// headers lowers the request's headers and returns the collection's enabled
// Content-Type header, which operation sends unless a body replaces it.
//
// A header that carries credentials ("Authorization: Bearer {{token}}",
// "X-API-Key: {{key}}") is returned as auth, not made a field.
func (l *lowerer) headers(op *ir.Operation, ri *parser.RequestItem, fields *scope) (declaredContentType string, auth []ir.Auth) {
	req := ri.Request
	for i := range req.Headers {
		h, hp := req.Headers[i], &req.Headers[i]
		key, ok := l.wireName(ri, h, strings.TrimSpace(h.Key), "header")
		if !ok {
			continue
		}
		if a, ok := headerAuth(key, h); ok {
			switch l.headerAuthRole(ri, a) {
			case headerIsAuth:
				if len(auth) == 0 { // the client sends one scheme; a second header stays a header
					auth = append(auth, a)
					continue
				}
			case headerRepeatsAuth:
				l.warnf(ri, "the %s header repeats the request's %s auth; the client sends the auth", headerName(a), ri.Auth.Type)
				continue
			}
			// Another header next to the request's own auth: a plain header.
		}
		lk := strings.ToLower(key)
		if lk == "content-type" {
			if !h.Disabled {
				declaredContentType = h.Value
			}
			if req.Body != nil && (req.Body.Mode == "raw" || req.Body.Mode == "file") && !h.Disabled {
				if ct := l.resolve(h.Value); !strings.Contains(ct, "{{") {
					op.RawContentType = ct
				} else {
					l.warnf(ri, "Content-Type %q uses variables the collection does not define; the body's default type is sent", h.Value)
				}
			}
			continue // the body encoder sets it
		}
		isParam := h.Disabled || h.Description != "" || sensitiveHeaders[lk] ||
			strings.Contains(h.Value, "{{") || (strings.HasPrefix(h.Value, "<") && strings.HasSuffix(h.Value, ">"))
		if !isParam {
			op.Headers = append(op.Headers, ir.Header{Key: key, Value: h.Value})
			continue
		}
		ev := l.evidenceFor(ri, hp, func(r *parser.Request) []parser.Param { return r.Headers })
		f := l.field(fields, key, ir.InHeader, ev)
		if h.Disabled {
			disabled(f)
		}
		op.Fields = append(op.Fields, f)
	}
	return declaredContentType, auth
}

// wireName is an entry's key as sent: collection variables substituted. An
// empty key is skipped; a key that still names an undefined variable is
// left out with a warning, since it would go out literally.
func (l *lowerer) wireName(ri *parser.RequestItem, entry parser.Param, key, what string) (string, bool) {
	if key == "" {
		return "", false
	}
	resolved := l.resolve(key)
	if strings.Contains(resolved, "{{") {
		l.warnAt(ri, entry.Pos, entry.Path, "%s name %q uses variables the collection does not define; it is not sent (add it with WithHeader or WithRequestEditor)", what, key)
		return "", false
	}
	if what == "header" && !validHeaderName(resolved) {
		l.warnAt(ri, entry.Pos, entry.Path, "header name %.60q is not a valid HTTP header name; it is not sent (Postman refuses it too)", key)
		return "", false
	}
	return resolved, resolved != ""
}

// disabled makes the field of a disabled collection entry optional with
// nothing sent by default, as Postman does not send disabled entries.
func disabled(f *ir.Field) {
	f.Required, f.Default, f.Disabled = false, nil, true
}

// nestedVars reports whether s has a {{ inside another {{...}}.
func nestedVars(s string) bool {
	depth := 0
	for i := 0; i+1 < len(s); i++ {
		switch s[i : i+2] {
		case "{{":
			if depth++; depth > 1 {
				return true
			}
			i++
		case "}}":
			if depth > 0 {
				depth--
			}
			i++
		}
	}
	return false
}

// dynamicHelpers maps the Postman dynamic variables the client computes to
// their runtime helpers (templates/runtime/dynamic.go). Postman's other
// dynamic variables are faker test data ($randomEmail, ...): fields that
// use them are plain parameters.
var dynamicHelpers = map[string]string{
	"$guid": "dynamicGUID", "$randomUUID": "dynamicGUID", "$timestamp": "dynamicTimestamp",
	"$isoTimestamp": "dynamicISOTimestamp", "$randomInt": "dynamicRandomInt",
}

// valueDefault returns what the client sends for an unset field whose
// collection value is v: v with dynamic variables computed per request and,
// when withVars is true, collection variables substituted. ok is false when
// v holds no variable at all (it is an example, not a default) or one the
// client cannot fill. Header, query and form values never take collection
// variables as defaults: those often hold credentials, which must not become
// constants in code.
func (l *lowerer) valueDefault(v string, withVars bool) (parts []ir.ValuePart, ok bool) {
	if !strings.Contains(v, "{{") {
		return nil, false
	}
	s := v
	if withVars {
		s = l.resolve(v)
	}
	for s != "" {
		loc := parser.VarRef.FindStringSubmatchIndex(s)
		if loc == nil {
			parts = appendLiteral(parts, s)
			break
		}
		parts = appendLiteral(parts, s[:loc[0]])
		helper, known := dynamicHelpers[s[loc[2]:loc[3]]]
		if !known {
			return nil, false
		}
		parts = append(parts, ir.ValuePart{Helper: helper})
		s = s[loc[1]:]
	}
	if len(parts) == 0 {
		return nil, false // resolves to "": nothing to send
	}
	for _, p := range parts {
		if strings.Contains(p.Literal, "{{") || strings.Contains(p.Literal, "}}") {
			return nil, false
		}
	}
	return parts, true
}

// fakerVariables lists the dynamic variables in v that the client does not
// compute.
func fakerVariables(v string) []string {
	var out []string
	for _, m := range parser.VarRef.FindAllStringSubmatch(v, -1) {
		if name := m[1]; strings.HasPrefix(name, "$") && dynamicHelpers[name] == "" && !contains(out, name) {
			out = append(out, name)
		}
	}
	return out
}

func appendLiteral(parts []ir.ValuePart, s string) []ir.ValuePart {
	if s == "" {
		return parts
	}
	return append(parts, ir.ValuePart{Literal: s})
}

// defaultDoc documents a field's default.
func defaultDoc(parts []ir.ValuePart) []string {
	var b strings.Builder
	dynamic := false
	for _, p := range parts {
		if p.Helper != "" {
			dynamic = true
			b.WriteString("<" + strings.TrimPrefix(p.Helper, "dynamic") + ">")
			continue
		}
		b.WriteString(p.Literal)
	}
	line := "Left empty, it is sent as " + strconv.Quote(doctext.OneLine(b.String()))
	if dynamic {
		line += ", with <...> computed per request as Postman's dynamic variables are"
	}
	return []string{line + "."}
}

// evidenceFor gathers a param's values from the request and from every
// saved example's originalRequest.
//
// p points into the collection, which outlives the IR: the field refers to
// the entry itself rather than to a copy (a copy per field was a tenth of
// the IR of 100,000 requests).
func (l *lowerer) evidenceFor(ri *parser.RequestItem, p *parser.Param, list func(*parser.Request) []parser.Param) evidence {
	ev := evidence{values: []string{p.Value}, description: p.Description, source: p}
	for _, r := range ri.Responses {
		if r.OriginalRequest == nil {
			continue
		}
		for _, q := range list(r.OriginalRequest) {
			if q.Key == p.Key && !contains(ev.values, q.Value) {
				ev.values = append(ev.values, q.Value)
			}
		}
	}
	return ev
}

// field builds one params field from its evidence.
func (l *lowerer) field(fields *scope, wire string, in ir.Location, ev evidence) *ir.Field {
	inf := infer(ev, l.docs)
	name := exportedName(wire)
	if name == "" {
		name = "Param"
	}
	f := &ir.Field{
		Source:   ev.source,
		Name:     fields.unique(name),
		Wire:     wire,
		In:       in,
		Kind:     inf.kind,
		Required: inf.required,
		Evidence: inf.why,
		Layout:   inf.layout,

		Described: strings.TrimSpace(ev.description) != "",
	}
	if len(ev.values) > 0 {
		if !strings.Contains(ev.values[0], "{{") {
			f.Literal = ev.values[0]
		}
		f.Example = l.resolve(ev.values[0])
		if in == ir.InHeader && f.Example != ev.values[0] {
			// Header values are where tokens live: name the variable
			// rather than copy its value into the docs.
			f.Example = ev.values[0]
		}
	}
	f.Doc = append([]string{fmt.Sprintf("%s is the %s %q.", f.Name, in, wire)}, l.docs.Lines(inf.doc)...)
	if len(ev.values) > 0 && in != ir.InPath && f.Kind == ir.KindString {
		if parts, ok := l.valueDefault(ev.values[0], false); ok {
			f.Required, f.Default = false, parts
			f.Doc = append(f.Doc, defaultDoc(parts)...)
		} else if names := fakerVariables(ev.values[0]); len(names) > 0 {
			f.Doc = append(f.Doc, "Postman fills it with random test data ("+strings.Join(names, ", ")+"); the client sends what you set.")
		}
	}
	if f.Kind == ir.KindEnum {
		l.enumFields = append(l.enumFields, f)
		f.EnumValues = inf.enumValues
	}
	return f
}

// fixedValues makes the collection's own value the default of an enabled,
// undocumented query entry that carries the same value on every request of
// the collection that has the key, at least two of them (api-version=1.0,
// format=json): that is a constant Postman always sends, so the client sends
// it unless the field is set. Any other value is an example only:
// openapi-to-postman and hand-made collections fill values with samples.
// Values from variables never become defaults (they may be secrets).
func (l *lowerer) fixedValues(op *ir.Operation) {
	for _, f := range op.Fields {
		if f.In != ir.InQuery || f.Default != nil || f.Required || f.Disabled || f.Described || f.Literal == "" {
			continue
		}
		v := f.Literal
		if !l.constantQuery(f.Wire, v) || !scalarKind(f.Kind) || !ir.IsConcreteText(v) || isLorem(v) ||
			(f.Kind == ir.KindEnum && !contains(f.EnumValues, v)) {
			continue
		}
		f.Default = []ir.ValuePart{{Literal: v}}
		f.Doc = append(f.Doc, "Unless set, "+strconv.Quote(v)+" is sent: every request of the collection sends that value.")
	}
}

// constantQuery reports whether every enabled query entry key in the
// collection has value v, and there are at least two. The values are
// summarised once per key, so the check is constant time: a collection of
// n requests sharing a key costs n, not n².
func (l *lowerer) constantQuery(key, v string) bool {
	if l.queryValues == nil {
		l.queryValues = map[string]*queryValues{}
		for _, ri := range l.c.Requests() {
			for _, q := range ri.Request.URL.Query {
				if q.Disabled {
					continue
				}
				qv := l.queryValues[q.Key]
				if qv == nil {
					qv = &queryValues{value: q.Value}
					l.queryValues[q.Key] = qv
				}
				qv.count++
				qv.mixed = qv.mixed || q.Value != qv.value
			}
		}
	}
	qv := l.queryValues[key]
	return qv != nil && qv.count >= 2 && !qv.mixed && qv.value == v
}

// queryValues summarises the enabled values of one query key.
type queryValues struct {
	value string // the first value
	count int
	mixed bool // some value differs from the first
}
