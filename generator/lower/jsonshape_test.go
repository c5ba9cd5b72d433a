package lower

import (
	"testing"

	"github.com/tidwall/gjson"

	"github.com/postman2go/postman2go/generator/ir"
)

func buildFrom(t *testing.T, examples ...string) (*ir.JSONType, []string) {
	t.Helper()
	s := newShape()
	for _, e := range examples {
		v, ok := parseJSONExample(e)
		if !ok {
			t.Fatalf("example %q does not parse", e)
		}
		s.observe(v, 0)
	}
	var conflicts []string
	b := &typeBuilder{names: newScope(), prefix: "T", conflict: func(p string) { conflicts = append(conflicts, p) }}
	return b.build(s, "", "T", nil, "", 0), conflicts
}

func fieldOf(t *testing.T, typ *ir.JSONType, key string) *ir.StructField {
	t.Helper()
	if typ.Kind != ir.JSONStruct {
		t.Fatalf("want a struct, got kind %d", typ.Kind)
	}
	for _, f := range typ.Struct.Fields {
		if f.Key == key {
			return f
		}
	}
	t.Fatalf("no field %q", key)
	return nil
}

func TestShapeRules(t *testing.T) {
	typ, conflicts := buildFrom(t,
		`{"i":1,"f":1,"p":"<long>","b":"<boolean>","s":"x","n":null,"opt":1,"mixed":"a","arr":[{"a":1},{"a":2,"b":true}]}`,
		`{"i":2,"f":1.5,"p":"<long>","b":true,"s":null,"n":null,"mixed":{"x":1},"arr":[]}`,
	)
	tests := []struct {
		key      string
		kind     ir.JSONKind
		pointer  bool
		optional bool
	}{
		{"i", ir.JSONInt, false, false},
		{"f", ir.JSONFloat, false, false},   // int and decimal widen to float
		{"p", ir.JSONInt, false, false},     // placeholder <long>
		{"b", ir.JSONBool, false, false},    // placeholder <boolean> and true agree
		{"s", ir.JSONString, true, true},    // null in one example: nullable
		{"n", ir.JSONRaw, false, true},      // only null: nothing known
		{"opt", ir.JSONInt, true, true},     // missing from one example: optional
		{"mixed", ir.JSONRaw, false, false}, // string vs object: conflict
		{"arr", ir.JSONSlice, false, false},
	}
	for _, tt := range tests {
		f := fieldOf(t, typ, tt.key)
		if f.Type.Kind != tt.kind || f.Type.Pointer != tt.pointer || f.Optional != tt.optional {
			t.Errorf("%s: kind %d pointer %v optional %v, want %d %v %v", tt.key, f.Type.Kind, f.Type.Pointer, f.Optional, tt.kind, tt.pointer, tt.optional)
		}
	}
	if len(conflicts) != 1 || conflicts[0] != ".mixed" {
		t.Errorf("conflicts = %q, want [.mixed]", conflicts)
	}
	elem := fieldOf(t, typ, "arr").Type.Elem
	if elem.Struct.Name != "TArr"+"Item" && elem.Struct.Name != "TArr" {
		t.Errorf("element struct named %q", elem.Struct.Name)
	}
	if b := fieldOf(t, elem, "b"); !b.Optional || !b.Type.Pointer {
		t.Errorf("arr[].b seen in one element only: optional %v pointer %v", b.Optional, b.Type.Pointer)
	}
}

func TestParseJSONExampleLenient(t *testing.T) {
	v, ok := parseJSONExample("{\n  // a comment\n  \"id\": {{id}}, /* block */ \"url\": \"http://x/{{path}}\"\n}")
	if !ok {
		t.Fatal("a body with comments and bare {{variables}} does not parse")
	}
	if v.Get("id").Type != gjson.Null || v.Get("url").String() != "http://x/{{path}}" {
		t.Errorf("parsed %s", v.Raw)
	}
	if _, ok := parseJSONExample("{not json"); ok {
		t.Error("invalid JSON parsed")
	}
}

func TestUntaggableKeysBecomeMap(t *testing.T) {
	typ, _ := buildFrom(t, `{"a,b":1,"c":2}`)
	if typ.Kind != ir.JSONMap {
		t.Errorf("keys encoding/json cannot tag: kind %d, want map", typ.Kind)
	}
}

// TestResponseTimes: strings that are all RFC 3339 date-times are
// time.Time in a response body, and stay strings in a request body (sent
// as the example writes them) or when one value is no date-time.
func TestResponseTimes(t *testing.T) {
	s := newShape()
	for _, ex := range []string{
		`{"at": "2026-01-02T03:04:05Z", "mixed": "2026-01-02T03:04:05Z", "date": "2026-01-02"}`,
		`{"at": "2026-02-03T04:05:06.123+01:00", "mixed": "soon", "date": "2026-01-03"}`,
	} {
		v, _ := parseJSONExample(ex)
		s.observe(v, 0)
	}
	for _, times := range []bool{true, false} {
		b := &typeBuilder{names: newScope(), prefix: "T", times: times, conflict: func(string) {}}
		typ := b.build(s, "", "T", nil, "", 0)
		wantAt := ir.JSONString
		if times {
			wantAt = ir.JSONTime
		}
		if k := fieldOf(t, typ, "at").Type.Kind; k != wantAt {
			t.Errorf("times %v: at is kind %d, want %d", times, k, wantAt)
		}
		for _, key := range []string{"mixed", "date"} {
			if k := fieldOf(t, typ, key).Type.Kind; k != ir.JSONString {
				t.Errorf("times %v: %s is kind %d, want a string", times, key, k)
			}
		}
	}
}
