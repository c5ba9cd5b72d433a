package parser

import (
	"fmt"
	"sort"
	"strings"
)

// Diagnostic is one problem found in a collection, an error or a warning.
// It prints in the style of go/scanner:
//
//	collection.json:41:9: item "IM Groups/Create" (item[0].item[3]): request.body.formdata[1]: unknown type "file2"
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
		fmt.Fprintf(&b, "item %q (%s): ", d.Item, d.ItemPath)
	}
	if d.Field != "" {
		b.WriteString(d.Field)
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
