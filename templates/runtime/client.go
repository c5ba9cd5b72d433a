package runtime

import (
	"bytes"
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"math"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// Client sends requests to the API. It is safe for concurrent use once built;
// options are applied only by NewClient.
type Client struct {
	baseURL    *url.URL
	httpClient *http.Client
	userAgent  string
	editors    []func(*http.Request) error
	creds      credentials
	retry      RetryPolicy
	// noValidation skips the params' Validate; see WithValidation.
	noValidation bool
	// auth is the collection's own auth, which Do sends.
	auth authScheme
	// maxResponseBytes bounds a buffered 2xx body; see WithMaxResponseBytes.
	maxResponseBytes int64
	// bodyIdle ends an attempt whose response body stalls this long; set
	// only with the default HTTP client.
	bodyIdle time.Duration

	// Hooks for tests of the runtime; newClient sets the real ones.
	sleep  func(ctx context.Context, d time.Duration) error
	now    func() time.Time
	jitter func(d time.Duration) time.Duration
}

// Option configures a Client in NewClient.
type Option func(*Client) error

// credentials holds what the auth options set. Which of them a request uses
// depends on the auth the collection gives its operation.
type credentials struct {
	bearerToken string
	tokenSource func(context.Context) (string, error)
	username    string
	password    string
	hasBasic    bool
	apiKey      string
}

// newClient builds the client of a package whose collection has the base
// URL defaultBaseURL (maybe empty) and the auth auth at its top level.
func newClient(defaultBaseURL string, auth authScheme, opts []Option) (*Client, error) {
	c := &Client{auth: auth, maxResponseBytes: defaultMaxResponseBytes, sleep: sleepContext, now: time.Now, jitter: halfJitter}
	for _, opt := range opts {
		if opt == nil {
			continue
		}
		if err := opt(c); err != nil {
			return nil, err
		}
	}
	if c.httpClient == nil {
		c.httpClient, c.bodyIdle = defaultHTTPClient(), bodyIdleTimeout
	}
	if c.baseURL == nil {
		// No WithBaseURL: the collection's base, which may be empty when
		// the collection names no usable host.
		if err := WithBaseURL(defaultBaseURL)(c); err != nil {
			return nil, err
		}
	}
	return c, nil
}

// WithBaseURL sends requests to base instead of the collection's base URL.
// Operation paths are appended to base's path.
func WithBaseURL(base string) Option {
	return func(c *Client) error {
		if base == "" {
			return errors.New("base URL is empty: give one with WithBaseURL")
		}
		u, err := url.Parse(base)
		if err != nil {
			return fmt.Errorf("base URL: %w", err)
		}
		if u.Scheme == "" || u.Host == "" {
			return fmt.Errorf("base URL %q: want an absolute URL such as https://api.example.com", base)
		}
		u.Path = strings.TrimSuffix(u.Path, "/")
		u.RawPath = strings.TrimSuffix(u.RawPath, "/")
		c.baseURL = u
		return nil
	}
}

// WithHTTPClient sends requests through hc instead of the client's own: a
// clone of http.DefaultTransport with timeouts of 30s to connect, 10s for
// the TLS handshake, 60s for the response headers and 60s without data
// while the body is read. hc is used as given, its Timeout and Transport included,
// except that the client follows redirects through a copy of hc whose
// CheckRedirect first refuses a redirect from https to http and drops the
// credentials the client added (Authorization, the API key header or query
// parameter) once a redirect leaves the base URL's scheme and host; then it
// calls hc.CheckRedirect, or stops after 10 redirects when that is nil. hc
// itself is not changed.
func WithHTTPClient(hc *http.Client) Option {
	return func(c *Client) error {
		if hc == nil {
			return errors.New("WithHTTPClient: nil *http.Client")
		}
		c.httpClient, c.bodyIdle = withRedirectPolicy(hc), 0
		return nil
	}
}

// defaultMaxResponseBytes is the default of WithMaxResponseBytes.
const defaultMaxResponseBytes = 32 << 20

// WithMaxResponseBytes bounds the body of a successful response, which the
// client reads whole, to n bytes (32 MiB unless set), counted after a gzip
// encoding the transport removed. A longer body fails the call with an
// error matching ErrResponseTooLarge; it is never returned truncated. Error
// bodies are kept up to 1 MiB in APIError.Body regardless.
func WithMaxResponseBytes(n int64) Option {
	return func(c *Client) error {
		if n <= 0 {
			return errors.New("WithMaxResponseBytes: the limit must be positive")
		}
		c.maxResponseBytes = n
		return nil
	}
}

// WithUserAgent sets the User-Agent header of every request.
func WithUserAgent(ua string) Option {
	return func(c *Client) error {
		if err := checkHeaderValue("User-Agent", ua); err != nil {
			return err
		}
		c.userAgent = ua
		return nil
	}
}

// WithBearerToken sends "Authorization: Bearer <token>" on every request
// whose auth in the collection is bearer, oauth2 or not set.
func WithBearerToken(token string) Option {
	return func(c *Client) error {
		if err := checkHeaderValue("Authorization", token); err != nil {
			return errors.New("WithBearerToken: the token contains a line break or NUL")
		}
		c.creds.bearerToken = token
		return nil
	}
}

// WithTokenSource asks source for an access token before each request whose
// auth is bearer, oauth2 or not set (each retry too), and sends it as a
// bearer token instead of the one WithBearerToken gives. It
// fits golang.org/x/oauth2: func(ctx) { t, err := ts.Token(); return t.AccessToken, err }.
func WithTokenSource(source func(context.Context) (string, error)) Option {
	return func(c *Client) error {
		c.creds.tokenSource = source
		return nil
	}
}

// WithBasicAuth sends HTTP basic auth on every request whose auth in the
// collection is basic or not set.
func WithBasicAuth(username, password string) Option {
	return func(c *Client) error {
		c.creds.username, c.creds.password, c.creds.hasBasic = username, password, true
		return nil
	}
}

// WithAPIKey sends key on every request whose auth in the collection is
// apikey, under the name and in the place (header or query parameter) the
// collection gives for that request.
func WithAPIKey(key string) Option {
	return func(c *Client) error {
		if strings.ContainsAny(key, "\r\n\x00") {
			return errors.New("WithAPIKey: the key contains a line break or NUL")
		}
		c.creds.apiKey = key
		return nil
	}
}

// WithRequestEditor calls edit on every request just before it is sent, after
// auth is applied; a retry is a new request and is edited again. Use it for
// auth schemes the client does not implement (signatures, digest) or for
// headers of your own; WithCallRequestEditor adds one for a single call,
// run after these. An error from edit ends the call before anything is sent.
//
// An editor may change the URL, but the credentials stay with the host the
// client built the request for: when the edited request goes to another
// scheme, host or port (or carries another Host header), the Authorization
// header, API key header or API key query parameter that the client added
// is removed first, as on a redirect. What the editor sets itself is sent
// as it is.
func WithRequestEditor(edit func(*http.Request) error) Option {
	return func(c *Client) error {
		if edit != nil {
			c.editors = append(c.editors, edit)
		}
		return nil
	}
}

// WithValidation(false) turns off the check every operation makes of its
// params before sending (their Validate method: required fields set, enum
// fields holding a documented value, one body at most), so that a value the
// collection does not document can be sent; WithoutValidation does it for
// one call. The checks that keep the URL well formed stay: an empty path
// parameter and a host variable that is not a host name are still errors.
func WithValidation(on bool) Option {
	return func(c *Client) error {
		c.noValidation = !on
		return nil
	}
}

// RequestOption changes one call.
type RequestOption func(*callConfig)

type callConfig struct {
	header       http.Header
	query        queryList
	editors      []func(*http.Request) error
	timeout      time.Duration
	retry        *RetryPolicy
	noValidation bool
	sink         io.Writer // WithResponseWriter
	page         string    // atPage: a next-page link to send the call to
	// secrets are the values of WithQuery parameters whose names look
	// secret, which errors must not print.
	secrets []string
}

// newCallConfig applies opts.
func newCallConfig(opts []RequestOption) callConfig {
	cc := callConfig{}
	for _, opt := range opts {
		if opt != nil {
			opt(&cc)
		}
	}
	return cc
}

// WithHeader adds a header to one call.
func WithHeader(key, value string) RequestOption {
	return func(cc *callConfig) {
		if cc.header == nil {
			cc.header = http.Header{}
		}
		cc.header.Add(key, value)
	}
}

// WithQuery adds key=value to the query of one call, after the parameters
// the operation sends; each call of it adds one more, so a key can repeat.
// Key and value are escaped. It cannot replace the API key of an operation
// whose auth puts one in the query: the client's key is sent instead.
func WithQuery(key, value string) RequestOption {
	return func(cc *callConfig) {
		cc.query = append(cc.query, keyValue{key: key, value: value})
		if value != "" && secretName(key) {
			cc.secrets = append(cc.secrets, value)
		}
	}
}

// WithCallRequestEditor calls edit on the request of one call just before
// it is sent, after the editors of WithRequestEditor; a retry is edited
// again. The same rule keeps the client's credentials from another host
// (see WithRequestEditor).
func WithCallRequestEditor(edit func(*http.Request) error) RequestOption {
	return func(cc *callConfig) {
		if edit != nil {
			cc.editors = append(cc.editors, edit)
		}
	}
}

// WithoutValidation sends one call without checking its params first (see
// WithValidation): a required field may be missing and an enum field may
// hold a value the collection does not list.
func WithoutValidation() RequestOption {
	return func(cc *callConfig) { cc.noValidation = true }
}

// validate runs params.Validate unless the client or the call turned
// validation off; its error names the operation. (The operations leave the
// wrapping to it: one fmt.Errorf here instead of one inlined into each of
// them, a tenth of the time a large package takes to compile.)
func (c *Client) validate(operation string, params interface{ Validate() error }, opts []RequestOption) error {
	if c.noValidation || newCallConfig(opts).noValidation {
		return nil
	}
	if err := params.Validate(); err != nil {
		return fmt.Errorf("%s: %w", operation, err)
	}
	return nil
}

// WithTimeout bounds one call, retries, their waits and the reading of the
// response body included. The call returns an error wrapping
// context.DeadlineExceeded when it runs out. Without it a call is bounded
// only by ctx and the HTTP client's timeouts (see WithHTTPClient).
func WithTimeout(d time.Duration) RequestOption {
	return func(cc *callConfig) { cc.timeout = d }
}

// WithCallRetry replaces the client's retry policy for one call, e.g.
// WithCallRetry(RetryPolicy{MaxAttempts: 1}) to send once, or
// WithCallRetry(RetryPolicy{RetryNonIdempotent: true}) to retry a POST.
func WithCallRetry(p RetryPolicy) RequestOption {
	return func(cc *callConfig) { cc.retry = &p }
}

// WithResponseWriter streams a successful (2xx) response body into w as it
// arrives, instead of reading it into memory: for downloads and other large
// bodies. The response's Body is then nil and Data, for an operation with
// typed JSON, is not decoded; the client's size limit (WithMaxResponseBytes)
// does not apply, w sees every byte. A call is not retried once a byte of
// its body went to w; an error status is read and returned as usual.
func WithResponseWriter(w io.Writer) RequestOption {
	return func(cc *callConfig) { cc.sink = w }
}

// authKind is how an operation authenticates, from the collection's auth
// after inheritance.
type authKind int

const (
	kindInherit authKind = iota // no auth in the collection: send what the user configured
	kindNone                    // noauth: send nothing
	kindBearer                  // bearer and oauth2
	kindBasic
	kindAPIKey
	kindOther // a scheme the client cannot compute; see WithRequestEditor
)

// authScheme is an operation's auth: its kind and, for an API key, the
// header or query parameter that carries it.
type authScheme struct {
	kind    authKind
	keyName string
	inQuery bool
	prefix  string // kindBearer: the Authorization scheme word, "" for Bearer
}

var (
	authInherit = authScheme{kind: kindInherit}
	authNone    = authScheme{kind: kindNone}
	authBearer  = authScheme{kind: kindBearer}
	authBasic   = authScheme{kind: kindBasic}
	authOther   = authScheme{kind: kindOther}
)

// bearerWith is token auth sent as "Authorization: <prefix> <token>", for
// OAuth 2 setups whose header prefix is not Bearer.
func bearerWith(prefix string) authScheme {
	return authScheme{kind: kindBearer, prefix: prefix}
}

// apiKeyIn is API key auth sent as the header name, or as the query
// parameter name when in is "query".
func apiKeyIn(name, in string) authScheme {
	return authScheme{kind: kindAPIKey, keyName: name, inQuery: in == "query"}
}

// send builds r, sends it (again, when the retry policy allows) and returns
// the response with its body read. A status outside 2xx is returned as an
// *APIError.
func (c *Client) send(ctx context.Context, r *request, opts []RequestOption) (*http.Response, []byte, error) {
	if ctx == nil {
		return nil, nil, fmt.Errorf("%s: nil context", r.operation)
	}
	cc := newCallConfig(opts)
	if cc.timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, cc.timeout)
		defer cancel()
	}
	policy := c.retry
	if cc.retry != nil {
		policy = *cc.retry
	}
	policy = policy.withDefaults()
	idem := idempotent(r.method) || policy.RetryNonIdempotent || hasIdempotencyKey(r, &cc)
	canRetry := r.replayable()
	for attempt := 1; ; attempt++ {
		resp, body, err := c.attempt(ctx, r, &cc)
		if !canRetry || attempt >= policy.MaxAttempts || !retryable(resp, err, idem) {
			return resp, body, err
		}
		if cerr := ctx.Err(); cerr != nil {
			return resp, body, fmt.Errorf("%w; retry stopped: %w", err, cerr)
		}
		wait, ok := c.backoff(policy, attempt, resp)
		if !ok {
			return resp, body, err
		}
		if deadline, has := ctx.Deadline(); has && c.now().Add(wait).After(deadline) {
			return resp, body, err // the context would end before the retry
		}
		if serr := c.sleep(ctx, wait); serr != nil {
			return resp, body, fmt.Errorf("%w; retry stopped: %w", err, serr)
		}
	}
}

