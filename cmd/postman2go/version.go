package main

import (
	"runtime/debug"
)

// modulePath is this tool's module.
const modulePath = "github.com/postman2go/postman2go"

// version, when set at link time (go build -ldflags "-X main.version=v1.2.3"),
// is what --version prints. Otherwise the build info says it (versionOf).
// It is never written into generated files.
var version string

// toolVersion is what --version prints after "postman2go ".
func toolVersion() string {
	if version != "" {
		return version
	}
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "(unknown: built without module information)"
	}
	return versionOf(info)
}

// versionOf is the version of this module in a binary's build info:
//
//   - built in its own module (go build or go install in a checkout, or
//     go install ...@version): the module version — a release, a
//     pseudo-version that names the commit (with +dirty for uncommitted
//     changes) when the go command could read the VCS, or (devel), then
//     followed by the VCS revision when it is known;
//   - built from another module (go tool, go run): the required version, or
//     where a replace directive points it: "(devel) => ../postman2go" for a
//     local directory, whose required version means nothing.
func versionOf(info *debug.BuildInfo) string {
	m := &info.Main
	if m.Path != modulePath {
		for _, d := range info.Deps {
			if d.Path == modulePath {
				m = d
				break
			}
		}
	}
	if r := m.Replace; r != nil {
		if r.Version == "" || r.Version == "(devel)" {
			return "(devel) => " + r.Path
		}
		return m.Version + " => " + r.Path + " " + r.Version
	}
	v := m.Version
	if v == "" {
		v = "(devel)"
	}
	if v != "(devel)" || m != &info.Main {
		return v
	}
	var rev, modified string
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			modified = s.Value
		}
	}
	if rev == "" {
		return v
	}
	if len(rev) > 12 {
		rev = rev[:12]
	}
	if modified == "true" {
		rev += "+dirty"
	}
	return v + " " + rev
}
