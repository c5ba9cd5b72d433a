package emit

import (
	"fmt"

	"github.com/dave/jennifer/jen"

	"github.com/postman2go/postman2go/generator/ir"
)

// emitStructs writes the types synthesized from JSON bodies.
func emitStructs(f *jen.File, pkg *ir.Package) {
	var aliases []*ir.Struct
	for _, st := range pkg.Structs {
		if st.SameAs != nil {
			aliases = append(aliases, st)
			continue
		}
		emitStruct(f, st)
		f.Line()
	}
	emitAliases(f, aliases)
}

// emitAliases writes the operations' own names of shared types:
//
//	// The operations' own names of the JSON types they share with others. ...
//	type (
//		<Name> = <Shared>
//	)
func emitAliases(f *jen.File, aliases []*ir.Struct) {
	if len(aliases) == 0 {
		return
	}
	Comment(f.Group,
		"The operations' own names of the JSON types they share with others.",
		"They stay when requests are added to or removed from the collection;",
		"a name after a JSON key (Amount) stays while every object under that",
		"key has the same shape.")
	f.Type().DefsFunc(func(g *jen.Group) {
		for _, st := range aliases {
			g.Id(st.Name).Op("=").Id(st.TypeName())
		}
	})
}

// emitStruct writes:
//
//	// <Name> is synthesized from the collection's example JSON.
//	type <Name> struct {
//		<Field> <type> `json:"<key>[,omitzero]"`
//	}
func emitStruct(f *jen.File, st *ir.Struct) {
	Comment(f.Group, fmt.Sprintf("%s is synthesized from the collection's example JSON.", st.Name))
	f.Type().Id(st.Name).StructFunc(func(g *jen.Group) {
		for _, fd := range st.Fields {
			tag := fd.Key
			if fd.OmitZero {
				tag += ",omitzero"
			}
			g.Id(fd.Name).Add(jsonTypeCode(fd.Type)).Tag(map[string]string{"json": tag})
		}
	})
}

// jsonTypeCode is the Go type of a synthesized JSON type.
func jsonTypeCode(t *ir.JSONType) jen.Code {
	var c *jen.Statement
	switch t.Kind {
	case ir.JSONRaw:
		return jen.Qual("encoding/json", "RawMessage")
	case ir.JSONBool:
		c = jen.Bool()
	case ir.JSONInt:
		c = jen.Int64()
	case ir.JSONFloat:
		c = jen.Float64()
	case ir.JSONString:
		c = jen.String()
		if t.EnumOf != nil && t.EnumOf.Kind == ir.KindEnum && t.EnumOf.Enum != nil {
			c = jen.Id(t.EnumOf.Enum.Name)
		}
	case ir.JSONTime:
		c = jen.Qual("time", "Time")
	case ir.JSONStruct:
		c = jen.Id(t.Struct.TypeName())
	case ir.JSONSlice:
		return jen.Index().Add(jsonTypeCode(t.Elem))
	case ir.JSONMap:
		return jen.Map(jen.String()).Add(jsonTypeCode(t.Elem))
	default:
		panic(fmt.Sprintf("unknown JSON kind %d", t.Kind))
	}
	if t.Pointer {
		return jen.Op("*").Add(c)
	}
	return c
}

// nilableJSONType is t as a field that can say "not set": a struct by
// pointer, slices, maps and raw JSON as they are.
func nilableJSONType(t *ir.JSONType) jen.Code {
	if t.Kind == ir.JSONStruct && !t.Pointer {
		return jen.Op("*").Id(t.Struct.TypeName())
	}
	if t.Scalar() && !t.Pointer {
		return jen.Op("*").Add(jsonTypeCode(t))
	}
	return jsonTypeCode(t)
}

// valueJSONType is t without its nullable pointer, for new(T).
func valueJSONType(t *ir.JSONType) *ir.JSONType {
	v := *t
	v.Pointer = false
	return &v
}
