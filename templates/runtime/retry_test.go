package runtime

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// script is an httptest server that answers each attempt with the next
// step; the last step repeats. A step with status 0 resets the connection.
type script struct {
	mu     sync.Mutex
	steps  []step
	bodies []string
	srv    *httptest.Server
}

type step struct {
	status     int
	retryAfter string
}

func newScript(t *testing.T, steps ...step) *script {
	t.Helper()
	s := &script{steps: steps}
	s.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		s.mu.Lock()
		st := s.steps[min(len(s.bodies), len(s.steps)-1)]
		s.bodies = append(s.bodies, string(body))
		s.mu.Unlock()
		if st.status == 0 {
			resetConnection(t, w)
			return
		}
		if st.retryAfter != "" {
			w.Header().Set("Retry-After", st.retryAfter)
		}
		w.WriteHeader(st.status)
		fmt.Fprintf(w, `{"status":%d}`, st.status)
	}))
	t.Cleanup(s.srv.Close)
	return s
}

func (s *script) attempts() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.bodies)
}

// resetConnection closes the connection under w with a TCP RST.
func resetConnection(t *testing.T, w http.ResponseWriter) {
	conn, _, err := w.(http.Hijacker).Hijack()
	if err != nil {
		t.Errorf("hijack: %v", err)
		return
	}
	if tc, ok := conn.(*net.TCPConn); ok {
		tc.SetLinger(0)
	}
	conn.Close()
}

// fakeTime replaces the client's clock, sleeper and jitter: sleeps are
// recorded and return at once, jitter is the identity.
type fakeTime struct {
	mu     sync.Mutex
	now    time.Time
	sleeps []time.Duration
}

func installFakeTime(c *Client) *fakeTime {
	ft := &fakeTime{now: time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)}
	c.now = func() time.Time { ft.mu.Lock(); defer ft.mu.Unlock(); return ft.now }
	c.jitter = func(d time.Duration) time.Duration { return d }
	c.sleep = func(ctx context.Context, d time.Duration) error {
		ft.mu.Lock()
		ft.sleeps = append(ft.sleeps, d)
		ft.now = ft.now.Add(d)
		ft.mu.Unlock()
		return ctx.Err()
	}
	return ft
}

func testClient(t *testing.T, base string, opts ...Option) (*Client, *fakeTime) {
	t.Helper()
	c, err := newClient(base, authInherit, opts)
	if err != nil {
		t.Fatal(err)
	}
	return c, installFakeTime(c)
}

func getRequest() *request {
	r := newRequest("Op", http.MethodGet, authNone, nil)
	r.addPath("/x")
	return r
}

func sameDurations(a, b []time.Duration) bool {
	return fmt.Sprint(a) == fmt.Sprint(b)
}

func TestRetryHonoursRetryAfterSeconds(t *testing.T) {
	s := newScript(t, step{503, "7"}, step{429, "2"}, step{200, ""})
	c, ft := testClient(t, s.srv.URL)
	resp, body, err := c.send(context.Background(), getRequest(), nil)
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != 200 || string(body) != `{"status":200}` || s.attempts() != 3 {
		t.Errorf("got %d %q after %d attempts, want 200 after 3", resp.StatusCode, body, s.attempts())
	}
	if want := []time.Duration{7 * time.Second, 2 * time.Second}; !sameDurations(ft.sleeps, want) {
		t.Errorf("waits = %v, want %v", ft.sleeps, want)
	}
}

func TestRetryHonoursRetryAfterDate(t *testing.T) {
	now := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	s := newScript(t, step{503, now.Add(12 * time.Second).Format(http.TimeFormat)}, step{503, now.Add(-time.Hour).Format(http.TimeFormat)}, step{204, ""})
	c, ft := testClient(t, s.srv.URL)
	if _, _, err := c.send(context.Background(), getRequest(), nil); err != nil {
		t.Fatal(err)
	}
	// The fake clock advanced by the first wait, so a date in the past asks for none.
	if want := []time.Duration{12 * time.Second, 0}; !sameDurations(ft.sleeps, want) {
		t.Errorf("waits = %v, want %v", ft.sleeps, want)
	}
}

