package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"net/url"
	"reflect"
	"sort"
	"strings"
)

// Capture is one request as the capture server received it.
type Capture struct {
	Method string
	// URI is the request target exactly as sent: escaped path and query.
	URI    string
	Header http.Header
	Body   []byte
}

// ignoredHeaders are transport and runtime headers, not headers a
// collection sets; they are never compared. Content-Type is compared as a
// media type on its own.
var ignoredHeaders = map[string]bool{
	"User-Agent": true, "Postman-Token": true, "Accept-Encoding": true, "Connection": true,
	"Host": true, "Content-Length": true, "Cache-Control": true, "Transfer-Encoding": true,
	"Content-Type": true,
}

// Compare reports the first difference between newman's request and the
// client's, after the normalizations the README lists, or "" when they are
// wire-equivalent. tag is the pairing header, which is not compared.
func Compare(newman, client Capture, tag string) string {
	return CompareAs("newman", newman, client, tag)
}

// CompareAs is Compare for the request of the named runner (newman, or
// postman for the Postman CLI), which the report names.
func CompareAs(runner string, newman, client Capture, tag string) string {
	if newman.Method != client.Method {
		return fmt.Sprintf("method: %s %s, client %s", runner, newman.Method, client.Method)
	}
	npath, nquery, _ := strings.Cut(newman.URI, "?")
	cpath, cquery, _ := strings.Cut(client.URI, "?")
	if d := comparePath(runner, npath, cpath); d != "" {
		return d
	}
	if d := compareQuery(runner, nquery, cquery); d != "" {
		return d
	}
	if d := compareHeaders(runner, newman.Header, client.Header, tag); d != "" {
		return d
	}
	nmt, nparams := mediaType(newman.Header)
	cmt, cparams := mediaType(client.Header)
	if nmt != cmt {
		return fmt.Sprintf("Content-Type: %s %s, client %s", runner, orNone(nmt), orNone(cmt))
	}
	return compareBody(runner, nmt, nparams, cparams, newman.Body, client.Body)
}

func orNone(s string) string {
	if s == "" {
		return "(none)"
	}
	return s
}

// comparePath compares the paths percent-decoded. Which bytes are escaped
// may differ (the client escapes reserved characters, including "/", in
// path values and path text; Postman sends most of them raw). When a path
// does not decode, the raw paths are compared byte for byte.
func comparePath(runner, newman, client string) string {
	nd, nerr := url.PathUnescape(newman)
	cd, cerr := url.PathUnescape(client)
	if nerr != nil || cerr != nil {
		if newman != client {
			return fmt.Sprintf("raw path: %s %q, client %q", runner, newman, client)
		}
		return ""
	}
	if nd != cd {
		return fmt.Sprintf("path: %s %q, client %q (raw %q, %q)", runner, nd, cd, newman, client)
	}
	return ""
}

// pair is one query or form entry; flag is a query key sent without "=".
type pair struct {
	key, value string
	flag       bool
}

func (p pair) String() string {
	if p.flag {
		return fmt.Sprintf("%q (no =)", p.key)
	}
	return fmt.Sprintf("%q=%q", p.key, p.value)
}

// parsePairs splits a query or form body on "&" and the first "=" and
// decodes each side; plusIsSpace decodes "+" as a space (form bodies). A
// piece that does not decode is kept as it is.
func parsePairs(s string, plusIsSpace bool) []pair {
	if s == "" {
		return nil
	}
	var out []pair
	for _, piece := range strings.Split(s, "&") {
		k, v, hasEq := strings.Cut(piece, "=")
		out = append(out, pair{key: decode(k, plusIsSpace), value: decode(v, plusIsSpace), flag: !hasEq})
	}
	return out
}

func decode(s string, plusIsSpace bool) string {
	var d string
	var err error
	if plusIsSpace {
		d, err = url.QueryUnescape(s)
	} else {
		d, err = url.PathUnescape(s)
	}
	if err != nil {
		return s
	}
	return d
}

// comparePairs compares two lists as multisets and names the first entry
// (in newman's order, then the client's) that only one side has.
func comparePairs(runner, what string, newman, client []pair) string {
	count := map[pair]int{}
	for _, p := range client {
		count[p]++
	}
	for _, p := range newman {
		if count[p] == 0 {
			if p.value == "" && !p.flag {
				continue // deliberate: the client does not send an empty optional value
			}
			return fmt.Sprintf("%s: %s sends %s, client does not", what, runner, p)
		}
		count[p]--
	}
	for _, p := range client {
		if count[p] > 0 {
			return fmt.Sprintf("%s: client sends %s, %s does not", what, p, runner)
		}
	}
	return ""
}

// compareQuery compares the queries as multisets of decoded pairs: order
// and escaping (the client sends a space as %20 and escapes reserved
// characters) do not count; "+" is a literal plus on both sides.
func compareQuery(runner, newman, client string) string {
	return comparePairs(runner, "query", parsePairs(newman, false), parsePairs(client, false))
}

