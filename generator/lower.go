package generator

import (
	"fmt"
	"net/http"
	"sort"
	"strings"

	"github.com/postman2go/postman2go/parser"
)

// lowerer turns the parser's model into the IR.
type lowerer struct {
	c     *parser.Collection
	pkg   *Package
	vars  map[string]string // enabled collection variables
	names *scope            // package-level identifiers
	warns []*parser.Diagnostic
	file  string

	enumFields []*Field // fields of KindEnum, named after all operations
	enumVals   map[*Field][]string
}

func lower(c *parser.Collection, opts Options) (*Package, []*parser.Diagnostic) {
	l := &lowerer{
		c:        c,
		pkg:      &Package{Name: opts.Package, Title: c.Name},
		vars:     map[string]string{},
		names:    newScope(runtimeNames()...),
		file:     opts.Source,
		enumVals: map[*Field][]string{},
	}
	for _, v := range c.Variables {
		if !v.Disabled && v.Key != "" {
			l.vars[v.Key] = v.Value
		}
	}
	l.pkg.Doc = l.packageDoc()
	reqs := c.Requests()
	scripts := 0
	for _, ri := range reqs {
		if ri.Scripts > 0 {
			scripts++
		}
	}
	if scripts > 0 {
		l.warnf(nil, "%d requests have pre-request or test scripts; Postman runs them, the generated client does not", scripts)
	}
	bases := map[string]int{}
	for _, ri := range reqs {
		op, base := l.operation(ri)
		l.pkg.Operations = append(l.pkg.Operations, op)
		if base != "" {
			bases[base]++
		}
	}
	l.pkg.BaseURL = mostCommon(bases)
	l.nameEnums()
	return l.pkg, l.warns
}

func (l *lowerer) warnf(ri *parser.RequestItem, format string, args ...any) {
	d := &parser.Diagnostic{File: l.file, Msg: fmt.Sprintf(format, args...)}
	if ri != nil {
		d.Pos, d.Item, d.ItemPath = ri.Pos, itemName(ri), ri.Path
	}
	l.warns = append(l.warns, d)
}

func itemName(ri *parser.RequestItem) string {
	var parts []string
	for _, f := range ri.Folders {
		parts = append(parts, f.Name)
	}
	return strings.Join(append(parts, ri.Name), "/")
}

func (l *lowerer) packageDoc() []string {
	title := oneLine(l.c.Name)
	if title == "" {
		title = "the API"
	}
	doc := []string{fmt.Sprintf("Package %s is a client for %s, generated from its Postman collection.", l.pkg.Name, title)}
	if d := docLines(l.c.Description); len(d) > 0 {
		doc = append(append(doc, ""), d...)
	}
	return doc
}

// resolve substitutes collection variables the way Postman does: textually,
// repeatedly, leaving unknown names in place.
func (l *lowerer) resolve(s string) string {
	for pass := 0; pass < 19 && strings.Contains(s, "{{"); pass++ {
		next := postmanVar.ReplaceAllStringFunc(s, func(m string) string {
			if v, ok := l.vars[m[2:len(m)-2]]; ok {
				return v
			}
			return m
		})
		if next == s {
			break
		}
		s = next
	}
	return s
}

func (l *lowerer) operation(ri *parser.RequestItem) (*Operation, string) {
	req := ri.Request
	op := &Operation{ItemName: itemName(ri), Method: req.Method, Scripts: ri.Scripts}
	l.nameOperation(op, ri)

	fields := newScope("Validate")
	base := l.baseURL(ri)
	l.path(op, ri, fields)
	l.query(op, ri, fields)
	l.headers(op, ri, fields)
	l.body(op, ri, fields)
	op.Auth = l.auth(ri)

	desc := req.Description
	if desc == "" {
		desc = ri.Description
	}
	op.Doc = docLines(desc)
	op.Responses = responseTable(ri.Responses)
	op.ResponseHeaders = responseHeaders(ri.Responses)
	op.ResponseData = l.responseData(op, ri)
	return op, base
}

