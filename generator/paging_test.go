package generator_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"sync"
	"testing"

	"github.com/postman2go/postman2go/golden/paging"
)

// pageServer answers the n-th request (from 0) with pages[n], as JSON, its
// URL for {srv} and a first line "Link: ..." as a Link header; past the
// last page it answers 500. It records each request's path and query.
type pageServer struct {
	mu    sync.Mutex
	pages []string
	sent  []string
	srv   *httptest.Server
}

func newPageServer(t *testing.T, pages ...string) (*pageServer, *paging.Client) {
	t.Helper()
	ps := &pageServer{pages: pages}
	ps.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ps.mu.Lock()
		n := len(ps.sent)
		ps.sent = append(ps.sent, r.URL.Path+"?"+r.URL.RawQuery)
		ps.mu.Unlock()
		if n >= len(ps.pages) {
			w.WriteHeader(http.StatusInternalServerError)
			return
		}
		page := strings.ReplaceAll(ps.pages[n], "{srv}", ps.srv.URL)
		// A page may start with a Link header line: "Link: ...\n".
		if link, rest, ok := strings.Cut(page, "\n"); ok && strings.HasPrefix(link, "Link: ") {
			w.Header().Set("Link", strings.TrimPrefix(link, "Link: "))
			page = rest
		}
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, page)
	}))
	t.Cleanup(ps.srv.Close)
	c, err := paging.NewClient(paging.WithBaseURL(ps.srv.URL), paging.WithRetry(paging.RetryPolicy{MaxAttempts: 1}))
	if err != nil {
		t.Fatal(err)
	}
	return ps, c
}

func (ps *pageServer) requests() string {
	ps.mu.Lock()
	defer ps.mu.Unlock()
	return strings.Join(ps.sent, "\n")
}

func collect[T any](t *testing.T, seq func(func(T, error) bool), key func(T) string) string {
	t.Helper()
	var got []string
	for it, err := range seq {
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, key(it))
	}
	return strings.Join(got, " ")
}

func TestPagingToken(t *testing.T) {
	ps, c := newPageServer(t,
		`{"next_page_token": "t2", "meetings": [{"id": 1}, {"id": 2}]}`,
		`{"next_page_token": "", "meetings": [{"id": 3}]}`,
	)
	got := collect(t, c.ListMeetingsAll(context.Background(), paging.ListMeetingsParams{UserID: "u1", PageSize: paging.Ptr(int64(2))}),
		func(m paging.ListMeetingsMeeting) string { return fmt.Sprint(m.ID) })
	if got != "1 2 3" {
		t.Errorf("items = %q, want 1 2 3", got)
	}
	if want := "/users/u1/meetings?page_size=2\n/users/u1/meetings?page_size=2&next_page_token=t2"; ps.requests() != want {
		t.Errorf("requests:\n%s\nwant\n%s", ps.requests(), want)
	}
}

// TestPagingRangesAgainFromTheStart: an iterator ranged a second time
// sends the params it was made with again, not the last page's token.
func TestPagingRangesAgainFromTheStart(t *testing.T) {
	ps, c := newPageServer(t,
		`{"next_page_token": "t2", "meetings": [{"id": 1}]}`,
		`{"next_page_token": "", "meetings": [{"id": 2}]}`,
		`{"next_page_token": "t2", "meetings": [{"id": 1}]}`,
		`{"next_page_token": "", "meetings": [{"id": 2}]}`,
	)
	all := c.ListMeetingsAll(context.Background(), paging.ListMeetingsParams{UserID: "u1"})
	id := func(m paging.ListMeetingsMeeting) string { return fmt.Sprint(m.ID) }
	first, second := collect(t, all, id), collect(t, all, id)
	if first != "1 2" || second != "1 2" {
		t.Errorf("items %q then %q, want 1 2 both times", first, second)
	}
	page := "/users/u1/meetings?\n/users/u1/meetings?next_page_token=t2"
	if want := page + "\n" + page; ps.requests() != want {
		t.Errorf("requests:\n%s\nwant\n%s", ps.requests(), want)
	}
}

