package v3

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/postman2go/postman2go/parser"
)

// Limits on what is read. Real collections are a few hundred files of a
// few kilobytes; anything far past these is refused before it is parsed.
const (
	MaxFileBytes  = 16 << 20  // one YAML file
	MaxTotalBytes = 256 << 20 // all the files of a collection
	MaxFiles      = 100000    // files read from one collection
	maxAliasNodes = 1 << 20   // nodes reached through YAML aliases in one file
	maxJSONDepth  = 64        // nesting of a YAML value rendered as JSON text
)

var utf8BOM = []byte("\uFEFF")

// file is one YAML file, parsed.
type file struct {
	rel   string // slash-separated path from the collection root
	data  []byte
	lines []int      // offsets of line starts, counted as the YAML scanner counts lines
	root  *yaml.Node // the document's top node; nil for an empty file

	aliasNodes int                // nodes reached through aliases so far
	sizes      map[*yaml.Node]int // subtree sizes of alias targets
	aliasErr   bool
}

// parseYAML parses data as one YAML document. A syntax error, a second
// document or a UTF-16 file is returned as a diagnostic naming the file.
func parseYAML(rel string, data []byte) (f *file, d *parser.Diagnostic) {
	data = bytes.TrimPrefix(data, utf8BOM)
	f = &file{rel: rel, data: data, lines: lineStarts(data)}
	if bytes.HasPrefix(data, []byte{0xFE, 0xFF}) || bytes.HasPrefix(data, []byte{0xFF, 0xFE}) {
		return nil, &parser.Diagnostic{File: rel, Msg: "not valid YAML: the file is UTF-16 (it starts with a UTF-16 byte order mark); save it as UTF-8"}
	}
	defer func() {
		if r := recover(); r != nil {
			f, d = nil, &parser.Diagnostic{File: rel, Msg: fmt.Sprintf("not valid YAML: the YAML reader failed on this file (%v)", r)}
		}
	}()
	src, restore := hideNonBreaks(data)
	dec := yaml.NewDecoder(bytes.NewReader(src))
	var n yaml.Node
	if err := dec.Decode(&n); err != nil && !errors.Is(err, io.EOF) {
		return nil, f.syntaxError(err)
	}
	var next yaml.Node
	switch err := dec.Decode(&next); {
	case errors.Is(err, io.EOF):
	case err != nil:
		return nil, f.syntaxError(err)
	case next.Kind != 0:
		return nil, &parser.Diagnostic{File: rel, Pos: f.pos(&next), Msg: "not valid YAML for Postman: the file holds more than one YAML document (a line ---); the Postman CLI refuses it"}
	}
	if n.Kind == yaml.DocumentNode && len(n.Content) == 1 {
		f.root = n.Content[0]
		if restore != nil {
			restoreNonBreaks(f.root, restore, map[*yaml.Node]bool{})
		}
	}
	return f, nil
}

// nonBreaks are NEL, LS and PS: line breaks in YAML 1.1, which the YAML
// library follows, but ordinary characters in YAML 1.2, which the Postman
// CLI's reader follows (and Postman's writer leaves them unquoted in names).
var nonBreaks = []rune{'\u0085', '\u2028', '\u2029'}

// hideNonBreaks replaces each of nonBreaks in data by a private-use
// character that data does not hold, so that the YAML library reads them
// as YAML 1.2 does; restore maps them back. Each is one character for
// another, so columns stay as they were.
func hideNonBreaks(data []byte) (src []byte, restore *strings.Replacer) {
	if !bytes.ContainsAny(data, "\u0085\u2028\u2029") {
		return data, nil
	}
	var pairs, back []string
	next := rune(0xE000)
	for _, nb := range nonBreaks {
		for bytes.ContainsRune(data, next) {
			next++
		}
		pairs = append(pairs, string(nb), string(next))
		back = append(back, string(next), string(nb))
		next++
	}
	return []byte(strings.NewReplacer(pairs...).Replace(string(data))), strings.NewReplacer(back...)
}

