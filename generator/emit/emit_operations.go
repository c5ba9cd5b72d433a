package emit

import (
	"fmt"
	"time"

	"github.com/dave/jennifer/jen"

	"github.com/postman2go/postman2go/generator/ir"
)

// emitOperations writes one Client method per operation.
func emitOperations(f *jen.File, pkg *ir.Package) {
	for _, op := range pkg.Operations {
		emitOperation(f, op)
		f.Line()
		if op.Paging != nil {
			emitPaging(f, op) // emit_paging.go
			f.Line()
		}
	}
}

// emitOperation writes:
//
//	// <Name> sends <METHOD> <path>.
//	//
//	// <description>
//	//
//	// Documented responses (also in <Name>Responses):
//	//
//	//	Status  Code  Description
//	func (c *Client) <Name>(ctx context.Context, params <Name>Params, opts ...RequestOption) (*<Name>Response, error) {
//		if err := c.validate("<Name>", params, opts); err != nil { // params.Validate() unless turned off
//			return nil, err // "<Name>: ..."
//		}
//		r := newRequest("<Name>", "<METHOD>", <auth>, <Name>Responses) // the function, called for an error
//		<path, query, headers, body>
//		// only for an operation on a host of its own:
//		at, err := c.atBase(r, "<base>" or "<text>" + params.<HostVar> + ...)
//		if err != nil {
//			return nil, fmt.Errorf("<Name>: %w", err)
//		}
//		resp, body, err := c.send(ctx, r, opts) // at.send for its own host
//		if err != nil {
//			return nil, err
//		}
//		out := &<Name>Response{...}
//		if err := decodeJSON(r, resp, body, &out.Data); err != nil { // typed 2xx JSON only
//			return out, err
//		}
//		return out, nil
//	}
func emitOperation(f *jen.File, op *ir.Operation) {
	f.Add(commentCode(op.Doc...))
	f.Func().Params(jen.Id("c").Op("*").Id("Client")).Id(op.Name).Params(
		jen.Id("ctx").Qual("context", "Context"),
		jen.Id("params").Id(op.ParamsType),
		jen.Id("opts").Op("...").Id("RequestOption"),
	).Params(jen.Op("*").Id(op.ResponseType), jen.Error()).BlockFunc(func(g *jen.Group) {
		g.If(jen.Err().Op(":=").Id("c").Dot("validate").Call(jen.Lit(op.Name), jen.Id("params"), jen.Id("opts")), jen.Err().Op("!=").Nil()).Block(
			jen.Return(jen.Nil(), jen.Err()),
		)
		g.Id("r").Op(":=").Id("newRequest").Call(jen.Lit(op.Name), jen.Lit(op.Method), authArg(op.Auth), jen.Id(op.TableVar))
		for _, e := range op.ErrorData {
			// r.errorBody(422, func() any { return new(<Op>Error422) })
			g.Id("r").Dot("errorBody").Call(jen.Lit(e.Status), jen.Func().Params().Any().Block(
				jen.Return(jen.New(jsonTypeCode(valueJSONType(e.Type)))),
			))
		}
		emitPath(g, op)
		emitHeaders(g, op)
		emitFields(g, op)
		client := jen.Id("c")
		if base := baseExpr(op); base != nil {
			// at, err := c.atBase(r, <base>): the operation's own host.
			g.List(jen.Id("at"), jen.Err()).Op(":=").Id("c").Dot("atBase").Call(jen.Id("r"), base)
			g.If(jen.Err().Op("!=").Nil()).Block(
				jen.Return(jen.Nil(), jen.Qual("fmt", "Errorf").Call(jen.Lit(op.Name+": %w"), jen.Err())),
			)
			client = jen.Id("at")
		}
		g.List(jen.Id("resp"), jen.Id("body"), jen.Err()).Op(":=").Add(client).Dot("send").Call(jen.Id("ctx"), jen.Id("r"), jen.Id("opts"))
		g.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Err()))
		out := jen.Op("&").Id(op.ResponseType).ValuesFunc(func(v *jen.Group) {
			v.Line().Id("StatusCode").Op(":").Id("resp").Dot("StatusCode")
			v.Line().Id("Header").Op(":").Id("resp").Dot("Header")
			for _, h := range op.ResponseHeaders {
				v.Line().Id(h.Name).Op(":").Id("resp").Dot("Header").Dot("Get").Call(jen.Lit(h.Wire))
			}
			v.Line().Id("Body").Op(":").Id("body")
			v.Line()
		})
		if op.ResponseData == nil {
			g.Return(out, jen.Nil())
			return
		}
		g.Id("out").Op(":=").Add(out)
		g.If(jen.Err().Op(":=").Id("decodeJSON").Call(jen.Id("r"), jen.Id("resp"), jen.Id("body"), jen.Op("&").Id("out").Dot("Data")), jen.Err().Op("!=").Nil()).Block(
			jen.Return(jen.Id("out"), jen.Err()),
		)
		g.Return(jen.Id("out"), jen.Nil())
	})
}

