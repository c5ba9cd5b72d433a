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

// run is the whole command, testable without a process.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := pflag.NewFlagSet("postman2go", pflag.ContinueOnError)
	fs.SetOutput(stderr)
	out := fs.StringP("output", "o", ".", "write the package into `DIR`")
	pkgName := fs.StringP("package", "p", "", "package `NAME` (default: from the output directory's name)")
	check := fs.Bool("check", false, "write nothing; exit 1 and print a diff when DIR differs from what would be generated")
	quiet := fs.BoolP("quiet", "q", false, "print nothing but errors")
	verbose := fs.BoolP("verbose", "v", false, "list the files written")
	showVersion := fs.Bool("version", false, "print the version and exit")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "Usage: postman2go [flags] COLLECTION.json\n\nGenerates a typed Go client package from a Postman collection (v2.0/v2.1; - reads stdin).\n\nFlags:\n")
		fs.PrintDefaults()
		fmt.Fprintf(stderr, "\nExit codes: 0 ok, 1 drift found by --check, 2 bad usage or input.\n")
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, pflag.ErrHelp) {
			return exitOK
		}
		return exitBad
	}
	if *showVersion {
		fmt.Fprintln(stdout, "postman2go", version)
		return exitOK
	}
	if fs.NArg() != 1 {
		fmt.Fprintln(stderr, "postman2go: want exactly one collection file (or -); see postman2go -h")
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
	files, genWarns, err := generator.Generate(coll, generator.Options{Package: name, Source: display, Input: data})
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
	written, err := writeDir(*out, files)
	if err != nil {
		fmt.Fprintln(stderr, "postman2go:", err)
		return exitBad
	}
	if *verbose && !*quiet {
		for _, w := range written {
			fmt.Fprintln(stderr, w)
		}
	}
	if !*quiet {
		fmt.Fprintf(stderr, "postman2go: %s: %d operations, %d files (%d changed), %d warnings in %s\n",
			filepath.Join(*out), len(coll.Requests()), len(files), len(written), len(warns), time.Since(start).Round(time.Millisecond))
	}
	return exitOK
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

// defaultPackage names the package after the output directory.
func defaultPackage(dir string) string {
	abs, err := filepath.Abs(dir)
	if err != nil {
		abs = dir
	}
	return generator.PackageName(filepath.Base(abs))
}
