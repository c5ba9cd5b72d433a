package runtime

import (
	"net/url"
	"strconv"
	"strings"
)

// atBase returns a copy of c that sends to base: an operation whose URL in
// the collection names another host than DefaultBaseURL keeps its own host.
// A base without a scheme gets https://: the generator warns about a
// collection URL without one, and the credentials the client sends must not
// go in clear text by default. Everything else (auth, HTTP client, request
// editors) carries over; WithBaseURL does not apply to such operations, so
// tests and proxies redirect them with WithRequestEditor or WithHTTPClient.
//
// r's first error comes first: a host variable that failed its check is
// reported as that ValidationError, not as the broken URL it made.
func (c *Client) atBase(r *request, base string) (*Client, error) {
	if r.err != nil {
		return nil, r.err
	}
	if !strings.Contains(base, "://") {
		base = "https://" + base
	}
	at := *c
	if err := WithBaseURL(base)(&at); err != nil {
		return nil, err
	}
	return &at, nil
}

// The host variables of an operation's URL are filled from params into the
// base URL, so a value that is more than a host name could send the request,
// credentials included, elsewhere: "attacker.example/#" turns
// "https://{{region}}.api.example.com" into a URL for attacker.example.
// hostParam, portParam and baseParam return the value and record a
// *ValidationError in r.err, reported by build before anything is sent,
// when it is not what its place in the URL allows. The value is not quoted
// in the error.

// hostParam checks a value that is part of a host name: DNS labels of
// letters, digits, '-' and '_', separated by single dots.
func (r *request) hostParam(name, value string) string {
	if !validHostLabels(value) {
		r.paramError(name, "not a host name: want labels of letters, digits, '-' and '_' separated by '.'")
	}
	return value
}

// validHostLabels reports whether s is one or more non-empty DNS labels of
// at most 63 letters, digits, '-' or '_', joined by dots, 253 bytes at most.
func validHostLabels(s string) bool {
	if s == "" || len(s) > 253 {
		return false
	}
	for _, label := range strings.Split(s, ".") {
		if label == "" || len(label) > 63 {
			return false
		}
		for i := 0; i < len(label); i++ {
			c := label[i]
			if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-' || c == '_') {
				return false
			}
		}
	}
	return true
}

// portParam checks a port: 1 to 5 ASCII digits, 1 to 65535.
func (r *request) portParam(name, value string) string {
	n, err := strconv.Atoi(value)
	if len(value) == 0 || len(value) > 5 || strings.Trim(value, "0123456789") != "" || err != nil || n < 1 || n > 65535 {
		r.paramError(name, "not a port: want a number from 1 to 65535")
	}
	return value
}

// baseParam checks a value that is the whole base URL: host[:port][/path],
// or an absolute http or https URL with a host, and no user info, query or
// fragment.
func (r *request) baseParam(name, value string) string {
	full := value
	if !strings.Contains(value, "://") {
		full = "https://" + value // as atBase reads it: host[:port][/path]
	}
	u, err := url.Parse(full)
	switch {
	case err != nil || u.Host == "" || u.Opaque != "":
		r.paramError(name, "not an absolute URL with a scheme and a host")
	case u.Scheme != "http" && u.Scheme != "https":
		r.paramError(name, "not an http or https URL")
	case u.User != nil:
		r.paramError(name, "base URL with user info")
	case strings.ContainsAny(value, "?#"):
		r.paramError(name, "base URL with a query or fragment")
	}
	return value
}

// paramError records a *ValidationError for field unless r already has an error.
func (r *request) paramError(field, reason string) {
	if r.err == nil {
		r.err = &ValidationError{Field: field, Reason: reason}
	}
}
