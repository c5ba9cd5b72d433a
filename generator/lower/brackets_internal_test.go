package lower

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/dave/jennifer/jen"

	"github.com/postman2go/postman2go/generator/doctext"
	"github.com/postman2go/postman2go/generator/emit"
	"github.com/postman2go/postman2go/generator/ir"
)

func TestSplitBracketKey(t *testing.T) {
	cases := []struct {
		key  string
		base string
		segs []string
		ok   bool
	}{
		{"expand[0]", "expand", []string{"0"}, true},
		{"expand[]", "expand", []string{""}, true},
		{"items[0][price]", "items", []string{"0", "price"}, true},
		{"metadata[team b]", "metadata", []string{"team b"}, true},
		{"plain", "", nil, false},
		{"[0]", "", nil, false},
		{"a[b", "", nil, false},
		{"a[b]c", "", nil, false},
		{"a[b[c]]", "", nil, false},
		{"a]b[c]", "", nil, false},
	}
	for _, c := range cases {
		base, segs, ok := splitBracketKey(c.key)
		if base != c.base || !reflect.DeepEqual(segs, c.segs) || ok != c.ok {
			t.Errorf("splitBracketKey(%q) = %q, %q, %v; want %q, %q, %v", c.key, base, segs, ok, c.base, c.segs, c.ok)
		}
	}
}

// entry is one collection entry: key=value, with an optional description.
type entry struct{ key, value, desc string }

// bracketFields builds query fields the way lower does: types inferred from
// the value and description.
func bracketFields(entries []entry) []*ir.Field {
	var fields []*ir.Field
	for _, e := range entries {
		inf := infer(evidence{values: []string{e.value}, description: e.desc}, nil)
		f := &ir.Field{Name: exportedName(e.key), Wire: e.key, In: ir.InQuery, Kind: inf.kind, Required: inf.required, Example: e.value, Evidence: inf.why}
		f.Doc = append([]string{"x"}, doctext.Lines(inf.doc)...)
		if f.Kind == ir.KindEnum {
			f.EnumValues = inf.enumValues
		}
		fields = append(fields, f)
	}
	return fields
}

func TestPlanBrackets(t *testing.T) {
	cases := []struct {
		name    string
		entries []entry
		want    string // "base: shape" per group, "; "-joined; "" when all stay flat
	}{
		// Slices: element type joined over every element.
		{"slice of strings", []entry{{"expand[0]", "customer", ""}, {"expand[1]", "invoice", ""}}, "expand: []string"},
		{"slice of integers", []entry{{"ids[0]", "1", ""}, {"ids[1]", "2", ""}}, "ids: []int64"},
		{"integers and decimals", []entry{{"ids[0]", "1", ""}, {"ids[1]", "2.5", ""}}, "ids: []float64"},
		{"integers and text", []entry{{"ids[0]", "1", ""}, {"ids[1]", "x", ""}}, "ids: []string"},
		{"a variable does not vote", []entry{{"ids[0]", "1", ""}, {"ids[1]", "{{id}}", ""}}, "ids: []int64"},
		{"booleans", []entry{{"on[0]", "true", ""}, {"on[1]", "false", ""}}, "on: []bool"},
		{"one element", []entry{{"expand[0]", "customer", ""}}, "expand: []string"},
		{"same enum", []entry{{"s[0]", "a", "(This can only be one of a,b)"}, {"s[1]", "b", "(This can only be one of a,b)"}}, "s: []enum"},
		{"different enums", []entry{{"s[0]", "a", "(This can only be one of a,b)"}, {"s[1]", "c", "(This can only be one of c,d)"}}, "s: []string"},
		{"required element makes the slice required", []entry{{"s[0]", "a", "(Required)"}, {"s[1]", "b", ""}}, "s: []string!"},
		// Lists.
		{"repeated base[]", []entry{{"status[]", "paid", ""}, {"status[]", "refunded", ""}}, "status: []string (as [])"},
		{"single base[]", []entry{{"claims[]", "a:b", ""}}, "claims: []string (as [])"},
		// Structs.
		{"struct", []entry{{"card[name]", "Jenny", "(Required)"}, {"card[exp_month]", "12", ""}}, "card: struct{name! string; exp_month int64}!"},
		{"optional struct", []entry{{"created[gte]", "1", ""}, {"created[lt]", "2", ""}}, "created: struct{gte int64; lt int64}"},
		{"nested struct", []entry{{"a[b][c]", "1", ""}, {"a[b][d]", "x", ""}, {"a[e]", "true", ""}}, "a: struct{b struct{c int64; d string}; e bool}"},
		{"slice of structs", []entry{{"items[0][price]", "p1", "(Required)"}, {"items[0][quantity]", "2", "(Required)"}, {"items[1][price]", "p2", ""}},
			"items: []struct{price! string; quantity int64}!"},
		{"struct member slice", []entry{{"c[tags][0]", "a", ""}, {"c[tags][1]", "b", ""}, {"c[name]", "n", ""}}, "c: struct{tags []string; name string}"},
		// Maps.
		{"metadata by name", []entry{{"metadata[order_id]", "1", ""}, {"metadata[channel]", "web", ""}}, "metadata: map[string]string"},
		{"metadata by description", []entry{{"props[color]", "red", "Arbitrary key-value pairs."}}, "props: map[string]string"},
		{"keys that are not identifiers", []entry{{"labels[team-a]", "x", ""}, {"labels[team b]", "y", ""}}, "labels: map[string]string"},
		{"a digit key among names", []entry{{"attrs[0]", "x", ""}, {"attrs[size]", "y", ""}}, "attrs: map[string]string"},
		{"map out of collection order is still a map", []entry{{"metadata[z]", "1", ""}, {"metadata[a]", "2", ""}}, "metadata: map[string]string"},
		// Several groups, other keys between groups.
		{"two groups", []entry{{"limit", "1", ""}, {"a[0]", "x", ""}, {"b[x]", "y", ""}, {"q", "z", ""}}, "a: []string; b: struct{x string}"},
		// Fallbacks: the fields stay flat.
		{"indices with a gap", []entry{{"range[0]", "1", ""}, {"range[2]", "5", ""}}, ""},
		{"indices out of order", []entry{{"r[1]", "1", ""}, {"r[0]", "5", ""}}, ""},
		{"leading zero index among names", []entry{{"r[00]", "1", ""}, {"r[01]", "5", ""}}, "r: map[string]string"},
		{"complete key and prefix", []entry{{"flags[a]", "1", ""}, {"flags[a][b]", "2", ""}}, ""},
		{"elements interleaved", []entry{{"sort[0][f]", "a", ""}, {"sort[1][f]", "b", ""}, {"sort[0][d]", "asc", ""}}, ""},
		{"struct fields in another order per element", []entry{{"s[0][a]", "1", ""}, {"s[0][b]", "2", ""}, {"s[1][b]", "3", ""}, {"s[1][a]", "4", ""}}, ""},
		{"another key between members", []entry{{"a[0]", "x", ""}, {"other", "y", ""}, {"a[1]", "z", ""}}, ""},
		{"append with nesting", []entry{{"m[][x]", "1", ""}}, ""},
		{"slice of slices", []entry{{"a[0][0]", "1", ""}}, ""},
		{"slice of lists", []entry{{"a[0][]", "1", ""}}, ""},
		{"slice of maps", []entry{{"a[0][x-y]", "1", ""}}, ""},
		{"repeated key", []entry{{"card[x]", "1", ""}, {"card[x]", "2", ""}}, ""},
		{"append mixed with index", []entry{{"a[]", "1", ""}, {"a[0]", "2", ""}}, ""},
		{"map with nested keys", []entry{{"metadata[a][b]", "1", ""}}, ""},
		{"base without a name", []entry{{"-[0]", "1", ""}}, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			fields := bracketFields(c.entries)
			var got []string
			for _, p := range planBrackets(fields, ir.InQuery) {
				req := ""
				if p.shape.required {
					req = "!"
				}
				got = append(got, fmt.Sprintf("%s: %s%s", p.base, describeShape(p.shape), req))
			}
			if g := strings.Join(got, "; "); g != c.want {
				t.Errorf("got %q, want %q", g, c.want)
			}
		})
	}
}

