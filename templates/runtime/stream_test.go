package runtime

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

func streamClient(t *testing.T, h http.HandlerFunc, opts ...Option) *Client {
	t.Helper()
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	opts = append([]Option{WithBaseURL(srv.URL)}, opts...)
	c, err := newClient(srv.URL, authNone, opts)
	if err != nil {
		t.Fatal(err)
	}
	c.sleep = func(context.Context, time.Duration) error { return nil }
	return c
}

func TestWithResponseWriterStreams(t *testing.T) {
	big := strings.Repeat("x", 4096)
	c := streamClient(t, func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, big)
	}, WithMaxResponseBytes(1024)) // the limit is for bodies read into memory
	var sink bytes.Buffer
	r := newRequest("Download", "GET", authNone, nil)
	resp, body, err := c.send(context.Background(), r, []RequestOption{WithResponseWriter(&sink)})
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != 200 || body != nil || sink.String() != big {
		t.Errorf("status %d, body %d bytes, sink %d bytes; want 200, none, %d", resp.StatusCode, len(body), sink.Len(), len(big))
	}
}

func TestWithResponseWriterErrorStatusIsAnAPIError(t *testing.T) {
	c := streamClient(t, func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusNotFound)
		io.WriteString(w, `{"code":"nope"}`)
	})
	var sink bytes.Buffer
	_, _, err := c.send(context.Background(), newRequest("Download", "GET", authNone, nil), []RequestOption{WithResponseWriter(&sink)})
	var apiErr *APIError
	if !errors.As(err, &apiErr) || apiErr.StatusCode != 404 || apiErr.Code != "nope" || sink.Len() != 0 {
		t.Errorf("err = %v, sink %q; want an APIError 404 nope and nothing streamed", err, sink.String())
	}
}

// TestWithResponseWriterNoRetryAfterBytes: a body cut off after some bytes
// went to the writer is not fetched again (the writer would get them
// twice), though the GET is retried on a reset before its response.
func TestWithResponseWriterNoRetryAfterBytes(t *testing.T) {
	var calls atomic.Int32
	c := streamClient(t, func(w http.ResponseWriter, r *http.Request) {
		calls.Add(1)
		w.Header().Set("Content-Length", "100")
		io.WriteString(w, "partial")
		w.(http.Flusher).Flush()
		conn, _, err := w.(http.Hijacker).Hijack()
		if err == nil {
			conn.Close()
		}
	}, WithRetry(RetryPolicy{MaxAttempts: 3}))
	var sink bytes.Buffer
	_, _, err := c.send(context.Background(), newRequest("Download", "GET", authNone, nil), []RequestOption{WithResponseWriter(&sink)})
	if err == nil || calls.Load() != 1 || sink.String() != "partial" {
		t.Errorf("err %v after %d requests, sink %q; want an error after 1 request and %q", err, calls.Load(), sink.String(), "partial")
	}
}

func TestDecodeJSONRefusesText(t *testing.T) {
	r := newRequest("Get", "GET", authNone, nil)
	var v map[string]any
	for _, tt := range []struct {
		ct, body string
		notJSON  bool
	}{
		{"text/plain; charset=utf-8", "OK", true},
		{"text/html", "<html></html>", true},
		{"application/json", `{"a":1}`, false},
		{"", `{"a":1}`, false},
		{"text/plain; charset=utf-8", `{"a":1}`, false}, // JSON labelled text
		{"text/plain", `[not json`, true},
		{"text/plain", "", false}, // nothing to decode
	} {
		resp := &http.Response{StatusCode: 200, Header: http.Header{"Content-Type": {tt.ct}}}
		if tt.ct == "" {
			resp.Header = http.Header{}
		}
		err := decodeJSON(r, resp, []byte(tt.body), &v)
		var derr *DecodeError
		if got := errors.Is(err, ErrNotJSON) && errors.As(err, &derr); got != tt.notJSON {
			t.Errorf("%s %q: err = %v; want ErrNotJSON %v", tt.ct, tt.body, err, tt.notJSON)
		}
	}
}
