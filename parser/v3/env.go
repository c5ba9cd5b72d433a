package v3

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/postman2go/postman2go/parser"
)

// Environment is a Postman environment: named values for {{variables}}.
type Environment struct {
	Name   string
	Values []EnvVar // in document order
}

// EnvVar is one value of an environment.
type EnvVar struct {
	Key   string
	Value string
	// Enabled is false for a value switched off in Postman; a value that
	// does not say is enabled.
	Enabled bool
	// Secret marks a value Postman keeps secret (type: secret, or v3's
	// secret: true): it must stay out of generated code and docs.
	Secret bool
	Type   string // as written: default, secret, any, ... ("" when absent)
	Pos    parser.Position
}

// Vars returns the enabled values by key, a later value winning over an
// earlier one with the same key, as Postman resolves them.
func (e *Environment) Vars() map[string]EnvVar {
	out := map[string]EnvVar{}
	if e == nil {
		return out
	}
	for _, v := range e.Values {
		if v.Enabled && v.Key != "" {
			out[v.Key] = v
		}
	}
	return out
}

// ParseEnvironment reads a Postman environment file: a v2.1 JSON export
// ({"name", "values": [{"key", "value", "type", "enabled"}]}, also inside
// the Postman API's {"environment": {...}}) or a v3 YAML environment
// (postman/environments/*.environment.yaml: name, values [{key, value,
// enabled, type, secret}]). Problems that make it unreadable are an error
// (a parser.ErrorList naming the file, line and column); the rest are
// warnings.
func ParseEnvironment(path string) (*Environment, []*parser.Diagnostic, error) {
	fh, err := os.Open(path)
	if err != nil {
		return nil, nil, err
	}
	defer fh.Close()
	data, err := io.ReadAll(io.LimitReader(fh, MaxFileBytes+1))
	if err != nil {
		return nil, nil, err
	}
	if len(data) > MaxFileBytes {
		return nil, nil, parser.ErrorList{{File: path, Msg: fmt.Sprintf("the file is larger than %d MiB: refused", MaxFileBytes>>20)}}
	}
	return ParseEnvironmentBytes(path, data)
}

// ParseEnvironmentBytes is ParseEnvironment for the bytes of a file; name
// is used only in diagnostics.
func ParseEnvironmentBytes(name string, data []byte) (env *Environment, warns []*parser.Diagnostic, err error) {
	defer func() {
		if r := recover(); r != nil {
			env, err = nil, parser.ErrorList{{File: name, Msg: fmt.Sprintf("internal error reading the environment: %v (this is a bug in postman2go: please report it with the file)", r)}}
		}
	}()
	trimmed := bytes.TrimLeft(bytes.TrimPrefix(data, utf8BOM), " \t\r\n")
	if len(trimmed) > 0 && trimmed[0] == '{' && json.Valid(trimmed) {
		return parseJSONEnvironment(name, bytes.TrimPrefix(data, utf8BOM))
	}
	f, d := parseYAML(name, data)
	if d != nil {
		if len(trimmed) > 0 && trimmed[0] == '{' {
			d.Msg = "neither valid JSON nor valid YAML: " + d.Msg
		}
		return nil, nil, parser.ErrorList{d}
	}
	st := &state{}
	dc := &doc{st: st, f: f}
	env = &Environment{}
	if f.root == nil {
		dc.warnf(nil, "", "the environment file is empty")
		return env, st.warns, nil
	}
	m := dc.mapping(f.root, "")
	if m != nil {
		env.Name = dc.str(m.get("name"), "name")
		env.Values = dc.envValues(m.get("values"), "values")
	}
	if len(st.errs) > 0 {
		return nil, st.warns, st.errs
	}
	return env, st.warns, nil
}

