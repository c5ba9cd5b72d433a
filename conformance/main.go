// Command conformance checks that a client generated from a Postman
// collection sends, for every request, what Postman's own runtime sends for
// it: newman for a JSON collection (v2.0, v2.1, or v1 converted), the Postman
// CLI for a v3 collection directory, which newman cannot read.
//
//	go run ./conformance -collection FILE|DIR [-v] [-newman PATH] [-postman PATH]
//
// It starts a capture server on 127.0.0.1, runs the runner over a rewritten
// copy of the collection pointed at it (rewrite.go, rewrite_v3.go),
// generates the client and a driver that calls every operation with the same
// values, runs the driver against the same server, and compares the two
// requests of each pair (see compare.go and the README's conformance
// section). It prints one line per request and a last line "conformance:
// N/M requests wire-equivalent (K skipped)".
//
// Exit status: 0 when the comparison ran, whatever it found (a generated
// package that does not compile or a client that panics is a finding); 2
// when the harness itself failed (the runner missing or crashing, a server
// error).
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/postman2go/postman2go/conformance/driver"
	"github.com/postman2go/postman2go/generator"
	"github.com/postman2go/postman2go/generator/ir"
	"github.com/postman2go/postman2go/generator/lower"
	"github.com/postman2go/postman2go/parser"
	v3 "github.com/postman2go/postman2go/parser/v3"
)

// tagHeader pairs the two requests: both runs send the request's index in
// the collection. It is not compared.
const tagHeader = "X-Conformance-Op"

// fileContent is the content of every file the collection uploads.
const fileContent = "postman2go conformance upload\n"

func main() {
	collection := flag.String("collection", "", "the Postman collection: a JSON file (v2.0/v2.1, or v1), run with newman, or a v3 collection directory, run with the Postman CLI")
	verbose := flag.Bool("v", false, "also print both requests of every pair that differs, the runner's output and the driver's")
	keep := flag.Bool("keep", false, "keep the temporary directory (rewritten collection, newman report, driver module) and print its path")
	newman := flag.String("newman", "", "the newman executable (default: conformance/node_modules/.bin/newman, from npm ci --prefix conformance)")
	postman := flag.String("postman", "", "the Postman CLI executable, for v3 directories (default: conformance/node_modules/.bin/postman, from npm ci --prefix conformance)")
	flag.Parse()
	if *collection == "" || flag.NArg() > 0 {
		fmt.Fprintln(os.Stderr, "usage: go run ./conformance -collection FILE|DIR [-v] [-newman PATH] [-postman PATH]")
		os.Exit(2)
	}
	if err := run(config{file: *collection, newman: *newman, postman: *postman, verbose: *verbose, keep: *keep}, os.Stdout); err != nil {
		fmt.Fprintf(os.Stderr, "conformance: %s: %v\n", *collection, err)
		os.Exit(2)
	}
}

// result is the verdict on one request.
type result struct {
	item    string
	verdict string
	ref     *Capture // the runner's (newman's or the Postman CLI's)
	client  *Capture
}

// config is one run of the harness.
type config struct {
	file    string // a JSON collection, or a v3 collection directory
	newman  string // "" finds it
	postman string // the Postman CLI, for a v3 directory; "" finds it
	verbose bool
	keep    bool
	// plant, when set, changes the variable values the driver gets (not
	// the runner's): the end-to-end tests use it to plant a difference.
	plant func(vars map[string]string)
}

