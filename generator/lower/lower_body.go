package lower

// Bodies: each Postman body mode becomes fields and a wire encoding.

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"

	"github.com/postman2go/postman2go/generator/ir"
	"github.com/postman2go/postman2go/parser"
)

// rawContentTypes is what Postman sends for a raw body without a
// Content-Type header.
var rawContentTypes = map[string]string{
	"json": "application/json", "xml": "application/xml", "text": "text/plain",
	"javascript": "application/javascript", "html": "text/html", "": "text/plain",
}

func (l *lowerer) body(op *ir.Operation, ri *parser.RequestItem, fields *scope) {
	b := ri.Request.Body
	if b == nil || b.Disabled || b.Mode == "" {
		return
	}
	if bodyPruned(ri) {
		// Postman's runtime drops it, so the wire has none: neither has the client.
		l.warnf(ri, "the collection gives a %s request a body, which Postman does not send; the client sends none either", ri.Request.Method)
		return
	}
	before := len(op.Fields)
	defer func() {
		if (op.Body == ir.BodyMultipart || op.Body == ir.BodyForm) && len(op.Fields) == before {
			op.Body = ir.BodyNone // no usable entry: Postman sends no body
		}
	}()
	switch b.Mode {
	case "formdata":
		op.Body = ir.BodyMultipart
		for i := range b.FormData {
			p := b.FormData[i]
			key, ok := l.wireName(ri, p, p.Key, "form-data part")
			if !ok {
				continue
			}
			ev := l.evidenceFor(ri, &b.FormData[i], func(r *parser.Request) []parser.Param {
				if r.Body == nil {
					return nil
				}
				return r.Body.FormData
			})
			f := l.field(fields, key, ir.InMultipart, ev)
			if ct := l.resolve(p.ContentType); !strings.Contains(ct, "{{") {
				f.ContentType = ct
			}
			if p.Type == "file" {
				f.Kind, f.Enum, f.Evidence, f.Default = ir.KindFile, nil, "form-data file part", nil
				if len(p.Src) > 1 {
					// src as an array: one part per file, all with this name.
					f.Kind, f.Evidence = ir.KindFiles, "form-data file part with several files"
					f.Doc = append(f.Doc, fmt.Sprintf("Each file is sent as its own part named %q.", key))
				}
				f.EnumValues = nil
			}
			if p.Disabled {
				disabled(f)
			}
			op.Fields = append(op.Fields, f)
		}
	case "urlencoded":
		op.Body = ir.BodyForm
		for i := range b.URLEncoded {
			p := b.URLEncoded[i]
			key, ok := l.wireName(ri, p, p.Key, "form field")
			if !ok {
				continue
			}
			ev := l.evidenceFor(ri, &b.URLEncoded[i], func(r *parser.Request) []parser.Param {
				if r.Body == nil {
					return nil
				}
				return r.Body.URLEncoded
			})
			f := l.field(fields, key, ir.InForm, ev)
			if p.Disabled {
				disabled(f)
			}
			op.Fields = append(op.Fields, f)
		}
	case "graphql":
		op.Body = ir.BodyGraphQL
		l.graphQL(op, b, fields)
	case "raw":
		op.Body = ir.BodyRaw
		example := b.Raw
		if op.RawContentType == "" {
			op.RawContentType = rawContentTypes[b.Language]
		}
		if l.jsonBody(op, ri, fields, example) {
			break
		}
		op.Fields = append(op.Fields, &ir.Field{
			Name: fields.unique("Body"), Wire: "body", In: ir.InBody, Kind: ir.KindBytes,
			Doc:     []string{"Body is sent as the request body (" + op.RawContentType + ")."},
			Example: example, Evidence: "raw body",
		})
	case "file":
		op.Body = ir.BodyFile
		if op.RawContentType == "" {
			op.RawContentType = "application/octet-stream" // what newman sends for a file body
		}
		op.Fields = append(op.Fields, &ir.Field{
			Name: fields.unique("Body"), Wire: "body", In: ir.InBody, Kind: ir.KindReader,
			Doc:      []string{"Body is streamed as the request body."},
			Evidence: "file body",
		})
	default:
		panic("unknown body mode " + b.Mode)
	}
}

func bodyPruned(ri *parser.RequestItem) bool {
	switch ri.Request.Method {
	case http.MethodGet, http.MethodHead, "COPY", "PURGE", "UNLOCK":
	default:
		return false
	}
	if v, ok := ri.Behavior("disableBodyPruning"); ok {
		return v != "true"
	}
	return true
}

// graphQL adds the members of a GraphQL request: the query, the variables
// (JSON text) and the operation name, each defaulting to the collection's
// text when that text holds no variable the client cannot fill.
func (l *lowerer) graphQL(op *ir.Operation, b *parser.Body, fields *scope) {
	member := func(name, wire string, kind ir.Kind, text, doc string) {
		f := &ir.Field{Name: fields.unique(name), Wire: wire, In: ir.InGraphQL, Kind: kind, Evidence: "graphql body"}
		f.Doc = []string{fmt.Sprintf("%s is the GraphQL %s.", f.Name, doc)}
		text = l.resolve(strings.TrimSpace(text))
		switch {
		case text == "":
		case strings.Contains(text, "{{"):
			f.Example = text
		case kind == ir.KindJSON && !json.Valid([]byte(text)):
			f.Example = text
		default:
			f.Default = []ir.ValuePart{{Literal: text}}
			f.Doc = append(f.Doc, "Left empty, the collection's text is sent.")
		}
		if wire == "query" && f.Default == nil {
			f.Required = true
		}
		op.Fields = append(op.Fields, f)
	}
	member("Query", "query", ir.KindString, b.GraphQLQuery, "query document")
	member("Variables", "variables", ir.KindJSON, b.GraphQLVariables, "variables, a JSON object")
	member("OperationName", "operationName", ir.KindString, b.GraphQLOperation, "operation to run")
}
