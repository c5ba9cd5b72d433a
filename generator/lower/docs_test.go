package lower

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/postman2go/postman2go/parser"
)

// htmlElement is an HTML tag of a common element in a doc line.
var htmlElement = regexp.MustCompile(`(?i)</?(p|div|br|b|i|u|a|span|strong|em|code|pre|ul|ol|li|table|tr|td|th|blockquote|aside|img|h[1-6]|hr|section|details|summary|script|style)(\s[^<>]*)?/?>`)

// TestDocLinesCarryNoMarkup: over the testdata collections and the corpus,
// no doc line of a package (its doc, operations, fields, enums) has an HTML
// tag, a {{variable}}, a lorem-ipsum example or a Markdown image.
func TestDocLinesCarryNoMarkup(t *testing.T) {
	files, _ := filepath.Glob("../../testdata/*/collection.json")
	corpus, _ := filepath.Glob("../../../shared/corpus/*.json")
	files = append(files, corpus...)
	if len(files) < 20 {
		t.Fatalf("only %d collections found", len(files))
	}
	lines := 0
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		c, _, err := parser.Parse(filepath.Base(file), data)
		if err != nil {
			continue // refused collections have no docs
		}
		pkg, _ := Package(c, Options{Package: "p"})
		check := func(where string, doc []string) {
			for _, line := range doc {
				lines++
				switch {
				case htmlElement.MatchString(line):
					t.Errorf("%s: %s: HTML in %q", filepath.Base(file), where, line)
				case strings.Contains(line, "{{"):
					t.Errorf("%s: %s: a {{variable}} in %q", filepath.Base(file), where, line)
				case strings.HasPrefix(line, "Example: ") && isLorem(strings.TrimPrefix(line, "Example: ")):
					t.Errorf("%s: %s: lorem ipsum example %q", filepath.Base(file), where, line)
				case strings.Contains(line, "]("):
					t.Errorf("%s: %s: Markdown link or image left in %q", filepath.Base(file), where, line)
				}
			}
		}
		check("package doc", pkg.Doc)
		for _, op := range pkg.Operations {
			check(op.Name, op.Doc)
			for _, f := range allFields(op.Fields) {
				check(op.ParamsType+"."+f.Name, f.Doc)
			}
			for _, h := range op.ResponseHeaders {
				check(op.ResponseType+"."+h.Name, h.Doc)
			}
		}
		for _, e := range pkg.Enums {
			check(e.Name, e.Doc)
		}
	}
	t.Logf("%d doc lines of %d collections checked", lines, len(files))
}

// TestPackageDocUsage: the package doc ends with a usage section whose
// calls name the package's own methods and types.
func TestPackageDocUsage(t *testing.T) {
	data, err := os.ReadFile("../../testdata/paging/collection.json")
	if err != nil {
		t.Fatal(err)
	}
	pkg, _ := Package(parseOrFail(t, data), Options{Package: "paging"})
	doc := strings.Join(pkg.Doc, "\n")
	for _, want := range []string{
		"\n# Usage\n",
		"\tc, err := paging.NewClient(paging.WithBearerToken(os.Getenv(\"API_TOKEN\")))",
		"\tresp, err := c.ListMeetings(ctx, paging.ListMeetingsParams{})",
		"\tif errors.As(err, &apiErr) {",
		"\tfor item, err := range c.ListMeetingsAll(ctx, paging.ListMeetingsParams{}) {",
	} {
		if !strings.Contains(doc, want) {
			t.Errorf("package doc lacks %q:\n%s", want, doc)
		}
	}
}
