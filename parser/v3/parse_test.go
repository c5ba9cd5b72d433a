package v3

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/postman2go/postman2go/parser"
)

// Spec section 4: every key/value collection in map form and list form.
func TestKeyValueForms(t *testing.T) {
	c, _ := parseOK(t, files(
		".resources/definition.yaml", `$kind: collection
variables:
  a: "1"
  b: two
`,
		"F/.resources/definition.yaml", `$kind: collection
variables:
  - {key: a, value: "1", description: first}
  - {key: a, value: dup}
  - {key: off, value: x, disabled: true}
  - {key: s, value: hidden, secret: true}
`,
		"Map.request.yaml", http(`url: "{{u}}/x/:id"
headers:
  Content-Type: application/json
  X-Two: "2"
queryParams:
  q: x
  n: null
pathVariables: {id: '77'}
body:
  type: urlencoded
  content: {grant_type: client_credentials}
auth:
  type: bearer
  credentials: {token: "{{tok}}"}
`),
		"List.request.yaml", http(`url: "{{u}}/x/:id"
headers:
  - key: X-Dup
    value: d1
  - key: X-Dup
    value: d2
  - key: X-Off
    value: x
    disabled: true
    description: not sent
    $type: ""
    secret: false
queryParams:
  - {key: q, value: x}
  - {key: n, value: null}
  - {key: absent}
pathVariables:
  - {key: id, value: '77', description: the id}
body:
  type: urlencoded
  content:
    - {key: grant_type, value: client_credentials, description: the grant}
    - {key: debug, value: "1", disabled: true}
auth:
  type: bearer
  credentials:
    - {key: token, value: '{{access_token}}'}
`),
	))
	if got := varText(c.Variables); got != "a=1 b=two" {
		t.Errorf("collection variables map form: %s", got)
	}
	if got := varText(item(t, c, "F").Variables); got != "a=1[first] a=dup off=x(disabled) s=hidden(secret)" {
		t.Errorf("folder variables list form: %s", got)
	}
	m, l := item(t, c, "Map").Request, item(t, c, "List").Request
	for _, tc := range []struct{ what, got, want string }{
		{"map headers", paramText(m.Headers), "Content-Type=application/json X-Two=2"},
		{"map query", paramText(m.URL.Query), "q=x n"},
		{"map path variables", paramText(m.URL.Variables), "id=77"},
		{"map urlencoded", paramText(m.Body.URLEncoded), "grant_type=client_credentials"},
		{"map credentials", paramText(m.Auth.Params), "token={{tok}}"},
		{"list headers", paramText(l.Headers), "X-Dup=d1 X-Dup=d2 X-Off=x(disabled)[not sent]"},
		{"list query", paramText(l.URL.Query), "q=x n absent"},
		{"list path variables", paramText(l.URL.Variables), "id=77[the id]"},
		{"list urlencoded", paramText(l.Body.URLEncoded), "grant_type=client_credentials[the grant] debug=1(disabled)"},
		{"list credentials", paramText(l.Auth.Params), "token={{access_token}}"},
	} {
		if tc.got != tc.want {
			t.Errorf("%s: got %q, want %q", tc.what, tc.got, tc.want)
		}
	}
	// Positions point into the request file, at the entry.
	h := l.Headers[1]
	if h.Pos.File != "List.request.yaml" || h.Pos.Line != 6 || h.Pos.Col != 5 || h.Path != "headers[1]" {
		t.Errorf("list header position %+v path %q", h.Pos, h.Path)
	}
	if h := m.Headers[1]; h.Pos.Line != 5 || h.Pos.Col != 3 || h.Path != "headers.X-Two" {
		t.Errorf("map header position %+v path %q", h.Pos, h.Path)
	}
}

func varText(vs []parser.Variable) string {
	var out []string
	for _, v := range vs {
		s := v.Key + "=" + v.Value
		if v.Description != "" {
			s += "[" + v.Description + "]"
		}
		if v.Disabled {
			s += "(disabled)"
		}
		if v.Type != "" {
			s += "(" + v.Type + ")"
		}
		out = append(out, s)
	}
	return strings.Join(out, " ")
}

// Spec section 3: scalars are their source text; only null is typed.
func TestScalarsStayText(t *testing.T) {
	c, warns := parseOK(t, files(
		".resources/definition.yaml", `variables:
  expiresAt: 2029-12-24T12:00:16+01:00
  version: 2024-01
  flag: yes
`,
		"R.request.yaml", http(`url: https://x.example.com/r
headers:
  Box-Notifications: Off
  X-Yes: yes
  X-Quoted: "true"
  X-Num: 7
  X-Bool: true
  X-Hex: 0x10
  X-Float: 1e3
  X-Octal: 007
  X-Tilde: ~
  X-Empty:
  X-Empty-String: ""
queryParams:
  api-version: 2018-06-01
  list:
    - key: since
      value: 1986-05-02T20:31:48.325Z
`),
	))
	r := item(t, c, "R").Request
	want := "Box-Notifications=Off X-Yes=yes X-Quoted=true X-Num=7 X-Bool=true X-Hex=0x10 X-Float=1e3 X-Octal=007 X-Tilde X-Empty X-Empty-String="
	if got := paramText(r.Headers); got != want {
		t.Errorf("headers:\n got %s\nwant %s", got, want)
	}
	if got := varText(c.Variables); got != "expiresAt=2029-12-24T12:00:16+01:00 version=2024-01 flag=yes" {
		t.Errorf("variables: %s", got)
	}
	if q := r.URL.Query[0]; q.Key != "api-version" || q.Value != "2018-06-01" {
		t.Errorf("query %+v", q)
	}
	// A mapping where a value is wanted is kept as its JSON text, as v2.1 keeps objects.
	if q := r.URL.Query[1]; q.Value != `[{"key":"since","value":"1986-05-02T20:31:48.325Z"}]` {
		t.Errorf("list value %q", q.Value)
	}
	// Typed values are read as text, with a warning: the Postman CLI drops such requests.
	for _, v := range []string{"unquoted number 7", "unquoted boolean true", "unquoted number 0x10", "unquoted date 2018-06-01"} {
		d := mustDiag(t, warns, v)
		if d.File != "R.request.yaml" || d.Item != "R" || d.ItemPath != "R.request.yaml" {
			t.Errorf("warning %v", d)
		}
	}
	if d := diagWith(warns, "Off"); d != nil {
		t.Errorf("Off is a YAML 1.2 string, warned: %v", d)
	}
	if d := diagWith(warns, "X-Quoted"); d != nil {
		t.Errorf("a quoted value warned: %v", d)
	}
}

