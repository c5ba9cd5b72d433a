package lower

import (
	"os"
	"strings"
	"testing"

	"github.com/postman2go/postman2go/generator/ir"
	"github.com/postman2go/postman2go/parser"
)

func lowerWithConfig(t *testing.T, cfg string) (*ir.Package, []*parser.Diagnostic) {
	t.Helper()
	data, err := os.ReadFile("../../testdata/types-evidence/collection.json")
	if err != nil {
		t.Fatal(err)
	}
	c, _, err := parser.Parse("collection.json", data)
	if err != nil {
		t.Fatal(err)
	}
	config, err := ParseConfig([]byte(cfg))
	if err != nil {
		t.Fatal(err)
	}
	return Package(c, Options{Package: "evidence", Config: config})
}

func TestConfigOverrides(t *testing.T) {
	pkg, warns := lowerWithConfig(t, `{"operations": {
		"List issues": {"name": "SearchEvents"},
		"Search events": {"fields": {
			"note": {"type": "int", "required": true, "name": "NoteID"},
			"owner": {"enum": ["me", "you"]},
			"status": {"required": false},
			"nope": {"type": "bool"}
		}},
		"Missing": {"name": "Nothing"}
	}}`)
	names := []string{}
	for _, op := range pkg.Operations {
		names = append(names, op.Name)
	}
	// "List issues" is renamed to the name "Search events" would have
	// inferred; the configured name wins and the other is made unique.
	if got := strings.Join(names, " "); got != "SearchEvents2 ListTickets SearchEvents" {
		t.Errorf("operation names = %s", got)
	}
	fields := map[string]*ir.Field{}
	for _, f := range pkg.Operations[0].Fields {
		fields[f.Wire] = f
	}
	if f := fields["note"]; f.Kind != ir.KindInt || !f.Required || f.Name != "NoteID" || !strings.HasPrefix(f.Evidence, "config:") {
		t.Errorf("note = %+v", f)
	}
	if f := fields["owner"]; f.Kind != ir.KindEnum || f.Enum == nil || len(f.Enum.Values) != 2 || f.Enum.Values[1].Value != "you" {
		t.Errorf("owner = %+v", f)
	}
	if f := fields["status"]; f.Required {
		t.Errorf("status still required")
	}
	var text []string
	for _, w := range warns {
		text = append(text, w.Msg)
	}
	all := strings.Join(text, "\n")
	for _, want := range []string{`config: operation "Search events" has no field "nope"`, `config: operation "Missing" matches no request`} {
		if !strings.Contains(all, want) {
			t.Errorf("warnings lack %q:\n%s", want, all)
		}
	}
}

func TestParseConfigErrors(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{`{"operations": {"x": {"nmae": "X"}}}`, `unknown field "nmae"`},
		{`{"operations": {"x": {"name": "lower"}}}`, `name "lower" is not an exported Go identifier`},
		{`{"operations": {"x": {"fields": {"f": {"type": "uuid"}}}}}`, `unknown type "uuid"`},
		{`{"operations": {"x": {"fields": {"f": {"type": "int", "enum": ["a"]}}}}}`, `an enum is a string type`},
		{`{`, `unexpected EOF`},
	} {
		_, err := ParseConfig([]byte(tt.in))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("ParseConfig(%s) = %v, want an error containing %q", tt.in, err, tt.want)
		}
	}
}

func TestExplainNamesEvidence(t *testing.T) {
	data, err := os.ReadFile("../../testdata/types-evidence/collection.json")
	if err != nil {
		t.Fatal(err)
	}
	c, _, err := parser.Parse("collection.json", data)
	if err != nil {
		t.Fatal(err)
	}
	pkg, _ := Package(c, Options{Package: "evidence"})
	text := Explain(pkg)
	for _, want := range []string{
		"SearchEvents  GET /events",
		"since    query  Since    time.Time (layout 2006-01-02T15:04:05Z07:00)",
		"status   query  Status   SearchEventsStatus (open|closed)",
		"description says (Required); enum from (This can only be one of ...)",
		"note     query  Note     string",
		"lorem-ipsum example values (weak evidence: text)",
		"ticketId  path   TicketID  int64",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("explain output lacks %q:\n%s", want, text)
		}
	}
}

