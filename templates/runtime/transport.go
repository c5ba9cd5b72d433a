package runtime

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// Timeouts of the HTTP client the runtime builds when WithHTTPClient gives
// none. http.DefaultClient has no response header timeout, so a server
// that accepts the connection and never answers would hold a call without
// WithTimeout forever. They are variables so that tests can shorten them.
var (
	dialTimeout           = 30 * time.Second
	tlsHandshakeTimeout   = 10 * time.Second
	responseHeaderTimeout = 60 * time.Second
	// bodyIdleTimeout ends a call whose response body sends nothing for
	// this long; with the default client only, as a user's client may
	// stream slowly on purpose.
	bodyIdleTimeout = 60 * time.Second
)

// defaultHTTPClient is shared by the clients NewClient builds without
// WithHTTPClient, so that they share one connection pool.
var defaultHTTPClient = sync.OnceValue(newDefaultHTTPClient)

// newDefaultHTTPClient is http.DefaultClient with timeouts and the
// redirect policy.
func newDefaultHTTPClient() *http.Client {
	var t *http.Transport
	if dt, ok := http.DefaultTransport.(*http.Transport); ok {
		t = dt.Clone() // keeps the proxy from the environment, HTTP/2, pooling
	} else {
		// A program replaced http.DefaultTransport: start from its defaults.
		t = &http.Transport{
			Proxy:                 http.ProxyFromEnvironment,
			ForceAttemptHTTP2:     true,
			MaxIdleConns:          100,
			IdleConnTimeout:       90 * time.Second,
			ExpectContinueTimeout: time.Second,
		}
	}
	t.DialContext = (&net.Dialer{Timeout: dialTimeout, KeepAlive: 30 * time.Second}).DialContext
	t.TLSHandshakeTimeout = tlsHandshakeTimeout
	t.ResponseHeaderTimeout = responseHeaderTimeout
	return withRedirectPolicy(&http.Client{Transport: t})
}

// maxRedirects is net/http's default limit, kept for a client without a
// CheckRedirect of its own.
const maxRedirects = 10

var errInsecureRedirect = errors.New("refusing redirect from https to http")

// withRedirectPolicy returns a shallow copy of hc, which is not changed,
// whose CheckRedirect applies checkRedirect and then hc's own CheckRedirect,
// or net/http's limit of 10 redirects when hc has none.
func withRedirectPolicy(hc *http.Client) *http.Client {
	cp := *hc
	next := hc.CheckRedirect
	cp.CheckRedirect = func(req *http.Request, via []*http.Request) error {
		if err := checkRedirect(req, via); err != nil {
			return err
		}
		if next != nil {
			return next(req, via)
		}
		if len(via) >= maxRedirects {
			return fmt.Errorf("stopped after %d redirects", maxRedirects)
		}
		return nil
	}
	return &cp
}

// checkRedirect refuses a redirect from https to http, which would send
// the request in clear text, and drops the credentials the client added to
// the request once the redirects leave its origin: net/http drops only
// Authorization, and keeps it for another port or a subdomain.
func checkRedirect(req *http.Request, via []*http.Request) error {
	if len(via) == 0 {
		return nil
	}
	if via[len(via)-1].URL.Scheme == "https" && req.URL.Scheme == "http" {
		return errInsecureRedirect
	}
	sent, _ := req.Context().Value(sentAuthKey{}).(*sentAuth)
	if sent == nil || !leftOrigin(req, via) {
		return nil
	}
	for _, h := range sent.headers {
		req.Header.Del(h.key)
	}
	if sent.queryKey != "" {
		req.URL.RawQuery = dropQueryKey(req.URL.RawQuery, sent.queryKey)
	}
	return nil
}

// leftOrigin reports whether req or an earlier redirect went to another
// scheme or host than the first request. net/http copies the first
// request's headers into every hop, so a chain that comes back to the
// first host has still been through another one.
func leftOrigin(req *http.Request, via []*http.Request) bool {
	first := via[0].URL
	for _, r := range via[1:] {
		if !sameOrigin(first, r.URL) {
			return true
		}
	}
	return !sameOrigin(first, req.URL)
}