func run(cfg config, out io.Writer) error {
	file, verbose, keepTmp := cfg.file, cfg.verbose, cfg.keep
	st, err := os.Stat(file)
	if err != nil {
		return err
	}
	// A v3 directory is run with the Postman CLI, a JSON file with newman.
	isV3 := st.IsDir()
	runner, runnerBin := "newman", cfg.newman
	if isV3 {
		runner, runnerBin = "postman", cfg.postman
		if _, err := v3.Detect(file); err != nil {
			return err
		}
	}
	if runnerBin == "" {
		runnerBin, err = findRunner(runner)
		if err != nil {
			return err
		}
	}
	tmp, err := os.MkdirTemp("", "conformance-")
	if err != nil {
		return err
	}
	if keepTmp {
		fmt.Fprintf(os.Stderr, "conformance: keeping %s\n", tmp)
	} else {
		defer os.RemoveAll(tmp)
	}
	var data []byte
	var col *parser.Collection
	if isV3 {
		// The model is the one the JSON twin gives; data, for the
		// generator's hash and the variable references, is the files.
		var inputs []v3.File
		if inputs, err = v3.InputFiles(file); err != nil {
			return err
		}
		data = v3.Bundle(inputs)
		col, _, err = v3.ParseDir(file)
	} else {
		data, err = os.ReadFile(file)
		if err != nil {
			return err
		}
		if parser.IsV1(data) {
			// newman reads v1 through postman-collection-transformer; both
			// runs use the collection it converts.
			data, err = convertV1(file, filepath.Join(filepath.Dir(runnerBin), "postman-collection-transformer"), tmp)
			if err != nil {
				return err
			}
			fmt.Fprintf(out, "%s: a Postman v1 collection, converted to v2.1 with postman-collection-transformer\n", file)
		}
		col, _, err = parser.Parse(filepath.Base(file), data)
	}
	if err != nil {
		// Not a harness error: the generator refuses the collection.
		// There is nothing to compare.
		fmt.Fprintf(out, "%s: not compared: the generator refuses the collection: %s\n", file, firstLine(err.Error()))
		fmt.Fprintln(out, "conformance: 0/0 requests wire-equivalent (0 skipped)")
		return nil
	}

	// Every referenced variable the collection does not define gets a
	// deterministic value, the same in both runs.
	defined := col.EnabledVars()
	fills := map[string]string{}
	for _, name := range referencedVars(data) {
		// Defined as empty, a variable is as good as undefined: newman
		// would send "//" for it in a path, which no client call can.
		if defined[name] == "" {
			fills[name] = fillValue(name)
		}
	}

	// The client package and the driver.
	const pkgName = "client"
	opts := generator.Options{Package: pkgName, Source: file, Input: data}
	files, _, err := generator.Generate(col, opts)
	if err != nil {
		return fmt.Errorf("generating the client: %w", err)
	}
	driverVars := fills
	if cfg.plant != nil {
		driverVars = map[string]string{}
		for k, v := range fills {
			driverVars[k] = v
		}
		cfg.plant(driverVars)
	}
	driverFile, calls, err := generateDriver(col, opts, driverVars)
	if err != nil {
		return err
	}
	modDir := filepath.Join(tmp, "driver")
	if err := writeModule(modDir, pkgName, files, driverFile); err != nil {
		return err
	}

	reqs := col.Requests()
	keep := map[string]int{}
	overrides := map[string][][2]string{}
	answers := map[string]*parser.Response{}
	for _, c := range calls {
		if c.Skip != "" || c.Problem != "" {
			continue
		}
		ri := reqs[c.Index]
		keep[ri.Path] = c.Index
		for _, o := range c.Overrides {
			overrides[o.ItemPath] = append(overrides[o.ItemPath], [2]string{o.ParamPath, o.Value})
		}
		if len(ri.Responses) > 0 {
			answers[strconv.Itoa(c.Index)] = ri.Responses[0]
		}
	}

	srv, err := startCapture(tagHeader, answers)
	if err != nil {
		return err
	}
	defer srv.Close()

	resolveVars := runVars(defined, fills)
	workDir := filepath.Join(tmp, runner)
	if err := os.MkdirAll(workDir, 0o755); err != nil {
		return err
	}
	rw := &rewriter{
		hostPort:    "127.0.0.1:" + srv.Port(),
		resolve:     func(s string) string { return parser.Resolve(s, resolveVars) },
		keep:        keep,
		overrides:   overrides,
		workDir:     workDir,
		fileContent: fileContent,
	}

	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()

	// The runner first, then the client.
	srv.setPhase(runner)
	var runnerErrs map[int]string
	var runnerOut []byte
	if len(keep) > 0 {
		if isV3 {
			// The CLI's output names a request by its name and its
			// innermost folder's: a message is taken for a request that
			// no other kept request shares both with.
			byName, seen := map[string]int{}, map[string]int{}
			for _, i := range keep {
				k := postmanName(reqs[i])
				seen[k]++
				byName[k] = i
			}
			for name, n := range seen {
				if n > 1 {
					delete(byName, name)
				}
			}
			runnerErrs, runnerOut, err = runPostman(ctx, runnerBin, file, tmp, rw, fills, byName)
		} else {
			runnerErrs, runnerOut, err = runNewman(ctx, runnerBin, data, tmp, rw, fills)
		}
		if err != nil {
			return err
		}
	}

	srv.setPhase("client")
	driverErrs := map[int]string{}
	var driverOut []byte
	compileErr, driverCrash := "", ""
	if len(keep) > 0 {
		// A generated package that does not compile is a finding, not a
		// harness error: every request it should send is reported.
		bin := filepath.Join(tmp, "driver-bin")
		build := exec.CommandContext(ctx, "go", "build", "-o", bin, ".")
		build.Dir = modDir
		build.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=mod")
		if msg, err := build.CombinedOutput(); err != nil {
			compileErr = compileError(msg)
			driverOut = msg
		}
	}
	if len(keep) > 0 && compileErr == "" {
		cmd := exec.CommandContext(ctx, filepath.Join(tmp, "driver-bin"), srv.URL())
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		driverOut, err = cmd.Output()
		if err != nil {
			// A panic in the generated client is a finding: the requests
			// it did not send are reported with it.
			driverCrash = fmt.Sprintf("the driver stopped (%v): %s", err, firstLine(stderr.String()))
		}
		for _, line := range strings.Split(string(driverOut), "\n") {
			i, msg, ok := strings.Cut(line, "\t")
			n, err := strconv.Atoi(i)
			if !ok || err != nil {
				continue
			}
			if u, err := strconv.Unquote(msg); err == nil {
				msg = u
			}
			driverErrs[n] = msg
		}
	}

	runnerCaps, clientCaps := srv.captures(runner), srv.captures("client")
	var results []result
	equivalent, skipped := 0, 0
	for _, c := range calls {
		r := result{item: c.Item}
		id := strconv.Itoa(c.Index)
		if n := runnerCaps[id]; len(n) > 0 {
			r.ref = &n[0]
		}
		if cl := clientCaps[id]; len(cl) > 0 {
			r.client = &cl[0]
		}
		switch {
		case c.Skip != "":
			r.verdict = "skipped: " + c.Skip
		case c.Problem != "":
			r.verdict = "differs: " + c.Problem
		case r.ref == nil:
			why := runnerErrs[c.Index]
			if why == "" {
				why = "no request arrived"
			}
			r.verdict = "skipped: " + runner + " sent no request: " + why
			if r.client == nil && driverErrs[c.Index] != "" {
				r.verdict += "; nor did the client: " + driverErrs[c.Index]
			}
		case compileErr != "":
			r.verdict = "differs: the generated client does not compile: " + compileErr
		case r.client == nil:
			why := driverErrs[c.Index]
			if why == "" && driverCrash != "" {
				why = driverCrash
			}
			if why == "" {
				why = "no request arrived"
			}
			r.verdict = "differs: the client sent no request: " + why
		default:
			if d := CompareAs(runner, *r.ref, *r.client, tagHeader); d != "" {
				r.verdict = "differs: " + d
			} else {
				r.verdict = "equivalent"
			}
			if c.ScriptRemoved {
				r.verdict += " (script removed)"
			}
		}
		switch {
		case strings.HasPrefix(r.verdict, "skipped"):
			skipped++
		case strings.HasPrefix(r.verdict, "equivalent"):
			equivalent++
		}
		results = append(results, r)
	}

	tw := tabwriter.NewWriter(out, 0, 4, 2, ' ', 0)
	fmt.Fprintf(tw, "REQUEST\tVERDICT\n")
	for _, r := range results {
		fmt.Fprintf(tw, "%s\t%s\n", oneLine(r.item), oneLine(r.verdict))
	}
	tw.Flush()
	if verbose {
		for _, r := range results {
			if !strings.HasPrefix(r.verdict, "differs") {
				continue
			}
			fmt.Fprintf(out, "\n== %s: %s\n", oneLine(r.item), r.verdict)
			for _, side := range []struct {
				name string
				c    *Capture
			}{{runner, r.ref}, {"client", r.client}} {
				if side.c != nil {
					fmt.Fprintf(out, "-- %s\n%s", side.name, dump(side.c))
				}
			}
		}
		if len(rw.missed) > 0 {
			fmt.Fprintf(out, "\noverrides not applied (string URLs): %s\n", strings.Join(rw.missed, ", "))
		}
		fmt.Fprintf(out, "\n-- %s output\n%s\n-- driver output\n%s\n", runner, runnerOut, driverOut)
	}
	fmt.Fprintf(out, "conformance: %d/%d requests wire-equivalent (%d skipped)\n", equivalent, len(results)-skipped, skipped)
	return nil
}

