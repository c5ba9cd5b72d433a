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

// applyHeaderAuth makes a header's auth the operation's when the collection
// gives the request none (or noauth, under which Postman sends the header
// as written); with another auth it warns, and the collection's auth wins,
// as it does in Postman.
func (l *lowerer) applyHeaderAuth(op *ir.Operation, ri *parser.RequestItem, found []ir.Auth) {
	if len(found) == 0 {
		return
	}
	if len(found) > 1 {
		l.warnf(ri, "%d headers carry credentials; the client sends the first (%s) as its auth", len(found), headerName(found[0]))
	}
	switch op.Auth.Kind {
	case ir.AuthInherit, ir.AuthNone:
		op.Auth = found[0]
	default:
		l.warnf(ri, "the %s header repeats the request's %s auth; the client sends the auth", headerName(found[0]), ri.Auth.Type)
	}
}

func headerName(a ir.Auth) string {
	if a.Kind == ir.AuthAPIKey {
		return a.KeyName
	}
	return "Authorization"
}
