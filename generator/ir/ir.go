// Package ir is the generated package with every decision made: names
// final and unique, types decided, wire encoding chosen. Lowering
// (generator/lower) produces it; emitting (generator/emit)
// only reads it. It is plain data.
package ir

import "github.com/postman2go/postman2go/parser"

// The IR is the generated package with every decision made: names final and
// unique, types decided, wire encoding chosen. Emitters only read it.

// Package is one generated package.
type Package struct {
	Name       string
	Doc        []string // package doc lines
	BaseURL    string   // default base URL, "" when the collection has none
	Operations []*Operation
	Enums      []*Enum
	Structs    []*Struct // types synthesized from JSON bodies
	// CollectionAuth is the auth at the top of the collection, which
	// Client.Do sends: the Auth of the first operation that inherits it.
	// It is AuthInherit when the collection sets none or no operation
	// inherits it.
	CollectionAuth Auth
}

// Operation is one request item: one Client method, its params and
// response types.
type Operation struct {
	Source *parser.RequestItem // the request item lowered

	Name         string // Client method
	ParamsType   string
	ResponseType string
	TableVar     string // the exported function returning the documented responses

	ItemName string // slash-joined Postman item name
	Method   string
	PathText string // path as documented, e.g. /im/groups/{groupId}
	Doc      []string
	Scripts  int

	// BaseURL is the absolute base of an operation whose collection URL
	// names another host than the package's DefaultBaseURL; "" means the
	// client's base URL.
	BaseURL string
	// BaseTemplate, when set, builds the base of an operation whose host
	// names variables the collection does not define and that is not the
	// package's main host: literal text and InHost fields.
	BaseTemplate []BasePart

	Path    []PathPart
	Fields  []*Field // params struct fields, in wire order
	Headers []Header // constant headers
	Body    BodyKind
	// RawContentType is the Content-Type of a raw or file body.
	RawContentType string
	Auth           Auth

	Responses       []ResponseRow
	ResponseHeaders []*ResponseHeader
	// ResponseData is the type of a 2xx JSON body, from the saved examples;
	// nil when no 2xx example has a JSON body worth typing.
	ResponseData *JSONType

	// ErrorData are the types of non-2xx JSON bodies, by status.
	ErrorData []ErrorBody

	// Paging is how the operation asks for its next page; nil when it
	// does not page.
	Paging *Paging
}

// PagingKind is the rule a list operation's next page follows.
type PagingKind int

const (
	// PageToken: the response body carries the next page's token (at
	// Next), sent in Param; no token, no next page.
	PageToken PagingKind = iota
	// PageAfterID: Param (starting_after) is the last item's ItemID while
	// the body's has_more (at Next) is true.
	PageAfterID
	// PageNumber: Param counts pages up from FirstPage until a page has no
	// items or the body's page count (at PageCount, when known) is reached.
	PageNumber
	// PageOffset: Param moves on by the number of items until a page has
	// none.
	PageOffset
	// PageNextLink: the next page is a link, in the body (at Next) or in
	// the Link header (LinkHeader), followed on the API's own host; no
	// Param.
	PageNextLink
)

// Paging is how a list operation's next page is asked for, and where its
// items are.
type Paging struct {
	Kind  PagingKind
	Param *Field // the params field the next request sets; nil for PageNextLink
	// Next is the JSON path of the next token (PageToken) or of has_more
	// (PageAfterID) in the response body.
	Next []string
	// PageCount is the JSON path of the number of pages (PageNumber), nil
	// when the examples do not show one.
	PageCount  []string
	FirstPage  int64 // PageNumber: the page an unset Param is
	LinkHeader bool  // PageNextLink: the link is the Link header's rel="next"
	// Items are the fields from the response's Data down to the items
	// slice, empty when Data is the slice; ItemType is its element. Items
	// and ItemType are nil when the examples show no list.
	Items    []*StructField
	ItemType *JSONType
	ItemID   *StructField // PageAfterID: the item's id field

	PagesMethod string // the iterator over responses
	AllMethod   string // the iterator over items; "" without ItemType
}

