package emit

import (
	"bytes"
	"encoding/json"
	"sort"
	"strconv"

	"github.com/dave/jennifer/jen"

	"github.com/postman2go/postman2go/generator/ir"
)

// A godoc example of a JSON body shows the typed Body built from the
// collection's example, not the example as an escaped RawBody string.

// typedBodyExample is &T{...} for the example JSON text of a typed body
// field, or nil when the text does not decode strictly or does not fit the
// type (a {{variable}} left in it, a <placeholder> where a number is).
func typedBodyExample(fd *ir.Field) jen.Code {
	if fd.Example == "" || fd.JSON == nil {
		return nil
	}
	dec := json.NewDecoder(bytes.NewReader([]byte(fd.Example)))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil || dec.More() {
		return nil
	}
	t := *fd.JSON
	if t.Kind == ir.JSONStruct {
		t.Pointer = true // Body is *T
	}
	lit, ok := jsonLiteral(&t, v, false)
	if !ok {
		return nil
	}
	return lit
}

// jsonLiteral is the Go value of type t for the decoded JSON v; inElem
// leaves out a struct's type name where Go infers it (an element of a slice
// or map of structs).
func jsonLiteral(t *ir.JSONType, v any, inElem bool) (jen.Code, bool) {
	if v == nil {
		return jen.Nil(), t.Pointer || t.Kind == ir.JSONSlice || t.Kind == ir.JSONMap || t.Kind == ir.JSONRaw
	}
	ptr := func(conv *jen.Statement, lit jen.Code) jen.Code { return ptrLiteral(jen.Id, t.Pointer, conv, lit) }
	switch t.Kind {
	case ir.JSONRaw:
		raw, err := json.Marshal(v)
		if err != nil {
			return nil, false
		}
		return jen.Qual("encoding/json", "RawMessage").Call(jen.Lit(string(raw))), true
	case ir.JSONBool:
		b, ok := v.(bool)
		return ptr(nil, jen.Lit(b)), ok
	case ir.JSONInt:
		n, ok := v.(json.Number)
		i, err := n.Int64()
		if !ok || err != nil {
			return nil, false
		}
		return ptr(jen.Int64(), jen.Op(strconv.FormatInt(i, 10))), true
	case ir.JSONFloat:
		n, ok := v.(json.Number)
		x, err := n.Float64()
		if !ok || err != nil {
			return nil, false
		}
		return ptr(jen.Float64(), jen.Op(strconv.FormatFloat(x, 'g', -1, 64))), true
	case ir.JSONString:
		s, ok := v.(string)
		if !ok {
			return nil, false
		}
		if e := t.EnumOf; e != nil && e.Kind == ir.KindEnum && e.Enum != nil {
			for _, ev := range e.Enum.Values {
				if ev.Value == s {
					return ptr(nil, jen.Id(ev.Const)), true
				}
			}
			return ptr(nil, jen.Id(e.Enum.Name).Call(jen.Lit(s))), true
		}
		return ptr(nil, jen.Lit(s)), true
	case ir.JSONSlice:
		list, ok := v.([]any)
		if !ok {
			return nil, false
		}
		var elems []jen.Code
		for _, e := range list {
			lit, ok := jsonLiteral(t.Elem, e, true)
			if !ok {
				return nil, false
			}
			elems = append(elems, jen.Line().Add(lit))
		}
		if len(elems) > 0 {
			elems = append(elems, jen.Line())
		}
		return jen.Index().Add(jsonTypeCode(t.Elem)).Values(elems...), true
	case ir.JSONMap:
		obj, ok := v.(map[string]any)
		if !ok {
			return nil, false
		}
		keys := make([]string, 0, len(obj))
		for k := range obj {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		var pairs []jen.Code
		for _, k := range keys {
			lit, ok := jsonLiteral(t.Elem, obj[k], true)
			if !ok {
				return nil, false
			}
			pairs = append(pairs, jen.Line().Lit(k).Op(":").Add(lit))
		}
		if len(pairs) > 0 {
			pairs = append(pairs, jen.Line())
		}
		return jen.Map(jen.String()).Add(jsonTypeCode(t.Elem)).Values(pairs...), true
	case ir.JSONStruct:
		obj, ok := v.(map[string]any)
		if !ok {
			return nil, false
		}
		var fields []jen.Code
		for _, sf := range t.Struct.Fields {
			fv, present := obj[sf.Key]
			if s, isText := fv.(string); !present || fv == nil || isText && s != "" && !ir.IsConcreteText(s) {
				continue // unset, or a <placeholder> or {{variable}}: left to the caller
			}
			lit, ok := jsonLiteral(sf.Type, fv, false)
			if !ok {
				return nil, false
			}
			fields = append(fields, jen.Line().Id(sf.Name).Op(":").Add(lit))
		}
		if len(fields) > 0 {
			fields = append(fields, jen.Line())
		}
		if inElem && !t.Pointer {
			return jen.Values(fields...), true
		}
		lit := jen.Id(t.Struct.TypeName()).Values(fields...)
		if t.Pointer {
			return jen.Op("&").Add(lit), true
		}
		return lit, true
	}
	return nil, false
}
