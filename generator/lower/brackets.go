package lower

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/postman2go/postman2go/generator/ir"
)

// Bracketed keys, as Stripe-style and Rails/PHP-style form APIs use them
// (expand[0], expand[], card[exp_month], items[0][price], metadata[key]),
// become slices, structs and maps on the params struct, sent back as exactly
// the collection's keys. The rules, per operation and per location (query,
// urlencoded, multipart text), over the fields whose key is a base name
// followed by one or more [segment]s:
//
//   - A group is every such field sharing one base name.
//   - base[0], base[1], ... with the indices 0..n-1 in order: a slice;
//     element i is sent as base[i]. Its element is a scalar (its type the
//     join of the members' inferred kinds: equal kinds stay, integers and
//     decimals make float64, anything else string; members with no typed
//     example do not vote) or a struct (base[N][name]); never a slice, list
//     or map.
//   - base[] (repeated or not): a slice of scalars, each element sent as
//     base[].
//   - base[name]: a struct <Op><Base> with one field per name, in the order
//     the names first appear, when every name is an identifier (a letter or
//     _ then letters, digits, _). It is a map[string]string instead, sent in
//     sorted key order, when a name is not an identifier (digits, dashes,
//     dots, spaces) or when the group's name or a member's description
//     speaks of metadata or key-value pairs; a map's keys must be complete
//     keys (no deeper brackets).
//   - Deeper nesting (a[b][c], items[0][price]) gives nested structs
//     <Op><Base><Sub> and slices of structs.
//   - A member is required when the collection marks it (Required) and, in a
//     slice of structs, every element has it; a struct or slice is required
//     when one of its members is: a required struct is a value, an optional
//     one a pointer (nil: nothing sent).
//
// A group that does not fit stays flat fields, as before: a key that is
// both complete and a prefix (a[b] and a[b][c]), mixed segment kinds at one
// level, a repeated key other than base[], indices not 0..n-1 in order, a
// slice of slices, lists or maps, a flag, file or defaulted member, a
// multipart part with its own Content-Type, members not next to each other
// among their location's fields, or keys not in the order the group sends
// them (struct fields in first-appearance order, elements in index order).

var (
	identSeg = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)
	indexSeg = regexp.MustCompile(`^(0|[1-9][0-9]{0,8})$`)
	mapHint  = regexp.MustCompile(`(?i)meta-?data|key[-/ ]?value|arbitrary keys`)
)

// splitBracketKey splits "items[0][price]" into "items" and ["0", "price"];
// ok is false unless key is a non-empty base and one or more [segment]s.
func splitBracketKey(key string) (base string, segs []string, ok bool) {
	i := strings.IndexByte(key, '[')
	if i <= 0 || strings.ContainsRune(key[:i], ']') {
		return "", nil, false
	}
	base, rest := key[:i], key[i:]
	for rest != "" {
		j := strings.IndexByte(rest, ']')
		if rest[0] != '[' || j < 0 || strings.ContainsRune(rest[1:j], '[') {
			return "", nil, false
		}
		segs = append(segs, rest[1:j])
		rest = rest[j+1:]
	}
	return base, segs, true
}

// bnode is one bracket segment of a group's keys. "" segments (base[])
// never merge: each is its own node.
type bnode struct {
	seg  string
	kids []*bnode
	leaf *ir.Field
}

func (n *bnode) kid(seg string) *bnode {
	for _, k := range n.kids {
		if k.seg == seg {
			return k
		}
	}
	return nil
}

// insert adds f under segs; false when the key repeats or is both complete
// and a prefix of another.
func (n *bnode) insert(f *ir.Field, segs []string) bool {
	if len(segs) == 0 {
		if n.leaf != nil || len(n.kids) > 0 {
			return false
		}
		n.leaf = f
		return true
	}
	if n.leaf != nil {
		return false
	}
	k := (*bnode)(nil)
	if segs[0] != "" {
		k = n.kid(segs[0])
	}
	if k == nil {
		k = &bnode{seg: segs[0]}
		n.kids = append(n.kids, k)
	}
	return k.insert(f, segs[1:])
}

