package emit

import (
	"fmt"

	"github.com/dave/jennifer/jen"

	"github.com/postman2go/postman2go/generator/ir"
)

// emitResponses writes each operation's response type and the function
// that returns its documented responses.
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
//	// <Name>Responses returns the responses <Name> documents, ...
//	func <Name>Responses() []ResponseDoc {
//		return []ResponseDoc{{Status: 404, Code: "4130", Description: "..."}}
//	}
//
// and return nil for an operation without saved examples. A function, not
// a variable: the table cannot be changed under the client, and each
// caller gets a slice of its own.
func emitResponseTable(f *jen.File, op *ir.Operation) {
	Comment(f.Group, fmt.Sprintf("%s returns the responses %s", op.TableVar, op.Name),
		"documents in the collection's saved examples, in a new slice on each call.",
		"An APIError of the operation carries the row that is its response",
		"(Documented) or the rows of its status (Candidates).")
	if len(op.Responses) == 0 {
		f.Func().Id(op.TableVar).Params().Index().Id("ResponseDoc").Block(jen.Return(jen.Nil()))
		return
	}
	f.Func().Id(op.TableVar).Params().Index().Id("ResponseDoc").Block(
		jen.Return(jen.Index().Id("ResponseDoc").ValuesFunc(func(g *jen.Group) {
			for _, r := range op.Responses {
				g.Line().Values(
					jen.Id("Status").Op(":").Lit(r.Status),
					jen.Id("Code").Op(":").Lit(r.Code),
					jen.Id("Description").Op(":").Lit(r.Description),
				)
			}
			g.Line()
		})),
	)
}
