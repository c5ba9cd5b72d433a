package v3

// The URL parsing of package parser (parser/url.go), which is unexported
// there: a v3 url is always a string, read the way parser.Parse reads a
// v2.1 url string. TestURLsAsParserReadsThem keeps the two in step.

import (
	"strings"

	"github.com/postman2go/postman2go/parser"
)

// parseRawURL splits a URL string into parts the way the Postman SDK's
// Url.parse does: {{variables}} stay whole, the query is split on & and then
// on the first =, and a key without = has a null value.
func parseRawURL(raw string) parser.URL {
	u := parser.URL{Raw: raw}
	rest := raw
	if i := indexOutsideVars(rest, "#"); i >= 0 {
		u.Hash, rest = rest[i+1:], rest[:i]
	}
	if i := indexOutsideVars(rest, "?"); i >= 0 {
		u.Query = parseQuery(rest[i+1:])
		rest = rest[:i]
	}
	if i := strings.Index(rest, "://"); i >= 0 && !strings.Contains(rest[:i], "/") {
		u.Protocol, rest = rest[:i], rest[i+3:]
	}
	hostPort, path := rest, ""
	if i := indexOutsideVars(rest, "/"); i >= 0 {
		hostPort, path = rest[:i], rest[i+1:]
	}
	if i := lastIndexOutsideVars(hostPort, ":"); i >= 0 {
		u.Port, hostPort = hostPort[i+1:], hostPort[:i]
	}
	u.Host = splitHost(hostPort)
	if i := indexOutsideVars(rest, "/"); i >= 0 {
		u.Path = splitPath(path)
	}
	return u
}

func parseQuery(q string) []parser.Param {
	if q == "" {
		return nil
	}
	var out []parser.Param
	for _, part := range strings.Split(q, "&") {
		k, v, ok := strings.Cut(part, "=")
		out = append(out, parser.Param{Key: k, Value: v, ValueNull: !ok})
	}
	return decodeQuery(out)
}

// decodeQuery decodes the keys and values of query entries once, as
// package parser does (Postman treats query text as already encoded).
func decodeQuery(ps []parser.Param) []parser.Param {
	for i := range ps {
		ps[i].Key, ps[i].Value = parser.DecodeURLText(ps[i].Key), parser.DecodeURLText(ps[i].Value)
	}
	return ps
}

// splitHost splits a host on the dots that are not inside {{...}}.
func splitHost(h string) []string {
	if h == "" {
		return nil
	}
	return splitOutsideVars(h, '.')
}

// splitPath splits a path on /, dropping one leading slash.
func splitPath(p string) []string {
	p = strings.TrimPrefix(p, "/")
	if p == "" {
		return nil
	}
	return splitOutsideVars(p, '/')
}

func splitOutsideVars(s string, sep byte) []string {
	var out []string
	for {
		i := indexOutsideVars(s, string(sep))
		if i < 0 {
			return append(out, s)
		}
		out = append(out, s[:i])
		s = s[i+1:]
	}
}

func indexOutsideVars(s, sub string) int {
	depth := 0
	for i := 0; i < len(s); i++ {
		switch {
		case strings.HasPrefix(s[i:], "{{"):
			depth++
			i++
		case strings.HasPrefix(s[i:], "}}") && depth > 0:
			depth--
			i++
		case depth == 0 && strings.HasPrefix(s[i:], sub):
			return i
		}
	}
	return -1
}

func lastIndexOutsideVars(s, sub string) int {
	last := -1
	for off := 0; ; {
		i := indexOutsideVars(s[off:], sub)
		if i < 0 {
			return last
		}
		last = off + i
		off = last + len(sub)
	}
}