// bshape is the decided shape of one position in a group: a scalar (its
// leaves, the collection's fields there) or a slice, list, struct or map.
type bshape struct {
	scalar   bool
	kind     ir.Kind     // scalar: the joined kind
	kindFrom *ir.Field   // scalar: the leaf whose kind (and enum) it is; nil for string
	leaves   []*ir.Field // scalar; a map's values
	shape    ir.GroupShape
	elem     *bshape   // ShapeSlice, ShapeList
	fields   []*bfield // ShapeStruct, in first-appearance order
	required bool
}

type bfield struct {
	name  string
	shape *bshape
}

// bracketPlan is one group that fits: its base, keys and shape.
type bracketPlan struct {
	base    string
	root    *bnode
	shape   *bshape
	members []*ir.Field // in collection order
}

// planBrackets finds the groups of location in among fields; only enums
// with equal documented values join.
func planBrackets(fields []*ir.Field, in ir.Location) []*bracketPlan {
	var local []*ir.Field
	for _, f := range fields {
		if f.In == in {
			local = append(local, f)
		}
	}
	byBase := map[string][]int{} // indices into local
	var order []string
	for i, f := range local {
		base, _, ok := splitBracketKey(f.Wire)
		if !ok {
			continue
		}
		if _, seen := byBase[base]; !seen {
			order = append(order, base)
		}
		byBase[base] = append(byBase[base], i)
	}
	var plans []*bracketPlan
	for _, base := range order {
		if p := planGroup(base, local, byBase[base]); p != nil {
			plans = append(plans, p)
		}
	}
	return plans
}

// planGroup decides one group, or returns nil to keep its fields flat.
func planGroup(base string, local []*ir.Field, idx []int) *bracketPlan {
	if exportedName(base) == "" {
		return nil
	}
	root := &bnode{seg: base}
	var members []*ir.Field
	for n, i := range idx {
		f := local[i]
		if n > 0 && i != idx[n-1]+1 {
			return nil // another key in between
		}
		switch f.Kind {
		case ir.KindString, ir.KindInt, ir.KindBool, ir.KindFloat, ir.KindEnum:
		default:
			return nil
		}
		if f.Default != nil || f.ContentType != "" {
			return nil
		}
		_, segs, _ := splitBracketKey(f.Wire)
		if !root.insert(f, segs) {
			return nil
		}
		members = append(members, f)
	}
	s := decideShape([]*bnode{root}, base)
	if s == nil || s.scalar {
		return nil
	}
	var sent []*ir.Field
	sentOrder(s, root, &sent)
	if !slices.Equal(sent, members) {
		return nil
	}
	return &bracketPlan{base: base, root: root, shape: s, members: members}
}

