package emit

import (
	"github.com/dave/jennifer/jen"

	"github.com/postman2go/postman2go/generator/ir"
)

// emitDoc writes the package comment:
//
//	// Package <name> is a client for <collection>, generated from its Postman collection.
//	//
//	// <collection description>
//	package <name>
func emitDoc(f *jen.File, pkg *ir.Package) {
	packageComment(f, pkg.Doc...)
}

// emitAPI writes the package's entry point:
//
//	// DefaultBaseURL is where requests go unless WithBaseURL says otherwise.
//	const DefaultBaseURL = "<base>"
//
//	// NewClient returns a client for the API.
//	func NewClient(opts ...Option) (*Client, error) { return newClient(DefaultBaseURL, opts) }
func emitAPI(f *jen.File, pkg *ir.Package) {
	if pkg.BaseURL != "" {
		Comment(f.Group, "DefaultBaseURL is where requests go unless WithBaseURL says otherwise.")
		Comment(f.Group, "It comes from the collection's variables or request URLs.")
	} else {
		Comment(f.Group, "DefaultBaseURL is empty: the collection names no usable host, so NewClient")
		Comment(f.Group, "needs WithBaseURL.")
	}
	f.Const().Id("DefaultBaseURL").Op("=").Lit(pkg.BaseURL)
	f.Line()
	Comment(f.Group, "NewClient returns a client for the API. Options are applied in order; the")
	Comment(f.Group, "first one that fails is returned as the error.")
	f.Func().Id("NewClient").Params(jen.Id("opts").Op("...").Id("Option")).Params(jen.Op("*").Id("Client"), jen.Error()).Block(
		jen.Return(jen.Id("newClient").Call(jen.Id("DefaultBaseURL"), jen.Id("opts"))),
	)
}
