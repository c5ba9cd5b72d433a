package emit

import (
	"fmt"

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
//	// <what Client.Do sends as auth>
//	func NewClient(opts ...Option) (*Client, error) { return newClient(DefaultBaseURL, <auth>, opts) }
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
	auth := pkg.CollectionAuth
	Comment(f.Group, "NewClient returns a client for the API. Options are applied in order; the")
	Comment(f.Group, "first one that fails is returned as the error.")
	Comment(f.Group, "")
	Comment(f.Group, doAuthDoc(auth)...)
	f.Func().Id("NewClient").Params(jen.Id("opts").Op("...").Id("Option")).Params(jen.Op("*").Id("Client"), jen.Error()).Block(
		jen.Return(jen.Id("newClient").Call(jen.Id("DefaultBaseURL"), authArg(auth), jen.Id("opts"))),
	)
}

// doAuthDoc says what Client.Do sends as credentials.
func doAuthDoc(a ir.Auth) []string {
	switch a.Kind {
	case ir.AuthNone:
		return []string{"Client.Do sends no credentials: the collection's auth is noauth."}
	case ir.AuthBearer:
		word := "Bearer"
		if a.Prefix != "" {
			word = a.Prefix
		}
		return []string{"Client.Do sends the collection's auth: the token of WithBearerToken or", "WithTokenSource, as \"Authorization: " + word + " <token>\"."}
	case ir.AuthBasic:
		return []string{"Client.Do sends the collection's auth: basic auth (WithBasicAuth)."}
	case ir.AuthAPIKey:
		where := "header"
		if a.KeyIn == "query" {
			where = "query parameter"
		}
		return []string{"Client.Do sends the collection's auth: the key of WithAPIKey, as the " + where, fmt.Sprintf("%q.", a.KeyName)}
	case ir.AuthOther:
		return []string{"Client.Do sends no credentials: the collection's auth is a scheme the", "client does not implement; add it with WithRequestEditor."}
	}
	return []string{"Client.Do sends the credentials the options give (WithBearerToken or", "WithTokenSource, else WithBasicAuth): the collection sets no auth of its own."}
}
