package generator_test

import (
	"context"
	"net/http"
	"reflect"
	"testing"

	"github.com/postman2go/postman2go/golden/legacyv1"
)

// TestLegacyV1Wire drives the client generated from a v1 collection: path
// variables from pathVariables and pathVariableData, helper auth mapped to
// basic and bearer, a // disabled header line, enabled:false form fields.
func TestLegacyV1Wire(t *testing.T) {
	rec := newRecorder(t, http.StatusOK, nil, `{"id":"n1"}`)
	c, err := legacyv1.NewClient(legacyv1.WithBaseURL(rec.srv.URL), legacyv1.WithBasicAuth("me", "pw"), legacyv1.WithBearerToken("tok"))
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	if _, err := c.GetNote(ctx, legacyv1.GetNoteParams{User: 42, Note: "n 1"}); err != nil {
		t.Fatal(err)
	}
	if _, err := c.CreateNote(ctx, legacyv1.CreateNoteParams{User: 7, Title: "Hi"}); err != nil {
		t.Fatal(err)
	}
	if len(rec.requests) != 2 {
		t.Fatalf("%d requests, want 2", len(rec.requests))
	}
	get, create := rec.requests[0], rec.requests[1]
	got := []string{get.Method, get.Path, get.RawQuery, get.Header.Get("Authorization"), get.Header.Get("Accept")}
	want := []string{"GET", "/api/users/42/notes/n 1", "", "Basic bWU6cHc=", "application/json"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("GetNote = %q, want %q", got, want)
	}
	if _, ok := get.Header["X-Debug"]; ok {
		t.Error("the // disabled header X-Debug was sent")
	}
	got = []string{create.Method, create.Path, create.Header.Get("Authorization"), create.Header.Get("X-Client"), string(create.Body)}
	want = []string{"POST", "/api/users/7/notes", "Bearer tok", "legacy", "title=Hi"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("CreateNote = %q, want %q", got, want)
	}
	if legacyv1.DefaultBaseURL != "https://notes.example.com" {
		t.Errorf("DefaultBaseURL = %q", legacyv1.DefaultBaseURL)
	}
	want404 := legacyv1.ResponseDoc{Status: 404, Description: "Missing"}
	if rows := legacyv1.GetNoteResponseDocs(); len(rows) != 2 || rows[1] != want404 {
		t.Errorf("GetNoteResponseDocs() = %+v", rows)
	}
}