func TestRetryExponentialBackoffCapped(t *testing.T) {
	s := newScript(t, step{503, ""})
	c, ft := testClient(t, s.srv.URL, WithRetry(RetryPolicy{MaxAttempts: 6, MinDelay: 100 * time.Millisecond, MaxDelay: time.Second}))
	_, _, err := c.send(context.Background(), getRequest(), nil)
	var apiErr *APIError
	if !errors.As(err, &apiErr) || apiErr.StatusCode != 503 {
		t.Fatalf("error = %v, want the last 503 as an *APIError", err)
	}
	if s.attempts() != 6 {
		t.Errorf("attempts = %d, want MaxAttempts 6", s.attempts())
	}
	want := []time.Duration{100 * time.Millisecond, 200 * time.Millisecond, 400 * time.Millisecond, 800 * time.Millisecond, time.Second}
	if !sameDurations(ft.sleeps, want) {
		t.Errorf("waits = %v, want %v", ft.sleeps, want)
	}
}

func TestRetryDefaults(t *testing.T) {
	s := newScript(t, step{429, ""})
	c, ft := testClient(t, s.srv.URL)
	c.send(context.Background(), getRequest(), nil)
	if s.attempts() != defaultMaxAttempts || !sameDurations(ft.sleeps, []time.Duration{defaultMinDelay, 2 * defaultMinDelay}) {
		t.Errorf("attempts %d, waits %v; want %d attempts and waits of %v then twice that", s.attempts(), ft.sleeps, defaultMaxAttempts, defaultMinDelay)
	}
}

func TestRetryAfterLongerThanMaxDelayStops(t *testing.T) {
	s := newScript(t, step{429, "3600"}, step{200, ""})
	c, ft := testClient(t, s.srv.URL)
	_, _, err := c.send(context.Background(), getRequest(), nil)
	var apiErr *APIError
	if !errors.As(err, &apiErr) || apiErr.StatusCode != 429 || apiErr.Header.Get("Retry-After") != "3600" {
		t.Fatalf("error = %v, want the 429 with its Retry-After", err)
	}
	if s.attempts() != 1 || len(ft.sleeps) != 0 {
		t.Errorf("attempts %d, waits %v; want 1 attempt and no wait", s.attempts(), ft.sleeps)
	}
}

func TestRetryNotPastDeadline(t *testing.T) {
	s := newScript(t, step{503, "20"}, step{200, ""})
	c, ft := testClient(t, s.srv.URL)
	// The deadline is in real time, the clock is fake: 20s from the fake
	// "now" (2026-01-02) is long before a deadline an hour from the real
	// now, so pin the fake clock to the real one first.
	ft.now = time.Now()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	_, _, err := c.send(ctx, getRequest(), nil)
	if s.attempts() != 1 || len(ft.sleeps) != 0 || err == nil {
		t.Errorf("attempts %d, waits %v, err %v; want 1 attempt, no wait, the 503", s.attempts(), ft.sleeps, err)
	}
}

func TestRetryStoppedByContext(t *testing.T) {
	s := newScript(t, step{503, ""}, step{200, ""})
	c, err := newClient(s.srv.URL, authInherit, nil) // the real sleeper: 500ms, cut short
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	c.sleep = func(ctx context.Context, d time.Duration) error {
		cancel()
		return sleepContext(ctx, time.Hour)
	}
	_, _, err = c.send(ctx, getRequest(), nil)
	if s.attempts() != 1 || err == nil {
		t.Errorf("attempts %d, err %v; want 1 attempt and an error", s.attempts(), err)
	}
}

