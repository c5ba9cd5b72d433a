package lower

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tidwall/gjson"

	"github.com/postman2go/postman2go/generator/ir"
)

// JSON request and response bodies get Go types synthesized from their
// examples. A shape gathers what every example says about one value; it is
// then turned into a JSONType, with nested objects as named structs.

// shape is the merged evidence for one JSON value.
type shape struct {
	seen                                       int // examples in which the value is present
	null, boolean, integer, number, str, array int
	object                                     int
	placeholder                                ir.Kind // from "<integer>" and friends, KindString when none
	keys                                       []string
	fields                                     map[string]*shape
	elem                                       *shape
	strs                                       []string // distinct string values, at most maxStrs
	notTime                                    bool     // a string value is no RFC 3339 date-time
}

// maxStrs bounds the string values a shape keeps for enum matching.
const maxStrs = 32

func newShape() *shape { return &shape{fields: map[string]*shape{}} }

// maxShapeDepth bounds the nesting that becomes Go types; deeper values
// stay json.RawMessage.
const maxShapeDepth = 32

// maxArraySample bounds how many elements of one array are looked at.
const maxArraySample = 50

// observe adds one example value.
func (s *shape) observe(v gjson.Result, depth int) {
	s.seen++
	switch {
	case v.Type == gjson.Null:
		s.null++
	case v.Type == gjson.True || v.Type == gjson.False:
		s.boolean++
	case v.Type == gjson.Number:
		if !strings.ContainsAny(v.Raw, ".eE") {
			s.integer++
		} else {
			s.number++
		}
	case v.Type == gjson.String:
		if k, ok := placeholderKinds[v.Str]; ok {
			s.placeholder = k
			switch k {
			case ir.KindInt:
				s.integer++
			case ir.KindFloat:
				s.number++
			case ir.KindBool:
				s.boolean++
			}
			return
		}
		s.str++
		if !isDateTime(v.Str) {
			s.notTime = true
		}
		if len(s.strs) < maxStrs && !contains(s.strs, v.Str) {
			s.strs = append(s.strs, v.Str)
		}
	case v.IsArray():
		s.array++
		if depth >= maxShapeDepth {
			return
		}
		if s.elem == nil {
			s.elem = newShape()
		}
		n := 0
		v.ForEach(func(_, e gjson.Result) bool {
			s.elem.observe(e, depth+1)
			n++
			return n < maxArraySample
		})
	case v.IsObject():
		s.object++
		if depth >= maxShapeDepth {
			return
		}
		v.ForEach(func(k, e gjson.Result) bool {
			key := k.String()
			f, ok := s.fields[key]
			if !ok {
				f = newShape()
				s.fields[key] = f
				s.keys = append(s.keys, key)
			}
			f.observe(e, depth+1)
			return true
		})
	}
}

// kinds counts how many different JSON kinds (null aside) the value took.
func (s *shape) kinds() int {
	n := 0
	for _, c := range []int{s.boolean, s.integer + s.number, s.str, s.array, s.object} {
		if c > 0 {
			n++
		}
	}
	return n
}

// typeBuilder turns shapes into JSONTypes, naming structs in a scope.
type typeBuilder struct {
	names *scope
	// prefix starts the name of every nested struct: the operation's name.
	prefix  string
	structs []*ir.Struct
	// times types strings that are all RFC 3339 date-times as time.Time:
	// set for response bodies, which encoding/json decodes into it; a
	// request body's text is sent as the example writes it.
	times bool
	// keys are the Go names of the keys the structs were found under
	// (singular for an array's element: PurchaseUnit); none for the root.
	keys map[*ir.Struct]string
	// conflict is called with the JSON path of a value whose examples
	// disagree; it falls back to json.RawMessage.
	conflict func(path string)
	// enumFor returns the enum-typed param of the same operation that a
	// string value under key belongs to, or nil.
	enumFor func(key string, values []string) *ir.Field
}

