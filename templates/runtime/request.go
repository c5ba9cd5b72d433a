package runtime

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"mime/multipart"
	"net/textproto"
	"net/url"
	"strings"
)

// request is one call being assembled by an operation method: the wire
// names and values in the order the collection gives them.
type request struct {
	operation string
	method    string
	auth      authScheme
	responses []ResponseDoc

	path    strings.Builder // decoded
	rawPath strings.Builder // escaped
	query   queryList
	header  []keyValue

	body          requestBody
	contentLength int64

	err error // the first encoding error; reported when the request is built
}

type keyValue struct {
	key, value string
	flag       bool // a query key sent without "=" (Postman's null value)
}

func newRequest(operation, method string, auth authScheme, responses []ResponseDoc) *request {
	return &request{operation: operation, method: method, auth: auth, responses: responses, contentLength: -1}
}

// addPath appends literal path text from the collection, slashes included.
func (r *request) addPath(text string) {
	r.path.WriteString(text)
	segs := strings.Split(text, "/")
	for i, s := range segs {
		segs[i] = url.PathEscape(s)
	}
	r.rawPath.WriteString(strings.Join(segs, "/"))
}

// addPathParam appends a path parameter's value as part of one segment: a
// "/" or "?" in the value is escaped, so it can never add a segment, and a
// value of "." or ".." is escaped so it cannot climb the path.
func (r *request) addPathParam(name, value string) {
	if value == "" && r.err == nil {
		r.err = &ValidationError{Field: name, Reason: "path parameter is empty"}
	}
	r.path.WriteString(value)
	escaped := url.PathEscape(value)
	if strings.Trim(value, ".") == "" {
		escaped = strings.Repeat("%2E", len(value))
	}
	r.rawPath.WriteString(escaped)
}

func (r *request) addQuery(key, value string) {
	r.query = append(r.query, keyValue{key: key, value: value})
}

// addQueryFlag adds a query key with no value: "?key".
func (r *request) addQueryFlag(key string) {
	r.query = append(r.query, keyValue{key: key, flag: true})
}

func (r *request) addHeader(key, value string) {
	r.header = append(r.header, keyValue{key: key, value: value})
}

type queryList []keyValue

// encode writes the query in order, repeated keys kept, spaces as %20.
func (q queryList) encode() string {
	var b strings.Builder
	for i, kv := range q {
		if i > 0 {
			b.WriteByte('&')
		}
		b.WriteString(queryEscape(kv.key))
		if !kv.flag {
			b.WriteByte('=')
			b.WriteString(queryEscape(kv.value))
		}
	}
	return b.String()
}

// replace returns the query with every key replaced by one key=value at the
// place of the first, or at the end; q is not changed.
func (q queryList) replace(key, value string) queryList {
	out := make(queryList, 0, len(q)+1)
	done := false
	for _, kv := range q {
		if kv.key != key {
			out = append(out, kv)
		} else if !done {
			out = append(out, keyValue{key: key, value: value})
			done = true
		}
	}
	if !done {
		out = append(out, keyValue{key: key, value: value})
	}
	return out
}

func queryEscape(s string) string {
	return strings.ReplaceAll(url.QueryEscape(s), "+", "%20")
}

// requestBody produces the body for one attempt.
type requestBody interface {
	// open returns the body and its Content-Type.
	open() (io.Reader, string, error)
	// replayable reports whether open can be called again for a retry.
	replayable() bool
}

// replayable reports whether the request can be sent again.
func (r *request) replayable() bool { return r.body == nil || r.body.replayable() }

func (r *request) openBody() (io.Reader, string, error) {
	if r.body == nil {
		return nil, "", nil
	}
	return r.body.open()
}

// setJSON sends v as JSON.
func (r *request) setJSON(v any) {
	data, err := json.Marshal(v)
	if err != nil && r.err == nil {
		r.err = fmt.Errorf("encoding JSON body: %w", err)
	}
	r.setRaw("application/json", data)
}

// setRaw sends data as it is.
func (r *request) setRaw(contentType string, data []byte) {
	r.body = rawBody{contentType: contentType, data: data}
	r.contentLength = int64(len(data))
}

