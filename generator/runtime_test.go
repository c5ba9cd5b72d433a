package generator_test

// Behaviour tests of the runtime through the golden package runtimewire
// (testdata/runtime-wire): every request goes to an httptest server and the
// tests assert what reached the wire.

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os/exec"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/postman2go/postman2go/generator"
	rw "github.com/postman2go/postman2go/golden/runtimewire"
	"github.com/postman2go/postman2go/parser"
)

// fastRetry retries without waiting noticeably, so that retry tests count
// attempts instead of timing them.
var fastRetry = rw.WithRetry(rw.RetryPolicy{MinDelay: time.Nanosecond, MaxDelay: time.Millisecond})

func newRW(t *testing.T, base string, opts ...rw.Option) *rw.Client {
	t.Helper()
	c, err := rw.NewClient(append([]rw.Option{rw.WithBaseURL(base + "/v1")}, opts...)...)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// wireServer records the raw bytes of every request it reads.
type wireServer struct {
	mu  sync.Mutex
	raw bytes.Buffer
	srv *httptest.Server
}

func newWireServer(t *testing.T, status int, body string) *wireServer {
	t.Helper()
	ws := &wireServer{}
	ws.srv = httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.Copy(io.Discard, r.Body)
		w.WriteHeader(status)
		io.WriteString(w, body)
	}))
	ws.srv.Listener = teeListener{ws.srv.Listener, ws}
	ws.srv.Start()
	t.Cleanup(ws.srv.Close)
	return ws
}

func (ws *wireServer) bytes() string {
	ws.mu.Lock()
	defer ws.mu.Unlock()
	return ws.raw.String()
}

type teeListener struct {
	net.Listener
	ws *wireServer
}

func (l teeListener) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if err != nil {
		return nil, err
	}
	return teeConn{c, l.ws}, nil
}

type teeConn struct {
	net.Conn
	ws *wireServer
}

func (c teeConn) Read(p []byte) (int, error) {
	n, err := c.Conn.Read(p)
	c.ws.mu.Lock()
	c.ws.raw.Write(p[:n])
	c.ws.mu.Unlock()
	return n, err
}

func TestRuntimeWireBytesPathParamStaysOneSegment(t *testing.T) {
	ws := newWireServer(t, http.StatusOK, `{}`)
	c := newRW(t, ws.srv.URL, rw.WithAPIKey("key-123"), rw.WithUserAgent("petclient/1.0"), rw.WithBearerToken("unused-token"))
	_, err := c.GetPet(context.Background(), rw.GetPetParams{PetID: "../../admin?x=1", Fields: "name tag", XRequestID: "r1"})
	if err != nil {
		t.Fatal(err)
	}
	want := "GET /v1/pets/..%2F..%2Fadmin%3Fx=1?fields=name%20tag HTTP/1.1\r\n" +
		"Host: " + ws.srv.Listener.Addr().String() + "\r\n" +
		"User-Agent: petclient/1.0\r\n" +
		"X-Api-Key: key-123\r\n" +
		"X-Request-Id: r1\r\n" +
		"Accept-Encoding: gzip\r\n" +
		"\r\n"
	if got := ws.bytes(); got != want {
		t.Errorf("wire bytes:\n%q\nwant\n%q", got, want)
	}
}

func TestRuntimeWireBytesJSONBody(t *testing.T) {
	ws := newWireServer(t, http.StatusCreated, `{}`)
	c := newRW(t, ws.srv.URL, rw.WithAPIKey("k"))
	resp, err := c.CreatePet(context.Background(), rw.CreatePetParams{RawBody: []byte(`{"name":"Rex"}`)}, rw.WithHeader("Idempotency-Key", "i-1"), rw.WithHeader("Idempotency-Key", "i-2"))
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != http.StatusCreated {
		t.Errorf("StatusCode = %d", resp.StatusCode)
	}
	want := "POST /v1/pets HTTP/1.1\r\n" +
		"Host: " + ws.srv.Listener.Addr().String() + "\r\n" +
		"User-Agent: Go-http-client/1.1\r\n" +
		"Content-Length: 14\r\n" +
		"Content-Type: application/json\r\n" +
		"Idempotency-Key: i-1\r\n" +
		"Idempotency-Key: i-2\r\n" +
		"X-Api-Key: k\r\n" +
		"Accept-Encoding: gzip\r\n" +
		"\r\n" +
		`{"name":"Rex"}`
	if got := ws.bytes(); got != want {
		t.Errorf("wire bytes:\n%q\nwant\n%q", got, want)
	}
}