// nameOperation names the method after the item, then its folder and item,
// then with a number, so that names never collide.
func (l *lowerer) nameOperation(op *Operation, ri *parser.RequestItem) {
	base := exportedName(ri.Name)
	if base == "" {
		base = exportedName(ri.Request.Method + " " + strings.Join(ri.Request.URL.Path, " "))
	}
	if base == "" {
		base = "Request"
	}
	companions := []string{"Params", "Response", "Responses"}
	name := base
	if !l.names.free(name, name+"Params", name+"Response", name+"Responses") && len(ri.Folders) > 0 {
		if prefixed := exportedName(ri.Folders[len(ri.Folders)-1].Name) + base; prefixed != base {
			name = prefixed
		}
	}
	name = l.names.unique(name, companions...)
	op.Name, op.ParamsType, op.ResponseType, op.TableVar = name, name+"Params", name+"Response", name+"Responses"
}

// baseURL returns the request's scheme, host, port (and any base path a
// variable carries), resolved.
func (l *lowerer) baseURL(ri *parser.RequestItem) string {
	u := ri.Request.URL
	host := l.resolve(strings.Join(u.Host, "."))
	if host == "" {
		return ""
	}
	proto := l.resolve(u.Protocol)
	base := host
	if !strings.Contains(host, "://") {
		if proto == "" {
			proto = "http" // what Postman sends for a URL without a scheme
		}
		base = proto + "://" + host
	}
	if u.Port != "" {
		base += ":" + l.resolve(u.Port)
	}
	if strings.Contains(base, "{{") {
		l.warnf(ri, "host %q uses variables the collection does not define; set the base URL with WithBaseURL", strings.Join(u.Host, "."))
		return ""
	}
	return strings.TrimSuffix(base, "/")
}

// path splits the URL path into literal text and parameters: ":name"
// segments (the name runs to the first ".") and {{name}} references.
func (l *lowerer) path(op *Operation, ri *parser.RequestItem, fields *scope) {
	u := ri.Request.URL
	var lit strings.Builder
	var text strings.Builder
	flush := func() {
		if lit.Len() > 0 {
			op.Path = append(op.Path, PathPart{Literal: lit.String()})
			lit.Reset()
		}
	}
	param := func(wire, example, desc string) {
		flush()
		ev := evidence{values: []string{example}, description: desc}
		f := l.field(fields, wire, InPath, ev)
		f.Required = true
		op.Path = append(op.Path, PathPart{Param: f})
		op.Fields = append(op.Fields, f)
		text.WriteString("{" + wire + "}")
	}
	for _, seg := range u.Path {
		lit.WriteString("/")
		text.WriteString("/")
		if strings.HasPrefix(seg, ":") && len(seg) > 1 {
			name, rest, _ := strings.Cut(seg[1:], ".")
			v := pathVariable(u.Variables, name)
			param(name, v.Value, v.Description)
			if rest != "" {
				lit.WriteString("." + rest)
				text.WriteString("." + rest)
			}
			continue
		}
		for seg != "" {
			loc := postmanVar.FindStringSubmatchIndex(seg)
			if loc == nil {
				lit.WriteString(seg)
				text.WriteString(seg)
				break
			}
			lit.WriteString(seg[:loc[0]])
			text.WriteString(seg[:loc[0]])
			name := seg[loc[2]:loc[3]]
			param(name, l.vars[name], "")
			seg = seg[loc[1]:]
		}
	}
	flush()
	op.PathText = text.String()
	if op.PathText == "" {
		op.PathText = "/"
	}
}

func pathVariable(vars []parser.Param, name string) parser.Param {
	for _, v := range vars {
		if v.Key == name {
			return v
		}
	}
	return parser.Param{Key: name}
}

func (l *lowerer) query(op *Operation, ri *parser.RequestItem, fields *scope) {
	for _, q := range ri.Request.URL.Query {
		if q.Key == "" {
			continue
		}
		ev := l.evidenceFor(ri, q, func(r *parser.Request) []parser.Param { return r.URL.Query })
		f := l.field(fields, q.Key, InQuery, ev)
		if q.Disabled {
			f.Required = false
		}
		op.Fields = append(op.Fields, f)
	}
}

// sensitiveHeaders are never fixed values: a literal token in a collection
// is a parameter.
var sensitiveHeaders = map[string]bool{"authorization": true, "cookie": true, "proxy-authorization": true}

