package doctext

import (
	"encoding/json"
	"os"
	"testing"
)

// descriptions are the descriptions of the Zoom collection, the largest
// of the testdata.
func descriptions(tb testing.TB) []string {
	data, err := os.ReadFile("../../testdata/zoom-api/collection.json")
	if err != nil {
		tb.Skip(err)
	}
	var doc any
	if err := json.Unmarshal(data, &doc); err != nil {
		tb.Fatal(err)
	}
	var out []string
	var walk func(v any)
	walk = func(v any) {
		switch v := v.(type) {
		case map[string]any:
			for k, x := range v {
				if s, ok := x.(string); ok && k == "description" {
					out = append(out, s)
				}
				walk(x)
			}
		case []any:
			for _, x := range v {
				walk(x)
			}
		}
	}
	walk(doc)
	return out
}

// BenchmarkLines converts every description of the Zoom collection.
func BenchmarkLines(b *testing.B) {
	ds := descriptions(b)
	b.ReportAllocs()
	for b.Loop() {
		for _, d := range ds {
			Lines(d)
		}
	}
	b.ReportMetric(float64(len(ds)), "descriptions")
}
