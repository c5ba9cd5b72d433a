package generator_test

import (
	"context"
	"errors"
	"io"
	"net/http"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/postman2go/postman2go/golden/vars"
)

// transportRecorder is an http.RoundTripper that records requests and
// answers 200, for operations that go to a host of their own.
type transportRecorder struct {
	mu   sync.Mutex
	urls []string
}

func (tr *transportRecorder) RoundTrip(req *http.Request) (*http.Response, error) {
	tr.mu.Lock()
	tr.urls = append(tr.urls, req.Method+" "+req.URL.String())
	tr.mu.Unlock()
	return &http.Response{StatusCode: 200, Header: http.Header{}, Body: io.NopCloser(strings.NewReader("{}")), Request: req}, nil
}

var (
	uuidV4   = regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)
	traceRun = regexp.MustCompile(`^run-(\d+)-(\d+)$`)
)

func TestVarsDefaultsOnTheWire(t *testing.T) {
	rec := newRecorder(t, 200, nil, `{}`)
	c, err := vars.NewClient(vars.WithBaseURL(rec.srv.URL + "/v1"))
	if err != nil {
		t.Fatal(err)
	}
	before := time.Now().Add(-time.Second)
	if _, err := c.ListThings(context.Background(), vars.ListThingsParams{}); err != nil {
		t.Fatal(err)
	}
	req := rec.only(t)
	// {{apiVersion}} defaults to the collection's value, {{name_{{kind}}}}
	// resolves as Postman resolves it; nothing optional is sent but the
	// dynamic {{$isoTimestamp}}.
	if req.Path != "/v1/2024-01/things/all-widgets" {
		t.Errorf("path = %q", req.Path)
	}
	at, ok := strings.CutPrefix(req.RawQuery, "at=")
	if !ok || strings.Contains(at, "&") {
		t.Fatalf("query = %q, want only at=<ISO time>", req.RawQuery)
	}
	ts, err := time.Parse("2006-01-02T15:04:05.000Z", strings.ReplaceAll(at, "%3A", ":"))
	if err != nil || ts.Before(before) || ts.After(time.Now().Add(time.Second)) {
		t.Errorf("at = %q (%v), want the current UTC time", at, err)
	}
	if id := req.Header.Get("X-Request-Id"); !uuidV4.MatchString(id) {
		t.Errorf("X-Request-Id = %q, want a fresh UUID v4 for {{$guid}}", id)
	}
	m := traceRun.FindStringSubmatch(req.Header.Get("X-Trace"))
	if m == nil || len(m[2]) > 4 {
		t.Errorf("X-Trace = %q, want run-<unix seconds>-<0..1000>", req.Header.Get("X-Trace"))
	}
	if got := req.Header.Get("Accept"); got != "application/json" {
		t.Errorf("Accept = %q", got)
	}
	for _, h := range []string{"X-Api-Key", "X-Company", "X-Debug"} {
		if v, ok := req.Header[h]; ok {
			t.Errorf("%s sent (%q) although it was not set", h, v)
		}
	}
	for k, vs := range req.Header {
		for _, v := range vs {
			if strings.Contains(v, "{{") {
				t.Errorf("header %s carries a Postman variable: %q", k, v)
			}
		}
	}
}

func TestVarsSetValuesOnTheWire(t *testing.T) {
	rec := newRecorder(t, 200, nil, `{}`)
	// X-Api-Key: {{secret}} in the collection is the operation's API key auth.
	c, err := vars.NewClient(vars.WithBaseURL(rec.srv.URL+"/v1"), vars.WithAPIKey("k"))
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.ListThings(context.Background(), vars.ListThingsParams{
		APIVersion: "2025-06",
		Verbose:    true,
		Tag:        "a b",
		Tag2:       "c&d",
		Limit:      vars.Ptr(int64(10)),
		At:         "now",
		XRequestID: "req-1",
	})
	if err != nil {
		t.Fatal(err)
	}
	req := rec.only(t)
	if req.Path != "/v1/2025-06/things/all-widgets" {
		t.Errorf("path = %q", req.Path)
	}
	// The flag has no "=", repeated keys keep their order.
	if want := "verbose&tag=a%20b&tag=c%26d&limit=10&at=now"; req.RawQuery != want {
		t.Errorf("query = %q, want %q", req.RawQuery, want)
	}
	if req.Header.Get("X-Request-Id") != "req-1" || req.Header.Get("X-Api-Key") != "k" {
		t.Errorf("headers = %v", req.Header)
	}
}

