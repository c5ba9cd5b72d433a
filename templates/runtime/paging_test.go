package runtime

import (
	"context"
	"errors"
	"net/http"
	"testing"
)

// fakePages serves pages of tokens: page i answers with next[i].
type fakePages struct {
	next  []string
	sent  []string
	fails int // the request that fails, 1-based; 0 for none
}

func (f *fakePages) fetch(_ context.Context, token *string) (string, error) {
	f.sent = append(f.sent, *token)
	if len(f.sent) == f.fails {
		return "", errors.New("boom")
	}
	return f.next[len(f.sent)-1], nil
}

func (f *fakePages) pages() func(func(string, error) bool) {
	return paginate(context.Background(), func() *string { return new(string) }, f.fetch, func(sent *string, page string) (bool, error) {
		next, more, err := nextToken(*sent, page)
		*sent = next
		return more, err
	})
}

func TestPaginateFollowsTokensUntilNone(t *testing.T) {
	f := &fakePages{next: []string{"a", "b", ""}}
	var got []string
	for page, err := range f.pages() {
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, page)
	}
	if want := `["a" "b" ""]`; sprintQ(got) != want {
		t.Errorf("pages = %s, want %s", sprintQ(got), want)
	}
	if want := `["" "a" "b"]`; sprintQ(f.sent) != want {
		t.Errorf("tokens sent = %s, want %s", sprintQ(f.sent), want)
	}
}

func TestPaginateStartsOverOnEachRange(t *testing.T) {
	f := &fakePages{next: []string{"a", "", "a", ""}}
	pages := f.pages()
	for range pages {
	}
	for range pages {
	}
	if want := `["" "a" "" "a"]`; sprintQ(f.sent) != want {
		t.Errorf("tokens sent = %s, want %s: the second range starts from the first page again", sprintQ(f.sent), want)
	}
}

func TestPaginateStopsWhenTheCallerDoes(t *testing.T) {
	f := &fakePages{next: []string{"a", "b", "c", ""}}
	for range f.pages() {
		break
	}
	if len(f.sent) != 1 {
		t.Errorf("%d requests after a break on the first page, want 1", len(f.sent))
	}
}

func TestPaginateYieldsTheErrorAndStops(t *testing.T) {
	f := &fakePages{next: []string{"a", "b", "c", ""}, fails: 2}
	var errs int
	n := 0
	for _, err := range f.pages() {
		n++
		if err != nil {
			errs++
		}
	}
	if n != 2 || errs != 1 || len(f.sent) != 2 {
		t.Errorf("%d yields, %d errors, %d requests; want 2, 1, 2", n, errs, len(f.sent))
	}
}

func TestPaginateRefusesARepeatedToken(t *testing.T) {
	f := &fakePages{next: []string{"a", "a", "a", ""}}
	var last error
	for _, err := range f.pages() {
		last = err
	}
	if !errors.Is(last, ErrPageRepeated) || len(f.sent) != 2 {
		t.Errorf("last error %v after %d requests, want ErrPageRepeated after 2", last, len(f.sent))
	}
}

func TestPageItems(t *testing.T) {
	f := &fakePages{next: []string{"a", "b", ""}}
	items := pageItems(f.pages(), func(page string) []string {
		if page == "" {
			return nil
		}
		return []string{page + "1", page + "2"}
	})
	var got []string
	for it, err := range items {
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, it)
		if it == "b1" {
			break
		}
	}
	if want := `["a1" "a2" "b1"]`; sprintQ(got) != want {
		t.Errorf("items = %s, want %s", sprintQ(got), want)
	}
	if len(f.sent) != 2 {
		t.Errorf("%d requests, want 2: the break stops before the third page", len(f.sent))
	}
}

func TestPageItemsYieldsTheErrorAndStops(t *testing.T) {
	f := &fakePages{next: []string{"a", "b", "c", ""}, fails: 2}
	items := pageItems(f.pages(), func(page string) []string { return []string{page + "1"} })
	var got []string
	var errs int
	for it, err := range items {
		if err != nil {
			errs++
			continue
		}
		got = append(got, it)
	}
	if want := `["a1"]`; sprintQ(got) != want || errs != 1 || len(f.sent) != 2 {
		t.Errorf("items %s, %d errors, %d requests; want %s, 1, 2", sprintQ(got), errs, len(f.sent), want)
	}
}

func TestBodyLookups(t *testing.T) {
	body := []byte(`{"next_page_token": "t1", "meta": {"next_cursor": "c2", "total": 42, "more": true}, "n": null, "list": [1]}`)
	for _, tt := range []struct {
		path []string
		want string
	}{
		{[]string{"next_page_token"}, "t1"},
		{[]string{"meta", "next_cursor"}, "c2"},
		{[]string{"meta", "total"}, "42"},
		{[]string{"n"}, ""},
		{[]string{"list"}, ""},
		{[]string{"missing"}, ""},
		{[]string{"next_page_token", "deeper"}, ""},
	} {
		if got := bodyText(body, tt.path...); got != tt.want {
			t.Errorf("bodyText(%q) = %q, want %q", tt.path, got, tt.want)
		}
	}
	if n, ok := bodyInt(body, "meta", "total"); !ok || n != 42 {
		t.Errorf("bodyInt = %d, %v", n, ok)
	}
	if _, ok := bodyInt(body, "next_page_token"); ok {
		t.Errorf("bodyInt of a string reported a number")
	}
	if !bodyBool(body, "meta", "more") || bodyBool(body, "n") || bodyBool([]byte("not json"), "x") {
		t.Errorf("bodyBool wrong")
	}
}