// build returns the type for s. name is the Go name its struct gets if it
// is the root object (or the root array's element); tail are the Go names
// of the keys from the root to s, which name a nested struct (see
// nestedName); path is its JSON path for warnings.
func (b *typeBuilder) build(s *shape, key, name string, tail []string, path string, depth int) *ir.JSONType {
	switch {
	case s.kinds() == 0:
		return &ir.JSONType{Kind: ir.JSONRaw} // only null or never seen
	case s.kinds() > 1:
		b.conflict(path)
		return &ir.JSONType{Kind: ir.JSONRaw}
	}
	nullable := s.null > 0
	switch {
	case s.boolean > 0:
		return &ir.JSONType{Kind: ir.JSONBool, Pointer: nullable}
	case s.number > 0:
		return &ir.JSONType{Kind: ir.JSONFloat, Pointer: nullable}
	case s.integer > 0:
		return &ir.JSONType{Kind: ir.JSONInt, Pointer: nullable}
	case s.str > 0:
		t := &ir.JSONType{Kind: ir.JSONString, Pointer: nullable}
		if b.enumFor != nil && len(s.strs) < maxStrs {
			t.EnumOf = b.enumFor(key, s.strs)
		}
		if b.times && !s.notTime && t.EnumOf == nil {
			t.Kind = ir.JSONTime
		}
		return t
	case s.array > 0:
		if s.elem == nil || depth >= maxShapeDepth {
			return &ir.JSONType{Kind: ir.JSONSlice, Elem: &ir.JSONType{Kind: ir.JSONRaw}}
		}
		elemTail := tail
		if n := len(tail); n > 0 {
			elemTail = append(slices.Clone(tail[:n-1]), singular(tail[n-1]))
		}
		return &ir.JSONType{Kind: ir.JSONSlice, Elem: b.build(s.elem, key, singular(name), elemTail, path+"[]", depth+1)}
	case s.object > 0:
		if len(s.keys) == 0 || depth >= maxShapeDepth || !tagSafeKeys(s.keys) {
			// {} says nothing; keys encoding/json cannot name stay a map.
			return &ir.JSONType{Kind: ir.JSONMap, Elem: &ir.JSONType{Kind: ir.JSONRaw}}
		}
		st := &ir.Struct{Name: b.nestedName(name, tail)}
		b.structs = append(b.structs, st)
		if b.keys != nil && len(tail) > 0 {
			b.keys[st] = tail[len(tail)-1]
		}
		fields := newScope()
		for _, k := range s.keys {
			fs := s.fields[k]
			fname := exportedName(k)
			if fname == "" {
				fname = "Field"
			}
			fname = fields.unique(fname)
			t := b.build(fs, k, st.Name+fname, append(slices.Clone(tail), fname), path+"."+k, depth+1)
			optional := fs.seen < s.object
			if optional && t.Scalar() {
				t.Pointer = true
			}
			opt := optional || fs.null > 0
			st.Fields = append(st.Fields, &ir.StructField{Name: fname, Key: k, Type: t, Optional: opt, OmitZero: opt || unsetIsZero(t)})
		}
		return &ir.JSONType{Kind: ir.JSONStruct, Struct: st, Pointer: nullable}
	}
	panic(fmt.Sprintf("shape with no kind at %s", path))
}

// nestedName names a struct: the root's name for the root, else the
// operation's name and the shortest tail of the key path that is still
// free (CreateOrderAmount for $.purchase_units[].amount, then
// CreateOrderPurchaseUnitAmount when another amount took it), so that names
// stay short and depend only on the operation's own bodies.
func (b *typeBuilder) nestedName(root string, tail []string) string {
	if len(tail) == 0 {
		return b.names.unique(root)
	}
	for i := len(tail) - 1; i >= 0; i-- {
		if name := b.prefix + strings.Join(tail[i:], ""); b.names.free(name) {
			b.names.take(name)
			return name
		}
	}
	return b.names.unique(b.prefix + strings.Join(tail, ""))
}

// unsetIsZero reports whether a value of t left at its zero value means
// "not set": an object (a struct value), an array, a map or raw JSON, which
// encoding/json would otherwise send as {"k":"",...}, null or null.
func unsetIsZero(t *ir.JSONType) bool {
	switch t.Kind {
	case ir.JSONStruct, ir.JSONTime:
		return !t.Pointer
	case ir.JSONSlice, ir.JSONMap, ir.JSONRaw:
		return true
	}
	return false
}