// Spec section 4: the url's query and queryParams merge as the runtime
// merges them (verified with postman-cli 1.34.0).
func TestQueryMerge(t *testing.T) {
	c, _ := parseOK(t, files("Q.request.yaml", http(`url: "http://127.0.0.1/q1?a=1&b=2&d=1&a=3&e&f=5"
queryParams:
  - {key: a, value: "9"}
  - {key: c, value: null}
  - {key: d, value: x, disabled: true}
  - {key: f, value: "6"}
  - {key: f, value: "7"}
`),
		"Plain.request.yaml", http(`url: "{{u}}/p?x=1&y&z=%2F"`),
		"Multi.request.yaml", http(`url: https://graph.example.com/alerts?$filter=Status eq
  'NewAlert'&$top=1
`),
		"Host.request.yaml", http("url: https://{{host}}/x\n")))
	if u := item(t, c, "Host").Request.URL; u.Protocol != "https" || strings.Join(u.Host, ".") != "{{host}}" || strings.Join(u.Path, "/") != "x" {
		t.Errorf("unquoted https://{{host}}/x: %+v", u)
	}
	// The CLI sent ?b=2&e&a=9&c&f=6&f=7: the url's a, d and f give way to queryParams.
	if got := paramText(item(t, c, "Q").Request.URL.Query); got != "b=2 e a=9 c d=x(disabled) f=6 f=7" {
		t.Errorf("merged query: %s", got)
	}
	if got := paramText(item(t, c, "Plain").Request.URL.Query); got != "x=1 y z=/" {
		t.Errorf("url query: %s", got)
	}
	u := item(t, c, "Multi").Request.URL
	if u.Raw != "https://graph.example.com/alerts?$filter=Status eq 'NewAlert'&$top=1" || paramText(u.Query) != "$filter=Status eq 'NewAlert' $top=1" {
		t.Errorf("multi-line url %q: %s", u.Raw, paramText(u.Query))
	}
}

// Spec section 2: one sequence for folders and requests, a missing order
// counting as 0, ties by display name in UTF-16 order, then by file name.
// The expected orders are what postman-cli 1.34.0 ran; the requests the
// CLI skipped (an order that is not a finite number) are kept here as if
// they had none, with a warning.
func TestOrder(t *testing.T) {
	req := func(order string) string {
		if order == "" {
			return http("url: https://x.example.com/\n")
		}
		return http("url: https://x.example.com/\n" + order + "\n")
	}
	fold := func(order string) string { return "$kind: collection\n" + order + "\n" }
	cases := []struct {
		name  string
		fsys  map[string]string
		want  string
		warns []string
	}{{
		name: "missing first, ties by display name",
		fsys: map[string]string{
			"b.request.yaml":                   req(""),
			"B2.request.yaml":                  req(""),
			"a.request.yaml":                   req(""),
			"_u.request.yaml":                  req(""),
			"x.request.yaml":                   req("name: zz\norder: 1000"),
			"y.request.yaml":                   req("name: aa\norder: 1000"),
			"C.request.yaml":                   req("order: 1000"),
			"c.request.yaml":                   req("order: 1000"),
			"big.request.yaml":                 req("order: 2967140321722367"),
			"flt.request.yaml":                 req("order: 1500.5"),
			"str.request.yaml":                 req(`order: "1200"`),
			"Zfold/.resources/definition.yaml": fold("order: 1000"),
			"Zfold/in.request.yaml":            req(""),
			"afold/.resources/definition.yaml": fold(""),
			"afold/in.request.yaml":            req(""),
		},
		want:  "B2 _u a afold b str C Zfold aa c zz flt big",
		warns: []string{`order must be a number, found a string`},
	}, {
		name: "negative, null, equal names, UTF-16, hex",
		fsys: map[string]string{
			"m.request.yaml":   req("name: A"),
			"n.request.yaml":   req(""),
			"k.request.yaml":   req("order: null"),
			"z1.request.yaml":  req("name: same\norder: 5"),
			"z0.request.yaml":  req("name: same\norder: 5"),
			"neg.request.yaml": req("order: -3"),
			"hex.request.yaml": req("order: 0x10"),
			"nm.request.yaml":  req("name: \"\U0001F600\"\norder: 7"),
			"nm2.request.yaml": req("name: \"\uE000\"\norder: 7"),
		},
		want:  "neg A k n same same \U0001F600 \uE000 hex",
		warns: []string{"order must be a number, found null"},
	}, {
		name: "zero and fractions",
		fsys: map[string]string{
			"a.request.yaml": req("order: 0"),
			"b.request.yaml": req(""),
			"c.request.yaml": req("order: 0.5"),
			"d.request.yaml": req("order: -0.5"),
			"e.request.yaml": req("order: true"),
			"0.request.yaml": req(""),
			"f.request.yaml": req("order: .inf"),
			"g.request.yaml": req("order: 2001-01-01"),
		},
		want:  "d 0 a b e f g c",
		warns: []string{"found the boolean true", "found a string"},
	}}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var kv []string
			for k, v := range tc.fsys {
				kv = append(kv, k, v)
			}
			c, warns := parseOK(t, files(kv...))
			if got := strings.Join(itemNames(c.Items), " "); got != tc.want {
				t.Errorf("order:\n got %s\nwant %s", got, tc.want)
			}
			for _, w := range tc.warns {
				mustDiag(t, warns, w)
			}
		})
	}
	// z0 and z1 tie on order and name: the file name decides.
	c, _ := parseOK(t, files("z1.request.yaml", req("name: same\norder: 5"), "z0.request.yaml", req("name: same\norder: 5\nmethod: POST")))
	if c.Items[0].Request.Method != "POST" {
		t.Error("a tie on order and name is not broken by file name")
	}
}

