package runtime

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
)

// sizedServer answers /n with n bytes; with chunked set it flushes first so
// that the response has no Content-Length.
func sizedServer(t *testing.T, chunked bool) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n, _ := strconv.Atoi(strings.TrimPrefix(r.URL.Path, "/"))
		if chunked {
			w.(http.Flusher).Flush()
		}
		w.Write(bytes.Repeat([]byte("x"), n))
	}))
	t.Cleanup(srv.Close)
	return srv
}

func sizedRequest(n int) *request {
	r := newRequest("GetUser", http.MethodGet, authNone, nil)
	r.addPath("/" + strconv.Itoa(n))
	return r
}

func TestMaxResponseBytes(t *testing.T) {
	for _, chunked := range []bool{false, true} {
		srv := sizedServer(t, chunked)
		c, _ := testClient(t, srv.URL, WithMaxResponseBytes(10))
		resp, body, err := c.send(t.Context(), sizedRequest(10), nil)
		if err != nil || len(body) != 10 {
			t.Errorf("chunked %v: a body at the limit: %d bytes, %v", chunked, len(body), err)
		}
		resp, body, err = c.send(t.Context(), sizedRequest(11), nil)
		if !errors.Is(err, ErrResponseTooLarge) || body != nil || resp == nil || resp.StatusCode != 200 {
			t.Fatalf("chunked %v: a body over the limit: %d bytes, %v", chunked, len(body), err)
		}
		if want := "GetUser: response body exceeds the 10 bytes limit (WithMaxResponseBytes)"; err.Error() != want {
			t.Errorf("error %q, want %q", err, want)
		}
	}
}

func TestMaxResponseBytesDefault(t *testing.T) {
	srv := sizedServer(t, true)
	c, _ := testClient(t, srv.URL)
	if c.maxResponseBytes != 32<<20 {
		t.Fatalf("default limit %d, want 32 MiB", c.maxResponseBytes)
	}
	_, body, err := c.send(t.Context(), sizedRequest(32<<20+1), nil)
	if !errors.Is(err, ErrResponseTooLarge) || body != nil {
		t.Fatalf("a body of 32 MiB + 1: %d bytes, %v", len(body), err)
	}
	if want := "GetUser: response body exceeds the 32 MiB limit (WithMaxResponseBytes)"; err.Error() != want {
		t.Errorf("error %q, want %q", err, want)
	}
	if _, body, err := c.send(t.Context(), sizedRequest(32<<20), nil); err != nil || len(body) != 32<<20 {
		t.Errorf("a body of 32 MiB: %d bytes, %v", len(body), err)
	}
}

func TestMaxResponseBytesOption(t *testing.T) {
	for _, n := range []int64{0, -1} {
		if _, err := newClient("https://api.example.com", authInherit, []Option{WithMaxResponseBytes(n)}); err == nil {
			t.Errorf("WithMaxResponseBytes(%d) accepted", n)
		}
	}
	c, _ := testClient(t, "https://api.example.com", WithMaxResponseBytes(1<<62))
	if c.maxResponseBytes != 1<<62 {
		t.Errorf("limit %d", c.maxResponseBytes)
	}
}

// TestMaxResponseBytesCountsDecodedGzip: the transport asks for gzip and
// decodes it; the limit counts what it decodes, so a small compressed body
// that inflates past it fails.
func TestMaxResponseBytesCountsDecodedGzip(t *testing.T) {
	var zipped bytes.Buffer
	zw := gzip.NewWriter(&zipped)
	zw.Write(make([]byte, 1<<20))
	zw.Close()
	const limit = 64 << 10
	if zipped.Len() >= limit {
		t.Fatalf("the compressed body is %d bytes: not a bomb", zipped.Len())
	}
	var acceptEncoding atomic.Value
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		acceptEncoding.Store(r.Header.Get("Accept-Encoding"))
		w.Header().Set("Content-Encoding", "gzip")
		w.Write(zipped.Bytes())
	}))
	defer srv.Close()
	c, _ := testClient(t, srv.URL, WithMaxResponseBytes(limit))
	_, body, err := c.send(t.Context(), sizedRequest(0), nil)
	if acceptEncoding.Load() != "gzip" {
		t.Fatalf("Accept-Encoding %q: the transport did not ask for gzip", acceptEncoding.Load())
	}
	if !errors.Is(err, ErrResponseTooLarge) || body != nil || !strings.Contains(err.Error(), "the 64 KiB limit") {
		t.Errorf("%d bytes, error %v; want the 64 KiB limit exceeded", len(body), err)
	}
	// Under a limit above the decoded size the same response decodes whole.
	c, _ = testClient(t, srv.URL, WithMaxResponseBytes(1<<20))
	if _, body, err := c.send(t.Context(), sizedRequest(0), nil); err != nil || len(body) != 1<<20 {
		t.Errorf("under the limit: %d bytes, %v", len(body), err)
	}
}