func TestRuntimePathParamEscaping(t *testing.T) {
	tests := []struct{ value, rawPath, path string }{
		{"../../admin?x=1", "/v1/pets/..%2F..%2Fadmin%3Fx=1", "/v1/pets/../../admin?x=1"},
		{"..", "/v1/pets/%2E%2E", "/v1/pets/.."},
		{".", "/v1/pets/%2E", "/v1/pets/."},
		{"a/b#c d", "/v1/pets/a%2Fb%23c%20d", "/v1/pets/a/b#c d"},
	}
	for _, tt := range tests {
		rec := newRecorder(t, http.StatusNoContent, nil, "")
		c := newRW(t, rec.srv.URL)
		if _, err := c.DeletePet(context.Background(), rw.DeletePetParams{PetID: tt.value}); err != nil {
			t.Fatalf("%q: %v", tt.value, err)
		}
		req := rec.only(t)
		if req.RawPath != tt.rawPath || req.Path != tt.path || req.RawQuery != "" {
			t.Errorf("%q: path %q raw %q query %q, want %q raw %q and no query", tt.value, req.Path, req.RawPath, req.RawQuery, tt.path, tt.rawPath)
		}
	}
}

// authSeen is the auth each operation put on the wire.
type authSeen struct {
	authorization, apiKeyHeader, query string
}

func TestRuntimeAuthPerOperation(t *testing.T) {
	rec := newRecorder(t, http.StatusOK, nil, `{}`)
	c := newRW(t, rec.srv.URL, rw.WithBearerToken("tok"), rw.WithBasicAuth("ann", "pw"), rw.WithAPIKey("key 1"))
	ctx := context.Background()
	calls := []struct {
		name string
		call func() error
		want authSeen
	}{
		// The collection's apikey auth, inherited through the folder.
		{"GetPet", func() error { _, err := c.GetPet(ctx, rw.GetPetParams{PetID: "p"}); return err }, authSeen{"", "key 1", ""}},
		// The request's own apikey auth, in the query, after the params.
		{"Search", func() error { _, err := c.Search(ctx, rw.SearchParams{Q: "rex"}); return err }, authSeen{"", "", "q=rex&api_key=key%201"}},
		// Bearer from the folder.
		{"ListAuditEvents", func() error { _, err := c.ListAuditEvents(ctx, rw.ListAuditEventsParams{}); return err }, authSeen{"Bearer tok", "", ""}},
		// Basic on the request overrides the folder's bearer.
		{"RotateKeys", func() error { _, err := c.RotateKeys(ctx, rw.RotateKeysParams{}); return err }, authSeen{"Basic YW5uOnB3", "", ""}},
		// noauth sends none of the credentials.
		{"DeletePet", func() error { _, err := c.DeletePet(ctx, rw.DeletePetParams{PetID: "p"}); return err }, authSeen{}},
		{"Ping", func() error { _, err := c.Ping(ctx, rw.PingParams{}); return err }, authSeen{}},
		// hawk is not implemented: nothing is sent (WithRequestEditor can sign).
		{"SignedExport", func() error { _, err := c.SignedExport(ctx, rw.SignedExportParams{}); return err }, authSeen{}},
	}
	for i, tt := range calls {
		if err := tt.call(); err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		req := rec.requests[i]
		got := authSeen{req.Header.Get("Authorization"), req.Header.Get("X-API-Key"), req.RawQuery}
		if got != tt.want {
			t.Errorf("%s sent %+v, want %+v", tt.name, got, tt.want)
		}
	}
}