// Spec section 1: names, name overrides, and what is a request.
func TestNamesAndKinds(t *testing.T) {
	c, warns := parseOK(t, files(
		".resources/definition.yaml", "$kind: collection\nname: My API\ndescription: |-\n  Line one.\n  Line two.\n",
		"Update a source 1.request.yaml", http("name: Update a source\nurl: https://x.example.com/a\norder: 1\n"),
		"http-request.request.yaml", http("name: \"\"\nurl: https://x.example.com/b\norder: 2\n"),
		"Stem.request.yml", http("name: null\nurl: https://x.example.com/c\norder: 3\n"),
		"-championships/.resources/definition.yaml", "$kind: collection\nname: /championships\norder: 4\n",
		"-championships/List.request.yaml", http("url: https://x.example.com/d\n"),
		"GraphQL.request.yaml", "$kind: graphql-request\nurl: \"{{g}}/graphql\"\nquery: \"{ a }\"\nvariables: '{\"x\": 1}'\nschema: {source: auto}\norder: 5\n",
		"Stream.request.yaml", "$kind: grpc-request\nurl: grpc.example.com\norder: 6\n",
		"Socket.request.yaml", "$kind: websocket-request\nurl: wss://x\n",
		"Mqtt.request.yml", "$kind: mqtt-request\nurl: mqtt://x\n",
		"NoKind.request.yaml", "url: https://x.example.com/e\norder: 7\n",
		"Empty.request.yaml", "# nothing\n",
		"notes.yaml", "a: 1\n",
		"README.md", "not yaml",
		".hidden/x.request.yaml", http("url: https://x.example.com/hidden\n"),
	))
	if c.Name != "My API" || c.Description != "Line one.\nLine two." || c.Version != "3.0.0" {
		t.Errorf("collection %q %q %q", c.Name, c.Description, c.Version)
	}
	if got := strings.Join(itemNames(c.Items), "|"); got != "Update a source||Stem|/championships|GraphQL|NoKind" {
		t.Errorf("items: %s", got)
	}
	g := item(t, c, "GraphQL").Request
	if g.Method != "POST" || g.Body.Mode != "graphql" || g.Body.GraphQLQuery != "{ a }" || g.Body.GraphQLVariables != `{"x": 1}` {
		t.Errorf("graphql request %+v %+v", g, g.Body)
	}
	for file, msg := range map[string]string{
		"Stream.request.yaml": "a grpc-request is not an HTTP request",
		"Socket.request.yaml": "a websocket-request is not an HTTP request",
		"Mqtt.request.yml":    "a mqtt-request is not an HTTP request",
		"NoKind.request.yaml": "no $kind",
		"Empty.request.yaml":  "the request file is empty",
		"notes.yaml":          "not a request file",
	} {
		if d := mustDiag(t, warns, msg); d.File != file {
			t.Errorf("%q names %s, want %s", msg, d.File, file)
		}
	}
	// Without a definition name, the collection is named as ParseFS was told.
	c, _ = parseOK(t, files("A.request.yaml", http("url: https://x.example.com/\n")))
	if c.Name != "coll" || c.Items[0].Request.Method != "GET" {
		t.Errorf("default name %q, method %q", c.Name, c.Items[0].Request.Method)
	}
}

