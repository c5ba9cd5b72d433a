package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/spf13/pflag"

	"github.com/postman2go/postman2go/generator"
	"github.com/postman2go/postman2go/parser"
)

// version is the tool version; it is never written into generated files.
var version = "v0.1.0"

const (
	exitOK    = 0
	exitDrift = 1
	exitBad   = 2
)

const usage = `Usage: postman2go [flags] COLLECTION.json

Generates a typed Go client package from a Postman collection (schema v2.0 or
v2.1). COLLECTION.json "-" reads standard input.

Flags:
  -o, --output DIR     write the package into DIR (default ".")
  -p, --package NAME   package name (default: from DIR's name)
      --check          write nothing; exit 1 and print a unified diff when DIR
                       differs from what would be generated
      --explain        write nothing; print, per operation, each field's Go
                       type and the evidence that decided it
      --config FILE    JSON overrides of operation names and field types,
                       enums and required-ness (see README)
  -q, --quiet          print nothing but errors (and the --check diff)
  -v, --verbose        list every file: wrote, unchanged or removed
      --version        print the version
  -h, --help           print this help

Exit codes: 0 success (with --check: up to date), 1 drift found by --check,
2 bad usage or bad input.
`

const seeHelp = "run 'postman2go -h' for usage\n"

// run is the whole command, testable without a process.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := pflag.NewFlagSet("postman2go", pflag.ContinueOnError)
	fs.SetOutput(stderr)
	out := fs.StringP("output", "o", ".", "write the package into `DIR`")
	pkgName := fs.StringP("package", "p", "", "package `NAME` (default: from the output directory's name)")
	check := fs.Bool("check", false, "write nothing; exit 1 and print a diff when DIR differs from what would be generated")
	explain := fs.Bool("explain", false, "write nothing; print each field's type and the evidence for it")
	configFile := fs.String("config", "", "JSON `FILE` of name and type overrides")
	quiet := fs.BoolP("quiet", "q", false, "print nothing but errors")
	verbose := fs.BoolP("verbose", "v", false, "list the files written")
	showVersion := fs.Bool("version", false, "print the version and exit")
	fs.Usage = func() { fmt.Fprint(stdout, usage) }
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, pflag.ErrHelp) {
			return exitOK
		}
		fmt.Fprintf(stderr, "postman2go: %v\n%s", err, seeHelp)
		return exitBad
	}
	if *showVersion {
		fmt.Fprintln(stdout, "postman2go", version)
		return exitOK
	}
	if fs.NArg() != 1 {
		fmt.Fprintf(stderr, "postman2go: want exactly one collection file (or - for standard input), got %d arguments\n%s", fs.NArg(), seeHelp)
		return exitBad
	}
	start := time.Now()
	src := fs.Arg(0)
	data, err := readInput(src, stdin)
	if err != nil {
		fmt.Fprintln(stderr, "postman2go:", err)
		return exitBad
	}
	name := *pkgName
	if name == "" {
		name = defaultPackage(*out)
	}
	display := src
	if src == "-" {
		display = "<stdin>"
	}
	coll, warns, err := parser.Parse(display, data)
	if err != nil {
		printErr(stderr, err)
		return exitBad
	}
	opts := generator.Options{Package: name, Source: headerSource(src, *out), Input: data}
	if *configFile != "" {
		cfgData, err := os.ReadFile(*configFile)
		if err == nil {
			opts.Config, err = generator.ParseConfig(cfgData)
		}
		if err != nil {
			fmt.Fprintf(stderr, "postman2go: %s: %v\n", *configFile, err)
			return exitBad
		}
	}
	if *explain {
		text, genWarns := generator.Explain(coll, opts)
		for _, w := range append(warns, genWarns...) {
			w.File = display
			fmt.Fprintln(stderr, "warning:", w)
		}
		io.WriteString(stdout, text)
		return exitOK
	}
	files, genWarns, err := generator.Generate(coll, opts)
	for _, w := range genWarns {
		w.File = display // the generator knows the input by its header path
	}
	warns = append(warns, genWarns...)
	if !*quiet {
		for _, w := range warns {
			fmt.Fprintln(stderr, "warning:", w)
		}
	}
	if err != nil {
		fmt.Fprintln(stderr, "postman2go:", err)
		return exitBad
	}
	if *check {
		drift, err := checkDir(*out, files, stdout)
		if err != nil {
			fmt.Fprintln(stderr, "postman2go:", err)
			return exitBad
		}
		if drift {
			fmt.Fprintf(stderr, "postman2go: %s is out of date with %s; run postman2go to regenerate\n", *out, display)
			return exitDrift
		}
		return exitOK
	}
	// SIGINT and SIGTERM wait until the write is abandoned, finished or
	// undone (see signals.go); a signal that arrived during it then sets the
	// exit code.
	sigs := make(chan os.Signal, 1)
	notifySignals(sigs)
	res, err := writeDirOpts(*out, files, writeOptions{stop: sigs, waiting: func() {
		if !*quiet {
			fmt.Fprintf(stderr, "postman2go: waiting for another postman2go writing %s\n", *out)
		}
	}})
	stopSignals(sigs)
	var late os.Signal // arrived once the renames had begun
	select {
	case late = <-sigs:
	default:
	}
	var intr errInterrupted
	switch {
	case errors.As(err, &intr):
		fmt.Fprintf(stderr, "postman2go: %s: %s; nothing was written\n", *out, intr)
		return signalExitCode(intr.sig)
	case err != nil && late != nil:
		fmt.Fprintln(stderr, "postman2go:", err)
		fmt.Fprintf(stderr, "postman2go: %s: %s during the write\n", *out, signalText(late))
		return signalExitCode(late)
	case err != nil:
		fmt.Fprintln(stderr, "postman2go:", err)
		return exitBad
	case late != nil:
		defer fmt.Fprintf(stderr, "postman2go: %s: %s during the write, which was completed first\n", *out, signalText(late))
	}
	exitCode := exitOK
	if late != nil {
		exitCode = signalExitCode(late)
	}
	if *quiet {
		return exitCode
	}
	if *verbose {
		written := map[string]bool{}
		for _, p := range res.Written {
			written[p] = true
		}
		for _, f := range files {
			p := filepath.Join(*out, f.Name)
			if written[p] {
				fmt.Fprintln(stderr, "wrote    ", p)
			} else {
				fmt.Fprintln(stderr, "unchanged", p)
			}
		}
		for _, p := range res.Removed {
			fmt.Fprintln(stderr, "removed  ", p)
		}
	}
	fmt.Fprintf(stderr, "postman2go: %s: %d operations, %d types, %d files (%d written, %d removed), %d warnings in %s\n",
		*out, len(coll.Requests()), generator.CountTypes(files), len(files), len(res.Written), len(res.Removed),
		len(warns), time.Since(start).Round(time.Millisecond))
	return exitCode
}

