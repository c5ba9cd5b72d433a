package lower

import (
	"strings"
	"testing"
)

// TestDisabledCopiesAreAlternatives: a key listed once enabled and again
// disabled is one field; a key listed enabled twice stays two.
func TestDisabledCopiesAreAlternatives(t *testing.T) {
	data := []byte(`{"info": {"name": "t", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
	"item": [{"name": "Token", "request": {"method": "POST", "url": "https://api.example.test/token?tag=a&tag=b",
		"body": {"mode": "urlencoded", "urlencoded": [
			{"key": "grant_type", "value": "client_credentials"},
			{"key": "grant_type", "value": "refresh_token", "disabled": true},
			{"key": "refresh_token", "value": "r"},
			{"key": "grant_type", "value": "authorization_code", "disabled": true}
		]}}}]}`)
	pkg, _ := Package(parseOrFail(t, data), Options{Package: "p"})
	var names []string
	for _, f := range pkg.Operations[0].Fields {
		names = append(names, f.Name)
	}
	if got := strings.Join(names, " "); got != "Tag Tag2 GrantType RefreshToken" {
		t.Errorf("fields = %q, want Tag Tag2 GrantType RefreshToken", got)
	}
	gt := pkg.Operations[0].Fields[2]
	if gt.Disabled || gt.Example != "client_credentials" || !strings.Contains(strings.Join(gt.Doc, " "), "refresh_token, authorization_code (disabled)") {
		t.Errorf("GrantType = disabled %v, example %q, doc %q", gt.Disabled, gt.Example, gt.Doc)
	}
}