// TestRuntimeDoSendsTheCollectionsAuth: Client.Do reaches a path the
// collection lacks, under the base URL, with the collection's own auth
// (runtime-wire's apikey header), and maps an error status.
func TestRuntimeDoSendsTheCollectionsAuth(t *testing.T) {
	rec := newRecorder(t, http.StatusOK, nil, `{"id":"x1"}`)
	c := newRW(t, rec.srv.URL, rw.WithBearerToken("tok"), rw.WithAPIKey("key 1"))
	resp, err := c.Do(context.Background(), http.MethodPut, "/undocumented/x1?dry=1", strings.NewReader(`{"a":1}`), rw.WithHeader("Content-Type", "application/json"))
	if err != nil {
		t.Fatal(err)
	}
	req := rec.only(t)
	got := authSeen{req.Header.Get("Authorization"), req.Header.Get("X-API-Key"), req.RawQuery}
	if req.Method != "PUT" || req.Path != "/v1/undocumented/x1" || got != (authSeen{"", "key 1", "dry=1"}) || string(req.Body) != `{"a":1}` || req.Header.Get("Content-Type") != "application/json" {
		t.Errorf("Do sent %s %s %+v %q %q; want PUT /v1/undocumented/x1?dry=1 with the API key header and the JSON body", req.Method, req.Path, got, req.Body, req.Header.Get("Content-Type"))
	}
	if resp.StatusCode != 200 || string(resp.Body) != `{"id":"x1"}` {
		t.Errorf("response = %d %q", resp.StatusCode, resp.Body)
	}

	rec = newRecorder(t, http.StatusConflict, nil, `{"error":{"code":"taken","message":"name taken"}}`)
	c = newRW(t, rec.srv.URL, rw.WithAPIKey("key 1"))
	_, err = c.Do(context.Background(), http.MethodPost, "/undocumented", nil)
	var apiErr *rw.APIError
	if !errors.As(err, &apiErr) || apiErr.StatusCode != 409 || apiErr.Code != "taken" || apiErr.Message != "name taken" {
		t.Errorf("error = %v, want the 409 as an *APIError with its code and message", err)
	}
	if _, err := c.Do(context.Background(), http.MethodGet, rec.srv.URL+"/x", nil); err == nil || len(rec.requests) != 1 {
		t.Errorf("an absolute URL: error %v after %d requests, want an error and nothing sent", err, len(rec.requests))
	}
}

func TestRuntimeTokenSource(t *testing.T) {
	rec := newRecorder(t, http.StatusOK, nil, `{}`)
	type ctxKey struct{}
	var calls atomic.Int32
	source := func(ctx context.Context) (string, error) {
		if ctx.Value(ctxKey{}) != "call" {
			return "", errors.New("token source did not get the call's context")
		}
		return fmt.Sprintf("access-%d", calls.Add(1)), nil
	}
	c := newRW(t, rec.srv.URL, rw.WithBearerToken("static"), rw.WithTokenSource(source))
	ctx := context.WithValue(context.Background(), ctxKey{}, "call")
	for range 2 {
		if _, err := c.ListAuditEvents(ctx, rw.ListAuditEventsParams{}); err != nil {
			t.Fatal(err)
		}
	}
	if a, b := rec.requests[0].Header.Get("Authorization"), rec.requests[1].Header.Get("Authorization"); a != "Bearer access-1" || b != "Bearer access-2" {
		t.Errorf("Authorization = %q, %q; want a fresh token per request", a, b)
	}

	failing := errors.New("refresh failed")
	c = newRW(t, rec.srv.URL, rw.WithTokenSource(func(context.Context) (string, error) { return "", failing }))
	_, err := c.ListAuditEvents(ctx, rw.ListAuditEventsParams{})
	if !errors.Is(err, failing) || len(rec.requests) != 2 {
		t.Errorf("error = %v after %d requests; want the token source's error and no request", err, len(rec.requests))
	}
}

