package ir

import (
	"fmt"
	"strconv"
	"strings"
)

// KindInfo is everything a Kind means outside lowering: its Go type, how a
// value becomes wire text, and how to tell a set field from an unset one.
// Emitters, --explain and the config read it instead of switching on Kind;
// adding a Kind is one row of kinds plus the lowering rule that produces it.
type KindInfo struct {
	// Type is the field's Go type; TypeOfField for kinds whose type is the
	// field's own (an enum, a synthesized JSON type, a bracket group).
	Type GoType
	// Wire is how a value becomes the text sent.
	Wire WireFormat
	// Presence tells a set value from an unset one: the test of an optional
	// field before it is sent and of a required one in Validate.
	Presence Presence
	// Nilable kinds are optional by being nil; Optional pointer kinds are
	// optional by a pointer (false and 0 are values worth sending).
	OptionalPointer bool
	// Scalar is one text value on the wire, which --config may retype.
	Scalar bool
	// Explain is the kind's name in --explain when its type says too
	// little ("bool (flag)"); "" for the type alone.
	Explain string
}

// GoType is a Go type as plain data: [Slice] [Pointer] [Package.]Name.
type GoType struct {
	Slice   bool   // []T
	Pointer bool   // *T (inside the slice for []*T)
	Package string // import path, "" for a predeclared or package type
	Name    string
}

// TypeOfField marks a KindInfo.Type that depends on the field.
var TypeOfField = GoType{}

// String is the type as written in Go source: "[]*File", "io.Reader".
func (t GoType) String() string {
	s := t.Name
	if t.Package != "" {
		s = basename(t.Package) + "." + s
	}
	if t.Pointer {
		s = "*" + s
	}
	if t.Slice {
		s = "[]" + s
	}
	return s
}

func basename(path string) string {
	for i := len(path) - 1; i >= 0; i-- {
		if path[i] == '/' {
			return path[i+1:]
		}
	}
	return path
}

// WireFormat is how a value of a kind becomes wire text.
type WireFormat int

const (
	WireItself WireFormat = iota // sent as it is: a file, a body, a flag, a group
	WireString                   // v
	WireEnum                     // string(v)
	WireBool                     // strconv.FormatBool(v)
	WireInt                      // strconv.FormatInt(v, 10)
	WireFloat                    // strconv.FormatFloat(v, 'f', -1, 64)
	WireTime                     // v.Format(Field.Layout)
	WireDate                     // v.Format(time.DateOnly)
)

// Presence is the test that a value of a kind is set.
type Presence int

const (
	PresentNonEmpty      Presence = iota // v != ""
	PresentNonNil                        // v != nil
	PresentTrue                          // v (a flag)
	PresentNonEmptySlice                 // len(v) > 0
	PresentNonZeroTime                   // !v.IsZero()
	PresentAnyMember                     // a bracket group: any member set
	PresentAlways                        // a plain number or bool: zero is a value
)

var kinds = [...]KindInfo{
	KindString:    {Type: GoType{Name: "string"}, Wire: WireString, Presence: PresentNonEmpty, Scalar: true},
	KindBool:      {Type: GoType{Name: "bool"}, Wire: WireBool, Presence: PresentAlways, OptionalPointer: true, Scalar: true},
	KindInt:       {Type: GoType{Name: "int64"}, Wire: WireInt, Presence: PresentAlways, OptionalPointer: true, Scalar: true},
	KindFloat:     {Type: GoType{Name: "float64"}, Wire: WireFloat, Presence: PresentAlways, OptionalPointer: true, Scalar: true},
	KindEnum:      {Type: TypeOfField, Wire: WireEnum, Presence: PresentNonEmpty, Scalar: true},
	KindFile:      {Type: GoType{Pointer: true, Name: "File"}, Wire: WireItself, Presence: PresentNonNil},
	KindBytes:     {Type: GoType{Slice: true, Name: "byte"}, Wire: WireItself, Presence: PresentNonNil},
	KindReader:    {Type: GoType{Package: "io", Name: "Reader"}, Wire: WireItself, Presence: PresentNonNil},
	KindFlag:      {Type: GoType{Name: "bool"}, Wire: WireItself, Presence: PresentTrue, Explain: "bool (flag)"},
	KindFiles:     {Type: GoType{Slice: true, Pointer: true, Name: "File"}, Wire: WireItself, Presence: PresentNonEmptySlice},
	KindJSON:      {Type: GoType{Slice: true, Name: "byte"}, Wire: WireItself, Presence: PresentNonNil},
	KindTypedJSON: {Type: TypeOfField, Wire: WireItself, Presence: PresentNonNil},
	KindTime:      {Type: GoType{Package: "time", Name: "Time"}, Wire: WireTime, Presence: PresentNonZeroTime, Scalar: true},
	KindDate:      {Type: GoType{Package: "time", Name: "Time"}, Wire: WireDate, Presence: PresentNonZeroTime, Scalar: true, Explain: "time.Time (date)"},
	KindGroup:     {Type: TypeOfField, Wire: WireItself, Presence: PresentAnyMember},
}

// Info is k's row of the kind table.
func (k Kind) Info() KindInfo {
	if k < 0 || int(k) >= len(kinds) {
		panic(fmt.Sprintf("unknown kind %d", k))
	}
	return kinds[k]
}

// Pointer reports whether the field is optional and needs a pointer to say
// "not set" (false, 0 are values worth sending).
func (f *Field) Pointer() bool {
	return !f.Required && f.Kind.Info().OptionalPointer
}

// Presence is the field's test for "set": a pointer's is != nil.
func (f *Field) Presence() Presence {
	if f.Pointer() {
		return PresentNonNil
	}
	return f.Kind.Info().Presence
}

// The texts a value of a bool, int or float kind formats to (see
// WireFormat): inference types a field by them, and examples and the
// conformance driver parse them back, so the value sent is the text the
// collection shows.

// IsBoolText accepts "true" and "false".
func IsBoolText(s string) bool { return s == "true" || s == "false" }

// IsIntText accepts decimal integers without a leading zero (a zero-padded value
// such as a ZIP code or "007" is text).
func IsIntText(s string) bool {
	d := strings.TrimPrefix(s, "-")
	if d == "" || (len(d) > 1 && d[0] == '0') {
		return false
	}
	_, err := strconv.ParseInt(s, 10, 64)
	return err == nil
}

// IsFloatText accepts decimals that format back to the same text, so that
// sending the parsed value sends what the collection shows ("1.0" and
// "2.50" are text: an API version is not a number).
func IsFloatText(s string) bool {
	d := strings.TrimPrefix(s, "-")
	if d == "" || !strings.Contains(d, ".") || d[0] == '.' || (len(d) > 1 && d[0] == '0' && d[1] != '.') {
		return false
	}
	x, err := strconv.ParseFloat(s, 64)
	return err == nil && strconv.FormatFloat(x, 'f', -1, 64) == s
}

// Scalar reports whether t is a bool, number or string.
func (t *JSONType) Scalar() bool {
	switch t.Kind {
	case JSONBool, JSONInt, JSONFloat, JSONString, JSONTime:
		return true
	}
	return false
}

// IsConcreteText reports whether s is an example value rather than empty, a
// {{variable}} or a <placeholder>: what inference types a field by, and
// what examples and the conformance driver may send.
func IsConcreteText(s string) bool {
	return s != "" && !strings.Contains(s, "{{") && !(strings.HasPrefix(s, "<") && strings.HasSuffix(s, ">"))
}
