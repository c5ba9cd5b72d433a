package emit

import (
	"github.com/dave/jennifer/jen"

	"github.com/postman2go/postman2go/generator/ir"
)

// emitEnums writes each enum type, its constants and Valid.
func emitEnums(f *jen.File, pkg *ir.Package) {
	for _, e := range pkg.Enums {
		emitEnum(f, e)
		f.Line()
	}
}

// emitEnum writes:
//
//	// <Enum> is one of the documented values of "<wire>".
//	type <Enum> string
//
//	const (
//		<Enum><Value> <Enum> = "<value>"
//	)
//
//	// Valid reports whether v is one of the documented values.
//	func (v <Enum>) Valid() bool { switch v { case ...: return true }; return false }
func emitEnum(f *jen.File, e *ir.Enum) {
	f.Add(commentCode(e.Doc...))
	f.Type().Id(e.Name).String()
	f.Line()
	f.Const().DefsFunc(func(g *jen.Group) {
		for _, v := range e.Values {
			g.Id(v.Const).Id(e.Name).Op("=").Lit(v.Value)
		}
	})
	f.Line()
	Comment(f.Group, "Valid reports whether v is one of the documented values. Responses may")
	Comment(f.Group, "carry values added after the collection was written.")
	f.Func().Params(jen.Id("v").Id(e.Name)).Id("Valid").Params().Bool().Block(
		jen.Switch(jen.Id("v")).Block(
			jen.CaseFunc(func(g *jen.Group) {
				for _, v := range e.Values {
					g.Id(v.Const)
				}
			}).Block(jen.Return(jen.True())),
		),
		jen.Return(jen.False()),
	)
}