func TestRuntimeClientOptions(t *testing.T) {
	rec := newRecorder(t, http.StatusOK, nil, `{}`)
	ctx := context.Background()

	// WithBaseURL keeps the base path; a trailing slash is not doubled.
	c, err := rw.NewClient(rw.WithBaseURL(rec.srv.URL + "/api/v1/"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.Ping(ctx, rw.PingParams{}); err != nil {
		t.Fatal(err)
	}
	if got := rec.requests[0].Path; got != "/api/v1/ping" {
		t.Errorf("path = %q, want /api/v1/ping", got)
	}
	for _, bad := range []string{"", "/relative", "api.example.com", "http://[::1"} {
		if _, err := rw.NewClient(rw.WithBaseURL(bad)); err == nil {
			t.Errorf("WithBaseURL(%q) accepted", bad)
		}
	}

	// WithHTTPClient: requests go through the given client's transport.
	var through atomic.Int32
	hc := &http.Client{Transport: roundTripFunc(func(r *http.Request) (*http.Response, error) {
		through.Add(1)
		return http.DefaultTransport.RoundTrip(r)
	})}
	c = newRW(t, rec.srv.URL, rw.WithHTTPClient(hc), rw.WithUserAgent("ua/2"))
	if _, err := c.Ping(ctx, rw.PingParams{}); err != nil || through.Load() != 1 {
		t.Errorf("WithHTTPClient: err %v, %d requests through the transport, want 1", err, through.Load())
	}
	if got := rec.requests[1].Header.Get("User-Agent"); got != "ua/2" {
		t.Errorf("User-Agent = %q, want ua/2", got)
	}
	if _, err := rw.NewClient(rw.WithHTTPClient(nil)); err == nil {
		t.Error("WithHTTPClient(nil) accepted")
	}

	// WithRequestEditor runs after auth and can stop the request.
	c = newRW(t, rec.srv.URL, rw.WithBearerToken("tok"), rw.WithRequestEditor(func(r *http.Request) error {
		r.Header.Set("X-Signature", "sig("+r.Header.Get("Authorization")+")")
		return nil
	}))
	if _, err := c.ListAuditEvents(ctx, rw.ListAuditEventsParams{}); err != nil {
		t.Fatal(err)
	}
	if got := rec.requests[2].Header.Get("X-Signature"); got != "sig(Bearer tok)" {
		t.Errorf("X-Signature = %q, want sig(Bearer tok)", got)
	}
	stop := errors.New("no signing key")
	c = newRW(t, rec.srv.URL, rw.WithRequestEditor(func(*http.Request) error { return stop }))
	if _, err := c.Ping(ctx, rw.PingParams{}); !errors.Is(err, stop) || len(rec.requests) != 3 {
		t.Errorf("editor error: %v after %d requests, want the editor's error and no request", err, len(rec.requests))
	}
}

type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

func TestRuntimePerCallTimeout(t *testing.T) {
	release := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-release:
		}
	}))
	defer srv.Close()
	defer close(release)
	c := newRW(t, srv.URL)
	_, err := c.Ping(context.Background(), rw.PingParams{}, rw.WithTimeout(20*time.Millisecond))
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("error = %v, want context.DeadlineExceeded", err)
	}
}

// attemptServer answers the n-th attempt (from 1) with statuses[n-1], the
// last status repeating; status 0 resets the connection.
type attemptServer struct {
	mu       sync.Mutex
	statuses []int
	header   http.Header
	bodies   []string
	srv      *httptest.Server
}

func newAttemptServer(t *testing.T, header http.Header, statuses ...int) *attemptServer {
	t.Helper()
	as := &attemptServer{statuses: statuses, header: header}
	as.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		as.mu.Lock()
		status := as.statuses[min(len(as.bodies), len(as.statuses)-1)]
		as.bodies = append(as.bodies, string(body))
		as.mu.Unlock()
		if status == 0 {
			conn, _, err := w.(http.Hijacker).Hijack()
			if err != nil {
				t.Error(err)
				return
			}
			conn.(*net.TCPConn).SetLinger(0)
			conn.Close()
			return
		}
		for k, v := range as.header {
			w.Header()[k] = v
		}
		w.WriteHeader(status)
	}))
	t.Cleanup(as.srv.Close)
	return as
}

func (as *attemptServer) attempts() int {
	as.mu.Lock()
	defer as.mu.Unlock()
	return len(as.bodies)
}

