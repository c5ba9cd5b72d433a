package runtime

import "strings"

// atBase returns a copy of c that sends to base: an operation whose URL in
// the collection names another host than DefaultBaseURL keeps its own host.
// A base without a scheme gets http://, as in Postman. Everything else
// (auth, HTTP client, request editors) carries over; WithBaseURL does not
// apply to such operations, so tests and proxies redirect them with
// WithRequestEditor or WithHTTPClient.
func (c *Client) atBase(base string) (*Client, error) {
	if !strings.Contains(base, "://") {
		base = "http://" + base
	}
	at := *c
	if err := WithBaseURL(base)(&at); err != nil {
		return nil, err
	}
	return &at, nil
}
