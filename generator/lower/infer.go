package lower

import (
	"regexp"
	"strings"
	"time"

	"github.com/postman2go/postman2go/generator/doctext"
	"github.com/postman2go/postman2go/generator/ir"
	"github.com/postman2go/postman2go/parser"
)

// Types are inferred from weak evidence: example values (the request's and
// those of every saved example's originalRequest), openapi-to-postman
// placeholders such as <integer>, and description markers such as
// "(Required)" and "(This can only be one of a,b,c)".

var (
	requiredMarker = regexp.MustCompile(`(?i)\(\s*required\s*\)`)
	enumMarker     = regexp.MustCompile(`(?i)\(\s*This can only be one of\s+([^)]*)\)`)
	// A markdown list of values: "`normal` - Only members ...", one per line.
	enumListItem  = regexp.MustCompile("(?m)^\\s*(?:[-*]\\s+)?`([^`\n]+)`\\s*(?:-|:|–|—)\\s*\\S")
	defaultMarker = regexp.MustCompile("(?i)\\bdefault(?:s to|\\s+is|\\s+value\\s+is|\\s*:)\\s*`?([^`\\s,;)]+)`?")
	uuidPattern   = regexp.MustCompile(`^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$`)
)

// placeholderKinds maps openapi-to-postman value placeholders to kinds.
var placeholderKinds = map[string]ir.Kind{
	"<integer>": ir.KindInt, "<long>": ir.KindInt,
	"<number>": ir.KindFloat, "<float>": ir.KindFloat, "<double>": ir.KindFloat,
	"<boolean>":  ir.KindBool,
	"<dateTime>": ir.KindTime, "<date>": ir.KindDate,
}

// stringPlaceholders are placeholders that say "a string of this format".
var stringPlaceholders = map[string]bool{
	"<string>": true, "<uuid>": true, "<email>": true, "<uri>": true, "<url>": true,
	"<byte>": true, "<binary>": true, "<password>": true, "<hostname>": true,
	"<ipv4>": true, "<ipv6>": true,
}

// evidence is what the collection says about one field.
type evidence struct {
	values      []string // example values, in document order
	description string
	source      *parser.Param // the collection entry, when there is one
}

// inference is what the evidence decides.
type inference struct {
	kind          ir.Kind
	enumValues    []string
	required      bool
	doc           string // description with the markers that became types removed
	why           string
	layout        string // KindTime: the time layout that reproduces the examples
	serverDefault string // "Default: x" in the description (the server's, not sent)
}

func infer(ev evidence, docs *doctext.Cache) inference {
	inf := inference{kind: ir.KindString, doc: ev.description}
	var whys []string
	if hasFold(ev.description, "required") && requiredMarker.MatchString(ev.description) {
		inf.required = true
		inf.doc = requiredMarker.ReplaceAllString(inf.doc, "")
		whys = append(whys, "description says (Required)")
	}
	// The regexps are most of the time lowering takes: they run only on
	// text that has the word they need.
	if m := hasFoldMatch(defaultMarker, docs.PlainText(ev.description), "default"); m != nil {
		inf.serverDefault = strings.TrimRight(m[1], ".")
		whys = append(whys, "description gives default "+inf.serverDefault)
	}
	if m := hasFoldMatch(enumMarker, ev.description, "one of"); m != nil {
		for _, v := range strings.Split(m[1], ",") {
			if v = strings.TrimSpace(v); v != "" && !contains(inf.enumValues, v) {
				inf.enumValues = append(inf.enumValues, v)
			}
		}
		if len(inf.enumValues) > 0 {
			inf.kind = ir.KindEnum
			inf.doc = enumMarker.ReplaceAllString(inf.doc, "")
			whys = append(whys, "enum from (This can only be one of ...)")
			inf.why = strings.Join(whys, "; ")
			return inf
		}
	}
	kind, why := kindOfValues(ev.values)
	if kind == ir.KindString {
		if values := listedEnum(ev, docs); values != nil {
			inf.kind, inf.enumValues = ir.KindEnum, values
			inf.why = strings.Join(append(whys, "enum from a markdown list of `value` - meaning lines"), "; ")
			return inf
		}
	}
	inf.kind = kind
	if kind == ir.KindTime {
		inf.layout = timeLayout(ev.values)
	}
	whys = append(whys, why)
	inf.why = strings.Join(whys, "; ")
	return inf
}

// hasFold reports whether s contains word (ASCII, and without k or s, whose
// case folds are not ASCII) in any case: a test that a (?i) regexp which
// needs the word can be skipped.
func hasFold(s, word string) bool {
	for i := 0; i+len(word) <= len(s); i++ {
		if s[i]|0x20 == word[0] && strings.EqualFold(s[i:i+len(word)], word) {
			return true
		}
	}
	return false
}