func TestRuntimeRetries(t *testing.T) {
	ctx := context.Background()
	body := []byte(`{"name":"Rex"}`)
	tests := []struct {
		name     string
		header   http.Header
		statuses []int
		call     func(c *rw.Client) error
		attempts int
		ok       bool
	}{
		{"GET 503 503 200", nil, []int{503, 503, 200}, func(c *rw.Client) error {
			_, err := c.GetPet(ctx, rw.GetPetParams{PetID: "p"})
			return err
		}, 3, true},
		{"DELETE 429 Retry-After 0 then 204", http.Header{"Retry-After": {"0"}}, []int{429, 204}, func(c *rw.Client) error {
			_, err := c.DeletePet(ctx, rw.DeletePetParams{PetID: "p"})
			return err
		}, 2, true},
		{"GET reset then 200", nil, []int{0, 200}, func(c *rw.Client) error {
			_, err := c.Ping(ctx, rw.PingParams{})
			return err
		}, 2, true},
		{"GET bounded by MaxAttempts", nil, []int{503}, func(c *rw.Client) error {
			_, err := c.Ping(ctx, rw.PingParams{}, rw.WithCallRetry(rw.RetryPolicy{MaxAttempts: 5, MinDelay: time.Nanosecond}))
			return err
		}, 5, false},
		{"GET retries off for the call", nil, []int{503, 200}, func(c *rw.Client) error {
			_, err := c.Ping(ctx, rw.PingParams{}, rw.WithCallRetry(rw.RetryPolicy{MaxAttempts: 1}))
			return err
		}, 1, false},
		{"GET Retry-After beyond MaxDelay", http.Header{"Retry-After": {"3600"}}, []int{503, 200}, func(c *rw.Client) error {
			_, err := c.Ping(ctx, rw.PingParams{})
			return err
		}, 1, false},
		{"GET 500 502 then 200", nil, []int{500, 502, 200}, func(c *rw.Client) error {
			_, err := c.Ping(ctx, rw.PingParams{})
			return err
		}, 3, true},
		{"GET not on 501", nil, []int{501, 200}, func(c *rw.Client) error {
			_, err := c.Ping(ctx, rw.PingParams{})
			return err
		}, 1, false},
		{"POST not on 503 by default", nil, []int{503, 201}, func(c *rw.Client) error {
			_, err := c.CreatePet(ctx, rw.CreatePetParams{RawBody: body})
			return err
		}, 1, false},
		{"POST on 503 with Retry-After", http.Header{"Retry-After": {"0"}}, []int{503, 201}, func(c *rw.Client) error {
			_, err := c.CreatePet(ctx, rw.CreatePetParams{RawBody: body})
			return err
		}, 2, true},
		{"POST not on 500 with Retry-After", http.Header{"Retry-After": {"0"}}, []int{500, 201}, func(c *rw.Client) error {
			_, err := c.CreatePet(ctx, rw.CreatePetParams{RawBody: body})
			return err
		}, 1, false},
		{"POST with an idempotency key on 500", nil, []int{500, 201}, func(c *rw.Client) error {
			_, err := c.CreatePet(ctx, rw.CreatePetParams{RawBody: body}, rw.WithHeader("Idempotency-Key", "k1"))
			return err
		}, 2, true},
		{"POST opted in for the call", nil, []int{503, 429, 201}, func(c *rw.Client) error {
			_, err := c.CreatePet(ctx, rw.CreatePetParams{RawBody: body}, rw.WithCallRetry(rw.RetryPolicy{RetryNonIdempotent: true, MinDelay: time.Nanosecond}))
			return err
		}, 3, true},
		// io.MultiReader hides Seek: a reader that cannot seek is sent once.
		{"PUT streamed body sent once", nil, []int{503, 200}, func(c *rw.Client) error {
			_, err := c.PutPetDocument(ctx, rw.PutPetDocumentParams{PetID: "p", Body: io.MultiReader(strings.NewReader("doc"))})
			return err
		}, 1, false},
		{"PUT seekable body sent again", nil, []int{503, 200}, func(c *rw.Client) error {
			_, err := c.PutPetDocument(ctx, rw.PutPetDocumentParams{PetID: "p", Body: bytes.NewReader([]byte("doc"))})
			return err
		}, 2, true},
		{"multipart file part sent once even when opted in", nil, []int{503, 200}, func(c *rw.Client) error {
			_, err := c.UploadPhoto(ctx, rw.UploadPhotoParams{PetID: "p", Photo: &rw.File{Name: "a.jpg", Content: io.MultiReader(strings.NewReader("jpg"))}},
				rw.WithCallRetry(rw.RetryPolicy{RetryNonIdempotent: true, MinDelay: time.Nanosecond}))
			return err
		}, 1, false},
	}
	for _, tt := range tests {
		as := newAttemptServer(t, tt.header, tt.statuses...)
		c := newRW(t, as.srv.URL, fastRetry)
		err := tt.call(c)
		if (err == nil) != tt.ok || as.attempts() != tt.attempts {
			t.Errorf("%s: %d attempts, error %v; want %d attempts, success %v", tt.name, as.attempts(), err, tt.attempts, tt.ok)
		}
		var apiErr *rw.APIError
		if err != nil && !tt.ok && tt.statuses[0] != 0 && !errors.As(err, &apiErr) {
			t.Errorf("%s: error %v is not the last response's *APIError", tt.name, err)
		}
		for i, b := range as.bodies[1:] {
			if b != as.bodies[0] {
				t.Errorf("%s: attempt %d sent %q, the first %q", tt.name, i+2, b, as.bodies[0])
			}
		}
	}
}