// TestPagingTokenNotInExamples: the recordings example shows no token; the
// next_page_token param is read back from the same key.
func TestPagingTokenNotInExamples(t *testing.T) {
	ps, c := newPageServer(t,
		`{"next_page_token": "abc", "meetings": [{"uuid": "a"}]}`,
		`{"meetings": [{"uuid": "b"}]}`,
	)
	got := collect(t, c.ListRecordingsAll(context.Background(), paging.ListRecordingsParams{UserID: "u1"}),
		func(m paging.ListRecordingsMeeting) string { return m.UUID })
	if got != "a b" || ps.requests() != "/users/u1/recordings?\n/users/u1/recordings?next_page_token=abc" {
		t.Errorf("items %q, requests:\n%s", got, ps.requests())
	}
}

func TestPagingRepeatedTokenStops(t *testing.T) {
	_, c := newPageServer(t,
		`{"next_page_token": "same", "meetings": [{"id": 1}]}`,
		`{"next_page_token": "same", "meetings": [{"id": 2}]}`,
		`{"next_page_token": "same", "meetings": [{"id": 3}]}`,
	)
	var items int
	var last error
	for _, err := range c.ListMeetingsAll(context.Background(), paging.ListMeetingsParams{UserID: "u1"}) {
		if err != nil {
			last = err
			break
		}
		items++
	}
	if !errors.Is(last, paging.ErrPageRepeated) || items != 2 {
		t.Errorf("%d items then %v; want 2 then ErrPageRepeated", items, last)
	}
}

func TestPagingStartingAfter(t *testing.T) {
	ps, c := newPageServer(t,
		`{"has_more": true, "data": [{"id": "cus_1"}, {"id": "cus_2"}]}`,
		`{"has_more": false, "data": [{"id": "cus_3"}]}`,
	)
	got := collect(t, c.ListCustomersAll(context.Background(), paging.ListCustomersParams{Limit: paging.Ptr(int64(2))}),
		func(d paging.DataItem) string { return d.ID })
	if got != "cus_1 cus_2 cus_3" {
		t.Errorf("items = %q", got)
	}
	if want := "/v1/customers?limit=2\n/v1/customers?limit=2&starting_after=cus_2"; ps.requests() != want {
		t.Errorf("requests:\n%s\nwant\n%s", ps.requests(), want)
	}
}

func TestPagingPageNumberUntilPageCount(t *testing.T) {
	ps, c := newPageServer(t,
		`{"total_pages": 2, "items": [{"id": "INV-1"}]}`,
		`{"total_pages": 2, "items": [{"id": "INV-2"}]}`,
	)
	var pages int
	for resp, err := range c.ListInvoicesPages(context.Background(), paging.ListInvoicesParams{}) {
		if err != nil {
			t.Fatal(err)
		}
		pages++
		if resp.Data == nil || len(resp.Data.Items) != 1 {
			t.Errorf("page %d: data %+v", pages, resp.Data)
		}
	}
	if want := "/v1/invoicing/invoices?\n/v1/invoicing/invoices?page=2"; pages != 2 || ps.requests() != want {
		t.Errorf("%d pages, requests:\n%s\nwant\n%s", pages, ps.requests(), want)
	}
}

func TestPagingPageNumberAsText(t *testing.T) {
	ps, c := newPageServer(t,
		`{"page_count": 3, "tags": [{"name": "a"}]}`,
		`{"page_count": 3, "tags": [{"name": "b"}]}`,
		`{"page_count": 3, "tags": [{"name": "c"}]}`,
	)
	got := collect(t, c.ListTagsAll(context.Background(), paging.ListTagsParams{}), func(tg paging.Tag) string { return tg.Name })
	if want := "/tags?\n/tags?page_number=2\n/tags?page_number=3"; got != "a b c" || ps.requests() != want {
		t.Errorf("items %q, requests:\n%s\nwant\n%s", got, ps.requests(), want)
	}
}

func TestPagingOffsetUntilEmptyPage(t *testing.T) {
	ps, c := newPageServer(t, `[{"id": "e1"}, {"id": "e2"}]`, `[{"id": "e3"}]`, `[]`)
	got := collect(t, c.SearchEventsAll(context.Background(), paging.SearchEventsParams{Limit: paging.Ptr(int64(2))}),
		func(e paging.SearchEventsResponseBodyItem) string { return e.ID })
	if want := "/events?limit=2\n/events?offset=2&limit=2\n/events?offset=3&limit=2"; got != "e1 e2 e3" || ps.requests() != want {
		t.Errorf("items %q, requests:\n%s\nwant\n%s", got, ps.requests(), want)
	}
}

