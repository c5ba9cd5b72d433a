package runtime

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
)

// ResponseDoc is one response an operation documents, taken from the
// collection's saved examples: the HTTP status, the vendor error code when
// the example names one, and its description. <Operation>ResponseDocs()
// returns an operation's rows.
type ResponseDoc struct {
	Status      int
	Code        string
	Description string
}

// maxErrorBody bounds how much of an error response is kept.
const maxErrorBody = 1 << 20

// APIError is returned for every response whose status is not 2xx.
type APIError struct {
	// Operation is the method that made the call.
	Operation  string
	StatusCode int
	Header     http.Header
	// Code and Message are the vendor's error code and message when the
	// body is JSON in one of the common shapes, else empty (Body has it
	// all). Top-level members come first, then those of "error", then those
	// of the first element of "errors":
	//
	//   - {"code": C, "message": M}; also error_code or errorCode, and
	//     error_description, error_message, errorMessage, detail or title
	//   - {"error": {"code": C, "message": M}}
	//   - {"error": C, "error_description": M} (OAuth 2)
	//   - {"errors": [{"code": C, "message": M}, ...]}: the first element
	//   - PayPal's {"name": N, "message": M, "details": [{"issue": I,
	//     "description": D}]}: Code I and Message D when the first detail
	//     has an issue (the specific reason), else N and M
	//   - an RFC 7807 problem, {"type": T, "title": S, "detail": D}, sent as
	//     application/problem+json or with both type and title: Code is a
	//     "code" member, else T, else S when T is about:blank; Message is
	//     D, else S
	//
	// A number is read as its text: {"code": 4132} is Code "4132".
	Code    string
	Message string
	// Body is the raw response body, at most 1 MiB of it.
	Body []byte
	// Documented is the row of the operation's documented responses that
	// this response is: the only row of its status and code or, when the
	// body names no code, the only row of its status. It is nil when no row
	// fits or several do: the client does not guess.
	Documented *ResponseDoc
	// Candidates are the rows of the status when Documented is nil: rows the
	// response does not tell apart, or rows of codes other than its own.
	// It is empty when the collection documents nothing for the status.
	Candidates []ResponseDoc
	// Data is Body decoded into the type the collection's example for this
	// status gives (a pointer to the generated <Operation>Error<Status>
	// type), or nil when there is no such example or the body does not
	// decode: if d, ok := apiErr.Data.(*CreateUserError422); ok { ... }
	Data any
}

func (e *APIError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: HTTP %d", e.Operation, e.StatusCode)
	if e.Code != "" {
		fmt.Fprintf(&b, " (code %s)", e.Code)
	}
	switch {
	case e.Message != "":
		b.WriteString(": " + e.Message)
	case e.Documented != nil && e.Documented.Description != "":
		b.WriteString(": " + e.Documented.Description)
	case len(e.Candidates) > 0 && e.Code != "":
		fmt.Fprintf(&b, ": code not documented for this status (documented: %s)", candidateCodes(e.Candidates))
	case len(e.Candidates) > 0:
		fmt.Fprintf(&b, ": no code to tell apart the responses documented for this status (%s)", candidateCodes(e.Candidates))
	}
	return b.String()
}

// candidateCodes lists the codes of rows, "-" for a row without one.
func candidateCodes(rows []ResponseDoc) string {
	codes := make([]string, len(rows))
	for i, r := range rows {
		codes[i] = firstNonEmpty(r.Code, "-")
	}
	return strings.Join(codes, ", ")
}

// Is lets errors.Is test for a documented error: target matches when it is
// an *APIError whose non-zero fields, StatusCode and Code, equal e's. For
// example, with the vendor code 4132 documented for HTTP 409:
//
//	var ErrGroupNameTaken = &APIError{StatusCode: 409, Code: "4132"}
//	if errors.Is(err, ErrGroupNameTaken) { ... }
//
// A target with only a StatusCode matches every error of that status; one
// with neither matches nothing.
func (e *APIError) Is(target error) bool {
	t, ok := target.(*APIError)
	if !ok || t == nil || (t.StatusCode == 0 && t.Code == "") {
		return false
	}
	return (t.StatusCode == 0 || t.StatusCode == e.StatusCode) && (t.Code == "" || t.Code == e.Code)
}

func newAPIError(r *request, resp *http.Response) *APIError {
	body, _ := io.ReadAll(io.LimitReader(resp.Body, maxErrorBody))
	e := &APIError{Operation: r.operation, StatusCode: resp.StatusCode, Header: resp.Header, Body: body}
	e.Code, e.Message = vendorError(body, resp.Header.Get("Content-Type"))
	if r.responses != nil {
		e.Documented, e.Candidates = documented(r.responses(), e.StatusCode, e.Code)
	}
	if mk := r.errorBodies[resp.StatusCode]; mk != nil && len(bytes.TrimSpace(body)) > 0 {
		if v := mk(); json.Unmarshal(body, v) == nil {
			e.Data = v
		}
	}
	return e
}

