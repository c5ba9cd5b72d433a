package emit

import (
	"fmt"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/postman2go/postman2go/generator/doctext"
	"github.com/postman2go/postman2go/generator/ir"
)

// emitPaging writes the iterators of a list operation that pages (see
// templates/runtime/paging.go):
//
//	// <Name>Pages iterates over the pages of <Name>: ...
//	func (c *Client) <Name>Pages(ctx context.Context, params <Name>Params, opts ...RequestOption) iter.Seq2[*<Name>Response, error] {
//		return paginate(ctx, func() *<Name>Params { p := params; return &p }, func(ctx context.Context, p *<Name>Params) (*<Name>Response, error) {
//			return c.<Name>(ctx, *p, opts...)
//		}, func(p *<Name>Params, r *<Name>Response) (bool, error) {
//			<the rule: p advanced to the next page>
//		})
//	}
//
//	// <Name>All iterates over the items of every page of <Name>: ...
//	func (c *Client) <Name>All(ctx context.Context, params <Name>Params, opts ...RequestOption) iter.Seq2[<Item>, error] {
//		return pageItems(c.<Name>Pages(ctx, params, opts...), (*<Name>Response).items)
//	}
//
//	// items are the page's <items key>.
//	func (r *<Name>Response) items() []<Item> { ... }
func emitPaging(f *jen.File, op *ir.Operation) {
	pg := op.Paging
	respPtr := jen.Op("*").Id(op.ResponseType)
	Comment(f.Group, pagesDoc(op)...)
	// What each page changes: the params, or for a next link the URL.
	// paginate advances the state through a pointer (see its doc: one
	// compiled paginate for every operation), a new one per range.
	state := jen.Op("*").Id(op.ParamsType)
	start := jen.Func().Params().Add(state.Clone()).Block(
		jen.Id("p").Op(":=").Id("params"),
		jen.Return(jen.Op("&").Id("p")),
	)
	fetch := jen.Return(jen.Id("c").Dot(op.Name).Call(jen.Id("ctx"), jen.Op("*").Id("p"), jen.Id("opts").Op("...")))
	var next jen.Code
	if pg.Kind != ir.PageNextLink {
		next = jen.Func().Params(jen.Id("p").Op("*").Id(op.ParamsType), jen.Id("r").Add(respPtr.Clone())).Params(jen.Bool(), jen.Error()).Block(
			nextPageCode(pg)...,
		)
	} else {
		state = jen.Op("*").String()
		start = jen.Func().Params().Add(state.Clone()).Block(jen.Return(jen.New(jen.String())))
		fetch = jen.Return(jen.Id("c").Dot(op.Name).Call(jen.Id("ctx"), jen.Id("params"),
			jen.Append(jen.Id("opts").Index(jen.Op(":").Len(jen.Id("opts")).Op(":").Len(jen.Id("opts"))), jen.Id("atPage").Call(jen.Op("*").Id("p"))).Op("...")))
		link := jen.Id("bodyText").Call(append([]jen.Code{jen.Id("r").Dot("Body")}, lits(pg.Next)...)...)
		if pg.LinkHeader {
			link = jen.Id("linkNext").Call(jen.Id("r").Dot("Header"))
		}
		next = jen.Func().Params(jen.Id("sent").Op("*").String(), jen.Id("r").Add(respPtr.Clone())).Params(jen.Bool(), jen.Error()).Block(
			jen.List(jen.Id("next"), jen.Id("more"), jen.Err()).Op(":=").Id("nextToken").Call(jen.Op("*").Id("sent"), link),
			jen.Op("*").Id("sent").Op("=").Id("next"),
			jen.Return(jen.Id("more"), jen.Err()),
		)
	}
	f.Func().Params(jen.Id("c").Op("*").Id("Client")).Id(pg.PagesMethod).Params(
		jen.Id("ctx").Qual("context", "Context"),
		jen.Id("params").Id(op.ParamsType),
		jen.Id("opts").Op("...").Id("RequestOption"),
	).Qual("iter", "Seq2").Types(respPtr.Clone(), jen.Error()).Block(
		jen.Return(jen.Id("paginate").Call(
			jen.Id("ctx"), start,
			jen.Func().Params(jen.Id("ctx").Qual("context", "Context"), jen.Id("p").Add(state)).Params(respPtr.Clone(), jen.Error()).Block(fetch),
			next,
		)),
	)
	if pg.AllMethod == "" {
		return
	}
	item := jsonTypeCode(pg.ItemType)
	f.Line()
	Comment(f.Group, doctext.Wrap(fmt.Sprintf("%s iterates over the items of every page of %s, in order (see %s). An error ends the iteration.", pg.AllMethod, op.Name, pg.PagesMethod))...)
	Comment(f.Group,
		"",
		"\tfor item, err := range c."+pg.AllMethod+"(ctx, params) {",
		"\t\tif err != nil {",
		"\t\t\treturn err",
		"\t\t}",
		"\t\t// use item",
		"\t}",
	)
	f.Func().Params(jen.Id("c").Op("*").Id("Client")).Id(pg.AllMethod).Params(
		jen.Id("ctx").Qual("context", "Context"),
		jen.Id("params").Id(op.ParamsType),
		jen.Id("opts").Op("...").Id("RequestOption"),
	).Qual("iter", "Seq2").Types(item, jen.Error()).Block(
		jen.Return(jen.Id("pageItems").Call(
			jen.Id("c").Dot(pg.PagesMethod).Call(jen.Id("ctx"), jen.Id("params"), jen.Id("opts").Op("...")),
			jen.Parens(respPtr.Clone()).Dot("items"),
		)),
	)
	f.Line()
	Comment(f.Group, fmt.Sprintf("items are the page's %s.", itemsName(pg)))
	f.Func().Params(jen.Id("r").Add(respPtr.Clone())).Id("items").Params().Index().Add(jsonTypeCode(pg.ItemType)).BlockFunc(func(g *jen.Group) {
		if len(pg.Items) == 0 {
			g.Return(jen.Id("r").Dot("Data"))
			return
		}
		g.If(jen.Id("r").Dot("Data").Op("==").Nil()).Block(jen.Return(jen.Nil()))
		g.Return(jen.Id("r").Dot("Data").Dot(pg.Items[0].Name))
	})
}

