package lower

import (
	"fmt"
	"strings"

	"github.com/postman2go/postman2go/generator/doctext"
	"github.com/postman2go/postman2go/generator/ir"
	"github.com/postman2go/postman2go/parser"
)

// Doc comments are data: once every name is final, finalDocs composes the
// complete doc lines of each operation and params field, which the emitter
// writes through its comment door as they are.

// finalDocs replaces each operation's description lines by its doc comment
// and completes each params field's doc (group struct members included).
func (l *lowerer) finalDocs() {
	done := map[*ir.Field]bool{}
	var field func(f *ir.Field)
	field = func(f *ir.Field) {
		if done[f] {
			return
		}
		done[f] = true
		f.Doc = fieldDoc(f)
		if f.Group != nil && f.Group.Struct != nil {
			for _, m := range f.Group.Struct.Fields {
				field(m)
			}
		}
	}
	for _, op := range l.pkg.Operations {
		op.Doc = l.docVars(operationDoc(op))
		for _, f := range op.Fields {
			field(f)
		}
	}
	for f := range done {
		f.Doc = l.docVars(f.Doc)
	}
	l.pkg.Doc = l.docVars(append(l.pkg.Doc, l.usageDoc()...))
}

// docVars writes the {{variables}} of doc lines as <name>: a doc line never
// shows Postman's template syntax, nor a variable's value (a collection's
// variables can be credentials).
func (l *lowerer) docVars(lines []string) []string {
	for i, line := range lines {
		if strings.Contains(line, "{{") {
			line = parser.VarRef.ReplaceAllString(line, "<$1>")
			lines[i] = strings.NewReplacer("{{", "{", "}}", "}").Replace(line)
		}
	}
	return lines
}

func fieldDoc(f *ir.Field) []string {
	doc := append([]string{}, f.Doc...)
	if f.Required {
		doc = append(doc, "Required.")
	}
	// Lorem ipsum says nothing about the value (it is a faker's text).
	if ex := docExample(f.Example); ex != "" && !isLorem(ex) && f.Kind != ir.KindBytes && f.Kind != ir.KindTypedJSON {
		doc = append(doc, "Example: "+ex)
	}
	return doc
}

func operationDoc(op *ir.Operation) []string {
	lines := []string{fmt.Sprintf("%s sends %s %s.", op.Name, op.Method, doctext.OneLine(op.PathText))}
	if item := doctext.OneLine(op.ItemName); item != "" {
		lines = append(lines, fmt.Sprintf("It is the Postman request %q.", item))
	}
	if len(op.Doc) > 0 {
		lines = append(append(lines, ""), op.Doc...)
	}
	if op.Scripts > 0 {
		lines = append(lines, "", "Postman runs a pre-request or test script around this request; the client does not.")
	}
	if op.BaseURL != "" {
		lines = append(lines, "", fmt.Sprintf("It is sent to %s, its host in the collection, whatever WithBaseURL says;", doctext.OneLine(op.BaseURL)),
			"redirect it with WithRequestEditor or WithHTTPClient.")
	}
	if len(op.BaseTemplate) > 0 {
		lines = append(lines, "", "It is sent to its own host, built from the host variables in params, whatever",
			"WithBaseURL says; redirect it with WithRequestEditor or WithHTTPClient.")
	}
	if auth := authDoc(op.Auth); auth != "" {
		lines = append(lines, "", auth)
	}
	if len(op.Responses) > 0 {
		lines = append(lines, "", fmt.Sprintf("Documented responses (also in %s()):", op.TableVar), "")
		lines = append(lines, responseTableLines(op.Responses)...)
	}
	return lines
}

// responseTableLines renders rows as a preformatted doc block. Each line
// starts with a tab so that go doc keeps the columns.
func responseTableLines(rows []ir.ResponseRow) []string {
	width := len("Code")
	for _, r := range rows {
		width = max(width, len(doctext.OneLine(r.Code)))
	}
	out := []string{fmt.Sprintf("\tStatus  %-*s  Description", width, "Code")}
	for _, r := range rows {
		status := "-"
		if r.Status > 0 {
			status = fmt.Sprint(r.Status)
		}
		code := doctext.OneLine(r.Code)
		if code == "" {
			code = "-"
		}
		out = append(out, fmt.Sprintf("\t%-6s  %-*s  %s", status, width, code, r.Description))
	}
	return out
}