// tagSafeKeys reports whether every key can be a json struct tag name, by
// encoding/json's own rule (isValidTag): letters and digits of any script
// and the listed ASCII punctuation. It silently ignores any other tag (a
// quote, a backslash, a comma, a symbol such as € or an emoji, NBSP, a line
// separator) and sends the field under its Go name, so such an object stays
// a map.
func tagSafeKeys(keys []string) bool {
	for _, k := range keys {
		if k == "" || k == "-" {
			return false
		}
		for _, r := range k {
			switch {
			case strings.ContainsRune("!#$%&()*+-./:;<=>?@[]^_{|}~ ", r):
			case r != utf8.RuneError && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			default:
				return false
			}
		}
	}
	return true
}

// singular names an array element type after its array: Users → User,
// Categories → Category, Addresses → Address, Boxes → Box, Matches →
// Match, Statuses → Status. A name that is no plural gets "Item": Status →
// StatusItem, Data → DataItem, UserQos → UserQosItem.
func singular(name string) string {
	if words := splitWords(name); len(words) > 0 {
		last := words[len(words)-1]
		if one, ok := irregularPlurals[strings.ToLower(last)]; ok && strings.HasSuffix(name, last) {
			return name[:len(name)-len(last)] + one
		}
	}
	lower := strings.ToLower(name)
	switch {
	case len(name) <= 3:
	case strings.HasSuffix(lower, "ies"):
		return name[:len(name)-3] + "y"
	case strings.HasSuffix(lower, "sses"), strings.HasSuffix(lower, "uses"), strings.HasSuffix(lower, "xes"),
		strings.HasSuffix(lower, "ches"), strings.HasSuffix(lower, "shes"), strings.HasSuffix(lower, "zzes"):
		return name[:len(name)-2]
	case strings.HasSuffix(lower, "ss"), strings.HasSuffix(lower, "us"), strings.HasSuffix(lower, "is"), strings.HasSuffix(lower, "os"):
		// Status, Analysis, QoS: no s to drop.
	case strings.HasSuffix(lower, "s"):
		return name[:len(name)-1]
	}
	return name + "Item"
}

// irregularPlurals are the plurals the suffix rules get wrong, by their
// last word.
var irregularPlurals = map[string]string{
	"children": "Child", "people": "Person", "men": "Man", "women": "Woman", "indices": "Index",
	"matrices": "Matrix", "vertices": "Vertex", "criteria": "Criterion", "movies": "Movie",
	"cookies": "Cookie", "zombies": "Zombie", "ties": "Tie", "series": "SeriesItem",
	"species": "SpeciesItem", "news": "NewsItem", "aliases": "Alias", "statuses": "Status",
}

// parseJSONExample parses a Postman raw body leniently: {{variables}} that
// stand where a value should be are read as null (their type is unknown),
// // and /* */ comments are dropped. It returns false when the text is not
// JSON even then.
func parseJSONExample(raw string) (gjson.Result, bool) {
	text := StripJSONComments(raw)
	text = bareVariables(text)
	if !gjson.Valid(text) {
		return gjson.Result{}, false
	}
	return gjson.Parse(text), true
}

// bareVariables replaces {{name}} outside strings by null.
func bareVariables(s string) string {
	if !strings.Contains(s, "{{") {
		return s
	}
	var b strings.Builder
	inString, escaped := false, false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case inString:
			switch {
			case escaped:
				escaped = false
			case c == '\\':
				escaped = true
			case c == '"':
				inString = false
			}
		case c == '"':
			inString = true
		case c == '{' && strings.HasPrefix(s[i:], "{{"):
			if end := strings.Index(s[i:], "}}"); end > 0 {
				b.WriteString("null")
				i += end + 1
				continue
			}
		}
		b.WriteByte(c)
	}
	return b.String()
}

// StripJSONComments removes // and /* */ comments outside strings.
func StripJSONComments(s string) string {
	if !strings.Contains(s, "/") {
		return s
	}
	var b strings.Builder
	inString, escaped := false, false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if inString {
			switch {
			case escaped:
				escaped = false
			case c == '\\':
				escaped = true
			case c == '"':
				inString = false
			}
			b.WriteByte(c)
			continue
		}
		switch {
		case c == '"':
			inString = true
		case strings.HasPrefix(s[i:], "//"):
			end := strings.IndexByte(s[i:], '\n')
			if end < 0 {
				return b.String()
			}
			i += end - 1
			continue
		case strings.HasPrefix(s[i:], "/*"):
			end := strings.Index(s[i+2:], "*/")
			if end < 0 {
				return b.String()
			}
			i += end + 3
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}
