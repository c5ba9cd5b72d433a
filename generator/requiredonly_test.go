package generator_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/postman2go/postman2go/generator/ir"
	"github.com/postman2go/postman2go/generator/lower"
	"github.com/postman2go/postman2go/golden/authz"
	"github.com/postman2go/postman2go/golden/bodies"
	"github.com/postman2go/postman2go/golden/brackets"
	"github.com/postman2go/postman2go/golden/encodedvalues"
	"github.com/postman2go/postman2go/golden/evidence"
	"github.com/postman2go/postman2go/golden/examplevalues"
	"github.com/postman2go/postman2go/golden/headerauth"
	"github.com/postman2go/postman2go/golden/hostile"
	"github.com/postman2go/postman2go/golden/legacyv1"
	"github.com/postman2go/postman2go/golden/names"
	"github.com/postman2go/postman2go/golden/paging"
	"github.com/postman2go/postman2go/golden/pathids"
	rw "github.com/postman2go/postman2go/golden/runtimewire"
	"github.com/postman2go/postman2go/golden/typesjson"
	"github.com/postman2go/postman2go/golden/vars"
	"github.com/postman2go/postman2go/golden/zoom"
	"github.com/postman2go/postman2go/golden/zoomim"
	"github.com/postman2go/postman2go/parser"
)

// goldenClient is how to build a client of one golden package: its
// NewClient, WithBaseURL and WithHTTPClient, called through reflection.
type goldenClient struct {
	newClient, withBaseURL, withHTTPClient any
}

var goldenClients = map[string]goldenClient{
	"authz":         {authz.NewClient, authz.WithBaseURL, authz.WithHTTPClient},
	"bodies":        {bodies.NewClient, bodies.WithBaseURL, bodies.WithHTTPClient},
	"brackets":      {brackets.NewClient, brackets.WithBaseURL, brackets.WithHTTPClient},
	"encodedvalues": {encodedvalues.NewClient, encodedvalues.WithBaseURL, encodedvalues.WithHTTPClient},
	"evidence":      {evidence.NewClient, evidence.WithBaseURL, evidence.WithHTTPClient},
	"examplevalues": {examplevalues.NewClient, examplevalues.WithBaseURL, examplevalues.WithHTTPClient},
	"headerauth":    {headerauth.NewClient, headerauth.WithBaseURL, headerauth.WithHTTPClient},
	"hostile":       {hostile.NewClient, hostile.WithBaseURL, hostile.WithHTTPClient},
	"legacyv1":      {legacyv1.NewClient, legacyv1.WithBaseURL, legacyv1.WithHTTPClient},
	"names":         {names.NewClient, names.WithBaseURL, names.WithHTTPClient},
	"paging":        {paging.NewClient, paging.WithBaseURL, paging.WithHTTPClient},
	"pathids":       {pathids.NewClient, pathids.WithBaseURL, pathids.WithHTTPClient},
	"runtimewire":   {rw.NewClient, rw.WithBaseURL, rw.WithHTTPClient},
	"typesjson":     {typesjson.NewClient, typesjson.WithBaseURL, typesjson.WithHTTPClient},
	"vars":          {vars.NewClient, vars.WithBaseURL, vars.WithHTTPClient},
	"zoom":          {zoom.NewClient, zoom.WithBaseURL, zoom.WithHTTPClient},
	"zoomim":        {zoomim.NewClient, zoomim.WithBaseURL, zoomim.WithHTTPClient},
}

// wireRequest is what one call put on the wire, as keys per location.
type wireRequest struct {
	query, header, form []string
	jsonKeys            []string
	body                bool
}

// toServer sends every request to the test server, whatever its host (an
// operation with its own host ignores WithBaseURL).
type toServer struct{ target *url.URL }

func (t toServer) RoundTrip(r *http.Request) (*http.Response, error) {
	r = r.Clone(r.Context())
	r.URL.Scheme, r.URL.Host, r.Host = t.target.Scheme, t.target.Host, t.target.Host
	return http.DefaultTransport.RoundTrip(r)
}

// transportHeaders are set by the client or net/http on every request.
var transportHeaders = map[string]bool{
	"User-Agent": true, "Accept-Encoding": true, "Content-Length": true,
	"Content-Type": true, "Transfer-Encoding": true,
}

