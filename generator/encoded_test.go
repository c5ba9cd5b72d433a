package generator_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/postman2go/postman2go/golden/encodedvalues"
)

// TestEncodedQueryTextIsSentOnce: the collection's Yosemite%2FYosemite2 is
// the value Yosemite/Yosemite2 (documented so), sent encoded once, as
// Postman sends it; a signature keeps its %2F and %3D.
func TestEncodedQueryTextIsSentOnce(t *testing.T) {
	var queries []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		queries = append(queries, r.URL.RawQuery)
	}))
	defer srv.Close()
	c, err := encodedvalues.NewClient(encodedvalues.WithBaseURL(srv.URL))
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	if _, err := c.SearchPhotos(ctx, encodedvalues.SearchPhotosParams{Album: "Yosemite/Yosemite2", Q: "half dome", Discount: "100%"}); err != nil {
		t.Fatal(err)
	}
	if _, err := c.DownloadSigned(ctx, encodedvalues.DownloadSignedParams{Sig: "abc/def=="}); err != nil {
		t.Fatal(err)
	}
	want := []string{"album=Yosemite%2FYosemite2&q=half%20dome&discount=100%25", "sig=abc%2Fdef%3D%3D"}
	if len(queries) != 2 || queries[0] != want[0] || queries[1] != want[1] {
		t.Errorf("queries = %q, want %q", queries, want)
	}
}