func TestPlanBracketsMembers(t *testing.T) {
	fields := bracketFields([]entry{{"a[0]", "x", ""}})
	tests := []struct {
		name string
		edit func(*ir.Field)
	}{
		{"flag", func(f *ir.Field) { f.Kind = ir.KindFlag }},
		{"file part", func(f *ir.Field) { f.Kind = ir.KindFile }},
		{"default", func(f *ir.Field) { f.Default = []ir.ValuePart{{Helper: "dynamicGUID"}} }},
		{"own Content-Type", func(f *ir.Field) { f.ContentType = "application/json" }},
	}
	if len(planBrackets(fields, ir.InQuery)) != 1 {
		t.Fatal("a[0] alone is not a group")
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := *fields[0]
			tt.edit(&f)
			if plans := planBrackets([]*ir.Field{&f}, ir.InQuery); len(plans) != 0 {
				t.Errorf("a member that is a %s was grouped", tt.name)
			}
		})
	}
	// Other locations are separate groups.
	other := *fields[0]
	other.In = ir.InForm
	if plans := planBrackets([]*ir.Field{fields[0], &other}, ir.InQuery); len(plans) != 1 || len(plans[0].members) != 1 {
		t.Errorf("a form field joined a query group")
	}
}

// TestGroupExample: a godoc example holds the collection's values, and
// leaves a slice out when one element has no usable value (the other
// elements' keys would shift).
func TestGroupExample(t *testing.T) {
	build := func(entries []entry) string {
		fields := bracketFields(entries)
		l := &lowerer{names: newScope()}
		op := &ir.Operation{Name: "Op", Fields: fields}
		l.groupBrackets(op, newScope())
		if len(op.Fields) != 1 || op.Fields[0].Kind != ir.KindGroup {
			t.Fatalf("%v: not one group", entries)
		}
		v := emit.GroupExample(op.Fields[0], op.Fields[0].Group.Entries)
		if v == nil {
			return ""
		}
		return strings.Join(strings.Fields(fmt.Sprintf("%#v", jen.Add(v))), " ")
	}
	cases := []struct {
		entries []entry
		want    string
	}{
		{[]entry{{"ids[0]", "1", ""}, {"ids[1]", "2", ""}}, "[]int64{ 1, 2, }"},
		{[]entry{{"ids[0]", "1", ""}, {"ids[1]", "{{id}}", ""}}, ""},
		{[]entry{{"c[a]", "x", ""}, {"c[b]", "<string>", ""}}, "&OpC{ A: \"x\", }"},
		{[]entry{{"c[a]", "", "(Required)"}}, "OpC{ A: \"<c[a]>\", }"},
		{[]entry{{"it[0][p]", "x", ""}, {"it[1][q]", "2", ""}}, "[]OpIt{ { P: \"x\", }, { Q: Ptr(int64(2)), }, }"},
		{[]entry{{"metadata[b]", "2", ""}, {"metadata[a]", "1", ""}}, "map[string]string{ \"b\": \"2\", \"a\": \"1\", }"},
	}
	for _, c := range cases {
		if got := build(c.entries); got != c.want {
			t.Errorf("%v: got %s, want %s", c.entries, got, c.want)
		}
	}
}
