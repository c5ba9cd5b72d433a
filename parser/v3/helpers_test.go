package v3

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/postman2go/postman2go/parser"
)

// files builds a collection in memory from paths and contents.
func files(kv ...string) fstest.MapFS {
	fsys := fstest.MapFS{}
	for i := 0; i+1 < len(kv); i += 2 {
		fsys[kv[i]] = &fstest.MapFile{Data: []byte(kv[i+1])}
	}
	return fsys
}

func parseOK(t *testing.T, fsys fstest.MapFS) (*parser.Collection, []*parser.Diagnostic) {
	t.Helper()
	c, warns, err := ParseFS(fsys, "coll")
	if err != nil {
		t.Fatalf("ParseFS: %v", err)
	}
	return c, warns
}

func parseErr(t *testing.T, fsys fstest.MapFS) parser.ErrorList {
	t.Helper()
	c, _, err := ParseFS(fsys, "coll")
	if err == nil {
		t.Fatalf("ParseFS succeeded (%d items), want an error", len(c.Items))
	}
	l, ok := err.(parser.ErrorList)
	if !ok {
		t.Fatalf("error %T %v, want a parser.ErrorList", err, err)
	}
	return l
}

// item finds an item by its slash-joined names.
func item(t *testing.T, c *parser.Collection, names string) *parser.Item {
	t.Helper()
	items := c.Items
	var it *parser.Item
	for _, n := range strings.Split(names, "/") {
		it = nil
		for _, x := range items {
			if x.Name == n {
				it = x
				break
			}
		}
		if it == nil {
			t.Fatalf("no item %q (looking for %q); have %v", n, names, itemNames(items))
		}
		items = it.Items
	}
	return it
}

func itemNames(items []*parser.Item) []string {
	var out []string
	for _, it := range items {
		out = append(out, it.Name)
	}
	return out
}

// diagWith returns the first diagnostic whose message contains s.
func diagWith(ds []*parser.Diagnostic, s string) *parser.Diagnostic {
	for _, d := range ds {
		if strings.Contains(d.Msg, s) {
			return d
		}
	}
	return nil
}

func mustDiag(t *testing.T, ds []*parser.Diagnostic, s string) *parser.Diagnostic {
	t.Helper()
	d := diagWith(ds, s)
	if d == nil {
		var msgs []string
		for _, d := range ds {
			msgs = append(msgs, d.Error())
		}
		t.Fatalf("no diagnostic with %q in:\n%s", s, strings.Join(msgs, "\n"))
	}
	return d
}

func paramText(ps []parser.Param) string {
	var out []string
	for _, p := range ps {
		s := p.Key
		if !p.ValueNull {
			s += "=" + p.Value
		}
		if p.Disabled {
			s += "(disabled)"
		}
		if p.Description != "" {
			s += "[" + p.Description + "]"
		}
		out = append(out, s)
	}
	return strings.Join(out, " ")
}

func http(body string) string { return "$kind: http-request\n" + body }
