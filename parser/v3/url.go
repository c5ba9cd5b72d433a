package v3

import "github.com/postman2go/postman2go/parser"

// parseRawURL reads a v3 url, always a string, exactly as parser.Parse
// reads a v2.1 url string: one implementation, in package parser.
func parseRawURL(raw string) parser.URL { return parser.ParseRawURL(raw) }
