package generator_test

import (
	"bytes"
	"fmt"
	"go/format"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/postman2go/postman2go/generator"
	"github.com/postman2go/postman2go/generator/internal/synth"
	"github.com/postman2go/postman2go/generator/lower"
	"github.com/postman2go/postman2go/parser"
)

// The benchmarks of issue 16: generation time and bytes at 1k, 10k and
// (with POSTMAN2GO_BENCH_100K=1, minutes) 100k synthetic requests, Zoom and
// PayPal, and the same data nested deep or side by side; each also reports
// its time relative to go/format of its own output (x-format) and lines per
// operation; BenchmarkCLIPeakMemory reports the CLI's peak RSS. make bench
// prints a table of the same and of building the generated package
// (generator/internal/benchreport).

const (
	zoomPath   = "../testdata/zoom-api/collection.json"
	paypalPath = "../../shared/corpus/paypal-public-apis.postman_collection.json"
)

// large reports whether the 100k-request cases run.
func large() bool { return os.Getenv("POSTMAN2GO_BENCH_100K") != "" }

func generateBytes(b *testing.B, data []byte) []generator.File {
	coll, _, err := parser.Parse("synthetic.json", data)
	if err != nil {
		b.Fatal(err)
	}
	files, _, err := generator.Generate(coll, generator.Options{Package: "synthetic", Source: "synthetic.json", Input: data})
	if err != nil {
		b.Fatal(err)
	}
	return files
}

// formatTime is the time go/format.Source takes over every file, the
// floor generation is compared with.
func formatTime(b *testing.B, files []generator.File) time.Duration {
	start := time.Now()
	for _, f := range files {
		if bytes.HasSuffix([]byte(f.Name), []byte(".go")) {
			if _, err := format.Source(f.Content); err != nil {
				b.Fatal(err)
			}
		}
	}
	return time.Since(start)
}

func benchGenerate(b *testing.B, data []byte) {
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	var files []generator.File
	for i := 0; i < b.N; i++ {
		files = generateBytes(b, data)
	}
	b.StopTimer()
	gen := b.Elapsed() / time.Duration(b.N)
	var fmtTotal time.Duration
	for i := 0; i < b.N; i++ {
		fmtTotal += formatTime(b, files)
	}
	lines := 0
	for _, f := range files {
		lines += bytes.Count(f.Content, []byte("\n"))
	}
	coll, _, _ := parser.Parse("synthetic.json", data)
	pkg, _ := lower.Package(coll, lower.Options{Package: "synthetic"})
	b.ReportMetric(float64(lines), "lines")
	if n := len(pkg.Operations); n > 0 {
		b.ReportMetric(float64(lines)/float64(n), "lines/op")
	}
	b.ReportMetric(float64(gen)/float64(fmtTotal/time.Duration(b.N)), "x-format")
}

func readCorpus(b *testing.B, path string) []byte {
	data, err := os.ReadFile(path)
	if err != nil {
		b.Skip("corpus not found:", err)
	}
	return data
}

// BenchmarkGenerate is parse + generate (which formats) for the full Zoom
// and PayPal collections and synthetic collections of 1,000, 10,000 and,
// with POSTMAN2GO_BENCH_100K=1, 100,000 requests.
func BenchmarkGenerate(b *testing.B) {
	for _, c := range collectionCases(b, 1000, 10000, 100000) {
		b.Run(c.name, func(b *testing.B) { benchGenerate(b, c.data()) })
	}
}

// Deep folders: 500 folders, each with an 80 KB description and a request
// (40 MB), side by side (depth 1), nested 200 and 500 deep, and nested
// parser.MaxDepth+1 deep, which the parser refuses: its time is the time
// to refuse. Time should not grow with the depth.
const (
	deepFolders = 500
	deepDesc    = 80 << 10
)

func BenchmarkGenerateDeep(b *testing.B) {
	for _, depth := range []int{1, 200, 500} {
		b.Run(fmt.Sprintf("depth-%d", depth), func(b *testing.B) {
			benchGenerate(b, synth.Deep(deepFolders, depth, deepDesc))
		})
	}
	b.Run("depth-too-deep-refused", func(b *testing.B) {
		data := synth.Deep(parser.MaxDepth+1, parser.MaxDepth+1, 1)
		b.SetBytes(int64(len(data)))
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			if _, _, err := parser.Parse("deep.json", data); err == nil {
				b.Fatal("too deep: no error")
			}
		}
	})
}

// BenchmarkFormatOnly is go/format alone over the same output, the floor
// that generation time is compared with.
func BenchmarkFormatOnly(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		b.Run(fmt.Sprintf("synthetic-%d", n), func(b *testing.B) {
			files := generateBytes(b, synth.Collection(n))
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				formatTime(b, files)
			}
		})
	}
}

// benchCase is a named collection the benchmarks generate from.
type benchCase struct {
	name string
	data func() []byte
}

// collectionCases are the corpus collections and synthetic ones of the
// given sizes; sizes over 10,000 only with POSTMAN2GO_BENCH_100K=1.
func collectionCases(b *testing.B, sizes ...int) []benchCase {
	cases := []benchCase{
		{"zoom", func() []byte { return readCorpus(b, zoomPath) }},
		{"paypal", func() []byte { return readCorpus(b, paypalPath) }},
	}
	for _, n := range sizes {
		if n > 10000 && !large() {
			continue
		}
		cases = append(cases, benchCase{fmt.Sprintf("synthetic-%d", n), func() []byte { return synth.Collection(n) }})
	}
	return cases
}

