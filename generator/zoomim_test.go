package generator_test

import (
	"context"
	"errors"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"sync"
	"testing"

	"github.com/postman2go/postman2go/golden/zoomim"
)

// captured is one request as the server saw it.
type captured struct {
	Method, Path, RawPath, RawQuery string
	Header                          http.Header
	Body                            []byte
}

// recorder is an httptest server that records requests and answers with a
// fixed response.
type recorder struct {
	mu       sync.Mutex
	requests []captured
	status   int
	header   http.Header
	body     string
	srv      *httptest.Server
}

func newRecorder(t *testing.T, status int, header http.Header, body string) *recorder {
	t.Helper()
	rec := &recorder{status: status, header: header, body: body}
	rec.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		data, err := io.ReadAll(r.Body)
		if err != nil {
			t.Errorf("reading request body: %v", err)
		}
		rec.mu.Lock()
		rec.requests = append(rec.requests, captured{r.Method, r.URL.Path, r.URL.RawPath, r.URL.RawQuery, r.Header.Clone(), data})
		rec.mu.Unlock()
		for k, vs := range rec.header {
			w.Header()[k] = vs
		}
		w.WriteHeader(rec.status)
		io.WriteString(w, rec.body)
	}))
	t.Cleanup(rec.srv.Close)
	return rec
}

func (rec *recorder) only(t *testing.T) captured {
	t.Helper()
	rec.mu.Lock()
	defer rec.mu.Unlock()
	if len(rec.requests) != 1 {
		t.Fatalf("server got %d requests, want 1", len(rec.requests))
	}
	return rec.requests[0]
}

type part struct {
	Name, FileName, ContentType, Value string
}

// multipartParts decodes a multipart body in order, failing on anything
// that is not a well-formed multipart/form-data request.
func multipartParts(t *testing.T, req captured) []part {
	t.Helper()
	mt, params, err := mime.ParseMediaType(req.Header.Get("Content-Type"))
	if err != nil || mt != "multipart/form-data" || params["boundary"] == "" {
		t.Fatalf("Content-Type = %q, want multipart/form-data with a boundary", req.Header.Get("Content-Type"))
	}
	mr := multipart.NewReader(strings.NewReader(string(req.Body)), params["boundary"])
	var parts []part
	for {
		p, err := mr.NextPart()
		if err == io.EOF {
			return parts
		}
		if err != nil {
			t.Fatalf("reading multipart body: %v", err)
		}
		data, _ := io.ReadAll(p)
		parts = append(parts, part{p.FormName(), p.FileName(), p.Header.Get("Content-Type"), string(data)})
	}
}