// ErrorBody is the synthesized type of one error status's JSON body.
type ErrorBody struct {
	Status int
	Type   *JSONType
}

// PathPart is literal path text (slashes included) or a path parameter.
type PathPart struct {
	Literal string
	Param   *Field
}

// BasePart is literal base URL text or a host variable.
type BasePart struct {
	Literal string
	Param   *Field
	Check   HostCheck // for a Param: what its value may be
}

// HostCheck is how the runtime checks a host variable's value before it
// becomes part of a base URL, so that a value cannot send the request, and
// its credentials, to another host ("attacker.example/#").
type HostCheck int

const (
	HostLabels HostCheck = iota // part of the host name: DNS labels only
	HostPort                    // after "host:": a port number
	HostBase                    // the whole host: host[:port] or an http(s) base URL
)

// RuntimeName is the runtime's request method that checks the value.
func (c HostCheck) RuntimeName() string {
	switch c {
	case HostPort:
		return "portParam"
	case HostBase:
		return "baseParam"
	}
	return "hostParam"
}

// Header is a header the collection sends with a fixed value.
type Header struct{ Key, Value string }

// Location is where a field goes on the wire.
type Location int

const (
	InPath Location = iota
	InQuery
	InHeader
	InForm      // application/x-www-form-urlencoded
	InMultipart // multipart/form-data
	InBody      // the whole raw or file body
	InGraphQL   // a member of a GraphQL request (query, variables, operationName)
	InHost      // a variable in the operation's host (see Operation.BaseTemplate)
)

// TagKey is the struct tag key that records a field's wire name.
func (l Location) TagKey() string {
	switch l {
	case InPath:
		return "path"
	case InQuery:
		return "query"
	case InHeader:
		return "header"
	case InForm, InMultipart:
		return "form"
	case InBody:
		return "body"
	case InGraphQL:
		return "graphql"
	case InHost:
		return "host"
	}
	panic("unknown location")
}

// What the location is called in doc comments.
func (l Location) String() string {
	switch l {
	case InPath:
		return "path parameter"
	case InQuery:
		return "query parameter"
	case InHeader:
		return "header"
	case InForm:
		return "form field"
	case InMultipart:
		return "multipart form field"
	case InBody:
		return "request body"
	case InGraphQL:
		return "GraphQL request member"
	case InHost:
		return "host variable"
	}
	panic("unknown location")
}

// Kind is a field's Go type family.
type Kind int

const (
	KindString Kind = iota
	KindBool
	KindInt
	KindFloat
	KindEnum
	KindFile      // *File, a multipart file part
	KindBytes     // []byte, a raw body
	KindReader    // io.Reader, a binary body
	KindFlag      // bool, a query key sent with no value ("?key") when true
	KindFiles     // []*File, one multipart file part per element, same name
	KindJSON      // []byte holding JSON text (GraphQL variables)
	KindTypedJSON // a JSON body of a type synthesized from the examples
	KindTime      // time.Time sent in Field.Layout (RFC 3339)
	KindDate      // time.Time sent as YYYY-MM-DD
	KindGroup     // bracketed keys (expand[0], card[number]) as a slice, struct or map: Group
)

