package generator_test

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/postman2go/postman2go/golden/typesjson"
)

func newTypesClient(t *testing.T, rec *recorder) *typesjson.Client {
	t.Helper()
	c, err := typesjson.NewClient(typesjson.WithBaseURL(rec.srv.URL))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestTypesJSONTypedRoundTrip(t *testing.T) {
	rec := newRecorder(t, http.StatusCreated, http.Header{"Content-Type": {"application/json; charset=utf-8"}},
		`{"id":"u1","name":"Ada","status":"suspended","created_at":"2026-01-02T03:04:05Z","roles":[{"id":7,"name":"admin"}],"manager":{"id":"m1"}}`)
	c := newTypesClient(t, rec)
	age := int64(36)
	resp, err := c.CreateUser(context.Background(), typesjson.CreateUserParams{
		Notify: typesjson.Ptr(true),
		Status: typesjson.CreateUserStatusActive,
		Body: &typesjson.CreateUserRequest{
			Name: "Ada", Age: age, Score: 2.5, Status: typesjson.CreateUserStatusInactive,
			Address: typesjson.Address{Street: "1 Main St", Zip: "02134"},
			Tags:    []string{"x"},
			Pets:    []typesjson.CreateUserPet{{Name: "Rex", Kind: "dog"}},
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	req := rec.only(t)
	if req.Method != "POST" || req.Path != "/users" || req.RawQuery != "notify=true&status=active" {
		t.Errorf("request line = %s %s?%s", req.Method, req.Path, req.RawQuery)
	}
	if ct := req.Header.Get("Content-Type"); ct != "application/json" {
		t.Errorf("Content-Type = %q", ct)
	}
	var got map[string]any
	if err := json.Unmarshal(req.Body, &got); err != nil {
		t.Fatalf("body %q: %v", req.Body, err)
	}
	want := map[string]any{
		"name": "Ada", "age": 36.0, "admin": false, "score": 2.5, "status": "inactive",
		"address": map[string]any{"street": "1 Main St", "zip": "02134"},
		"tags":    []any{"x"},
		"pets":    []any{map[string]any{"name": "Rex", "kind": "dog"}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("JSON body = %v\nwant %v (optional fields omitted when unset)", got, want)
	}

	d := resp.Data
	if d == nil || d.ID != "u1" || len(d.Roles) != 1 || d.Roles[0].ID != 7 || d.Manager == nil || d.Manager.ID != "m1" {
		t.Fatalf("decoded Data = %+v", d)
	}
	if d.Status != "suspended" || d.Status.Valid() {
		t.Errorf("unknown enum value: Status = %q, Valid = %v; want it kept and reported unknown", d.Status, d.Status.Valid())
	}
	if !typesjson.CreateUserStatusActive.Valid() {
		t.Error("a documented value is not Valid")
	}
	// Every example's created_at is an RFC 3339 date-time: the response
	// field is a time.Time.
	if want := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC); !d.CreatedAt.Equal(want) {
		t.Errorf("CreatedAt = %v, want %v", d.CreatedAt, want)
	}
}

func TestTypesJSONRawBodyAndExclusivity(t *testing.T) {
	rec := newRecorder(t, http.StatusCreated, nil, ``)
	c := newTypesClient(t, rec)
	raw := []byte(`{"name":"verbatim",  "x":1}`)
	resp, err := c.CreateUser(context.Background(), typesjson.CreateUserParams{RawBody: raw})
	if err != nil {
		t.Fatal(err)
	}
	if got := rec.only(t).Body; string(got) != string(raw) {
		t.Errorf("RawBody sent as %q, want it verbatim", got)
	}
	if resp.Data != nil {
		t.Errorf("empty body decoded into %+v", resp.Data)
	}

	_, err = c.CreateUser(context.Background(), typesjson.CreateUserParams{RawBody: raw, Body: &typesjson.CreateUserRequest{}})
	var verr *typesjson.ValidationError
	if !errors.As(err, &verr) || verr.Field != "body" {
		t.Fatalf("Body and RawBody both set: err = %v, want a ValidationError for body", err)
	}
	if len(rec.requests) != 1 {
		t.Errorf("invalid params were sent")
	}
}

func TestTypesJSONDecodeErrorKeepsResponse(t *testing.T) {
	rec := newRecorder(t, http.StatusCreated, http.Header{"Content-Type": {"application/json"}}, `{"id": 5}`)
	c := newTypesClient(t, rec)
	resp, err := c.CreateUser(context.Background(), typesjson.CreateUserParams{})
	var derr *typesjson.DecodeError
	if !errors.As(err, &derr) || derr.StatusCode != 201 || derr.Operation != "CreateUser" {
		t.Fatalf("err = %v, want a DecodeError for CreateUser 201", err)
	}
	if resp == nil || string(resp.Body) != `{"id": 5}` {
		t.Errorf("the response is not returned with the decode error: %+v", resp)
	}
}

func TestTypesJSONArrayResponse(t *testing.T) {
	rec := newRecorder(t, http.StatusOK, http.Header{"Content-Type": {"application/json"}},
		`[{"id":"a","name":"A","status":"x","created_at":"2026-01-02T03:04:05Z","roles":[]},{"id":"b","name":"B","status":"y","created_at":"2026-01-02T03:04:05Z","roles":[{"id":1,"name":"r"}]}]`)
	c := newTypesClient(t, rec)
	resp, err := c.ListUsers(context.Background(), typesjson.ListUsersParams{})
	if err != nil {
		t.Fatal(err)
	}
	if len(resp.Data) != 2 || resp.Data[1].Roles[0].Name != "r" {
		t.Errorf("Data = %+v", resp.Data)
	}
}

func TestTypesJSONTypedErrorBody(t *testing.T) {
	rec := newRecorder(t, http.StatusUnprocessableEntity, http.Header{"Content-Type": {"application/json"}},
		`{"error":{"code":"invalid_name","message":"name is taken","field":"name"}}`)
	c := newTypesClient(t, rec)
	_, err := c.CreateUser(context.Background(), typesjson.CreateUserParams{})
	var apiErr *typesjson.APIError
	if !errors.As(err, &apiErr) {
		t.Fatalf("err = %v", err)
	}
	body, ok := apiErr.Data.(*typesjson.CreateUserError422)
	if !ok {
		t.Fatalf("APIError.Data = %T, want *CreateUserError422", apiErr.Data)
	}
	if body.Error.Code != "invalid_name" || body.Error.Message != "name is taken" || apiErr.Code != "invalid_name" {
		t.Errorf("typed error body = %+v, code %q", body, apiErr.Code)
	}

	// A status without an example body has no typed Data.
	rec2 := newRecorder(t, http.StatusConflict, http.Header{"Content-Type": {"application/json"}}, `{"x":1}`)
	_, err = newTypesClient(t, rec2).CreateUser(context.Background(), typesjson.CreateUserParams{})
	if !errors.As(err, &apiErr) || apiErr.Data != nil {
		t.Errorf("409 Data = %v, want nil", apiErr.Data)
	}
}

// TestTypesJSONTextAnswer: a 2xx that is not JSON where the examples are is
// a DecodeError (ErrNotJSON) with the response, never a nil Data and no
// error.
func TestTypesJSONTextAnswer(t *testing.T) {
	rec := newRecorder(t, http.StatusOK, http.Header{"Content-Type": {"text/plain"}}, `OK`)
	resp, err := newTypesClient(t, rec).ListUsers(context.Background(), typesjson.ListUsersParams{})
	var derr *typesjson.DecodeError
	if !errors.Is(err, typesjson.ErrNotJSON) || !errors.As(err, &derr) || derr.StatusCode != 200 {
		t.Fatalf("err = %v, want a DecodeError matching ErrNotJSON", err)
	}
	if resp == nil || string(resp.Body) != "OK" || resp.Data != nil {
		t.Errorf("response %+v: want the text in Body and no Data", resp)
	}
}

// TestTypesJSONStreamedBody: WithResponseWriter sends the body to the
// writer; the response has neither Body nor Data.
func TestTypesJSONStreamedBody(t *testing.T) {
	body := `[{"id":"a","name":"A","status":"x","created_at":"2026-01-02T03:04:05Z"}]`
	rec := newRecorder(t, http.StatusOK, http.Header{"Content-Type": {"application/json"}}, body)
	var sink strings.Builder
	resp, err := newTypesClient(t, rec).ListUsers(context.Background(), typesjson.ListUsersParams{}, typesjson.WithResponseWriter(&sink))
	if err != nil {
		t.Fatal(err)
	}
	if sink.String() != body || resp.Body != nil || resp.Data != nil {
		t.Errorf("sink %q, Body %q, Data %v; want the body in the sink only", sink.String(), resp.Body, resp.Data)
	}
}
