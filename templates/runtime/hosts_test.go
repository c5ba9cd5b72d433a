package runtime

import "testing"

func TestAtBase(t *testing.T) {
	c, err := newClient("https://api.example.com/v1", []Option{WithUserAgent("ua")})
	if err != nil {
		t.Fatal(err)
	}
	at, err := c.atBase("login.example.com:8443/oauth")
	if err != nil {
		t.Fatal(err)
	}
	if got := at.baseURL.String(); got != "http://login.example.com:8443/oauth" {
		t.Errorf("base = %q, want http:// added as Postman does", got)
	}
	if at.userAgent != "ua" || c.baseURL.String() != "https://api.example.com/v1" {
		t.Errorf("atBase changed the client or lost its options: %q %q", at.userAgent, c.baseURL)
	}
	if _, err := c.atBase("https://"); err == nil {
		t.Error("atBase with no host: no error")
	}
}

// TestBaseURLOption: a collection without a usable host has an empty
// default base; WithBaseURL must still make a working client.
func TestBaseURLOption(t *testing.T) {
	if _, err := newClient("", nil); err == nil || err.Error() != "base URL is empty: give one with WithBaseURL" {
		t.Errorf("newClient without any base: error %v", err)
	}
	c, err := newClient("", []Option{WithBaseURL("https://api.example.com/v2/")})
	if err != nil {
		t.Fatal(err)
	}
	if got := c.baseURL.String(); got != "https://api.example.com/v2" {
		t.Errorf("base = %q", got)
	}
	c, err = newClient("https://default.example.com", []Option{WithBaseURL("http://127.0.0.1:8080")})
	if err != nil || c.baseURL.String() != "http://127.0.0.1:8080" {
		t.Errorf("WithBaseURL does not replace the default: %v %v", c, err)
	}
}