// TestRequiredOnlyCallsSendNothingElse calls every operation of every golden
// package with only its required fields set (as lowering says) and asserts
// that the request carries exactly those, plus what the collection always
// sends: its constant headers and the documented defaults of optional
// fields (a constant query value, {{$guid}}, a GraphQL query). Nothing
// unset is sent: no query key, header, form field, part or JSON key.
func TestRequiredOnlyCallsSendNothingElse(t *testing.T) {
	var got wireRequest
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got = captureKeys(t, r)
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, "{}")
	}))
	defer srv.Close()
	target, _ := url.Parse(srv.URL)
	hc := &http.Client{Transport: toServer{target}, Timeout: 10 * time.Second}

	calls, bodies := 0, 0
	for _, c := range goldenCases(t) {
		gc, ok := goldenClients[c.pkg]
		if !ok {
			t.Errorf("golden package %s is not in goldenClients: add it", c.pkg)
			continue
		}
		pkg := lowerCase(t, c)
		client := call(t, gc.newClient, call(t, gc.withBaseURL, srv.URL)[0], call(t, gc.withHTTPClient, hc)[0])
		if err, _ := client[1].Interface().(error); err != nil {
			t.Fatalf("%s: NewClient: %v", c.pkg, err)
		}
		for _, op := range pkg.Operations {
			method := client[0].MethodByName(op.Name)
			if !method.IsValid() {
				t.Errorf("%s: no method %s", c.pkg, op.Name)
				continue
			}
			params := reflect.New(method.Type().In(1)).Elem()
			if skip := setRequired(params, op); skip != "" {
				t.Logf("%s.%s: not checked: %s", c.pkg, op.Name, skip)
				continue
			}
			if h, bad := invalidHeader(op); bad {
				t.Logf("%s.%s: not checked: its constant header %q is no valid header name", c.pkg, op.Name, h)
				continue
			}
			got = wireRequest{}
			if !send(t, c.pkg+"."+op.Name, method, params) {
				continue
			}
			calls++
			checkOnlyRequired(t, c.pkg+"."+op.Name, op, got)

			// A typed JSON body left at its zero value sends only the keys
			// every example has: no optional key, no empty object.
			if body := typedBody(op); body != nil {
				params.FieldByName(body.Name).Set(reflect.New(params.FieldByName(body.Name).Type().Elem()))
				got = wireRequest{}
				if !send(t, c.pkg+"."+op.Name+" (zero Body)", method, params) {
					continue
				}
				for _, k := range got.jsonKeys {
					if sf := structField(body.JSON.Struct, k); sf == nil || sf.OmitZero {
						t.Errorf("%s: a zero Body sends the optional key %q (sent %v)", op.Name, k, got.jsonKeys)
					}
				}
				bodies++
			}
		}
	}
	if calls < 50 {
		t.Fatalf("only %d calls checked: the harness is broken", calls)
	}
	if bodies == 0 {
		t.Fatal("no typed JSON body checked: the harness is broken")
	}
	t.Logf("%d operations called with only their required fields, %d with a zero typed body", calls, bodies)
}

// send calls method with params; false when the call failed before or
// while sending (a status outside 2xx or a body that does not decode as
// the test server's "{}" still means the request was sent).
func send(t *testing.T, name string, method, params reflect.Value) bool {
	t.Helper()
	out := method.Call([]reflect.Value{reflect.ValueOf(context.Background()), params})
	err, _ := out[1].Interface().(error)
	if err == nil || isAPIError(err) || strings.Contains(err.Error(), "decoding the JSON body") {
		return true
	}
	t.Errorf("%s with its required fields: %v", name, err)
	return false
}

// invalidHeader finds a constant header whose name net/http refuses.
func invalidHeader(op *ir.Operation) (string, bool) {
	for _, h := range op.Headers {
		if strings.ContainsAny(h.Key, "\"`\\ ()<>@,;:/[]?={}") {
			return h.Key, true
		}
	}
	return "", false
}

func typedBody(op *ir.Operation) *ir.Field {
	for _, f := range op.Fields {
		if f.Kind == ir.KindTypedJSON && f.JSON.Kind == ir.JSONStruct {
			return f
		}
	}
	return nil
}

func structField(st *ir.Struct, key string) *ir.StructField {
	for _, f := range st.Fields {
		if f.Key == key {
			return f
		}
	}
	return nil
}

func lowerCase(t *testing.T, c goldenCase) *ir.Package {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "testdata", c.dir, "collection.json"))
	if err != nil {
		t.Fatal(err)
	}
	coll, _, err := parser.Parse("collection.json", data)
	if err != nil {
		t.Fatal(err)
	}
	pkg, _ := lower.Package(coll, lower.Options{Package: c.pkg})
	return pkg
}

func call(t *testing.T, fn any, args ...any) []reflect.Value {
	t.Helper()
	in := make([]reflect.Value, len(args))
	for i, a := range args {
		if v, ok := a.(reflect.Value); ok {
			in[i] = v
		} else {
			in[i] = reflect.ValueOf(a)
		}
	}
	return reflect.ValueOf(fn).Call(in)
}

func isAPIError(err error) bool {
	var target interface{ Is(error) bool }
	return errors.As(err, &target) && strings.Contains(err.Error(), "HTTP ")
}

