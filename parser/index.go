package parser

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/tidwall/gjson"
)

// MaxJSONDepth bounds the nesting of JSON arrays and objects anywhere in a
// collection. MaxDepth folders take about 2*MaxDepth levels, and their
// requests a dozen more, or as many as a JSON body nests; a deeper document
// is refused before it is parsed.
const MaxJSONDepth = 2*MaxDepth + 1000

// The parser reads the document through an index built in one pass before
// anything else (scan): the span of every array and object and of each of
// their members. With it a lookup costs the size of one object's member
// list, never the size of what is nested inside, so parsing is linear in
// the input however deep the folders go; gjson only decodes scalars.
//
// A repeated object key is resolved the way JSON.parse, and so Postman,
// resolves it: the last value wins, at the place of the first.

// member is one member of an object (key >= 0) or element of an array.
type member struct {
	key, keyEnd int  // the quoted key, json[key:keyEnd]
	keyEsc      bool // the key has escapes
	val, end    int  // the value, json[val:end]
}

// container is an array or object: its span and its members.
type container struct {
	start, end int
	first, n   int  // its members are idx.members[first : first+n]
	dup        bool // an object with a repeated key
}

type jsonIndex struct {
	containers []container // by start offset
	members    []member
	last       int // the container found last, as lookups come in runs
}

// find returns the container that starts at offset off, or -1.
func (x *jsonIndex) find(off int) int {
	if x.last < len(x.containers) && x.containers[x.last].start == off {
		return x.last
	}
	i := sort.Search(len(x.containers), func(i int) bool { return x.containers[i].start >= off })
	if i < len(x.containers) && x.containers[i].start == off {
		x.last = i
		return i
	}
	return -1
}

// result makes the gjson value for json[s:e].
func (p *state) result(s, e int) gjson.Result {
	raw := p.json[s:e]
	if raw[0] == '{' || raw[0] == '[' {
		return gjson.Result{Type: gjson.JSON, Raw: raw, Index: s}
	}
	r := gjson.Parse(raw)
	r.Index = s
	if r.Type == gjson.String {
		r.Str = strings.Clone(r.Str) // not a slice of p.json (see parse)
	}
	return r
}

// key returns the unescaped key of m.
func (p *state) key(m *member) string {
	if m.keyEsc {
		return gjson.Parse(p.json[m.key:m.keyEnd]).Str
	}
	return strings.Clone(p.json[m.key+1 : m.keyEnd-1]) // see parse
}

func (p *state) members(v gjson.Result) (*container, []member) {
	if len(v.Raw) == 0 || (v.Raw[0] != '{' && v.Raw[0] != '[') {
		return nil, nil
	}
	c := p.idx.find(v.Index)
	if c < 0 {
		return nil, nil
	}
	ct := &p.idx.containers[c]
	return ct, p.idx.members[ct.first : ct.first+ct.n]
}

// get returns the member key of object v, the last one if key is repeated.
// Like gjson's Get, a missing member is the zero value at v's offset.
func (p *state) get(v gjson.Result, key string) gjson.Result {
	ct, ms := p.members(v)
	if ct == nil || v.Raw[0] != '{' {
		return gjson.Result{Index: v.Index}
	}
	found := -1
	for i := range ms {
		m := &ms[i]
		if m.keyEsc {
			if p.key(m) != key {
				continue
			}
		} else if m.keyEnd-m.key-2 != len(key) || p.json[m.key+1:m.keyEnd-1] != key {
			continue
		}
		found = i
		if !ct.dup {
			break
		}
	}
	if found < 0 {
		return gjson.Result{Index: v.Index}
	}
	return p.result(ms[found].val, ms[found].end)
}

// getPath is get along a path of keys.
func (p *state) getPath(v gjson.Result, keys ...string) gjson.Result {
	for _, k := range keys {
		v = p.get(v, k)
	}
	return v
}

// elem returns element i of array v.
func (p *state) elem(v gjson.Result, i int) gjson.Result {
	ct, ms := p.members(v)
	if ct == nil || v.Raw[0] != '[' || i < 0 || i >= len(ms) {
		return gjson.Result{Index: v.Index}
	}
	return p.result(ms[i].val, ms[i].end)
}

