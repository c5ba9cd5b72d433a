package runtime

import (
	"bytes"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
)

// wire is one request as a server saw it.
type wire struct {
	method, path, rawPath, query string
	header                       http.Header
	contentLength                int64
	body                         string
}

// wireServer records requests and answers each with the next of answers
// (the last repeats): a status and a body.
type wireServer struct {
	mu   sync.Mutex
	reqs []wire
	srv  *httptest.Server
}

type answer struct {
	status int
	body   string
}

func newWireServer(t *testing.T, answers ...answer) *wireServer {
	t.Helper()
	ws := &wireServer{}
	ws.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		ws.mu.Lock()
		a := answers[min(len(ws.reqs), len(answers)-1)]
		ws.reqs = append(ws.reqs, wire{r.Method, r.URL.Path, r.URL.RawPath, r.URL.RawQuery, r.Header.Clone(), r.ContentLength, string(body)})
		ws.mu.Unlock()
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(a.status)
		io.WriteString(w, a.body)
	}))
	t.Cleanup(ws.srv.Close)
	return ws
}

func (ws *wireServer) got() []wire {
	ws.mu.Lock()
	defer ws.mu.Unlock()
	return append([]wire(nil), ws.reqs...)
}

func TestDoSendsToTheBaseWithTheCollectionsAuth(t *testing.T) {
	ws := newWireServer(t, answer{200, `{"ok":true}`})
	c, err := newClient("http://unused.example", authBearer, []Option{WithBaseURL(ws.srv.URL + "/v2/"), WithBearerToken("tok-1"), WithUserAgent("ua/1")})
	if err != nil {
		t.Fatal(err)
	}
	resp, err := c.Do(t.Context(), http.MethodGet, "/things/a%2Fb?x=1&y=a+b", nil, WithQuery("z", "2 3"), WithHeader("Accept", "application/json"))
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != 200 || string(resp.Body) != `{"ok":true}` || resp.Header.Get("Content-Type") != "application/json" {
		t.Errorf("response = %d %q %v", resp.StatusCode, resp.Body, resp.Header)
	}
	got := ws.got()[0]
	if got.method != "GET" || got.path != "/v2/things/a/b" || got.rawPath != "/v2/things/a%2Fb" || got.query != "x=1&y=a+b&z=2%203" {
		t.Errorf("request line = %s %s (raw %s) ?%s; want GET /v2/things/a%%2Fb?x=1&y=a+b&z=2%%203", got.method, got.path, got.rawPath, got.query)
	}
	if got.header.Get("Authorization") != "Bearer tok-1" || got.header.Get("User-Agent") != "ua/1" || got.header.Get("Accept") != "application/json" || got.body != "" || got.contentLength != 0 {
		t.Errorf("headers %v, body %q; want the bearer token, the User-Agent, the Accept header and no body", got.header, got.body)
	}
}

func TestDoBody(t *testing.T) {
	ws := newWireServer(t, answer{201, `{}`})
	c, err := newClient(ws.srv.URL, authNone, nil)
	if err != nil {
		t.Fatal(err)
	}
	bodies := []io.Reader{strings.NewReader(`{"a":1}`), bytes.NewReader([]byte(`{"a":1}`)), bytes.NewBufferString(`{"a":1}`), io.MultiReader(strings.NewReader(`{"a":1}`))}
	for _, b := range bodies {
		if _, err := c.Do(t.Context(), http.MethodPost, "/w", b, WithHeader("Content-Type", "application/json")); err != nil {
			t.Fatal(err)
		}
	}
	for i, got := range ws.got() {
		wantLength := int64(7)
		if i == 3 {
			wantLength = -1 // a reader of unknown length is sent chunked
		}
		if got.body != `{"a":1}` || got.header.Values("Content-Type")[0] != "application/json" || len(got.header.Values("Content-Type")) != 1 || got.contentLength != wantLength {
			t.Errorf("body %d: %q, Content-Type %q, length %d; want the body, application/json once, length %d", i, got.body, got.header.Values("Content-Type"), got.contentLength, wantLength)
		}
	}
	// An empty reader sends no body.
	if _, err := c.Do(t.Context(), http.MethodPost, "/w", strings.NewReader("")); err != nil {
		t.Fatal(err)
	}
	if got := ws.got()[4]; got.contentLength != 0 || got.header.Get("Transfer-Encoding") != "" {
		t.Errorf("empty body sent with length %d, %v", got.contentLength, got.header)
	}
}