func TestFolders(t *testing.T) {
	c, warns := parseOK(t, files(
		"Plain/R.request.yaml", http("url: https://x.example.com/\n"),
		"Yml/.resources/definition.yml", "$kind: collection\nname: From yml\nauth: {type: basic, credentials: {username: u, password: p}}\nsettings: {followRedirects: false, disabledSystemHeaders: [accept]}\n",
		"Yml/Deep/Deeper/R.request.yaml", http("url: https://x.example.com/\n"),
		"Odd/.resources/definition.yaml", "$kind: folder\n",
		"Empty/.resources/definition.yaml", "",
	))
	if got := strings.Join(itemNames(c.Items), " "); got != "Empty From yml Odd Plain" {
		t.Errorf("folders: %s", got)
	}
	y := item(t, c, "From yml")
	if y.Auth == nil || y.Auth.Type != "basic" || paramText(y.Auth.Params) != "username=u password=p" {
		t.Errorf("folder auth %+v", y.Auth)
	}
	if y.ProtocolProfileBehavior["followRedirects"] != "false" || y.ProtocolProfileBehavior["disabledSystemHeaders"] != `["accept"]` {
		t.Errorf("settings %v", y.ProtocolProfileBehavior)
	}
	if r := item(t, c, "From yml/Deep/Deeper/R"); r.Path != "Yml/Deep/Deeper/R.request.yaml" {
		t.Errorf("path %q", r.Path)
	}
	if !item(t, c, "Empty").IsFolder() || !item(t, c, "Plain").IsFolder() {
		t.Error("a folder without requests or definition is not a folder")
	}
	mustDiag(t, warns, `$kind of a definition should be collection, found "folder"`)
	// Collection requests inherit the folder's auth.
	for _, ri := range c.Requests() {
		if strings.HasPrefix(ri.Path, "Yml/") && (ri.Auth == nil || ri.Auth.Type != "basic") {
			t.Errorf("%s does not inherit the folder's basic auth", ri.Path)
		}
	}
	l := parseErr(t, files(".resources/definition.yaml", "name: a\n", ".resources/definition.yml", "name: b\n"))
	mustDiag(t, l, "both definition.yaml and definition.yml exist")
}

// Spec section 10.
func TestExamples(t *testing.T) {
	ex := func(name, order string) string {
		s := "$kind: http-example\n"
		if name != "" {
			s += "name: " + name + "\n"
		}
		s += `request:
  url: "{{u}}/x?q=1"
  method: POST
  headers:
    - {key: H, value: v}
  body: {type: json, content: '{"a":1}'}
response:
  statusCode: 201
  statusText: Created
  headers:
    - key: Content-Type
      value: application/json
    - key: X-Rate
      value: "10"
      description: the rate
  body:
    type: json
    content: '{"id": 1}'
`
		return s + order + "\n"
	}
	c, warns := parseOK(t, files(
		"NoKey.request.yaml", http("url: https://x.example.com/a\norder: 1\n"),
		".resources/NoKey.resources/examples/B.example.yaml", ex("", "order: 2000"),
		".resources/NoKey.resources/examples/A.example.yml", ex("|-\n  **HTTP Status Code:** `201`\n  made", "order: 1000"),
		".resources/NoKey.resources/examples/notes.txt", "ignored",
		"Dangling.request.yaml", http("url: https://x.example.com/b\nexamples: ./.resources/Gone.resources/examples\norder: 2\n"),
		".resources/Dangling.resources/examples/OK.example.yaml", ex("", ""),
		"NoDot.request.yaml", http("url: https://x.example.com/c\nexamples: .resources/NoDot.resources/examples\norder: 3\n"),
		".resources/NoDot.resources/examples/OK.example.yaml", ex("", ""),
		"Elsewhere.request.yaml", http("url: https://x.example.com/d\nexamples: shared/examples\norder: 4\n"),
		"shared/examples/Shared.example.yaml", ex("", ""),
		"Outside.request.yaml", http("url: https://x.example.com/e\nexamples: ../../etc\norder: 5\n"),
		"F/Inner.request.yaml", http("url: https://x.example.com/f\n"),
		"F/.resources/Inner.resources/examples/OK.example.yaml", "$kind: http-example\nresponse:\n  statusCode: \"404\"\n  headers: {Content-Type: text/plain}\n  body: {type: text, content: gone}\n",
		"F/.resources/Inner.resources/examples/Bad.example.yaml", "$kind: http-example\nresponse:\n  statusCode: lots\n",
		"F/.resources/Inner.resources/examples/Other.example.yaml", "$kind: grpc-example\n",
		"GQL.request.yaml", "$kind: graphql-request\nurl: https://g.example.com/graphql\nquery: \"{ a }\"\norder: 6\n",
		".resources/GQL.resources/examples/Found.example.yaml", `$kind: graphql-example
request:
  url: https://g.example.com/graphql
  query: "{ a }"
  variables: '{}'
  operationType: query
  operationName: A
response:
  events:
    - {id: e1, type: received-response, content: '{"data": {"a": 1}}'}
  http:
    status: 200 OK
    headers:
      Content-Type: application/json
    body: {type: json, content: '{"data": {"a": 2}}'}
`,
		".resources/GQL.resources/examples/Events.example.yaml", `$kind: graphql-example
response:
  events:
    - {id: e1, type: received-response, content: '{"data": {"a": 3}}'}
`,
	))
	rs := item(t, c, "NoKey").Responses
	if len(rs) != 2 || rs[0].Name != "**HTTP Status Code:** `201`\nmade" || rs[1].Name != "B" {
		t.Fatalf("examples by convention, ordered: %+v", rs)
	}
	r := rs[1]
	if r.Code != 201 || r.Status != "Created" || r.Body != `{"id": 1}` || r.PreviewLanguage != "json" ||
		paramText(r.Headers) != "Content-Type=application/json X-Rate=10[the rate]" || r.Path != ".resources/NoKey.resources/examples/B.example.yaml" {
		t.Errorf("response %+v", r)
	}
	or := r.OriginalRequest
	if or == nil || or.Method != "POST" || paramText(or.URL.Query) != "q=1" || paramText(or.Headers) != "H=v" || or.Body.Raw != `{"a":1}` {
		t.Errorf("original request %+v", or)
	}
	for _, name := range []string{"Dangling", "NoDot"} {
		if rs := item(t, c, name).Responses; len(rs) != 1 || rs[0].Name != "OK" {
			t.Errorf("%s: examples %+v", name, rs)
		}
	}
	if rs := item(t, c, "Elsewhere").Responses; len(rs) != 1 || rs[0].Name != "Shared" {
		t.Errorf("linked examples %+v", rs)
	}
	if d := mustDiag(t, warns, "is outside the collection"); d.File != "Outside.request.yaml" || d.Field != "examples" {
		t.Errorf("outside link: %v", d)
	}
	rs = item(t, c, "F/Inner").Responses
	if len(rs) != 2 || rs[1].Name != "OK" || rs[1].Code != 404 || rs[1].Body != "gone" || rs[0].Code != 0 {
		t.Errorf("quoted status code: %+v", rs)
	}
	if d := mustDiag(t, warns, "status code must be a number"); d.File != "F/.resources/Inner.resources/examples/Bad.example.yaml" || d.Item != "F/Inner" || d.Pos.Line != 3 {
		t.Errorf("bad status code: %v", d)
	}
	mustDiag(t, warns, "a grpc-example is not an HTTP example")
	rs = item(t, c, "GQL").Responses
	if len(rs) != 2 {
		t.Fatalf("graphql examples %+v", rs)
	}
	if r := rs[1]; r.Name != "Found" || r.Code != 200 || r.Status != "OK" || r.Body != `{"data": {"a": 2}}` || r.PreviewLanguage != "json" ||
		r.OriginalRequest.Body.GraphQLOperation != "A" || r.OriginalRequest.Method != "POST" {
		t.Errorf("graphql example %+v", r)
	}
	if r := rs[0]; r.Name != "Events" || r.Body != `{"data": {"a": 3}}` {
		t.Errorf("graphql example from events %+v", r)
	}
}

