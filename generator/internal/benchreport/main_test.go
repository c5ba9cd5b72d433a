package main

import (
	"io"
	"strings"
	"testing"
)

func TestTableFromBenchmarkOutput(t *testing.T) {
	in := `goos: linux
BenchmarkGenerate/zoom-2         	       1	 520920766 ns/op	   4.51 MB/s	     48352 lines	       156.0 lines/op	         1.780 x-format	144033928 B/op	 2237673 allocs/op
BenchmarkGenerate/synthetic-1000-2         	       3	1248515972 ns/op	   0.89 MB/s	    160997 lines	       161.0 lines/op	         1.143 x-format
BenchmarkGenerateDeep/depth-500-2       	       1	1945793681 ns/op	  23.92 MB/s	     82297 lines	       164.6 lines/op	         4.069 x-format
BenchmarkCLIPeakMemory/zoom-2 	1	900000000 ns/op	       180.4 peak-MiB
BenchmarkGeneratedBuild/zoom-2         	       2	7048412590 ns/op	       301.0 build-peak-MiB
PASS
`
	got, order, err := read(strings.NewReader(in), io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	write(&b, got, order)
	want := []string{
		"case  generate  x-format  lines/op  CLI peak RSS  go build  build peak RSS",
		"zoom  521ms  1.78x  156  180 MiB  7.048s  301 MiB",
		"synthetic-1000  1.249s  1.14x  161  -  -  -",
		"depth-500  1.946s  4.07x  165  -  -  -",
	}
	lines := strings.Split(strings.TrimSpace(b.String()), "\n")
	if len(lines) != len(want) {
		t.Fatalf("table:\n%s", b.String())
	}
	for i, l := range lines {
		if got := strings.Join(strings.Fields(l), "  "); got != strings.Join(strings.Fields(want[i]), "  ") {
			t.Errorf("row %d = %q, want %q", i, got, want[i])
		}
	}
}
