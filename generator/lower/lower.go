package lower

import (
	"fmt"
	"strings"

	"github.com/postman2go/postman2go/generator/doctext"
	"github.com/postman2go/postman2go/generator/ir"
	"github.com/postman2go/postman2go/parser"
)

// lowerer turns the parser's model into the IR.
type lowerer struct {
	c       *parser.Collection
	pkg     *ir.Package
	vars    map[string]string // enabled collection variables
	names   *scope            // package-level identifiers
	methods *scope            // Client methods: the operations
	warns   []*parser.Diagnostic
	file    string

	enumFields []*ir.Field                    // fields of KindEnum, named after all operations
	opNames    map[*parser.RequestItem]string // operationNames
	enumTypeOf map[*ir.Field]string           // enum type names the config gives
	structKeys map[*ir.Struct]string          // the JSON key of each struct (typeBuilder.keys)

	// Requests whose host names undefined variables, by host text, and
	// requests whose auth the client does not implement, by auth type;
	// each group is reported once.
	badHosts  map[string][]*parser.RequestItem
	hostOrder []string
	otherAuth map[string][]*parser.RequestItem
	authOrder []string

	config      *Config
	usedConfig  map[string]bool         // config keys that matched a request
	configNamed map[string]bool         // configured names already given
	keptLiteral map[string]bool         // config key + wire of path ids kept literal
	queryValues map[string]*queryValues // enabled query values by key, for constantQuery

	docs *doctext.Cache // every description's doc text, converted once
}

// descriptions lists the texts of reqs that lowering converts to doc text,
// in about the order it does, for Cache.Warm. One it misses is converted
// when it is read; one too many is work for another core.
func descriptions(reqs []*parser.RequestItem) []string {
	var out []string
	params := func(ps []parser.Param) {
		for _, p := range ps {
			if p.Description != "" {
				out = append(out, p.Description)
			}
		}
	}
	for _, ri := range reqs {
		if r := ri.Request; r != nil {
			params(r.URL.Variables)
			params(r.URL.Query)
			params(r.Headers)
			if r.Body != nil {
				params(r.Body.URLEncoded)
				params(r.Body.FormData)
			}
			out = append(out, r.Description)
		}
		out = append(out, ri.Description)
		for _, resp := range ri.Responses {
			out = append(out, resp.Name)
			params(resp.Headers)
		}
	}
	return out
}

// Options are what lowering needs besides the collection.
type Options struct {
	Package string  // the Go package name
	Source  string  // the input as warnings name it
	Config  *Config // overrides; nil for none
}

// Package lowers a parsed collection into the IR of its Go package: every
// name, type and wire encoding decided. Warnings name the items they are
// about.
func Package(c *parser.Collection, opts Options) (*ir.Package, []*parser.Diagnostic) {
	l := &lowerer{
		c:           c,
		pkg:         &ir.Package{Name: opts.Package},
		vars:        map[string]string{},
		names:       newScope(runtimeNames()...),
		methods:     newScope(runtimeNames()...),
		file:        opts.Source,
		badHosts:    map[string][]*parser.RequestItem{},
		otherAuth:   map[string][]*parser.RequestItem{},
		config:      opts.Config,
		usedConfig:  map[string]bool{},
		configNamed: map[string]bool{},
		structKeys:  map[*ir.Struct]string{},
		docs:        &doctext.Cache{},
	}
	l.reserveConfigNames()
	l.vars = c.EnabledVars()
	l.pkg.Doc = l.packageDoc()
	reqs := l.sendable(c.Requests())
	stop := l.docs.Warm(descriptions(reqs))
	defer stop()
	l.opNames = l.operationNames(reqs)
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
	l.shareModels() // models.go
	l.nameEnums()
	l.finalDocs()
	l.pkg.CollectionAuth = collectionAuth(l.pkg.Operations)
	return l.pkg, l.warns
}

// collectionAuth is the Auth of the first operation that inherits the
// collection's (neither its request nor a folder above it sets one, and it
// is not written as a header), which lowering resolved like any other;
// AuthInherit when none does.
func collectionAuth(ops []*ir.Operation) ir.Auth {
	for _, op := range ops {
		ri := op.Source
		if op.Auth.FromHeader != "" || ri.Request == nil || ri.Request.Auth != nil {
			continue
		}
		inherits := true
		for _, f := range ri.Folders {
			inherits = inherits && f.Auth == nil
		}
		if inherits {
			return op.Auth
		}
	}
	return ir.Auth{Kind: ir.AuthInherit}
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
	title := doctext.OneLine(l.c.Name)
	if title == "" {
		title = "the API"
	}
	doc := []string{fmt.Sprintf("Package %s is a client for %s, generated from its Postman collection.", l.pkg.Name, title)}
	if d := doctext.Lines(l.c.Description); len(d) > 0 {
		doc = append(append(doc, ""), d...)
	}
	return doc
}

// resolve substitutes collection variables the way Postman does.
func (l *lowerer) resolve(s string) string { return parser.Resolve(s, l.vars) }