func TestDoErrorsRetriesAndLimits(t *testing.T) {
	ws := newWireServer(t, answer{404, `{"code":"not_found","message":"no widget w9"}`})
	c, _ := testClient(t, ws.srv.URL)
	_, err := c.Do(t.Context(), http.MethodDelete, "/widgets/w9?force=1", nil)
	var apiErr *APIError
	if !errors.As(err, &apiErr) || apiErr.StatusCode != 404 || apiErr.Code != "not_found" || apiErr.Operation != "Do DELETE /widgets/w9" {
		t.Fatalf("error = %v, want the 404 as an *APIError of Do DELETE /widgets/w9", err)
	}
	if got, want := err.Error(), "Do DELETE /widgets/w9: HTTP 404 (code not_found): no widget w9"; got != want {
		t.Errorf("error text = %q, want %q", got, want)
	}

	// A retry sends the seekable body again; POST only when the policy says so.
	ws = newWireServer(t, answer{503, ``}, answer{200, `ok`})
	c, _ = testClient(t, ws.srv.URL, WithRetry(RetryPolicy{RetryNonIdempotent: true}))
	resp, err := c.Do(t.Context(), http.MethodPost, "/jobs", strings.NewReader("payload"))
	if err != nil || string(resp.Body) != "ok" {
		t.Fatalf("Do = %v, %v; want ok after a retry", resp, err)
	}
	if got := ws.got(); len(got) != 2 || got[0].body != "payload" || got[1].body != "payload" {
		t.Errorf("attempts = %+v, want the payload twice", got)
	}

	ws = newWireServer(t, answer{200, `0123456789`})
	c, _ = testClient(t, ws.srv.URL, WithMaxResponseBytes(4))
	if _, err := c.Do(t.Context(), http.MethodGet, "/big", nil); !errors.Is(err, ErrResponseTooLarge) {
		t.Errorf("a body over the limit: %v, want ErrResponseTooLarge", err)
	}
}

func TestDoAPIKeyInQuery(t *testing.T) {
	ws := newWireServer(t, answer{200, ``})
	c, err := newClient(ws.srv.URL, apiKeyIn("api_key", "query"), []Option{WithAPIKey("key-1")})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.Do(t.Context(), http.MethodGet, "/x?api_key=mine&b=1", nil); err != nil {
		t.Fatal(err)
	}
	if got := ws.got()[0].query; got != "b=1&api_key=key-1" {
		t.Errorf("query = %q, want b=1&api_key=key-1: the client's key, once", got)
	}
}

// TestDoPathCannotNameAHost: Do's path is relative to the base URL; one
// that could reach another host, or climb out of the base path, is refused
// before anything is sent.
func TestDoPathCannotNameAHost(t *testing.T) {
	ws := newWireServer(t, answer{200, ``})
	c, err := newClient(ws.srv.URL+"/v2", authBearer, []Option{WithBearerToken("tok-1")})
	if err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{
		"https://evil.example/x", "http://evil.example", "//evil.example/x", "evil.example/x", "x", "",
		"/a#frag", "/../x", "/a/../../x", "/a/%2e%2e/b", "/./x", "/a/.", "%2Fx", "\\\\evil.example/x", "/a b%zz",
	} {
		if _, err := c.Do(t.Context(), http.MethodGet, path, nil); err == nil {
			t.Errorf("path %q accepted", path)
		} else if strings.Contains(err.Error(), "tok-1") {
			t.Errorf("path %q: error %q shows the token", path, err)
		}
	}
	if _, err := c.Do(t.Context(), "", "/x", nil); err == nil {
		t.Error("an empty method is accepted")
	}
	if n := len(ws.got()); n != 0 {
		t.Errorf("server got %d requests, want none", n)
	}
	// Dots inside a segment, and an escaped slash, are ordinary path text.
	if _, err := c.Do(t.Context(), http.MethodGet, "/files/v1..2/a.b/%2F", nil); err != nil {
		t.Fatal(err)
	}
	if got := ws.got()[0]; got.rawPath != "/v2/files/v1..2/a.b/%2F" || got.header.Get("Authorization") != "Bearer tok-1" {
		t.Errorf("request = %s %v", got.rawPath, got.header)
	}
}

func TestDoQuerySecretNotInErrors(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { resetConnection(t, w) }))
	defer srv.Close()
	c, _ := testClient(t, srv.URL, WithRetry(RetryPolicy{MaxAttempts: 1}))
	_, err := c.Do(t.Context(), http.MethodGet, "/x?access_token=q%2Bsecret&page=2", nil)
	if err == nil {
		t.Fatal("a reset connection returned no error")
	}
	if strings.Contains(err.Error(), "secret") || !strings.Contains(err.Error(), "page=2") {
		t.Errorf("error = %q, want the access_token hidden and the rest shown", err)
	}
}