type rawBody struct {
	contentType string
	data        []byte
}

func (b rawBody) open() (io.Reader, string, error) {
	return bytes.NewReader(b.data), b.contentType, nil
}

func (rawBody) replayable() bool { return true }

// setReader sends the bytes of rd, streamed.
func (r *request) setReader(contentType string, rd io.Reader) {
	if rd == nil {
		return
	}
	r.body = readerBody{contentType: contentType, r: rd}
}

type readerBody struct {
	contentType string
	r           io.Reader
}

func (b readerBody) open() (io.Reader, string, error) { return b.r, b.contentType, nil }

// replayable is false: the reader is consumed by the first attempt.
func (readerBody) replayable() bool { return false }

// form returns the urlencoded body, creating it on first use.
func (r *request) form() *formBody {
	if f, ok := r.body.(*formBody); ok {
		return f
	}
	f := &formBody{}
	r.body = f
	return f
}

// formBody is an application/x-www-form-urlencoded body in field order.
type formBody struct{ fields queryList }

func (f *formBody) add(key, value string) {
	f.fields = append(f.fields, keyValue{key: key, value: value})
}

func (f *formBody) open() (io.Reader, string, error) {
	return strings.NewReader(f.fields.encode()), "application/x-www-form-urlencoded", nil
}

func (f *formBody) replayable() bool { return true }

// multipart returns the multipart/form-data body, creating it on first use.
func (r *request) multipart() *multipartBody {
	if m, ok := r.body.(*multipartBody); ok {
		return m
	}
	m := &multipartBody{}
	r.body = m
	return m
}

// multipartBody is a multipart/form-data body, streamed part by part so that
// file contents are never held in memory.
type multipartBody struct{ parts []formPart }

type formPart struct {
	name        string
	value       string
	contentType string
	file        *File
}

// File is a file to upload: its name as the server should see it, its
// content type ("" for application/octet-stream) and its content.
type File struct {
	Name        string
	ContentType string
	Content     io.Reader
}

func (m *multipartBody) text(name, value, contentType string) {
	m.parts = append(m.parts, formPart{name: name, value: value, contentType: contentType})
}

func (m *multipartBody) file(name string, f *File, contentType string) {
	m.parts = append(m.parts, formPart{name: name, file: f, contentType: contentType})
}

func (m *multipartBody) open() (io.Reader, string, error) {
	pr, pw := io.Pipe()
	w := multipart.NewWriter(pw)
	go func() {
		pw.CloseWithError(m.write(w))
	}()
	return pr, w.FormDataContentType(), nil
}

// replayable is false when a file part streams from a reader.
func (m *multipartBody) replayable() bool {
	for _, p := range m.parts {
		if p.file != nil && p.file.Content != nil {
			return false
		}
	}
	return true
}

// quoteEscaper escapes a quoted Content-Disposition parameter as
// mime/multipart does, and keeps line breaks out of the part header.
var quoteEscaper = strings.NewReplacer("\\", "\\\\", `"`, "\\\"", "\r", "%0D", "\n", "%0A")

func (m *multipartBody) write(w *multipart.Writer) error {
	for _, p := range m.parts {
		h := textproto.MIMEHeader{}
		disposition := `form-data; name="` + quoteEscaper.Replace(p.name) + `"`
		if p.file != nil {
			disposition += `; filename="` + quoteEscaper.Replace(p.file.Name) + `"`
		}
		h.Set("Content-Disposition", disposition)
		switch {
		case p.contentType != "":
			h.Set("Content-Type", p.contentType)
		case p.file != nil && p.file.ContentType != "":
			h.Set("Content-Type", p.file.ContentType)
		case p.file != nil:
			h.Set("Content-Type", "application/octet-stream")
		}
		pw, err := w.CreatePart(h)
		if err != nil {
			return err
		}
		if p.file == nil {
			if _, err := io.WriteString(pw, p.value); err != nil {
				return err
			}
			continue
		}
		if p.file.Content != nil {
			if _, err := io.Copy(pw, p.file.Content); err != nil {
				return fmt.Errorf("form-data part %q: %w", p.name, err)
			}
		}
	}
	return w.Close()
}