func restoreNonBreaks(n *yaml.Node, r *strings.Replacer, seen map[*yaml.Node]bool) {
	if n == nil || seen[n] {
		return
	}
	seen[n] = true
	n.Value = r.Replace(n.Value)
	for _, c := range n.Content {
		restoreNonBreaks(c, r, seen)
	}
}

// lineStarts returns the offsets at which lines start. Like YAML 1.2, it
// counts CR LF, CR and LF as line breaks.
func lineStarts(data []byte) []int {
	idx := []int{0}
	for i := 0; i < len(data); i++ {
		switch {
		case data[i] == '\r':
			if i+1 < len(data) && data[i+1] == '\n' {
				i++
			}
		case data[i] == '\n':
		default:
			continue
		}
		idx = append(idx, i+1)
	}
	return idx
}

// at returns the position of the 1-based line and rune column; the column
// of the result counts bytes, as the JSON parser's do.
func (f *file) at(line, runeCol int) parser.Position {
	if line < 1 || line > len(f.lines) {
		return parser.Position{File: f.rel}
	}
	off := f.lines[line-1]
	for k := 1; k < runeCol && off < len(f.data); k++ {
		_, size := utf8.DecodeRune(f.data[off:])
		off += size
	}
	return parser.Position{File: f.rel, Offset: off, Line: line, Col: off - f.lines[line-1] + 1}
}

func (f *file) pos(n *yaml.Node) parser.Position {
	if n == nil || n.Line == 0 {
		return parser.Position{File: f.rel}
	}
	return f.at(n.Line, n.Column)
}

// lineText returns the text of the 1-based line, without its break.
func (f *file) lineText(line int) string {
	if line < 1 || line > len(f.lines) {
		return ""
	}
	end := len(f.data)
	if line < len(f.lines) {
		end = f.lines[line]
	}
	return strings.TrimRight(string(f.data[f.lines[line-1]:end]), "\r\n")
}

var (
	yamlLine = regexp.MustCompile(`^line (\d+): `)
	// A plain value that starts with {{, which YAML reads as a flow mapping.
	unquotedVar = regexp.MustCompile(`^(\s*(?:-\s+)?[^\s#'"][^:#]*:\s+)\{\{`)
)

// maxLocateWork bounds the bytes parsed to find the line of a syntax error.
const maxLocateWork = 4 << 20

// syntaxError turns a YAML error into a diagnostic. The YAML library names
// at best a line near the problem; the line is found by parsing ever
// longer prefixes of the file: the error is on the line after the longest
// prefix that parses.
func (f *file) syntaxError(err error) *parser.Diagnostic {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	hint := 0
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		hint, _ = strconv.Atoi(m[1])
		msg = msg[len(m[0]):]
	}
	line := hint
	src, _ := hideNonBreaks(f.data)
	starts := lineStarts(src)
	if n := len(starts); n*len(src) <= maxLocateWork {
		good := 0
		for k := 1; k <= n; k++ {
			end := len(src)
			if k < n {
				end = starts[k]
			}
			if prefixParses(src[:end]) {
				good = k
			}
		}
		line = min(good+1, n)
	}
	d := &parser.Diagnostic{File: f.rel, Msg: "not valid YAML: " + msg}
	if line < 1 {
		return d
	}
	text := f.lineText(line)
	if m := unquotedVar.FindStringSubmatch(text); m != nil {
		d.Pos = f.at(line, utf8.RuneCountInString(m[1])+1)
		d.Msg = "not valid YAML: a value that starts with {{ must be quoted (YAML reads an unquoted {{ as a mapping); write it in quotes, e.g. url: \"{{baseUrl}}/path\" (the Postman CLI loads nothing from this file and says nothing)"
		return d
	}
	col := 1
	for _, r := range text {
		if r != ' ' && r != '\t' {
			break
		}
		col++
	}
	d.Pos = f.at(line, col)
	return d
}