// RawResponse is the successful (2xx) response of Do.
type RawResponse struct {
	// StatusCode is the HTTP status.
	StatusCode int
	// Header holds all response headers.
	Header http.Header
	// Body is the response body, read whole (see WithMaxResponseBytes).
	Body []byte
}

// Do sends a request the collection does not describe: method to path,
// relative to the base URL, with body (nil for none), the way the
// operations send theirs. The client's base URL, the collection's own auth
// (the auth at the top of the collection, which NewClient's doc names),
// User-Agent, request editors, retry policy and response size limit apply,
// and so do the options of the call: WithHeader sets the Content-Type of
// body, WithQuery adds to the query. A status outside 2xx is returned as an
// *APIError whose Operation is "Do <method> <path>".
//
// path is URL text, already escaped, that starts with "/" and is appended
// to the base URL's path; it may end with a query, which is sent as
// written. It cannot name another host: an absolute URL, a "//host" path,
// a fragment or a "." or ".." segment is an error and nothing is sent.
//
// A body is sent again on a retry only when it is an io.Seeker (a
// *bytes.Reader, a *strings.Reader, an *os.File); its Content-Length is
// sent when it is a *bytes.Reader, *bytes.Buffer or *strings.Reader.
//
//	resp, err := c.Do(ctx, "POST", "/v2/widgets?notify=false",
//		strings.NewReader(`{"name":"w1"}`), WithHeader("Content-Type", "application/json"))
//	var apiErr *APIError
//	if errors.As(err, &apiErr) {
//		// apiErr.StatusCode, apiErr.Code, apiErr.Message, apiErr.Body
//	}
func (c *Client) Do(ctx context.Context, method, path string, body io.Reader, opts ...RequestOption) (*RawResponse, error) {
	r, err := c.rawRequest(method, path, body)
	if err != nil {
		return nil, err
	}
	resp, data, err := c.send(ctx, r, opts)
	if err != nil {
		return nil, err
	}
	return &RawResponse{StatusCode: resp.StatusCode, Header: resp.Header, Body: data}, nil
}

