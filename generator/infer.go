package generator

import (
	"regexp"
	"strconv"
	"strings"
)

// Types are inferred from weak evidence: example values (the request's and
// those of every saved example's originalRequest), openapi-to-postman
// placeholders such as <integer>, and description markers such as
// "(Required)" and "(This can only be one of a,b,c)".

var (
	requiredMarker = regexp.MustCompile(`(?i)\(\s*required\s*\)`)
	enumMarker     = regexp.MustCompile(`(?i)\(\s*This can only be one of\s+([^)]*)\)`)
	postmanVar     = regexp.MustCompile(`\{\{([^{}]*?)\}\}`)
)

// placeholderKinds maps openapi-to-postman value placeholders to kinds.
var placeholderKinds = map[string]Kind{
	"<integer>": KindInt, "<long>": KindInt,
	"<number>": KindFloat, "<float>": KindFloat, "<double>": KindFloat,
	"<boolean>": KindBool,
}

// evidence is what the collection says about one field.
type evidence struct {
	values      []string // example values, in document order
	description string
}

// inference is what the evidence decides.
type inference struct {
	kind       Kind
	enumValues []string
	required   bool
	doc        string // description with the markers that became types removed
	why        string
}

func infer(ev evidence) inference {
	inf := inference{kind: KindString, doc: ev.description}
	var whys []string
	if requiredMarker.MatchString(ev.description) {
		inf.required = true
		inf.doc = requiredMarker.ReplaceAllString(inf.doc, "")
		whys = append(whys, "description says (Required)")
	}
	if m := enumMarker.FindStringSubmatch(ev.description); m != nil {
		for _, v := range strings.Split(m[1], ",") {
			if v = strings.TrimSpace(v); v != "" && !contains(inf.enumValues, v) {
				inf.enumValues = append(inf.enumValues, v)
			}
		}
		if len(inf.enumValues) > 0 {
			inf.kind = KindEnum
			inf.doc = enumMarker.ReplaceAllString(inf.doc, "")
			whys = append(whys, "enum from description")
			inf.why = strings.Join(whys, "; ")
			return inf
		}
	}
	kind, why := kindOfValues(ev.values)
	inf.kind = kind
	whys = append(whys, why)
	inf.why = strings.Join(whys, "; ")
	return inf
}

// kindOfValues decides a kind from example values: a placeholder wins; else
// the narrowest kind every value fits (bool, int, float), else string.
func kindOfValues(values []string) (Kind, string) {
	var concrete []string
	for _, v := range values {
		if k, ok := placeholderKinds[v]; ok {
			return k, "placeholder " + v
		}
		if v == "" || postmanVar.MatchString(v) || (strings.HasPrefix(v, "<") && strings.HasSuffix(v, ">")) {
			continue
		}
		concrete = append(concrete, v)
	}
	if len(concrete) == 0 {
		return KindString, "no typed example"
	}
	all := func(ok func(string) bool) bool {
		for _, v := range concrete {
			if !ok(v) {
				return false
			}
		}
		return true
	}
	switch {
	case all(isBool):
		return KindBool, "example values are true/false"
	case all(isInt):
		return KindInt, "example values are integers"
	case all(isFloat):
		return KindFloat, "example values are numbers"
	}
	return KindString, "example values are text"
}

func isBool(s string) bool { return s == "true" || s == "false" }

// isInt accepts decimal integers without a leading zero (a zero-padded value
// such as a ZIP code or "007" is text).
func isInt(s string) bool {
	d := strings.TrimPrefix(s, "-")
	if d == "" || (len(d) > 1 && d[0] == '0') {
		return false
	}
	_, err := strconv.ParseInt(s, 10, 64)
	return err == nil
}

func isFloat(s string) bool {
	d := strings.TrimPrefix(s, "-")
	if d == "" || !strings.Contains(d, ".") || d[0] == '.' || (len(d) > 1 && d[0] == '0' && d[1] != '.') {
		return false
	}
	_, err := strconv.ParseFloat(s, 64)
	return err == nil
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}