// TestConfigBeforeBrackets: the config is applied before bracketed keys are
// grouped, so a group joins the configured types (and its members are
// found by their wire keys).
func TestConfigBeforeBrackets(t *testing.T) {
	c, _, err := parser.Parse("b.json", []byte(`{"info":{"name":"b"},"item":[{"name":"List",
		"request":{"method":"GET","url":"https://h.test/l?ids[0]=1&ids[1]=2"}}]}`))
	if err != nil {
		t.Fatal(err)
	}
	cfg, err := ParseConfig([]byte(`{"operations":{"List":{"fields":{"ids[0]":{"type":"string"},"ids[1]":{"type":"string"}}}}}`))
	if err != nil {
		t.Fatal(err)
	}
	pkg, warns := Package(c, Options{Package: "b", Config: cfg})
	if len(warns) != 0 {
		t.Errorf("warnings: %v", warns)
	}
	f := pkg.Operations[0].Fields[0]
	if f.Kind != ir.KindGroup || f.Group.Elem == nil || f.Group.Elem.Kind != ir.KindString {
		t.Errorf("ids: kind %d, want a group of strings (the configured type)", f.Kind)
	}
}

// TestConfigEnumTypeShares: fields of two operations configured with the
// same enumType and the same values get one type of that name; another
// operation's field of the same wire name keeps its own.
func TestConfigEnumTypeShares(t *testing.T) {
	pkg, warns := lowerWithConfig(t, `{"operations": {
		"Search events": {"fields": {"status": {"enumType": "Status"}}},
		"List tickets": {"fields": {"status": {"enumType": "Status"}, "kind": {"enumType": "Status"}}}
	}}`)
	enums := map[string]*ir.Enum{}
	for _, e := range pkg.Enums {
		enums[e.Name] = e
	}
	st := enums["Status"]
	if st == nil || len(st.Values) != 2 || st.Values[0].Const != "StatusOpen" {
		t.Fatalf("enum Status = %+v, want the shared open|closed type", st)
	}
	var users []string
	for _, op := range pkg.Operations {
		for _, f := range op.Fields {
			if f.Enum == st {
				users = append(users, op.Name+"."+f.Name)
			}
		}
	}
	if strings.Join(users, " ") != "SearchEvents.Status ListTickets.Status" {
		t.Errorf("fields of type Status: %q", users)
	}
	if enums["ListTicketsKind"] == nil {
		t.Errorf("kind has other values: want its own ListTicketsKind, got enums %v", enums)
	}
	if !strings.Contains(diagText(warns), `enumType Status of field "kind" has other values`) {
		t.Errorf("no warning for the kind field with other values:\n%s", diagText(warns))
	}
}

func diagText(ds []*parser.Diagnostic) string {
	var b strings.Builder
	for _, d := range ds {
		b.WriteString(d.Error() + "\n")
	}
	return b.String()
}

// TestConfigPaginate: "paginate": false leaves an operation's iterators
// out; true where no rule applies is a warning, not a guess.
func TestConfigPaginate(t *testing.T) {
	data, err := os.ReadFile("../../testdata/paging/collection.json")
	if err != nil {
		t.Fatal(err)
	}
	config, err := ParseConfig([]byte(`{"operations": {
		"List meetings": {"paginate": false},
		"List settings": {"paginate": true}
	}}`))
	if err != nil {
		t.Fatal(err)
	}
	pkg, warns := Package(parseOrFail(t, data), Options{Package: "paging", Config: config})
	paged := map[string]bool{}
	for _, op := range pkg.Operations {
		paged[op.Name] = op.Paging != nil
	}
	if paged["ListMeetings"] || paged["ListSettings"] || !paged["ListRecordings"] {
		t.Errorf("paged operations: %v; want ListRecordings and not ListMeetings (off) or ListSettings (no rule)", paged)
	}
	if !strings.Contains(diagText(warns), "paginate is on, but no paging rule applies") {
		t.Errorf("no warning for paginate on ListSettings:\n%s", diagText(warns))
	}
}