// BenchmarkCLIPeakMemory runs the built CLI on the collections of
// BenchmarkGenerate and the deep ones and reports the child's peak resident
// set size.
func BenchmarkCLIPeakMemory(b *testing.B) {
	dir := b.TempDir()
	bin := filepath.Join(dir, "postman2go")
	if out, err := exec.Command("go", "build", "-o", bin, "../cmd/postman2go").CombinedOutput(); err != nil {
		b.Fatalf("go build: %v\n%s", err, out)
	}
	cases := append(collectionCases(b, 1000, 10000, 100000),
		benchCase{"depth-1", func() []byte { return synth.Deep(deepFolders, 1, deepDesc) }},
		benchCase{"depth-500", func() []byte { return synth.Deep(deepFolders, 500, deepDesc) }})
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			input := filepath.Join(dir, c.name+".json")
			if err := os.WriteFile(input, c.data(), 0o644); err != nil {
				b.Fatal(err)
			}
			var peak int64
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				peak = max(peak, peakRSS(b, nil, "", bin, "-q", "-o", filepath.Join(dir, "out-"+c.name), "-p", "synthetic", input))
			}
			b.ReportMetric(float64(peak)/(1<<20), "peak-MiB")
		})
	}
}

// BenchmarkGeneratedBuild is what the generated code costs its users: the
// time and peak RSS of go build of the generated package with a fresh build
// cache in which only the standard library is built (once, before the
// timer). Each run changes a comment of the package, so that every build
// compiles it.
func BenchmarkGeneratedBuild(b *testing.B) {
	if testing.Short() {
		b.Skip("builds the standard library into a new cache")
	}
	dir := b.TempDir()
	cache := filepath.Join(dir, "gocache")
	env := append(os.Environ(), "GOCACHE="+cache, "GOFLAGS=-mod=mod", "GOWORK=off")
	std := exec.Command("go", "build", "std")
	std.Env = env
	if out, err := std.CombinedOutput(); err != nil {
		b.Fatalf("go build std: %v\n%s", err, out)
	}
	for _, c := range collectionCases(b, 1000) {
		b.Run(c.name, func(b *testing.B) {
			// The testing package calls this function more than once (b.N
			// of 1, then the -benchtime): the module is written again.
			mod := filepath.Join(dir, c.name)
			if err := os.MkdirAll(mod, 0o755); err != nil {
				b.Fatal(err)
			}
			for _, f := range generateBytes(b, c.data()) {
				if bytes.HasSuffix([]byte(f.Name), []byte("_test.go")) {
					continue // go build does not compile them
				}
				writeFile(b, filepath.Join(mod, f.Name), f.Content)
			}
			writeFile(b, filepath.Join(mod, "go.mod"), []byte("module example.com/synthetic\n\ngo 1.24\n"))
			var peak int64
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				b.StopTimer()
				writeFile(b, filepath.Join(mod, "zz_run.go"), fmt.Appendf(nil, "package synthetic\n\n// run %d %d\n", i, time.Now().UnixNano()))
				b.StartTimer()
				peak = max(peak, peakRSS(b, env, mod, "go", "build", "-o", os.DevNull, "."))
			}
			b.ReportMetric(float64(peak)/(1<<20), "build-peak-MiB")
		})
	}
}

// rssRunner is the environment variable that makes the test binary run the
// command in its arguments and print the command's peak RSS (TestMain).
const rssRunner = "POSTMAN2GO_RSS_RUNNER"

// peakRSS runs a command and returns its peak resident set size in bytes
// (the largest of it and its children: go build's compile). The command is
// started by a new, small process, this test binary again: a child started
// by the benchmark itself would report at least the benchmark's own RSS,
// which Linux carries over when os/exec's vfork-style child calls exec.
func peakRSS(b *testing.B, env []string, dir string, name string, args ...string) int64 {
	b.Helper()
	cmd := exec.Command(os.Args[0], append([]string{name}, args...)...)
	cmd.Dir = dir
	if env == nil {
		env = os.Environ()
	}
	cmd.Env = append(env[:len(env):len(env)], rssRunner+"=1")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		b.Fatalf("%s: %v\n%s", name, err, stderr.Bytes())
	}
	var kib int64
	if _, err := fmt.Sscan(string(out), &kib); err != nil {
		b.Fatalf("%s: no peak RSS in %q", name, out)
	}
	return kib << 10
}

// TestMain is the tests, or with rssRunner set, the runner of peakRSS.
func TestMain(m *testing.M) {
	if os.Getenv(rssRunner) == "" {
		os.Exit(m.Run())
	}
	cmd := exec.Command(os.Args[1], os.Args[2:]...)
	cmd.Env = slices.DeleteFunc(os.Environ(), func(kv string) bool { return strings.HasPrefix(kv, rssRunner+"=") })
	if out, err := cmd.CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "%v\n%s", err, out)
		os.Exit(1)
	}
	ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	if !ok {
		fmt.Fprintln(os.Stderr, "no rusage on this system")
		os.Exit(1)
	}
	fmt.Println(ru.Maxrss) // KiB on Linux
	os.Exit(0)
}