// Spec section 5.
func TestBodies(t *testing.T) {
	c, warns := parseOK(t, files(
		"Json.request.yaml", http("url: https://x.example.com/\nbody: {type: json, content: '{\"a\":1}'}\norder: 1\n"),
		"Crlf.request.yaml", http("url: https://x.example.com/\nbody:\n  type: json\n  content: \"{\\r\\n  \\\"a\\\": 1\\r\\n}\"\norder: 2\n"),
		"Xml.request.yaml", http("url: https://x.example.com/\nbody: {type: xml, content: <a/>}\norder: 3\n"),
		"Text.request.yaml", http("url: https://x.example.com/\nbody: {type: text, content: \"\"}\norder: 4\n"),
		"UrlNone.request.yaml", http("url: https://x.example.com/\nbody: {type: urlencoded}\norder: 5\n"),
		"Form.request.yaml", http(`url: https://x.example.com/
body:
  type: formdata
  content:
    - {key: t, type: text, value: hello}
    - {key: j, type: text, value: '{"a":1}', contentType: application/json}
    - {key: f, type: file, src: ./a.png}
    - {key: u, type: file, src: ""}
    - {key: m, type: file, src: [./a.png, ./b.png]}
    - {key: w, type: weird, value: x}
order: 6
`),
		"File.request.yaml", http("url: https://x.example.com/\nbody: {type: file, content: {src: payload.txt}}\norder: 7\n"),
		"FileEmpty.request.yaml", http("url: https://x.example.com/\nbody: {type: file, content: {}}\norder: 8\n"),
		"Gql.request.yaml", http("url: https://x.example.com/\nbody: {type: graphql, content: {query: \"\"}}\norder: 9\n"),
		"None.request.yaml", http("url: https://x.example.com/\nbody: {type: none}\norder: 10\n"),
		"Html.request.yaml", http("url: https://x.example.com/\nbody: {type: html, content: <p>}\norder: 11\n"),
	))
	type want struct{ mode, lang, raw string }
	for name, w := range map[string]want{
		"Json": {"raw", "json", `{"a":1}`}, "Crlf": {"raw", "json", "{\r\n  \"a\": 1\r\n}"}, "Xml": {"raw", "xml", "<a/>"},
		"Text": {"raw", "text", ""}, "UrlNone": {"urlencoded", "", ""}, "File": {"file", "", ""}, "Gql": {"graphql", "", ""},
		"Html": {"raw", "html", "<p>"}, "FileEmpty": {"file", "", ""}, "Form": {"formdata", "", ""},
	} {
		b := item(t, c, name).Request.Body
		if b == nil || b.Mode != w.mode || b.Language != w.lang || b.Raw != w.raw {
			t.Errorf("%s: body %+v, want %+v", name, b, w)
		}
	}
	if b := item(t, c, "None").Request.Body; b != nil {
		t.Errorf("type none: %+v", b)
	}
	if b := item(t, c, "File").Request.Body; b.FileSrc != "payload.txt" {
		t.Errorf("file src %q", b.FileSrc)
	}
	fd := item(t, c, "Form").Request.Body.FormData
	if len(fd) != 6 || fd[1].ContentType != "application/json" || fd[2].Type != "file" || len(fd[2].Src) != 1 || fd[2].Src[0] != "./a.png" ||
		len(fd[3].Src) != 1 || fd[3].Src[0] != "" || len(fd[4].Src) != 2 || fd[5].Type != "text" {
		t.Errorf("form data %+v", fd)
	}
	if d := mustDiag(t, warns, `unknown form-data part type "weird"`); d.File != "Form.request.yaml" || d.Field != "body.content[5]" || d.Pos.Line != 11 || d.Pos.Col != 7 {
		t.Errorf("unknown part type: %v", d)
	}
	l := parseErr(t, files("B.request.yaml", http("url: https://x.example.com/\nbody:\n  type: binary\n")))
	if d := mustDiag(t, l, `unknown body type "binary"`); d.Pos.Line != 4 || d.Pos.Col != 9 || d.Field != "body.type" {
		t.Errorf("unknown body type: %v", d)
	}
}

