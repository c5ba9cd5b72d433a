package lower

import (
	"bytes"
	"encoding/json"
	"fmt"
	"go/token"
	"sort"
	"strings"

	"github.com/postman2go/postman2go/generator/ir"
	"github.com/postman2go/postman2go/parser"
)

// Config overrides what the generator inferred. It is a JSON file:
//
//	{
//	  "operations": {
//	    "IM Groups/Create an IM directory group": {
//	      "name": "CreateGroup",
//	      "fields": {
//	        "type":      {"enum": ["normal", "shared"]},
//	        "page_size": {"type": "int", "required": true, "name": "Size"}
//	      }
//	    }
//	  }
//	}
//
// Operations are keyed by the Postman item name: the slash-joined path of
// folder and item names, or the item name alone when that is unique
// enough. Fields are keyed by their wire name (query key, header name,
// form field). A "type" is one of string, bool, int, float, time, date.
type Config struct {
	Operations map[string]OperationConfig `json:"operations"`
}

// OperationConfig overrides one operation.
type OperationConfig struct {
	Name   string                 `json:"name,omitempty"`
	Fields map[string]FieldConfig `json:"fields,omitempty"`
	// Paginate false leaves out the paging iterators the generator would
	// write; true asks for them, with a warning when no rule applies.
	Paginate *bool `json:"paginate,omitempty"`
}

// FieldConfig overrides one params field.
type FieldConfig struct {
	Name string   `json:"name,omitempty"`
	Type string   `json:"type,omitempty"`
	Enum []string `json:"enum,omitempty"`
	// EnumType names the field's enum type; fields of several operations
	// with the same EnumType and values share it. Without it every
	// operation has its own type (CreateGroupType).
	EnumType string `json:"enumType,omitempty"`
	Required *bool  `json:"required,omitempty"`
	// Literal keeps a path segment the generator took for an id (fileId
	// for files/100075658152) as literal path text.
	Literal bool `json:"literal,omitempty"`
}

var configKinds = map[string]ir.Kind{
	"string": ir.KindString, "bool": ir.KindBool, "int": ir.KindInt, "float": ir.KindFloat,
	"time": ir.KindTime, "date": ir.KindDate,
}

// ParseConfig reads a config file strictly: unknown keys, unknown types and
// names that are not exported Go identifiers are errors.
func ParseConfig(data []byte) (*Config, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var c Config
	if err := dec.Decode(&c); err != nil {
		return nil, fmt.Errorf("config: %w", err)
	}
	for _, key := range sortedKeys(c.Operations) {
		oc := c.Operations[key]
		if oc.Name != "" && !isExportedIdent(oc.Name) {
			return nil, fmt.Errorf("config: operation %q: name %q is not an exported Go identifier", key, oc.Name)
		}
		for _, wire := range sortedKeys(oc.Fields) {
			fc := oc.Fields[wire]
			if fc.Name != "" && !isExportedIdent(fc.Name) {
				return nil, fmt.Errorf("config: operation %q: field %q: name %q is not an exported Go identifier", key, wire, fc.Name)
			}
			if _, ok := configKinds[fc.Type]; fc.Type != "" && !ok {
				return nil, fmt.Errorf("config: operation %q: field %q: unknown type %q (want string, bool, int, float, time or date)", key, wire, fc.Type)
			}
			if fc.EnumType != "" && !isExportedIdent(fc.EnumType) {
				return nil, fmt.Errorf("config: operation %q: field %q: enumType %q is not an exported Go identifier", key, wire, fc.EnumType)
			}
			if fc.Type != "" && fc.Type != "string" && len(fc.Enum) > 0 {
				return nil, fmt.Errorf("config: operation %q: field %q: an enum is a string type, not %s", key, wire, fc.Type)
			}
		}
	}
	return &c, nil
}