func TestRuntimeRetryStoppedByContext(t *testing.T) {
	as := newAttemptServer(t, nil, 503, 200)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	// The caller gives up as soon as the 503 arrives, before any wait.
	hc := &http.Client{Transport: roundTripFunc(func(r *http.Request) (*http.Response, error) {
		resp, err := http.DefaultTransport.RoundTrip(r)
		cancel()
		return resp, err
	})}
	c := newRW(t, as.srv.URL, rw.WithHTTPClient(hc), rw.WithRetry(rw.RetryPolicy{MinDelay: time.Hour, MaxDelay: time.Hour}))
	_, err := c.Ping(ctx, rw.PingParams{})
	var apiErr *rw.APIError
	if !errors.Is(err, context.Canceled) || !errors.As(err, &apiErr) || apiErr.StatusCode != 503 || as.attempts() != 1 {
		t.Errorf("%d attempts, error %v; want 1 attempt and an error that is both the 503 and context.Canceled", as.attempts(), err)
	}
}

func TestRuntimeDocumentedErrorIs(t *testing.T) {
	rec := newRecorder(t, http.StatusConflict, http.Header{"Content-Type": {"application/json"}}, `{"code":"PET_EXISTS","message":"Rex exists."}`)
	c := newRW(t, rec.srv.URL)
	_, err := c.CreatePet(context.Background(), rw.CreatePetParams{RawBody: []byte(`{}`)})
	if !errors.Is(err, &rw.APIError{StatusCode: http.StatusConflict, Code: "PET_EXISTS"}) {
		t.Errorf("errors.Is(%v, 409 PET_EXISTS) = false", err)
	}
	if errors.Is(err, &rw.APIError{StatusCode: http.StatusConflict, Code: "OTHER"}) || errors.Is(err, &rw.APIError{StatusCode: http.StatusNotFound}) {
		t.Errorf("errors.Is matches a different code or status")
	}
	var apiErr *rw.APIError
	if !errors.As(err, &apiErr) || apiErr.Documented == nil || apiErr.Documented.Description != "A pet with this name exists." || apiErr.Message != "Rex exists." {
		t.Errorf("APIError = %+v, want the documented row and the message", apiErr)
	}
}

func TestRuntimeErrorBodyBounded(t *testing.T) {
	big := strings.Repeat("0123456789abcdef", 3<<20/16) // 3 MiB
	rec := newRecorder(t, http.StatusBadRequest, nil, big)
	c := newRW(t, rec.srv.URL)
	_, err := c.Ping(context.Background(), rw.PingParams{})
	var apiErr *rw.APIError
	if !errors.As(err, &apiErr) {
		t.Fatalf("error %v is not an *APIError", err)
	}
	if len(apiErr.Body) != 1<<20 || string(apiErr.Body) != big[:1<<20] {
		t.Errorf("error body is %d bytes, want the first 1 MiB (%d)", len(apiErr.Body), 1<<20)
	}
}

