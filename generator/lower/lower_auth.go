package lower

// Auth: the effective Postman auth of a request becomes a runtime scheme.

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/postman2go/postman2go/generator/ir"
	"github.com/postman2go/postman2go/parser"
)

// auth maps the effective Postman auth to the runtime scheme and warns
// about schemes the client cannot compute.
func (l *lowerer) auth(ri *parser.RequestItem) ir.Auth {
	if ri.Auth == nil {
		return ir.Auth{Kind: ir.AuthInherit}
	}
	switch ri.Auth.Type {
	case "noauth":
		return ir.Auth{Kind: ir.AuthNone}
	case "bearer":
		return ir.Auth{Kind: ir.AuthBearer}
	case "oauth2":
		if ri.Auth.Get("addTokenTo") == "queryParams" {
			// The token goes in the query; the client only sends it in a header.
			break
		}
		prefix := strings.TrimSpace(l.resolve(ri.Auth.Get("headerPrefix")))
		if prefix == "Bearer" || prefix == "" || strings.Contains(prefix, "{{") || !validHeaderName(prefix) {
			prefix = ""
		}
		return ir.Auth{Kind: ir.AuthBearer, Prefix: prefix}
	case "basic":
		return ir.Auth{Kind: ir.AuthBasic}
	case "apikey":
		// Postman sends the key in a header unless "in" is "query".
		name, in := strings.TrimSpace(l.resolve(ri.Auth.Get("key"))), "header"
		if ri.Auth.Get("in") == "query" {
			in = "query"
		}
		if name != "" && !strings.Contains(name, "{{") && (in == "query" || validHeaderName(name)) {
			return ir.Auth{Kind: ir.AuthAPIKey, KeyName: name, KeyIn: in}
		}
		l.warnf(ri, "apikey auth has no usable key name (%q); add the key with WithRequestEditor", name)
		return ir.Auth{Kind: ir.AuthOther}
	}
	if _, ok := l.otherAuth[ri.Auth.Type]; !ok {
		l.authOrder = append(l.authOrder, ri.Auth.Type)
	}
	l.otherAuth[ri.Auth.Type] = append(l.otherAuth[ri.Auth.Type], ri)
	return ir.Auth{Kind: ir.AuthOther}
}

// warnAuth reports each auth type the client does not implement once, with
// the requests that use it.
func (l *lowerer) warnAuth() {
	for _, typ := range l.authOrder {
		ris := l.otherAuth[typ]
		l.warnf(ris[0], "auth %q is not implemented by the client%s; add it with WithRequestEditor", typ, usedBy(ris))
	}
}

// usedBy names up to three requests of a group, after the first (which the
// warning names), and counts the rest: "" for one request.
func usedBy(ris []*parser.RequestItem) string {
	var names []string
	for i, ri := range ris {
		if i == 3 {
			names = append(names, fmt.Sprintf("and %d more", len(ris)-3))
			break
		}
		names = append(names, strconv.Quote(itemName(ri)))
	}
	if len(ris) == 1 {
		return ""
	}
	return fmt.Sprintf(" (used by %d requests: %s)", len(ris), strings.Join(names, ", "))
}

// validHeaderName reports whether s is an HTTP token (RFC 9110).
func validHeaderName(s string) bool {
	for _, r := range s {
		if r >= 0x80 || r <= ' ' || strings.ContainsRune("\"(),/:;<=>?@[\\]{}\x7f", r) {
			return false
		}
	}
	return s != ""
}