func convertV1(file, transformer, tmp string) ([]byte, error) {
	out := filepath.Join(tmp, "converted-v2.1.json")
	cmd := exec.Command(transformer, "convert", "-i", file, "-o", out, "-j", "1.0.0", "-p", "2.1.0", "-w")
	if msg, err := cmd.CombinedOutput(); err != nil {
		return nil, fmt.Errorf("converting the v1 collection: %v\n%s", err, msg)
	}
	return os.ReadFile(out)
}

// findRunner finds newman or postman (the Postman CLI) where npm ci
// --prefix conformance installs it.
func findRunner(name string) (string, error) {
	for _, p := range []string{"conformance/node_modules/.bin/" + name, "node_modules/.bin/" + name} {
		if _, err := os.Stat(p); err == nil {
			return filepath.Abs(p)
		}
	}
	return "", fmt.Errorf("%s not found: run npm ci --prefix conformance (or give -%s PATH)", name, name)
}

// envVarArgs are the --env-var flags, sorted, that give both runners the
// fills.
func envVarArgs(fills map[string]string) []string {
	names := make([]string, 0, len(fills))
	for k := range fills {
		names = append(names, k)
	}
	sort.Strings(names)
	var args []string
	for _, k := range names {
		args = append(args, "--env-var", k+"="+fills[k])
	}
	return args
}

