package runtime

import (
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func TestWithQueryAddsAfterTheOperationsQuery(t *testing.T) {
	rec := newRecorder(t, false, nil)
	c := credentialClient(t, rec.srv.URL)
	r := newRequest("Op", http.MethodGet, authNone, nil)
	r.addPath("/p")
	r.addQuery("a", "1")
	opts := []RequestOption{WithQuery("b", "x y"), WithQuery("a", "2"), WithQuery("c&d", "e=f/g")}
	if _, _, err := c.send(t.Context(), r, opts); err != nil {
		t.Fatal(err)
	}
	if got, want := rec.got()[0].query, "a=1&b=x%20y&a=2&c%26d=e%3Df%2Fg"; got != want {
		t.Errorf("query = %q, want %q", got, want)
	}
}

func TestWithQueryCannotReplaceTheAPIKey(t *testing.T) {
	rec := newRecorder(t, false, nil)
	c := credentialClient(t, rec.srv.URL)
	opts := []RequestOption{WithQuery("api_key", "mine"), WithQuery("z", "9")}
	if _, _, err := c.send(t.Context(), credentialedRequest(apiKeyIn("api_key", "query")), opts); err != nil {
		t.Fatal(err)
	}
	if got, want := rec.got()[0].query, "q=1&api_key=key-1&z=9"; got != want {
		t.Errorf("query = %q, want %q (the client's key in place of the call's)", got, want)
	}
	// Without a key in the client, the call's value is sent.
	plain, err := newClient(rec.srv.URL, authInherit, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := plain.send(t.Context(), credentialedRequest(apiKeyIn("api_key", "query")), opts); err != nil {
		t.Fatal(err)
	}
	if got, want := rec.got()[1].query, "q=1&api_key=mine&z=9"; got != want {
		t.Errorf("query without a client key = %q, want %q", got, want)
	}
}

func TestWithQuerySecretNotInErrors(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { resetConnection(t, w) }))
	defer srv.Close()
	c := credentialClient(t, srv.URL)
	_, _, err := c.send(t.Context(), getRequest(), []RequestOption{WithQuery("access_token", "call-secret-1"), WithQuery("page", "7")})
	if err == nil {
		t.Fatal("a reset connection returned no error")
	}
	if strings.Contains(err.Error(), "call-secret-1") || !strings.Contains(err.Error(), "page=7") {
		t.Errorf("error = %q, want the access_token redacted and the rest shown", err)
	}
}

func TestCallRequestEditorRunsAfterTheClients(t *testing.T) {
	rec := newRecorder(t, false, nil)
	var order []string
	c := credentialClient(t, rec.srv.URL, WithRequestEditor(func(r *http.Request) error {
		order = append(order, "client:"+r.Header.Get("X-Step"))
		r.Header.Set("X-Step", "client")
		return nil
	}))
	call := WithCallRequestEditor(func(r *http.Request) error {
		order = append(order, "call:"+r.Header.Get("X-Step")+":"+r.Header.Get("Authorization"))
		return nil
	})
	if _, _, err := c.send(t.Context(), credentialedRequest(authBearer), []RequestOption{call}); err != nil {
		t.Fatal(err)
	}
	if _, _, err := c.send(t.Context(), credentialedRequest(authBearer), nil); err != nil {
		t.Fatal(err)
	}
	if got, want := fmt.Sprint(order), "[client: call:client:Bearer tok-1 client:]"; got != want {
		t.Errorf("editors ran as %s, want %s (the call's after the client's, on its call only)", got, want)
	}
	stop := errors.New("stop")
	_, _, err := c.send(t.Context(), credentialedRequest(authBearer), []RequestOption{WithCallRequestEditor(func(*http.Request) error { return stop })})
	if !errors.Is(err, stop) || len(rec.got()) != 2 {
		t.Errorf("error %v after %d requests, want the editor's error and nothing sent", err, len(rec.got()))
	}
}

