package lower

import (
	"testing"

	"github.com/postman2go/postman2go/generator/ir"
	"github.com/postman2go/postman2go/parser"
)

func TestHeaderAuthRole(t *testing.T) {
	l := &lowerer{}
	bearer := ir.Auth{Kind: ir.AuthBearer}
	key := ir.Auth{Kind: ir.AuthAPIKey, KeyName: "X-Api-Key"}
	apikey := func(name, in string) *parser.Auth {
		return &parser.Auth{Type: "apikey", Params: []parser.Param{{Key: "key", Value: name}, {Key: "in", Value: in}}}
	}
	cases := []struct {
		name string
		auth *parser.Auth
		a    ir.Auth
		want headerRole
	}{
		{"no auth: the header is the auth", nil, bearer, headerIsAuth},
		{"noauth: Postman sends the header", &parser.Auth{Type: "noauth"}, key, headerIsAuth},
		{"bearer and Authorization: a repeat", &parser.Auth{Type: "bearer"}, bearer, headerRepeatsAuth},
		{"bearer and an API key header: both go", &parser.Auth{Type: "bearer"}, key, headerBesideAuth},
		{"apikey auth on the same header", apikey("x-api-key", "header"), key, headerRepeatsAuth},
		{"apikey auth on another header", apikey("X-Other", "header"), key, headerBesideAuth},
		{"apikey auth in the query", apikey("X-Api-Key", "query"), key, headerBesideAuth},
	}
	for _, c := range cases {
		if got := l.headerAuthRole(&parser.RequestItem{Auth: c.auth}, c.a); got != c.want {
			t.Errorf("%s: role %d, want %d", c.name, got, c.want)
		}
	}
}