func lits(keys []string) []jen.Code {
	out := make([]jen.Code, len(keys))
	for i, k := range keys {
		out[i] = jen.Lit(k)
	}
	return out
}

func itemsName(pg *ir.Paging) string {
	if len(pg.Items) == 0 {
		return "body items"
	}
	return fmt.Sprintf("%q", pg.Items[0].Key)
}

// pagesDoc says what the Pages iterator sends.
func pagesDoc(op *ir.Operation) []string {
	pg := op.Paging
	var param, rule string
	if pg.Param != nil {
		param = fmt.Sprintf("%s (%s)", pg.Param.Name, pg.Param.Wire)
	}
	switch pg.Kind {
	case ir.PageNextLink:
		where := "each page's " + strings.Join(pg.Next, ".")
		if pg.LinkHeader {
			where = `each page's Link header rel="next"`
		}
		rule = "then the link in " + where + " (on the API's own host only, else ErrPageElsewhere), until a page has none"
	case ir.PageToken:
		rule = fmt.Sprintf("then again with %s set to each page's %s, until a page has none", param, strings.Join(pg.Next, "."))
	case ir.PageAfterID:
		rule = fmt.Sprintf("then again with %s set to the last item's %s while the page's %s is true", param, pg.ItemID.Key, strings.Join(pg.Next, "."))
	case ir.PageNumber:
		rule = fmt.Sprintf("then again with %s counting up from %d, until a page has no items", param, pg.FirstPage)
		if pg.PageCount != nil {
			rule += " or its " + strings.Join(pg.PageCount, ".") + " is reached"
		}
	case ir.PageOffset:
		rule = fmt.Sprintf("then again with %s moved on by the items of each page, until a page has none", param)
	}
	return doctext.Wrap(fmt.Sprintf("%s iterates over the pages of %s: it sends params, %s, or until the loop stops. Every request is a call of %s with the same options; an error ends the iteration, yielded with the response it came with.", pg.PagesMethod, op.Name, rule, op.Name))
}

