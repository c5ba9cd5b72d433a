package main

import (
	"bytes"
	"mime/multipart"
	"net/http"
	"net/textproto"
	"strings"
	"testing"
)

const tag = "X-Conformance-Op"

// req builds a capture; headers are "Key: value" lines.
func req(method, uri string, body string, headers ...string) Capture {
	h := http.Header{}
	for _, line := range headers {
		k, v, _ := strings.Cut(line, ":")
		h.Add(k, strings.TrimSpace(v))
	}
	return Capture{Method: method, URI: uri, Header: h, Body: []byte(body)}
}

// multipartBody writes parts (name, filename or "-" for none, content
// type, data) with the given boundary.
func multipartBody(t *testing.T, boundary string, parts ...[4]string) (string, string) {
	t.Helper()
	var b bytes.Buffer
	w := multipart.NewWriter(&b)
	if err := w.SetBoundary(boundary); err != nil {
		t.Fatal(err)
	}
	for _, p := range parts {
		h := textproto.MIMEHeader{}
		cd := `form-data; name="` + p[0] + `"`
		if p[1] != "-" {
			cd += `; filename="` + p[1] + `"`
		}
		h.Set("Content-Disposition", cd)
		if p[2] != "" {
			h.Set("Content-Type", p[2])
		}
		pw, err := w.CreatePart(h)
		if err != nil {
			t.Fatal(err)
		}
		pw.Write([]byte(p[3]))
	}
	w.Close()
	return b.String(), "Content-Type: " + w.FormDataContentType()
}

func TestCompareEquivalent(t *testing.T) {
	newmanMP, newmanCT := multipartBody(t, "--------------------------123456789012345678901234",
		[4]string{"name", "-", "", "Team A"}, [4]string{"file", "a.png", "image/png", "\x89PNG"})
	clientMP, clientCT := multipartBody(t, "0f1e2d3c4b5a",
		[4]string{"file", "a.png", "image/png", "\x89PNG"}, [4]string{"name", "-", "", "Team A"})
	cases := []struct {
		name           string
		newman, client Capture
	}{
		{"reordered query, %20 vs escapes",
			req("GET", "/v2/users?b=2&a=x%20y&a=1&c=<d>", "", "Accept: */*", "User-Agent: PostmanRuntime/7.39.1", "Postman-Token: 1234", "Connection: keep-alive", "Cache-Control: no-cache", "Accept-Encoding: gzip, deflate, br"),
			req("GET", "/v2/users?a=1&a=x%20y&c=%3Cd%3E&b=2", "", "User-Agent: Go-http-client/1.1", "Accept-Encoding: gzip")},
		{"path escaping: a reserved character in a path value",
			req("GET", "/files/a:b/c d", ""),
			req("GET", "/files/a%3Ab%2Fc%20d", "")},
		{"JSON whitespace and key order",
			req("POST", "/x", "{\n  \"b\": [1, 2],\n  \"a\": {\"c\": null}\n}", "Content-Type: application/json"),
			req("POST", "/x", `{"a":{"c":null},"b":[1,2]}`, "Content-Type: application/json; charset=utf-8")},
		{"urlencoded grouped by key, %20 vs +",
			req("POST", "/f", "a=1&a=3&b=x%20y", "Content-Type: application/x-www-form-urlencoded"),
			req("POST", "/f", "a=1&b=x+y&a=3", "Content-Type: application/x-www-form-urlencoded")},
		{"multipart: different boundaries and part order",
			req("POST", "/m", newmanMP, newmanCT),
			req("POST", "/m", clientMP, clientCT)},
		{"header names case-insensitively, the tag ignored",
			req("GET", "/h", "", "x-api-version: 2", tag+": 3"),
			req("GET", "/h", "", "X-Api-Version: 2", tag+": 3")},
		{"same Accept header",
			req("GET", "/h", "", "Accept: application/json"),
			req("GET", "/h", "", "Accept: application/json")},
		{"raw text byte for byte",
			req("PUT", "/t", "<a>1</a>", "Content-Type: application/xml"),
			req("PUT", "/t", "<a>1</a>", "Content-Type: application/xml")},
	}
	for _, c := range cases {
		if d := Compare(c.newman, c.client, tag); d != "" {
			t.Errorf("%s: want equivalent, got %q", c.name, d)
		}
	}
}