// decideShape decides the shape of a position from all its nodes (one per
// element when the position is inside a slice of structs); nil when the
// keys do not fit a shape.
func decideShape(nodes []*bnode, name string) *bshape {
	leaves := 0
	for _, n := range nodes {
		if n.leaf != nil {
			leaves++
		}
	}
	if leaves == len(nodes) {
		return scalarShape(nodes)
	}
	if leaves > 0 {
		return nil
	}
	var all []*bnode
	var appends, indices, idents int
	for _, n := range nodes {
		for _, k := range n.kids {
			all = append(all, k)
			switch {
			case k.seg == "":
				appends++
			case indexSeg.MatchString(k.seg):
				indices++
			case identSeg.MatchString(k.seg):
				idents++
			}
		}
	}
	switch {
	case appends == len(all):
		for _, k := range all {
			if k.leaf == nil {
				return nil // a[][b]: no shape
			}
		}
		elem := scalarShape(all)
		return &bshape{shape: ir.ShapeList, elem: elem, required: elem.required}
	case indices == len(all):
		for _, n := range nodes {
			for i, k := range n.kids {
				if k.seg != strconv.Itoa(i) {
					return nil
				}
			}
		}
		elem := decideShape(all, name)
		if elem == nil || !(elem.scalar || elem.shape == ir.ShapeStruct) {
			return nil
		}
		return &bshape{shape: ir.ShapeSlice, elem: elem, required: elem.required}
	case appends > 0:
		return nil
	}
	if idents < len(all) || mapHinted(name, all) {
		for _, k := range all {
			if k.leaf == nil {
				return nil
			}
		}
		s := &bshape{shape: ir.ShapeMap, elem: &bshape{scalar: true, kind: ir.KindString}}
		for _, k := range all {
			s.leaves = append(s.leaves, k.leaf)
			s.required = s.required || k.leaf.Required
		}
		return s
	}
	s := &bshape{shape: ir.ShapeStruct}
	for _, k := range all {
		if slices.ContainsFunc(s.fields, func(f *bfield) bool { return f.name == k.seg }) {
			continue
		}
		var same []*bnode
		for _, n := range nodes {
			if m := n.kid(k.seg); m != nil {
				same = append(same, m)
			}
		}
		ms := decideShape(same, k.seg)
		if ms == nil {
			return nil
		}
		// A member some elements lack is optional.
		ms.required = ms.required && len(same) == len(nodes)
		s.required = s.required || ms.required
		s.fields = append(s.fields, &bfield{name: k.seg, shape: ms})
	}
	return s
}

// mapHinted reports whether the group's name or a member's description
// speaks of metadata or key-value pairs.
func mapHinted(name string, kids []*bnode) bool {
	if mapHint.MatchString(name) {
		return true
	}
	for _, k := range kids {
		if k.leaf != nil && len(k.leaf.Doc) > 1 && mapHint.MatchString(strings.Join(k.leaf.Doc[1:], " ")) {
			return true
		}
	}
	return false
}

// scalarShape joins the kinds of a position's leaves.
func scalarShape(nodes []*bnode) *bshape {
	s := &bshape{scalar: true, kind: ir.KindString}
	for _, n := range nodes {
		s.leaves = append(s.leaves, n.leaf)
		s.required = s.required || n.leaf.Required
	}
	for _, f := range s.leaves {
		if f.Kind == ir.KindString && !ir.IsConcreteText(f.Example) {
			continue // no typed evidence: no vote
		}
		switch {
		case s.kindFrom == nil:
			s.kind, s.kindFrom = f.Kind, f
		case f.Kind == s.kind && (f.Kind != ir.KindEnum || slices.Equal(f.EnumValues, s.kindFrom.EnumValues)):
		case (f.Kind == ir.KindInt || f.Kind == ir.KindFloat) && (s.kind == ir.KindInt || s.kind == ir.KindFloat):
			s.kind = ir.KindFloat
		default:
			s.kind, s.kindFrom = ir.KindString, nil
			return s
		}
	}
	if s.kind == ir.KindString {
		s.kindFrom = nil
	}
	return s
}

// sentOrder lists the collection's fields in the order the generated code
// sends them when the group holds the collection's values; map entries in
// collection order (they go out sorted, as documented).
func sentOrder(s *bshape, n *bnode, out *[]*ir.Field) {
	switch {
	case s.scalar:
		*out = append(*out, n.leaf)
	case s.shape == ir.ShapeStruct:
		for _, f := range s.fields {
			if k := n.kid(f.name); k != nil {
				sentOrder(f.shape, k, out)
			}
		}
	default:
		for _, k := range n.kids {
			sentOrder(s.elem, k, out)
		}
	}
}

// describeShape renders a shape for tests and --explain: []int64,
// []string (as base[]), struct{a string; b *int64}, map[string]string.
func describeShape(s *bshape) string {
	switch {
	case s.scalar:
		return kindName(s.kind)
	case s.shape == ir.ShapeSlice:
		return "[]" + describeShape(s.elem)
	case s.shape == ir.ShapeList:
		return "[]" + describeShape(s.elem) + " (as [])"
	case s.shape == ir.ShapeMap:
		return "map[string]string"
	}
	var parts []string
	for _, f := range s.fields {
		req := ""
		if f.shape.required {
			req = "!"
		}
		parts = append(parts, f.name+req+" "+describeShape(f.shape))
	}
	return "struct{" + strings.Join(parts, "; ") + "}"
}

