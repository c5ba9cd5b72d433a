package parser

import "strings"

// parseRawURL splits a URL string into parts the way the Postman SDK's
// Url.parse does: {{variables}} stay whole, the query is split on & and then
// on the first =, and a key without = has a null value.
// ParseRawURL splits a raw URL string into its parts the way the Postman
// SDK does, query text decoded once (see DecodeQuery). The v3 reader uses it
// for its request files' url: text.
func ParseRawURL(raw string) URL { return parseRawURL(raw) }

func parseRawURL(raw string) URL {
	u := URL{Raw: raw}
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

func parseQuery(q string) []Param {
	if q == "" {
		return nil
	}
	var out []Param
	for _, part := range strings.Split(q, "&") {
		k, v, ok := strings.Cut(part, "=")
		out = append(out, Param{Key: k, Value: v, ValueNull: !ok})
	}
	return DecodeQuery(out)
}

// DecodeQuery decodes the keys and values of query entries once. Postman
// treats query text in a URL as already encoded: it sends a %XX sequence as
// it is (postman-url-encoder's isPreEncoded) and encodes the rest. The
// model holds the decoded text, which a client that encodes every value
// once sends exactly as Postman does: Yosemite%2FYosemite2 stays %2F, never
// %252F.
func DecodeQuery(ps []Param) []Param {
	for i := range ps {
		ps[i].Key, ps[i].Value = DecodeURLText(ps[i].Key), DecodeURLText(ps[i].Value)
	}
	return ps
}

// DecodeURLText replaces every %XX (two hex digits) in s by its byte; a %
// not followed by two hex digits stays, as Postman leaves it.
func DecodeURLText(s string) string {
	if !strings.Contains(s, "%") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '%' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]) {
			b.WriteByte(unhex(s[i+1])<<4 | unhex(s[i+2]))
			i += 2
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

func unhex(c byte) byte {
	switch {
	case c <= '9':
		return c - '0'
	case c >= 'a':
		return c - 'a' + 10
	}
	return c - 'A' + 10
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