func TestPagingStopsWithTheLoop(t *testing.T) {
	ps, c := newPageServer(t, `{"next_page_token": "t2", "meetings": [{"id": 1}, {"id": 2}]}`)
	for range c.ListMeetingsAll(context.Background(), paging.ListMeetingsParams{UserID: "u1"}) {
		break
	}
	if n := strings.Count(ps.requests(), "\n") + 1; n != 1 {
		t.Errorf("%d requests after a break, want 1", n)
	}
}

func TestPagingErrorEndsTheIteration(t *testing.T) {
	_, c := newPageServer(t, `{"next_page_token": "t2", "meetings": [{"id": 1}]}`) // page 2: 500
	var items, errs int
	var apiErr *paging.APIError
	for _, err := range c.ListMeetingsAll(context.Background(), paging.ListMeetingsParams{UserID: "u1"}) {
		if err != nil {
			errs++
			if !errors.As(err, &apiErr) || apiErr.StatusCode != 500 {
				t.Errorf("err = %v, want an APIError 500", err)
			}
			continue
		}
		items++
	}
	if items != 1 || errs != 1 {
		t.Errorf("%d items, %d errors; want 1, 1", items, errs)
	}
}

// TestPagingOnlyWhereARuleApplies: a cursor param with no next cursor in
// the examples is not guessed at.
func TestPagingOnlyWhereARuleApplies(t *testing.T) {
	ct := reflect.TypeOf(&paging.Client{})
	for _, m := range []string{"ListSettingsPages", "ListSettingsAll"} {
		if _, ok := ct.MethodByName(m); ok {
			t.Errorf("Client has %s: no rule says how ListSettings pages", m)
		}
	}
	for _, m := range []string{"ListMeetingsPages", "ListMeetingsAll", "ListCustomersAll", "ListInvoicesAll", "SearchEventsAll", "ListTagsAll"} {
		if _, ok := ct.MethodByName(m); !ok {
			t.Errorf("Client lacks %s", m)
		}
	}
}

func TestPagingODataNextLink(t *testing.T) {
	ps, c := newPageServer(t,
		`{"value": [{"id": "p1"}], "@odata.nextLink": "{srv}/people?$top=1&$skiptoken=X1"}`,
		`{"value": [{"id": "p2"}]}`,
	)
	got := collect(t, c.ListPeopleAll(context.Background(), paging.ListPeopleParams{Top: paging.Ptr(int64(1))}),
		func(p paging.ValueItem) string { return p.ID })
	if want := "/people?%24top=1\n/people?$top=1&$skiptoken=X1"; got != "p1 p2" || ps.requests() != want {
		t.Errorf("items %q, requests:\n%s\nwant\n%s", got, ps.requests(), want)
	}
}

func TestPagingLinkHeader(t *testing.T) {
	ps, c := newPageServer(t,
		"Link: <{srv}/repos?per_page=1&page=2>; rel=\"next\", <{srv}/repos?per_page=1&page=3>; rel=\"last\"\n"+`[{"id": 1}]`,
		"Link: <{srv}/repos?per_page=1&page=3>; rel=\"next\"\n"+`[{"id": 2}]`,
		`[{"id": 3}]`,
	)
	got := collect(t, c.ListRepositoriesAll(context.Background(), paging.ListRepositoriesParams{PerPage: paging.Ptr(int64(1))}),
		func(r paging.ListRepositoriesResponseBodyItem) string { return fmt.Sprint(r.ID) })
	if want := "/repos?per_page=1\n/repos?per_page=1&page=2\n/repos?per_page=1&page=3"; got != "1 2 3" || ps.requests() != want {
		t.Errorf("items %q, requests:\n%s\nwant\n%s", got, ps.requests(), want)
	}
}

// TestPagingNextLinkElsewhere: a next link to another host is not
// followed, credentials or not: the iteration ends with ErrPageElsewhere.
func TestPagingNextLinkElsewhere(t *testing.T) {
	ps, c := newPageServer(t, `{"value": [{"id": "p1"}], "@odata.nextLink": "https://evil.example/people?$skiptoken=X1"}`)
	var last error
	n := 0
	for _, err := range c.ListPeopleAll(context.Background(), paging.ListPeopleParams{}) {
		if err != nil {
			last = err
			break
		}
		n++
	}
	if !errors.Is(last, paging.ErrPageElsewhere) || n != 1 || strings.Count(ps.requests(), "\n") != 0 {
		t.Errorf("%d items then %v, requests:\n%s; want 1 item, then ErrPageElsewhere and no second request", n, last, ps.requests())
	}
}
