package lower

import (
	"regexp"
	"strings"

	"github.com/postman2go/postman2go/generator/ir"
	"github.com/postman2go/postman2go/parser"
)

// Auth written as a header. Many collections send credentials with a plain
// header instead of Postman's auth: "Authorization: Bearer {{access_token}}",
// "X-API-Key: {{api_key}}". As a params field it would be documented as
// "Example: Bearer {{access_token}}" while WithBearerToken overrode it; it is
// the operation's auth instead, set with the usual options.

var authHeaderValue = regexp.MustCompile(`^\s*(Bearer|Token|Basic)\s+(\S.*?)\s*$`)

// apiKeyHeaders are header names that carry an API key by convention.
var apiKeyHeaders = map[string]bool{
	"x-api-key": true, "api-key": true, "apikey": true, "x-apikey": true, "x-api-token": true,
}

// headerAuth recognises an enabled header as auth: the auth it is and
// true, or false for an ordinary header.
func headerAuth(key string, h parser.Param) (ir.Auth, bool) {
	if h.Disabled {
		return ir.Auth{}, false
	}
	lk := strings.ToLower(key)
	if lk == "authorization" {
		m := authHeaderValue.FindStringSubmatch(h.Value)
		if m == nil {
			return ir.Auth{}, false
		}
		a := ir.Auth{Kind: ir.AuthBearer, FromHeader: h.Value}
		switch m[1] {
		case "Basic":
			a.Kind = ir.AuthBasic
		case "Token":
			a.Prefix = "Token"
		}
		return a, true
	}
	if apiKeyHeaders[lk] && strings.Contains(h.Value, "{{") {
		return ir.Auth{Kind: ir.AuthAPIKey, KeyName: key, KeyIn: "header", FromHeader: h.Value}, true
	}
	return ir.Auth{}, false
}

// headerRole is what a credentials header is, given the request's auth.
type headerRole int

const (
	headerIsAuth      headerRole = iota // the request has no auth (or noauth): the header is its auth
	headerRepeatsAuth                   // the request's auth sets this very header: Postman sends the auth
	headerBesideAuth                    // another header next to the request's auth: sent as a header
)

// headerAuthRole decides what a credentials header is for the request.
func (l *lowerer) headerAuthRole(ri *parser.RequestItem, a ir.Auth) headerRole {
	if ri.Auth == nil || ri.Auth.Type == "noauth" {
		return headerIsAuth
	}
	name := headerName(a)
	if ri.Auth.Type == "apikey" {
		if strings.EqualFold(strings.TrimSpace(l.resolve(ri.Auth.Get("key"))), name) && ri.Auth.Get("in") != "query" {
			return headerRepeatsAuth
		}
		return headerBesideAuth
	}
	if strings.EqualFold(name, "Authorization") {
		return headerRepeatsAuth // bearer, basic, oauth2 and the rest set Authorization
	}
	return headerBesideAuth
}

// applyHeaderAuth makes a header's auth the operation's: headers only
// carry auth for requests without one of their own (or noauth, under which
// Postman sends the header as written).
func (l *lowerer) applyHeaderAuth(op *ir.Operation, found []ir.Auth) {
	if len(found) > 0 {
		op.Auth = found[0]
	}
}

func headerName(a ir.Auth) string {
	if a.Kind == ir.AuthAPIKey {
		return a.KeyName
	}
	return "Authorization"
}