// runNewman rewrites the JSON collection data into tmp and runs newman over
// it. It returns the request errors of newman's report, by request index,
// and newman's output.
func runNewman(ctx context.Context, bin string, data []byte, tmp string, rw *rewriter, fills map[string]string) (map[int]string, []byte, error) {
	var doc map[string]any
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	if err := dec.Decode(&doc); err != nil {
		return nil, nil, fmt.Errorf("decoding the collection: %w", err)
	}
	delete(doc, "event")
	items, _ := doc["item"].([]any)
	var err error
	if doc["item"], err = rw.items(items, "item"); err != nil {
		return nil, nil, err
	}
	rewritten, err := json.Marshal(doc)
	if err != nil {
		return nil, nil, err
	}
	colPath := filepath.Join(tmp, "collection.json")
	if err := os.WriteFile(colPath, rewritten, 0o644); err != nil {
		return nil, nil, err
	}
	reportPath := filepath.Join(tmp, "newman-report.json")
	args := []string{"run", colPath,
		"--reporters", "json", "--reporter-json-export", reportPath,
		"--working-dir", rw.workDir,
		"--ignore-redirects", "--disable-unicode", "--color", "off",
		"--timeout-request", "30000"}
	cmd := exec.CommandContext(ctx, bin, append(args, envVarArgs(fills)...)...)
	cmd.Dir = rw.workDir
	out, err := cmd.CombinedOutput()
	// newman exits 1 when a request failed; the report says which.
	var exit *exec.ExitError
	if err != nil && !(errors.As(err, &exit) && exit.ExitCode() == 1) {
		return nil, out, fmt.Errorf("newman: %v\n%s", err, out)
	}
	errs, err := readNewmanErrors(reportPath)
	return errs, out, err
}

