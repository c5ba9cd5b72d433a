package emit

import (
	"fmt"
	"testing"

	"github.com/dave/jennifer/jen"

	"github.com/postman2go/postman2go/generator/ir"
)

func TestExampleValue(t *testing.T) {
	enum := &ir.Enum{Name: "Color", Values: []ir.EnumValue{{Const: "ColorRed", Value: "red"}, {Const: "ColorBlue", Value: "blue"}}}
	cases := []struct {
		field *ir.Field
		want  string // "" means the field is left out
	}{
		{&ir.Field{Wire: "name", Kind: ir.KindString, Example: "Team A"}, `"Team A"`},
		{&ir.Field{Wire: "name", Kind: ir.KindString, Example: "<string>"}, ``},
		{&ir.Field{Wire: "id", Kind: ir.KindString, Example: "{{id}}", Required: true}, `"<id>"`},
		{&ir.Field{Wire: "q", Kind: ir.KindString, Example: `a"b` + "\n*/"}, `"a\"b\n*/"`},
		{&ir.Field{Wire: "c", Kind: ir.KindEnum, Enum: enum, Example: "blue"}, `ColorBlue`},
		{&ir.Field{Wire: "c", Kind: ir.KindEnum, Enum: enum, Example: "green"}, ``},
		{&ir.Field{Wire: "c", Kind: ir.KindEnum, Enum: enum, Example: "green", Required: true}, `ColorRed`},
		{&ir.Field{Wire: "b", Kind: ir.KindBool, Example: "true"}, `Ptr(true)`},
		{&ir.Field{Wire: "b", Kind: ir.KindBool, Example: "false", Required: true}, `false`},
		{&ir.Field{Wire: "n", Kind: ir.KindInt, Example: "30"}, `Ptr(int64(30))`},
		{&ir.Field{Wire: "n", Kind: ir.KindInt, Example: "<integer>"}, ``},
		{&ir.Field{Wire: "n", Kind: ir.KindInt, Example: "-7", Required: true}, `-7`},
		{&ir.Field{Wire: "x", Kind: ir.KindFloat, Example: "2.50"}, `Ptr(float64(2.5))`},
		{&ir.Field{Wire: "body", Kind: ir.KindBytes, Example: "{\n  \"a\": 1\n}"}, `[]byte("{\"a\":1}")`},
		{&ir.Field{Wire: "body", Kind: ir.KindBytes, Example: "not json\n"}, `[]byte("not json\n")`},
		{&ir.Field{Wire: "file", Kind: ir.KindFile, Example: `C:\tmp\a.png`}, `&File{
	Content: strings.NewReader(""),
	Name:    "a.png",
}`},
		{&ir.Field{Wire: "photo", Kind: ir.KindFile}, `&File{
	Content: strings.NewReader(""),
	Name:    "photo",
}`},
		{&ir.Field{Wire: "body", Kind: ir.KindReader}, `strings.NewReader("")`},
	}
	for _, c := range cases {
		got := ""
		if v := exampleValue(c.field); v != nil {
			got = fmt.Sprintf("%#v", jen.Add(v))
		}
		if got != c.want {
			t.Errorf("%s %q (kind %d, required %v): got %s, want %s", c.field.Wire, c.field.Example, c.field.Kind, c.field.Required, got, c.want)
		}
	}
}