// Spec section 7.
func TestAuth(t *testing.T) {
	c, warns := parseOK(t, files(
		".resources/definition.yaml", `$kind: collection
auth:
  - id: 7cc4b809
    type: bearer
    name: bearer auth
    credentials: {token: <Bearer Token>}
  - {id: "", type: noauth, name: No Auth}
`,
		"Inherit.request.yaml", http("url: https://x.example.com/\norder: 1\n"),
		"Explicit.request.yaml", http("url: https://x.example.com/\nauth: {type: inherit}\norder: 2\n"),
		"Off.request.yaml", http("url: https://x.example.com/\nauth: {type: noauth}\norder: 3\n"),
		"Basic.request.yaml", http("url: https://x.example.com/\nauth:\n  type: basic\n  credentials: {username: u, password: p, saveHelperData: true, showPassword: false}\norder: 4\n"),
		"Key.request.yaml", http("url: https://x.example.com/\nauth:\n  type: apikey\n  credentials:\n    - {key: key, value: X-Key}\n    - {key: value, value: '{{k}}'}\n    - {key: in, value: query}\norder: 5\n"),
		"Odd.request.yaml", http("url: https://x.example.com/\nauth: {type: akamai}\norder: 6\n"),
		"Oauth1.request.yaml", http("url: https://x.example.com/\nauth:\n  type: oauth1\n  credentials: {consumerKey: ck, version: \"1.0\", addParamsToHeader: true}\norder: 7\n"),
	))
	if c.Auth == nil || c.Auth.Type != "bearer" || c.Auth.Get("token") != "<Bearer Token>" {
		t.Errorf("collection auth %+v", c.Auth)
	}
	mustDiag(t, warns, "an auth list holds 2 blocks; only the first applies")
	got := map[string]string{}
	for _, ri := range c.Requests() {
		s := "nil"
		if ri.Auth != nil {
			s = ri.Auth.Type + ":" + paramText(ri.Auth.Params)
		}
		got[ri.Name] = s
	}
	for name, want := range map[string]string{
		"Inherit": "bearer:token=<Bearer Token>", "Explicit": "bearer:token=<Bearer Token>", "Off": "noauth:",
		"Basic": "basic:username=u password=p saveHelperData=true showPassword=false", "Key": "apikey:key=X-Key value={{k}} in=query",
		"Odd": "akamai:", "Oauth1": "oauth1:consumerKey=ck version=1.0 addParamsToHeader=true",
	} {
		if got[name] != want {
			t.Errorf("%s: auth %s, want %s", name, got[name], want)
		}
	}
	mustDiag(t, warns, `unknown auth type "akamai"`)
}

// Spec section 8: scripts are events, counted as v2.1 counts them.
func TestScripts(t *testing.T) {
	c, _ := parseOK(t, files(
		".resources/definition.yaml", "$kind: collection\nscripts:\n  - {type: http:afterResponse, code: \">-folded\", language: text/javascript}\n",
		"F/.resources/definition.yaml", "$kind: collection\nscripts:\n  - type: http:beforeRequest\n    code: >-\n      a();\n\n      b()\n  - {type: http:afterResponse, code: \"  \"}\n",
		"F/R.request.yaml", http("url: https://x.example.com/\nscripts:\n  - {type: beforeRequest, language: text/javascript, code: \"x();\\r\\ny()\"}\n  - type: afterResponse\n    code: |-\n      pm.test()\n  - {type: afterResponse, code: off(), disabled: true}\n"),
		"Bare.request.yaml", http("url: https://x.example.com/\n"),
	))
	if len(c.Events) != 1 || c.Events[0].Listen != "test" || c.Events[0].Exec != ">-folded" {
		t.Errorf("collection events %+v", c.Events)
	}
	f := item(t, c, "F")
	if len(f.Events) != 2 || f.Events[0].Listen != "prerequest" || f.Events[0].Exec != "a();\nb()" {
		t.Errorf("folder events %+v", f.Events)
	}
	r := item(t, c, "F/R")
	if len(r.Events) != 3 || r.Events[0].Exec != "x();\r\ny()" || r.Events[1].Listen != "test" || !r.Events[2].Disabled {
		t.Errorf("request events %+v", r.Events)
	}
	scripts := map[string]int{}
	for _, ri := range c.Requests() {
		scripts[ri.Name] = ri.Scripts
	}
	// Collection 1 + folder 1 (the blank one does not count) + request 2 (the disabled one does not).
	if scripts["R"] != 4 || scripts["Bare"] != 1 {
		t.Errorf("script counts %v", scripts)
	}
}