// Field is one params struct field.
type Field struct {
	// Source is the collection entry the field was lowered from (a query
	// entry, a header, a form field, a url.variable); nil for a field the
	// collection has no entry for ({{name}} in the path, a body, a host
	// variable).
	Source *parser.Param

	Name string // Go field name
	Wire string // name on the wire
	In   Location
	Kind Kind
	Enum *Enum // KindEnum only, once enums are named
	// EnumValues are the documented values of a KindEnum field, in
	// collection order; enums are named from them after every operation.
	EnumValues []string
	Required   bool
	// Described is true when the collection documents the entry; Disabled
	// when Postman does not send it; Literal is its value when that holds no
	// variable. They decide whether the value is a default or an example.
	// (The three bools share a word: a Field of 256 bytes, not 288, is
	// 17 MB less at 100,000 requests.)
	Described   bool
	Disabled    bool
	Doc         []string
	Example     string
	ContentType string    // multipart part Content-Type
	Evidence    string    // what decided the type, for --explain and docs
	JSON        *JSONType // KindTypedJSON only
	// PathLiteral is the literal path segment (an id such as 100075658152)
	// this path parameter replaces: what the collection's request sends.
	PathLiteral string
	// Literal is the entry's value when it holds no variable.
	Literal string
	Layout  string // KindTime: the layout that reproduces the example (RFC 3339)
	Group   *Group // KindGroup only
	// Default is sent when an optional field is left unset: literal text
	// and Postman dynamic variables ({{$guid}}, ...) as runtime helper
	// calls. Empty means nothing is sent.
	Default []ValuePart
}

// ValuePart is literal text or a call of a runtime helper that computes a
// Postman dynamic variable.
type ValuePart struct {
	Literal string
	Helper  string // runtime function name, e.g. "dynamicGUID"; "" for literal text
}

// Enum is a named string type with one constant per documented value.
type Enum struct {
	Name   string
	Doc    []string
	Values []EnumValue
}

// EnumValue is one constant of an Enum.
type EnumValue struct {
	Const string
	Value string
}

// BodyKind is how the request body is encoded.
type BodyKind int

const (
	BodyNone BodyKind = iota
	BodyForm
	BodyMultipart
	BodyRaw
	BodyFile
	BodyGraphQL // JSON {"query", "variables", "operationName"}
)

// Auth is an operation's auth after Postman's inheritance.
type Auth struct {
	Kind AuthKind
	// KeyName and KeyIn ("header" or "query") place the key of AuthAPIKey.
	KeyName, KeyIn string
	// Prefix is the Authorization scheme word of AuthBearer when it is not
	// "Bearer" (oauth2's headerPrefix, e.g. "Token").
	Prefix string
	// FromHeader is the collection's header value when the auth was written
	// as a plain header ("Bearer {{access_token}}"); "" for Postman auth.
	FromHeader string
}

// ForgetSources sets every Source in the package to nil, for a caller that
// keeps the IR after it is done with the collection (Generate, while emit
// writes the files): a request item points at its folders and through them
// at the whole collection, so a single Source left would keep all of it.
// Nothing emit reads is a Source.
func (p *Package) ForgetSources() {
	var field func(f *Field)
	var entries func(es []*GroupEntry)
	field = func(f *Field) {
		if f == nil {
			return
		}
		f.Source = nil
		if g := f.Group; g != nil {
			field(g.Elem)
			if g.Struct != nil {
				for _, m := range g.Struct.Fields {
					field(m)
				}
			}
			entries(g.Entries)
		}
	}
	entries = func(es []*GroupEntry) {
		for _, e := range es {
			field(e.Field)
			entries(e.Entries)
		}
	}
	for _, op := range p.Operations {
		op.Source = nil
		for _, f := range op.Fields {
			field(f)
		}
		for _, pp := range op.Path {
			field(pp.Param)
		}
		for _, bp := range op.BaseTemplate {
			field(bp.Param)
		}
		if op.Paging != nil {
			field(op.Paging.Param)
		}
	}
}

// AuthKind is the runtime auth scheme of an operation.
type AuthKind int

const (
	AuthInherit AuthKind = iota
	AuthNone
	AuthBearer
	AuthBasic
	AuthOther
	AuthAPIKey // sent by the runtime's apiKeyIn(KeyName, KeyIn)
)

// RuntimeName is the runtime value for the scheme (templates/runtime);
// AuthAPIKey has none: it is a call of apiKeyIn.
func (a AuthKind) RuntimeName() string {
	switch a {
	case AuthInherit:
		return "authInherit"
	case AuthNone:
		return "authNone"
	case AuthBearer:
		return "authBearer"
	case AuthBasic:
		return "authBasic"
	case AuthOther:
		return "authOther"
	}
	panic("unknown auth kind")
}

