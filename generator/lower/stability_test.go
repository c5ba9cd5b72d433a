package lower

import (
	"fmt"
	"os"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/postman2go/postman2go/generator/ir"
	"github.com/postman2go/postman2go/parser"
)

// TestNamesDependOnlyOnTheirRequest removes requests one at a time from
// real collections and checks that every other request keeps every
// exported name it has: its method, params and response types, their
// fields, its enums and constants, its JSON types and their fields. Only
// the requests whose name collided with the removed one's (same name
// without articles) may change: their qualification was what told them
// apart.
func TestNamesDependOnlyOnTheirRequest(t *testing.T) {
	for _, file := range []string{
		"../../testdata/zoom-api/collection.json",
		"../../../shared/corpus/paypal-public-apis.postman_collection.json",
		"../../testdata/format-names/collection.json",
	} {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		full := namesByRequest(t, data, "")
		reqs := parseOrFail(t, data).Requests()
		// Every seventh request, the last, and every request of the small
		// collections.
		step := 1
		if len(reqs) > 40 {
			step = 7
		}
		var picked []*parser.RequestItem
		for i := 0; i < len(reqs); i += step {
			picked = append(picked, reqs[i])
		}
		if last := reqs[len(reqs)-1]; picked[len(picked)-1] != last {
			picked = append(picked, last)
		}
		for _, removed := range picked {
			group := opBaseName(removed)
			reduced := namesByRequest(t, data, removed.Path)
			groupOwns := map[string]bool{}
			for key, names := range full.byRequest {
				if full.base[key] == group {
					for _, n := range names {
						groupOwns[n] = true
					}
				}
			}
			for key, names := range full.byRequest {
				if key == requestKey(removed, full.occurrence[removed.Path]) {
					continue
				}
				if full.base[key] == group {
					continue // a collision group member: may lose its qualifier
				}
				if got := reduced.byRequest[key]; !slices.Equal(got, names) {
					t.Errorf("%s: removing %q renamed names of %q:\n%s", file, itemName(removed), key, nameDiff(names, got))
				}
				// The shared types it uses stay too (perhaps as aliases of
				// a type now named after its key), unless they were names
				// of the removed request or of its collision group, which
				// may change; the request's own aliases stay (above).
				for _, u := range full.uses[key] {
					if !reduced.all[u] && !groupOwns[u] {
						t.Errorf("%s: removing %q took the shared type %s from %q", file, itemName(removed), u, key)
					}
				}
			}
		}
	}
}

// requestNames are the exported names of a lowered package, per request.
type requestNames struct {
	byRequest  map[string][]string // request key → sorted names
	uses       map[string][]string // request key → the shared types its JSON types are
	all        map[string]bool     // every name of the package
	base       map[string]string   // request key → its name without articles
	occurrence map[string]int      // item path → occurrence of its item name
}

// requestKey identifies a request across collections that differ by other
// requests: its folder/item name, and which one of that name it is.
func requestKey(ri *parser.RequestItem, n int) string {
	return fmt.Sprintf("%s #%d", itemName(ri), n)
}

func opBaseName(ri *parser.RequestItem) string {
	return exportedName(dropArticles(ri.Name))
}

func parseOrFail(t *testing.T, data []byte) *parser.Collection {
	t.Helper()
	c, _, err := parser.Parse("collection.json", data)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// namesByRequest lowers the collection, without the item at JSON path
// remove when it is set, and lists each request's names.
func namesByRequest(t *testing.T, data []byte, remove string) requestNames {
	t.Helper()
	c := parseOrFail(t, data)
	if remove != "" {
		var drop func(items []*parser.Item) []*parser.Item
		drop = func(items []*parser.Item) []*parser.Item {
			out := items[:0:0]
			for _, it := range items {
				if it.Path == remove {
					continue
				}
				it.Items = drop(it.Items)
				out = append(out, it)
			}
			return out
		}
		c.Items = drop(c.Items)
	}
	pkg, _ := Package(c, Options{Package: "p"})
	rn := requestNames{byRequest: map[string][]string{}, uses: map[string][]string{}, all: map[string]bool{}, base: map[string]string{}, occurrence: map[string]int{}}
	seen := map[string]int{}
	for _, op := range pkg.Operations {
		name := itemName(op.Source)
		seen[name]++
		key := requestKey(op.Source, seen[name])
		rn.occurrence[op.Source.Path] = seen[name]
		rn.byRequest[key], rn.uses[key] = operationNames(op)
		for _, n := range append(slices.Clone(rn.byRequest[key]), rn.uses[key]...) {
			rn.all[n] = true
		}
		rn.base[key] = opBaseName(op.Source)
	}
	return rn
}

// operationNames lists every exported name an operation declares, and the
// names of the shared types its JSON types are.
func operationNames(op *ir.Operation) (names, uses []string) {
	set, used := map[string]bool{}, map[string]bool{}
	add := func(s string) { set[s] = true }
	for _, n := range []string{op.Name, op.ParamsType, op.ResponseType, op.TableVar} {
		add(n)
	}
	if p := op.Paging; p != nil {
		add(p.PagesMethod)
		if p.AllMethod != "" {
			add(p.AllMethod)
		}
	}
	var jsonType func(t *ir.JSONType)
	enum := func(e *ir.Enum) {
		if e == nil {
			return
		}
		add(e.Name)
		for _, v := range e.Values {
			add(v.Const)
		}
	}
	var field func(owner string, f *ir.Field)
	field = func(owner string, f *ir.Field) {
		add(owner + "." + f.Name)
		enum(f.Enum)
		jsonType(f.JSON)
		if f.Group != nil {
			if f.Group.Elem != nil {
				enum(f.Group.Elem.Enum)
			}
			if st := f.Group.Struct; st != nil {
				add(st.Name)
				for _, m := range st.Fields {
					field(st.Name, m)
				}
			}
		}
	}
	jsonType = func(t *ir.JSONType) {
		if t == nil {
			return
		}
		if t.EnumOf != nil {
			enum(t.EnumOf.Enum)
		}
		jsonType(t.Elem)
		if st := t.Struct; st != nil {
			add(st.Name)
			if st.SameAs != nil {
				used[st.TypeName()] = true
			}
			for _, f := range st.Fields {
				add(st.Name + "." + f.Name)
				jsonType(f.Type)
			}
		}
	}
	for _, f := range op.Fields {
		field(op.ParamsType, f)
	}
	for _, p := range op.Path {
		if p.Param != nil {
			field(op.ParamsType, p.Param)
		}
	}
	for _, p := range op.BaseTemplate {
		if p.Param != nil {
			field(op.ParamsType, p.Param)
		}
	}
	for _, h := range op.ResponseHeaders {
		add(op.ResponseType + "." + h.Name)
	}
	jsonType(op.ResponseData)
	for _, e := range op.ErrorData {
		jsonType(e.Type)
	}
	return sortedSet(set), sortedSet(used)
}

func sortedSet(set map[string]bool) []string {
	out := make([]string, 0, len(set))
	for n := range set {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

func nameDiff(want, got []string) string {
	var b strings.Builder
	for _, n := range want {
		if !slices.Contains(got, n) {
			fmt.Fprintf(&b, "  - %s\n", n)
		}
	}
	for _, n := range got {
		if !slices.Contains(want, n) {
			fmt.Fprintf(&b, "  + %s\n", n)
		}
	}
	return b.String()
}