// authArg is the runtime auth scheme newRequest gets.
func authArg(a ir.Auth) jen.Code {
	if a.Kind == ir.AuthAPIKey {
		return jen.Id("apiKeyIn").Call(jen.Lit(a.KeyName), jen.Lit(a.KeyIn))
	}
	if a.Kind == ir.AuthBearer && a.Prefix != "" {
		return jen.Id("bearerWith").Call(jen.Lit(a.Prefix))
	}
	return jen.Id(a.Kind.RuntimeName())
}

// emitPath writes r.addPath("/literal") and r.addPathParam("name", value).
func emitPath(g *jen.Group, op *ir.Operation) {
	for _, p := range op.Path {
		if p.Param == nil {
			g.Id("r").Dot("addPath").Call(jen.Lit(p.Literal))
			continue
		}
		send := jen.Id("r").Dot("addPathParam").Call(jen.Lit(p.Param.Wire), stringValue(p.Param, fieldRef(p.Param)))
		if p.Param.Default == nil || p.Param.Required {
			g.Add(send)
			continue
		}
		g.If(presence(p.Param)).Block(send).Else().Block(
			jen.Id("r").Dot("addPathParam").Call(jen.Lit(p.Param.Wire), defaultValue(p.Param)),
		)
	}
}

// baseExpr is the operation's own base URL: a literal, or literal text and
// host variables joined with +; nil for the client's base URL.
func baseExpr(op *ir.Operation) *jen.Statement {
	if op.BaseURL != "" {
		return jen.Lit(op.BaseURL)
	}
	var expr *jen.Statement
	for _, p := range op.BaseTemplate {
		term := jen.Lit(p.Literal)
		if p.Param != nil {
			// r.hostParam("region", params.Region): checked by the runtime.
			term = jen.Id("r").Dot(p.Check.RuntimeName()).Call(jen.Lit(p.Param.Wire), fieldRef(p.Param))
		}
		if expr == nil {
			expr = term
			continue
		}
		expr = expr.Op("+").Add(term)
	}
	return expr
}

// defaultValue is the expression of a field's default wire text:
// "literal" + dynamicGUID() + ...
func defaultValue(f *ir.Field) *jen.Statement {
	var expr *jen.Statement
	for _, p := range f.Default {
		var term jen.Code = jen.Lit(p.Literal)
		if p.Helper != "" {
			term = jen.Id(p.Helper).Call()
		}
		if expr == nil {
			expr = jen.Add(term)
			continue
		}
		expr = expr.Op("+").Add(term)
	}
	return expr
}

// emitHeaders writes the collection's fixed headers.
func emitHeaders(g *jen.Group, op *ir.Operation) {
	for _, h := range op.Headers {
		g.Id("r").Dot("addHeader").Call(jen.Lit(h.Key), jen.Lit(h.Value))
	}
}