// ResponseRow is one documented response.
type ResponseRow struct {
	Status      int
	Code        string // vendor error code, "" for none
	Description string
}

// ResponseHeader is a documented response header exposed as a field.
type ResponseHeader struct {
	Name string // Go field name
	Wire string
	Doc  []string
}

// JSONKind is the family of a synthesized JSON type.
type JSONKind int

const (
	JSONRaw JSONKind = iota // json.RawMessage: no or conflicting evidence
	JSONBool
	JSONInt
	JSONFloat
	JSONString
	JSONStruct
	JSONSlice
	JSONMap  // map[string]Elem
	JSONTime // time.Time: response strings that are all RFC 3339 date-times
)

// JSONType is a Go type synthesized from JSON examples.
type JSONType struct {
	Kind    JSONKind
	Struct  *Struct   // JSONStruct
	Elem    *JSONType // JSONSlice and JSONMap
	Pointer bool      // nullable, or an optional scalar
	// EnumOf is the enum-typed param whose type a string value shares: its
	// example values are all documented values of that param.
	EnumOf *Field
}

// Struct is a named struct synthesized from JSON objects.
type Struct struct {
	Name   string
	Doc    []string
	Fields []*StructField
	// SameAs is the struct of the same shape that declares the type; this
	// one's Name is then an alias of it. Code refers to the type by
	// TypeName.
	SameAs *Struct
}

// TypeName is the name code uses for the struct: the name of the type it
// is the same as, or its own.
func (s *Struct) TypeName() string {
	if s.SameAs != nil {
		return s.SameAs.Name
	}
	return s.Name
}

// StructField is one field of a synthesized struct.
type StructField struct {
	Name     string // Go name
	Key      string // JSON key
	Type     *JSONType
	Optional bool // absent from some examples, or null in one
	// OmitZero leaves the key out of the JSON when the value is zero
	// (`json:",omitzero"`): every optional key, and objects, arrays, maps
	// and raw values, whose zero value no API means. Unset is not sent.
	OmitZero bool
}

// GroupShape is the Go shape of a group of bracketed keys (see brackets.go).
type GroupShape int

const (
	// ShapeSlice is base[0], base[1], ...: a slice whose element i is sent
	// under base[i] (a scalar, or a struct whose members follow).
	ShapeSlice GroupShape = iota
	// ShapeList is base[] repeated: a slice of scalars, each sent as base[].
	ShapeList
	// ShapeStruct is base[name]...: a named struct, one field per name.
	ShapeStruct
	// ShapeMap is base[key]: map[string]string, sent in sorted key order.
	ShapeMap
)

// Group is a field of KindGroup: the keys of one location that share a base
// name followed by brackets. Field.Wire is the base (or, for a member of a
// struct, the name inside its brackets).
type Group struct {
	Shape GroupShape
	// Elem is the element of a ShapeSlice or ShapeList of scalars and the
	// value of a ShapeMap: its Kind and Enum give the element type; it is
	// never a pointer.
	Elem *Field
	// Struct is the type of a ShapeStruct and the element of a ShapeSlice
	// of structs.
	Struct *GroupStruct
	// Entries are the collection's keys under this field's own key, in
	// collection order: set on the params' group fields, nil on members of
	// a group struct (a struct in a slice has other entries per element).
	Entries []*GroupEntry
}

// GroupStruct is a struct synthesized from bracketed keys.
type GroupStruct struct {
	Name   string
	Doc    []string
	Fields []*Field // scalars and KindGroup members; Wire is the name in brackets
}

// GroupEntry is one bracket segment of the collection's keys: "0", "", a
// name or a map key. A complete key ends in an entry with Field, the
// collection's flat field (its exact wire key and example).
type GroupEntry struct {
	Seg     string
	Field   *Field
	Entries []*GroupEntry
}