func (l *lowerer) headers(op *Operation, ri *parser.RequestItem, fields *scope) {
	req := ri.Request
	for _, h := range req.Headers {
		key := strings.TrimSpace(h.Key)
		lk := strings.ToLower(key)
		if key == "" {
			continue
		}
		if lk == "content-type" {
			if req.Body != nil && (req.Body.Mode == "raw" || req.Body.Mode == "file") && !h.Disabled {
				op.RawContentType = l.resolve(h.Value)
			}
			continue // the body encoder sets it
		}
		isParam := h.Disabled || h.Description != "" || sensitiveHeaders[lk] ||
			strings.Contains(h.Value, "{{") || (strings.HasPrefix(h.Value, "<") && strings.HasSuffix(h.Value, ">"))
		if !isParam {
			op.Headers = append(op.Headers, Header{Key: key, Value: h.Value})
			continue
		}
		ev := l.evidenceFor(ri, h, func(r *parser.Request) []parser.Param { return r.Headers })
		f := l.field(fields, key, InHeader, ev)
		if h.Disabled {
			f.Required = false
		}
		op.Fields = append(op.Fields, f)
	}
}

// rawContentTypes is what Postman sends for a raw body without a
// Content-Type header.
var rawContentTypes = map[string]string{
	"json": "application/json", "xml": "application/xml", "text": "text/plain",
	"javascript": "application/javascript", "html": "text/html", "": "text/plain",
}

func (l *lowerer) body(op *Operation, ri *parser.RequestItem, fields *scope) {
	b := ri.Request.Body
	if b == nil || b.Disabled {
		return
	}
	switch b.Mode {
	case "formdata":
		op.Body = BodyMultipart
		for _, p := range b.FormData {
			if p.Key == "" {
				continue
			}
			ev := l.evidenceFor(ri, p, func(r *parser.Request) []parser.Param {
				if r.Body == nil {
					return nil
				}
				return r.Body.FormData
			})
			f := l.field(fields, p.Key, InMultipart, ev)
			f.ContentType = p.ContentType
			if p.Type == "file" {
				f.Kind, f.Enum, f.Evidence = KindFile, nil, "form-data file part"
				delete(l.enumVals, f)
			}
			if p.Disabled {
				f.Required = false
			}
			op.Fields = append(op.Fields, f)
		}
	case "urlencoded":
		op.Body = BodyForm
		for _, p := range b.URLEncoded {
			if p.Key == "" {
				continue
			}
			ev := l.evidenceFor(ri, p, func(r *parser.Request) []parser.Param {
				if r.Body == nil {
					return nil
				}
				return r.Body.URLEncoded
			})
			f := l.field(fields, p.Key, InForm, ev)
			if p.Disabled {
				f.Required = false
			}
			op.Fields = append(op.Fields, f)
		}
	case "raw", "graphql":
		op.Body = BodyRaw
		example := b.Raw
		if b.Mode == "graphql" {
			example = graphQLBody(b)
			if op.RawContentType == "" {
				op.RawContentType = "application/json"
			}
		}
		if op.RawContentType == "" {
			op.RawContentType = rawContentTypes[b.Language]
		}
		if b.Mode == "raw" && l.jsonBody(op, ri, fields, example) {
			break
		}
		op.Fields = append(op.Fields, &Field{
			Name: fields.unique("Body"), Wire: "body", In: InBody, Kind: KindBytes,
			Doc:     []string{"Body is sent as the request body (" + op.RawContentType + ")."},
			Example: example, Evidence: "raw body",
		})
	case "file":
		op.Body = BodyFile
		op.Fields = append(op.Fields, &Field{
			Name: fields.unique("Body"), Wire: "body", In: InBody, Kind: KindReader,
			Doc:      []string{"Body is streamed as the request body."},
			Evidence: "file body",
		})
	default:
		panic("unknown body mode " + b.Mode)
	}
	if bodyPruned(ri) && op.Body != BodyNone {
		l.warnf(ri, "Postman drops the body of a %s request; the client sends it", ri.Request.Method)
	}
}

func bodyPruned(ri *parser.RequestItem) bool {
	switch ri.Request.Method {
	case http.MethodGet, http.MethodHead, "COPY", "PURGE", "UNLOCK":
	default:
		return false
	}
	if ri.ProtocolProfileBehavior["disableBodyPruning"] == "true" {
		return false
	}
	for _, f := range ri.Folders {
		if f.ProtocolProfileBehavior["disableBodyPruning"] == "true" {
			return false
		}
	}
	return true
}

func graphQLBody(b *parser.Body) string {
	vars := strings.TrimSpace(b.GraphQLVariables)
	if vars == "" {
		vars = "{}"
	}
	return fmt.Sprintf(`{"query":%q,"variables":%s}`, b.GraphQLQuery, vars)
}