// emitFields writes the encoding of every non-path field, in wire order;
// optional fields are sent only when set, or else their default:
//
//	if params.<Field> != "" {
//		r.addHeader("<wire>", params.<Field>)
//	} else {
//		r.addHeader("<wire>", "<text>"+dynamicGUID())
//	}
//
// A GraphQL body collects its members in gql := map[string]any{} and ends
// with r.setJSON(gql).
func emitFields(g *jen.Group, op *ir.Operation) {
	switch op.Body {
	case ir.BodyMultipart:
		g.Id("mp").Op(":=").Id("r").Dot("formData").Call()
	case ir.BodyForm:
		g.Id("form").Op(":=").Id("r").Dot("form").Call()
	case ir.BodyGraphQL:
		g.Id("gql").Op(":=").Map(jen.String()).Any().Values()
	}
	for _, f := range op.Fields {
		if f.In == ir.InPath || f.In == ir.InHost {
			continue
		}
		send, ifSet := sendField(op, f), sendIfSet(f)
		switch {
		case f.Kind == ir.KindGroup:
			g.Add(send) // sends only what is set
		case f.Required && f.Kind != ir.KindFile && f.Kind != ir.KindFiles && f.Kind != ir.KindBytes && f.Kind != ir.KindReader && f.Kind != ir.KindJSON && f.Kind != ir.KindTypedJSON:
			g.Add(send)
		case f.Default != nil && !f.Required:
			g.If(presence(f)).Block(send).Else().Block(sendValue(op, f, defaultValue(f)))
		case ifSet != nil:
			g.Add(ifSet)
		default:
			g.If(presence(f)).Block(send)
		}
	}
	if op.Body == ir.BodyGraphQL {
		g.Id("r").Dot("setJSON").Call(jen.Lit(graphQLContentType(op)), jen.Id("gql"))
	}
}

// sendField is the statement that puts a set field on the wire.
func sendField(op *ir.Operation, f *ir.Field) jen.Code {
	switch f.Kind {
	case ir.KindFlag:
		return jen.Id("r").Dot("addQueryFlag").Call(jen.Lit(f.Wire))
	case ir.KindFiles:
		return jen.For(jen.List(jen.Id("_"), jen.Id("f")).Op(":=").Range().Add(fieldRef(f))).Block(
			jen.Id("mp").Dot("addFile").Call(jen.Lit(f.Wire), jen.Id("f"), jen.Lit(f.ContentType)),
		)
	case ir.KindJSON, ir.KindTypedJSON:
		return sendValue(op, f, fieldRef(f))
	case ir.KindGroup:
		return sendGroup(f)
	}
	return sendValue(op, f, stringValue(f, fieldRef(f)))
}

// sendIfSet is the one call that sends an optional text field only when
// it is set, for a field whose presence test is its text being non-empty
// (the runtime's ...IfSet helpers make that test), or nil for a field
// that needs its own:
//
//	r.addQueryIfSet("<wire>", params.<Field>)
func sendIfSet(f *ir.Field) jen.Code {
	if f.Presence() != ir.PresentNonEmpty { // the string and enum kinds (ir's kind table)
		return nil
	}
	return textCall(f, stringValue(f, fieldRef(f)), "IfSet")
}

// textCall is the runtime call that adds the text v of f where f goes
// (query, header, form or multipart text part), the method named with
// suffix ("" or "IfSet"); nil elsewhere.
func textCall(f *ir.Field, v jen.Code, suffix string) jen.Code {
	switch f.In {
	case ir.InQuery:
		return jen.Id("r").Dot("addQuery"+suffix).Call(jen.Lit(f.Wire), v)
	case ir.InHeader:
		return jen.Id("r").Dot("addHeader"+suffix).Call(jen.Lit(f.Wire), v)
	case ir.InForm:
		return jen.Id("form").Dot("add"+suffix).Call(jen.Lit(f.Wire), v)
	case ir.InMultipart:
		return jen.Id("mp").Dot("addText"+suffix).Call(jen.Lit(f.Wire), v, jen.Lit(f.ContentType))
	}
	return nil
}

// sendValue is the statement that puts the wire text v of field f on the
// wire (a file, reader or raw body is sent as the field itself).
func sendValue(op *ir.Operation, f *ir.Field, v jen.Code) jen.Code {
	switch {
	case f.In == ir.InGraphQL && f.Kind == ir.KindJSON:
		return jen.Id("gql").Index(jen.Lit(f.Wire)).Op("=").Qual("encoding/json", "RawMessage").Call(v)
	case f.In == ir.InGraphQL:
		return jen.Id("gql").Index(jen.Lit(f.Wire)).Op("=").Add(v)
	}
	switch f.In {
	case ir.InQuery, ir.InHeader, ir.InForm:
		return textCall(f, v, "")
	case ir.InMultipart:
		if f.Kind == ir.KindFile {
			return jen.Id("mp").Dot("addFile").Call(jen.Lit(f.Wire), fieldRef(f), jen.Lit(f.ContentType))
		}
		return textCall(f, v, "")
	case ir.InBody:
		switch f.Kind {
		case ir.KindBytes:
			return jen.Id("r").Dot("setRaw").Call(jen.Lit(op.RawContentType), fieldRef(f))
		case ir.KindReader:
			return jen.Id("r").Dot("setReader").Call(jen.Lit(op.RawContentType), fieldRef(f))
		case ir.KindTypedJSON:
			return jen.Id("r").Dot("setJSON").Call(jen.Lit(op.RawContentType), fieldRef(f))
		}
	}
	panic(fmt.Sprintf("cannot send field %s in %v of kind %d", f.Name, f.In, f.Kind))
}