// documented finds the row of rows that documents a response of status
// with the vendor code code: the only row of that status and code or, when
// code is empty, the only row of that status. Otherwise it returns nil and
// the rows of that status, the candidates. The rows returned are copies.
func documented(rows []ResponseDoc, status int, code string) (*ResponseDoc, []ResponseDoc) {
	var candidates []ResponseDoc
	var match ResponseDoc
	n := 0
	for _, r := range rows {
		if r.Status != status {
			continue
		}
		candidates = append(candidates, r)
		if code == "" || r.Code == code {
			match, n = r, n+1
		}
	}
	if n == 1 {
		return &match, nil
	}
	return nil, candidates
}

// vendorError reads a vendor code and message from the common JSON shapes of
// error bodies (see APIError.Code). It returns empty strings for anything
// else.
func vendorError(body []byte, contentType string) (code, message string) {
	var top map[string]json.RawMessage
	if json.Unmarshal(body, &top) != nil {
		return "", ""
	}
	if isProblem(contentType, top) {
		return problemError(top)
	}
	code, message = codeAndMessage(top)
	if inner, ok := top["error"]; ok {
		var obj map[string]json.RawMessage
		if json.Unmarshal(inner, &obj) == nil {
			c, m := codeAndMessage(obj)
			code, message = firstNonEmpty(code, c), firstNonEmpty(message, m)
		} else if s := jsonText(inner); s != "" {
			code = firstNonEmpty(code, s) // OAuth style: {"error":"invalid_grant","error_description":".."}
		}
	}
	if list, ok := top["errors"]; ok {
		var objs []map[string]json.RawMessage
		if json.Unmarshal(list, &objs) == nil && len(objs) > 0 {
			c, m := codeAndMessage(objs[0])
			code, message = firstNonEmpty(code, c), firstNonEmpty(message, m)
		}
	}
	if code == "" {
		code, message = namedError(top, message)
	}
	return code, message
}

// namedError reads the shape of PayPal and of serialized JavaScript errors,
// {"name":..,"message":..,"details":[{"issue":..,"description":..}]}: the
// first detail's issue and description when it has an issue (the specific
// reason, such as INSTRUMENT_DECLINED under UNPROCESSABLE_ENTITY), else the
// name and message. A name with a space in it, or without a message or
// details, is not a code: it is more likely the name of something.
func namedError(top map[string]json.RawMessage, message string) (string, string) {
	var details []map[string]json.RawMessage
	if json.Unmarshal(top["details"], &details) == nil && len(details) > 0 {
		if issue := jsonText(details[0]["issue"]); issue != "" {
			return issue, firstNonEmpty(jsonText(details[0]["description"]), message)
		}
	}
	if name := jsonText(top["name"]); name != "" && !strings.ContainsAny(name, " \t\r\n") && (message != "" || details != nil) {
		return name, message
	}
	return "", message
}

// isProblem reports whether an error body is an RFC 7807 (RFC 9457) problem
// document: its Content-Type is application/problem+json, or it has the
// members "type" and "title".
func isProblem(contentType string, top map[string]json.RawMessage) bool {
	mt, _, _ := strings.Cut(strings.ToLower(contentType), ";")
	if strings.TrimSpace(mt) == "application/problem+json" {
		return true
	}
	return jsonText(top["type"]) != "" && jsonText(top["title"]) != ""
}

// problemError reads a problem document: the code is a "code" extension
// member when there is one, else the type URI, else (for the type
// about:blank, which says nothing beyond the status) the title; the
// message is the detail, else the title when the title is not the code.
func problemError(top map[string]json.RawMessage) (code, message string) {
	code, _ = codeAndMessage(top)
	title := jsonText(top["title"])
	if typ := jsonText(top["type"]); code == "" && typ != "" && typ != "about:blank" {
		code = typ
	}
	code = firstNonEmpty(code, title)
	message = jsonText(top["detail"])
	if message == "" && code != title {
		message = title
	}
	return code, message
}

func codeAndMessage(obj map[string]json.RawMessage) (code, message string) {
	for _, k := range []string{"code", "error_code", "errorCode"} {
		if code = jsonText(obj[k]); code != "" {
			break
		}
	}
	for _, k := range []string{"message", "error_description", "error_message", "errorMessage", "detail", "title"} {
		if message = jsonText(obj[k]); message != "" {
			break
		}
	}
	return code, message
}

// jsonText returns a JSON string's value or a number's text.
func jsonText(raw json.RawMessage) string {
	if len(raw) == 0 {
		return ""
	}
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return s
	}
	var n json.Number
	if json.Unmarshal(raw, &n) == nil {
		return n.String()
	}
	return ""
}