// sendable leaves out, with a warning, requests no HTTP client can send:
// a method that is not an HTTP token (a space, a line break, a slash).
func (l *lowerer) sendable(reqs []*parser.RequestItem) []*parser.RequestItem {
	out := reqs[:0:0]
	for _, ri := range reqs {
		if !validHeaderName(ri.Request.Method) { // a method is a token too
			l.warnf(ri, "method %.40q is not an HTTP method name; the request is left out", ri.Request.Method)
			continue
		}
		out = append(out, ri)
	}
	return out
}

func (l *lowerer) operation(ri *parser.RequestItem) (op *ir.Operation, base, hostTemplate string, fields *scope) {
	req := ri.Request
	op = &ir.Operation{Source: ri, ItemName: itemName(ri), Method: req.Method, Scripts: ri.Scripts}
	l.nameOperation(op, ri)

	fields = newScope("Validate")
	base, hostTemplate = l.baseURL(ri)
	l.path(op, ri, fields)
	l.query(op, ri, fields)
	declaredContentType, headerAuth := l.headers(op, ri, fields)
	l.body(op, ri, fields)
	mergeAlternatives(op) // alternatives.go
	if ct := l.resolve(declaredContentType); ct != "" && !strings.Contains(ct, "{{") {
		// Postman sends the collection's header as given; a body the client
		// sends replaces it with the encoder's (multipart with its boundary).
		op.Headers = append(op.Headers, ir.Header{Key: "Content-Type", Value: ct})
	}
	// The config first, then the passes that read types and names: bracket
	// groups join configured types, constants see configured enums.
	l.applyFieldConfig(op, ri, fields)
	l.groupBrackets(op, fields) // brackets.go: expand[0], card[number], ...
	l.fixedValues(op)
	op.Auth = l.auth(ri)
	l.applyHeaderAuth(op, headerAuth)

	desc := req.Description
	if desc == "" {
		desc = ri.Description
	}
	op.Doc = l.docs.Lines(desc)
	op.Responses = responseTable(ri.Responses, l.docs)
	op.ResponseHeaders = responseHeaders(ri.Responses, l.docs)
	op.ResponseData = l.responseData(op, ri)
	op.ErrorData = l.errorData(op, ri)
	op.Paging = l.paging(op, ri) // paging.go
	return op, base, hostTemplate, fields
}

// nameOperation gives op the name operationNames chose, or the configured
// one.
func (l *lowerer) nameOperation(op *ir.Operation, ri *parser.RequestItem) {
	name := l.opNames[ri]
	if oc, key, ok := l.opConfig(ri); ok && oc.Name != "" && !l.configNamed[oc.Name] {
		// Reserved for this operation by reserveConfigNames.
		l.configNamed[oc.Name] = true
		l.usedConfig[key] = true
		name = oc.Name
	} else if name == "" {
		// A second request configured with a name already given.
		name = l.uniqueOperation(oc.Name)
	}
	op.Name, op.ParamsType, op.ResponseType, op.TableVar = name, name+"Params", name+"Response", name+"ResponseDocs"
}

// nameEnums creates the enum types, named after their operation and field
// (CreateGroupType), so that the name depends only on the request. Fields
// the config gives the same enumType share that one type.
func (l *lowerer) nameEnums() {
	type key struct{ owner, wire, values string }
	groups := map[key][]*ir.Field{}
	var order []key
	owner := map[*ir.Field]*ir.Operation{}
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
	configured := map[string]string{} // enum type name → its values
	for _, f := range l.enumFields {
		if f.Kind != ir.KindEnum {
			continue // became a file part
		}
		values := strings.Join(f.EnumValues, "\x00")
		k := key{owner[f].Name, f.Wire, values}
		if name := l.enumTypeOf[f]; name != "" {
			if prev, ok := configured[name]; ok && prev != values {
				l.warnf(owner[f].Source, "config: enumType %s of field %q has other values than it has elsewhere; the field gets its own type", name, f.Wire)
			} else {
				configured[name] = values
				k = key{"config " + name, "", values}
			}
		}
		if _, ok := groups[k]; !ok {
			order = append(order, k)
		}
		groups[k] = append(groups[k], f)
	}
	for _, k := range order {
		fs := groups[k]
		first := fs[0]
		var name string
		if strings.HasPrefix(k.owner, "config ") {
			name = strings.TrimPrefix(k.owner, "config ") // reserved by reserveConfigNames
		} else {
			name = l.names.unique(owner[first].Name + first.Name)
		}
		e := &ir.Enum{Name: name}
		e.Doc = []string{fmt.Sprintf("%s is one of the documented values of %q.", e.Name, first.Wire)}
		for i, v := range first.EnumValues {
			e.Values = append(e.Values, ir.EnumValue{Const: l.names.unique(enumConstName(e.Name, v, i)), Value: v})
		}
		for _, f := range fs {
			f.Enum = e
		}
		l.pkg.Enums = append(l.pkg.Enums, e)
	}
}
