package generator_test

import (
	"testing"

	"github.com/postman2go/postman2go/generator"
)

func TestCountTypes(t *testing.T) {
	files := []generator.File{
		{Name: "a_gen.go", Content: []byte("package p\n\ntype A int\n\ntype (\n\tB struct{}\n\tC = int\n)\n\nfunc f() { type local int }\n")},
		{Name: "b_gen.go", Content: []byte("package p\n\nconst typeName = \"type X\"\n\ntype D[T any] struct{ v T }\n\ntype unexported int\n")},
		{Name: "examples_gen_test.go", Content: []byte("package p\n\ntype NotCounted int\n")},
	}
	if got := generator.CountTypes(files); got != 3 {
		t.Errorf("CountTypes = %d, want 3 (A, B, D; not aliases, unexported, local or test types)", got)
	}
}
