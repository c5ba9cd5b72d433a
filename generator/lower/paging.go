package lower

import (
	"slices"
	"strings"

	"github.com/tidwall/gjson"

	"github.com/postman2go/postman2go/generator/ir"
	"github.com/postman2go/postman2go/parser"
)

// Paging: which list operations page and how, from the operation alone: its
// query params and its 2xx JSON examples. Keys compare without case, "_"
// and "-" (next_page_token = nextPageToken). In order of preference:
//
//   - token: a query param next_page_token, page_token, next_token, cursor,
//     continuation_token (or page_cursor) and a next token in the response
//     examples (next_page_token, next_token, next_cursor,
//     continuation_token, also nested: response_metadata.next_cursor). A
//     next_page_token or next_token param without one in the examples is
//     read from the same key of the body.
//   - starting_after (Stripe): the last item's id while has_more is true.
//   - page number: page, page_number, page_no, page_index, counting up until
//     a page has no items, or the examples' page_count/total_pages says so.
//   - offset: offset or skip, moved on by the items of each page
//     until a page has none.
//
// The number and offset rules need the items' list: the response's only
// array, or the one named in the operation's name (ListMeetings →
// meetings), or one named data, items, results, records, entries, values.

var (
	tokenParams    = []string{"nextpagetoken", "pagetoken", "nexttoken", "cursor", "pagecursor", "continuationtoken"}
	tokenKeys      = []string{"nextpagetoken", "nexttoken", "nextcursor", "continuationtoken", "nextpagecursor"}
	afterParams    = []string{"startingafter"}
	hasMoreKeys    = []string{"hasmore"}
	pageParams     = []string{"page", "pagenumber", "pageno", "pagenum", "pageindex"}
	pageCountKeys  = []string{"pagecount", "totalpages", "pages", "lastpage"}
	offsetParams   = []string{"offset", "skip"}
	listFieldNames = []string{"data", "items", "results", "records", "entries", "values"}
)

// pagingKey is a key as the rules compare it.
func pagingKey(k string) string { return pagingKeyDrop.Replace(strings.ToLower(k)) }

// pagingKeyDrop is built once: a Replacer builds its tables on first use,
// which cost more than the replacing (7.6 of 28 s of lowering 100,000
// requests when it was built per key).
var pagingKeyDrop = strings.NewReplacer("_", "", "-", "", " ", "")

// paging decides op.Paging; the config can turn it off, or ask for it (a
// warning when no rule applies).
func (l *lowerer) paging(op *ir.Operation, ri *parser.RequestItem) *ir.Paging {
	oc, _, _ := l.opConfig(ri)
	if oc.Paginate != nil && !*oc.Paginate {
		return nil
	}
	p := l.detectPaging(op, ri)
	if p == nil {
		if oc.Paginate != nil {
			l.warnf(ri, "config: paginate is on, but no paging rule applies (see README, Paging): no iterator")
		}
		return nil
	}
	p.PagesMethod = l.uniqueMethod(op.Name + "Pages")
	if p.ItemType != nil {
		p.AllMethod = l.uniqueMethod(op.Name + "All")
	}
	return p
}

func (l *lowerer) detectPaging(op *ir.Operation, ri *parser.RequestItem) *ir.Paging {
	examples := successJSONExamples(ri)
	items, itemType := listItems(op)
	if f := queryParam(op, tokenParams, ir.KindString); f != nil {
		next := keyPath(examples, tokenKeys)
		if next == nil && strings.HasPrefix(pagingKey(f.Wire), "next") {
			next = []string{f.Wire}
		}
		if next != nil {
			return &ir.Paging{Kind: ir.PageToken, Param: f, Next: next, Items: items, ItemType: itemType}
		}
	}
	if f := queryParam(op, afterParams, ir.KindString); f != nil && itemType != nil && itemType.Struct != nil {
		id := structField(itemType.Struct, "id")
		if more := keyPath(examples, hasMoreKeys); more != nil && id != nil && id.Type.Kind == ir.JSONString && !id.Type.Pointer {
			return &ir.Paging{Kind: ir.PageAfterID, Param: f, Next: more, Items: items, ItemType: itemType, ItemID: id}
		}
	}
	if itemType == nil {
		return nil
	}
	if f := queryParam(op, pageParams, ir.KindInt, ir.KindString); f != nil {
		first := int64(1)
		if strings.TrimSpace(f.Example) == "0" {
			first = 0
		}
		return &ir.Paging{Kind: ir.PageNumber, Param: f, PageCount: keyPath(examples, pageCountKeys), FirstPage: first, Items: items, ItemType: itemType}
	}
	if f := queryParam(op, offsetParams, ir.KindInt, ir.KindString); f != nil {
		return &ir.Paging{Kind: ir.PageOffset, Param: f, Items: items, ItemType: itemType}
	}
	return nil
}