func firstNonEmpty(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// ValidationError is returned, before anything is sent, when params break
// what the collection documents: a missing required field, a value outside an
// enum, an empty path parameter.
type ValidationError struct {
	Field  string // the wire name
	Reason string
}

func (e *ValidationError) Error() string {
	return fmt.Sprintf("invalid parameter %s: %s", e.Field, e.Reason)
}

// validation collects ValidationErrors for a params' Validate method.
type validation struct{ errs []error }

// require records a missing required field unless present.
// Out of line: see newRequest.
//
//go:noinline
func (v *validation) require(field string, present bool) {
	if !present {
		v.errs = append(v.errs, &ValidationError{Field: field, Reason: "required"})
	}
}

// enum records a value outside its enum unless ok.
// Out of line: see newRequest.
//
//go:noinline
func (v *validation) enum(field, value string, ok bool) {
	if !ok {
		v.errs = append(v.errs, &ValidationError{Field: field, Reason: "value " + strconv.Quote(value) + " is not one of the documented values"})
	}
}

// atMostOne records an error when more than one of the alternatives for
// field is set.
func (v *validation) atMostOne(field string, set ...bool) {
	n := 0
	for _, s := range set {
		if s {
			n++
		}
	}
	if n > 1 {
		v.errs = append(v.errs, &ValidationError{Field: field, Reason: "set only one of the fields that carry it"})
	}
}

// err is what the params' Validate returns: nil, the one error, or all.
// Out of line: see newRequest.
//
//go:noinline
func (v *validation) err() error {
	switch len(v.errs) {
	case 0:
		return nil
	case 1:
		return v.errs[0]
	}
	return errors.Join(v.errs...)
}

// DecodeError is returned, together with the response, when a 2xx body of
// an operation with typed JSON does not decode into the type inferred from
// the collection's examples, or is not JSON at all (errors.Is ErrNotJSON:
// a text/plain or HTML answer). The raw body stays in the response's Body;
// Data is nil.
type DecodeError struct {
	Operation  string
	StatusCode int
	Err        error
}

func (e *DecodeError) Error() string {
	return fmt.Sprintf("%s: HTTP %d: decoding the JSON body: %v", e.Operation, e.StatusCode, e.Err)
}

func (e *DecodeError) Unwrap() error { return e.Err }

// ErrNotJSON is matched, with errors.Is, by the DecodeError of a 2xx body
// that is not JSON where the collection's examples are.
var ErrNotJSON = errors.New("the body is not JSON")

// decodeJSON decodes a successful body into v when the response is JSON:
// its Content-Type says so, or the body starts like JSON; another body is a
// DecodeError (ErrNotJSON), so that a caller who checks the error never
// finds Data nil by surprise. An empty body (204, or one
// streamed by WithResponseWriter) leaves v as it is.
func decodeJSON(r *request, resp *http.Response, body []byte, v any) error {
	trimmed := bytes.TrimSpace(body)
	if len(trimmed) == 0 {
		return nil
	}
	ct := resp.Header.Get("Content-Type")
	mt, _, _ := strings.Cut(strings.ToLower(ct), ";")
	mt = strings.TrimSpace(mt)
	saysJSON := mt == "application/json" || mt == "text/json" || strings.HasSuffix(mt, "+json")
	// Servers label JSON text/plain too: a body that starts like JSON is
	// decoded whatever the Content-Type says.
	looksJSON := trimmed[0] == '{' || trimmed[0] == '['
	if !saysJSON && !looksJSON {
		return &DecodeError{Operation: r.operation, StatusCode: resp.StatusCode, Err: fmt.Errorf("%w: Content-Type %q", ErrNotJSON, ct)}
	}
	if err := json.Unmarshal(trimmed, v); err != nil {
		if !saysJSON {
			err = fmt.Errorf("%w (Content-Type %q): %w", ErrNotJSON, ct, err)
		}
		return &DecodeError{Operation: r.operation, StatusCode: resp.StatusCode, Err: err}
	}
	return nil
}

// ErrResponseTooLarge is matched, with errors.Is, by the error of a call
// whose successful response has a body longer than the client's limit: 32
// MiB unless WithMaxResponseBytes sets another. The body is not returned.
var ErrResponseTooLarge = errors.New("response body too large")

// responseTooLargeError is ErrResponseTooLarge naming the operation and the
// limit.
type responseTooLargeError struct {
	operation string
	limit     int64
}

func (e *responseTooLargeError) Error() string {
	return fmt.Sprintf("%s: response body exceeds the %s limit (WithMaxResponseBytes)", e.operation, byteSize(e.limit))
}

func (e *responseTooLargeError) Is(target error) bool { return target == ErrResponseTooLarge }

// byteSize writes n in the largest binary unit that divides it: "32 MiB",
// "1500 bytes".
func byteSize(n int64) string {
	for _, u := range []struct {
		size int64
		name string
	}{{1 << 30, "GiB"}, {1 << 20, "MiB"}, {1 << 10, "KiB"}} {
		if n >= u.size && n%u.size == 0 {
			return fmt.Sprintf("%d %s", n/u.size, u.name)
		}
	}
	if n == 1 {
		return "1 byte"
	}
	return fmt.Sprintf("%d bytes", n)
}
