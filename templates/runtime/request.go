package runtime

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime/multipart"
	"net/textproto"
	"net/url"
	"path"
	"strings"
	"sync"
)

// request is one call being assembled by an operation method: the wire
// names and values in the order the collection gives them.
type request struct {
	operation string
	method    string
	auth      authScheme
	// responses returns the operation's documented responses; nil for none.
	responses func() []ResponseDoc

	path    strings.Builder // decoded
	rawPath strings.Builder // escaped
	query   queryList
	header  []keyValue
	// rawQuery is query text sent as written, before query: Do's.
	rawQuery string

	body          requestBody
	contentLength int64

	err error // the first encoding error; reported when the request is built

	// secrets are the values of parameters and headers whose names look
	// secret (secretName), which the call's errors must not print.
	secrets []string

	// errorBodies makes, per error status, a value of the type the
	// collection's examples give that status's body.
	errorBodies map[int]func() any
}

type keyValue struct {
	key, value string
	flag       bool // a query key sent without "=" (Postman's null value)
}

// errorBody registers the typed body of an error status.
func (r *request) errorBody(status int, mk func() any) {
	if r.errorBodies == nil {
		r.errorBodies = map[int]func() any{}
	}
	r.errorBodies[status] = mk
}

// newRequest starts the request of an operation.
//
// It and the other helpers every operation calls many times are kept out
// of line (go:noinline): inlined, each call is copied into hundreds of
// operations, which the compiler then optimizes one by one — about a
// tenth of a large client's build time, for no gain at run time, where a
// call costs nothing next to a network round trip.
//
//go:noinline
func newRequest(operation, method string, auth authScheme, responses func() []ResponseDoc) *request {
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
	r.noteSecret(name, value)
	r.path.WriteString(value)
	escaped := url.PathEscape(value)
	if strings.Trim(value, ".") == "" {
		escaped = strings.Repeat("%2E", len(value))
	}
	r.rawPath.WriteString(escaped)
}

func (r *request) addQuery(key, value string) {
	r.noteSecret(key, value)
	r.query = append(r.query, keyValue{key: key, value: value})
}

// addQueryIfSet adds an optional query parameter unless its value is
// empty: the presence test of every optional text field, in one place
// rather than in every operation. Out of line: see newRequest.
//
//go:noinline
func (r *request) addQueryIfSet(key, value string) {
	if value != "" {
		r.addQuery(key, value)
	}
}

// addQueryFlag adds a query key with no value: "?key".
func (r *request) addQueryFlag(key string) {
	r.query = append(r.query, keyValue{key: key, flag: true})
}

func (r *request) addHeader(key, value string) {
	r.noteSecret(key, value)
	r.header = append(r.header, keyValue{key: key, value: value})
}

// addHeaderIfSet adds an optional header unless its value is empty (see
// addQueryIfSet).
//
//go:noinline
func (r *request) addHeaderIfSet(key, value string) {
	if value != "" {
		r.addHeader(key, value)
	}
}

