package parser

// Collection is one Postman collection: its metadata, its collection-level
// variables, auth and scripts, and its tree of folders and requests in
// document order.
type Collection struct {
	Name        string
	Description string
	// Schema is the info.schema URL as written; Version is what was detected
	// from it ("2.0.0" or "2.1.0").
	Schema  string
	Version string

	Variables []Variable
	Auth      *Auth
	Events    []Event
	Items     []*Item

	// ProtocolProfileBehavior is the collection-level default for every
	// request; folders and items override it key by key.
	ProtocolProfileBehavior map[string]string
}

// Item is one entry of an item array: a folder (Items non-nil, Request nil)
// or a request item (Request non-nil).
type Item struct {
	Name        string
	Description string
	// Path is the item's JSON path in the collection, e.g. "item[0].item[3]".
	Path string
	Pos  Position

	// Folder fields.
	Items []*Item
	Auth  *Auth // folder auth; nil means inherit

	// Request item fields.
	Request   *Request
	Responses []*Response

	Variables               []Variable
	Events                  []Event
	ProtocolProfileBehavior map[string]string
}

// IsFolder reports whether the item is a folder (an item-group).
func (it *Item) IsFolder() bool { return it.Request == nil }

// Request is the request of a request item, or the originalRequest of a
// saved example.
type Request struct {
	Method      string
	URL         URL
	Headers     []Param
	Body        *Body
	Auth        *Auth // nil means inherit
	Description string
}

// URL is a request URL split into its parts. When the collection gave only a
// raw string, the parts are parsed from it the way the Postman SDK does.
type URL struct {
	Raw       string
	Protocol  string
	Host      []string
	Port      string
	Path      []string
	Query     []Param
	Variables []Param // values for ":name" path segments
	Hash      string
}

// Param is a key/value entry: a query parameter, header, path variable,
// urlencoded field or form-data part.
type Param struct {
	Key   string
	Value string
	// ValueNull is true when the value was absent or JSON null (a query
	// parameter rendered as "key" with no "=").
	ValueNull   bool
	Disabled    bool
	Description string

	// Form-data parts only.
	Type        string   // "text" or "file"
	ContentType string   // per-part Content-Type override
	Src         []string // file paths for file parts

	Pos  Position
	Path string // JSON path relative to the item, e.g. "request.body.formdata[1]"
}

// Body is a request body in one of Postman's modes.
type Body struct {
	Mode     string // raw, urlencoded, formdata, file, graphql, or "" for none
	Disabled bool

	Raw      string
	Language string // options.raw.language: json, xml, text, html, javascript

	URLEncoded []Param
	FormData   []Param

	FileSrc string // mode file: path on the exporter's machine

	GraphQLQuery     string
	GraphQLVariables string // JSON text
	GraphQLOperation string
}

// Auth is an auth block: its type and its parameters in document order.
type Auth struct {
	Type   string // noauth, apikey, bearer, basic, digest, oauth1, oauth2, awsv4, hawk, ntlm, edgegrid, ...
	Params []Param
	Pos    Position
	Path   string
}

// Get returns the value of the auth parameter key, or "".
func (a *Auth) Get(key string) string {
	if a == nil {
		return ""
	}
	for _, p := range a.Params {
		if p.Key == key {
			return p.Value
		}
	}
	return ""
}

// Response is a saved example response.
type Response struct {
	Name            string
	Status          string
	Code            int
	Headers         []Param
	Body            string
	PreviewLanguage string
	OriginalRequest *Request
	Pos             Position
	Path            string
}

// Event is a script attached to a collection, folder or item.
type Event struct {
	Listen   string // prerequest or test
	Exec     string
	Disabled bool
}

// Variable is a collection, folder or item variable.
type Variable struct {
	Key         string
	Value       string
	Type        string
	Description string
	Disabled    bool
}

// Position is a place in the input: byte offset and 1-based line and column.
// The zero Position means unknown.
type Position struct {
	Offset int
	Line   int
	Col    int
	// File is the file the position is in, for an input of several files
	// (a v3 collection directory: the slash-separated path relative to the
	// collection root); "" for a single-file input.
	File string
}
