package generator

import (
	"fmt"
	"testing"

	"github.com/dave/jennifer/jen"
)

func TestExampleValue(t *testing.T) {
	enum := &Enum{Name: "Color", Values: []EnumValue{{"ColorRed", "red"}, {"ColorBlue", "blue"}}}
	cases := []struct {
		field *Field
		want  string // "" means the field is left out
	}{
		{&Field{Wire: "name", Kind: KindString, Example: "Team A"}, `"Team A"`},
		{&Field{Wire: "name", Kind: KindString, Example: "<string>"}, ``},
		{&Field{Wire: "id", Kind: KindString, Example: "{{id}}", Required: true}, `"<id>"`},
		{&Field{Wire: "q", Kind: KindString, Example: `a"b` + "\n*/"}, `"a\"b\n*/"`},
		{&Field{Wire: "c", Kind: KindEnum, Enum: enum, Example: "blue"}, `ColorBlue`},
		{&Field{Wire: "c", Kind: KindEnum, Enum: enum, Example: "green"}, ``},
		{&Field{Wire: "c", Kind: KindEnum, Enum: enum, Example: "green", Required: true}, `ColorRed`},
		{&Field{Wire: "b", Kind: KindBool, Example: "true"}, `Ptr(true)`},
		{&Field{Wire: "b", Kind: KindBool, Example: "false", Required: true}, `false`},
		{&Field{Wire: "n", Kind: KindInt, Example: "30"}, `Ptr(int64(30))`},
		{&Field{Wire: "n", Kind: KindInt, Example: "<integer>"}, ``},
		{&Field{Wire: "n", Kind: KindInt, Example: "-7", Required: true}, `-7`},
		{&Field{Wire: "x", Kind: KindFloat, Example: "2.50"}, `Ptr(float64(2.5))`},
		{&Field{Wire: "body", Kind: KindBytes, Example: "{\n  \"a\": 1\n}"}, `[]byte("{\"a\":1}")`},
		{&Field{Wire: "body", Kind: KindBytes, Example: "not json\n"}, `[]byte("not json\n")`},
		{&Field{Wire: "file", Kind: KindFile, Example: `C:\tmp\a.png`}, `&File{
	Content: strings.NewReader(""),
	Name:    "a.png",
}`},
		{&Field{Wire: "photo", Kind: KindFile}, `&File{
	Content: strings.NewReader(""),
	Name:    "photo",
}`},
		{&Field{Wire: "body", Kind: KindReader}, `strings.NewReader("")`},
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
