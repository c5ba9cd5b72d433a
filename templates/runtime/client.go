package runtime

import (
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
)

// Client sends requests to the API. It is safe for concurrent use once built;
// options are applied only by NewClient.
type Client struct {
	baseURL    *url.URL
	httpClient *http.Client
	userAgent  string
	editors    []func(*http.Request) error
	creds      credentials
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
}

func newClient(defaultBaseURL string, opts []Option) (*Client, error) {
	c := &Client{httpClient: http.DefaultClient}
	for _, opt := range opts {
		if opt == nil {
			continue
		}
		if err := opt(c); err != nil {
			return nil, err
		}
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

// WithHTTPClient sends requests through hc instead of http.DefaultClient.
func WithHTTPClient(hc *http.Client) Option {
	return func(c *Client) error {
		if hc == nil {
			return errors.New("WithHTTPClient: nil *http.Client")
		}
		c.httpClient = hc
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
			return errors.New("WithBearerToken: the token contains a line break")
		}
		c.creds.bearerToken = token
		return nil
	}
}

// WithTokenSource asks source for an access token before each request whose
// auth is bearer, oauth2 or not set, and sends it as a bearer token. It
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

// WithRequestEditor calls edit on every request just before it is sent, after
// auth is applied. Use it for auth schemes the client does not implement
// (signatures, digest) or for headers of your own.
func WithRequestEditor(edit func(*http.Request) error) Option {
	return func(c *Client) error {
		if edit != nil {
			c.editors = append(c.editors, edit)
		}
		return nil
	}
}

// RequestOption changes one call.
type RequestOption func(*callConfig)

type callConfig struct {
	header http.Header
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

// authScheme is how an operation authenticates, from the collection's auth
// after inheritance.
type authScheme int

const (
	authInherit authScheme = iota // no auth in the collection: send what the user configured
	authNone                      // noauth: send nothing
	authBearer                    // bearer and oauth2
	authBasic
	authOther // a scheme the client cannot compute; see WithRequestEditor
)

// send builds r, sends it and returns the response with its body read. A
// status outside 2xx is returned as an *APIError.
func (c *Client) send(ctx context.Context, r *request, opts []RequestOption) (*http.Response, []byte, error) {
	if ctx == nil {
		return nil, nil, fmt.Errorf("%s: nil context", r.operation)
	}
	cc := callConfig{}
	for _, opt := range opts {
		if opt != nil {
			opt(&cc)
		}
	}
	req, err := c.build(ctx, r, &cc)
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", r.operation, err)
	}
	resp, err := c.httpClient.Do(req)
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", r.operation, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return resp, nil, newAPIError(r, resp)
	}
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return resp, nil, fmt.Errorf("%s: reading response: %w", r.operation, err)
	}
	return resp, body, nil
}

func (c *Client) build(ctx context.Context, r *request, cc *callConfig) (*http.Request, error) {
	if r.err != nil {
		return nil, r.err
	}
	u := *c.baseURL
	u.Path = c.baseURL.Path + r.path.String()
	u.RawPath = c.baseURL.EscapedPath() + r.rawPath.String()
	u.RawQuery = r.query.encode()
	body, contentType, err := r.openBody()
	if err != nil {
		return nil, err
	}
	req, err := http.NewRequestWithContext(ctx, r.method, u.String(), body)
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
	if err := c.authorize(ctx, req, r.auth); err != nil {
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
	for _, edit := range c.editors {
		if err := edit(req); err != nil {
			return nil, fmt.Errorf("request editor: %w", err)
		}
	}
	return req, nil
}

func (c *Client) authorize(ctx context.Context, req *http.Request, scheme authScheme) error {
	switch scheme {
	case authNone, authOther:
		return nil
	case authBasic:
		if c.creds.hasBasic {
			req.Header.Set("Authorization", "Basic "+basicToken(c.creds.username, c.creds.password))
		}
		return nil
	case authBearer, authInherit:
		token := c.creds.bearerToken
		if c.creds.tokenSource != nil {
			t, err := c.creds.tokenSource(ctx)
			if err != nil {
				return fmt.Errorf("token source: %w", err)
			}
			token = t
		}
		if token != "" {
			if checkHeaderValue("Authorization", token) != nil {
				return errors.New("the access token contains a line break")
			}
			req.Header.Set("Authorization", "Bearer "+token)
		} else if scheme == authInherit && c.creds.hasBasic {
			req.Header.Set("Authorization", "Basic "+basicToken(c.creds.username, c.creds.password))
		}
		return nil
	}
	panic(fmt.Sprintf("unknown auth scheme %d", scheme))
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
