package generator

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"sort"
	"strconv"
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

	// Requests whose host names undefined variables, by host text, and
	// requests whose auth the client does not implement, by auth type;
	// each group is reported once.
	badHosts  map[string][]*parser.RequestItem
	hostOrder []string
	otherAuth map[string][]*parser.RequestItem
	authOrder []string

	config      *Config
	usedConfig  map[string]bool     // config keys that matched a request
	configNamed map[string]bool     // configured names already given
	queryValues map[string][]string // enabled query values by key, for constantQuery
}

func lower(c *parser.Collection, opts Options) (*Package, []*parser.Diagnostic) {
	l := &lowerer{
		c:           c,
		pkg:         &Package{Name: opts.Package, Title: c.Name},
		vars:        map[string]string{},
		names:       newScope(runtimeNames()...),
		file:        opts.Source,
		enumVals:    map[*Field][]string{},
		badHosts:    map[string][]*parser.RequestItem{},
		otherAuth:   map[string][]*parser.RequestItem{},
		config:      opts.Config,
		usedConfig:  map[string]bool{},
		configNamed: map[string]bool{},
	}
	l.reserveConfigNames()
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
	bases, templates := map[string]int{}, map[string]int{}
	opBases := make([]string, len(reqs))
	opTemplates := make([]string, len(reqs))
	scopes := make([]*scope, len(reqs))
	for i, ri := range reqs {
		op, base, tmpl, fields := l.operation(ri)
		l.applyFieldConfig(op, ri, fields)
		l.pkg.Operations = append(l.pkg.Operations, op)
		opBases[i], opTemplates[i], scopes[i] = base, tmpl, fields
		if base != "" {
			bases[base]++
		}
		if tmpl != "" {
			templates[tmpl]++
		}
	}
	l.pkg.BaseURL = mostCommon(bases)
	// The main host: the most common resolved base, else the most common
	// host with undefined variables, which the user gives with WithBaseURL.
	mainTemplate := ""
	if l.pkg.BaseURL == "" {
		mainTemplate = mostCommon(templates)
	}
	for i, op := range l.pkg.Operations {
		switch {
		case opBases[i] != "" && opBases[i] != l.pkg.BaseURL:
			// An operation on another host keeps its own absolute base.
			op.BaseURL = opBases[i]
		case opTemplates[i] != "" && opTemplates[i] != mainTemplate:
			// Another host with undefined variables: they become
			// parameters of the operation.
			l.hostParams(reqs[i], op, opTemplates[i], scopes[i])
		}
	}
	if mainTemplate != "" {
		l.warnf(l.badHosts[mainTemplate][0], "host %q uses variables the collection does not define%s; give the base URL with WithBaseURL", mainTemplate, usedBy(l.badHosts[mainTemplate]))
	}
	l.warnAuth()
	l.warnUnusedConfig()
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

// warnAt is warnf for a place inside the item: pos and field (its JSON
// path in the item) when the parser recorded them.
func (l *lowerer) warnAt(ri *parser.RequestItem, pos parser.Position, field, format string, args ...any) {
	l.warnf(ri, format, args...)
	d := l.warns[len(l.warns)-1]
	if pos.Line > 0 {
		d.Pos = pos
	}
	d.Field = field
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

// resolve substitutes collection variables the way Postman does.
func (l *lowerer) resolve(s string) string { return resolveVars(s, l.vars) }

// resolveVars substitutes {{name}} references the way Postman does:
// textually, up to 19 passes (nested references), unknown names left in
// place.
func resolveVars(s string, vars map[string]string) string {
	for pass := 0; pass < 19 && strings.Contains(s, "{{"); pass++ {
		next := postmanVar.ReplaceAllStringFunc(s, func(m string) string {
			if v, ok := vars[m[2:len(m)-2]]; ok {
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

func (l *lowerer) operation(ri *parser.RequestItem) (op *Operation, base, hostTemplate string, fields *scope) {
	req := ri.Request
	op = &Operation{ItemName: itemName(ri), Method: req.Method, Scripts: ri.Scripts}
	l.nameOperation(op, ri)

	fields = newScope("Validate")
	base, hostTemplate = l.baseURL(ri)
	l.path(op, ri, fields)
	l.query(op, ri, fields)
	l.headers(op, ri, fields)
	l.body(op, ri, fields)
	if ct := l.resolve(op.declaredContentType); ct != "" && !strings.Contains(ct, "{{") {
		// Postman sends the collection's header as given; a body the client
		// sends replaces it with the encoder's (multipart with its boundary).
		op.Headers = append(op.Headers, Header{Key: "Content-Type", Value: ct})
	}
	l.groupBrackets(op, fields) // brackets.go: expand[0], card[number], ...
	l.fixedValues(op)
	op.Auth = l.auth(ri)

	desc := req.Description
	if desc == "" {
		desc = ri.Description
	}
	op.Doc = docLines(desc)
	op.Responses = responseTable(ri.Responses)
	op.ResponseHeaders = responseHeaders(ri.Responses)
	op.ResponseData = l.responseData(op, ri)
	op.ErrorData = l.errorData(op, ri)
	return op, base, hostTemplate, fields
}

// nameOperation names the method after the item, then its folder and item,
// then with a number, so that names never collide.
func (l *lowerer) nameOperation(op *Operation, ri *parser.RequestItem) {
	text := ri.Name
	if exportedName(text) == "" {
		// No usable name: method and path, "GET /users/:id" → GetUsersID.
		path := strings.Join(ri.Request.URL.Path, " ")
		if strings.TrimSpace(path) == "" {
			path = "root"
		}
		text = strings.ToLower(ri.Request.Method) + " " + path
	}
	base := exportedName(text)
	if base == "" {
		base = "Request"
	}
	companions := []string{"Params", "Response", "Responses"}
	if oc, key, ok := l.opConfig(ri); ok && oc.Name != "" && !l.configNamed[oc.Name] {
		// Reserved for this operation by reserveConfigNames.
		l.configNamed[oc.Name] = true
		l.usedConfig[key] = true
		op.Name, op.ParamsType, op.ResponseType, op.TableVar = oc.Name, oc.Name+"Params", oc.Name+"Response", oc.Name+"Responses"
		return
	}
	name := base
	if !l.names.free(name, name+"Params", name+"Response", name+"Responses") && len(ri.Folders) > 0 {
		// The folder's name in front, cased as one text: "v2" + "201" →
		// V2201, not V2X201.
		if prefixed := exportedName(ri.Folders[len(ri.Folders)-1].Name + " " + text); prefixed != "" && prefixed != base {
			name = prefixed
		}
	}
	name = l.names.unique(name, companions...)
	op.Name, op.ParamsType, op.ResponseType, op.TableVar = name, name+"Params", name+"Response", name+"Responses"
}

// baseURL returns the request's scheme, host, port (and any base path a
// variable carries), resolved. When the host names variables the collection
// does not define, base is "" and template is the host text with the known
// variables substituted, e.g. "https://{{region}}.example.com".
func (l *lowerer) baseURL(ri *parser.RequestItem) (base, template string) {
	u := ri.Request.URL
	host := l.resolve(strings.Join(u.Host, "."))
	if host == "" {
		return "", ""
	}
	proto := l.resolve(u.Protocol)
	base = host
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
		// No scheme in the collection: atBase adds http:// at run time
		// unless a variable's value brings one.
		template = host
		if p := l.resolve(u.Protocol); p != "" && !strings.Contains(host, "://") {
			template = p + "://" + host
		}
		if u.Port != "" {
			template += ":" + l.resolve(u.Port)
		}
		l.badHosts[template] = append(l.badHosts[template], ri)
		return "", template
	}
	if scheme, rest, ok := strings.Cut(base, "://"); ok {
		// Only the host part: a base path may contain "@".
		// user:password@host: credentials never become a constant.
		hostPart, path, _ := strings.Cut(rest, "/")
		if at := strings.LastIndex(hostPart, "@"); at >= 0 {
			l.warnf(ri, "the URL carries credentials (user:password@); they are not generated, use WithBasicAuth")
			base = scheme + "://" + hostPart[at+1:]
			if path != "" {
				base += "/" + path
			}
		}
	}
	base = strings.TrimSuffix(base, "/")
	if u, err := url.Parse(base); err != nil || u.Scheme == "" || u.Host == "" {
		l.warnf(ri, "host %q does not make a usable base URL (%q); the request goes to the client's base URL", strings.Join(ri.Request.URL.Host, "."), base)
		return "", ""
	}
	return base, ""
}

// hostParams makes each undefined variable of an operation's host template
// a required parameter, from which the operation builds its base URL.
func (l *lowerer) hostParams(ri *parser.RequestItem, op *Operation, template string, fields *scope) {
	if nestedVars(template) || strings.Contains(postmanVar.ReplaceAllString(template, ""), "{{") {
		l.warnf(ri, "host %q cannot be split into text and variables; the request goes to the client's base URL", template)
		return
	}
	byName := map[string]*Field{}
	var hostFields []*Field
	for s := template; s != ""; {
		loc := postmanVar.FindStringSubmatchIndex(s)
		if loc == nil {
			op.BaseTemplate = append(op.BaseTemplate, BasePart{Literal: s})
			break
		}
		if loc[0] > 0 {
			op.BaseTemplate = append(op.BaseTemplate, BasePart{Literal: s[:loc[0]]})
		}
		name := s[loc[2]:loc[3]]
		f := byName[name]
		if f == nil {
			goName := exportedName(name)
			if goName == "" {
				goName = "Host"
			}
			f = &Field{Name: fields.unique(goName), Wire: name, In: InHost, Kind: KindString, Required: true, Evidence: "variable in the host"}
			f.Doc = []string{fmt.Sprintf("%s is the host variable %q, part of this operation's base URL.", f.Name, name)}
			byName[name] = f
			hostFields = append(hostFields, f)
		}
		op.BaseTemplate = append(op.BaseTemplate, BasePart{Param: f})
		s = s[loc[1]:]
	}
	op.Fields = append(hostFields, op.Fields...)
}

// warnAuth reports each auth type the client does not implement once, with
// the requests that use it.
func (l *lowerer) warnAuth() {
	for _, typ := range l.authOrder {
		ris := l.otherAuth[typ]
		l.warnf(ris[0], "auth %q is not implemented by the client%s; add it with WithRequestEditor", typ, usedBy(ris))
	}
}

// usedBy names up to three requests of a group, after the first (which the
// warning names), and counts the rest: "" for one request.
func usedBy(ris []*parser.RequestItem) string {
	var names []string
	for i, ri := range ris {
		if i == 3 {
			names = append(names, fmt.Sprintf("and %d more", len(ris)-3))
			break
		}
		names = append(names, strconv.Quote(itemName(ri)))
	}
	if len(ris) == 1 {
		return ""
	}
	return fmt.Sprintf(" (used by %d requests: %s)", len(ris), strings.Join(names, ", "))
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
	param := func(wire, example, desc string) *Field {
		flush()
		ev := evidence{values: []string{example}, description: desc}
		f := l.field(fields, wire, InPath, ev)
		f.Required = true
		op.Path = append(op.Path, PathPart{Param: f})
		op.Fields = append(op.Fields, f)
		text.WriteString("{" + wire + "}")
		return f
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
		if nestedVars(seg) {
			// {{a_{{b}}}}: Postman resolves the inner names first.
			seg = l.resolve(seg)
		}
		if nestedVars(seg) || strings.Contains(postmanVar.ReplaceAllString(seg, ""), "{{") {
			// Still not plain text and {{name}}s: the whole segment is
			// one parameter.
			param(strings.NewReplacer("{", "", "}", "").Replace(seg), "", "")
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
			f := param(name, l.vars[name], "")
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
		key, ok := l.wireName(ri, q, q.Key, "query parameter")
		if !ok {
			continue
		}
		ev := l.evidenceFor(ri, q, func(r *parser.Request) []parser.Param { return r.URL.Query })
		f := l.field(fields, key, InQuery, ev)
		if q.ValueNull {
			// "?key" with no "=": a flag.
			f.Kind, f.Enum, f.Required, f.Default, f.Example = KindFlag, nil, false, nil, ""
			f.Evidence = "query key without a value"
			f.Doc = []string{fmt.Sprintf("%s, when true, sends the query key %q with no value (?%s).", f.Name, key, key)}
			f.Doc = append(f.Doc, docLines(q.Description)...)
			delete(l.enumVals, f)
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

func (l *lowerer) headers(op *Operation, ri *parser.RequestItem, fields *scope) {
	req := ri.Request
	for _, h := range req.Headers {
		key, ok := l.wireName(ri, h, strings.TrimSpace(h.Key), "header")
		if !ok {
			continue
		}
		lk := strings.ToLower(key)
		if lk == "content-type" {
			if !h.Disabled {
				op.declaredContentType = h.Value
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
			op.Headers = append(op.Headers, Header{Key: key, Value: h.Value})
			continue
		}
		ev := l.evidenceFor(ri, h, func(r *parser.Request) []parser.Param { return r.Headers })
		f := l.field(fields, key, InHeader, ev)
		if h.Disabled {
			disabled(f)
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
	if b == nil || b.Disabled || b.Mode == "" {
		return
	}
	if bodyPruned(l.c, ri) {
		// Postman's runtime drops it, so the wire has none: neither has the client.
		l.warnf(ri, "the collection gives a %s request a body, which Postman does not send; the client sends none either", ri.Request.Method)
		return
	}
	before := len(op.Fields)
	defer func() {
		if (op.Body == BodyMultipart || op.Body == BodyForm) && len(op.Fields) == before {
			op.Body = BodyNone // no usable entry: Postman sends no body
		}
	}()
	switch b.Mode {
	case "formdata":
		op.Body = BodyMultipart
		for _, p := range b.FormData {
			key, ok := l.wireName(ri, p, p.Key, "form-data part")
			if !ok {
				continue
			}
			ev := l.evidenceFor(ri, p, func(r *parser.Request) []parser.Param {
				if r.Body == nil {
					return nil
				}
				return r.Body.FormData
			})
			f := l.field(fields, key, InMultipart, ev)
			if ct := l.resolve(p.ContentType); !strings.Contains(ct, "{{") {
				f.ContentType = ct
			}
			if p.Type == "file" {
				f.Kind, f.Enum, f.Evidence, f.Default = KindFile, nil, "form-data file part", nil
				if len(p.Src) > 1 {
					// src as an array: one part per file, all with this name.
					f.Kind, f.Evidence = KindFiles, "form-data file part with several files"
					f.Doc = append(f.Doc, fmt.Sprintf("Each file is sent as its own part named %q.", key))
				}
				delete(l.enumVals, f)
			}
			if p.Disabled {
				disabled(f)
			}
			op.Fields = append(op.Fields, f)
		}
	case "urlencoded":
		op.Body = BodyForm
		for _, p := range b.URLEncoded {
			key, ok := l.wireName(ri, p, p.Key, "form field")
			if !ok {
				continue
			}
			ev := l.evidenceFor(ri, p, func(r *parser.Request) []parser.Param {
				if r.Body == nil {
					return nil
				}
				return r.Body.URLEncoded
			})
			f := l.field(fields, key, InForm, ev)
			if p.Disabled {
				disabled(f)
			}
			op.Fields = append(op.Fields, f)
		}
	case "graphql":
		op.Body = BodyGraphQL
		l.graphQL(op, b, fields)
	case "raw":
		op.Body = BodyRaw
		example := b.Raw
		if op.RawContentType == "" {
			op.RawContentType = rawContentTypes[b.Language]
		}
		if l.jsonBody(op, ri, fields, example) {
			break
		}
		op.Fields = append(op.Fields, &Field{
			Name: fields.unique("Body"), Wire: "body", In: InBody, Kind: KindBytes,
			Doc:     []string{"Body is sent as the request body (" + op.RawContentType + ")."},
			Example: example, Evidence: "raw body",
		})
	case "file":
		op.Body = BodyFile
		if op.RawContentType == "" {
			op.RawContentType = "application/octet-stream" // what newman sends for a file body
		}
		op.Fields = append(op.Fields, &Field{
			Name: fields.unique("Body"), Wire: "body", In: InBody, Kind: KindReader,
			Doc:      []string{"Body is streamed as the request body."},
			Evidence: "file body",
		})
	default:
		panic("unknown body mode " + b.Mode)
	}
}

func bodyPruned(collection *parser.Collection, ri *parser.RequestItem) bool {
	switch ri.Request.Method {
	case http.MethodGet, http.MethodHead, "COPY", "PURGE", "UNLOCK":
	default:
		return false
	}
	// The innermost setting wins: item, then folders inside out, then the
	// collection.
	layers := []map[string]string{ri.ProtocolProfileBehavior}
	for i := len(ri.Folders) - 1; i >= 0; i-- {
		layers = append(layers, ri.Folders[i].ProtocolProfileBehavior)
	}
	layers = append(layers, collection.ProtocolProfileBehavior)
	for _, m := range layers {
		if v, ok := m["disableBodyPruning"]; ok {
			return v != "true"
		}
	}
	return true
}

// graphQL adds the members of a GraphQL request: the query, the variables
// (JSON text) and the operation name, each defaulting to the collection's
// text when that text holds no variable the client cannot fill.
func (l *lowerer) graphQL(op *Operation, b *parser.Body, fields *scope) {
	member := func(name, wire string, kind Kind, text, doc string) {
		f := &Field{Name: fields.unique(name), Wire: wire, In: InGraphQL, Kind: kind, Evidence: "graphql body"}
		f.Doc = []string{fmt.Sprintf("%s is the GraphQL %s.", f.Name, doc)}
		text = l.resolve(strings.TrimSpace(text))
		switch {
		case text == "":
		case strings.Contains(text, "{{"):
			f.Example = text
		case kind == KindJSON && !json.Valid([]byte(text)):
			f.Example = text
		default:
			f.Default = []ValuePart{{Literal: text}}
			f.Doc = append(f.Doc, "Left empty, the collection's text is sent.")
		}
		if wire == "query" && f.Default == nil {
			f.Required = true
		}
		op.Fields = append(op.Fields, f)
	}
	member("Query", "query", KindString, b.GraphQLQuery, "query document")
	member("Variables", "variables", KindJSON, b.GraphQLVariables, "variables, a JSON object")
	member("OperationName", "operationName", KindString, b.GraphQLOperation, "operation to run")
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
	return resolved, resolved != ""
}

// disabled makes the field of a disabled collection entry optional with
// nothing sent by default, as Postman does not send disabled entries.
func disabled(f *Field) {
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
func (l *lowerer) valueDefault(v string, withVars bool) (parts []ValuePart, ok bool) {
	if !strings.Contains(v, "{{") {
		return nil, false
	}
	s := v
	if withVars {
		s = l.resolve(v)
	}
	for s != "" {
		loc := postmanVar.FindStringSubmatchIndex(s)
		if loc == nil {
			parts = appendLiteral(parts, s)
			break
		}
		parts = appendLiteral(parts, s[:loc[0]])
		helper, known := dynamicHelpers[s[loc[2]:loc[3]]]
		if !known {
			return nil, false
		}
		parts = append(parts, ValuePart{Helper: helper})
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
	for _, m := range postmanVar.FindAllStringSubmatch(v, -1) {
		if name := m[1]; strings.HasPrefix(name, "$") && dynamicHelpers[name] == "" && !contains(out, name) {
			out = append(out, name)
		}
	}
	return out
}

func appendLiteral(parts []ValuePart, s string) []ValuePart {
	if s == "" {
		return parts
	}
	return append(parts, ValuePart{Literal: s})
}

// defaultDoc documents a field's default.
func defaultDoc(parts []ValuePart) []string {
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
	line := "Left empty, it is sent as " + strconv.Quote(oneLine(b.String()))
	if dynamic {
		line += ", with <...> computed per request as Postman's dynamic variables are"
	}
	return []string{line + "."}
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
		Layout:   inf.layout,

		Described: strings.TrimSpace(ev.description) != "",

		ServerDefault: inf.serverDefault,
	}
	if len(ev.values) > 0 {
		if !strings.Contains(ev.values[0], "{{") {
			f.literal = ev.values[0]
		}
		f.Example = l.resolve(ev.values[0])
		if in == InHeader && f.Example != ev.values[0] {
			// Header values are where tokens live: name the variable
			// rather than copy its value into the docs.
			f.Example = ev.values[0]
		}
	}
	f.Doc = append([]string{fmt.Sprintf("%s is the %s %q.", f.Name, in, wire)}, docLines(inf.doc)...)
	if len(ev.values) > 0 && in != InPath && f.Kind == KindString {
		if parts, ok := l.valueDefault(ev.values[0], false); ok {
			f.Required, f.Default = false, parts
			f.Doc = append(f.Doc, defaultDoc(parts)...)
		} else if names := fakerVariables(ev.values[0]); len(names) > 0 {
			f.Doc = append(f.Doc, "Postman fills it with random test data ("+strings.Join(names, ", ")+"); the client sends what you set.")
		}
	}
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
	case "bearer":
		return Auth{Kind: AuthBearer}
	case "oauth2":
		if ri.Auth.Get("addTokenTo") == "queryParams" {
			// The token goes in the query; the client only sends it in a header.
			break
		}
		prefix := strings.TrimSpace(l.resolve(ri.Auth.Get("headerPrefix")))
		if prefix == "Bearer" || prefix == "" || strings.Contains(prefix, "{{") || !validHeaderName(prefix) {
			prefix = ""
		}
		return Auth{Kind: AuthBearer, Prefix: prefix}
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
	if _, ok := l.otherAuth[ri.Auth.Type]; !ok {
		l.authOrder = append(l.authOrder, ri.Auth.Type)
	}
	l.otherAuth[ri.Auth.Type] = append(l.otherAuth[ri.Auth.Type], ri)
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
		for _, f := range allFields(op.Fields) { // group members too (brackets.go)
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

// fixedValues makes the collection's own value the default of an enabled,
// undocumented query entry that carries the same value on every request of
// the collection that has the key, at least two of them (api-version=1.0,
// format=json): that is a constant Postman always sends, so the client sends
// it unless the field is set. Any other value is an example only:
// openapi-to-postman and hand-made collections fill values with samples.
// Values from variables never become defaults (they may be secrets).
func (l *lowerer) fixedValues(op *Operation) {
	for _, f := range op.Fields {
		if f.In != InQuery || f.Default != nil || f.Required || f.Disabled || f.Described || f.literal == "" {
			continue
		}
		v := f.literal
		if !l.constantQuery(f.Wire, v) || !scalarKind(f.Kind) || !concreteValue(v) || isLorem(v) ||
			(f.Kind == KindEnum && !contains(l.enumVals[f], v)) {
			continue
		}
		f.Default = []ValuePart{{Literal: v}}
		f.Doc = append(f.Doc, "Unless set, "+strconv.Quote(v)+" is sent: every request of the collection sends that value.")
	}
}

// constantQuery reports whether every enabled query entry key in the
// collection has value v, and there are at least two.
func (l *lowerer) constantQuery(key, v string) bool {
	if l.queryValues == nil {
		l.queryValues = map[string][]string{}
		for _, ri := range l.c.Requests() {
			for _, q := range ri.Request.URL.Query {
				if !q.Disabled {
					l.queryValues[q.Key] = append(l.queryValues[q.Key], q.Value)
				}
			}
		}
	}
	vals := l.queryValues[key]
	if len(vals) < 2 {
		return false
	}
	for _, x := range vals {
		if x != v {
			return false
		}
	}
	return true
}
