package emit

import (
	"fmt"

	"github.com/dave/jennifer/jen"

	"github.com/postman2go/postman2go/generator/ir"
)

// Emitters for groups of bracketed keys (brackets.go). A group field of the
// params is sent from the operation method; a group struct sends its own
// fields with a method, given the key prefix and the location's add:
//
//	for i, e := range params.Expand {
//		r.addQuery("expand["+strconv.Itoa(i)+"]", e)
//	}
//	if params.Card != nil {
//		params.Card.encode("card", form.add)
//	}
//	for _, k := range slices.Sorted(maps.Keys(params.Metadata)) {
//		form.add("metadata["+k+"]", params.Metadata[k])
//	}
//
//	// encode sends the fields that are set, each under prefix[name].
//	func (s CreateChargeCard) encode(prefix string, add func(key, value string)) {
//		add(prefix+"[number]", s.Number)
//		if s.ExpMonth != nil {
//			add(prefix+"[exp_month]", strconv.FormatInt(*s.ExpMonth, 10))
//		}
//	}

// key is a wire key built from literal text and string expressions.
type keyPart struct {
	lit  string
	code jen.Code
}

// key is a wire key: literal text and string expressions joined with +.
type key []keyPart

func (k key) lit(s string) key {
	out := append(key{}, k...)
	if n := len(out); n > 0 && out[n-1].code == nil {
		out[n-1].lit += s
		return out
	}
	return append(out, keyPart{lit: s})
}

func (k key) code(c jen.Code) key {
	return append(append(key{}, k...), keyPart{code: c})
}

func (k key) expr() jen.Code {
	var out *jen.Statement
	for _, p := range k {
		term := p.code
		if term == nil {
			term = jen.Lit(p.lit)
		}
		if out == nil {
			out = jen.Add(term)
			continue
		}
		out = out.Op("+").Add(term)
	}
	return out
}

// sender is how a group's values reach the wire: a call statement, and the
// function value handed to a struct's encode.
type sender struct {
	call func(k, v jen.Code) jen.Code
	fn   jen.Code
}

// locationSender sends in the operation method: r.addQuery, form.add,
// mp.text.
func locationSender(in ir.Location) sender {
	switch in {
	case ir.InQuery:
		return sender{
			call: func(k, v jen.Code) jen.Code { return jen.Id("r").Dot("addQuery").Call(k, v) },
			fn:   jen.Id("r").Dot("addQuery"),
		}
	case ir.InForm:
		return sender{
			call: func(k, v jen.Code) jen.Code { return jen.Id("form").Dot("add").Call(k, v) },
			fn:   jen.Id("form").Dot("add"),
		}
	case ir.InMultipart:
		return sender{
			call: func(k, v jen.Code) jen.Code { return jen.Id("mp").Dot("addText").Call(k, v, jen.Lit("")) },
			fn: jen.Func().Params(jen.List(jen.Id("key"), jen.Id("value")).String()).Block(
				jen.Id("mp").Dot("addText").Call(jen.Id("key"), jen.Id("value"), jen.Lit("")),
			),
		}
	}
	panic(fmt.Sprintf("no bracketed keys in %v", in))
}

// addSender sends inside a struct's encode method.
var addSender = sender{
	call: func(k, v jen.Code) jen.Code { return jen.Id("add").Call(k, v) },
	fn:   jen.Id("add"),
}

// sendGroup is the statement that sends a group field of the params.
func sendGroup(f *ir.Field) jen.Code {
	return encodeMember(f, fieldRef(f), key{}.lit(f.Wire), locationSender(f.In))
}

// encodeMember sends member m, held in ref, under key k: only when set,
// unless required.
func encodeMember(m *ir.Field, ref *jen.Statement, k key, s sender) jen.Code {
	if m.Kind != ir.KindGroup {
		send := s.call(k.expr(), stringValue(m, ref.Clone()))
		if m.Required {
			return send
		}
		return jen.If(memberPresence(m, ref.Clone())).Block(send)
	}
	g := m.Group
	itoa := jen.Qual("strconv", "Itoa").Call(jen.Id("i"))
	switch g.Shape {
	case ir.ShapeSlice:
		elemKey := k.lit("[").code(itoa).lit("]")
		var body jen.Code
		if g.Struct != nil {
			body = jen.Id("e").Dot("encode").Call(elemKey.expr(), s.fn)
		} else {
			body = s.call(elemKey.expr(), stringValue(g.Elem, jen.Id("e")))
		}
		return jen.For(jen.List(jen.Id("i"), jen.Id("e")).Op(":=").Range().Add(ref)).Block(body)
	case ir.ShapeList:
		return jen.For(jen.List(jen.Id("_"), jen.Id("e")).Op(":=").Range().Add(ref)).Block(
			s.call(k.lit("[]").expr(), stringValue(g.Elem, jen.Id("e"))),
		)
	case ir.ShapeMap:
		sorted := jen.Qual("slices", "Sorted").Call(jen.Qual("maps", "Keys").Call(ref.Clone()))
		return jen.For(jen.List(jen.Id("_"), jen.Id("k")).Op(":=").Range().Add(sorted)).Block(
			s.call(k.lit("[").code(jen.Id("k")).lit("]").expr(), ref.Clone().Index(jen.Id("k"))),
		)
	case ir.ShapeStruct:
		send := ref.Clone().Dot("encode").Call(k.expr(), s.fn)
		if m.Required {
			return send
		}
		return jen.If(ref.Clone().Op("!=").Nil()).Block(send)
	}
	panic(fmt.Sprintf("unknown group shape %d", g.Shape))
}

