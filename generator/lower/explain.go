package lower

import (
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/postman2go/postman2go/generator/doctext"
	"github.com/postman2go/postman2go/generator/ir"
)

// Explain describes a lowered package for people: per operation, its method
// name and Postman item, and per field the wire name and location, the Go
// field and type, required-ness and the evidence that decided the type. Its
// format may change.
func Explain(pkg *ir.Package) string {
	var b strings.Builder
	fmt.Fprintf(&b, "package %s: %d operations, default base URL %q\n", pkg.Name, len(pkg.Operations), pkg.BaseURL)
	for _, op := range pkg.Operations {
		fmt.Fprintf(&b, "\n%s  %s %s  (Postman item %q)\n", op.Name, op.Method, doctext.OneLine(op.PathText), doctext.OneLine(op.ItemName))
		tw := tabwriter.NewWriter(&b, 0, 4, 2, ' ', 0)
		for _, f := range op.Fields {
			req := "optional"
			if f.Required {
				req = "required"
			}
			fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\t%s\t%s\n", doctext.OneLine(f.Wire), f.In.TagKey(), f.Name, TypeString(f), req, doctext.OneLine(f.Evidence))
		}
		tw.Flush()
		if op.ResponseData != nil {
			fmt.Fprintf(&b, "  response Data: %s (from the 2xx example bodies)\n", jsonTypeString(op.ResponseData))
		}
		if len(op.Responses) > 0 {
			var rows []string
			for _, r := range op.Responses {
				row := fmt.Sprint(r.Status)
				if r.Code != "" {
					row += "/" + r.Code
				}
				rows = append(rows, row)
			}
			fmt.Fprintf(&b, "  documented responses: %s\n", strings.Join(rows, ", "))
		}
		if pg := op.Paging; pg != nil {
			fmt.Fprintf(&b, "  paging: %s\n", pagingSummary(pg))
		}
	}
	return b.String()
}

// TypeString is the Go type of a field as text.
func TypeString(f *ir.Field) string {
	info := f.Kind.Info()
	switch f.Kind {
	case ir.KindEnum:
		name := "enum"
		if f.Enum != nil {
			name = f.Enum.Name
		}
		var vals []string
		if f.Enum != nil {
			for _, v := range f.Enum.Values {
				vals = append(vals, v.Value)
			}
		}
		return name + " (" + strings.Join(vals, "|") + ")"
	case ir.KindTypedJSON:
		return jsonTypeString(f.JSON)
	case ir.KindTime:
		return "time.Time (layout " + f.Layout + ")"
	case ir.KindGroup:
		return groupTypeString(f) + " (bracketed keys)"
	}
	if info.Explain != "" {
		return info.Explain
	}
	t := info.Type
	t.Pointer = t.Pointer || f.Pointer()
	return t.String()
}

func jsonTypeString(t *ir.JSONType) string {
	ptr := ""
	if t.Pointer {
		ptr = "*"
	}
	switch t.Kind {
	case ir.JSONRaw:
		return "json.RawMessage"
	case ir.JSONBool:
		return ptr + "bool"
	case ir.JSONInt:
		return ptr + "int64"
	case ir.JSONFloat:
		return ptr + "float64"
	case ir.JSONString:
		if t.EnumOf != nil && t.EnumOf.Enum != nil {
			return ptr + t.EnumOf.Enum.Name
		}
		return ptr + "string"
	case ir.JSONTime:
		return ptr + "time.Time"
	case ir.JSONStruct:
		return ptr + t.Struct.TypeName()
	case ir.JSONSlice:
		return "[]" + jsonTypeString(t.Elem)
	case ir.JSONMap:
		return "map[string]" + jsonTypeString(t.Elem)
	}
	return "?"
}

// groupTypeString is the Go type of a bracket group field, as emitted.
func groupTypeString(f *ir.Field) string {
	g := f.Group
	switch g.Shape {
	case ir.ShapeSlice, ir.ShapeList:
		if g.Struct != nil {
			return "[]" + g.Struct.Name
		}
		elem := g.Elem.Kind.Info().Type
		if g.Elem.Kind == ir.KindEnum {
			elem = ir.GoType{Name: g.Elem.Enum.Name}
		}
		return "[]" + elem.String()
	case ir.ShapeMap:
		return "map[string]string"
	case ir.ShapeStruct:
		if f.Required {
			return g.Struct.Name
		}
		return "*" + g.Struct.Name
	}
	return fmt.Sprintf("shape %d", g.Shape)
}

// pagingSummary says which rule an operation pages by and its iterators.
func pagingSummary(pg *ir.Paging) string {
	var rule string
	switch pg.Kind {
	case ir.PageToken:
		rule = fmt.Sprintf("token %s from %s", pg.Param.Wire, strings.Join(pg.Next, "."))
	case ir.PageAfterID:
		rule = fmt.Sprintf("%s the last item's %s while %s", pg.Param.Wire, pg.ItemID.Key, strings.Join(pg.Next, "."))
	case ir.PageNumber:
		rule = fmt.Sprintf("page number %s from %d", pg.Param.Wire, pg.FirstPage)
		if pg.PageCount != nil {
			rule += " up to " + strings.Join(pg.PageCount, ".")
		}
	case ir.PageOffset:
		rule = fmt.Sprintf("offset %s", pg.Param.Wire)
	case ir.PageNextLink:
		rule = "next link in " + strings.Join(pg.Next, ".")
		if pg.LinkHeader {
			rule = `next link in the Link header (rel="next")`
		}
	}
	methods := pg.PagesMethod
	if pg.AllMethod != "" {
		methods += ", " + pg.AllMethod
	}
	return rule + " (" + methods + ")"
}
