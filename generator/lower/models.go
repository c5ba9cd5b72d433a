package lower

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/postman2go/postman2go/generator/ir"
)

// Shared models. Every JSON struct is first named for its operation
// (CreateOrderAmount, see nestedName). Then structs of the same shape found
// under the same key become one type:
//
//   - named after the key (Amount, PurchaseUnit for an element of
//     purchase_units) when every object under that key in the collection
//     has this one shape and the name is free;
//   - else named after its first operation (CreateOrderAmount).
//
// The operation's own name of every struct stays, as an alias of the
// shared type (type ShowOrderAmount = Amount), so that code written against
// those names keeps compiling when requests are added or removed; the key's
// name is there as long as the key has one shape. Same shape means the same
// fields in the same order, with the same keys, types (nested structs by
// their shape), optionality and enum types.

// shareModels sets SameAs on the structs that share a type, inserting the
// shared types named after their key.
func (l *lowerer) shareModels() {
	ids := map[*ir.Struct]int{}
	interned := map[string]int{}
	var structID func(st *ir.Struct) int
	var typeSig func(b *strings.Builder, t *ir.JSONType)
	typeSig = func(b *strings.Builder, t *ir.JSONType) {
		b.WriteString(strconv.Itoa(int(t.Kind)))
		if t.Pointer {
			b.WriteByte('*')
		}
		if t.EnumOf != nil {
			fmt.Fprintf(b, "e%p", t.EnumOf)
		}
		switch {
		case t.Struct != nil:
			fmt.Fprintf(b, "{%d}", structID(t.Struct))
		case t.Elem != nil:
			b.WriteByte('[')
			typeSig(b, t.Elem)
			b.WriteByte(']')
		}
	}
	structID = func(st *ir.Struct) int {
		if id, ok := ids[st]; ok {
			return id
		}
		var b strings.Builder
		for _, f := range st.Fields {
			fmt.Fprintf(&b, "%q %q %v %v ", f.Name, f.Key, f.Optional, f.OmitZero)
			typeSig(&b, f.Type)
			b.WriteByte(';')
		}
		id, ok := interned[b.String()]
		if !ok {
			id = len(interned)
			interned[b.String()] = id
		}
		ids[st] = id
		return id
	}

	type group struct {
		key     string
		members []*ir.Struct
	}
	var order []*group
	groups := map[string]*group{}
	shapes := map[string]map[int]bool{} // key → shapes under it
	for _, st := range l.pkg.Structs {
		key := l.structKeys[st]
		id := structID(st)
		gk := key + "\x00" + strconv.Itoa(id)
		g := groups[gk]
		if g == nil {
			g = &group{key: key}
			groups[gk] = g
			order = append(order, g)
		}
		g.members = append(g.members, st)
		if shapes[key] == nil {
			shapes[key] = map[int]bool{}
		}
		shapes[key][id] = true
	}

	named := map[*ir.Struct]*ir.Struct{} // first member → the type named after its key
	for _, g := range order {
		first := g.members[0]
		if g.key != "" && len(shapes[g.key]) == 1 && l.names.free(g.key) {
			l.names.take(g.key)
			shared := &ir.Struct{Name: g.key, Fields: first.Fields, Doc: []string{
				fmt.Sprintf("%s is synthesized from the collection's example JSON: every object found where %s is has this shape.", g.key, first.Name),
			}}
			named[first] = shared
			for _, st := range g.members {
				st.SameAs = shared
			}
			continue
		}
		for _, st := range g.members[1:] {
			st.SameAs = first
		}
	}
	if len(named) == 0 {
		return
	}
	out := make([]*ir.Struct, 0, len(l.pkg.Structs)+len(named))
	for _, st := range l.pkg.Structs {
		if shared := named[st]; shared != nil {
			out = append(out, shared)
		}
		out = append(out, st)
	}
	l.pkg.Structs = out
}