// rawRequest is the request of Do.
func (c *Client) rawRequest(method, path string, body io.Reader) (*request, error) {
	rawPath, rawQuery, _ := strings.Cut(path, "?")
	r := newRequest("Do "+method+" "+rawPath, method, c.auth, nil)
	if method == "" {
		return nil, errors.New("Do: empty method")
	}
	u, err := url.Parse(path)
	switch {
	case err != nil:
		return nil, fmt.Errorf("%s: %w", r.operation, err)
	case !strings.HasPrefix(path, "/") || strings.HasPrefix(path, "//") || u.Scheme != "" || u.Host != "" || u.User != nil:
		return nil, fmt.Errorf("%s: the path must start with a single \"/\": it is relative to the base URL and cannot name a host", r.operation)
	case strings.Contains(path, "#"):
		return nil, fmt.Errorf("%s: the path has a fragment", r.operation)
	}
	for _, seg := range strings.Split(u.Path, "/") {
		if seg == "." || seg == ".." {
			return nil, fmt.Errorf("%s: the path has a %q segment, which would leave the base URL's path", r.operation, seg)
		}
	}
	r.path.WriteString(u.Path)
	r.rawPath.WriteString(u.EscapedPath())
	r.rawQuery = rawQuery
	for _, pair := range strings.Split(rawQuery, "&") {
		k, v, _ := strings.Cut(pair, "=")
		if uk, err := url.QueryUnescape(k); err == nil && secretName(uk) && v != "" {
			uv, _ := url.QueryUnescape(v)
			r.secrets = append(r.secrets, v, uv)
		}
	}
	switch b := body.(type) {
	case nil:
	case *bytes.Reader, *bytes.Buffer, *strings.Reader:
		if n := b.(interface{ Len() int }).Len(); n > 0 {
			r.setReader("", body)
			r.contentLength = int64(n)
		}
	default:
		r.setReader("", body)
	}
	return r, nil
}