func readInput(src string, stdin io.Reader) ([]byte, error) {
	if src == "-" {
		return io.ReadAll(stdin)
	}
	return os.ReadFile(src)
}

// printErr prints each diagnostic of a parse error on its own line.
func printErr(w io.Writer, err error) {
	var list parser.ErrorList
	if errors.As(err, &list) {
		for i, d := range list {
			if i == 10 {
				fmt.Fprintf(w, "postman2go: (and %d more errors)\n", len(list)-10)
				break
			}
			fmt.Fprintln(w, "postman2go:", d)
		}
		return
	}
	fmt.Fprintln(w, "postman2go:", err)
}

// headerSource is the input path recorded in the header: relative to the
// output directory and with forward slashes, so that the header is the same
// whichever directory the tool runs in (go generate runs in the package's,
// a CI check often in the repository root) and on every machine.
func headerSource(src, out string) string {
	if src == "-" {
		return "<stdin>"
	}
	absSrc, err1 := filepath.Abs(src)
	absOut, err2 := filepath.Abs(out)
	if err1 != nil || err2 != nil {
		return filepath.ToSlash(src)
	}
	rel, err := filepath.Rel(absOut, absSrc)
	if err != nil {
		return filepath.ToSlash(src)
	}
	return filepath.ToSlash(rel)
}

// defaultPackage names the package after the output directory.
func defaultPackage(dir string) string {
	abs, err := filepath.Abs(dir)
	if err != nil {
		abs = dir
	}
	return generator.PackageName(filepath.Base(abs))
}