// Spec section 9.
func TestDescriptions(t *testing.T) {
	c, warns := parseOK(t, files(
		"Plain.request.yaml", http("url: https://x.example.com/\ndescription: plain text\norder: 1\n"),
		"Folded.request.yaml", http("url: https://x.example.com/\ndescription: >-\n  Create an [IM directory\n  group](https://x) here.<br><br>\n\n  **Scopes**\norder: 2\n"),
		"Literal.request.yaml", http("url: https://x.example.com/\ndescription: |\n  # Title\n  <b>html</b>\norder: 3\n"),
		"Object.request.yaml", http("url: https://x.example.com/\ndescription: {content: from object, type: text/markdown}\norder: 4\n"),
		"Number.request.yaml", http("url: https://x.example.com/\ndescription: [a]\norder: 5\n"),
	))
	for name, want := range map[string]string{
		"Plain": "plain text", "Folded": "Create an [IM directory group](https://x) here.<br><br>\n**Scopes**",
		"Literal": "# Title\n<b>html</b>\n", "Object": "from object", "Number": "",
	} {
		if got := item(t, c, name).Request.Description; got != want {
			t.Errorf("%s: %q, want %q", name, got, want)
		}
	}
	mustDiag(t, warns, "object form {content, type}")
	mustDiag(t, warns, "a description must be a string, found a list")
}

// Diagnostics name the file relative to the root, line:column (in bytes)
// in it, the item and its path, and the YAML path.
func TestDiagnostics(t *testing.T) {
	l := parseErr(t, files(
		"F/.resources/definition.yaml", "$kind: collection\nname: Fö\n",
		"F/Bad.request.yaml", http("name: Bäd\nurl: \"https://x.example.com/\"\nheaders: 5\n"),
		"F/Yaml.request.yaml", "$kind: http-request\nmethod: GET\nurl: {{baseUrl}}/x\n",
		"F/Tab.request.yaml", "$kind: http-request\nheaders:\n\tX: 1\n",
	))
	d := mustDiag(t, l, "must be a mapping or a list, found the number 5")
	if got := d.Error(); got != `F/Bad.request.yaml:4:10: item "Fö/Bäd" (F/Bad.request.yaml): headers: must be a mapping or a list, found the number 5` {
		t.Errorf("diagnostic: %s", got)
	}
	d = mustDiag(t, l, "a value that starts with {{ must be quoted")
	if d.File != "F/Yaml.request.yaml" || d.Pos.Line != 3 || d.Pos.Col != 6 {
		t.Errorf("unquoted {{: %v", d)
	}
	d = mustDiag(t, l, "not valid YAML: found character that cannot start any token")
	if d.File != "F/Tab.request.yaml" || d.Pos.Line != 3 {
		t.Errorf("tab: %v", d)
	}
	// Columns count bytes, as the JSON parser's do.
	_, warns := parseOK(t, files("R.request.yaml", http("url: https://x.example.com/\nheaders: {Ünï: 7}\n")))
	if d := mustDiag(t, warns, "unquoted number 7"); d.Pos.Line != 3 || d.Pos.Col != 18 || d.Field != "headers.Ünï" {
		t.Errorf("byte column: %v", d)
	}
}

// Spec section 12 and worse: malformed and hostile files never panic and
// are reported on the file.
func TestHostileFiles(t *testing.T) {
	deep := strings.Repeat("[", 20000) + strings.Repeat("]", 20000)
	laughs := "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
	for i, prev := 0, "a"; i < 8; i++ {
		name := string(rune('b' + i))
		laughs += name + ": &" + name + " [" + strings.Repeat("*"+prev+", ", 9) + "*" + prev + "]\n"
		prev = name
	}
	cases := []struct {
		name, data, errWant, warnWant string
	}{
		{"unquoted var", "$kind: http-request\nurl: {{baseUrl}}/x\n", "must be quoted", ""},
		{"two documents", http("url: https://x/\n---\nurl: https://y/\n"), "more than one YAML document", ""},
		{"utf16", "\xff\xfe$\x00k\x00", "UTF-16", ""},
		{"top-level list", "- a\n- b\n", "must be a mapping, found a list", ""},
		{"top-level scalar", "just text\n", "must be a mapping, found a string", ""},
		{"deep nesting", "a: " + deep + "\n", "not valid YAML", ""},
		{"billion laughs", http("url: https://x/\nheaders:\n  X: 1\n"+strings.ReplaceAll(laughs, "\n", "\n")) + "body: {type: json, content: *i}\n", "aliases in this file expand to more than", ""},
		{"invalid utf8", http("url: \"https://x/\xff\"\n"), "not valid YAML", ""},
		{"nul", http("url: https://x/\x00\n"), "not valid YAML", ""},
		{"control char", http("url: \"https://x/\x07\"\n"), "not valid YAML", ""},
		{"url mapping", http("url: {host: x}\n"), "", ""},
		{"url list", http("url: [a]\n"), "a url must be a string, found a list", ""},
		{"headers scalar", http("url: https://x/\nheaders: nope\n"), "must be a mapping or a list, found a string", ""},
		{"header entry list", http("url: https://x/\nheaders:\n  - [a]\n"), "an entry must be a mapping, found a list", ""},
		{"body list", http("url: https://x/\nbody: [a]\n"), "must be a mapping, found a list", ""},
		{"method list", http("url: https://x/\nmethod: [GET]\n"), "must be a string, found a list", ""},
		{"duplicate key", http("url: https://x/\nurl: https://y/\n"), "", `key "url" repeated`},
		{"complex key", http("url: https://x/\n? [a]\n: b\n"), "", "a mapping key must be a plain string"},
		{"merge key", "base: &b {url: \"https://x/\", method: PUT}\n<<: *b\n$kind: http-request\n", "", ""},
		{"line separator", http("name: ok\u2028//go:generate y\nurl: https://x/\n"), "", ""},
		{"crlf", "$kind: http-request\r\nurl: https://x/\r\nheaders:\r\n  X: 7\r\n", "", "unquoted number 7"},
		{"cr only", "$kind: http-request\rurl: https://x/\rheaders: {X: 7}\r", "", "unquoted number 7"},
		{"scripts scalar", http("url: https://x/\nscripts: nope\n"), "", "scripts must be a list"},
		{"order list", http("url: https://x/\norder: [1]\n"), "", "order must be a number, found a list"},
		{"huge order", http("url: https://x/\norder: 1e999\n"), "", "order must be a number"},
		{"examples list", http("url: https://x/\nexamples: [a]\n"), "must be a string, found a list", ""},
		{"alias loop", "a: &a [*a]\n", "", ""},
		{"alias cycle read", http("url: https://x/\nheaders: &h {X: *h}\n"), "aliases in this file expand to more than", ""},
		{"merge bomb", mergeBomb(), "aliases in this file expand to more than", ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c, warns, err := ParseFS(files("F/X.request.yaml", tc.data), "coll")
			switch {
			case tc.errWant != "":
				if err == nil {
					t.Fatalf("no error, want %q", tc.errWant)
				}
				d := mustDiag(t, err.(parser.ErrorList), tc.errWant)
				if d.File != "F/X.request.yaml" {
					t.Errorf("error names %q: %v", d.File, d)
				}
			case err != nil:
				t.Fatalf("error %v", err)
			case c == nil:
				t.Fatal("nil collection without an error")
			}
			if tc.warnWant != "" {
				mustDiag(t, warns, tc.warnWant)
			}
		})
	}
	// The same bytes as a definition and as an example never panic either.
	for _, tc := range cases {
		ParseFS(files(".resources/definition.yaml", tc.data, "A.request.yaml", http("url: https://x/\n"), ".resources/A.resources/examples/E.example.yaml", tc.data), "coll")
	}
}