func TestSleepContext(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := sleepContext(ctx, time.Hour); !errors.Is(err, context.Canceled) {
		t.Errorf("sleepContext on a cancelled context = %v, want context.Canceled", err)
	}
	if err := sleepContext(context.Background(), 0); err != nil {
		t.Errorf("sleepContext(0) = %v", err)
	}
}

func TestRetryConnectionReset(t *testing.T) {
	s := newScript(t, step{0, ""}, step{200, ""})
	c, ft := testClient(t, s.srv.URL)
	resp, _, err := c.send(context.Background(), getRequest(), nil)
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != 200 || s.attempts() != 2 || len(ft.sleeps) != 1 {
		t.Errorf("status %d, attempts %d, waits %v; want 200 after 2 attempts and 1 wait", resp.StatusCode, s.attempts(), ft.sleeps)
	}
}

func TestRetryOnlyIdempotentUnlessOptedIn(t *testing.T) {
	post := func() *request {
		r := newRequest("Op", http.MethodPost, authNone, nil)
		r.setRaw("application/json", []byte(`{"a":1}`))
		return r
	}
	tests := []struct {
		name     string
		client   []Option
		call     []RequestOption
		attempts int
	}{
		{"default", nil, nil, 1},
		{"client opt-in", []Option{WithRetry(RetryPolicy{RetryNonIdempotent: true})}, nil, 3},
		{"call opt-in", nil, []RequestOption{WithCallRetry(RetryPolicy{RetryNonIdempotent: true, MaxAttempts: 2})}, 2},
		{"call opt-out", []Option{WithRetry(RetryPolicy{RetryNonIdempotent: true})}, []RequestOption{WithCallRetry(RetryPolicy{})}, 1},
	}
	for _, tt := range tests {
		s := newScript(t, step{503, ""})
		c, _ := testClient(t, s.srv.URL, tt.client...)
		c.send(context.Background(), post(), tt.call)
		if s.attempts() != tt.attempts {
			t.Errorf("%s: POST attempts = %d, want %d", tt.name, s.attempts(), tt.attempts)
		}
		for i, b := range s.bodies {
			if b != `{"a":1}` {
				t.Errorf("%s: attempt %d sent body %q, want the same body each time", tt.name, i+1, b)
			}
		}
	}
	for _, m := range []string{http.MethodGet, http.MethodHead, http.MethodOptions, http.MethodPut, http.MethodDelete} {
		if !idempotent(m) {
			t.Errorf("%s is not retried by default", m)
		}
	}
	for _, m := range []string{http.MethodPost, http.MethodPatch, "CONNECT"} {
		if idempotent(m) {
			t.Errorf("%s is retried by default", m)
		}
	}
}

func TestRetrySkippedForStreamedBodies(t *testing.T) {
	// io.MultiReader hides the Seek method of the strings.Reader.
	bodies := map[string]func(r *request){
		"reader": func(r *request) { r.setReader("application/octet-stream", io.MultiReader(strings.NewReader("data"))) },
		"multipart file": func(r *request) {
			r.formData().addFile("f", &File{Name: "a.txt", Content: io.MultiReader(strings.NewReader("data"))}, "")
		},
	}
	for name, set := range bodies {
		s := newScript(t, step{503, ""}, step{200, ""})
		c, _ := testClient(t, s.srv.URL)
		r := newRequest("Op", http.MethodPut, authNone, nil)
		set(r)
		if _, _, err := c.send(context.Background(), r, nil); err == nil || s.attempts() != 1 {
			t.Errorf("%s body: attempts %d, err %v; want 1 attempt and the 503", name, s.attempts(), err)
		}
	}
	// A multipart body of text parts is rebuilt for each attempt.
	s := newScript(t, step{503, ""}, step{200, ""})
	c, _ := testClient(t, s.srv.URL)
	r := newRequest("Op", http.MethodPut, authNone, nil)
	r.formData().addText("a", "1", "")
	_, _, err := c.send(context.Background(), r, nil)
	if err != nil || s.attempts() != 2 || unbounded(s.bodies[0]) != unbounded(s.bodies[1]) || !strings.Contains(s.bodies[1], "\r\n\r\n1\r\n") {
		t.Errorf("text multipart: attempts %d, err %v, bodies %q; want 2 bodies equal but for the boundary", s.attempts(), err, s.bodies)
	}
}