// memberPresence is the condition under which an optional member is sent.
func memberPresence(m *ir.Field, ref *jen.Statement) jen.Code {
	switch {
	case m.Kind == ir.KindGroup && m.Group.Shape == ir.ShapeStruct:
		return ref.Op("!=").Nil()
	case m.Kind == ir.KindGroup:
		return jen.Len(ref).Op(">").Lit(0)
	case m.Pointer():
		return ref.Op("!=").Nil()
	}
	return ref.Op("!=").Lit("")
}

// groupType is the Go type of a group field: []T, []Struct, map[string]string,
// Struct when required, else *Struct.
func groupType(f *ir.Field) jen.Code {
	g := f.Group
	switch g.Shape {
	case ir.ShapeSlice, ir.ShapeList:
		if g.Struct != nil {
			return jen.Index().Id(g.Struct.Name)
		}
		return jen.Index().Add(goType(g.Elem))
	case ir.ShapeMap:
		return jen.Map(jen.String()).String()
	case ir.ShapeStruct:
		if f.Required {
			return jen.Id(g.Struct.Name)
		}
		return jen.Op("*").Id(g.Struct.Name)
	}
	panic(fmt.Sprintf("unknown group shape %d", g.Shape))
}

// validateGroup checks group field m held in ref (its keys under k) with
// the validation v (vp: a *validation to hand on): a required group is set,
// enum elements hold documented values, and a present struct's members are
// checked by its validate method.
func validateGroup(g *jen.Group, m *ir.Field, ref *jen.Statement, k key, v, vp jen.Code) {
	grp := m.Group
	if m.Required {
		present := memberPresence(m, ref.Clone())
		if grp.Shape == ir.ShapeStruct {
			present = nil // a value: its required members say what is missing
		}
		if present != nil {
			g.Add(jen.Add(v).Dot("require").Call(k.expr(), present))
		}
	}
	switch {
	case grp.Shape == ir.ShapeSlice && grp.Struct != nil && structValidates(grp.Struct):
		g.For(jen.List(jen.Id("i"), jen.Id("e")).Op(":=").Range().Add(ref.Clone())).Block(
			jen.Id("e").Dot("validate").Call(vp, k.lit("[").code(jen.Qual("strconv", "Itoa").Call(jen.Id("i"))).lit("]").expr()),
		)
	case (grp.Shape == ir.ShapeSlice || grp.Shape == ir.ShapeList) && grp.Elem != nil && grp.Elem.Kind == ir.KindEnum:
		idx, elemKey := jen.Id("_"), k.lit("[]")
		if grp.Shape == ir.ShapeSlice {
			idx, elemKey = jen.Id("i"), k.lit("[").code(jen.Qual("strconv", "Itoa").Call(jen.Id("i"))).lit("]")
		}
		g.For(jen.List(idx, jen.Id("e")).Op(":=").Range().Add(ref.Clone())).Block(
			jen.Add(v).Dot("enum").Call(elemKey.expr(), jen.String().Call(jen.Id("e")), jen.Id("e").Dot("Valid").Call()),
		)
	case grp.Shape == ir.ShapeStruct && structValidates(grp.Struct):
		call := ref.Clone().Dot("validate").Call(vp, k.expr())
		if m.Required {
			g.Add(call)
			return
		}
		g.If(ref.Clone().Op("!=").Nil()).Block(call)
	}
}

// validateMember checks one member of a group struct.
func validateMember(g *jen.Group, m *ir.Field, ref *jen.Statement, k key, v jen.Code) {
	switch {
	case m.Kind == ir.KindGroup:
		validateGroup(g, m, ref, k, v, v)
	case m.Kind == ir.KindEnum:
		ok := ref.Clone().Dot("Valid").Call()
		if !m.Required {
			ok = ref.Clone().Op("==").Lit("").Op("||").Add(ok)
		}
		g.Add(jen.Add(v).Dot("enum").Call(k.expr(), jen.String().Call(ref.Clone()), ok))
	case m.Required && m.Kind == ir.KindString:
		g.Add(jen.Add(v).Dot("require").Call(k.expr(), ref.Clone().Op("!=").Lit("")))
	}
}

// structValidates reports whether a group struct has anything to check.
func structValidates(st *ir.GroupStruct) bool {
	for _, m := range st.Fields {
		switch {
		case m.Kind == ir.KindEnum, m.Required && m.Kind == ir.KindString:
			return true
		case m.Kind != ir.KindGroup:
		case m.Required && m.Group.Shape != ir.ShapeStruct:
			return true
		case m.Group.Elem != nil && m.Group.Elem.Kind == ir.KindEnum:
			return true
		case m.Group.Struct != nil && structValidates(m.Group.Struct):
			return true
		}
	}
	return false
}