// count returns the number of elements of array v.
func (p *state) count(v gjson.Result) int {
	ct, ms := p.members(v)
	if ct == nil || v.Raw[0] != '[' {
		return 0
	}
	return len(ms)
}

// each calls fn for the elements of an array or the members of an object
// in document order, as gjson's ForEach does (a scalar is passed itself,
// once). An object with a repeated key gives it once, at its first place,
// with its last value.
func (p *state) each(v gjson.Result, fn func(key, val gjson.Result) bool) {
	if !v.Exists() {
		return
	}
	if v.Type != gjson.JSON {
		fn(gjson.Result{}, v)
		return
	}
	ct, ms := p.members(v)
	if ct == nil {
		return
	}
	if v.Raw[0] == '[' {
		for i := range ms {
			if !fn(gjson.Result{Type: gjson.Number, Num: float64(i)}, p.result(ms[i].val, ms[i].end)) {
				return
			}
		}
		return
	}
	var last map[string]int
	if ct.dup {
		last = make(map[string]int)
		for i := range ms {
			last[p.key(&ms[i])] = i
		}
	}
	for i := range ms {
		m := &ms[i]
		k := p.key(m)
		key := gjson.Result{Type: gjson.String, Raw: p.json[m.key:m.keyEnd], Str: k, Index: m.key}
		val := m
		if last != nil {
			j, ok := last[k]
			if !ok {
				continue // given already
			}
			delete(last, k)
			val = &ms[j]
		}
		if !fn(key, p.result(val.val, val.end)) {
			return
		}
	}
}

// scanFrame is an open array or object during scan.
type scanFrame struct {
	c     int // its container
	base  int // its members so far are pending[base:]
	rec   int // its member record in the parent's, pending[rec]; -1 for the root
	array bool

	// Object: the key of the member being read, and whether its ':' was seen.
	key, keyEnd int
	keyEsc      bool
	colon       bool

	n int // members or elements so far

	// For diagnostics and the folder limit: whether this is the root or an
	// item (an element of an item array), an item array (or a v1 requests
	// or folders array), how many folders enclose it, its name's value.
	root, item, items bool
	folders           int
	name, nameEnd     int

	// Cached for context: the item's name and the current key, truncated.
	named   bool
	nameStr string
	segKey  int // the key seg is for
	seg     string
}

// dupKey is a repeated key found by scan.
type dupKey struct {
	at  int
	key string
	ctx scanContext
}

type scanContext struct {
	item, itemPath, path string
}

// maxDupWarnings bounds the warnings for repeated keys; the rest are counted.
const maxDupWarnings = 100

