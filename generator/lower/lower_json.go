package lower

import (
	"fmt"
	"strings"

	"github.com/postman2go/postman2go/generator/ir"
	"github.com/postman2go/postman2go/parser"
)

// IsJSONMedia reports whether a Content-Type names JSON (application/json,
// application/problem+json, text/json; charset=...).
func IsJSONMedia(ct string) bool {
	mt, _, _ := strings.Cut(strings.ToLower(ct), ";")
	mt = strings.TrimSpace(mt)
	return mt == "application/json" || mt == "text/json" || strings.HasSuffix(mt, "+json")
}

// jsonBody types a raw JSON body from the request's example and those of
// every saved example's originalRequest. It adds two fields: Body, the
// typed value sent as JSON, and RawBody, bytes sent verbatim (the example,
// or anything the typed struct cannot say). It reports false when the body
// is not JSON, leaving the raw-bytes field to the caller.
func (l *lowerer) jsonBody(op *ir.Operation, ri *parser.RequestItem, fields *scope, example string) bool {
	if !IsJSONMedia(op.RawContentType) {
		return false
	}
	root, ok := parseJSONExample(example)
	if !ok || !(root.IsObject() || root.IsArray()) {
		return false
	}
	s := newShape()
	s.observe(root, 0)
	for _, r := range ri.Responses {
		if or := r.OriginalRequest; or != nil && or.Body != nil && or.Body.Mode == "raw" {
			if v, ok := parseJSONExample(or.Body.Raw); ok && (v.IsObject() || v.IsArray()) {
				s.observe(v, 0)
			}
		}
	}
	t := l.buildJSON(op, ri, s, op.Name+"Request", "request body", false)
	typed := &ir.Field{
		Name: fields.unique("Body"), Wire: "body", In: ir.InBody, Kind: ir.KindTypedJSON, JSON: t, Example: l.resolve(example),
		Doc:      []string{"Body is sent as JSON when set; its type is inferred from the collection's example bodies."},
		Evidence: "JSON body examples",
	}
	raw := &ir.Field{
		Name: fields.unique("RawBody"), Wire: "body", In: ir.InBody, Kind: ir.KindBytes,
		Doc:     []string{"RawBody, when set instead of " + typed.Name + ", is sent as it is (" + op.RawContentType + ")."},
		Example: l.resolve(example), Evidence: "raw body",
	}
	op.Fields = append(op.Fields, typed, raw)
	return true
}

// responseData types the JSON body of the 2xx examples: those of the lowest
// 2xx status that has one, merged.
func (l *lowerer) responseData(op *ir.Operation, ri *parser.RequestItem) *ir.JSONType {
	status := 0
	s := newShape()
	for _, r := range ri.Responses {
		if r.Code < 200 || r.Code > 299 || (status != 0 && r.Code != status) || !responseIsJSON(r) {
			continue
		}
		v, ok := parseJSONExample(r.Body)
		if !ok || !(v.IsObject() || v.IsArray()) {
			continue
		}
		if status == 0 {
			status = r.Code
		}
		s.observe(v, 0)
	}
	if s.seen == 0 || (s.object > 0 && len(s.keys) == 0 && s.array == 0) {
		return nil // no example, or only {}: nothing to type
	}
	return l.buildJSON(op, ri, s, op.Name+"ResponseBody", "response body", true)
}

func responseIsJSON(r *parser.Response) bool {
	for _, h := range r.Headers {
		if strings.EqualFold(strings.TrimSpace(h.Key), "Content-Type") {
			return IsJSONMedia(h.Value)
		}
	}
	return r.PreviewLanguage == "json"
}

// buildJSON types a body; times types date-time strings as time.Time (see
// typeBuilder.times).
func (l *lowerer) buildJSON(op *ir.Operation, ri *parser.RequestItem, s *shape, name, what string, times bool) *ir.JSONType {
	b := &typeBuilder{
		times:  times,
		names:  l.names,
		prefix: op.Name,
		keys:   l.structKeys,
		conflict: func(path string) {
			l.warnf(ri, "%s at $%s: the examples disagree on the type; it is json.RawMessage", what, path)
		},
		enumFor: func(key string, values []string) *ir.Field {
			return l.enumParam(op, key, values)
		},
	}
	t := b.build(s, "", name, nil, "", 0)
	l.pkg.Structs = append(l.pkg.Structs, b.structs...)
	return t
}

// enumParam finds the operation's enum param named key whose documented
// values include every one of values. Response fields typed this way still
// decode values the server adds later: the enum is a string type, and Valid
// tells whether a value is documented.
func (l *lowerer) enumParam(op *ir.Operation, key string, values []string) *ir.Field {
	for _, f := range op.Fields {
		if f.Kind != ir.KindEnum || f.Wire != key {
			continue
		}
		all := true
		for _, v := range values {
			all = all && contains(f.EnumValues, v)
		}
		if all {
			return f
		}
	}
	return nil
}

// errorData types the JSON bodies of the error examples, one type per
// status (examples of one status merged), named <Op>Error<Status>.
func (l *lowerer) errorData(op *ir.Operation, ri *parser.RequestItem) []ir.ErrorBody {
	shapes := map[int]*shape{}
	var order []int
	for _, r := range ri.Responses {
		if r.Code < 300 || r.Code > 599 || !responseIsJSON(r) {
			continue
		}
		v, ok := parseJSONExample(r.Body)
		if !ok || !(v.IsObject() || v.IsArray()) {
			continue
		}
		if shapes[r.Code] == nil {
			shapes[r.Code] = newShape()
			order = append(order, r.Code)
		}
		shapes[r.Code].observe(v, 0)
	}
	var out []ir.ErrorBody
	for _, status := range order {
		s := shapes[status]
		if s.object > 0 && len(s.keys) == 0 && s.array == 0 {
			continue // only {}
		}
		t := l.buildJSON(op, ri, s, fmt.Sprintf("%sError%d", op.Name, status), fmt.Sprintf("HTTP %d body", status), true)
		out = append(out, ir.ErrorBody{Status: status, Type: t})
	}
	return out
}