// unbounded replaces a multipart body's boundary with "B".
func unbounded(body string) string {
	boundary, _, _ := strings.Cut(strings.TrimPrefix(body, "--"), "\r\n")
	return strings.ReplaceAll(body, boundary, "B")
}

func TestRetryNotOnOtherStatuses(t *testing.T) {
	for _, status := range []int{400, 401, 403, 404, 409, 422, 501, 505} {
		s := newScript(t, step{status, "1"}, step{200, ""})
		c, _ := testClient(t, s.srv.URL)
		c.send(context.Background(), getRequest(), nil)
		if s.attempts() != 1 {
			t.Errorf("HTTP %d: %d attempts, want 1", status, s.attempts())
		}
	}
}

func TestRetryServerErrorsOfIdempotentCalls(t *testing.T) {
	for _, status := range []int{408, 500, 502, 504} {
		s := newScript(t, step{status, ""}, step{200, ""})
		c, ft := testClient(t, s.srv.URL)
		if _, _, err := c.send(context.Background(), getRequest(), nil); err != nil || s.attempts() != 2 || !sameDurations(ft.sleeps, []time.Duration{defaultMinDelay}) {
			t.Errorf("GET, HTTP %d then 200: err %v, %d attempts, waits %v; want success after 2 and one backoff", status, err, s.attempts(), ft.sleeps)
		}
	}
}

// TestRetryPOSTOnlyWhenTheServerSaysItDidNotAct: a POST is sent again on a
// 429 or 503 with Retry-After, or when the connection cannot be made;
// never on a 5xx that may follow its effect, nor on a 429 or 503 without a
// Retry-After, nor on a reset connection.
func TestRetryPOSTOnlyWhenTheServerSaysItDidNotAct(t *testing.T) {
	post := func(header ...string) *request {
		r := newRequest("Op", http.MethodPost, authNone, nil)
		for i := 0; i+1 < len(header); i += 2 {
			r.addHeader(header[i], header[i+1])
		}
		r.setRaw("application/json", []byte(`{"a":1}`))
		return r
	}
	tests := []struct {
		name     string
		first    step
		r        *request
		call     []RequestOption
		attempts int
	}{
		{"429 Retry-After", step{429, "3"}, post(), nil, 2},
		{"503 Retry-After", step{503, "0"}, post(), nil, 2},
		{"429", step{429, ""}, post(), nil, 1},
		{"503", step{503, ""}, post(), nil, 1},
		{"500 Retry-After", step{500, "1"}, post(), nil, 1},
		{"502", step{502, ""}, post(), nil, 1},
		{"504", step{504, ""}, post(), nil, 1},
		{"reset", step{0, ""}, post(), nil, 1},
		{"500 with an Idempotency-Key", step{500, ""}, post("Idempotency-Key", "k1"), nil, 2},
		{"reset with an X-Idempotency-Key", step{0, ""}, post(), []RequestOption{WithHeader("x-idempotency-key", "k2")}, 2},
		{"an empty Idempotency-Key", step{500, ""}, post("Idempotency-Key", ""), nil, 1},
	}
	for _, tt := range tests {
		s := newScript(t, tt.first, step{201, ""})
		c, _ := testClient(t, s.srv.URL)
		c.send(context.Background(), tt.r, tt.call)
		if s.attempts() != tt.attempts {
			t.Errorf("POST, %s: %d attempts, want %d", tt.name, s.attempts(), tt.attempts)
		}
		for i, b := range s.bodies {
			if b != `{"a":1}` {
				t.Errorf("POST, %s: attempt %d sent %q", tt.name, i+1, b)
			}
		}
	}
}