// nextPageCode is the body of the function that advances p to the next
// page by the rule, and reports whether there is one.
func nextPageCode(pg *ir.Paging) []jen.Code {
	p := jen.Id("p").Dot(pg.Param.Name)
	body := jen.Id("r").Dot("Body")
	path := func(keys []string) []jen.Code {
		out := []jen.Code{body}
		for _, k := range keys {
			out = append(out, jen.Lit(k))
		}
		return out
	}
	items := jen.Id("r").Dot("items").Call()
	switch pg.Kind {
	case ir.PageToken:
		return []jen.Code{
			jen.List(jen.Id("next"), jen.Id("more"), jen.Err()).Op(":=").Id("nextToken").Call(p.Clone(), jen.Id("bodyText").Call(path(pg.Next)...)),
			p.Clone().Op("=").Id("next"),
			jen.Return(jen.Id("more"), jen.Err()),
		}
	case ir.PageAfterID:
		return []jen.Code{
			jen.Id("items").Op(":=").Add(items),
			jen.If(jen.Len(jen.Id("items")).Op("==").Lit(0).Op("||").Op("!").Id("bodyBool").Call(path(pg.Next)...)).Block(
				jen.Return(jen.False(), jen.Nil()),
			),
			jen.List(jen.Id("next"), jen.Id("more"), jen.Err()).Op(":=").Id("nextToken").Call(p.Clone(), jen.Id("items").Index(jen.Len(jen.Id("items")).Op("-").Lit(1)).Dot(pg.ItemID.Name)),
			p.Clone().Op("=").Id("next"),
			jen.Return(jen.Id("more"), jen.Err()),
		}
	}
	// Page numbers and offsets: the current number, the next, and how it
	// is written back.
	var current []jen.Code
	var set jen.Code
	switch {
	case pg.Param.Kind == ir.KindString:
		current = []jen.Code{
			jen.List(jen.Id("n"), jen.Err()).Op(":=").Id("pageText").Call(p.Clone(), jen.Lit(int(firstOf(pg)))),
			jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.False(), jen.Err())),
		}
		set = p.Clone().Op("=").Qual("strconv", "FormatInt").Call(jen.Id("next"), jen.Lit(10))
	case pg.Param.Pointer():
		current = []jen.Code{
			jen.Id("n").Op(":=").Int64().Call(jen.Lit(int(firstOf(pg)))),
			jen.If(p.Clone().Op("!=").Nil()).Block(jen.Id("n").Op("=").Op("*").Add(p.Clone())),
		}
		set = p.Clone().Op("=").Id("Ptr").Call(jen.Id("next"))
	default:
		current = []jen.Code{jen.Id("n").Op(":=").Add(p.Clone())}
		set = p.Clone().Op("=").Id("next")
	}
	var next jen.Code
	if pg.Kind == ir.PageNumber {
		args := []jen.Code{jen.Id("n"), jen.Lit(int(pg.FirstPage)), jen.Len(items)}
		if pg.PageCount != nil {
			args = append(args, path(pg.PageCount)...)
		} else {
			args = append(args, body)
		}
		next = jen.List(jen.Id("next"), jen.Id("more")).Op(":=").Id("nextPage").Call(args...)
	} else {
		next = jen.List(jen.Id("next"), jen.Id("more")).Op(":=").Id("nextOffset").Call(jen.Id("n"), jen.Len(items))
	}
	return append(current, next, set, jen.Return(jen.Id("more"), jen.Nil()))
}

// firstOf is where counting starts when the param is unset: the first page
// or offset 0.
func firstOf(pg *ir.Paging) int64 {
	if pg.Kind == ir.PageNumber {
		return pg.FirstPage
	}
	return 0
}