func newZoomClient(t *testing.T, rec *recorder) *zoomim.Client {
	t.Helper()
	c, err := zoomim.NewClient(zoomim.WithBaseURL(rec.srv.URL+"/v2"), zoomim.WithBearerToken("secret-token"))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestZoomIMCreateGroupWire(t *testing.T) {
	rec := newRecorder(t, http.StatusCreated, http.Header{
		"Content-Location": {"/im/groups/g1"},
		"Content-Type":     {"application/json"},
	}, `{}`)
	c := newZoomClient(t, rec)

	resp, err := c.CreateIMDirectoryGroup(context.Background(), zoomim.CreateIMDirectoryGroupParams{
		Name:            "Team A",
		Type:            zoomim.CreateIMDirectoryGroupTypeShared,
		SearchByDomain:  zoomim.Ptr(false),
		SearchByAccount: zoomim.Ptr(true),
	})
	if err != nil {
		t.Fatal(err)
	}

	req := rec.only(t)
	if req.Method != http.MethodPost || req.Path != "/v2/im/groups" || req.RawQuery != "" {
		t.Errorf("request line = %s %s?%s, want POST /v2/im/groups", req.Method, req.Path, req.RawQuery)
	}
	if got := req.Header.Get("Authorization"); got != "Bearer secret-token" {
		t.Errorf("Authorization = %q, want Bearer secret-token", got)
	}
	if got := req.Header.Values("Content-Type"); len(got) != 1 {
		t.Errorf("Content-Type sent %d times: %q", len(got), got)
	}
	want := []part{
		{Name: "name", Value: "Team A"},
		{Name: "type", Value: "shared"},
		{Name: "search_by_domain", Value: "false"},
		{Name: "search_by_account", Value: "true"},
	}
	if got := multipartParts(t, req); !reflect.DeepEqual(got, want) {
		t.Errorf("multipart parts =\n%+v\nwant (unset search_by_ma_account not sent)\n%+v", got, want)
	}

	if resp.StatusCode != http.StatusCreated || resp.ContentLocation != "/im/groups/g1" || string(resp.Body) != "{}" {
		t.Errorf("response = %d %q %q, want 201 /im/groups/g1 {}", resp.StatusCode, resp.ContentLocation, resp.Body)
	}
}

func TestZoomIMDocumentedErrors(t *testing.T) {
	tests := []struct {
		status      int
		body        string
		code        string
		message     string
		description string
	}{
		{409, `{"code":4132,"message":"Group name Team A is already in use."}`, "4132", "Group name Team A is already in use.", "Group name {groupName} is already in use."},
		{404, `{"code":4130,"message":"Group does not exist: g9."}`, "4130", "Group does not exist: g9.", "Group does not exist:{groupId}."},
	}
	for _, tt := range tests {
		rec := newRecorder(t, tt.status, http.Header{"Content-Type": {"application/json"}}, tt.body)
		c := newZoomClient(t, rec)
		resp, err := c.CreateIMDirectoryGroup(context.Background(), zoomim.CreateIMDirectoryGroupParams{Name: "Team A"})
		if resp != nil {
			t.Errorf("HTTP %d: got a response %+v with the error", tt.status, resp)
		}
		var apiErr *zoomim.APIError
		if !errors.As(err, &apiErr) {
			t.Fatalf("HTTP %d: error %v (%T) is not an *APIError", tt.status, err, err)
		}
		if apiErr.StatusCode != tt.status || apiErr.Code != tt.code || apiErr.Message != tt.message || string(apiErr.Body) != tt.body {
			t.Errorf("APIError = %d %q %q %q, want %d %q %q %q", apiErr.StatusCode, apiErr.Code, apiErr.Message, apiErr.Body, tt.status, tt.code, tt.message, tt.body)
		}
		if apiErr.Documented == nil || apiErr.Documented.Description != tt.description {
			t.Errorf("HTTP %d: Documented = %+v, want description %q", tt.status, apiErr.Documented, tt.description)
		}
		if strings.Contains(err.Error(), "secret-token") {
			t.Errorf("error text leaks the token: %v", err)
		}
	}
}

func TestZoomIMUndocumentedError(t *testing.T) {
	rec := newRecorder(t, http.StatusInternalServerError, nil, "upstream broke")
	c := newZoomClient(t, rec)
	_, err := c.CreateIMDirectoryGroup(context.Background(), zoomim.CreateIMDirectoryGroupParams{})
	var apiErr *zoomim.APIError
	if !errors.As(err, &apiErr) {
		t.Fatalf("error %v is not an *APIError", err)
	}
	if apiErr.StatusCode != 500 || apiErr.Code != "" || apiErr.Documented != nil || string(apiErr.Body) != "upstream broke" {
		t.Errorf("APIError = %+v", apiErr)
	}
}

func TestZoomIMInvalidEnumSendsNothing(t *testing.T) {
	rec := newRecorder(t, http.StatusCreated, nil, `{}`)
	c := newZoomClient(t, rec)
	_, err := c.CreateIMDirectoryGroup(context.Background(), zoomim.CreateIMDirectoryGroupParams{Name: "x", Type: "bogus"})
	var verr *zoomim.ValidationError
	if !errors.As(err, &verr) || verr.Field != "type" {
		t.Fatalf("error = %v, want a ValidationError for type", err)
	}
	if len(rec.requests) != 0 {
		t.Errorf("server got %d requests for invalid params, want 0", len(rec.requests))
	}
	if (zoomim.CreateIMDirectoryGroupParams{Type: "bogus"}).Validate() == nil {
		t.Error("Validate accepts an undocumented enum value")
	}
	for _, v := range []zoomim.CreateIMDirectoryGroupType{zoomim.CreateIMDirectoryGroupTypeNormal, zoomim.CreateIMDirectoryGroupTypeShared, zoomim.CreateIMDirectoryGroupTypeRestricted} {
		if !v.Valid() {
			t.Errorf("%q is not Valid", v)
		}
	}
}

func TestZoomIMResponseTableAndDefaults(t *testing.T) {
	want := []zoomim.ResponseDoc{
		{Status: 200, Code: "200", Description: "Only available for paid account:{accountId}."},
		{Status: 201, Code: "", Description: "IM Group created."},
		{Status: 404, Code: "4130", Description: "Group does not exist:{groupId}."},
		{Status: 409, Code: "4132", Description: "Group name {groupName} is already in use."},
	}
	rows := zoomim.CreateIMDirectoryGroupResponseDocs()
	if !reflect.DeepEqual(rows, want) {
		t.Errorf("response table = %+v\nwant %+v", rows, want)
	}
	// A caller's copy: changing it changes neither the next caller's nor
	// what an APIError finds.
	rows[3].Description, rows[3].Code = "changed", "0"
	if got := zoomim.CreateIMDirectoryGroupResponseDocs(); !reflect.DeepEqual(got, want) {
		t.Errorf("after a caller changed its rows: %+v", got)
	}
	rec := newRecorder(t, http.StatusConflict, nil, `{"code":4132}`)
	_, err := newZoomClient(t, rec).CreateIMDirectoryGroup(context.Background(), zoomim.CreateIMDirectoryGroupParams{Name: "x"})
	var apiErr *zoomim.APIError
	if !errors.As(err, &apiErr) || apiErr.Documented == nil || *apiErr.Documented != want[3] {
		t.Errorf("after a caller changed its rows: error %v, Documented %+v; want %+v", err, apiErr.Documented, want[3])
	}
	if zoomim.DefaultBaseURL != "https://api.zoom.us/v2" {
		t.Errorf("DefaultBaseURL = %q", zoomim.DefaultBaseURL)
	}
}

// TestZoomIMEscapeHatches: a call can send what the collection does not
// document: an enum value outside the list (WithoutValidation, or
// WithValidation(false) for the client), a query parameter (WithQuery) and
// its own header edit (WithCallRequestEditor), on the generated method.
func TestZoomIMEscapeHatches(t *testing.T) {
	rec := newRecorder(t, http.StatusCreated, nil, `{}`)
	c := newZoomClient(t, rec)
	params := zoomim.CreateIMDirectoryGroupParams{Name: "x", Type: "archived"}
	_, err := c.CreateIMDirectoryGroup(context.Background(), params,
		zoomim.WithoutValidation(),
		zoomim.WithQuery("dry_run", "true"),
		zoomim.WithQuery("dry_run", "twice"),
		zoomim.WithCallRequestEditor(func(r *http.Request) error {
			r.Header.Set("X-Edited", r.Header.Get("Authorization"))
			return nil
		}))
	if err != nil {
		t.Fatal(err)
	}
	req := rec.only(t)
	if req.Path != "/v2/im/groups" || req.RawQuery != "dry_run=true&dry_run=twice" || req.Header.Get("X-Edited") != "Bearer secret-token" {
		t.Errorf("request = %s?%s X-Edited %q; want /v2/im/groups?dry_run=true&dry_run=twice edited after auth", req.Path, req.RawQuery, req.Header.Get("X-Edited"))
	}
	if got, want := multipartParts(t, req), []part{{Name: "name", Value: "x"}, {Name: "type", Value: "archived"}}; !reflect.DeepEqual(got, want) {
		t.Errorf("parts = %+v, want %+v", got, want)
	}

	// The option is for its call only.
	if _, err := c.CreateIMDirectoryGroup(context.Background(), params); !errors.As(err, new(*zoomim.ValidationError)) {
		t.Errorf("next call without the option: %v, want the ValidationError", err)
	}
	// The client-wide switch.
	off, err := zoomim.NewClient(zoomim.WithBaseURL(rec.srv.URL+"/v2"), zoomim.WithValidation(false))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := off.CreateIMDirectoryGroup(context.Background(), zoomim.CreateIMDirectoryGroupParams{Type: "archived"}); err != nil {
		t.Errorf("WithValidation(false): %v", err)
	}
	if len(rec.requests) != 2 {
		t.Errorf("server got %d requests, want 2 (the invalid call without the option sends nothing)", len(rec.requests))
	}
}

// TestZoomIMUndocumentedCodeIsNotGuessed: a 409 with a code the collection
// does not document has no Documented row; the 409 rows are the candidates.
func TestZoomIMUndocumentedCodeIsNotGuessed(t *testing.T) {
	rec := newRecorder(t, http.StatusConflict, http.Header{"Content-Type": {"application/json"}}, `{"code":4199}`)
	c := newZoomClient(t, rec)
	_, err := c.CreateIMDirectoryGroup(context.Background(), zoomim.CreateIMDirectoryGroupParams{Name: "Team A"})
	var apiErr *zoomim.APIError
	if !errors.As(err, &apiErr) {
		t.Fatalf("error %v is not an *APIError", err)
	}
	want := []zoomim.ResponseDoc{{Status: 409, Code: "4132", Description: "Group name {groupName} is already in use."}}
	if apiErr.Code != "4199" || apiErr.Documented != nil || !reflect.DeepEqual(apiErr.Candidates, want) {
		t.Errorf("APIError code %q, Documented %+v, Candidates %+v; want 4199, nil and %+v", apiErr.Code, apiErr.Documented, apiErr.Candidates, want)
	}
	if got := err.Error(); got != "CreateIMDirectoryGroup: HTTP 409 (code 4199): code not documented for this status (documented: 4132)" {
		t.Errorf("error text = %q", got)
	}
}
