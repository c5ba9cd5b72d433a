package doctext_test

import (
	"slices"
	"sync"
	"testing"

	"github.com/postman2go/postman2go/generator/doctext"
)

// TestCacheIsTheFunctions: a Cache, warmed or not, read concurrently,
// gives what Lines and PlainText give, and a slice from Lines is the
// caller's to change.
func TestCacheIsTheFunctions(t *testing.T) {
	texts := []string{"", "plain text", "**bold** and `code`\n\n- one\n- two", "<p>HTML <code>x</code></p>", "plain text"}
	for _, warm := range []bool{false, true} {
		var c doctext.Cache
		if warm {
			stop := c.Warm(texts)
			defer stop()
		}
		var wg sync.WaitGroup
		for range 4 {
			wg.Go(func() {
				for _, s := range texts {
					if got, want := c.Lines(s), doctext.Lines(s); !slices.Equal(got, want) {
						t.Errorf("Lines(%q) = %q, want %q", s, got, want)
					}
					if got, want := c.PlainText(s), doctext.PlainText(s); got != want {
						t.Errorf("PlainText(%q) = %q, want %q", s, got, want)
					}
				}
			})
		}
		wg.Wait()
		if l := c.Lines(texts[2]); len(l) > 0 {
			l[0] = "changed"
			if c.Lines(texts[2])[0] == "changed" {
				t.Error("a caller's change to Lines reached the cache")
			}
		}
	}
	var nilCache *doctext.Cache
	if got := nilCache.PlainText("**x**"); got != doctext.PlainText("**x**") {
		t.Errorf("nil Cache PlainText = %q", got)
	}
}
