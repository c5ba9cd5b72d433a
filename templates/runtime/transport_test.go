package runtime

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
)

// seen is what a server received in one request.
type seen struct {
	path, query, authorization, apiKey string
}

// recorder is an httptest server that records each request and answers
// with handle, or 204 when handle is nil.
type recorder struct {
	mu   sync.Mutex
	reqs []seen
	srv  *httptest.Server
}

func newRecorder(t *testing.T, tls bool, handle http.HandlerFunc) *recorder {
	t.Helper()
	rec := &recorder{}
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rec.mu.Lock()
		rec.reqs = append(rec.reqs, seen{r.URL.Path, r.URL.RawQuery, r.Header.Get("Authorization"), r.Header.Get("X-Api-Key")})
		rec.mu.Unlock()
		if handle != nil {
			handle(w, r)
			return
		}
		w.WriteHeader(http.StatusNoContent)
	})
	if tls {
		rec.srv = httptest.NewTLSServer(h)
	} else {
		rec.srv = httptest.NewServer(h)
	}
	t.Cleanup(rec.srv.Close)
	return rec
}

func (rec *recorder) got() []seen {
	rec.mu.Lock()
	defer rec.mu.Unlock()
	return append([]seen(nil), rec.reqs...)
}

// redirectTo answers every request with a 307 to target plus the
// request's own query.
func redirectTo(target func() string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, target()+"?"+r.URL.RawQuery, http.StatusTemporaryRedirect)
	}
}

func credentialedRequest(auth authScheme) *request {
	r := newRequest("Op", http.MethodGet, auth, nil)
	r.addPath("/start")
	r.addQuery("q", "1")
	return r
}

var redirectSchemes = []struct {
	name string
	auth authScheme
}{
	{"bearer", authBearer},
	{"custom prefix", bearerWith("Token")},
	{"basic", authBasic},
	{"API key header", apiKeyIn("X-Api-Key", "header")},
	{"API key query", apiKeyIn("api_key", "query")},
}

func credentialClient(t *testing.T, base string, opts ...Option) *Client {
	t.Helper()
	opts = append([]Option{WithBearerToken("tok-1"), WithBasicAuth("ann", "pw-1"), WithAPIKey("key-1"), WithRetry(RetryPolicy{MaxAttempts: 1})}, opts...)
	c, err := newClient(base, authInherit, opts)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// sentCredential reports whether s carries one of credentialClient's
// credentials.
func sentCredential(s seen) bool {
	return s.authorization != "" || s.apiKey != "" || strings.Contains(s.query, "api_key")
}

func TestRedirectToAnotherHostDropsCredentials(t *testing.T) {
	other := newRecorder(t, false, nil)
	origin := newRecorder(t, false, redirectTo(func() string { return other.srv.URL + "/landing" }))
	c := credentialClient(t, origin.srv.URL)
	for _, tt := range redirectSchemes {
		if _, _, err := c.send(t.Context(), credentialedRequest(tt.auth), nil); err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
	}
	first, landed := origin.got(), other.got()
	if len(first) != len(redirectSchemes) || len(landed) != len(redirectSchemes) {
		t.Fatalf("origin saw %d requests, the other host %d; want %d each", len(first), len(landed), len(redirectSchemes))
	}
	for i, tt := range redirectSchemes {
		if !sentCredential(first[i]) {
			t.Errorf("%s: the origin got no credential: %+v", tt.name, first[i])
		}
		if want := (seen{path: "/landing", query: "q=1"}); landed[i] != want {
			t.Errorf("%s: the other host got %+v, want %+v", tt.name, landed[i], want)
		}
	}
}

func TestRedirectOnSameHostKeepsCredentials(t *testing.T) {
	var origin *recorder
	origin = newRecorder(t, false, func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/start" {
			redirectTo(func() string { return origin.srv.URL + "/landing" })(w, r)
		}
	})
	c := credentialClient(t, origin.srv.URL)
	want := map[string]seen{
		"bearer":         {authorization: "Bearer tok-1"},
		"custom prefix":  {authorization: "Token tok-1"},
		"basic":          {authorization: "Basic " + basicToken("ann", "pw-1")},
		"API key header": {apiKey: "key-1"},
		"API key query":  {},
	}
	for _, tt := range redirectSchemes {
		if _, _, err := c.send(t.Context(), credentialedRequest(tt.auth), nil); err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		got := origin.got()
		w := want[tt.name]
		w.path, w.query = "/landing", "q=1"
		if tt.name == "API key query" {
			w.query = "q=1&api_key=key-1"
		}
		if last := got[len(got)-1]; last != w {
			t.Errorf("%s: the redirect got %+v, want %+v", tt.name, last, w)
		}
	}
}