// runPostman copies the v3 collection directory dir into tmp, rewrites the
// copy and runs the Postman CLI over it. Its JSON reporter refuses v3
// collections, so the request errors, by request index, are what its
// console output says under the name of a request (byName: the requests
// whose names are unique), and the requests the copy left out.
func runPostman(ctx context.Context, bin, dir, tmp string, rw *rewriter, fills map[string]string, byName map[string]int) (map[int]string, []byte, error) {
	colDir := filepath.Join(tmp, "collection")
	if err := copyTree(dir, colDir); err != nil {
		return nil, nil, fmt.Errorf("copying the collection: %w", err)
	}
	dropped, err := rw.v3(colDir)
	if err != nil {
		return nil, nil, fmt.Errorf("rewriting the collection: %w", err)
	}
	args := []string{"collection", "run", colDir,
		"--working-dir", rw.workDir,
		"--ignore-redirects", "--disable-unicode",
		"--timeout-request", "30000",
		"-x"} // exit 0 when a request fails: any other exit is the CLI failing
	cmd := exec.CommandContext(ctx, bin, append(args, envVarArgs(fills)...)...)
	cmd.Dir = rw.workDir
	cmd.Env = append(os.Environ(), "NO_COLOR=1")
	// The npm wrapper runs the native binary as a child: do not wait for
	// the child's output forever once the wrapper is gone.
	cmd.WaitDelay = 10 * time.Second
	out, err := cmd.CombinedOutput()
	if err != nil {
		return nil, out, fmt.Errorf("postman: %v\n%s", err, out)
	}
	errs := postmanErrors(out, byName)
	for i, why := range dropped {
		errs[i] = why
	}
	return errs, out, nil
}

var ansiEscape = regexp.MustCompile("\x1b\\[[0-9;]*[A-Za-z]")

// postmanName is how the Postman CLI's console output names a request:
// its innermost folder's name and its own.
func postmanName(ri *parser.RequestItem) string {
	folder := ""
	if n := len(ri.Folders); n > 0 {
		folder = ri.Folders[n-1].Name
	}
	return folder + "\x00" + ri.Item.Name
}

// postmanErrors reads the request errors from the Postman CLI's console
// output, in which each request is a line "Root NAME" (or "Sub-folder
// NAME" in a folder, after a line "Folder NAME" that names the innermost
// folder when it changes), a blank line, then the request line ("  GET url
// [200 OK, ...]", or "  GET url [errored]" and the error indented below
// it) or, when it could not be built, the error alone ("ENOENT: ...").
// byName maps postmanName to request indexes.
func postmanErrors(out []byte, byName map[string]int) map[int]string {
	errs := map[int]string{}
	lines := strings.Split(ansiEscape.ReplaceAllString(string(out), ""), "\n")
	cur, folder := -1, ""
	for i := 0; i < len(lines); i++ {
		l := strings.TrimRight(lines[i], " \r")
		switch {
		case strings.HasPrefix(l, "Folder "):
			cur, folder = -1, strings.TrimPrefix(l, "Folder ")
		case strings.HasPrefix(l, "Root "), strings.HasPrefix(l, "Sub-folder "):
			cur = -1
			name, in := strings.TrimPrefix(l, "Root "), ""
			if strings.HasPrefix(l, "Sub-folder ") {
				name, in = strings.TrimPrefix(l, "Sub-folder "), folder
			}
			if n, ok := byName[in+"\x00"+name]; ok {
				cur = n
			}
		case cur < 0 || l == "":
		case strings.HasPrefix(l, " "):
			if strings.HasSuffix(l, "[errored]") && i+1 < len(lines) {
				if msg := strings.TrimSpace(lines[i+1]); msg != "" {
					errs[cur] = msg
				}
			}
			cur = -1
		default:
			errs[cur] = strings.TrimSpace(l)
			cur = -1
		}
	}
	return errs
}