func TestByteSize(t *testing.T) {
	for n, want := range map[int64]string{1: "1 byte", 10: "10 bytes", 1500: "1500 bytes", 64 << 10: "64 KiB", 32 << 20: "32 MiB", 3 << 30: "3 GiB", 1<<20 + 1<<10: "1025 KiB"} {
		if got := byteSize(n); got != want {
			t.Errorf("byteSize(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestMultipartContentTypeLineBreakRefused(t *testing.T) {
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { hits.Add(1) }))
	defer srv.Close()
	c, _ := testClient(t, srv.URL)
	const injected = "text/plain\r\nX-Injected: 1"
	parts := map[string]func(m *multipartBody){
		"text part": func(m *multipartBody) { m.addText("evil", "v", injected) },
		"file part": func(m *multipartBody) {
			m.addFile("evil", &File{Name: "a.txt", Content: strings.NewReader("data")}, "a\nb")
		},
		"File.ContentType":  func(m *multipartBody) { m.addFile("evil", &File{Name: "a.txt", ContentType: injected}, "") },
		"NUL":               func(m *multipartBody) { m.addText("evil", "v", "text/plain\x00") },
		"after a good part": func(m *multipartBody) { m.addText("ok", "v", "text/plain"); m.addText("evil", "v", "x\r") },
	}
	for name, add := range parts {
		r := newRequest("Op", http.MethodPost, authNone, nil)
		add(r.formData())
		_, _, err := c.send(t.Context(), r, nil)
		if err == nil || !strings.Contains(err.Error(), `form-data part "evil": Content-Type contains a line break or NUL`) || strings.Contains(err.Error(), "Injected") {
			t.Errorf("%s: error %v, want one naming the part and not the value", name, err)
		}
	}
	if n := hits.Load(); n != 0 {
		t.Errorf("the server got %d requests, want none", n)
	}
	// A valid type still goes out.
	r := newRequest("Op", http.MethodPost, authNone, nil)
	r.formData().addText("fine", "v", "text/plain; charset=utf-8")
	if _, _, err := c.send(t.Context(), r, nil); err != nil || hits.Load() != 1 {
		t.Errorf("a valid part: %v, %d requests", err, hits.Load())
	}
}

// TestIfSetSendsOnlyText is the presence test the operations leave to the
// runtime: an empty text is not sent at all, any other text is sent as is.
func TestIfSetSendsOnlyText(t *testing.T) {
	r := newRequest("Op", http.MethodPost, authNone, nil)
	r.addQueryIfSet("empty", "")
	r.addQueryIfSet("q", " ")
	r.addHeaderIfSet("X-Empty", "")
	r.addHeaderIfSet("X-Set", "0")
	mp := r.formData()
	mp.addTextIfSet("empty", "", "")
	mp.addTextIfSet("part", "v", "text/plain")
	form := &formBody{}
	form.addIfSet("empty", "")
	form.addIfSet("f", "false")
	got := fmt.Sprintf("query %+v header %+v parts %d %q form %+v", r.query, r.header, len(mp.parts), mp.parts[0].name, form.fields)
	want := `query [{key:q value:  flag:false}] header [{key:X-Set value:0 flag:false}] parts 1 "part" form [{key:f value:false flag:false}]`
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}
