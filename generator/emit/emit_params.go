package emit

import (
	"fmt"

	"github.com/dave/jennifer/jen"

	"github.com/postman2go/postman2go/generator/ir"
)

// emitParams writes one params struct and its Validate method per operation.
func emitParams(f *jen.File, pkg *ir.Package) {
	for _, op := range pkg.Operations {
		emitParamsStruct(f, op)
		f.Line()
		emitValidate(f, op)
		f.Line()
		emitGroupStructs(f, op.Fields) // emit_brackets.go
	}
}

// emitParamsStruct writes:
//
//	// <Name>Params holds the parameters of <Name>.
//	type <Name>Params struct {
//		// <Field> is the <location> "<wire>". <description>
//		<Field> <type> `<location>:"<wire>"`
//	}
func emitParamsStruct(f *jen.File, op *ir.Operation) {
	doc := []string{fmt.Sprintf("%s holds the parameters of %s.", op.ParamsType, op.Name)}
	if len(op.Fields) > 0 {
		doc = append(doc, "Optional fields left at their zero value (or nil) are not sent.")
	}
	f.Add(commentCode(doc...))
	f.Type().Id(op.ParamsType).StructFunc(func(g *jen.Group) {
		for _, fd := range op.Fields {
			Comment(g, fd.Doc...)
			g.Id(fd.Name).Add(goType(fd)).Tag(map[string]string{fd.In.TagKey(): fd.Wire})
		}
	})
}

// emitValidate writes:
//
//	// Validate checks the params against what the collection documents.
//	func (p <Name>Params) Validate() error {
//		var v validation
//		v.require("<wire>", p.<Field> != "")
//		v.enum("<wire>", string(p.<Field>), p.<Field> == "" || p.<Field>.Valid())
//		return v.err()
//	}
func emitValidate(f *jen.File, op *ir.Operation) {
	Comment(f.Group, "Validate checks the params against what the collection documents: required")
	Comment(f.Group, "fields are set and enum fields hold a documented value.")
	f.Func().Params(jen.Id("p").Id(op.ParamsType)).Id("Validate").Params().Error().BlockFunc(func(g *jen.Group) {
		g.Var().Id("v").Id("validation")
		for _, fd := range op.Fields {
			ref := jen.Id("p").Dot(fd.Name)
			if fd.Kind == ir.KindGroup {
				validateGroup(g, fd, ref, key{}.lit(fd.Wire), jen.Id("v"), jen.Op("&").Id("v"))
				continue
			}
			if fd.Kind == ir.KindEnum {
				ok := ref.Clone().Dot("Valid").Call()
				if !fd.Required {
					ok = ref.Clone().Op("==").Lit("").Op("||").Add(ok)
				}
				g.Id("v").Dot("enum").Call(jen.Lit(fd.Wire), jen.String().Call(ref.Clone()), ok)
				continue
			}
			if !fd.Required {
				continue
			}
			if fd.Presence() != ir.PresentAlways && fd.Presence() != ir.PresentTrue {
				// A required number or bool is a plain value: zero is a value.
				g.Id("v").Dot("require").Call(jen.Lit(fd.Wire), presenceOf(fd, ref.Clone()))
			}
		}
		if body := bodyFields(op); len(body) > 1 {
			set := []jen.Code{jen.Lit("body")}
			for _, fd := range body {
				set = append(set, jen.Id("p").Dot(fd.Name).Op("!=").Nil())
			}
			g.Id("v").Dot("atMostOne").Call(set...)
		}
		g.Return(jen.Id("v").Dot("err").Call())
	})
}

// bodyFields are the fields that each carry the whole request body.
func bodyFields(op *ir.Operation) []*ir.Field {
	var out []*ir.Field
	for _, fd := range op.Fields {
		if fd.In == ir.InBody {
			out = append(out, fd)
		}
	}
	return out
}