// queryParam is the first query param, in the order of names, whose key is
// one of names and whose kind is one of kinds.
func queryParam(op *ir.Operation, names []string, kinds ...ir.Kind) *ir.Field {
	for _, n := range names {
		for _, f := range op.Fields {
			if f.In == ir.InQuery && pagingKey(f.Wire) == n && slices.Contains(kinds, f.Kind) {
				return f
			}
		}
	}
	return nil
}

// successJSONExamples are the 2xx JSON bodies of the saved examples.
func successJSONExamples(ri *parser.RequestItem) []gjson.Result {
	var out []gjson.Result
	for _, r := range ri.Responses {
		if r.Code < 200 || r.Code > 299 || !responseIsJSON(r) {
			continue
		}
		if v, ok := parseJSONExample(r.Body); ok && v.IsObject() {
			out = append(out, v)
		}
	}
	return out
}

// keyPath finds, in the examples' objects (three levels deep, arrays not
// entered), the path of the first key of keys found, in the order of keys.
func keyPath(examples []gjson.Result, keys []string) []string {
	for _, want := range keys {
		for _, ex := range examples {
			if p := findKey(ex, want, 0); p != nil {
				return p
			}
		}
	}
	return nil
}

func findKey(obj gjson.Result, want string, depth int) []string {
	var found []string
	obj.ForEach(func(k, v gjson.Result) bool {
		if pagingKey(k.String()) == want {
			found = []string{k.String()}
			return false
		}
		return true
	})
	if found != nil || depth >= 2 {
		return found
	}
	obj.ForEach(func(k, v gjson.Result) bool {
		if v.IsObject() {
			if p := findKey(v, want, depth+1); p != nil {
				found = append([]string{k.String()}, p...)
				return false
			}
		}
		return true
	})
	return found
}

// listItems finds the list of items in the operation's response data.
func listItems(op *ir.Operation) ([]*ir.StructField, *ir.JSONType) {
	t := op.ResponseData
	switch {
	case t == nil:
		return nil, nil
	case t.Kind == ir.JSONSlice:
		return []*ir.StructField{}, t.Elem
	case t.Kind != ir.JSONStruct:
		return nil, nil
	}
	var lists []*ir.StructField
	for _, f := range t.Struct.Fields {
		if f.Type.Kind == ir.JSONSlice && f.Type.Elem.Kind != ir.JSONRaw {
			lists = append(lists, f)
		}
	}
	pick := func(f *ir.StructField) ([]*ir.StructField, *ir.JSONType) {
		return []*ir.StructField{f}, f.Type.Elem
	}
	if len(lists) == 1 {
		return pick(lists[0])
	}
	for _, f := range lists {
		if strings.Contains(op.Name, f.Name) {
			return pick(f)
		}
	}
	for _, f := range lists {
		if slices.Contains(listFieldNames, pagingKey(f.Key)) {
			return pick(f)
		}
	}
	return nil, nil
}

func structField(st *ir.Struct, key string) *ir.StructField {
	for _, f := range st.Fields {
		if f.Key == key {
			return f
		}
	}
	return nil
}

// uniqueMethod takes a free Client method name: base, or base with a
// number.
func (l *lowerer) uniqueMethod(base string) string {
	return l.methods.unique(base)
}