// authDoc tells which client option authenticates the operation.
func authDoc(a ir.Auth) string {
	switch a.Kind {
	case ir.AuthInherit:
		return ""
	case ir.AuthNone:
		return "Auth: none (the collection says noauth); no credentials are sent."
	case ir.AuthBearer:
		if a.Prefix != "" {
			return fmt.Sprintf("Auth: token sent as %q, set with WithBearerToken or WithTokenSource.", "Authorization: "+a.Prefix+" <token>")
		}
		return "Auth: bearer token, set with WithBearerToken or WithTokenSource."
	case ir.AuthBasic:
		return "Auth: HTTP basic, set with WithBasicAuth."
	case ir.AuthAPIKey:
		return fmt.Sprintf("Auth: API key in the %s %q, set with WithAPIKey.", a.KeyIn, a.KeyName)
	case ir.AuthOther:
		return "The collection signs this request with an auth scheme the client does not implement; add it with WithRequestEditor."
	}
	panic(fmt.Sprintf("unknown auth kind %d", a.Kind))
}

// docExample is an example as a doc shows it: a variable the collection
// leaves undefined is written <name>, never {{name}}; an example that is a
// Postman dynamic variable ({{$guid}}) is no example (the default line says
// what is sent).
func docExample(ex string) string {
	if strings.Contains(ex, "{{$") {
		return ""
	}
	if strings.Contains(ex, "{{") {
		ex = parser.VarRef.ReplaceAllString(ex, "<$1>")
	}
	return doctext.OneLine(ex)
}

// usageDoc is the package doc's usage section: a client, one call, its
// error, and an iterator when an operation pages. Every name in it is an
// identifier lowering chose.
func (l *lowerer) usageDoc() []string {
	if len(l.pkg.Operations) == 0 {
		return nil
	}
	p := l.pkg.Name
	op := l.pkg.Operations[0]
	lines := []string{"", "# Usage", "",
		"A Client sends the requests; each operation returns its typed response or an error:", "",
		"\tc, err := " + p + ".NewClient(" + authExample(p, l.pkg.BaseURL, op) + ")",
		"\tif err != nil {",
		"\t\treturn err",
		"\t}",
		fmt.Sprintf("\tresp, err := c.%s(ctx, %s.%s{})", op.Name, p, op.ParamsType),
		"\tvar apiErr *" + p + ".APIError",
		"\tif errors.As(err, &apiErr) {",
		"\t\t// apiErr.StatusCode, apiErr.Code, apiErr.Message, apiErr.Documented",
		"\t}",
	}
	for _, o := range l.pkg.Operations {
		if o.Paging == nil || o.Paging.AllMethod == "" {
			continue
		}
		lines = append(lines, "",
			"A list operation that pages also has iterators over its pages and items:", "",
			fmt.Sprintf("\tfor item, err := range c.%s(ctx, %s.%s{}) {", o.Paging.AllMethod, p, o.ParamsType),
			"\t\tif err != nil {",
			"\t\t\treturn err",
			"\t\t}",
			"\t\t// use item",
			"\t}")
		break
	}
	return lines
}

// authExample is the NewClient options of the usage section, as the
// operation examples write them: a base URL when the collection names
// none, and the operation's credentials.
func authExample(pkg string, baseURL string, op *ir.Operation) string {
	var opts []string
	if baseURL == "" {
		opts = append(opts, pkg+`.WithBaseURL("https://api.example.com")`)
	}
	switch op.Auth.Kind {
	case ir.AuthBasic:
		opts = append(opts, pkg+`.WithBasicAuth(os.Getenv("API_USERNAME"), os.Getenv("API_PASSWORD"))`)
	case ir.AuthAPIKey:
		opts = append(opts, pkg+`.WithAPIKey(os.Getenv("API_KEY"))`)
	case ir.AuthBearer, ir.AuthInherit:
		opts = append(opts, pkg+`.WithBearerToken(os.Getenv("API_TOKEN"))`)
	}
	return strings.Join(opts, ", ")
}
