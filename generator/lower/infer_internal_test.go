package lower

import (
	"slices"
	"testing"

	"github.com/postman2go/postman2go/generator/doctext"
	"github.com/postman2go/postman2go/generator/ir"
)

// TestInferMarkersInAnyForm: the words the markers' regexps need are looked
// for before they run, in every case, and in the text the regexp reads (an
// HTML description's <code> is a backtick only once converted).
func TestInferMarkersInAnyForm(t *testing.T) {
	docs := &doctext.Cache{}
	for _, desc := range []string{"(REQUIRED) the id", "( Required ) the id"} {
		if inf := infer(evidence{description: desc}, docs); !inf.required {
			t.Errorf("%q: not required", desc)
		}
	}
	for _, desc := range []string{"DEFAULTS TO `30`.", "The page. Default: 30", "<p>dEfAuLt is <code>30</code></p>"} {
		if inf := infer(evidence{description: desc}, docs); inf.serverDefault != "30" {
			t.Errorf("%q: default %q, want 30", desc, inf.serverDefault)
		}
	}
	if inf := infer(evidence{description: "Kind (THIS CAN ONLY BE ONE OF a, b)"}, docs); inf.kind != ir.KindEnum || !slices.Equal(inf.enumValues, []string{"a", "b"}) {
		t.Errorf("enum marker in capitals: %v %q", inf.kind, inf.enumValues)
	}
	html := "<ul><li><code>normal</code> - a normal group</li><li><code>shared</code> - a shared one</li></ul>"
	if inf := infer(evidence{description: html}, docs); inf.kind != ir.KindEnum || !slices.Equal(inf.enumValues, []string{"normal", "shared"}) {
		t.Errorf("HTML enum list: %v %q", inf.kind, inf.enumValues)
	}
	for _, tc := range []struct {
		s, word string
		want    bool
	}{
		{"a DeFaUlT b", "default", true}, {"defaul", "default", false}, {"", "default", false},
		{"xone OF", "one of", true}, {"one  of", "one of", false},
	} {
		if got := hasFold(tc.s, tc.word); got != tc.want {
			t.Errorf("hasFold(%q, %q) = %v", tc.s, tc.word, got)
		}
	}
}