func isExportedIdent(s string) bool {
	return token.IsIdentifier(s) && token.IsExported(s)
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// opConfig finds the config of a request: by its full item path first,
// then by its bare name.
func (l *lowerer) opConfig(ri *parser.RequestItem) (OperationConfig, string, bool) {
	if l.config == nil {
		return OperationConfig{}, "", false
	}
	for _, key := range []string{itemName(ri), ri.Name} {
		if oc, ok := l.config.Operations[key]; ok {
			return oc, key, true
		}
	}
	return OperationConfig{}, "", false
}

// reserveConfigNames takes every configured operation name, so that an
// earlier operation cannot take it by inference.
func (l *lowerer) reserveConfigNames() {
	if l.config == nil {
		return
	}
	for _, key := range sortedKeys(l.config.Operations) {
		oc := l.config.Operations[key]
		if n := oc.Name; n != "" {
			l.methods.take(n)
			l.names.take(n+"Params", n+"Response", n+"ResponseDocs")
		}
		for _, fc := range oc.Fields {
			if fc.EnumType != "" {
				l.names.take(fc.EnumType)
			}
		}
	}
}

// applyFieldConfig overrides the inferred fields of op.
func (l *lowerer) applyFieldConfig(op *ir.Operation, ri *parser.RequestItem, fields *scope) {
	oc, key, ok := l.opConfig(ri)
	if !ok {
		return
	}
	l.usedConfig[key] = true
	for _, wire := range sortedKeys(oc.Fields) {
		fc := oc.Fields[wire]
		matched := false
		for _, f := range op.Fields {
			if f.Wire != wire {
				continue
			}
			matched = true
			l.overrideField(f, fc, fields)
		}
		if !matched && !l.keptLiteral[key+"\x00"+wire] {
			l.warnf(ri, "config: operation %q has no field %q", key, wire)
		}
	}
}

// keepLiteral reports whether the config keeps the path id wire literal.
func (l *lowerer) keepLiteral(ri *parser.RequestItem, wire string) bool {
	oc, key, ok := l.opConfig(ri)
	if !ok || !oc.Fields[wire].Literal {
		return false
	}
	if l.keptLiteral == nil {
		l.keptLiteral = map[string]bool{}
	}
	l.keptLiteral[key+"\x00"+wire] = true
	return true
}

func (l *lowerer) overrideField(f *ir.Field, fc FieldConfig, fields *scope) {
	var why []string
	if k, ok := configKinds[fc.Type]; ok && scalarKind(f.Kind) {
		f.Kind, f.Enum = k, nil
		if k == ir.KindTime {
			f.Layout = timeLayout([]string{f.Example})
		}
		why = append(why, "type "+fc.Type)
	}
	if len(fc.Enum) > 0 && scalarKind(f.Kind) {
		if f.Kind != ir.KindEnum {
			l.enumFields = append(l.enumFields, f)
		}
		f.Kind = ir.KindEnum
		f.EnumValues = fc.Enum
		why = append(why, "enum "+strings.Join(fc.Enum, ","))
	}
	if fc.EnumType != "" {
		if f.Kind == ir.KindEnum {
			if l.enumTypeOf == nil {
				l.enumTypeOf = map[*ir.Field]string{}
			}
			l.enumTypeOf[f] = fc.EnumType
			why = append(why, "enumType "+fc.EnumType)
		} else {
			l.warnf(nil, "config: field %q has no enum values; enumType %s is not used", f.Wire, fc.EnumType)
		}
	}
	if fc.Required != nil {
		f.Required = *fc.Required
		if f.Required {
			f.Default = nil
		}
		why = append(why, fmt.Sprintf("required %v", *fc.Required))
	}
	if fc.Name != "" && fc.Name != f.Name {
		if fields.free(fc.Name) {
			fields.take(fc.Name)
			f.Doc[0] = strings.Replace(f.Doc[0], f.Name, fc.Name, 1)
			f.Name = fc.Name
			why = append(why, "name "+fc.Name)
		} else {
			l.warnf(nil, "config: field name %q is taken in %s; kept %s", fc.Name, f.Wire, f.Name)
		}
	}
	if len(why) > 0 {
		f.Evidence = "config: " + strings.Join(why, ", ")
	}
}

// scalarKind reports whether a kind is a single text value on the wire,
// which the config may retype.
func scalarKind(k ir.Kind) bool { return k.Info().Scalar }

// warnUnusedConfig names configured operations that matched no request.
func (l *lowerer) warnUnusedConfig() {
	if l.config == nil {
		return
	}
	for _, key := range sortedKeys(l.config.Operations) {
		if !l.usedConfig[key] {
			l.warnf(nil, "config: operation %q matches no request", key)
		}
	}
}