func TestRuntimeLineBreaksRefused(t *testing.T) {
	rec := newRecorder(t, http.StatusOK, nil, `{}`)
	ctx := context.Background()
	c := newRW(t, rec.srv.URL)
	if _, err := c.GetPet(ctx, rw.GetPetParams{PetID: "p", XRequestID: "r1\r\nX-Evil: 1"}); err == nil {
		t.Error("a header param with CR/LF was accepted")
	}
	if _, err := c.Ping(ctx, rw.PingParams{}, rw.WithHeader("X-Trace", "a\nb")); err == nil {
		t.Error("WithHeader with LF was accepted")
	}
	if _, err := c.Ping(ctx, rw.PingParams{}, rw.WithHeader("X-Bad\r\nName", "v")); err == nil {
		t.Error("WithHeader with CR/LF in the name was accepted")
	}
	if len(rec.requests) != 0 {
		t.Errorf("server got %d requests with line breaks, want 0", len(rec.requests))
	}
	const secret = "s3cret\r\nX-Evil: 1"
	for name, opt := range map[string]rw.Option{
		"WithBearerToken": rw.WithBearerToken(secret),
		"WithAPIKey":      rw.WithAPIKey(secret),
		"WithUserAgent":   rw.WithUserAgent(secret),
	} {
		_, err := rw.NewClient(opt)
		if err == nil {
			t.Errorf("%s accepted a value with CR/LF", name)
		} else if strings.Contains(err.Error(), "s3cret") {
			t.Errorf("%s error quotes the value: %v", name, err)
		}
	}
	c = newRW(t, rec.srv.URL, rw.WithTokenSource(func(context.Context) (string, error) { return secret, nil }))
	if _, err := c.ListAuditEvents(ctx, rw.ListAuditEventsParams{}); err == nil || strings.Contains(err.Error(), "s3cret") {
		t.Errorf("token with CR/LF from the source: error %v, want one that does not quote it", err)
	}
}

func TestRuntimeSecretsNotInErrors(t *testing.T) {
	const key, token, password = "key-SECRET-1", "tok-SECRET-2", "pw-SECRET-3"
	// Every attempt's connection is reset (status 0): net/http's error names
	// the URL. (A closed server's port can be taken by the next test server,
	// so it is not a reliable failure.)
	dropping := newAttemptServer(t, nil, 0)
	denied := newRecorder(t, http.StatusUnauthorized, nil, `{"error":"invalid_token"}`)
	ctx := context.Background()
	var errs []error
	for _, base := range []string{dropping.srv.URL, denied.srv.URL} {
		c := newRW(t, base, fastRetry, rw.WithAPIKey(key), rw.WithBearerToken(token), rw.WithBasicAuth("ann", password)) // a dropped connection is retried
		_, err := c.Search(ctx, rw.SearchParams{Q: "x"})
		errs = append(errs, err)
		_, err = c.GetPet(ctx, rw.GetPetParams{PetID: "p"})
		errs = append(errs, err)
		_, err = c.ListAuditEvents(ctx, rw.ListAuditEventsParams{})
		errs = append(errs, err)
		_, err = c.RotateKeys(ctx, rw.RotateKeysParams{})
		errs = append(errs, err)
	}
	for _, err := range errs {
		if err == nil {
			t.Fatal("a call that should fail succeeded")
		}
		for _, s := range []string{key, token, password, "YW5uOnB3LVNFQ1JFVC0z"} {
			if strings.Contains(err.Error(), s) {
				t.Errorf("error leaks a secret: %v", err)
			}
		}
	}
	if !strings.Contains(errs[0].Error(), "api_key=REDACTED") {
		t.Errorf("connection error %q does not show the redacted key", errs[0])
	}
}

