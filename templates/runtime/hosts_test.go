package runtime

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
)

func TestAtBase(t *testing.T) {
	c, err := newClient("https://api.example.com/v1", authInherit, []Option{WithUserAgent("ua")})
	if err != nil {
		t.Fatal(err)
	}
	at, err := c.atBase(newRequest("Op", "GET", authNone, nil), "login.example.com:8443/oauth")
	if err != nil {
		t.Fatal(err)
	}
	if got := at.baseURL.String(); got != "https://login.example.com:8443/oauth" {
		t.Errorf("base = %q, want https:// added", got)
	}
	if at, err := c.atBase(newRequest("Op", "GET", authNone, nil), "http://plain.example.com"); err != nil || at.baseURL.String() != "http://plain.example.com" {
		t.Errorf("atBase with a scheme: %v, %v; want it kept", at, err)
	}
	if at.userAgent != "ua" || c.baseURL.String() != "https://api.example.com/v1" {
		t.Errorf("atBase changed the client or lost its options: %q %q", at.userAgent, c.baseURL)
	}
	if _, err := c.atBase(newRequest("Op", "GET", authNone, nil), "https://"); err == nil {
		t.Error("atBase with no host: no error")
	}
}

// TestBaseURLOption: a collection without a usable host has an empty
// default base; WithBaseURL must still make a working client.
func TestBaseURLOption(t *testing.T) {
	if _, err := newClient("", authInherit, nil); err == nil || err.Error() != "base URL is empty: give one with WithBaseURL" {
		t.Errorf("newClient without any base: error %v", err)
	}
	c, err := newClient("", authInherit, []Option{WithBaseURL("https://api.example.com/v2/")})
	if err != nil {
		t.Fatal(err)
	}
	if got := c.baseURL.String(); got != "https://api.example.com/v2" {
		t.Errorf("base = %q", got)
	}
	c, err = newClient("https://default.example.com", authInherit, []Option{WithBaseURL("http://127.0.0.1:8080")})
	if err != nil || c.baseURL.String() != "http://127.0.0.1:8080" {
		t.Errorf("WithBaseURL does not replace the default: %v %v", c, err)
	}
}

func TestHostParam(t *testing.T) {
	tests := []struct {
		value string
		ok    bool
	}{
		{"eu", true},
		{"eu-west-1", true},
		{"a.b.c", true},
		{"my_tenant", true},
		{"127.0.0.1", true},
		{"XN--BCHER-KVA", true},
		{strings.Repeat("a", 63), true},
		{"", false},
		{"attacker.example/#", false},
		{"attacker.example?", false},
		{"user@attacker.example", false},
		{"host:8080", false},
		{"a%2Fb", false},
		{"a b", false},
		{"a..b", false},
		{".a", false},
		{"a.", false},
		{"a\r\nb", false},
		{"[::1]", false},
		{"bücher", false},
		{strings.Repeat("a", 64), false},
		{strings.Repeat("a.", 127) + "a", false},
	}
	for _, tt := range tests {
		r := newRequest("Op", "GET", authNone, nil)
		if got := r.hostParam("region", tt.value); got != tt.value {
			t.Errorf("hostParam(%q) returned %q", tt.value, got)
		}
		checkParamError(t, "hostParam", r, tt.value, tt.ok)
	}
}

func TestPortParam(t *testing.T) {
	tests := []struct {
		value string
		ok    bool
	}{
		{"1", true}, {"80", true}, {"8443", true}, {"65535", true}, {"080", true},
		{"", false}, {"0", false}, {"00000", false}, {"65536", false}, {"123456", false}, {"-1", false},
		{"+80", false}, {"80/x", false}, {"80#", false}, {" 80", false}, {"８０", false},
	}
	for _, tt := range tests {
		r := newRequest("Op", "GET", authNone, nil)
		if got := r.portParam("port", tt.value); got != tt.value {
			t.Errorf("portParam(%q) returned %q", tt.value, got)
		}
		checkParamError(t, "portParam", r, tt.value, tt.ok)
	}
}

func TestBaseParam(t *testing.T) {
	tests := []struct {
		value string
		ok    bool
	}{
		{"https://api.example.com", true},
		{"http://127.0.0.1:8080/v1", true},
		{"HTTPS://API.example.com/", true},
		{"", false},
		{"api.example.com", true}, // atBase adds https://
		{"api.example.com:8443/v1", true},
		{"api.example.com/#", false},
		{"attacker.example/#.api.example.com", false},
		{"u@api.example.com", false},
		{"ftp://api.example.com", false},
		{"javascript:alert(1)", false},
		{"https://", false},
		{"https:api.example.com", false},
		{"https://user:pw@api.example.com", false},
		{"https://attacker.example@api.example.com", false},
		{"https://api.example.com?x=1", false},
		{"https://api.example.com/?", false},
		{"https://api.example.com/#", false},
		{"https://api.example.com/#frag", false},
		{"https://a b.example.com", false},
		{"https://api.example.com\r\n", false},
		{"//api.example.com", false},
	}
	for _, tt := range tests {
		r := newRequest("Op", "GET", authNone, nil)
		if got := r.baseParam("baseUrl", tt.value); got != tt.value {
			t.Errorf("baseParam(%q) returned %q", tt.value, got)
		}
		checkParamError(t, "baseParam", r, tt.value, tt.ok)
	}
}

// checkParamError checks the *ValidationError a host, port or base
// parameter records, which must not quote the value.
func checkParamError(t *testing.T, fn string, r *request, value string, ok bool) {
	t.Helper()
	if ok {
		if r.err != nil {
			t.Errorf("%s(%q) refused a valid value: %v", fn, value, r.err)
		}
		return
	}
	var ve *ValidationError
	if !errors.As(r.err, &ve) || ve.Field == "" {
		t.Errorf("%s(%q) = error %v, want a *ValidationError", fn, value, r.err)
		return
	}
	if value != "" && strings.Contains(ve.Error(), value) {
		t.Errorf("%s(%q): the error quotes the value: %v", fn, value, ve)
	}
}

func TestParamErrorKeepsTheFirst(t *testing.T) {
	r := newRequest("Op", "GET", authNone, nil)
	r.hostParam("region", "a/b")
	r.portParam("port", "x")
	if ve, ok := r.err.(*ValidationError); !ok || ve.Field != "region" {
		t.Errorf("error %v, want the first one, for region", r.err)
	}
}

// TestHostParamBlocksTheRequest: a hostile host value never reaches any
// server; build reports it before sending.
func TestHostParamBlocksTheRequest(t *testing.T) {
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { hits.Add(1) }))
	defer srv.Close()
	c, err := newClient("https://api.example.com", authInherit, []Option{WithBearerToken("tok")})
	if err != nil {
		t.Fatal(err)
	}
	hostile := strings.TrimPrefix(srv.URL, "http://") + "/#"
	r := newRequest("Op", "GET", authBearer, nil)
	at, err := c.atBase(r, "http://"+r.hostParam("region", hostile)+".status.example.com")
	if err == nil {
		_, _, err = at.send(t.Context(), r, nil)
	}
	var ve *ValidationError
	if !errors.As(err, &ve) || ve.Field != "region" || hits.Load() != 0 {
		t.Errorf("error %v, %d requests; want the region refused and nothing sent", err, hits.Load())
	}
}