// scan indexes p.json (see jsonIndex) and finds repeated object keys, in
// one pass that never recurses. It refuses nesting deeper than MaxJSONDepth,
// or folders nested deeper than MaxDepth, as soon as it reaches it. On input
// that is not JSON it stops early with ok false and the caller reports the
// syntax error.
func (p *state) scan() (refused *Diagnostic, ok bool) {
	s := p.json
	x := &jsonIndex{}
	p.idx = x
	var (
		stack   []scanFrame
		pending []member
		dups    []dupKey
		ndups   int
		done    bool // the root value is complete
	)
	// value records a value that starts at i (and ends at e for a scalar)
	// in the innermost container.
	value := func(i, e int) bool {
		if len(stack) == 0 {
			if done {
				return false
			}
			if e >= 0 {
				done = true
			}
			return true
		}
		t := &stack[len(stack)-1]
		if t.array {
			pending = append(pending, member{key: -1, val: i, end: e})
			t.n++
			return true
		}
		if t.key < 0 || !t.colon {
			return false
		}
		pending = append(pending, member{key: t.key, keyEnd: t.keyEnd, keyEsc: t.keyEsc, val: i, end: e})
		t.colon = false
		t.n++
		if t.item && !t.root && p.keyIs(t.key, t.keyEnd, t.keyEsc, "name") {
			t.name, t.nameEnd, t.named = i, e, false // the last name, as the parser reads it
			if e < 0 {
				t.name = -1 // not a scalar
			}
		}
		return true
	}
	for i := 0; i < len(s); {
		switch c := s[i]; c {
		case ' ', '\t', '\n', '\r':
			i++
		case '{', '[':
			if !value(i, -1) {
				return nil, false
			}
			f := scanFrame{c: len(x.containers), base: len(pending), rec: len(pending) - 1, array: c == '[', key: -1, name: -1, segKey: -1}
			if len(stack) == 0 {
				f.rec = -1
				f.root = c == '{'
				f.item = f.root
			} else {
				t := &stack[len(stack)-1]
				switch {
				case t.item && !t.array && f.array && p.keyIs(t.key, t.keyEnd, t.keyEsc, "item"):
					f.items = true
					if !t.root {
						f.folders = t.folders + 1
					}
					if f.folders > MaxDepth {
						return p.refuse(stack, i, fmt.Sprintf("folders nested more than %d levels deep: refused", MaxDepth)), true
					}
				case t.root && f.array && (p.keyIs(t.key, t.keyEnd, t.keyEsc, "requests") || p.keyIs(t.key, t.keyEnd, t.keyEsc, "folders")):
					f.items = true // v1
				case t.items && !f.array:
					f.item, f.folders = true, t.folders
				}
			}
			if len(stack) >= MaxJSONDepth {
				return p.refuse(stack, i, fmt.Sprintf("JSON nested more than %d levels deep: refused", MaxJSONDepth)), true
			}
			x.containers = append(x.containers, container{start: i})
			stack = append(stack, f)
			i++
		case '}', ']':
			if len(stack) == 0 || stack[len(stack)-1].array != (c == ']') {
				return nil, false
			}
			t := &stack[len(stack)-1]
			ms := pending[t.base:]
			ct := &x.containers[t.c]
			ct.end, ct.first, ct.n = i+1, len(x.members), len(ms)
			if !t.array && len(ms) > 1 {
				if d := p.findDups(ms); len(d) > 0 {
					ct.dup = true
					for _, j := range d {
						ndups++
						if len(dups) < maxDupWarnings {
							dups = append(dups, dupKey{at: ms[j].key, key: p.key(&ms[j]), ctx: p.context(stack, true)})
						}
					}
				}
			}
			x.members = append(x.members, ms...)
			pending = pending[:t.base]
			if t.rec >= 0 {
				pending[t.rec].end = i + 1
			}
			stack = stack[:len(stack)-1]
			if len(stack) == 0 {
				done = true
			}
			i++
		case ':':
			t := len(stack) - 1
			if t < 0 || stack[t].array || stack[t].key < 0 || stack[t].colon {
				return nil, false
			}
			stack[t].colon = true
			i++
		case ',':
			if len(stack) == 0 {
				return nil, false
			}
			t := &stack[len(stack)-1]
			t.key, t.colon = -1, false
			i++
		case '"':
			e, esc := stringEnd(s, i)
			if e < 0 {
				return nil, false
			}
			if len(stack) > 0 && !stack[len(stack)-1].array && stack[len(stack)-1].key < 0 { // a key
				t := &stack[len(stack)-1]
				t.key, t.keyEnd, t.keyEsc = i, e, esc
			} else if !value(i, e) {
				return nil, false
			}
			i = e
		default:
			e := i
			for e < len(s) && isLiteralByte(s[e]) {
				e++
			}
			if e == i || !value(i, e) {
				return nil, false
			}
			i = e
		}
	}
	if len(stack) > 0 || !done {
		return nil, false
	}
	p.dups, p.ndups = dups, ndups
	return nil, true
}

// dupWarnings turns the repeated keys found by scan into warnings.
func (p *state) dupWarnings() {
	for _, d := range p.dups {
		p.warns = append(p.warns, &Diagnostic{
			File: p.file, Pos: p.lines.posAt(d.at),
			Item: d.ctx.item, ItemPath: d.ctx.itemPath, Field: d.ctx.path,
			Msg: fmt.Sprintf("duplicate key %q; the last one is used, as in Postman", short(d.key)),
		})
	}
	sort.SliceStable(p.warns, func(i, j int) bool { return p.warns[i].Pos.Offset < p.warns[j].Pos.Offset })
	if p.ndups > len(p.dups) {
		last := p.warns[len(p.warns)-1]
		p.warns = append(p.warns, &Diagnostic{File: p.file, Pos: last.Pos,
			Msg: fmt.Sprintf("and %d more duplicate keys; the last of each is used", p.ndups-len(p.dups))})
	}
}