// TestRetryWhenTheConnectionCannotBeMade: nothing was sent, so a POST is
// sent again too; the retry reaches the server once it listens.
func TestRetryWhenTheConnectionCannotBeMade(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close() // connections to addr are refused until the server below listens
	var mu sync.Mutex
	var got []string
	srv := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		mu.Lock()
		got = append(got, r.Method+" "+string(b))
		mu.Unlock()
	})}
	defer srv.Close()
	c, err := newClient("http://"+addr, authInherit, nil)
	if err != nil {
		t.Fatal(err)
	}
	var sleeps int
	c.jitter = func(d time.Duration) time.Duration { return d }
	c.sleep = func(ctx context.Context, d time.Duration) error {
		sleeps++
		ln, err := net.Listen("tcp", addr)
		if err != nil {
			return err
		}
		go srv.Serve(ln)
		return nil
	}
	r := newRequest("Op", http.MethodPost, authNone, nil)
	r.setRaw("text/plain", []byte("once"))
	if _, _, err := c.send(t.Context(), r, nil); err != nil {
		t.Fatalf("send: %v", err)
	}
	mu.Lock()
	defer mu.Unlock()
	if sleeps != 1 || fmt.Sprint(got) != "[POST once]" {
		t.Errorf("%d waits, server got %q; want one wait and the POST once", sleeps, got)
	}
}

func TestRetryable(t *testing.T) {
	refused := &url.Error{Op: "Get", URL: "http://h", Err: &net.OpError{Op: "dial", Net: "tcp", Err: &os.SyscallError{Syscall: "connect", Err: syscall.ECONNREFUSED}}}
	tests := []struct {
		name            string
		err             error
		idem, otherwise bool // for an idempotent call, for another
	}{
		{"reset", fmt.Errorf("op: %w", &net.OpError{Op: "read", Err: syscall.ECONNRESET}), true, false},
		{"EOF", fmt.Errorf("op: %w", io.EOF), true, false},
		{"unexpected EOF", io.ErrUnexpectedEOF, true, false},
		{"refused", fmt.Errorf("op: %w", refused), true, true},
		{"DNS may pass", &net.OpError{Op: "dial", Err: &net.DNSError{Err: "server misbehaving", Name: "h", IsTemporary: true}}, true, true},
		{"no such host", &net.OpError{Op: "dial", Err: &net.DNSError{Err: "no such host", Name: "h", IsNotFound: true}}, false, false},
		{"dial timeout", &net.OpError{Op: "dial", Err: timeoutError{}}, false, false},
		{"response header timeout", fmt.Errorf("op: %w", &url.Error{Op: "Get", URL: "http://h", Err: timeoutError{}}), false, false},
		{"canceled", context.Canceled, false, false},
		{"deadline", fmt.Errorf("x: %w: %w", context.DeadlineExceeded, io.EOF), false, false},
		{"canceled dial", &net.OpError{Op: "dial", Err: context.Canceled}, false, false},
		{"TLS", errors.New("tls: bad certificate"), false, false},
		{"none", nil, false, false},
	}
	for _, tt := range tests {
		if got := retryable(nil, tt.err, true); got != tt.idem {
			t.Errorf("%s: retryable(%v) of an idempotent call = %v, want %v", tt.name, tt.err, got, tt.idem)
		}
		if got := retryable(nil, tt.err, false); got != tt.otherwise {
			t.Errorf("%s: retryable(%v) of a POST = %v, want %v", tt.name, tt.err, got, tt.otherwise)
		}
	}
}

type timeoutError struct{}

func (timeoutError) Error() string { return "timeout awaiting response headers" }
func (timeoutError) Timeout() bool { return true }

