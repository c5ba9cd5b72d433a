package runtime

import (
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"
)

func TestVendorErrorShapes(t *testing.T) {
	const problem = "application/problem+json"
	tests := []struct {
		name, contentType, body string
		code, message           string
	}{
		{"code and message", "", `{"code":"E1","message":"bad"}`, "E1", "bad"},
		{"numeric code", "", `{"code":4132,"message":"taken"}`, "4132", "taken"},
		{"other spellings", "", `{"errorCode":"E2","errorMessage":"worse"}`, "E2", "worse"},
		{"nested error", "", `{"error":{"code":"card_declined","message":"Your card was declined.","type":"card_error"}}`, "card_declined", "Your card was declined."},
		{"top level first", "", `{"message":"outer","error":{"code":"C","message":"inner"}}`, "C", "outer"},
		{"OAuth", "", `{"error":"invalid_grant","error_description":"The code has expired."}`, "invalid_grant", "The code has expired."},
		{"first of errors", "", `{"errors":[{"code":"E3","message":"first"},{"code":"E4","message":"second"}]}`, "E3", "first"},
		{"GitHub", "", `{"message":"Validation Failed","errors":[{"resource":"Issue","field":"title","code":"missing_field"}]}`, "missing_field", "Validation Failed"},
		{"PayPal detail", "", `{"name":"UNPROCESSABLE_ENTITY","message":"The requested action could not be performed.","debug_id":"d1","details":[{"issue":"INSTRUMENT_DECLINED","description":"The instrument was declined."},{"issue":"OTHER"}]}`, "INSTRUMENT_DECLINED", "The instrument was declined."},
		{"PayPal detail without description", "", `{"name":"INVALID_REQUEST","message":"Request is not well-formed.","details":[{"field":"/amount","issue":"MISSING_REQUIRED_PARAMETER"}]}`, "MISSING_REQUIRED_PARAMETER", "Request is not well-formed."},
		{"PayPal without details", "", `{"name":"RESOURCE_NOT_FOUND","message":"The specified resource does not exist."}`, "RESOURCE_NOT_FOUND", "The specified resource does not exist."},
		{"a name that is a name", "", `{"name":"Team A","message":"already exists"}`, "", "already exists"},
		{"a name alone", "", `{"name":"Team A"}`, "", ""},
		{"problem", problem, `{"type":"https://example.com/probs/out-of-credit","title":"You do not have enough credit.","status":403,"detail":"Your balance is 30, but that costs 50."}`, "https://example.com/probs/out-of-credit", "Your balance is 30, but that costs 50."},
		{"problem with parameters", "application/problem+json; charset=utf-8", `{"type":"urn:x:e","title":"T"}`, "urn:x:e", "T"},
		{"problem about:blank", problem, `{"type":"about:blank","title":"Not Found","status":404,"detail":"no user 7"}`, "Not Found", "no user 7"},
		{"problem without type", problem, `{"title":"Forbidden","status":403}`, "Forbidden", ""},
		{"problem with a code member", problem, `{"type":"urn:x:e","title":"T","code":"E9","detail":"D"}`, "E9", "D"},
		{"problem as application/json", "application/json", `{"type":"https://example.com/probs/x","title":"X happened","status":400}`, "https://example.com/probs/x", "X happened"},
		{"not an object", "", `["x"]`, "", ""},
		{"not JSON", "", `<html>oops</html>`, "", ""},
		{"empty", "", ``, "", ""},
		{"objects that are not errors", "", `{"error":{"reason":"x"},"errors":[]}`, "", ""},
	}
	for _, tt := range tests {
		code, message := vendorError([]byte(tt.body), tt.contentType)
		if code != tt.code || message != tt.message {
			t.Errorf("%s: vendorError = %q, %q; want %q, %q", tt.name, code, message, tt.code, tt.message)
		}
	}
}

// TestAPIErrorReadsAProblemByItsContentType: a problem document without a
// type is recognised by the response's Content-Type.
func TestAPIErrorReadsAProblemByItsContentType(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/problem+json")
		w.WriteHeader(http.StatusForbidden)
		io.WriteString(w, `{"title":"Forbidden","status":403,"detail":"token lacks scope"}`)
	}))
	defer srv.Close()
	c, _ := testClient(t, srv.URL)
	_, _, err := c.send(t.Context(), getRequest(), nil)
	var apiErr *APIError
	if !errors.As(err, &apiErr) || apiErr.Code != "Forbidden" || apiErr.Message != "token lacks scope" {
		t.Fatalf("error = %v, want code Forbidden and the detail", err)
	}
	if got, want := err.Error(), "Op: HTTP 403 (code Forbidden): token lacks scope"; got != want {
		t.Errorf("error text = %q, want %q", got, want)
	}
}

