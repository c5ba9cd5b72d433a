package emit

import (
	"strings"
	"testing"

	"github.com/dave/jennifer/jen"

	"github.com/postman2go/postman2go/generator/ir"
)

func TestCommentLinesSplitEveryBreak(t *testing.T) {
	for _, in := range []string{
		"a\nb", "a\r\nb", "a\rb", "a\u2028b", "a\u2029b", "a\u0085b", "a\vb", "a\fb",
	} {
		got := commentLines(in)
		if len(got) != 2 || got[0] != "// a" || got[1] != "// b" {
			t.Errorf("commentLines(%q) = %q, want [// a // b]", in, got)
		}
	}
	cases := map[string]string{
		"//go:generate rm -rf /":   "// //go:generate rm -rf /",
		"+build ignore":            "// > +build ignore",
		"  +build linux":           "// >   +build linux",
		"\tpreformatted":           "//\tpreformatted",
		"":                         "//",
		"bom\ufeff nul\x00 bell\a": "// bom nul bell",
		"bad \xff utf8":            "// bad \ufffd utf8",
	}
	for in, want := range cases {
		if got := commentLines(in); len(got) != 1 || got[0] != want {
			t.Errorf("commentLines(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestGuardRejectsWhatTheDoorKeepsOut: a file built around the door (a raw
// jennifer comment) is refused by renderFile.
func TestGuardRejectsWhatTheDoorKeepsOut(t *testing.T) {
	cases := map[string]func(f *jen.File){
		"directive": func(f *jen.File) { f.Comment("//go:generate touch pwned") },
		"block":     func(f *jen.File) { f.Comment("/* x */") },
		"init":      func(f *jen.File) { f.Func().Id("init").Params().Block() },
		"import":    func(f *jen.File) { f.Var().Id("_").Op("=").Qual("os/exec", "Command") },
	}
	for name, build := range cases {
		f := jen.NewFile("p")
		build(f)
		if _, err := renderFile("x_gen.go", f, &ir.Package{}); err == nil || !strings.Contains(err.Error(), "x_gen.go") {
			t.Errorf("%s: renderFile error = %v, want a refusal naming the file", name, err)
		}
	}
	f := jen.NewFile("p")
	Comment(f.Group, "//go:generate touch pwned\nfunc init() {}")
	f.Type().Id("T").Struct()
	if _, err := renderFile("x_gen.go", f, &ir.Package{}); err != nil {
		t.Errorf("text through the door refused: %v", err)
	}
}

// TestRenderErrorIsShortAndNamesTheItem: a file that does not format gives
// an error naming the declarations around the break and their Postman
// items, with a few lines of context, not the whole source.
func TestRenderErrorIsShortAndNamesTheItem(t *testing.T) {
	pkg := &ir.Package{Operations: []*ir.Operation{
		{Name: "ListUsers", ParamsType: "ListUsersParams", ResponseType: "ListUsersResponse", ItemName: "Users/List users"},
		{Name: "GetUser", ParamsType: "GetUserParams", ResponseType: "GetUserResponse", ItemName: "Users/Get a user"},
	}}
	f := jen.NewFile("p")
	for i := 0; i < 5000; i++ {
		f.Var().Id("filler").Op("=").Lit(i)
	}
	f.Type().Id("ListUsersParams").Struct()
	f.Id("broken (((")
	f.Type().Id("GetUserParams").Struct()
	_, err := renderFile("params_gen.go", f, pkg)
	if err == nil {
		t.Fatal("no error for a file that does not parse")
	}
	msg := err.Error()
	for _, want := range []string{"params_gen.go", `ListUsersParams (item "Users/List users")`, `GetUserParams (item "Users/Get a user")`, "broken"} {
		if !strings.Contains(msg, want) {
			t.Errorf("error does not contain %q:\n%s", want, msg)
		}
	}
	if len(msg) > 1500 || strings.Count(msg, "\n") > 2*contextLines+1 {
		t.Errorf("error is %d bytes, %d lines; want a few lines of context:\n%.2000s", len(msg), strings.Count(msg, "\n"), msg)
	}
}