func TestRetryableStatuses(t *testing.T) {
	for status := 100; status < 600; status++ {
		idem := status == 408 || status == 429 || status == 500 || status == 502 || status == 503 || status == 504
		for _, ra := range []bool{false, true} {
			resp := &http.Response{StatusCode: status, Header: http.Header{}}
			if ra {
				resp.Header.Set("Retry-After", "1")
			}
			if got := retryable(resp, nil, true); got != idem {
				t.Errorf("HTTP %d (Retry-After %v), idempotent: retryable = %v, want %v", status, ra, got, idem)
			}
			other := ra && (status == 429 || status == 503)
			if got := retryable(resp, nil, false); got != other {
				t.Errorf("HTTP %d (Retry-After %v), POST: retryable = %v, want %v", status, ra, got, other)
			}
		}
	}
}

func TestRetryAfterParse(t *testing.T) {
	now := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	tests := []struct {
		in   string
		want time.Duration
		ok   bool
	}{
		{"0", 0, true},
		{" 120 ", 2 * time.Minute, true},
		{"Fri, 02 Jan 2026 03:05:05 GMT", time.Minute, true},
		{"Fri, 02 Jan 2026 03:00:00 GMT", 0, true},
		{"-5", 0, false},
		{"soon", 0, false},
		{"", 0, false},
		{"2147483648", 1 << 31 * time.Second, true},
		{"2147483649", 0, false},
		{"99999999999999999", 0, false},
		{"99999999999999999999", 0, false},
		{"+5", 0, false},
		{"1.5", 0, false},
		{"Fri, 99 Jan 2026 03:05:05 GMT", 0, false},
	}
	for _, tt := range tests {
		got, ok := retryAfter(tt.in, now)
		if got != tt.want || ok != tt.ok {
			t.Errorf("retryAfter(%q) = %v, %v; want %v, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestHalfJitterBounds(t *testing.T) {
	for _, d := range []time.Duration{0, 1, 2, 3, time.Second} {
		for range 200 {
			if j := halfJitter(d); j < d/2 || j > d {
				t.Fatalf("halfJitter(%v) = %v, outside [d/2, d]", d, j)
			}
		}
	}
}

func TestWithRetryRejectsNegative(t *testing.T) {
	if _, err := newClient("http://x", authInherit, []Option{WithRetry(RetryPolicy{MaxAttempts: -1})}); err == nil {
		t.Error("WithRetry accepts a negative MaxAttempts")
	}
}

func TestRetryStoppedErrorKeepsBoth(t *testing.T) {
	s := newScript(t, step{503, ""})
	c, err := newClient(s.srv.URL, authInherit, nil)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	c.sleep = func(ctx context.Context, d time.Duration) error { cancel(); return ctx.Err() }
	_, _, err = c.send(ctx, getRequest(), nil)
	var apiErr *APIError
	if !errors.Is(err, context.Canceled) || !errors.As(err, &apiErr) || apiErr.StatusCode != 503 {
		t.Errorf("error = %v; want both the 503 *APIError and context.Canceled", err)
	}
}

func TestRetryRewindsSeekableBodies(t *testing.T) {
	// The reader stands at offset 2 when the call starts: every attempt
	// sends from there.
	rd := strings.NewReader("xxpayload")
	rd.Seek(2, io.SeekStart)
	s := newScript(t, step{503, ""}, step{429, ""}, step{200, ""})
	c, _ := testClient(t, s.srv.URL)
	r := newRequest("Op", http.MethodPut, authNone, nil)
	r.setReader("application/octet-stream", rd)
	if _, _, err := c.send(context.Background(), r, nil); err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(s.bodies) != "[payload payload payload]" {
		t.Errorf("bodies = %q, want payload three times", s.bodies)
	}

	s = newScript(t, step{503, ""}, step{200, ""})
	c, _ = testClient(t, s.srv.URL)
	r = newRequest("Op", http.MethodPut, authNone, nil)
	mp := r.formData()
	mp.addText("a", "1", "")
	mp.addFile("f", &File{Name: "f.bin", Content: strings.NewReader("file content")}, "")
	if _, _, err := c.send(context.Background(), r, nil); err != nil {
		t.Fatal(err)
	}
	if len(s.bodies) != 2 || unbounded(s.bodies[0]) != unbounded(s.bodies[1]) || !strings.Contains(s.bodies[1], "\r\n\r\nfile content\r\n") {
		t.Errorf("multipart bodies = %q, want the file content twice", s.bodies)
	}
}

func TestRewinderShutsThePreviousView(t *testing.T) {
	w := &rewinder{rs: strings.NewReader("abc")}
	first, err := w.open()
	if err != nil {
		t.Fatal(err)
	}
	buf := make([]byte, 1)
	first.Read(buf)
	second, err := w.open()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := first.Read(buf); !errors.Is(err, errViewShut) {
		t.Errorf("the previous attempt's view still reads: %v", err)
	}
	if got, _ := io.ReadAll(second); string(got) != "abc" {
		t.Errorf("second view read %q, want abc", got)
	}
}

func TestRetryRewindWhileTransportStillReads(t *testing.T) {
	// The server answers 503 before reading the body, so the transport may
	// still be reading the first attempt's view while the retry seeks.
	payload := strings.Repeat("0123456789", 1<<20) // 10 MiB
	var mu sync.Mutex
	var got []int
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		first := len(got) == 0
		mu.Unlock()
		if first {
			w.Header().Set("Connection", "close")
			w.WriteHeader(http.StatusServiceUnavailable)
			mu.Lock()
			got = append(got, -1)
			mu.Unlock()
			return
		}
		b, _ := io.ReadAll(r.Body)
		mu.Lock()
		got = append(got, len(b))
		mu.Unlock()
	}))
	defer srv.Close()
	c, _ := testClient(t, srv.URL)
	r := newRequest("Op", http.MethodPut, authNone, nil)
	r.setReader("application/octet-stream", strings.NewReader(payload))
	if _, _, err := c.send(context.Background(), r, nil); err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(got) != fmt.Sprint([]int{-1, len(payload)}) {
		t.Errorf("server saw %v, want a 503 then the whole %d bytes", got, len(payload))
	}
}

