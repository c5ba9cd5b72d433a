package emit

import (
	"fmt"
	"strings"
	"testing"

	"github.com/dave/jennifer/jen"

	"github.com/postman2go/postman2go/generator/ir"
)

func TestTypedBodyExample(t *testing.T) {
	str := &ir.JSONType{Kind: ir.JSONString}
	num := &ir.JSONType{Kind: ir.JSONInt}
	item := &ir.Struct{Name: "Item", Fields: []*ir.StructField{{Name: "N", Key: "n", Type: num}}}
	body := &ir.Struct{Name: "Req", Fields: []*ir.StructField{
		{Name: "Name", Key: "name", Type: str},
		{Name: "Age", Key: "age", Type: &ir.JSONType{Kind: ir.JSONInt, Pointer: true}},
		{Name: "Items", Key: "items", Type: &ir.JSONType{Kind: ir.JSONSlice, Elem: &ir.JSONType{Kind: ir.JSONStruct, Struct: item}}},
	}}
	field := func(ex string) *ir.Field {
		return &ir.Field{Kind: ir.KindTypedJSON, Example: ex, JSON: &ir.JSONType{Kind: ir.JSONStruct, Struct: body}}
	}
	render := func(c jen.Code) string {
		if c == nil {
			return ""
		}
		return strings.Join(strings.Fields(fmt.Sprintf("%#v", jen.Add(c))), " ")
	}
	cases := map[string]string{
		`{"name":"Ada","age":36,"items":[{"n":1}]}`: `&Req{ Name: "Ada", Age: Ptr(int64(36)), Items: []Item{ { N: 1, }, }, }`,
		`{"name":"Ada","age":"<integer>"}`:          `&Req{ Name: "Ada", }`, // a placeholder is left to the caller
		`{"name":"{{name}}"}`:                       `&Req{}`,
		`{"name":{{name}}}`:                         ``, // not JSON: the RawBody example stays
		`{"name":1}`:                                ``, // does not fit the type
		`[1]`:                                       ``,
	}
	for ex, want := range cases {
		if got := render(typedBodyExample(field(ex))); got != want {
			t.Errorf("%s: got %s, want %s", ex, got, want)
		}
	}
}