// attempt sends r once and reads the response. Its errors, but for the
// *APIError of a status outside 2xx, are redacted: net/http puts the whole
// URL in them.
func (c *Client) attempt(ctx context.Context, r *request, cc *callConfig) (*http.Response, []byte, error) {
	// Cancelled once the body is read; the idle guard cancels it earlier
	// when the body stalls.
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	sent := &sentAuth{}
	fail := func(format string, err error) error {
		return fmt.Errorf("%s: "+format, r.operation, redact(err, append(c.secrets(r, sent), cc.secrets...)))
	}
	req, err := c.build(ctx, r, cc, sent)
	if err != nil {
		return nil, nil, fail("%w", err)
	}
	resp, err := c.httpClient.Do(req)
	if err != nil {
		return nil, nil, fail("%w", err)
	}
	if c.bodyIdle > 0 {
		resp.Body = newIdleBody(resp.Body, c.bodyIdle, cancel)
	}
	defer resp.Body.Close()
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return resp, nil, newAPIError(r, resp)
	}
	if cc.sink != nil {
		// Like a body read into memory, a 2xx body that fails midway is
		// not fetched again (retryable): w never gets bytes twice.
		if _, err := io.Copy(cc.sink, resp.Body); err != nil {
			return resp, nil, fail("streaming response: %w", err)
		}
		return resp, nil, nil
	}
	body, err := readLimited(resp, c.maxResponseBytes)
	if errors.Is(err, ErrResponseTooLarge) {
		return resp, nil, &responseTooLargeError{operation: r.operation, limit: c.maxResponseBytes}
	}
	if err != nil {
		return resp, nil, fail("reading response: %w", err)
	}
	return resp, body, nil
}

