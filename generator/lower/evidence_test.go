package lower

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/postman2go/postman2go/generator/ir"
	"github.com/postman2go/postman2go/parser"
)

// TestZoomEvidence measures, over the full Zoom API collection, that every
// piece of evidence the collection gives became the type it says:
// "(This can only be one of ...)" an enum with exactly those constants,
// true/false examples a bool, <integer>/<long> an integer, "(Required)" a
// required non-pointer field. Run with -v to see the counts.
func TestZoomEvidence(t *testing.T) {
	const path = "../../testdata/zoom-api/collection.json"
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	c, _, err := parser.Parse(path, data)
	if err != nil {
		t.Fatal(err)
	}
	pkg, _ := Package(c, Options{Package: "zoom", Source: path})
	reqs := c.Requests()
	if len(reqs) != len(pkg.Operations) {
		t.Fatalf("%d requests, %d operations", len(reqs), len(pkg.Operations))
	}
	enumMarker := regexp.MustCompile(`\(This can only be one of ([^)]*)\)`)
	type tally struct{ ok, total int }
	counts := map[string]*tally{"enum": {}, "bool": {}, "integer": {}, "integer example": {}, "required": {}}
	check := func(kind string, ok bool, what string) {
		counts[kind].total++
		if ok {
			counts[kind].ok++
		} else {
			t.Errorf("%s: not typed as %s", what, kind)
		}
	}
	for i, ri := range reqs {
		op := pkg.Operations[i]
		used := map[*ir.Field]bool{}
		find := func(in ir.Location, wire string) *ir.Field {
			for _, f := range op.Fields {
				if f.In == in && f.Wire == wire && !used[f] {
					used[f] = true
					return f
				}
			}
			return nil
		}
		var params []struct {
			p  parser.Param
			in ir.Location
		}
		add := func(in ir.Location, ps []parser.Param) {
			for _, p := range ps {
				params = append(params, struct {
					p  parser.Param
					in ir.Location
				}{p, in})
			}
		}
		add(ir.InPath, ri.Request.URL.Variables)
		add(ir.InQuery, ri.Request.URL.Query)
		if b := ri.Request.Body; b != nil {
			add(ir.InMultipart, b.FormData)
			add(ir.InForm, b.URLEncoded)
		}
		for _, e := range params {
			f := find(e.in, e.p.Key)
			what := op.Name + " " + e.p.Key
			if f == nil {
				if e.in == ir.InPath {
					continue // a url.variable with no :segment is not sent
				}
				t.Errorf("%s: no field", what)
				continue
			}
			if m := enumMarker.FindStringSubmatch(e.p.Description); m != nil {
				var want []string
				for _, v := range strings.Split(m[1], ",") {
					if v = strings.TrimSpace(v); v != "" && !contains(want, v) {
						want = append(want, v)
					}
				}
				ok := f.Kind == ir.KindEnum && f.Enum != nil && len(f.Enum.Values) == len(want)
				for j := 0; ok && j < len(want); j++ {
					ok = f.Enum.Values[j].Value == want[j]
				}
				check("enum", ok, what)
			} else if ir.IsBoolText(e.p.Value) {
				check("bool", f.Kind == ir.KindBool, what)
			} else if ir.IsIntText(e.p.Value) {
				check("integer example", f.Kind == ir.KindInt, what)
			}
			if e.p.Value == "<integer>" || e.p.Value == "<long>" {
				check("integer", f.Kind == ir.KindInt, what)
			}
			if strings.Contains(e.p.Description, "(Required)") {
				check("required", f.Required && !f.Pointer(), what)
			}
		}
	}
	for _, k := range []string{"enum", "bool", "integer", "integer example", "required"} {
		t.Logf("%-15s %d of %d", k, counts[k].ok, counts[k].total)
		// Zoom's collection carries no <integer> placeholders: that count
		// may be 0; the others must find evidence or the test is broken.
		if counts[k].total == 0 && k != "integer" {
			t.Errorf("no %s evidence found: the measurement is broken", k)
		}
	}
}