// sameOrigin compares scheme, host and port; a default port equals none.
func sameOrigin(a, b *url.URL) bool {
	return strings.EqualFold(a.Scheme, b.Scheme) && strings.EqualFold(a.Hostname(), b.Hostname()) && portOf(a) == portOf(b)
}

func portOf(u *url.URL) string {
	if p := u.Port(); p != "" {
		return p
	}
	switch strings.ToLower(u.Scheme) {
	case "https":
		return "443"
	case "http":
		return "80"
	}
	return ""
}

// dropQueryKey removes every key=value pair of key from a raw query; the
// other pairs are kept as they were written.
func dropQueryKey(rawQuery, key string) string {
	pairs := strings.Split(rawQuery, "&")
	kept := pairs[:0]
	for _, p := range pairs {
		k, _, _ := strings.Cut(p, "=")
		if uk, err := url.QueryUnescape(k); strings.EqualFold(k, key) || (err == nil && strings.EqualFold(uk, key)) {
			continue
		}
		kept = append(kept, p)
	}
	return strings.Join(kept, "&")
}

// dropQueryPair removes every key=value pair of a raw query whose key is key
// and whose value is value, in any escaping; the other pairs are kept as
// they were written.
func dropQueryPair(rawQuery, key, value string) string {
	pairs := strings.Split(rawQuery, "&")
	kept := pairs[:0]
	for _, p := range pairs {
		k, v, _ := strings.Cut(p, "=")
		uk, kerr := url.QueryUnescape(k)
		uv, verr := url.QueryUnescape(v)
		if (kerr == nil && strings.EqualFold(uk, key) || strings.EqualFold(k, key)) && (verr == nil && uv == value || v == value) {
			continue
		}
		kept = append(kept, p)
	}
	return strings.Join(kept, "&")
}

// sentAuth records what the client added to one attempt's request from its
// credentials: the headers and query key that carry them, which a redirect
// away from the origin must drop, and the token a token source gave, which
// errors must not print. It travels in the request's context, where
// checkRedirect finds it.
type sentAuth struct {
	headers    []keyValue
	queryKey   string
	queryValue string
	token      string
}

type sentAuthKey struct{}

// setHeader sets a credential header of req and records it.
func (s *sentAuth) setHeader(req *http.Request, name, value string) {
	req.Header.Set(name, value)
	s.headers = append(s.headers, keyValue{key: name, value: value})
}

// withdraw removes from req the credentials the client added, where a
// request editor left them, before req goes to another origin than the one
// they are for. A value the editor set in their place is kept.
func (s *sentAuth) withdraw(req *http.Request) {
	for _, h := range s.headers {
		key := http.CanonicalHeaderKey(h.key)
		kept := req.Header[key][:0:0]
		for _, v := range req.Header[key] {
			if v != h.value {
				kept = append(kept, v)
			}
		}
		if len(kept) == 0 {
			req.Header.Del(key)
		} else {
			req.Header[key] = kept
		}
	}
	if s.queryKey != "" {
		req.URL.RawQuery = dropQueryPair(req.URL.RawQuery, s.queryKey, s.queryValue)
	}
}

// idleBody fails a read of the response body once the body has sent
// nothing for idle, by cancelling the attempt's context: without it a
// server that stalls mid-body holds a call without WithTimeout forever.
type idleBody struct {
	io.ReadCloser
	idle  time.Duration
	timer *time.Timer
	fired atomic.Bool
}

var errBodyStalled = errors.New("response body stalled")

func newIdleBody(body io.ReadCloser, idle time.Duration, cancel context.CancelFunc) *idleBody {
	b := &idleBody{ReadCloser: body, idle: idle}
	b.timer = time.AfterFunc(idle, func() {
		b.fired.Store(true)
		cancel()
	})
	return b
}

func (b *idleBody) Read(p []byte) (int, error) {
	n, err := b.ReadCloser.Read(p)
	if b.fired.Load() {
		return n, fmt.Errorf("%w: nothing received for %v", errBodyStalled, b.idle)
	}
	b.timer.Reset(b.idle)
	return n, err
}

func (b *idleBody) Close() error {
	b.timer.Stop()
	return b.ReadCloser.Close()
}
