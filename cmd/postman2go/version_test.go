package main

import (
	"runtime/debug"
	"testing"
)

func TestVersionOf(t *testing.T) {
	mod := func(version string, replace *debug.Module) debug.Module {
		return debug.Module{Path: modulePath, Version: version, Replace: replace}
	}
	vcs := []debug.BuildSetting{{Key: "vcs", Value: "git"}, {Key: "vcs.revision", Value: "4ec940843bd50701eb0cc496107e4eeeb64d74d0"}}
	dirty := append(vcs[:2:2], debug.BuildSetting{Key: "vcs.modified", Value: "true"})
	cases := []struct {
		name string
		info debug.BuildInfo
		want string
	}{
		{"go install ...@v0.3.0", debug.BuildInfo{Main: mod("v0.3.0", nil)}, "v0.3.0"},
		{"go build in a checkout, VCS stamped", debug.BuildInfo{Main: mod("v0.0.0-20261201221614-4ec940843bd5+dirty", nil), Settings: dirty}, "v0.0.0-20261201221614-4ec940843bd5+dirty"},
		{"(devel) with a revision", debug.BuildInfo{Main: mod("(devel)", nil), Settings: vcs}, "(devel) 4ec940843bd5"},
		{"(devel) with uncommitted changes", debug.BuildInfo{Main: mod("(devel)", nil), Settings: dirty}, "(devel) 4ec940843bd5+dirty"},
		{"-buildvcs=false", debug.BuildInfo{Main: mod("(devel)", nil)}, "(devel)"},
		{"no version at all", debug.BuildInfo{Main: mod("", nil)}, "(devel)"},
		{"go tool, replaced by a directory", debug.BuildInfo{Main: mod("v0.0.0-00010101000000-000000000000", &debug.Module{Path: "../postman2go", Version: "(devel)"})}, "(devel) => ../postman2go"},
		{"replaced by a directory, no version", debug.BuildInfo{Main: mod("v0.0.0-00010101000000-000000000000", &debug.Module{Path: "/src/postman2go"})}, "(devel) => /src/postman2go"},
		{"replaced by a fork", debug.BuildInfo{Main: mod("v0.3.0", &debug.Module{Path: "example.com/fork", Version: "v0.3.1"})}, "v0.3.0 => example.com/fork v0.3.1"},
		{"a dependency of another main module", debug.BuildInfo{Main: debug.Module{Path: "example.com/other"}, Deps: []*debug.Module{{Path: "example.com/x", Version: "v1.0.0"}, {Path: modulePath, Version: "v0.3.0"}}}, "v0.3.0"},
	}
	for _, c := range cases {
		if got := versionOf(&c.info); got != c.want {
			t.Errorf("%s: versionOf = %q, want %q", c.name, got, c.want)
		}
	}
}

func TestVersionLinkTime(t *testing.T) {
	defer func(v string) { version = v }(version)
	version = "v9.9.9"
	if got := toolVersion(); got != "v9.9.9" {
		t.Errorf("toolVersion with -X main.version: %q", got)
	}
}

func TestCountAndPlace(t *testing.T) {
	for _, c := range []struct {
		n          int
		noun, want string
	}{
		{0, "operation", "0 operations"}, {1, "operation", "1 operation"}, {2, "operation", "2 operations"},
		{1, "type", "1 type"}, {1, "file", "1 file"}, {1, "warning", "1 warning"}, {3, "warning", "3 warnings"},
	} {
		if got := count(c.n, c.noun); got != c.want {
			t.Errorf("count(%d, %q) = %q, want %q", c.n, c.noun, got, c.want)
		}
	}
	for _, c := range []struct{ dir, pkg, want string }{
		{".", "zoomim", ". (package zoomim)"},
		{"./", "zoomim", "./ (package zoomim)"},
		{"out", "zoomim", "out (package zoomim)"},
		{"internal/zoomim", "zoomim", "internal/zoomim"},
		{"internal/zoomim/", "zoomim", "internal/zoomim/"},
		{"/abs/zoom", "zoom", "/abs/zoom"},
	} {
		if got := summaryPlace(c.dir, c.pkg); got != c.want {
			t.Errorf("summaryPlace(%q, %q) = %q, want %q", c.dir, c.pkg, got, c.want)
		}
	}
}