func kindName(k ir.Kind) string {
	switch k {
	case ir.KindInt:
		return "int64"
	case ir.KindFloat:
		return "float64"
	case ir.KindBool:
		return "bool"
	case ir.KindEnum:
		return "enum"
	}
	return "string"
}

// groupBrackets replaces the fields of each group of bracketed keys in the
// operation's query, urlencoded and multipart fields by one KindGroup field
// at the place of its first key. fields is the params' name scope.
func (l *lowerer) groupBrackets(op *ir.Operation, fields *scope) {
	for _, in := range []ir.Location{ir.InQuery, ir.InForm, ir.InMultipart} {
		for _, p := range planBrackets(op.Fields, in) {
			for _, m := range p.members {
				delete(fields.taken, m.Name) // the group's name may be one of theirs
			}
			g := l.groupField(op.Name, in, p.shape, p.base, exportedName(p.base), fields, op.Name+exportedName(p.base), p.base)
			g.Group.Entries = groupEntries(p.root).Entries
			at := slices.Index(op.Fields, p.members[0])
			op.Fields = slices.DeleteFunc(op.Fields, func(f *ir.Field) bool { return slices.Contains(p.members, f) })
			op.Fields = slices.Insert(op.Fields, at, g)
			l.enumFields = slices.DeleteFunc(l.enumFields, func(f *ir.Field) bool { return slices.Contains(p.members, f) })
			for _, f := range p.members {
				f.EnumValues = nil
			}
		}
	}
}

func groupEntries(n *bnode) *ir.GroupEntry {
	e := &ir.GroupEntry{Seg: n.seg, Field: n.leaf}
	for _, k := range n.kids {
		e.Entries = append(e.Entries, groupEntries(k))
	}
	return e
}

// groupField builds the field of shape s named name (taken from names),
// whose wire name is wire and whose keys look like key ("card[number]",
// "items[N][price]"). typeName is the name of a struct it needs.
func (l *lowerer) groupField(opName string, in ir.Location, s *bshape, wire, name string, names *scope, typeName, key string) *ir.Field {
	if s.scalar {
		return l.scalarMember(in, s, wire, names.unique(name), key)
	}
	f := &ir.Field{Name: names.unique(name), Wire: wire, In: in, Kind: ir.KindGroup, Required: s.required, Group: &ir.Group{Shape: s.shape}}
	what := fmt.Sprintf("%ss", in) // "query parameters"
	switch s.shape {
	case ir.ShapeSlice:
		if s.elem.scalar {
			f.Group.Elem = l.element(in, s.elem, wire, f.Name, key+"[N]")
			f.Doc = []string{fmt.Sprintf("%s is sent as the %s %q, %q, ...: element i as %q.", f.Name, what, key+"[0]", key+"[1]", key+"[i]")}
			f.Doc = append(f.Doc, f.Group.Elem.Doc[1:]...)
			f.Evidence = "bracketed keys " + key + "[N]; elements: " + f.Group.Elem.Evidence
			break
		}
		f.Group.Struct = l.groupStruct(opName, in, s.elem, typeName, key+"[N]")
		f.Doc = []string{fmt.Sprintf("%s is sent as the %s %q of element i: see %s.", f.Name, what, key+"[i][<name>]", f.Group.Struct.Name)}
		f.Evidence = "bracketed keys " + key + "[N][...]"
	case ir.ShapeList:
		f.Group.Elem = l.element(in, s.elem, wire, f.Name, key+"[]")
		f.Doc = []string{fmt.Sprintf("%s is sent as the %s %q, one per element, in order.", f.Name, what, key+"[]")}
		f.Doc = append(f.Doc, f.Group.Elem.Doc[1:]...)
		f.Evidence = "bracketed keys " + key + "[]; elements: " + f.Group.Elem.Evidence
	case ir.ShapeMap:
		f.Group.Elem = &ir.Field{Name: f.Name, Wire: wire, In: in, Kind: ir.KindString, Required: true}
		f.Doc = []string{fmt.Sprintf("%s is sent as the %s %q, one per entry, in sorted key order.", f.Name, what, key+"[<key>]")}
		f.Doc = append(f.Doc, leafDoc(s.leaves)...)
		f.Evidence = "bracketed keys " + key + "[<key>] that are map keys"
	case ir.ShapeStruct:
		f.Group.Struct = l.groupStruct(opName, in, s, typeName, key)
		f.Doc = []string{fmt.Sprintf("%s is sent as the %s %q: see %s.", f.Name, what, key+"[<name>]", f.Group.Struct.Name)}
		if !f.Required {
			f.Doc = append(f.Doc, "Nil sends none of them.")
		}
		f.Evidence = "bracketed keys " + key + "[name]"
	}
	return f
}