// mergeBomb nests merge keys ten wide, nine deep.
func mergeBomb() string {
	s := "a: &a {k: v}\n"
	prev := "a"
	for i := 0; i < 9; i++ {
		name := string(rune('b' + i))
		s += name + ": &" + name + " {<<: [" + strings.TrimSuffix(strings.Repeat("*"+prev+", ", 10), ", ") + "]}\n"
		prev = name
	}
	return s + "<<: *" + prev + "\n$kind: http-request\nurl: https://x/\n"
}

func TestLineSeparatorIsText(t *testing.T) {
	c, _ := parseOK(t, files("X.request.yaml", http("name: ok\u2028//go:generate y\nurl: https://x/\u0085z\n")))
	if it := c.Items[0]; it.Name != "ok\u2028//go:generate y" || it.Request.URL.Raw != "https://x/\u0085z" {
		t.Errorf("%q %q", it.Name, it.Request.URL.Raw)
	}
}

func TestMergeKeys(t *testing.T) {
	c, _ := parseOK(t, files("X.request.yaml", "common: &c {method: PUT, url: \"https://x/a\"}\n<<: *c\n$kind: http-request\nurl: \"https://x/b\"\n"))
	if r := c.Items[0].Request; r.Method != "PUT" || r.URL.Raw != "https://x/b" {
		t.Errorf("merged %s %s", r.Method, r.URL.Raw)
	}
}

func TestDepthLimit(t *testing.T) {
	fsys := files()
	dir := ""
	for i := 0; i <= parser.MaxDepth; i++ {
		dir += "d/"
	}
	fsys[dir+"X.request.yaml"] = files("x", http("url: https://x/\n"))["x"]
	mustDiag(t, parseErr(t, fsys), "folders nested more than")
}

func TestSymlinksNotFollowed(t *testing.T) {
	root := t.TempDir()
	outside := t.TempDir()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(os.WriteFile(filepath.Join(outside, "secret.request.yaml"), []byte(http("url: https://secret/\n")), 0o600))
	must(os.WriteFile(filepath.Join(root, "A.request.yaml"), []byte(http("url: https://x/\n")), 0o600))
	if err := os.Symlink(filepath.Join(outside, "secret.request.yaml"), filepath.Join(root, "B.request.yaml")); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	must(os.Symlink(outside, filepath.Join(root, "Linked")))
	c, warns, err := ParseDir(root)
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(itemNames(c.Items), " "); got != "A" {
		t.Errorf("items %s", got)
	}
	if d := mustDiag(t, warns, "symbolic link not followed"); d.File != "B.request.yaml" && d.File != "Linked" {
		t.Errorf("warning %v", d)
	}
	if c.Name != filepath.Base(root) {
		t.Errorf("name %q, want the directory's", c.Name)
	}
	files, err := InputFiles(root)
	if err != nil || len(files) != 1 || files[0].Path != "A.request.yaml" {
		t.Errorf("InputFiles %+v %v", files, err)
	}
	if _, _, err := ParseDir(filepath.Join(root, "A.request.yaml")); err == nil {
		t.Error("ParseDir of a file succeeded")
	}
}

// Every v3 collection in testdata parses, without a panic and without an
// error.
func TestTestdata(t *testing.T) {
	dirs, _ := filepath.Glob("../../testdata/v3-*")
	if len(dirs) == 0 {
		t.Skip("no v3 testdata")
	}
	for _, dir := range dirs {
		if k, err := Detect(dir); err != nil || k != Dir {
			t.Errorf("Detect(%s) = %v, %v", dir, k, err)
		}
		c, _, err := ParseDir(dir)
		if err != nil {
			t.Errorf("%s: %v", dir, err)
			continue
		}
		if len(c.Requests()) == 0 {
			t.Errorf("%s: no requests", dir)
		}
	}
}