// readLimited reads a successful body whole unless it is longer than limit
// bytes: then it fails with ErrResponseTooLarge rather than return a
// truncated body. It reads at most limit+1 bytes of what resp.Body yields,
// which is after the transport's gzip decoding, so a small compressed body
// that inflates is counted in full.
func readLimited(resp *http.Response, limit int64) ([]byte, error) {
	if resp.ContentLength > limit {
		return nil, ErrResponseTooLarge
	}
	n := limit
	if n < math.MaxInt64 {
		n++
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, n))
	if err != nil {
		return nil, err
	}
	if int64(len(body)) > limit {
		return nil, ErrResponseTooLarge
	}
	return body, nil
}

// secrets lists what errors of an attempt must not print: the credentials
// the client holds, the token a token source gave for the attempt, and the
// values of the request's parameters whose names look secret.
func (c *Client) secrets(r *request, sent *sentAuth) []string {
	s := append([]string{c.creds.bearerToken, c.creds.apiKey, sent.token}, r.secrets...)
	if c.creds.hasBasic {
		s = append(s, c.creds.password, basicToken(c.creds.username, c.creds.password))
	}
	return s
}

// build makes the request of one attempt. sent records the credentials it
// adds; it travels in the request's context for the redirect policy.
func (c *Client) build(ctx context.Context, r *request, cc *callConfig, sent *sentAuth) (req *http.Request, err error) {
	if r.err != nil {
		return nil, r.err
	}
	ctx = context.WithValue(ctx, sentAuthKey{}, sent)
	u := *c.baseURL
	u.Path = c.baseURL.Path + r.path.String()
	u.RawPath = c.baseURL.EscapedPath() + r.rawPath.String()
	query, rawQuery := r.query, r.rawQuery
	if cc.page != "" {
		// A next-page link: its path and query, the request's all else.
		next, err := pageURL(c.baseURL, cc.page)
		if err != nil {
			return nil, err
		}
		u, query, rawQuery = *next, nil, next.RawQuery
	}
	if len(cc.query) > 0 {
		query = append(query[:len(query):len(query)], cc.query...)
	}
	if r.auth.kind == kindAPIKey && r.auth.inQuery && c.creds.apiKey != "" {
		rawQuery = dropQueryKey(rawQuery, r.auth.keyName)
		query = query.replace(r.auth.keyName, c.creds.apiKey)
		sent.queryKey, sent.queryValue = r.auth.keyName, c.creds.apiKey
	}
	u.RawQuery = query.encode()
	if rawQuery != "" && u.RawQuery != "" {
		u.RawQuery = rawQuery + "&" + u.RawQuery
	} else if rawQuery != "" {
		u.RawQuery = rawQuery
	}
	body, contentType, err := r.openBody()
	if err != nil {
		return nil, err
	}
	defer func() {
		// A multipart body that is not sent must be closed: that ends the
		// goroutine writing it. Readers of the caller are left open.
		if pr, ok := body.(*io.PipeReader); ok && err != nil {
			pr.Close()
		}
	}()
	req, err = http.NewRequestWithContext(ctx, r.method, u.String(), body)
	if err != nil {
		return nil, err
	}
	if r.contentLength >= 0 && body != nil {
		req.ContentLength = r.contentLength
	}
	for _, kv := range r.header {
		if err := checkHeaderValue(kv.key, kv.value); err != nil {
			return nil, err
		}
		req.Header.Add(kv.key, kv.value)
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	if c.userAgent != "" {
		req.Header.Set("User-Agent", c.userAgent)
	}
	if err := c.authorize(ctx, req, r.auth, sent); err != nil {
		return nil, err
	}
	for k, vs := range cc.header {
		for _, v := range vs {
			if err := checkHeaderValue(k, v); err != nil {
				return nil, err
			}
		}
		req.Header[k] = append(req.Header[k], vs...)
	}
	if len(c.editors)+len(cc.editors) == 0 {
		return req, nil
	}
	for _, edit := range append(c.editors[:len(c.editors):len(c.editors)], cc.editors...) {
		if err := edit(req); err != nil {
			return nil, fmt.Errorf("request editor: %w", err)
		}
	}
	if req.URL == nil {
		return nil, errors.New("request editor: the request has no URL")
	}
	if !sameOrigin(&u, req.URL) || (req.Host != "" && !strings.EqualFold(req.Host, u.Host)) {
		sent.withdraw(req) // the credentials stay with the host they are for
	}
	return req, nil
}

// authorize sets the auth header of req and records it in sent; an API key
// in the query is added by build.
func (c *Client) authorize(ctx context.Context, req *http.Request, scheme authScheme, sent *sentAuth) error {
	switch scheme.kind {
	case kindNone, kindOther:
		return nil
	case kindBasic:
		if c.creds.hasBasic {
			sent.setHeader(req, "Authorization", "Basic "+basicToken(c.creds.username, c.creds.password))
		}
		return nil
	case kindAPIKey:
		if c.creds.apiKey != "" && !scheme.inQuery {
			if err := checkHeaderValue(scheme.keyName, ""); err != nil {
				return err
			}
			sent.setHeader(req, scheme.keyName, c.creds.apiKey)
		}
		return nil
	case kindBearer, kindInherit:
		token := c.creds.bearerToken
		if c.creds.tokenSource != nil {
			t, err := c.creds.tokenSource(ctx)
			if err != nil {
				return fmt.Errorf("token source: %w", err)
			}
			token, sent.token = t, t
		}
		if token != "" {
			if checkHeaderValue("Authorization", token) != nil {
				return errors.New("the access token contains a line break or NUL")
			}
			prefix := "Bearer"
			if scheme.prefix != "" {
				prefix = scheme.prefix
			}
			sent.setHeader(req, "Authorization", prefix+" "+token)
		} else if scheme.kind == kindInherit && c.creds.hasBasic {
			sent.setHeader(req, "Authorization", "Basic "+basicToken(c.creds.username, c.creds.password))
		}
		return nil
	}
	panic(fmt.Sprintf("unknown auth kind %d", scheme.kind))
}

func basicToken(user, pass string) string {
	return base64.StdEncoding.EncodeToString([]byte(user + ":" + pass))
}

// checkHeaderValue refuses values that would split a header. The value is
// not quoted in the error: it may be a secret.
func checkHeaderValue(key, value string) error {
	if strings.ContainsAny(key, "\r\n:") || key == "" {
		return fmt.Errorf("invalid header name %q", key)
	}
	if strings.ContainsAny(value, "\r\n\x00") {
		return fmt.Errorf("header %s: value contains a line break or NUL", key)
	}
	return nil
}

// Ptr returns a pointer to v, for optional fields: Ptr(true), Ptr(int64(10)).
func Ptr[T any](v T) *T { return &v }
