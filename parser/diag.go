package parser

import (
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"
)

// Diagnostic is one problem found in a collection, an error or a warning.
// It prints in the style of go/scanner:
//
//	collection.json:41:9: item "IM Groups/Create" (item[0].item[3]): request.body.formdata[1]: unknown type "file2"
//
// Long item names and long paths are shortened in the middle when printed,
// so that a line stays a few hundred bytes long whatever the collection.
type Diagnostic struct {
	File     string
	Pos      Position
	Item     string // slash-joined item names, "" at collection level
	ItemPath string // JSON path of the item, e.g. item[0].item[3]
	Field    string // JSON path inside the item (or from the root when Item is "")
	Msg      string
}

func (d *Diagnostic) Error() string {
	var b strings.Builder
	b.WriteString(d.File)
	if d.Pos.Line > 0 {
		fmt.Fprintf(&b, ":%d:%d", d.Pos.Line, d.Pos.Col)
	}
	b.WriteString(": ")
	if d.ItemPath != "" {
		fmt.Fprintf(&b, "item %q (%s): ", capMiddle(d.Item, maxItemBytes), elidePath(d.ItemPath))
	}
	if d.Field != "" {
		b.WriteString(elidePath(d.Field))
		b.WriteString(": ")
	}
	b.WriteString(d.Msg)
	return b.String()
}

// String is Error, so a Diagnostic used as a warning prints the same way.
func (d *Diagnostic) String() string { return d.Error() }

// ErrorList is a list of diagnostics that is itself an error.
type ErrorList []*Diagnostic

// Sort orders the list by position, then by message.
func (l ErrorList) Sort() {
	sort.SliceStable(l, func(i, j int) bool {
		if l[i].Pos.Offset != l[j].Pos.Offset {
			return l[i].Pos.Offset < l[j].Pos.Offset
		}
		return l[i].Msg < l[j].Msg
	})
}

// Err returns nil for an empty list and the list otherwise.
func (l ErrorList) Err() error {
	if len(l) == 0 {
		return nil
	}
	return l
}

func (l ErrorList) Error() string {
	switch len(l) {
	case 0:
		return "no errors"
	case 1:
		return l[0].Error()
	}
	return fmt.Sprintf("%s (and %d more errors)", l[0], len(l)-1)
}

// lineIndex turns byte offsets into line:col positions.
type lineIndex []int // offsets of line starts

func newLineIndex(data []byte) lineIndex {
	idx := lineIndex{0}
	for i, c := range data {
		if c == '\n' {
			idx = append(idx, i+1)
		}
	}
	return idx
}

func (idx lineIndex) pos(offset int) Position {
	if offset <= 0 {
		return Position{}
	}
	return idx.posAt(offset)
}

// posAt is pos for an offset known to be valid, 0 included.
func (idx lineIndex) posAt(offset int) Position {
	line := sort.Search(len(idx), func(i int) bool { return idx[i] > offset }) // first start after offset
	return Position{Offset: offset, Line: line, Col: offset - idx[line-1] + 1}
}

// Limits on what a diagnostic quotes from the collection.
const (
	maxNameRunes    = 80  // one item name
	maxSegmentRunes = 32  // one segment of a JSON path
	maxValueRunes   = 80  // a value quoted in a message
	maxItemBytes    = 240 // the slash-joined item names
	maxPathSegments = 10  // a longer path keeps its first and last pathKeep segments
	pathKeep        = 4
	maxNames        = 5 // more enclosing names keep the first and last namesKeep
	namesKeep       = 2
)

// truncate shortens s to at most n runes, the last of them "…".
func truncate(s string, n int) string {
	if len(s) <= n || utf8.RuneCountInString(s) <= n {
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

// short is truncate for a collection value quoted in a message.
func short(s string) string { return truncate(s, maxValueRunes) }

// capMiddle shortens s to about n bytes by cutting out its middle, on rune
// boundaries.
func capMiddle(s string, n int) string {
	if len(s) <= n {
		return s
	}
	head, tail := n/2, n/2-len("…")
	for head > 0 && !utf8.RuneStart(s[head]) {
		head--
	}
	t := len(s) - tail
	for t < len(s) && !utf8.RuneStart(s[t]) {
		t++
	}
	return s[:head] + "…" + s[t:]
}

// elidePath shortens a dotted JSON path such as item[0].item[3].request:
// each segment to maxSegmentRunes, and a path of more than maxPathSegments
// segments to its first and last pathKeep with "…" between. Short paths are
// returned as they are, and a shortened path is not shortened again.
func elidePath(p string) string {
	n, long, start := 1, false, 0
	for i := 0; i < len(p); i++ {
		if p[i] == '.' {
			n++
			long = long || i-start > maxSegmentRunes
			start = i + 1
		}
	}
	long = long || len(p)-start > maxSegmentRunes
	if n <= maxPathSegments && !long {
		return p
	}
	segs := strings.Split(p, ".")
	if len(segs) > maxPathSegments {
		segs = append(append(segs[:pathKeep:pathKeep], "…"), segs[len(segs)-pathKeep:]...)
	}
	for i, s := range segs {
		if t := truncate(s, maxSegmentRunes); t != s {
			// Cut before an index rather than inside it: a[0][1]…
			if j := strings.LastIndexByte(t, '['); j > 0 {
				t = t[:j] + "…"
			}
			segs[i] = t
		}
	}
	return strings.Join(segs, ".")
}

// joinNames joins the names of an item and its enclosing folders, outermost
// first, with "/" as the parser always has (leading empty names are
// dropped), each name truncated to maxNameRunes and a long chain cut to its
// first and last namesKeep names.
func joinNames(names []string) string {
	for len(names) > 0 && names[0] == "" {
		names = names[1:]
	}
	switch len(names) {
	case 0:
		return ""
	case 1:
		return truncate(names[0], maxNameRunes)
	}
	return strings.Join(elideNames(names), "/")
}

// elideNames returns names with each truncated to maxNameRunes, cut to the
// first and last namesKeep around "…" when there are more than maxNames.
func elideNames(names []string) []string {
	if len(names) > maxNames {
		names = append(append(names[:namesKeep:namesKeep], "…"), names[len(names)-namesKeep:]...)
	} else {
		names = append([]string(nil), names...)
	}
	for i, n := range names {
		names[i] = truncate(n, maxNameRunes)
	}
	return names
}
