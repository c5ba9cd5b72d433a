package generator_test

import (
	"context"
	"errors"
	"net/http"
	"reflect"
	"strings"
	"testing"

	"github.com/postman2go/postman2go/golden/bodies"
)

func newBodiesClient(t *testing.T) (*bodies.Client, *recorder) {
	t.Helper()
	rec := newRecorder(t, http.StatusOK, nil, `{}`)
	c, err := bodies.NewClient(bodies.WithBaseURL(rec.srv.URL))
	if err != nil {
		t.Fatal(err)
	}
	return c, rec
}

func TestBodiesRaw(t *testing.T) {
	ctx := context.Background()
	tests := []struct {
		name        string
		call        func(*bodies.Client) error
		method      string
		contentType string
		body        string
	}{
		{"json language", func(c *bodies.Client) error {
			_, err := c.RawJSON(ctx, bodies.RawJSONParams{RawBody: []byte(`{"a":2}`)})
			return err
		}, "POST", "application/json", `{"a":2}`},
		{"Content-Type header wins over the language", func(c *bodies.Client) error {
			_, err := c.RawXMLWithHeader(ctx, bodies.RawXMLWithHeaderParams{Body: []byte(`<b/>`)})
			return err
		}, "PUT", "text/xml; charset=utf-8", `<b/>`},
		{"file body streams the reader", func(c *bodies.Client) error {
			_, err := c.Binary(ctx, bodies.BinaryParams{Body: strings.NewReader("\x00\x01bin")})
			return err
		}, "PUT", "application/octet-stream", "\x00\x01bin"},
		{"disabled body sends nothing", func(c *bodies.Client) error {
			_, err := c.DisabledBody(ctx, bodies.DisabledBodyParams{})
			return err
		}, "POST", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, rec := newBodiesClient(t)
			if err := tt.call(c); err != nil {
				t.Fatal(err)
			}
			req := rec.only(t)
			if req.Method != tt.method || req.Header.Get("Content-Type") != tt.contentType || string(req.Body) != tt.body {
				t.Errorf("got %s %q %q, want %s %q %q", req.Method, req.Header.Get("Content-Type"), req.Body, tt.method, tt.contentType, tt.body)
			}
		})
	}
}

func TestBodiesForm(t *testing.T) {
	c, rec := newBodiesClient(t)
	_, err := c.Form(context.Background(), bodies.FormParams{GrantType: "client_credentials", Scope: "read all", Scope2: "write"})
	if err != nil {
		t.Fatal(err)
	}
	req := rec.only(t)
	// Repeated keys in collection order; the disabled "debug" is not sent.
	if want := "grant_type=client_credentials&scope=read%20all&scope=write"; string(req.Body) != want {
		t.Errorf("body = %q, want %q", req.Body, want)
	}
	if ct := req.Header.Get("Content-Type"); ct != "application/x-www-form-urlencoded" {
		t.Errorf("Content-Type = %q", ct)
	}

	_, err = c.Form(context.Background(), bodies.FormParams{})
	var verr *bodies.ValidationError
	if !errors.As(err, &verr) || verr.Field != "grant_type" {
		t.Errorf("error = %v, want a ValidationError for the (Required) grant_type", err)
	}
}

func TestBodiesMultipart(t *testing.T) {
	c, rec := newBodiesClient(t)
	_, err := c.Upload(context.Background(), bodies.UploadParams{
		Title: "Q3",
		Meta:  `{"k":2}`,
		Doc:   &bodies.File{Name: "q3.pdf", Content: strings.NewReader("%PDF")},
		Pics: []*bodies.File{
			{Name: "a.png", ContentType: "image/png", Content: strings.NewReader("A")},
			{Name: "b.png", Content: strings.NewReader("B")},
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	want := []part{
		{Name: "title", Value: "Q3"},
		{Name: "meta", ContentType: "application/json", Value: `{"k":2}`},
		{Name: "doc", FileName: "q3.pdf", ContentType: "application/pdf", Value: "%PDF"},
		{Name: "pics", FileName: "a.png", ContentType: "image/png", Value: "A"},
		{Name: "pics", FileName: "b.png", ContentType: "image/png", Value: "B"}, // from the name, as Postman does
	}
	if got := multipartParts(t, rec.only(t)); !reflect.DeepEqual(got, want) {
		t.Errorf("parts =\n%+v\nwant\n%+v", got, want)
	}
}

func TestBodiesGraphQL(t *testing.T) {
	tests := []struct {
		name   string
		params bodies.GraphQLParams
		want   string
	}{
		{"collection defaults", bodies.GraphQLParams{},
			`{"query":"query Q($id: ID!) { thing(id: $id) { name } }","variables":{"id":"1"}}`},
		{"set members", bodies.GraphQLParams{Query: "query R { r }", Variables: []byte(`{"x": [1, 2]}`), OperationName: "R"},
			`{"operationName":"R","query":"query R { r }","variables":{"x":[1,2]}}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, rec := newBodiesClient(t)
			if _, err := c.GraphQL(context.Background(), tt.params); err != nil {
				t.Fatal(err)
			}
			req := rec.only(t)
			if string(req.Body) != tt.want || req.Header.Get("Content-Type") != "application/json" {
				t.Errorf("body = %s (%s), want %s", req.Body, req.Header.Get("Content-Type"), tt.want)
			}
		})
	}
	c, rec := newBodiesClient(t)
	if _, err := c.GraphQL(context.Background(), bodies.GraphQLParams{Variables: []byte(`{not json`)}); err == nil {
		t.Error("invalid variables JSON: no error")
	}
	if len(rec.requests) != 0 {
		t.Errorf("invalid variables JSON: %d requests sent", len(rec.requests))
	}
}
