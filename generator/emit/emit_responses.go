package emit

import (
	"fmt"

	"github.com/dave/jennifer/jen"

	"github.com/postman2go/postman2go/generator/ir"
)

// emitResponses writes each operation's response type and response table.
func emitResponses(f *jen.File, pkg *ir.Package) {
	for _, op := range pkg.Operations {
		emitResponseStruct(f, op)
		f.Line()
		emitResponseTable(f, op)
		f.Line()
	}
}

// emitResponseStruct writes:
//
//	// <Name>Response is the 2xx response of <Name>.
//	type <Name>Response struct {
//		StatusCode int
//		Header     http.Header
//		<documented headers> string
//		Body       []byte
//	}
func emitResponseStruct(f *jen.File, op *ir.Operation) {
	Comment(f.Group, fmt.Sprintf("%s is the successful (2xx) response of %s.", op.ResponseType, op.Name))
	f.Type().Id(op.ResponseType).StructFunc(func(g *jen.Group) {
		Comment(g, "StatusCode is the HTTP status.")
		g.Id("StatusCode").Int()
		Comment(g, "Header holds all response headers.")
		g.Id("Header").Qual("net/http", "Header")
		for _, h := range op.ResponseHeaders {
			Comment(g, h.Doc...)
			g.Id(h.Name).String()
		}
		Comment(g, "Body is the response body.")
		g.Id("Body").Index().Byte()
		if op.ResponseData != nil {
			Comment(g, "Data is Body decoded as JSON, when the response is JSON. Its type is")
			Comment(g, "inferred from the collection's example responses.")
			g.Id("Data").Add(nilableJSONType(op.ResponseData))
		}
	})
}

// emitResponseTable writes:
//
//	// <Name>Responses documents the responses of <Name>, from the saved examples.
//	var <Name>Responses = []ResponseDoc{{Status: 404, Code: "4130", Description: "..."}}
func emitResponseTable(f *jen.File, op *ir.Operation) {
	Comment(f.Group, fmt.Sprintf("%s documents the responses of %s, from the collection's saved", op.TableVar, op.Name))
	Comment(f.Group, "examples. An APIError carries the row that matches its status and code.")
	f.Var().Id(op.TableVar).Op("=").Index().Id("ResponseDoc").ValuesFunc(func(g *jen.Group) {
		for _, r := range op.Responses {
			g.Line().Values(
				jen.Id("Status").Op(":").Lit(r.Status),
				jen.Id("Code").Op(":").Lit(r.Code),
				jen.Id("Description").Op(":").Lit(r.Description),
			)
		}
		if len(op.Responses) > 0 {
			g.Line()
		}
	})
}
