package generator_test

import (
	"context"
	"net/http"
	"testing"

	"github.com/postman2go/postman2go/golden/authz"
)

// TestAuthInheritance: request auth, else the nearest folder's, else the
// collection's; noauth stops the search; schemes the client does not
// implement send nothing but what a request editor adds.
func TestAuthInheritance(t *testing.T) {
	rec := newRecorder(t, http.StatusOK, nil, `{}`)
	c, err := authz.NewClient(
		authz.WithBaseURL(rec.srv.URL),
		authz.WithBearerToken("tk"),
		authz.WithBasicAuth("me", "pw"),
		authz.WithRequestEditor(func(r *http.Request) error {
			if r.URL.Path == "/key" {
				r.Header.Set("X-Api-Key", "k1")
			}
			return nil
		}),
	)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	calls := []struct {
		call func() error
		path string
		auth string
	}{
		{func() error { _, err := c.InheritsBearer(ctx, authz.InheritsBearerParams{}); return err }, "/me", "Bearer tk"},
		{func() error { _, err := c.Public(ctx, authz.PublicParams{}); return err }, "/public", ""},
		{func() error { _, err := c.Stats(ctx, authz.StatsParams{}); return err }, "/admin/stats", "Basic bWU6cHc="},
		{func() error { _, err := c.Token(ctx, authz.TokenParams{}); return err }, "/admin/token", "Bearer tk"},
		{func() error { _, err := c.DeepStats(ctx, authz.DeepStatsParams{}); return err }, "/admin/deep", "Basic bWU6cHc="},
		{func() error { _, err := c.KeyInHeader(ctx, authz.KeyInHeaderParams{}); return err }, "/key", ""},
		{func() error { _, err := c.Digest(ctx, authz.DigestParams{}); return err }, "/digest", ""},
		{func() error { _, err := c.PrefixedToken(ctx, authz.PrefixedTokenParams{}); return err }, "/prefixed", "Token tk"}, // oauth2 headerPrefix
	}
	for _, cl := range calls {
		if err := cl.call(); err != nil {
			t.Fatalf("%s: %v", cl.path, err)
		}
	}
	if len(rec.requests) != len(calls) {
		t.Fatalf("%d requests, want %d", len(rec.requests), len(calls))
	}
	for i, cl := range calls {
		r := rec.requests[i]
		if r.Path != cl.path || r.Header.Get("Authorization") != cl.auth {
			t.Errorf("%s: Authorization = %q, want %q", r.Path, r.Header.Get("Authorization"), cl.auth)
		}
	}
	if got := rec.requests[5].Header.Get("X-Api-Key"); got != "k1" {
		t.Errorf("apikey request: X-Api-Key = %q, want what the editor set", got)
	}
}