// envValues reads v3 environment values: a list of {key, value, enabled,
// type, secret} or a map {key: value}.
func (d *doc) envValues(n *yaml.Node, field string) []EnvVar {
	n = d.deref(n)
	var out []EnvVar
	switch {
	case isNull(n):
	case n.Kind == yaml.MappingNode:
		m := d.asMapping(n, field, 0)
		for i, k := range m.keys {
			out = append(out, EnvVar{Key: k.Value, Value: d.value(m.vals[i], joinField(field, k.Value)), Enabled: true, Pos: d.pos(k)})
		}
	case n.Kind == yaml.SequenceNode:
		for i, e := range d.list(n, field) {
			f := index(field, i)
			if e.Kind != yaml.MappingNode {
				d.warnf(e, f, "an environment value must be a mapping, found %s; ignored", kindOf(e))
				continue
			}
			m := d.asMapping(e, f, 0)
			v := EnvVar{
				Key:     d.value(m.get("key"), f+".key"),
				Value:   d.value(m.get("value"), f+".value"),
				Enabled: true,
				Type:    d.str(m.get("type"), f+".type"),
				Pos:     d.pos(e),
			}
			if en := d.deref(m.get("enabled")); !isNull(en) {
				v.Enabled = d.flag(en)
			}
			v.Secret = v.Type == "secret" || d.flag(m.get("secret"))
			out = append(out, v)
		}
	default:
		d.errorf(n, field, "values must be a list, found %s", kindOf(n))
	}
	return out
}

// parseJSONEnvironment reads a v2.1 environment export.
func parseJSONEnvironment(name string, data []byte) (*Environment, []*parser.Diagnostic, error) {
	var doc struct {
		Name        string          `json:"name"`
		Values      json.RawMessage `json:"values"`
		Environment json.RawMessage `json:"environment"`
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		return nil, nil, jsonError(name, data, err)
	}
	if doc.Values == nil && doc.Environment != nil {
		return parseJSONEnvironment(name, doc.Environment) // the Postman API's envelope
	}
	env := &Environment{Name: doc.Name}
	var warns []*parser.Diagnostic
	if len(doc.Values) == 0 || string(doc.Values) == "null" {
		return env, nil, nil
	}
	var values []json.RawMessage
	if err := json.Unmarshal(doc.Values, &values); err != nil {
		return nil, nil, parser.ErrorList{{File: name, Field: "values", Msg: "values must be an array"}}
	}
	for i, raw := range values {
		var e struct {
			Key     json.RawMessage `json:"key"`
			Value   json.RawMessage `json:"value"`
			Type    string          `json:"type"`
			Enabled *bool           `json:"enabled"`
		}
		if err := json.Unmarshal(raw, &e); err != nil {
			warns = append(warns, &parser.Diagnostic{File: name, Field: fmt.Sprintf("values[%d]", i), Msg: "an environment value must be an object {key, value, type, enabled}; ignored"})
			continue
		}
		v := EnvVar{Key: jsonText(e.Key), Value: jsonText(e.Value), Type: e.Type, Enabled: e.Enabled == nil || *e.Enabled}
		v.Secret = e.Type == "secret"
		env.Values = append(env.Values, v)
	}
	return env, warns, nil
}

// jsonText is a JSON value as Postman stringifies it: a string's text,
// null "", anything else its JSON text.
func jsonText(raw json.RawMessage) string {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || string(raw) == "null" {
		return ""
	}
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return s
	}
	return string(raw)
}

func jsonError(name string, data []byte, err error) error {
	d := &parser.Diagnostic{File: name, Msg: "not a valid environment: " + err.Error()}
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	off := -1
	switch {
	case errors.As(err, &se):
		off = int(se.Offset)
	case errors.As(err, &te):
		off = int(te.Offset)
		d.Msg = fmt.Sprintf("not a valid environment: %s must be %s, found %s", strings.TrimPrefix(te.Field, "."), te.Type, te.Value)
	}
	if off >= 0 {
		f := &file{rel: name, data: data, lines: lineStarts(data)}
		line := 1
		for line < len(f.lines) && f.lines[line] <= off {
			line++
		}
		d.Pos = parser.Position{Offset: off, Line: line, Col: off - f.lines[line-1] + 1}
	}
	return parser.ErrorList{d}
}