// setRequired fills the required fields of params with values of their
// kinds; it returns why the operation cannot be checked, or "".
func setRequired(params reflect.Value, op *ir.Operation) string {
	for _, f := range op.Fields {
		if !f.Required {
			continue
		}
		v := params.FieldByName(f.Name)
		if !v.IsValid() {
			return "no field " + f.Name
		}
		switch f.Kind {
		case ir.KindString:
			v.SetString("req-" + strings.Map(hostSafe, f.Wire))
		case ir.KindEnum:
			v.SetString(f.Enum.Values[0].Value)
		case ir.KindBool, ir.KindFlag:
			v.SetBool(true)
		case ir.KindInt:
			v.SetInt(7)
		case ir.KindFloat:
			v.SetFloat(1.5)
		case ir.KindTime, ir.KindDate:
			v.Set(reflect.ValueOf(time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC)))
		case ir.KindBytes, ir.KindJSON:
			v.SetBytes([]byte(`{}`))
		case ir.KindReader:
			v.Set(reflect.ValueOf(strings.NewReader("x")))
		case ir.KindFile:
			v.Set(newFile(v.Type()))
		case ir.KindFiles:
			s := reflect.MakeSlice(v.Type(), 1, 1)
			s.Index(0).Set(newFile(v.Type().Elem()))
			v.Set(s)
		default:
			return fmt.Sprintf("a required field of kind %d", f.Kind)
		}
	}
	return ""
}

// hostSafe keeps a value usable as a host label and a path segment.
func hostSafe(r rune) rune {
	if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' {
		return r
	}
	return '-'
}

// newFile is &File{Name: "f.txt", Content: strings.NewReader("x")} of the
// package's File type (ptr is *File).
func newFile(ptr reflect.Type) reflect.Value {
	f := reflect.New(ptr.Elem())
	f.Elem().FieldByName("Name").SetString("f.txt")
	f.Elem().FieldByName("Content").Set(reflect.ValueOf(strings.NewReader("x")))
	return f
}

func captureKeys(t *testing.T, r *http.Request) wireRequest {
	var w wireRequest
	for _, kv := range strings.Split(r.URL.RawQuery, "&") {
		if kv == "" {
			continue
		}
		k, _, _ := strings.Cut(kv, "=")
		k, _ = url.QueryUnescape(k)
		w.query = append(w.query, k)
	}
	for k := range r.Header {
		if !transportHeaders[k] {
			w.header = append(w.header, k)
		}
	}
	body, _ := io.ReadAll(r.Body)
	w.body = len(body) > 0
	mt, ps, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	switch {
	case mt == "application/x-www-form-urlencoded":
		form, _ := url.ParseQuery(string(body))
		for k := range form {
			w.form = append(w.form, k)
		}
	case strings.HasPrefix(mt, "multipart/"):
		mr := multipart.NewReader(strings.NewReader(string(body)), ps["boundary"])
		for {
			p, err := mr.NextPart()
			if err != nil {
				break
			}
			w.form = append(w.form, p.FormName())
		}
	case strings.Contains(mt, "json") && len(body) > 0:
		var obj map[string]json.RawMessage
		if json.Unmarshal(body, &obj) == nil {
			for k := range obj {
				w.jsonKeys = append(w.jsonKeys, k)
			}
		}
	}
	return w
}

// checkOnlyRequired compares what was sent with what may be sent.
func checkOnlyRequired(t *testing.T, name string, op *ir.Operation, got wireRequest) {
	t.Helper()
	allowed := map[ir.Location]map[string]bool{}
	must := map[ir.Location]map[string]bool{}
	add := func(m map[ir.Location]map[string]bool, in ir.Location, k string) {
		if in == ir.InMultipart {
			in = ir.InForm
		}
		if in == ir.InHeader {
			k = http.CanonicalHeaderKey(k)
		}
		if m[in] == nil {
			m[in] = map[string]bool{}
		}
		m[in][k] = true
	}
	for _, f := range op.Fields {
		switch {
		case f.Required:
			add(allowed, f.In, f.Wire)
			if f.Kind != ir.KindFlag || f.In == ir.InQuery {
				add(must, f.In, f.Wire)
			}
		case f.Default != nil:
			add(allowed, f.In, f.Wire) // documented: sent unless set
		}
	}
	for _, h := range op.Headers {
		add(allowed, ir.InHeader, h.Key)
	}
	sent := map[ir.Location][]string{ir.InQuery: got.query, ir.InHeader: got.header, ir.InForm: got.form, ir.InGraphQL: nil}
	if op.Body == ir.BodyGraphQL {
		sent[ir.InGraphQL] = got.jsonKeys
	} else if len(got.jsonKeys) > 0 {
		t.Errorf("%s: a JSON body with keys %v was sent, but no body field is required", name, got.jsonKeys)
	}
	for in, keys := range sent {
		sort.Strings(keys)
		for _, k := range keys {
			if !allowed[in][k] {
				t.Errorf("%s: %s %q sent though unset (sent %v)", name, in, k, keys)
			}
		}
		for k := range must[in] {
			if !contains(keys, k) {
				t.Errorf("%s: required %s %q not sent (sent %v)", name, in, k, keys)
			}
		}
	}
	if op.Body != ir.BodyNone && op.Body != ir.BodyGraphQL && got.body && !hasRequiredBody(op) {
		t.Errorf("%s: a body was sent, but none of its fields is set", name)
	}
}

func hasRequiredBody(op *ir.Operation) bool {
	for _, f := range op.Fields {
		if (f.Required || f.Default != nil) && (f.In == ir.InBody || f.In == ir.InForm || f.In == ir.InMultipart) {
			return true
		}
	}
	return false
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}
