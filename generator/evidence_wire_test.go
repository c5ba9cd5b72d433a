package generator_test

import (
	"context"
	"errors"
	"net/http"
	"testing"
	"time"

	"github.com/postman2go/postman2go/golden/evidence"
)

func TestEvidenceKindsOnTheWire(t *testing.T) {
	rec := newRecorder(t, http.StatusOK, nil, ``)
	c, err := evidence.NewClient(evidence.WithBaseURL(rec.srv.URL))
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.SearchEvents(context.Background(), evidence.SearchEventsParams{
		Active: evidence.Ptr(false),
		Limit:  evidence.Ptr(int64(10)),
		Ratio:  evidence.Ptr(1.25),
		Since:  time.Date(2026, 1, 2, 3, 4, 5, 0, time.FixedZone("", 3600)),
		Day:    time.Date(2026, 3, 4, 0, 0, 0, 0, time.UTC),
		Order:  evidence.SearchEventsOrderDesc,
		Status: evidence.SearchEventsStatusClosed,
	})
	if err != nil {
		t.Fatal(err)
	}
	want := "active=false&limit=10&ratio=1.25&since=2026-01-02T03%3A04%3A05%2B01%3A00&day=2026-03-04&order=desc&status=closed"
	if got := rec.only(t).RawQuery; got != want {
		t.Errorf("query =\n%s\nwant\n%s", got, want)
	}

	// Each operation has its own enum type, so that its name never depends
	// on the other requests; the same values convert.
	var s evidence.ListTicketsStatus = evidence.ListTicketsStatus(evidence.SearchEventsStatusOpen)
	_ = evidence.ListTicketsParams{TicketID: 1, Status: s}

	_, err = c.SearchEvents(context.Background(), evidence.SearchEventsParams{})
	var verr *evidence.ValidationError
	if !errors.As(err, &verr) || verr.Field != "status" {
		t.Errorf("missing (Required) status: err = %v, want a ValidationError for status", err)
	}
}

func TestConstantQueryIsSentByDefault(t *testing.T) {
	rec := newRecorder(t, http.StatusOK, nil, ``)
	c, err := evidence.NewClient(evidence.WithBaseURL(rec.srv.URL))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.ListIssues(context.Background(), evidence.ListIssuesParams{}); err != nil {
		t.Fatal(err)
	}
	if _, err := c.ListIssues(context.Background(), evidence.ListIssuesParams{Format: "xml", Kind: evidence.ListIssuesKindEpic}); err != nil {
		t.Fatal(err)
	}
	// format=json is on every request that has the key: a constant, sent
	// unless set. kind's value is an example: not sent unless set.
	if got := rec.requests[0].RawQuery; got != "format=json" {
		t.Errorf("unset params: query %q, want format=json", got)
	}
	if got := rec.requests[1].RawQuery; got != "kind=epic&format=xml" {
		t.Errorf("set params: query %q", got)
	}
}