// noteSecret keeps the value of a parameter whose name looks secret, for
// redact.
func (r *request) noteSecret(name, value string) {
	if value != "" && secretName(name) {
		r.secrets = append(r.secrets, value)
	}
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
	// open returns the body and its Content-Type; a nil body when there is
	// nothing to send (a form or multipart body with every field unset).
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

// setJSON sends v as JSON with the given Content-Type.
func (r *request) setJSON(contentType string, v any) {
	data, err := json.Marshal(v)
	if err != nil && r.err == nil {
		r.err = fmt.Errorf("encoding JSON body: %w", err)
	}
	r.setRaw(contentType, data)
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

// setReader sends the bytes of rd, streamed. When rd is an io.Seeker the
// body can be sent again for a retry.
func (r *request) setReader(contentType string, rd io.Reader) {
	if rd == nil {
		return
	}
	b := &readerBody{contentType: contentType, r: rd}
	if rs, ok := rd.(io.ReadSeeker); ok {
		b.rewind = &rewinder{rs: rs}
	}
	r.body = b
}

type readerBody struct {
	contentType string
	r           io.Reader
	rewind      *rewinder // nil unless r can seek
}

func (b *readerBody) open() (io.Reader, string, error) {
	if b.rewind == nil {
		return b.r, b.contentType, nil
	}
	rd, err := b.rewind.open()
	return rd, b.contentType, err
}

// replayable is true when the reader can seek back for another attempt.
func (b *readerBody) replayable() bool { return b.rewind != nil }

// rewinder replays a seekable reader: each attempt reads a fresh view that
// starts where the reader stood at the first attempt. A transport may still
// hold the previous attempt's view, so it is shut before the reader seeks.
type rewinder struct {
	rs      io.ReadSeeker
	start   int64
	started bool
	view    *view
}

func (w *rewinder) open() (io.Reader, error) {
	if w.view != nil {
		w.view.shut()
	}
	if !w.started {
		pos, err := w.rs.Seek(0, io.SeekCurrent)
		if err != nil {
			return nil, fmt.Errorf("request body: %w", err)
		}
		w.start, w.started = pos, true
	} else if _, err := w.rs.Seek(w.start, io.SeekStart); err != nil {
		return nil, fmt.Errorf("rewinding the request body for a retry: %w", err)
	}
	w.view = &view{r: w.rs}
	return w.view, nil
}

// view reads from r until it is shut. It is not an io.Closer: the client
// never closes the caller's reader.
type view struct {
	mu     sync.Mutex
	r      io.Reader
	closed bool
}

var errViewShut = errors.New("request body replaced by a retry")

func (v *view) Read(p []byte) (int, error) {
	v.mu.Lock()
	defer v.mu.Unlock()
	if v.closed {
		return 0, errViewShut
	}
	return v.r.Read(p)
}

// shut waits for a Read in progress and makes later ones fail.
func (v *view) shut() {
	v.mu.Lock()
	v.closed = true
	v.mu.Unlock()
}

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

// addIfSet adds an optional field unless its value is empty (see
// addQueryIfSet).
//
//go:noinline
func (f *formBody) addIfSet(key, value string) {
	if value != "" {
		f.add(key, value)
	}
}

func (f *formBody) open() (io.Reader, string, error) {
	if len(f.fields) == 0 {
		return nil, "", nil // every field unset: Postman sends no body either
	}
	return strings.NewReader(f.fields.encode()), "application/x-www-form-urlencoded", nil
}

func (f *formBody) replayable() bool { return true }

// formData returns the multipart/form-data body, creating it on first use.
// Out of line: see newRequest.
//
//go:noinline
func (r *request) formData() *multipartBody {
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
	rewind      *rewinder // a file part whose Content can seek
}

// File is a file to upload: its name as the server should see it, its
// content type ("" for application/octet-stream) and its content, streamed.
// When Content is an io.Seeker (an *os.File, a *bytes.Reader) the upload can
// be retried; the client never closes Content.
type File struct {
	Name        string
	ContentType string
	Content     io.Reader
}

// addText adds a text part.
// Out of line: see newRequest.
//
//go:noinline
func (m *multipartBody) addText(name, value, contentType string) {
	m.parts = append(m.parts, formPart{name: name, value: value, contentType: contentType})
}

// addTextIfSet adds an optional text part unless its value is empty (see
// addQueryIfSet).
//
//go:noinline
func (m *multipartBody) addTextIfSet(name, value, contentType string) {
	if value != "" {
		m.addText(name, value, contentType)
	}
}

func (m *multipartBody) addFile(name string, f *File, contentType string) {
	p := formPart{name: name, file: f, contentType: contentType}
	if f == nil {
		f = &File{}
		p.file = f
	}
	if rs, ok := f.Content.(io.ReadSeeker); ok {
		p.rewind = &rewinder{rs: rs}
	}
	m.parts = append(m.parts, p)
}

func (m *multipartBody) open() (io.Reader, string, error) {
	if len(m.parts) == 0 {
		return nil, "", nil // every part unset: Postman sends no body either
	}
	// Checked before anything is sent or a file is sought: textproto would
	// write a line break into the part's header. The error names the part,
	// not the value.
	for _, p := range m.parts {
		if strings.ContainsAny(p.headerContentType(), "\r\n\x00") {
			return nil, "", fmt.Errorf("form-data part %q: Content-Type contains a line break or NUL", p.name)
		}
	}
	contents := make([]io.Reader, len(m.parts))
	for i, p := range m.parts {
		switch {
		case p.rewind != nil:
			rd, err := p.rewind.open()
			if err != nil {
				return nil, "", fmt.Errorf("form-data part %q: %w", p.name, err)
			}
			contents[i] = rd
		case p.file != nil:
			contents[i] = p.file.Content
		}
	}
	pr, pw := io.Pipe()
	w := multipart.NewWriter(pw)
	go func() {
		pw.CloseWithError(m.write(w, contents))
	}()
	return pr, w.FormDataContentType(), nil
}

// replayable is false when a file part streams from a reader that cannot
// seek.
func (m *multipartBody) replayable() bool {
	for _, p := range m.parts {
		if p.file != nil && p.file.Content != nil && p.rewind == nil {
			return false
		}
	}
	return true
}

// fileContentType is what Postman sends for a file part without a declared
// type: the type its extension names in Postman's own table (mime-types'
// lookup, which also reads a bare "json" as an extension), the same on
// every machine; application/octet-stream for an unknown one; none for a
// part without a file name (no file chosen).
func fileContentType(name string) string {
	if name == "" {
		return ""
	}
	if ext := strings.ToLower(path.Ext("x." + name)); len(ext) > 1 {
		if ct, ok := postmanMediaTypes[ext[1:]]; ok {
			return ct
		}
	}
	return "application/octet-stream"
}

// headerContentType is the Content-Type of the part's header, "" for none:
// the collection's type, else the file's, else one from the file name.
func (p formPart) headerContentType() string {
	switch {
	case p.contentType != "":
		return p.contentType
	case p.file != nil && p.file.ContentType != "":
		return p.file.ContentType
	case p.file != nil:
		return fileContentType(p.file.Name)
	}
	return ""
}

// quoteEscaper escapes a quoted Content-Disposition parameter as
// mime/multipart does, and keeps line breaks out of the part header.
var quoteEscaper = strings.NewReplacer("\\", "\\\\", `"`, "\\\"", "\r", "%0D", "\n", "%0A")

// write writes the parts; contents[i] is the content of file part i.
func (m *multipartBody) write(w *multipart.Writer, contents []io.Reader) error {
	for i, p := range m.parts {
		h := textproto.MIMEHeader{}
		disposition := `form-data; name="` + quoteEscaper.Replace(p.name) + `"`
		if p.file != nil {
			disposition += `; filename="` + quoteEscaper.Replace(p.file.Name) + `"`
		}
		h.Set("Content-Disposition", disposition)
		if ct := p.headerContentType(); ct != "" {
			h.Set("Content-Type", ct)
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
		if contents[i] != nil {
			if _, err := io.Copy(pw, contents[i]); err != nil {
				return fmt.Errorf("form-data part %q: %w", p.name, err)
			}
		}
	}
	return w.Close()
}