// evidenceFor gathers a param's values from the request and from every
// saved example's originalRequest.
func (l *lowerer) evidenceFor(ri *parser.RequestItem, p parser.Param, list func(*parser.Request) []parser.Param) evidence {
	ev := evidence{values: []string{p.Value}, description: p.Description}
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
func (l *lowerer) field(fields *scope, wire string, in Location, ev evidence) *Field {
	inf := infer(ev)
	name := exportedName(wire)
	if name == "" {
		name = "Param"
	}
	f := &Field{
		Name:     fields.unique(name),
		Wire:     wire,
		In:       in,
		Kind:     inf.kind,
		Required: inf.required,
		Evidence: inf.why,
	}
	if len(ev.values) > 0 {
		f.Example = l.resolve(ev.values[0])
	}
	f.Doc = append([]string{fmt.Sprintf("%s is the %s %q.", f.Name, in, wire)}, docLines(inf.doc)...)
	if f.Kind == KindEnum {
		l.enumFields = append(l.enumFields, f)
		l.enumVals[f] = inf.enumValues
	}
	return f
}

// auth maps the effective Postman auth to the runtime scheme and warns
// about schemes the client cannot compute.
func (l *lowerer) auth(ri *parser.RequestItem) Auth {
	if ri.Auth == nil {
		return Auth{Kind: AuthInherit}
	}
	switch ri.Auth.Type {
	case "noauth":
		return Auth{Kind: AuthNone}
	case "bearer", "oauth2":
		return Auth{Kind: AuthBearer}
	case "basic":
		return Auth{Kind: AuthBasic}
	case "apikey":
		// Postman sends the key in a header unless "in" is "query".
		name, in := strings.TrimSpace(l.resolve(ri.Auth.Get("key"))), "header"
		if ri.Auth.Get("in") == "query" {
			in = "query"
		}
		if name != "" && !strings.Contains(name, "{{") && (in == "query" || validHeaderName(name)) {
			return Auth{Kind: AuthAPIKey, KeyName: name, KeyIn: in}
		}
		l.warnf(ri, "apikey auth has no usable key name (%q); add the key with WithRequestEditor", name)
		return Auth{Kind: AuthOther}
	}
	l.warnf(ri, "auth %q is not implemented by the client; add it with WithRequestEditor", ri.Auth.Type)
	return Auth{Kind: AuthOther}
}

// validHeaderName reports whether s is an HTTP token (RFC 9110).
func validHeaderName(s string) bool {
	for _, r := range s {
		if r >= 0x80 || r <= ' ' || strings.ContainsRune("\"(),/:;<=>?@[\\]{}\x7f", r) {
			return false
		}
	}
	return s != ""
}

// nameEnums creates the enum types. Fields with the same wire name and the
// same value set share one type, named after the field; an enum used by one
// operation is named after the operation and the field.
func (l *lowerer) nameEnums() {
	type key struct{ wire, values string }
	groups := map[key][]*Field{}
	var order []key
	owner := map[*Field]*Operation{}
	for _, op := range l.pkg.Operations {
		for _, f := range op.Fields {
			owner[f] = op
		}
		for _, p := range op.Path {
			if p.Param != nil {
				owner[p.Param] = op
			}
		}
	}
	for _, f := range l.enumFields {
		if f.Kind != KindEnum {
			continue // became a file part
		}
		k := key{f.Wire, strings.Join(l.enumVals[f], "\x00")}
		if _, ok := groups[k]; !ok {
			order = append(order, k)
		}
		groups[k] = append(groups[k], f)
	}
	for _, k := range order {
		fs := groups[k]
		first := fs[0]
		name := owner[first].Name + first.Name
		if shared := len(fs) > 1 && owner[fs[1]] != owner[first]; shared && l.names.free(first.Name) {
			name = first.Name
		}
		e := &Enum{Name: l.names.unique(name)}
		e.Doc = []string{fmt.Sprintf("%s is one of the documented values of %q.", e.Name, first.Wire)}
		for i, v := range l.enumVals[first] {
			e.Values = append(e.Values, EnumValue{Const: l.names.unique(enumConstName(e.Name, v, i)), Value: v})
		}
		for _, f := range fs {
			f.Enum = e
		}
		l.pkg.Enums = append(l.pkg.Enums, e)
	}
}

func mostCommon(counts map[string]int) string {
	keys := make([]string, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	best := ""
	for _, k := range keys {
		if counts[k] > counts[best] || best == "" {
			best = k
		}
	}
	return best
}