func TestCompareCatchesDifferences(t *testing.T) {
	gluedMP, gluedCT := multipartBody(t, "b1", [4]string{"tags", "-", "", "a,b"})
	splitMP, splitCT := multipartBody(t, "b2", [4]string{"tags", "-", "", "a"}, [4]string{"tags", "-", "", "b"})
	noFile, noFileCT := multipartBody(t, "b3", [4]string{"file", "", "", ""})
	noName, noNameCT := multipartBody(t, "b4", [4]string{"file", "-", "", ""})
	cases := []struct {
		name           string
		newman, client Capture
		want           string // a substring of the difference
	}{
		{"wrong header value",
			req("GET", "/h", "", "X-Api-Version: 2"),
			req("GET", "/h", "", "X-Api-Version: 3"),
			`header X-Api-Version: newman "2", client "3"`},
		{"missing header",
			req("GET", "/h", "", "X-Trace: on"),
			req("GET", "/h", ""),
			`header X-Trace: newman sends "on", client does not`},
		{"extra Accept header the client invents",
			req("GET", "/h", "", "Accept: */*"),
			req("GET", "/h", "", "Accept: application/json"),
			`header Accept`},
		{"missing query parameter",
			req("GET", "/q?a=1&b=2", ""),
			req("GET", "/q?a=1", ""),
			`query: newman sends "b"="2", client does not`},
		{"query key without = vs empty value",
			req("GET", "/q?flag", ""),
			req("GET", "/q?flag=", ""),
			`query: newman sends "flag" (no =)`},
		{"a literal + is not a space in a query",
			req("GET", "/q?a=x+y", ""),
			req("GET", "/q?a=x%20y", ""),
			`query`},
		{"glued formdata value",
			req("POST", "/m", splitMP, splitCT),
			req("POST", "/m", gluedMP, gluedCT),
			`multipart: newman sends part name="tags" data="a", client does not (client: name="tags" data="a,b")`},
		{"filename=\"\" is not no filename",
			req("POST", "/m", noFile, noFileCT),
			req("POST", "/m", noName, noNameCT),
			`multipart: newman sends part name="file" filename=""`},
		{"method",
			req("GET", "/x", ""),
			req("POST", "/x", ""),
			"method: newman GET, client POST"},
		{"path",
			req("GET", "/v2/users/1", ""),
			req("GET", "/users/1", ""),
			`path: newman "/v2/users/1", client "/users/1"`},
		{"double escaping in a path",
			req("GET", "/a%20b", ""),
			req("GET", "/a%2520b", ""),
			`path: newman "/a b", client "/a%20b"`},
		{"Content-Type media type",
			req("POST", "/x", "{}", "Content-Type: text/plain"),
			req("POST", "/x", "{}", "Content-Type: application/json"),
			"Content-Type: newman text/plain, client application/json"},
		{"JSON value",
			req("POST", "/x", `{"a": 1}`, "Content-Type: application/json"),
			req("POST", "/x", `{"a": "1"}`, "Content-Type: application/json"),
			"JSON body"},
		{"urlencoded value",
			req("POST", "/f", "a=1&b=2", "Content-Type: application/x-www-form-urlencoded"),
			req("POST", "/f", "a=1&b=3", "Content-Type: application/x-www-form-urlencoded"),
			`form body: newman sends "b"="2"`},
		{"body sent only by the client",
			req("GET", "/x", ""),
			req("GET", "/x", "abc"),
			`body: newman "", client "abc"`},
		{"raw text whitespace counts",
			req("PUT", "/t", "a b", "Content-Type: text/plain"),
			req("PUT", "/t", "a  b", "Content-Type: text/plain"),
			"body:"},
	}
	for _, c := range cases {
		d := Compare(c.newman, c.client, tag)
		if !strings.Contains(d, c.want) {
			t.Errorf("%s: got %q, want a difference containing %q", c.name, d, c.want)
		}
		// And the same difference seen from the other side.
		if Compare(c.client, c.newman, tag) == "" {
			t.Errorf("%s: swapped sides compare equivalent", c.name)
		}
	}
}

// TestCompareFileBodyWithMultipartType: a file body sent under the
// collection's multipart Content-Type header (no boundary, not multipart)
// is compared as bytes on both sides.
func TestCompareFileBodyWithMultipartType(t *testing.T) {
	n := req("POST", "/upload", "raw file bytes", "Content-Type: multipart/form-data")
	if d := Compare(n, req("POST", "/upload", "raw file bytes", "Content-Type: multipart/form-data"), tag); d != "" {
		t.Errorf("same bytes: %s", d)
	}
	if d := Compare(n, req("POST", "/upload", "other bytes", "Content-Type: multipart/form-data"), tag); !strings.Contains(d, "body: newman") {
		t.Errorf("different bytes: %q, want a body difference", d)
	}
	mp, ct := multipartBody(t, "b9", [4]string{"a", "-", "", "x"})
	if d := compareBody("newman", "multipart/form-data", nil, map[string]string{"boundary": "b9"}, []byte("raw file bytes"), []byte(mp)); !strings.Contains(d, "newman's does not parse") {
		t.Errorf("only the client's is multipart (%s): %q", ct, d)
	}
}

// The report names the runner whose request is compared.
func TestCompareAsNamesTheRunner(t *testing.T) {
	const tag = "X-Conformance-Op"
	a := req("GET", "/a?x=1", "", "X-H: 1")
	for _, c := range []struct {
		client Capture
		want   string
	}{
		{req("PUT", "/a?x=1", "", "X-H: 1"), "method: postman GET, client PUT"},
		{req("GET", "/b?x=1", "", "X-H: 1"), `path: postman "/a", client "/b" (raw "/a", "/b")`},
		{req("GET", "/a", "", "X-H: 1"), `query: postman sends "x"="1", client does not`},
		{req("GET", "/a?x=1", "", "X-H: 2"), `header X-H: postman "1", client "2"`},
		{req("GET", "/a?x=1", "", "X-H: 1", "X-New: 3"), `header X-New: client sends "3", postman does not`},
	} {
		if d := CompareAs("postman", a, c.client, tag); d != c.want {
			t.Errorf("CompareAs = %q, want %q", d, c.want)
		}
	}
}