// writeModule writes the driver module: go.mod, main.go and the generated
// package in a subdirectory. Test files are left out.
func writeModule(dir, pkg string, files []generator.File, driver generator.File) error {
	if err := os.MkdirAll(filepath.Join(dir, pkg), 0o755); err != nil {
		return err
	}
	goVersion := strings.TrimPrefix(runtime.Version(), "go")
	if parts := strings.SplitN(goVersion, ".", 3); len(parts) >= 2 {
		goVersion = parts[0] + "." + parts[1]
	}
	mod := "module conformancedriver\n\ngo " + goVersion + "\n"
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte(mod), 0o644); err != nil {
		return err
	}
	// The driver is a file of the client package; main only calls it.
	if err := os.WriteFile(filepath.Join(dir, pkg, driver.Name), driver.Content, 0o644); err != nil {
		return err
	}
	mainGo := "package main\n\nimport client \"conformancedriver/" + pkg + "\"\n\nfunc main() { client.ConformanceMain() }\n"
	if err := os.WriteFile(filepath.Join(dir, "main.go"), []byte(mainGo), 0o644); err != nil {
		return err
	}
	for _, f := range files {
		if strings.HasSuffix(f.Name, "_test.go") {
			continue
		}
		if err := os.WriteFile(filepath.Join(dir, pkg, f.Name), f.Content, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// readNewmanErrors returns the request errors newman's JSON report lists,
// by request index (the tag header of the request).
func readNewmanErrors(path string) (map[int]string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("newman wrote no report: %w", err)
	}
	var report struct {
		Run struct {
			Executions []struct {
				Request struct {
					Header []struct{ Key, Value string }
				}
				RequestError *struct{ Message, Code, Name string } `json:"requestError"`
			}
		}
	}
	if err := json.Unmarshal(data, &report); err != nil {
		return nil, fmt.Errorf("newman's report: %w", err)
	}
	errs := map[int]string{}
	for _, e := range report.Run.Executions {
		if e.RequestError == nil {
			continue
		}
		for _, h := range e.Request.Header {
			if strings.EqualFold(h.Key, tagHeader) {
				if n, err := strconv.Atoi(h.Value); err == nil {
					errs[n] = strings.TrimSpace(e.RequestError.Name + " " + e.RequestError.Code + " " + e.RequestError.Message)
				}
			}
		}
	}
	return errs, nil
}

func dump(c *Capture) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s\n", c.Method, c.URI)
	keys := make([]string, 0, len(c.Header))
	for k := range c.Header {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		for _, v := range c.Header[k] {
			fmt.Fprintf(&b, "%s: %s\n", k, v)
		}
	}
	if len(c.Body) > 0 {
		body := c.Body
		if len(body) > 2000 {
			body = append(body[:2000:2000], "..."...)
		}
		fmt.Fprintf(&b, "\n%s\n", body)
	}
	return b.String()
}

func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// compileError is the first compiler message of go build's output.
func compileError(out []byte) string {
	for _, line := range strings.Split(string(out), "\n") {
		if line != "" && !strings.HasPrefix(line, "#") {
			return strings.TrimSpace(line)
		}
	}
	return "go build failed"
}

func firstLine(s string) string {
	l, _, _ := strings.Cut(s, "\n")
	return l
}

// generateDriver lowers the collection as the generator does and writes the
// driver for it. fills are the values both runs give the variables the
// collection leaves undefined or empty; its own values win over them.
func generateDriver(col *parser.Collection, opts generator.Options, fills map[string]string) (generator.File, []driver.Call, error) {
	pkg, _ := lower.Package(col, lower.Options{Package: opts.Package, Source: opts.Source, Config: opts.Config})
	index := map[*parser.Item]int{} // position in col.Requests(), the tag value
	for i, ri := range col.Requests() {
		index[ri.Item] = i
	}
	vars := runVars(col.EnabledVars(), fills)
	name, content, calls, err := driver.Generate(pkg, func(op *ir.Operation) int { return index[op.Source.Item] }, driver.Options{
		Vars:        vars,
		Resolve:     parser.Resolve,
		TagHeader:   tagHeader,
		FileContent: fileContent,
	})
	return generator.File{Name: name, Content: content}, calls, err
}

// runVars are the variables as a run resolves them: the collection's own,
// and a fill for each it leaves undefined or defines as empty.
func runVars(defined, fills map[string]string) map[string]string {
	vars := map[string]string{}
	for k, v := range fills {
		vars[k] = v
	}
	for k, v := range defined {
		if _, filled := fills[k]; !filled || v != "" {
			vars[k] = v
		}
	}
	return vars
}
