// Command benchreport reads the output of the generator's benchmarks
// (make bench) on stdin, copies it to stdout, and then prints one row per
// case: generation time, time relative to go/format of the same output,
// generated lines per operation, the CLI's peak RSS, and go build time and
// peak RSS of the generated package.
package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"regexp"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"
)

// column is one figure of the table: the benchmark it comes from and the
// unit of the metric (ns/op for its time).
type column struct {
	title, bench, unit string
	format             func(float64) string
}

var columns = []column{
	{"generate", "BenchmarkGenerate", "ns/op", seconds},
	{"x-format", "BenchmarkGenerate", "x-format", ratio},
	{"lines/op", "BenchmarkGenerate", "lines/op", whole},
	{"CLI peak RSS", "BenchmarkCLIPeakMemory", "peak-MiB", mib},
	{"go build", "BenchmarkGeneratedBuild", "ns/op", seconds},
	{"build peak RSS", "BenchmarkGeneratedBuild", "build-peak-MiB", mib},
}

func seconds(v float64) string { return time.Duration(v).Round(time.Millisecond).String() }
func ratio(v float64) string   { return strconv.FormatFloat(v, 'f', 2, 64) + "x" }
func whole(v float64) string   { return strconv.FormatFloat(v, 'f', 0, 64) }
func mib(v float64) string     { return strconv.FormatFloat(v, 'f', 0, 64) + " MiB" }

// resultLine is "BenchmarkName/case-P  N  v unit  v unit ...".
var resultLine = regexp.MustCompile(`^(Benchmark\w+)/(\S+?)(?:-\d+)?\s+\d+\s+(.*)$`)

// figures maps case → benchmark → unit → value.
type figures map[string]map[string]map[string]float64

func read(r io.Reader, echo io.Writer) (figures, []string, error) {
	got := figures{}
	var order []string
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		line := sc.Text()
		fmt.Fprintln(echo, line)
		m := resultLine.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		bench, name := m[1], m[2]
		if bench == "BenchmarkGenerateDeep" {
			bench = "BenchmarkGenerate" // the same figures, for deep cases
		}
		if got[name] == nil {
			got[name] = map[string]map[string]float64{}
			order = append(order, name)
		}
		if got[name][bench] == nil {
			got[name][bench] = map[string]float64{}
		}
		f := strings.Fields(m[3])
		for i := 0; i+1 < len(f); i += 2 {
			if v, err := strconv.ParseFloat(f[i], 64); err == nil {
				got[name][bench][f[i+1]] = v
			}
		}
	}
	return got, order, sc.Err()
}

func write(w io.Writer, got figures, order []string) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprint(tw, "case\t")
	for _, c := range columns {
		fmt.Fprint(tw, c.title+"\t")
	}
	fmt.Fprintln(tw)
	for _, name := range order {
		fmt.Fprint(tw, name+"\t")
		for _, c := range columns {
			cell := "-"
			if v, ok := got[name][c.bench][c.unit]; ok {
				cell = c.format(v)
			}
			fmt.Fprint(tw, cell+"\t")
		}
		fmt.Fprintln(tw)
	}
	tw.Flush()
}

func main() {
	got, order, err := read(os.Stdin, os.Stdout)
	if err != nil {
		fmt.Fprintln(os.Stderr, "benchreport:", err)
		os.Exit(1)
	}
	fmt.Println()
	write(os.Stdout, got, order)
}