func TestRuntimeConcurrentUse(t *testing.T) {
	var mu sync.Mutex
	seen := map[string]string{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		seen[r.URL.Path] = r.Header.Get("X-API-Key") + "|" + r.Header.Get("X-Worker")
		mu.Unlock()
		fmt.Fprint(w, r.URL.Path)
	}))
	defer srv.Close()
	var tokens atomic.Int32
	c := newRW(t, srv.URL, rw.WithAPIKey("shared"), fastRetry,
		rw.WithTokenSource(func(context.Context) (string, error) { tokens.Add(1); return "t", nil }))
	const workers, calls = 8, 25
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for i := range calls {
				id := fmt.Sprintf("w%d-%d", w, i)
				resp, err := c.GetPet(context.Background(), rw.GetPetParams{PetID: id}, rw.WithHeader("X-Worker", fmt.Sprint(w)))
				if err != nil {
					t.Error(err)
					return
				}
				if string(resp.Body) != "/v1/pets/"+id {
					t.Errorf("call %s got the response %q", id, resp.Body)
				}
				if _, err := c.ListAuditEvents(context.Background(), rw.ListAuditEventsParams{}); err != nil {
					t.Error(err)
					return
				}
			}
		})
	}
	wg.Wait()
	for w := range workers {
		for i := range calls {
			if got, want := seen[fmt.Sprintf("/v1/pets/w%d-%d", w, i)], fmt.Sprintf("shared|%d", w); got != want {
				t.Errorf("w%d-%d: server saw %q, want %q", w, i, got, want)
			}
		}
	}
	if tokens.Load() != workers*calls {
		t.Errorf("token source called %d times, want %d (once per bearer request)", tokens.Load(), workers*calls)
	}
}

func TestGeneratedCodeImportsOnlyStandardLibrary(t *testing.T) {
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("no go command")
	}
	cmd := exec.Command("go", "list", "-deps", "-f", "{{if not .Standard}}{{.ImportPath}}{{end}}", "./golden/...")
	cmd.Dir = ".."
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	const golden = "github.com/postman2go/postman2go/golden/"
	var pkgs int
	for _, p := range strings.Fields(string(out)) {
		if !strings.HasPrefix(p, golden) {
			t.Errorf("a generated package depends on %s, which is not in the standard library", p)
		}
		pkgs++
	}
	if pkgs < 2 {
		t.Errorf("go list found %d golden packages, want every golden package listed:\n%s", pkgs, out)
	}
}

// TestAPIKeyAuthLowering checks how an apikey auth block becomes the
// runtime's apiKeyIn(name, place), and that one the client cannot send is
// reported.
func TestAPIKeyAuthLowering(t *testing.T) {
	tests := []struct {
		auth     string
		want     string // the auth argument of newRequest
		warnings int
	}{
		{`{"type":"apikey","apikey":[{"key":"key","value":"X-Key"},{"key":"in","value":"header"}]}`, `apiKeyIn("X-Key", "header")`, 0},
		{`{"type":"apikey","apikey":[{"key":"key","value":"token"},{"key":"in","value":"query"}]}`, `apiKeyIn("token", "query")`, 0},
		// "in" defaults to header; v2.0 writes auth params as an object.
		{`{"type":"apikey","apikey":{"key":"{{keyHeader}}","value":"{{k}}"}}`, `apiKeyIn("Api-Key", "header")`, 0},
		{`{"type":"apikey","apikey":[{"key":"key","value":"a\"b: c\r\n"}]}`, `authOther`, 1},
		{`{"type":"apikey","apikey":[{"key":"in","value":"query"}]}`, `authOther`, 1},
		{`{"type":"apikey","apikey":[{"key":"key","value":"{{undefined}}"}]}`, `authOther`, 1},
	}
	for _, tt := range tests {
		src := `{"info":{"name":"t","schema":"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
			"variable":[{"key":"keyHeader","value":"Api-Key"}],
			"auth":` + tt.auth + `,
			"item":[{"name":"Get","request":{"method":"GET","url":"https://api.example.test/x"}}]}`
		coll, _, err := parser.Parse("c.json", []byte(src))
		if err != nil {
			t.Fatalf("%s: %v", tt.auth, err)
		}
		files, warns, err := generator.Generate(coll, generator.Options{Package: "p", Source: "c.json", Input: []byte(src)})
		if err != nil {
			t.Fatalf("%s: %v", tt.auth, err)
		}
		var ops string
		for _, f := range files {
			if f.Name == "operations_gen.go" {
				ops = string(f.Content)
			}
		}
		if want := `newRequest("Get", "GET", ` + tt.want + `, GetResponseDocs)`; !strings.Contains(ops, want) {
			t.Errorf("%s: operations_gen.go lacks %s:\n%s", tt.auth, want, ops)
		}
		if len(warns) != tt.warnings {
			t.Errorf("%s: %d warnings %v, want %d", tt.auth, len(warns), warns, tt.warnings)
		}
	}
}