func prefixParses(data []byte) (ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	var n yaml.Node
	return yaml.Unmarshal(data, &n) == nil
}

// doc is a parsed file being read into the model, with what diagnostics
// name: the item the file belongs to and that item's path.
type doc struct {
	st    *state
	f     *file
	item  string // slash-joined names of the item, "" at collection level
	ipath string // the item's path: its file or directory
}

func (d *doc) diag(n *yaml.Node, field, format string, args ...any) *parser.Diagnostic {
	return &parser.Diagnostic{
		File:     d.f.rel,
		Pos:      d.f.pos(n),
		Item:     d.item,
		ItemPath: d.ipath,
		Field:    field,
		Msg:      fmt.Sprintf(format, args...),
	}
}

func (d *doc) errorf(n *yaml.Node, field, format string, args ...any) {
	d.st.errs = append(d.st.errs, d.diag(n, field, format, args...))
}

func (d *doc) warnf(n *yaml.Node, field, format string, args ...any) {
	d.st.warns = append(d.st.warns, d.diag(n, field, format, args...))
}

func (d *doc) pos(n *yaml.Node) parser.Position { return d.f.pos(n) }

// deref follows aliases. The nodes reached through aliases are counted, so
// that a file of nested aliases (a "billion laughs") is refused instead of
// expanded.
func (d *doc) deref(n *yaml.Node) *yaml.Node {
	for k := 0; n != nil && n.Kind == yaml.AliasNode; k++ {
		if k > 100 || d.f.aliasErr {
			return nil
		}
		d.f.aliasNodes += d.size(n.Alias, 0)
		if d.f.aliasNodes > maxAliasNodes {
			d.f.aliasErr = true
			d.errorf(n, "", "YAML aliases in this file expand to more than %d values: refused", maxAliasNodes)
			return nil
		}
		n = n.Alias
	}
	return n
}

func (d *doc) size(n *yaml.Node, depth int) int {
	if n == nil {
		return 1
	}
	if s, ok := d.f.sizes[n]; ok {
		return s
	}
	if depth > 1000 {
		return maxAliasNodes + 1
	}
	if d.f.sizes == nil {
		d.f.sizes = map[*yaml.Node]int{}
	}
	// A node that contains an alias to itself expands without end: while
	// its size is being counted, it counts as too big.
	d.f.sizes[n] = maxAliasNodes + 1
	s := 1
	for _, c := range n.Content {
		if c.Kind == yaml.AliasNode {
			s += d.size(c.Alias, depth+1)
		} else {
			s += d.size(c, depth+1)
		}
		if s > maxAliasNodes {
			break
		}
	}
	d.f.sizes[n] = s
	return s
}