// TestRetryAfterUnreadableStops: a Retry-After that is neither seconds in
// digits nor an HTTP date ends the call; it used to fall back to backoff.
func TestRetryAfterUnreadableStops(t *testing.T) {
	for _, v := range []string{"99999999999999999999", "9999999999", "soon", "-1", "1.5", "+2"} {
		s := newScript(t, step{503, v}, step{200, ""})
		c, ft := testClient(t, s.srv.URL)
		_, _, err := c.send(context.Background(), getRequest(), nil)
		var apiErr *APIError
		if !errors.As(err, &apiErr) || apiErr.StatusCode != 503 {
			t.Errorf("Retry-After %q: error %v, want the 503", v, err)
		}
		if s.attempts() != 1 || len(ft.sleeps) != 0 {
			t.Errorf("Retry-After %q: attempts %d, waits %v; want 1 attempt and no wait", v, s.attempts(), ft.sleeps)
		}
	}
	s := newScript(t, step{503, "2"}, step{200, ""})
	c, ft := testClient(t, s.srv.URL)
	if _, _, err := c.send(context.Background(), getRequest(), nil); err != nil || s.attempts() != 2 || !sameDurations(ft.sleeps, []time.Duration{2 * time.Second}) {
		t.Errorf("Retry-After 2: err %v, attempts %d, waits %v; want a retry after 2s", err, s.attempts(), ft.sleeps)
	}
}

func TestBackoffRetryAfterPresentButEmpty(t *testing.T) {
	c, _ := testClient(t, "http://h")
	p := RetryPolicy{}.withDefaults()
	if _, ok := c.backoff(p, 1, &http.Response{Header: http.Header{"Retry-After": {""}}}); ok {
		t.Error("an empty Retry-After is retried")
	}
	if d, ok := c.backoff(p, 1, &http.Response{Header: http.Header{}}); !ok || d != defaultMinDelay {
		t.Errorf("no Retry-After: %v, %v; want the backoff", d, ok)
	}
}
