package runtime

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	goruntime "runtime"
	"strings"
	"testing"
	"time"
)

func TestAPIErrorIs(t *testing.T) {
	err := fmt.Errorf("wrapped: %w", &APIError{Operation: "Op", StatusCode: 409, Code: "4132"})
	tests := []struct {
		target error
		want   bool
	}{
		{&APIError{StatusCode: 409, Code: "4132"}, true},
		{&APIError{Code: "4132"}, true},
		{&APIError{StatusCode: 409}, true},
		{&APIError{StatusCode: 409, Code: "4130"}, false},
		{&APIError{StatusCode: 404, Code: "4132"}, false},
		{&APIError{}, false},
		{(*APIError)(nil), false},
		{&ValidationError{Field: "x"}, false},
	}
	for _, tt := range tests {
		if got := errors.Is(err, tt.target); got != tt.want {
			t.Errorf("errors.Is(err, %#v) = %v, want %v", tt.target, got, tt.want)
		}
	}
}

func TestQueryReplace(t *testing.T) {
	q := queryList{{key: "a", value: "1"}, {key: "k", value: "old"}, {key: "b", value: "2"}, {key: "k", flag: true}}
	if got, want := q.replace("k", "new key").encode(), "a=1&k=new%20key&b=2"; got != want {
		t.Errorf("replace existing = %q, want %q", got, want)
	}
	if got, want := q.replace("z", "9").encode(), "a=1&k=old&b=2&k&z=9"; got != want {
		t.Errorf("replace missing = %q, want %q", got, want)
	}
	if got, want := q.encode(), "a=1&k=old&b=2&k"; got != want {
		t.Errorf("replace changed its receiver: %q, want %q", got, want)
	}
}

// TestRedactQueryKey: the API key is hidden wherever it stands in the URL,
// whatever the auth of the request (it used to be hidden only as the value
// of the auth's query key); an error without a secret is left as it is.
func TestRedactQueryKey(t *testing.T) {
	c := &Client{creds: credentials{apiKey: "s3cr et"}}
	secrets := c.secrets(newRequest("Op", "GET", authNone, nil), &sentAuth{})
	orig := &url.Error{Op: "Get", URL: "http://h/p?q=1&api_key=s3cr%20et&z=2", Err: errors.New("refused")}
	if got, want := redact(orig, secrets).Error(), `Get "http://h/p?q=1&api_key=REDACTED&z=2": refused`; got != want {
		t.Errorf("redacted = %q, want %q", got, want)
	}
	inPath := &url.Error{Op: "Get", URL: "http://h/s3cr%20et/x?k=s3cr+et", Err: errors.New("refused")}
	if got, want := redact(inPath, secrets).Error(), `Get "http://h/REDACTED/x?k=REDACTED": refused`; got != want {
		t.Errorf("redacted = %q, want %q", got, want)
	}
	clean := &url.Error{Op: "Get", URL: "http://h/p?q=1", Err: errors.New("refused")}
	if got := redact(clean, secrets); got != error(clean) {
		t.Errorf("an error without a secret changed: %v", got)
	}
}

func TestCheckHeaderValue(t *testing.T) {
	for _, tt := range []struct{ key, value string }{{"X", "a\r\nb"}, {"X", "a\nb"}, {"X", "a\x00"}, {"X\r\nY", "v"}, {"", "v"}, {"X:Y", "v"}} {
		err := checkHeaderValue(tt.key, tt.value)
		if err == nil {
			t.Errorf("checkHeaderValue(%q, %q) accepted it", tt.key, tt.value)
		} else if tt.value != "v" && strings.Contains(err.Error(), tt.value) {
			t.Errorf("error %q quotes the value", err)
		}
	}
	if err := checkHeaderValue("X-Ok", "a b\tc"); err != nil {
		t.Errorf("checkHeaderValue refused a valid value: %v", err)
	}
}

func TestAuthorizeEachScheme(t *testing.T) {
	c, err := newClient("http://h", authInherit, []Option{WithBearerToken("t"), WithAPIKey("k"), WithBasicAuth("u", "p")})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		scheme             authScheme
		authorization, key string
		query              string
	}{
		{authInherit, "Bearer t", "", ""},
		{authNone, "", "", ""},
		{authBearer, "Bearer t", "", ""},
		{authBasic, "Basic dTpw", "", ""},
		{authOther, "", "", ""},
		{apiKeyIn("X-Key", "header"), "", "k", ""},
		{apiKeyIn("X-Key", "query"), "", "", "X-Key=k"},
	}
	for _, tt := range tests {
		req, err := c.build(t.Context(), newRequest("Op", "GET", tt.scheme, nil), &callConfig{}, &sentAuth{})
		if err != nil {
			t.Fatalf("scheme %+v: %v", tt.scheme, err)
		}
		if got := [3]string{req.Header.Get("Authorization"), req.Header.Get("X-Key"), req.URL.RawQuery}; got != [3]string{tt.authorization, tt.key, tt.query} {
			t.Errorf("scheme %+v: Authorization, X-Key, query = %q, want %q", tt.scheme, got, [3]string{tt.authorization, tt.key, tt.query})
		}
	}
}

func TestUnsentMultipartBodyIsClosed(t *testing.T) {
	c, err := newClient("http://h", authInherit, nil)
	if err != nil {
		t.Fatal(err)
	}
	// The file's reader blocks until the test ends; the goroutine writing
	// the multipart body must end anyway when the request is not sent.
	block := make(chan struct{})
	defer close(block)
	before := goruntime.NumGoroutine()
	for range 20 {
		r := newRequest("Op", "POST", authNone, nil)
		r.formData().addText("a", strings.Repeat("x", 1<<16), "")
		r.formData().addFile("f", &File{Name: "f", Content: blockingReader(block)}, "")
		if _, err := c.build(t.Context(), r, &callConfig{header: http.Header{"X": {"a\nb"}}}, &sentAuth{}); err == nil {
			t.Fatal("a header with a line break was accepted")
		}
	}
	deadline := time.Now().Add(10 * time.Second)
	for goruntime.NumGoroutine() > before && time.Now().Before(deadline) {
		time.Sleep(time.Millisecond)
	}
	if n := goruntime.NumGoroutine(); n > before {
		t.Errorf("%d goroutines left behind by unsent multipart requests", n-before)
	}
}

type blockingReader chan struct{}

func (b blockingReader) Read([]byte) (int, error) {
	<-b
	return 0, io.EOF
}