// compareHeaders compares the headers the request carries besides the
// ignored transport ones and the tag: names case-insensitively, values as
// multisets. Newman's default "Accept: */*" counts only when the client
// sends an Accept header too.
func compareHeaders(runner string, newman, client http.Header, tag string) string {
	skip := func(name string, h, other http.Header) bool {
		if ignoredHeaders[name] || strings.EqualFold(name, tag) {
			return true
		}
		return name == "Accept" && len(other.Values("Accept")) == 0 && len(h.Values("Accept")) == 1 && h.Get("Accept") == "*/*"
	}
	names := map[string]bool{}
	for k := range newman {
		names[http.CanonicalHeaderKey(k)] = true
	}
	for k := range client {
		names[http.CanonicalHeaderKey(k)] = true
	}
	sorted := make([]string, 0, len(names))
	for k := range names {
		sorted = append(sorted, k)
	}
	sort.Strings(sorted)
	for _, name := range sorted {
		if skip(name, newman, client) || skip(name, client, newman) {
			continue
		}
		nv, cv := trimAll(newman.Values(name)), trimAll(client.Values(name))
		switch {
		case len(cv) == 0 && strings.Join(nv, "") == "":
			// deliberate: the client does not send an empty optional value
		case len(cv) == 0:
			return fmt.Sprintf("header %s: %s sends %q, client does not", name, runner, strings.Join(nv, ", "))
		case len(nv) == 0:
			return fmt.Sprintf("header %s: client sends %q, %s does not", name, strings.Join(cv, ", "), runner)
		case !reflect.DeepEqual(nv, cv):
			return fmt.Sprintf("header %s: %s %q, client %q", name, runner, strings.Join(nv, ", "), strings.Join(cv, ", "))
		}
	}
	return ""
}

func trimAll(vs []string) []string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = strings.TrimSpace(v)
	}
	sort.Strings(out)
	return out
}

// mediaType is the lower-cased media type of the Content-Type header and
// its parameters; an unparsable header is its whole text.
func mediaType(h http.Header) (string, map[string]string) {
	ct := h.Get("Content-Type")
	if ct == "" {
		return "", nil
	}
	mt, params, err := mime.ParseMediaType(ct)
	if err != nil {
		return strings.ToLower(strings.TrimSpace(ct)), nil
	}
	return mt, params
}

// compareBody compares the bodies by media type: JSON semantically,
// urlencoded as a multiset of pairs, multipart as a multiset of parts, and
// anything else (JSON or multipart that neither side's body parses as)
// byte for byte.
func compareBody(runner, mt string, nparams, cparams map[string]string, newman, client []byte) string {
	switch {
	case mt == "application/json" || strings.HasSuffix(mt, "+json"):
		nv, nerr := decodeJSON(newman)
		cv, cerr := decodeJSON(client)
		if nerr == nil && cerr == nil {
			if !reflect.DeepEqual(nv, cv) {
				return fmt.Sprintf("JSON body: %s %s, client %s", runner, clip(newman), clip(client))
			}
			return ""
		}
	case mt == "application/x-www-form-urlencoded":
		return comparePairs(runner, "form body", parsePairs(string(newman), true), parsePairs(string(client), true))
	case mt == "multipart/form-data":
		np, nerr := parseMultipart(newman, nparams["boundary"])
		cp, cerr := parseMultipart(client, cparams["boundary"])
		switch {
		case nerr != nil && cerr != nil:
			// Neither is multipart: a file body sent with the collection's
			// multipart Content-Type header. Compared as bytes below.
		case nerr != nil:
			return "multipart body: " + runner + "'s does not parse: " + nerr.Error()
		case cerr != nil:
			return "multipart body: the client's does not parse: " + cerr.Error()
		default:
			return compareParts(runner, np, cp)
		}
	}
	if !bytes.Equal(newman, client) {
		return fmt.Sprintf("body: %s %s, client %s", runner, clip(newman), clip(client))
	}
	return ""
}

// decodeJSON decodes one JSON value with numbers kept as text, so that
// 1 and 1.0 differ, as they do on the wire.
func decodeJSON(b []byte) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, err
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, fmt.Errorf("data after the JSON value")
	}
	return v, nil
}

func clip(b []byte) string {
	const max = 120
	if len(b) > max {
		return fmt.Sprintf("%q...", b[:max])
	}
	return fmt.Sprintf("%q", b)
}

// part is one multipart part as compared: boundary and part order do not
// count.
type part struct {
	name, filename, contentType, data string
	hasFilename                       bool // filename="" is not the same as none
}

func (p part) String() string {
	s := fmt.Sprintf("name=%q", p.name)
	if p.hasFilename {
		s += fmt.Sprintf(" filename=%q", p.filename)
	}
	if p.contentType != "" {
		s += fmt.Sprintf(" Content-Type=%q", p.contentType)
	}
	return s + " data=" + clip([]byte(p.data))
}

func parseMultipart(body []byte, boundary string) ([]part, error) {
	if boundary == "" {
		return nil, fmt.Errorf("no boundary")
	}
	r := multipart.NewReader(bytes.NewReader(body), boundary)
	var out []part
	for {
		p, err := r.NextRawPart()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		data, err := io.ReadAll(p)
		if err != nil {
			return nil, err
		}
		_, params, _ := mime.ParseMediaType(p.Header.Get("Content-Disposition"))
		filename, hasFilename := params["filename"]
		out = append(out, part{name: params["name"], filename: filename, hasFilename: hasFilename,
			contentType: p.Header.Get("Content-Type"), data: string(data)})
	}
}

func compareParts(runner string, newman, client []part) string {
	count := map[part]int{}
	for _, p := range client {
		count[p]++
	}
	for _, p := range newman {
		if count[p] == 0 {
			if p.data == "" && !p.hasFilename {
				continue // deliberate: the client does not send an empty optional value
			}
			return fmt.Sprintf("multipart: %s sends part %s, client does not%s", runner, p, closest(p, client))
		}
		count[p]--
	}
	for _, p := range client {
		if count[p] > 0 {
			return fmt.Sprintf("multipart: client sends part %s, %s does not", p, runner)
		}
	}
	return ""
}

// closest names the client's part with the same name, to show what differs.
func closest(p part, parts []part) string {
	for _, q := range parts {
		if q.name == p.name {
			return fmt.Sprintf(" (client: %s)", q)
		}
	}
	return ""
}