// TestEditorCannotMoveCredentials: an editor that sends the request to
// another host, port or Host header takes the client's credentials off it
// first, with a client-wide or a per-call editor; what the editor sets
// itself goes. An editor that keeps the origin keeps the credentials.
func TestEditorCannotMoveCredentials(t *testing.T) {
	other := newRecorder(t, false, nil)
	origin := newRecorder(t, false, nil)
	to := func(target string) func(*http.Request) error {
		return func(r *http.Request) error {
			u := *r.URL
			u.Host = strings.TrimPrefix(target, "http://")
			r.URL, r.Host = &u, ""
			return nil
		}
	}
	moves := []struct {
		name   string
		client []Option
		call   []RequestOption
	}{
		{"client editor", []Option{WithRequestEditor(to(other.srv.URL))}, nil},
		{"call editor", nil, []RequestOption{WithCallRequestEditor(to(other.srv.URL))}},
	}
	for _, mv := range moves {
		c := credentialClient(t, origin.srv.URL, mv.client...)
		for _, tt := range redirectSchemes {
			if _, _, err := c.send(t.Context(), credentialedRequest(tt.auth), mv.call); err != nil {
				t.Fatalf("%s, %s: %v", mv.name, tt.name, err)
			}
		}
	}
	got := other.got()
	if len(got) != 2*len(redirectSchemes) || len(origin.got()) != 0 {
		t.Fatalf("the other host saw %d requests, the origin %d; want %d and 0", len(got), len(origin.got()), 2*len(redirectSchemes))
	}
	for i, s := range got {
		if want := (seen{path: "/start", query: "q=1"}); s != want {
			t.Errorf("%s, %s: the other host got %+v, want %+v", moves[i/len(redirectSchemes)].name, redirectSchemes[i%len(redirectSchemes)].name, s, want)
		}
	}

	// The editor's own credential for the new host is sent.
	own := credentialClient(t, origin.srv.URL, WithRequestEditor(func(r *http.Request) error {
		to(other.srv.URL)(r)
		r.Header.Set("Authorization", "Bearer for-the-other-host")
		r.Header.Set("X-Api-Key", "other-key")
		return nil
	}))
	for _, auth := range []authScheme{authBearer, apiKeyIn("X-Api-Key", "header")} {
		if _, _, err := own.send(t.Context(), credentialedRequest(auth), nil); err != nil {
			t.Fatal(err)
		}
	}
	for _, s := range other.got()[len(got):] {
		if s.authorization != "Bearer for-the-other-host" || s.apiKey != "other-key" {
			t.Errorf("the editor's own credentials were not sent: %+v", s)
		}
	}

	// Another Host header is another host too; a path or header change is not.
	hostHeader := credentialClient(t, origin.srv.URL, WithRequestEditor(func(r *http.Request) error {
		r.Host = "elsewhere.example"
		return nil
	}))
	if _, _, err := hostHeader.send(t.Context(), credentialedRequest(authBearer), nil); err != nil {
		t.Fatal(err)
	}
	stays := credentialClient(t, origin.srv.URL, WithRequestEditor(func(r *http.Request) error {
		r.URL.Path = "/elsewhere"
		r.Header.Set("X-Extra", "1")
		return nil
	}))
	if _, _, err := stays.send(t.Context(), credentialedRequest(authBearer), nil); err != nil {
		t.Fatal(err)
	}
	at := origin.got()
	if len(at) != 2 || at[0].authorization != "" || at[1] != (seen{path: "/elsewhere", query: "q=1", authorization: "Bearer tok-1"}) {
		t.Errorf("origin saw %+v; want no credential under another Host header, and the token on the same origin", at)
	}
}

type checked struct{ err error }

func (p checked) Validate() error { return p.err }

func TestValidationCanBeTurnedOff(t *testing.T) {
	invalid := checked{&ValidationError{Field: "type", Reason: "value \"new\" is not one of the documented values"}}
	on, err := newClient("http://h", authInherit, nil)
	if err != nil {
		t.Fatal(err)
	}
	off, err := newClient("http://h", authInherit, []Option{WithValidation(false)})
	if err != nil {
		t.Fatal(err)
	}
	back, err := newClient("http://h", authInherit, []Option{WithValidation(false), WithValidation(true)})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		c    *Client
		opts []RequestOption
		want error
	}{
		{"default", on, nil, invalid.err},
		{"other options", on, []RequestOption{WithHeader("X", "1"), nil}, invalid.err},
		{"call", on, []RequestOption{WithoutValidation()}, nil},
		{"client", off, nil, nil},
		{"client turned back on", back, nil, invalid.err},
	}
	for _, tt := range tests {
		got := tt.c.validate("Op", invalid, tt.opts)
		if tt.want == nil && got != nil || tt.want != nil && (!errors.Is(got, tt.want) || got.Error() != "Op: "+tt.want.Error()) {
			t.Errorf("%s: validate = %v, want Op: %v", tt.name, got, tt.want)
		}
	}
}