// hasFoldMatch is re.FindStringSubmatch(s) when s has word (hasFold).
func hasFoldMatch(re *regexp.Regexp, s, word string) []string {
	if !hasFold(s, word) {
		return nil
	}
	return re.FindStringSubmatch(s)
}

// listedEnum reads a markdown list of values from a description: at least
// two "`value` - meaning" lines, and every concrete example among them.
func listedEnum(ev evidence, docs *doctext.Cache) []string {
	plain := docs.PlainText(ev.description)
	if !strings.Contains(plain, "`") {
		return nil
	}
	var values []string
	for _, m := range enumListItem.FindAllStringSubmatch(plain, -1) {
		if v := strings.TrimSpace(m[1]); v != "" && !contains(values, v) {
			values = append(values, v)
		}
	}
	if len(values) < 2 {
		return nil
	}
	for _, v := range ev.values {
		if ir.IsConcreteText(v) && !contains(values, v) {
			return nil
		}
	}
	return values
}

// kindOfValues decides a kind from example values: a placeholder wins; else
// the narrowest kind every value fits (bool, int, float with ints widened,
// RFC 3339 date-time, date), else string.
func kindOfValues(values []string) (ir.Kind, string) {
	var concrete []string
	for _, v := range values {
		if k, ok := placeholderKinds[v]; ok {
			return k, "placeholder " + v
		}
		if stringPlaceholders[v] {
			return ir.KindString, "placeholder " + v
		}
		if ir.IsConcreteText(v) {
			concrete = append(concrete, v)
		}
	}
	if len(concrete) == 0 {
		return ir.KindString, "no typed example"
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
	case all(ir.IsBoolText):
		return ir.KindBool, "example values are true/false"
	case all(ir.IsIntText):
		return ir.KindInt, "example values are integers"
	case all(func(v string) bool { return ir.IsIntText(v) || ir.IsFloatText(v) }):
		return ir.KindFloat, "example values are numbers"
	case all(isDateTime):
		return ir.KindTime, "example values are RFC 3339 date-times"
	case all(isDate):
		return ir.KindDate, "example values are dates (YYYY-MM-DD)"
	case all(uuidPattern.MatchString):
		return ir.KindString, "example values are UUIDs"
	case all(isLorem):
		return ir.KindString, "lorem-ipsum example values (weak evidence: text)"
	}
	return ir.KindString, "example values are text"
}

// loremWords is the vocabulary of lorem-ipsum faker values, which say only
// "some text".
var loremWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`lorem ipsum dolor sit amet consectetur adipiscing adipisicing elit sed do
		eiusmod tempor incididunt ut labore et dolore magna aliqua enim ad minim veniam quis nostrud
		exercitation ullamco laboris nisi aliquip ex ea commodo consequat duis aute irure in
		reprehenderit voluptate velit esse cillum eu fugiat nulla pariatur excepteur sint occaecat
		cupidatat non proident sunt culpa qui officia deserunt mollit anim id est laborum`) {
		loremWords[w] = true
	}
}

// isLorem reports whether every word of s is lorem-ipsum vocabulary.
func isLorem(s string) bool {
	words := strings.Fields(strings.ToLower(s))
	for _, w := range words {
		if !loremWords[strings.Trim(w, ".,")] {
			return false
		}
	}
	return len(words) > 0
}

func isDateTime(s string) bool {
	_, err := time.Parse(time.RFC3339Nano, s)
	return err == nil && len(s) >= len("2006-01-02T15:04:05Z")
}

func isDate(s string) bool {
	_, err := time.Parse(time.DateOnly, s)
	return err == nil
}

// timeLayout is the layout that formats the first date-time example back to
// its own text: RFC 3339 with as many fractional digits as it shows
// (trailing zeros kept) and "Z" or a numeric offset as it writes UTC.
func timeLayout(values []string) string {
	for _, v := range values {
		if !isDateTime(v) {
			continue
		}
		layout := "2006-01-02T15:04:05"
		if dot := strings.IndexByte(v, '.'); dot > 0 {
			digits := 0
			for _, c := range v[dot+1:] {
				if c < '0' || c > '9' {
					break
				}
				digits++
			}
			layout += "." + strings.Repeat("0", digits)
		}
		if strings.HasSuffix(v, "Z") || strings.HasSuffix(v, "z") {
			return layout + "Z07:00"
		}
		return layout + "-07:00"
	}
	return time.RFC3339
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}