// groupStruct builds the struct of shape s, named typeName in the package.
func (l *lowerer) groupStruct(opName string, in ir.Location, s *bshape, typeName, key string) *ir.GroupStruct {
	st := &ir.GroupStruct{Name: l.names.unique(typeName)}
	st.Doc = []string{fmt.Sprintf("%s holds the %ss %q of %s.", st.Name, in, key+"[<name>]", opName),
		"Fields left at their zero value (or nil) are not sent."}
	members := newScope()
	for _, m := range s.fields {
		name := exportedName(m.name)
		st.Fields = append(st.Fields, l.groupField(opName, in, m.shape, m.name, name, members, st.Name+name, key+"["+m.name+"]"))
	}
	return st
}

// scalarMember is a scalar of a group: a copy of the collection's field
// (the one that decided the joined kind) with the group's name and docs.
// An enum member takes the place of its fields in the enum naming.
func (l *lowerer) scalarMember(in ir.Location, s *bshape, wire, name, key string) *ir.Field {
	src := s.kindFrom
	if src == nil {
		src = s.leaves[0]
	}
	m := *src
	m.Name, m.Wire, m.In, m.Kind, m.Required = name, wire, in, s.kind, s.required
	if s.kind != ir.KindEnum {
		m.Enum = nil
	}
	m.Example = s.leaves[0].Example
	m.Doc = append([]string{fmt.Sprintf("%s is sent as %q.", name, key)}, leafDoc(s.leaves)...)
	if len(s.leaves) > 1 {
		m.Evidence = fmt.Sprintf("%s (joined over %d keys)", src.Evidence, len(s.leaves))
	}
	if m.Kind == ir.KindEnum {
		l.enumFields = append(l.enumFields, &m)
	}
	return &m
}

// leafDoc is the description of the first of the collection's fields that
// has one (a field's Doc is its own first line, then the description).
func leafDoc(leaves []*ir.Field) []string {
	for _, f := range leaves {
		if len(f.Doc) > 1 {
			return f.Doc[1:]
		}
	}
	return nil
}

// element is the element of a slice or list of scalars: always sent, so
// never a pointer.
func (l *lowerer) element(in ir.Location, s *bshape, wire, name, key string) *ir.Field {
	e := l.scalarMember(in, s, wire, name, key)
	e.Required = true
	return e
}

// allFields is fields and, depth first, the members of their groups: every
// field an enum may belong to.
func allFields(fields []*ir.Field) []*ir.Field {
	var out []*ir.Field
	for _, f := range fields {
		out = append(out, f)
		if f.Kind != ir.KindGroup {
			continue
		}
		if f.Group.Elem != nil {
			out = append(out, f.Group.Elem)
		}
		if f.Group.Struct != nil {
			out = append(out, allFields(f.Group.Struct.Fields)...)
		}
	}
	return out
}