// emitGroupStructs writes the group structs of an operation's params, in
// field order, each with its encode and (when it checks anything) validate
// method:
//
//	// <Op><Base> holds the form field "card[...]" of <Op>.
//	type <Op><Base> struct {
//		// Number is sent as "card[number]".
//		Number string `form:"number"`
//	}
func emitGroupStructs(f *jen.File, fields []*ir.Field) {
	for _, fd := range fields {
		if fd.Kind != ir.KindGroup || fd.Group.Struct == nil {
			continue
		}
		st := fd.Group.Struct
		f.Add(commentCode(st.Doc...))
		f.Type().Id(st.Name).StructFunc(func(g *jen.Group) {
			for _, m := range st.Fields {
				Comment(g, m.Doc...)
				g.Id(m.Name).Add(goType(m)).Tag(map[string]string{m.In.TagKey(): m.Wire})
			}
		})
		f.Line()
		prefix := key{}.code(jen.Id("prefix"))
		Comment(f.Group, "encode sends the fields that are set, each under prefix[name].")
		f.Func().Params(jen.Id("s").Id(st.Name)).Id("encode").Params(
			jen.Id("prefix").String(), jen.Id("add").Func().Params(jen.List(jen.Id("key"), jen.Id("value")).String()),
		).BlockFunc(func(g *jen.Group) {
			for _, m := range st.Fields {
				g.Add(encodeMember(m, jen.Id("s").Dot(m.Name), prefix.lit("["+m.Wire+"]"), addSender))
			}
		})
		f.Line()
		if structValidates(st) {
			Comment(f.Group, "validate checks the fields as Validate does, naming them prefix[name].")
			f.Func().Params(jen.Id("s").Id(st.Name)).Id("validate").Params(
				jen.Id("v").Op("*").Id("validation"), jen.Id("prefix").String(),
			).BlockFunc(func(g *jen.Group) {
				for _, m := range st.Fields {
					validateMember(g, m, jen.Id("s").Dot(m.Name), prefix.lit("["+m.Wire+"]"), jen.Id("v"))
				}
			})
			f.Line()
		}
		emitGroupStructs(f, st.Fields)
	}
}

// GroupExample is the Go value of a group field built from the
// collection's entries under its key (the godoc examples send exactly the
// collection's keys and values), or nil to leave it out.
func GroupExample(f *ir.Field, entries []*ir.GroupEntry) jen.Code {
	g := f.Group
	switch g.Shape {
	case ir.ShapeSlice, ir.ShapeList:
		var elems []jen.Code
		for _, e := range entries {
			var v jen.Code
			if g.Struct != nil {
				v = jen.Values(structExample(g.Struct, e.Entries)...)
			} else if e.Field != nil {
				v = memberExample(g.Elem, e)
			}
			if v == nil {
				return nil // an element without a value: the keys would shift
			}
			elems = append(elems, jen.Line().Add(v))
		}
		if len(elems) == 0 {
			return nil
		}
		elems = append(elems, jen.Line())
		return jen.Add(groupType(f)).Values(elems...)
	case ir.ShapeMap:
		var kv []jen.Code
		for _, e := range entries {
			if v := memberExample(g.Elem, e); v != nil {
				kv = append(kv, jen.Line().Lit(e.Seg).Op(":").Add(v))
			}
		}
		if len(kv) == 0 {
			return nil
		}
		return jen.Map(jen.String()).String().Values(append(kv, jen.Line())...)
	case ir.ShapeStruct:
		vals := structExample(g.Struct, entries)
		if len(vals) == 0 && !f.Required {
			return nil
		}
		lit := jen.Id(g.Struct.Name).Values(vals...)
		if f.Required {
			return lit
		}
		return jen.Op("&").Add(lit)
	}
	return nil
}

// structExample is the keyed fields of a group struct's example.
func structExample(st *ir.GroupStruct, entries []*ir.GroupEntry) []jen.Code {
	var out []jen.Code
	for _, m := range st.Fields {
		for _, e := range entries {
			if e.Seg != m.Wire {
				continue
			}
			var v jen.Code
			if m.Kind == ir.KindGroup {
				v = GroupExample(m, e.Entries)
			} else if e.Field != nil {
				v = memberExample(m, e)
			}
			if v != nil {
				out = append(out, jen.Line().Id(m.Name).Op(":").Add(v))
			}
		}
	}
	if len(out) > 0 {
		out = append(out, jen.Line())
	}
	return out
}

// memberExample is a scalar member's value from the collection's entry: its
// own example (a placeholder naming the exact key when a required value has
// none).
func memberExample(m *ir.Field, e *ir.GroupEntry) jen.Code {
	c := *m
	c.Example, c.Wire = e.Field.Example, e.Field.Wire
	return exampleValue(&c)
}
