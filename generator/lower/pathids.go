package lower

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/postman2go/postman2go/parser"
)

// Literal ids in paths. Postman users write the id of the thing they tried
// into the URL: GET {{base}}/files/100075658152/metadata. Kept literal, the
// method could only ever name that file, so a segment that is an id becomes
// a required path parameter named after the resource before it (FileID),
// with the collection's value as its documented example. Version-like and
// constant segments (v2, 2.0, me, latest) stay literal.

var (
	uuidSegment     = regexp.MustCompile(`^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$`)
	digitSegment    = regexp.MustCompile(`^[0-9]{6,}$`)
	prefixedSegment = regexp.MustCompile(`^[a-z]{2,6}_[A-Za-z0-9]{6,}$`) // tr_FE9UrEs9zU, cus_9s6XKzkNRiz8i3
	hexSegment      = regexp.MustCompile(`^[0-9a-fA-F]{16,}$`)
	placeholderSeg  = regexp.MustCompile(`^(?:\*([A-Za-z_][A-Za-z0-9_]*)\*|<([A-Za-z_][A-Za-z0-9_]*)>|\{([A-Za-z_][A-Za-z0-9_]*)\})$`)
	versionSegment  = regexp.MustCompile(`^(?:[vV][0-9]+(?:\.[0-9]+)*|[0-9]+\.[0-9]+(?:\.[0-9]+)*)$`)
	hasDigit        = regexp.MustCompile(`[0-9]`)
	hasUpperOrDigit = regexp.MustCompile(`[A-Z0-9]`)
)

// constantSegments are words that name a fixed resource, never an id.
var constantSegments = map[string]bool{"me": true, "self": true, "latest": true, "current": true, "default": true, "all": true, "mine": true}

// literalID reports whether segment i of the request's path is an id, the
// parameter name it suggests ("" for one named after the resource) and the
// evidence.
func literalID(ri *parser.RequestItem, i int) (name, why string, ok bool) {
	seg := ri.Request.URL.Path[i]
	if seg == "" || strings.Contains(seg, "{{") || strings.HasPrefix(seg, ":") || versionSegment.MatchString(seg) || constantSegments[strings.ToLower(seg)] {
		return "", "", false
	}
	if m := placeholderSeg.FindStringSubmatch(seg); m != nil {
		name = m[1] + m[2] + m[3]
		if strings.EqualFold(name, "id") {
			name = ""
		}
		return name, fmt.Sprintf("placeholder segment %q", seg), true
	}
	switch {
	case uuidSegment.MatchString(seg):
		return "", "UUID path segment", true
	case digitSegment.MatchString(seg):
		return "", fmt.Sprintf("%d-digit path segment", len(seg)), true
	case prefixedSegment.MatchString(seg) && hasUpperOrDigit.MatchString(seg[strings.IndexByte(seg, '_')+1:]):
		return "", "vendor-prefixed id path segment", true
	case hexSegment.MatchString(seg) && hasDigit.MatchString(seg) && strings.ContainsAny(strings.ToLower(seg), "abcdef"):
		return "", fmt.Sprintf("%d-character hex path segment", len(seg)), true
	}
	if other, ok := differsInExamples(ri, i); ok {
		return "", fmt.Sprintf("path segment %q is %q in a saved example", seg, other), true
	}
	return "", "", false
}

// differsInExamples finds a saved example whose originalRequest has the same
// path but for a different literal at i: direct evidence that the segment
// varies.
func differsInExamples(ri *parser.RequestItem, i int) (string, bool) {
	path := ri.Request.URL.Path
	for _, r := range ri.Responses {
		or := r.OriginalRequest
		if or == nil || len(or.URL.Path) != len(path) {
			continue
		}
		other := or.URL.Path[i]
		if other == path[i] || other == "" || strings.Contains(other, "{{") || strings.HasPrefix(other, ":") || versionSegment.MatchString(other) {
			continue
		}
		same := true
		for j := range path {
			if j != i && path[j] != or.URL.Path[j] {
				same = false
				break
			}
		}
		if same {
			return other, true
		}
	}
	return "", false
}

// idWire is the wire name of a literal id parameter: the placeholder's own
// name, else the singular of the resource segment before it + "Id"
// (files/100075658152 is fileId), else "id".
func idWire(path []string, i int, name string) string {
	if name != "" {
		return name
	}
	if i > 0 {
		prev := path[i-1]
		if words := splitWords(prev); len(words) > 0 && !strings.HasPrefix(prev, ":") && !strings.Contains(prev, "{{") && !versionSegment.MatchString(prev) {
			last := singularWord(strings.ToLower(words[len(words)-1]))
			head := ""
			for _, w := range words[:len(words)-1] {
				head += strings.ToLower(w)
			}
			if head != "" {
				return head + exportedWord(last) + "Id"
			}
			return last + "Id"
		}
	}
	return "id"
}

// singularWord turns a plural resource word into its singular: files →
// file, categories → category, addresses → address; other words stay.
func singularWord(w string) string {
	switch {
	case strings.HasSuffix(w, "ies") && len(w) > 4:
		return w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "sses"), strings.HasSuffix(w, "xes"), strings.HasSuffix(w, "ches"), strings.HasSuffix(w, "shes"):
		return w[:len(w)-2]
	case strings.HasSuffix(w, "ss"), strings.HasSuffix(w, "us"), !strings.HasSuffix(w, "s"), len(w) <= 3:
		return w
	}
	return w[:len(w)-1]
}