func TestVarsPathVariables(t *testing.T) {
	rec := newRecorder(t, 200, nil, `{}`)
	c, err := vars.NewClient(vars.WithBaseURL(rec.srv.URL + "/v1"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.GetThing(context.Background(), vars.GetThingParams{ThingID: "a/b", Owner: "me", Sort: "desc"}); err != nil {
		t.Fatal(err)
	}
	req := rec.only(t)
	if req.RawPath != "/v1/things/a%2Fb/me" {
		t.Errorf("raw path = %q, want the / in a path parameter escaped", req.RawPath)
	}
	// The key {{sortKey}} is resolved; the header key X-{{tenantHeader}}
	// names an undefined variable and is left out.
	for k := range req.Header {
		if strings.HasPrefix(k, "X-") {
			t.Errorf("header %s sent", k)
		}
	}
	query, ok := strings.CutSuffix(req.RawQuery, "&sort=desc")
	if !ok {
		t.Errorf("query = %q, want it to end in &sort=desc", req.RawQuery)
	}
	id, ok := strings.CutPrefix(query, "id=")
	if !ok || !uuidV4.MatchString(id) {
		t.Errorf("query = %q, want id=<UUID> for {{$randomUUID}}", req.RawQuery)
	}

	_, err = c.GetThing(context.Background(), vars.GetThingParams{ThingID: "x"})
	var verr *vars.ValidationError
	if !errors.As(err, &verr) || verr.Field != "owner" {
		t.Errorf("error = %v, want a ValidationError for the {{owner}} path variable", err)
	}
}

// TestVarsOtherHosts: an operation on another host in the collection keeps
// it whatever the base URL; an undefined variable in a host is a parameter.
func TestVarsOtherHosts(t *testing.T) {
	tr := &transportRecorder{}
	c, err := vars.NewClient(vars.WithBaseURL("http://127.0.0.1:1/v1"), vars.WithHTTPClient(&http.Client{Transport: tr}))
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	if _, err := c.GetToken(ctx, vars.GetTokenParams{Flag: true}); err != nil {
		t.Fatal(err)
	}
	if _, err := c.RegionalStatus(ctx, vars.RegionalStatusParams{Region: "eu"}); err != nil {
		t.Fatal(err)
	}
	if _, err := c.RegionalStatus(ctx, vars.RegionalStatusParams{}); err == nil {
		t.Error("RegionalStatus without its host variable: no error")
	}
	// A host variable is host labels only: a value that would move the
	// request (and its token) to another host is refused before sending.
	for _, hostile := range []string{"attacker.example/#", "attacker.example?", "x@attacker.example", "attacker.example:80", "a b"} {
		_, err := c.RegionalStatus(ctx, vars.RegionalStatusParams{Region: hostile})
		var ve *vars.ValidationError
		if !errors.As(err, &ve) || ve.Field != "region" {
			t.Errorf("Region %q: err = %v, want a ValidationError for region", hostile, err)
		}
	}
	want := []string{
		"POST https://login.example.com:8443/oauth/token?flag",
		"GET https://eu.status.example.com/health",
	}
	if strings.Join(tr.urls, "\n") != strings.Join(want, "\n") {
		t.Errorf("requests =\n%s\nwant\n%s", strings.Join(tr.urls, "\n"), strings.Join(want, "\n"))
	}
	if vars.DefaultBaseURL != "https://api.example.com/v1" {
		t.Errorf("DefaultBaseURL = %q", vars.DefaultBaseURL)
	}
}