func isNull(n *yaml.Node) bool {
	return n == nil || n.Kind == 0 || (n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null")
}

// kindOf names what a node is, for messages.
func kindOf(n *yaml.Node) string {
	switch {
	case isNull(n):
		return "null"
	case n.Kind == yaml.MappingNode:
		return "a mapping"
	case n.Kind == yaml.SequenceNode:
		return "a list"
	case n.Kind == yaml.AliasNode:
		return "an alias"
	}
	switch n.ShortTag() {
	case "!!int", "!!float":
		return "the number " + truncate(n.Value, 32)
	case "!!bool":
		return "the boolean " + n.Value
	}
	return "a string"
}

// typed reports whether a scalar is plain text that YAML would read as a
// number, a boolean or a date: the Postman CLI does, and drops a request
// whose header or query values are typed so.
func typed(n *yaml.Node) bool {
	if n == nil || n.Kind != yaml.ScalarNode || n.Style&(yaml.SingleQuotedStyle|yaml.DoubleQuotedStyle|yaml.LiteralStyle|yaml.FoldedStyle) != 0 {
		return false
	}
	switch n.ShortTag() {
	case "!!int", "!!float", "!!bool", "!!timestamp":
		return true
	}
	return false
}

// mapping is a YAML mapping in document order, repeated keys resolved and
// merge keys (<<) applied as the Postman CLI's YAML reader applies them.
type mapping struct {
	node *yaml.Node
	keys []*yaml.Node
	vals []*yaml.Node
	idx  map[string]int
}

func (m *mapping) get(key string) *yaml.Node {
	if m == nil {
		return nil
	}
	if i, ok := m.idx[key]; ok {
		return m.vals[i]
	}
	return nil
}

func (m *mapping) has(key string) bool {
	if m == nil {
		return false
	}
	_, ok := m.idx[key]
	return ok
}

// mapping reads n as a mapping: nil for an absent or null value, nil and
// an error for anything else that is not a mapping.
func (d *doc) mapping(n *yaml.Node, field string) *mapping {
	n = d.deref(n)
	if isNull(n) {
		return nil
	}
	if n.Kind != yaml.MappingNode {
		d.errorf(n, field, "must be a mapping, found %s", kindOf(n))
		return nil
	}
	return d.asMapping(n, field, 0)
}

func (d *doc) asMapping(n *yaml.Node, field string, depth int) *mapping {
	m := &mapping{node: n, idx: map[string]int{}}
	merged := map[string]bool{} // keys that came from a merge and may be overridden
	set := func(k, v *yaml.Node, fromMerge bool) {
		i, ok := m.idx[k.Value]
		switch {
		case ok && fromMerge:
			return // an explicit or earlier key wins over a merged one
		case ok && !merged[k.Value]:
			d.warnf(k, joinField(field, k.Value), "key %q repeated (first at line %d); the last value is used, but the Postman CLI refuses the file", truncate(k.Value, 80), m.keys[i].Line)
			m.vals[i] = v
		case ok:
			m.vals[i] = v
			delete(merged, k.Value)
		default:
			m.idx[k.Value] = len(m.keys)
			m.keys = append(m.keys, k)
			m.vals = append(m.vals, v)
			if fromMerge {
				merged[k.Value] = true
			}
		}
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := d.deref(n.Content[i]), n.Content[i+1]
		if k == nil || k.Kind != yaml.ScalarNode {
			d.warnf(n.Content[i], field, "a mapping key must be a plain string, found %s; the entry is ignored", kindOf(k))
			continue
		}
		if k.ShortTag() == "!!merge" && depth < 20 {
			for _, src := range d.mergeSources(v) {
				sm := d.asMapping(src, field, depth+1)
				for j, sk := range sm.keys {
					set(sk, sm.vals[j], true)
				}
			}
			continue
		}
		set(k, v, false)
	}
	return m
}

func (d *doc) mergeSources(v *yaml.Node) []*yaml.Node {
	v = d.deref(v)
	switch {
	case v == nil:
		return nil
	case v.Kind == yaml.MappingNode:
		return []*yaml.Node{v}
	case v.Kind == yaml.SequenceNode:
		var out []*yaml.Node
		for _, e := range v.Content {
			if e = d.deref(e); e != nil && e.Kind == yaml.MappingNode {
				out = append(out, e)
			}
		}
		return out
	}
	return nil
}

// list reads n as a sequence: nil for absent or null, nil and an error for
// anything else.
func (d *doc) list(n *yaml.Node, field string) []*yaml.Node {
	n = d.deref(n)
	if isNull(n) {
		return nil
	}
	if n.Kind != yaml.SequenceNode {
		d.errorf(n, field, "must be a list, found %s", kindOf(n))
		return nil
	}
	out := make([]*yaml.Node, 0, len(n.Content))
	for _, e := range n.Content {
		if e = d.deref(e); e != nil {
			out = append(out, e)
		}
	}
	return out
}

// str reads an optional string: its source text. A mapping or a list is an
// error.
func (d *doc) str(n *yaml.Node, field string) string {
	n = d.deref(n)
	switch {
	case isNull(n):
		return ""
	case n.Kind == yaml.ScalarNode:
		return n.Value
	}
	d.errorf(n, field, "must be a string, found %s", kindOf(n))
	return ""
}

// value reads a value Postman stringifies: a scalar is its source text, a
// mapping or list its JSON text, null "".
func (d *doc) value(n *yaml.Node, field string) string {
	n = d.deref(n)
	switch {
	case isNull(n):
		return ""
	case n.Kind == yaml.ScalarNode:
		return n.Value
	}
	s, _ := d.json(n, field)
	return s
}

// flag reads a boolean such as disabled: only true is true.
func (d *doc) flag(n *yaml.Node) bool {
	n = d.deref(n)
	return n != nil && n.Kind == yaml.ScalarNode && strings.EqualFold(n.Value, "true")
}

// json renders a YAML value as compact JSON text, numbers, booleans and null
// as YAML reads them and everything else as strings.
func (d *doc) json(n *yaml.Node, field string) (string, bool) {
	var b bytes.Buffer
	if !d.writeJSON(&b, n, field, 0) {
		return "", false
	}
	return b.String(), true
}

func (d *doc) writeJSON(b *bytes.Buffer, n *yaml.Node, field string, depth int) bool {
	if depth > maxJSONDepth {
		d.errorf(n, field, "nested more than %d levels deep: refused", maxJSONDepth)
		return false
	}
	n = d.deref(n)
	switch {
	case isNull(n):
		b.WriteString("null")
	case n.Kind == yaml.MappingNode:
		m := d.asMapping(n, field, 0)
		b.WriteByte('{')
		for i, k := range m.keys {
			if i > 0 {
				b.WriteByte(',')
			}
			kb, _ := json.Marshal(k.Value)
			b.Write(kb)
			b.WriteByte(':')
			if !d.writeJSON(b, m.vals[i], field, depth+1) {
				return false
			}
		}
		b.WriteByte('}')
	case n.Kind == yaml.SequenceNode:
		b.WriteByte('[')
		for i, e := range n.Content {
			if i > 0 {
				b.WriteByte(',')
			}
			if !d.writeJSON(b, e, field, depth+1) {
				return false
			}
		}
		b.WriteByte(']')
	default:
		switch n.ShortTag() {
		case "!!int", "!!float":
			var f float64
			if n.Decode(&f) == nil && !math.IsInf(f, 0) && !math.IsNaN(f) {
				if json.Valid([]byte(n.Value)) {
					b.WriteString(n.Value)
				} else {
					b.WriteString(strconv.FormatFloat(f, 'g', -1, 64))
				}
				return true
			}
		case "!!bool":
			if strings.EqualFold(n.Value, "true") || strings.EqualFold(n.Value, "false") {
				b.WriteString(strings.ToLower(n.Value))
				return true
			}
		}
		sb, _ := json.Marshal(n.Value)
		b.Write(sb)
	}
	return true
}

// number reads an order: a finite number as the Postman CLI reads it.
func number(n *yaml.Node) (float64, bool) {
	if n == nil || n.Kind != yaml.ScalarNode || n.Style&(yaml.SingleQuotedStyle|yaml.DoubleQuotedStyle|yaml.LiteralStyle|yaml.FoldedStyle) != 0 {
		return 0, false
	}
	if t := n.ShortTag(); t != "!!int" && t != "!!float" {
		return 0, false
	}
	var f float64
	if err := n.Decode(&f); err != nil || math.IsInf(f, 0) || math.IsNaN(f) {
		return 0, false
	}
	return f, true
}

func joinField(field, key string) string {
	if field == "" {
		return key
	}
	return field + "." + key
}

func index(field string, i int) string { return fmt.Sprintf("%s[%d]", field, i) }

// truncate shortens s to at most n runes, the last of them "…".
func truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	i, k := 0, 0
	for k < n-1 {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
		k++
	}
	return s[:i] + "…"
}