func fieldRef(f *ir.Field) *jen.Statement { return jen.Id("params").Dot(f.Name) }

// presence is the condition under which an optional field is sent, and a
// required one is set.
func presence(f *ir.Field) jen.Code {
	return presenceOf(f, fieldRef(f))
}

// presenceOf is f's presence test of the value ref.
func presenceOf(f *ir.Field, ref *jen.Statement) jen.Code {
	switch f.Presence() {
	case ir.PresentNonNil:
		return ref.Op("!=").Nil()
	case ir.PresentNonEmpty:
		return ref.Op("!=").Lit("")
	case ir.PresentTrue:
		return ref
	case ir.PresentNonEmptySlice:
		return jen.Len(ref).Op(">").Lit(0)
	case ir.PresentNonZeroTime:
		return jen.Op("!").Add(ref).Dot("IsZero").Call()
	case ir.PresentAnyMember:
		return memberPresence(f, ref)
	}
	panic(fmt.Sprintf("no presence test for kind %d", f.Kind))
}

// stringValue converts a field's value to its wire text; nil for a kind
// sent as itself.
func stringValue(f *ir.Field, ref *jen.Statement) jen.Code {
	if f.Pointer() {
		ref = jen.Op("*").Add(ref)
	}
	switch f.Kind.Info().Wire {
	case ir.WireString:
		return ref
	case ir.WireTime:
		return ref.Dot("Format").Call(timeLayoutCode(f.Layout))
	case ir.WireDate:
		return ref.Dot("Format").Call(jen.Qual("time", "DateOnly"))
	case ir.WireEnum:
		return jen.String().Call(ref)
	case ir.WireBool:
		return jen.Qual("strconv", "FormatBool").Call(ref)
	case ir.WireInt:
		return jen.Qual("strconv", "FormatInt").Call(ref, jen.Lit(10))
	case ir.WireFloat:
		return jen.Qual("strconv", "FormatFloat").Call(ref, jen.LitRune('f'), jen.Lit(-1), jen.Lit(64))
	}
	return nil
}

// goType is the field's Go type.
func goType(f *ir.Field) jen.Code {
	t := f.Kind.Info().Type
	switch {
	case f.Kind == ir.KindEnum:
		t = ir.GoType{Name: f.Enum.Name}
	case f.Kind == ir.KindTypedJSON:
		return nilableJSONType(f.JSON)
	case f.Kind == ir.KindGroup:
		return groupType(f)
	}
	if f.Pointer() {
		t.Pointer = true
	}
	return goTypeCode(t)
}

// goTypeCode writes t; a package type is qualified, so its import is added.
func goTypeCode(t ir.GoType) jen.Code {
	var c *jen.Statement
	if t.Package != "" {
		c = jen.Qual(t.Package, t.Name)
	} else {
		c = jen.Id(t.Name)
	}
	if t.Pointer {
		c = jen.Op("*").Add(c)
	}
	if t.Slice {
		c = jen.Index().Add(c)
	}
	return c
}

// graphQLContentType is the Content-Type of a GraphQL body: the
// collection's header when it gives one, else JSON as Postman sends it.
func graphQLContentType(op *ir.Operation) string {
	if op.RawContentType != "" {
		return op.RawContentType
	}
	return "application/json"
}

// timeLayoutCode is time.RFC3339 for that layout, else the layout as a
// literal (fractional digits the collection's example shows).
func timeLayoutCode(layout string) jen.Code {
	if layout == time.RFC3339 {
		return jen.Qual("time", "RFC3339")
	}
	return jen.Lit(layout)
}