func TestDocumentedNeverGuesses(t *testing.T) {
	rows := []ResponseDoc{
		{Status: 201, Description: "Created."},
		{Status: 404, Code: "4130", Description: "Group does not exist."},
		{Status: 409, Code: "4132", Description: "Name in use."},
		{Status: 409, Code: "4133", Description: "Too many groups."},
		{Status: 422, Description: "Invalid."},
		{Status: 422, Description: "Invalid, said otherwise."},
		{Status: 429, Code: "R1", Description: "Slow down."},
		{Status: 429, Code: "R1", Description: "Slow down, again."},
	}
	tests := []struct {
		status     int
		code       string
		want       string // the description of Documented, "" for nil
		candidates int
	}{
		{409, "4132", "Name in use.", 0},
		{409, "4133", "Too many groups.", 0},
		{409, "4199", "", 2},                  // another code: no row, the two of 409 to choose from
		{409, "", "", 2},                      // no code to tell them apart
		{404, "", "Group does not exist.", 0}, // the only row of the status
		{404, "4131", "", 1},                  // a code the only row does not have
		{201, "", "Created.", 0},
		{201, "X", "", 1},  // a code where the collection documents none
		{422, "", "", 2},   // two rows of one status and no code
		{429, "R1", "", 2}, // the same status and code twice
		{500, "", "", 0},   // nothing documented
		{500, "E", "", 0},
	}
	for _, tt := range tests {
		doc, candidates := documented(rows, tt.status, tt.code)
		got := ""
		if doc != nil {
			got = doc.Description
		}
		if got != tt.want || len(candidates) != tt.candidates {
			t.Errorf("documented(%d, %q) = %q and %d candidates, want %q and %d", tt.status, tt.code, got, len(candidates), tt.want, tt.candidates)
		}
		for _, c := range candidates {
			if c.Status != tt.status {
				t.Errorf("documented(%d, %q): candidate %+v of another status", tt.status, tt.code, c)
			}
		}
	}
	doc, _ := documented(rows, 404, "4130")
	doc.Description = "changed"
	if rows[1].Description != "Group does not exist." {
		t.Error("Documented points into the operation's rows")
	}
}

func TestAPIErrorText(t *testing.T) {
	rows := []ResponseDoc{{Status: 409, Code: "4132", Description: "Name in use."}, {Status: 409, Description: "Conflict."}}
	tests := []struct {
		e    APIError
		want string
	}{
		{APIError{Operation: "Op", StatusCode: 409, Code: "4132", Message: "Team A is in use"}, "Op: HTTP 409 (code 4132): Team A is in use"},
		{APIError{Operation: "Op", StatusCode: 409, Code: "4132", Documented: &rows[0]}, "Op: HTTP 409 (code 4132): Name in use."},
		{APIError{Operation: "Op", StatusCode: 409, Code: "9", Candidates: rows}, "Op: HTTP 409 (code 9): code not documented for this status (documented: 4132, -)"},
		{APIError{Operation: "Op", StatusCode: 409, Candidates: rows}, "Op: HTTP 409: no code to tell apart the responses documented for this status (4132, -)"},
		{APIError{Operation: "Op", StatusCode: 500}, "Op: HTTP 500"},
	}
	for _, tt := range tests {
		if got := tt.e.Error(); got != tt.want {
			t.Errorf("Error() = %q, want %q", got, tt.want)
		}
	}
}

// TestAPIErrorRowsFromTheOperation: the rows come from the operation's
// function, called only for an error status.
func TestAPIErrorRowsFromTheOperation(t *testing.T) {
	calls := 0
	rows := func() []ResponseDoc {
		calls++
		return []ResponseDoc{{Status: 409, Code: "4132", Description: "Name in use."}, {Status: 409, Code: "4133", Description: "Too many."}}
	}
	status := http.StatusOK
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(status)
		io.WriteString(w, `{"code":4132}`)
	}))
	defer srv.Close()
	c, _ := testClient(t, srv.URL)
	r := newRequest("Op", http.MethodPost, authNone, rows)
	if _, _, err := c.send(t.Context(), r, nil); err != nil || calls != 0 {
		t.Fatalf("a 200: err %v, %d calls of the rows; want none", err, calls)
	}
	status = http.StatusConflict
	_, _, err := c.send(t.Context(), r, nil)
	var apiErr *APIError
	if !errors.As(err, &apiErr) || apiErr.Documented == nil || apiErr.Documented.Code != "4132" || apiErr.Candidates != nil || calls != 1 {
		t.Fatalf("a 409: %v, Documented %+v, Candidates %+v, %d calls; want row 4132 from one call", err, apiErr.Documented, apiErr.Candidates, calls)
	}
	if got, want := err.Error(), "Op: HTTP 409 (code 4132): Name in use."; got != want {
		t.Errorf("error text = %q, want %q", got, want)
	}
}
