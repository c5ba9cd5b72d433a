package generator_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/postman2go/postman2go/golden/headerauth"
)

// TestHeaderAuthIsAuth: credentials the collection writes as plain headers
// are sent from the client's auth options, with the header's scheme word,
// and are no params field.
func TestHeaderAuthIsAuth(t *testing.T) {
	var got []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got = append(got, r.URL.Path+" "+r.Header.Get("Authorization")+"|"+r.Header.Get("X-API-Key"))
	}))
	defer srv.Close()
	c, err := headerauth.NewClient(headerauth.WithBaseURL(srv.URL), headerauth.WithBearerToken("tok"),
		headerauth.WithBasicAuth("u", "p"), headerauth.WithAPIKey("key"))
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	for _, call := range []func() error{
		func() error { _, err := c.ListAccounts(ctx, headerauth.ListAccountsParams{}); return err },
		func() error { _, err := c.ListRepos(ctx, headerauth.ListReposParams{}); return err },
		func() error { _, err := c.GetStatus(ctx, headerauth.GetStatusParams{}); return err },
		func() error { _, err := c.ListKeys(ctx, headerauth.ListKeysParams{}); return err },
		func() error { _, err := c.Public(ctx, headerauth.PublicParams{}); return err },
	} {
		if err := call(); err != nil {
			t.Fatal(err)
		}
	}
	want := []string{
		"/accounts Bearer tok|",
		"/repos Token tok|",
		"/status Basic dTpw|",
		"/keys |key",
		"/public Bearer tok|",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("sent:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