// TestRedirectBackToOriginStaysStripped: net/http copies the first
// request's headers into every hop, so a hop back to the origin must not
// get the credentials back.
func TestRedirectBackToOriginStaysStripped(t *testing.T) {
	var origin *recorder
	other := newRecorder(t, false, redirectTo(func() string { return origin.srv.URL + "/back" }))
	origin = newRecorder(t, false, func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/start" {
			redirectTo(func() string { return other.srv.URL + "/away" })(w, r)
		}
	})
	c := credentialClient(t, origin.srv.URL)
	for _, tt := range redirectSchemes {
		if _, _, err := c.send(t.Context(), credentialedRequest(tt.auth), nil); err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		got := origin.got()
		if last := got[len(got)-1]; last != (seen{path: "/back", query: "q=1"}) {
			t.Errorf("%s: the hop back got %+v, want no credential", tt.name, last)
		}
	}
}

func TestRedirectHTTPSToHTTPRefused(t *testing.T) {
	plain := newRecorder(t, false, nil)
	secure := newRecorder(t, true, redirectTo(func() string { return plain.srv.URL + "/landing" }))
	for _, tt := range redirectSchemes {
		c := credentialClient(t, secure.srv.URL, WithHTTPClient(secure.srv.Client()))
		_, _, err := c.send(t.Context(), credentialedRequest(tt.auth), nil)
		if !errors.Is(err, errInsecureRedirect) || !strings.Contains(err.Error(), "refusing redirect from https to http") {
			t.Errorf("%s: error %v, want the redirect refused", tt.name, err)
		}
		if err != nil && strings.Contains(err.Error(), "key-1") {
			t.Errorf("%s: the error shows the API key of the Location: %v", tt.name, err)
		}
	}
	if n := len(plain.got()); n != 0 {
		t.Errorf("the http server got %d requests, want none", n)
	}
	if n := len(secure.got()); n != len(redirectSchemes) {
		t.Errorf("the https server got %d requests, want %d", n, len(redirectSchemes))
	}
}

func TestRedirectPolicyWrapsUsersCheckRedirect(t *testing.T) {
	other := newRecorder(t, false, nil)
	origin := newRecorder(t, false, redirectTo(func() string { return other.srv.URL + "/landing" }))
	var calls int
	var authSeen []string
	hc := &http.Client{CheckRedirect: func(req *http.Request, via []*http.Request) error {
		calls++
		authSeen = append(authSeen, req.Header.Get("Authorization"))
		return nil
	}}
	c := credentialClient(t, origin.srv.URL, WithHTTPClient(hc))
	if _, _, err := c.send(t.Context(), credentialedRequest(authBearer), nil); err != nil {
		t.Fatal(err)
	}
	if calls != 1 || authSeen[0] != "" {
		t.Errorf("the user's CheckRedirect ran %d times and saw Authorization %q; want once, after the policy dropped it", calls, authSeen)
	}
	if got := other.got(); len(got) != 1 || got[0].authorization != "" {
		t.Errorf("the other host got %+v", got)
	}
	// The user's client is not changed: its CheckRedirect is still the
	// user's own, which leaves a header alone.
	if c.httpClient == hc {
		t.Fatal("the client uses the user's *http.Client itself, not a copy")
	}
	req := httptest.NewRequest(http.MethodGet, "http://elsewhere.example/", nil)
	req.Header.Set("Authorization", "Bearer x")
	prev := httptest.NewRequest(http.MethodGet, "http://origin.example/", nil)
	if err := hc.CheckRedirect(req, []*http.Request{prev}); err != nil || req.Header.Get("Authorization") != "Bearer x" || calls != 2 {
		t.Errorf("the user's CheckRedirect was replaced: err %v, Authorization %q, calls %d", err, req.Header.Get("Authorization"), calls)
	}
}

func TestRedirectLimitKept(t *testing.T) {
	var loop *recorder
	loop = newRecorder(t, false, redirectTo(func() string { return loop.srv.URL + "/again" }))
	for name, opts := range map[string][]Option{
		"default client":                      nil,
		"user's client without CheckRedirect": {WithHTTPClient(&http.Client{})},
	} {
		before := len(loop.got())
		c := credentialClient(t, loop.srv.URL, opts...)
		_, _, err := c.send(t.Context(), credentialedRequest(authBearer), nil)
		if err == nil || !strings.Contains(err.Error(), "stopped after 10 redirects") {
			t.Errorf("%s: error %v, want stopped after 10 redirects", name, err)
		}
		if n := len(loop.got()) - before; n != 10 {
			t.Errorf("%s: %d requests, want 10 as net/http sends", name, n)
		}
	}
}