func sprintQ(s []string) string {
	out := "["
	for i, v := range s {
		if i > 0 {
			out += " "
		}
		out += `"` + v + `"`
	}
	return out + "]"
}

func TestNextPage(t *testing.T) {
	body := []byte(`{"page_count": 3}`)
	for _, tt := range []struct {
		page, first int64
		items       int
		count       []string
		next        int64
		more        bool
	}{
		{1, 1, 10, nil, 2, true},
		{1, 1, 0, nil, 1, false}, // an empty page is the last
		{2, 1, 10, []string{"page_count"}, 3, true},
		{3, 1, 10, []string{"page_count"}, 3, false}, // page 3 of 3
		{2, 0, 10, []string{"page_count"}, 2, false}, // pages 0, 1, 2
		{2, 1, 10, []string{"missing"}, 3, true},
	} {
		next, more := nextPage(tt.page, tt.first, tt.items, body, tt.count...)
		if next != tt.next || more != tt.more {
			t.Errorf("nextPage(%d, first %d, %d items, %q) = %d, %v; want %d, %v", tt.page, tt.first, tt.items, tt.count, next, more, tt.next, tt.more)
		}
	}
	if n, err := pageText("", 1); n != 1 || err != nil {
		t.Errorf(`pageText("") = %d, %v`, n, err)
	}
	if n, err := pageText("7", 1); n != 7 || err != nil {
		t.Errorf(`pageText("7") = %d, %v`, n, err)
	}
	if _, err := pageText("seven", 1); err == nil {
		t.Errorf(`pageText("seven"): no error`)
	}
	if n, more := nextOffset(20, 10); n != 30 || !more {
		t.Errorf("nextOffset(20, 10) = %d, %v", n, more)
	}
	if _, more := nextOffset(20, 0); more {
		t.Errorf("nextOffset after an empty page: more")
	}
}

func TestLinkNext(t *testing.T) {
	for _, tt := range []struct{ header, want string }{
		{`<https://api.example.test/items?page=2>; rel="next", <https://api.example.test/items?page=9>; rel="last"`, "https://api.example.test/items?page=2"},
		{`<https://api.example.test/items?page=1>; rel="prev"`, ""},
		{`</items?cursor=abc>; rel="next last"`, "/items?cursor=abc"},
		{`<https://x/y>; REL=next`, "https://x/y"},
		{`garbage`, ""},
		{``, ""},
	} {
		h := http.Header{}
		if tt.header != "" {
			h.Set("Link", tt.header)
		}
		if got := linkNext(h); got != tt.want {
			t.Errorf("linkNext(%q) = %q, want %q", tt.header, got, tt.want)
		}
	}
}

// TestAtPageStaysOnTheAPIHost: a next-page link is followed with the
// client's credentials only on the base URL's scheme, host and port.
func TestAtPageStaysOnTheAPIHost(t *testing.T) {
	c, err := newClient("https://api.example.test/v1", authBearer, []Option{WithBearerToken("tok")})
	if err != nil {
		t.Fatal(err)
	}
	r := newRequest("List", "GET", authBearer, nil)
	r.addPath("/items")
	r.addQuery("limit", "10")
	for _, tt := range []struct{ next, want string }{
		{"https://api.example.test/v1/items?page=2&limit=10", "https://api.example.test/v1/items?page=2&limit=10"},
		{"/v1/items?skiptoken=x", "https://api.example.test/v1/items?skiptoken=x"},
		{"https://evil.example/v1/items?page=2", ""},
		{"http://api.example.test/v1/items?page=2", ""}, // plain http
		{"https://api.example.test:8443/v1/items", ""},
		{"https://user@api.example.test/v1/items", ""},
	} {
		cc := newCallConfig([]RequestOption{atPage(tt.next)})
		req, err := c.build(context.Background(), r, &cc, &sentAuth{})
		if tt.want == "" {
			if !errors.Is(err, ErrPageElsewhere) {
				t.Errorf("%s: err = %v, want ErrPageElsewhere", tt.next, err)
			}
			continue
		}
		if err != nil {
			t.Fatalf("%s: %v", tt.next, err)
		}
		if req.URL.String() != tt.want || req.Header.Get("Authorization") != "Bearer tok" {
			t.Errorf("%s: sent to %s with %q", tt.next, req.URL, req.Header.Get("Authorization"))
		}
	}
}