// findDups returns the indexes of the members whose key an earlier member
// already has.
func (p *state) findDups(ms []member) []int {
	var out []int
	if len(ms) <= 8 {
		for j := 1; j < len(ms); j++ {
			for i := 0; i < j; i++ {
				if p.sameKey(&ms[i], &ms[j]) {
					out = append(out, j)
					break
				}
			}
		}
		return out
	}
	seen := make(map[string]bool)
	for j := range ms {
		k := p.key(&ms[j])
		if seen[k] {
			out = append(out, j)
		}
		seen[k] = true
	}
	return out
}

func (p *state) sameKey(a, b *member) bool {
	if !a.keyEsc && !b.keyEsc {
		return p.json[a.key:a.keyEnd] == p.json[b.key:b.keyEnd]
	}
	return p.key(a) == p.key(b)
}

func (p *state) keyIs(k, e int, esc bool, want string) bool {
	if k < 0 {
		return false
	}
	if esc {
		return gjson.Parse(p.json[k:e]).Str == want
	}
	return e-k-2 == len(want) && p.json[k+1:e-1] == want
}

// context describes where scan is: the item around it and the path from
// there, elided. With self, the innermost frame is the place itself;
// without, the place is the value the innermost frame is reading. Names
// and keys are decoded and truncated once per frame, so that repeated
// calls cost the depth, not the size of what is quoted.
func (p *state) context(stack []scanFrame, self bool) scanContext {
	var names []string
	var path strings.Builder
	itemEnd := -1
	steps := len(stack)
	if self {
		steps--
	}
	for k := range stack {
		f := &stack[k]
		if f.item && !f.root {
			if !f.named {
				f.nameStr, f.named = "", true
				if f.name >= 0 {
					switch r := p.result(f.name, f.nameEnd); r.Type {
					case gjson.String:
						f.nameStr = truncate(r.Str, maxNameRunes)
					case gjson.Number, gjson.True, gjson.False:
						f.nameStr = truncate(r.Raw, maxNameRunes)
					}
				}
			}
			names = append(names, f.nameStr)
			itemEnd = path.Len()
		}
		if k >= steps {
			break
		}
		switch {
		case f.array:
			path.WriteString("[" + strconv.Itoa(f.n-1) + "]")
		case f.key >= 0:
			if f.segKey != f.key {
				m := member{key: f.key, keyEnd: f.keyEnd, keyEsc: f.keyEsc}
				f.seg, f.segKey = truncate(p.key(&m), maxSegmentRunes), f.key
			}
			if path.Len() > 0 {
				path.WriteByte('.')
			}
			path.WriteString(f.seg)
		}
	}
	full := path.String()
	if itemEnd < 0 {
		return scanContext{path: elidePath(full)}
	}
	return scanContext{item: joinNames(names), itemPath: elidePath(full[:itemEnd]), path: elidePath(strings.TrimPrefix(full[itemEnd:], "."))}
}

// refuse makes the diagnostic for nesting too deep at offset i.
func (p *state) refuse(stack []scanFrame, i int, msg string) *Diagnostic {
	ctx := p.context(stack, false)
	return &Diagnostic{File: p.file, Pos: newLineIndex(p.data[:i+1]).posAt(i),
		Item: ctx.item, ItemPath: ctx.itemPath, Field: ctx.path, Msg: msg}
}

// stringEnd returns the offset just past the string that starts at s[i],
// and whether it has escapes; -1 if it does not end.
func stringEnd(s string, i int) (int, bool) {
	for j := i + 1; ; {
		k := strings.IndexByte(s[j:], '"')
		if k < 0 {
			return -1, false
		}
		q := j + k
		n := 0
		for b := q - 1; b > i && s[b] == '\\'; b-- {
			n++
		}
		if n%2 == 0 {
			return q + 1, strings.IndexByte(s[i+1:q], '\\') >= 0
		}
		j = q + 1
	}
}

func isLiteralByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.'
}