func TestDropQueryKey(t *testing.T) {
	for _, tt := range []struct{ in, key, want string }{
		{"q=1&api_key=k&z=2", "api_key", "q=1&z=2"},
		{"api%5Fkey=k&API_KEY=k2&q=a%20b", "api_key", "q=a%20b"},
		{"api_key", "api_key", ""},
		{"q=1", "api_key", "q=1"},
	} {
		if got := dropQueryKey(tt.in, tt.key); got != tt.want {
			t.Errorf("dropQueryKey(%q, %q) = %q, want %q", tt.in, tt.key, got, tt.want)
		}
	}
}

func TestDefaultHTTPClient(t *testing.T) {
	c, err := newClient("https://api.example.com", authInherit, nil)
	if err != nil {
		t.Fatal(err)
	}
	if c.httpClient == http.DefaultClient || c.httpClient != defaultHTTPClient() {
		t.Fatal("the client does not use the shared default client")
	}
	if c.bodyIdle != bodyIdleTimeout || bodyIdleTimeout == 0 {
		t.Errorf("body idle guard %v, want %v", c.bodyIdle, bodyIdleTimeout)
	}
	tr, ok := c.httpClient.Transport.(*http.Transport)
	if !ok {
		t.Fatalf("transport %T, want *http.Transport", c.httpClient.Transport)
	}
	if tr == http.DefaultTransport || tr.DialContext == nil || tr.TLSHandshakeTimeout != 10*time.Second ||
		tr.ResponseHeaderTimeout != 60*time.Second || tr.Proxy == nil || c.httpClient.CheckRedirect == nil {
		t.Errorf("default transport: DialContext set %v, TLS %v, headers %v, proxy set %v, redirect policy %v",
			tr.DialContext != nil, tr.TLSHandshakeTimeout, tr.ResponseHeaderTimeout, tr.Proxy != nil, c.httpClient.CheckRedirect != nil)
	}
	if dialTimeout != 30*time.Second {
		t.Errorf("dial timeout %v", dialTimeout)
	}
	user, err := newClient("https://api.example.com", authInherit, []Option{WithHTTPClient(&http.Client{Timeout: time.Minute})})
	if err != nil {
		t.Fatal(err)
	}
	if user.bodyIdle != 0 || user.httpClient.Timeout != time.Minute {
		t.Errorf("a user's client: body idle guard %v, timeout %v; want none and the user's", user.bodyIdle, user.httpClient.Timeout)
	}
}

// stalling is a server whose handler writes prefix (headers and part of the
// body when prefix is not empty) and then waits for the client to go.
func stalling(t *testing.T, prefix string) *httptest.Server {
	t.Helper()
	release := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if prefix != "" {
			w.Write([]byte(prefix))
			w.(http.Flusher).Flush()
		}
		select {
		case <-r.Context().Done():
		case <-release:
		}
	}))
	t.Cleanup(srv.Close)
	t.Cleanup(func() { close(release) })
	return srv
}

func TestDefaultClientResponseHeaderTimeout(t *testing.T) {
	defer func(d time.Duration) { responseHeaderTimeout = d }(responseHeaderTimeout)
	responseHeaderTimeout = 20 * time.Millisecond
	srv := stalling(t, "")
	c, err := newClient(srv.URL, authInherit, []Option{WithRetry(RetryPolicy{MaxAttempts: 1})})
	if err != nil {
		t.Fatal(err)
	}
	c.httpClient = newDefaultHTTPClient() // with the shortened timeout
	// The deadline only ends the test if the transport waits forever.
	ctx, cancel := context.WithTimeout(t.Context(), 30*time.Second)
	defer cancel()
	_, _, err = c.send(ctx, getRequest(), nil)
	if err == nil || ctx.Err() != nil || !strings.Contains(err.Error(), "timeout awaiting response headers") {
		t.Errorf("error %v, want the response header timeout", err)
	}
}

func TestDefaultClientBodyIdleGuard(t *testing.T) {
	srv := stalling(t, `{"partial":`)
	c, err := newClient(srv.URL, authInherit, []Option{WithRetry(RetryPolicy{MaxAttempts: 1})})
	if err != nil {
		t.Fatal(err)
	}
	c.bodyIdle = 20 * time.Millisecond
	ctx, cancel := context.WithTimeout(t.Context(), 30*time.Second)
	defer cancel()
	_, body, err := c.send(ctx, getRequest(), nil)
	if !errors.Is(err, errBodyStalled) || errors.Is(err, context.DeadlineExceeded) || body != nil {
		t.Errorf("body %q, error %v; want no body and the stall", body, err)
	}
	if err != nil && !strings.HasPrefix(err.Error(), "Op: reading response: response body stalled: nothing received for 20ms") {
		t.Errorf("error %q", err)
	}
}
