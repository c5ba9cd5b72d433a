package runtime

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"iter"
	"net/http"
	"net/url"
	"strconv"
	"strings"
)

// Paging. A list operation that pages gets two iterators: <Method>Pages
// over its responses and <Method>All over the items of every page. Both
// send the first request with the params as given, then the next page's
// request with the params the operation's rule derives from the last
// response, and stop at the first error (yielded), when a page says there
// is no next one, or when the caller stops ranging. Each request is a call
// of the operation itself: validation, auth, retries and limits apply.

// ErrPageRepeated is yielded when a server answers with the page token it
// was sent: following it would ask for the same page forever.
var ErrPageRepeated = errors.New("the server sent the page token it was sent as the next page")

// paginate yields the pages fetch returns for the params start makes and
// for every params next derives from the last page, until next reports no
// further page. start makes a new pointer to the state the first page is
// asked with (a copy of the params, or an empty link) on every range, so
// that ranging again starts over; next advances it in place. The type
// arguments are pointers on purpose: pointers share one GC shape, so every
// operation's iterator uses one compiled paginate instead of one per params
// type, which is what a package with many paging operations pays for in
// build time; inlined, it would be copied into each of them again.
//
//go:noinline
func paginate[P, R any](ctx context.Context, start func() P, fetch func(context.Context, P) (R, error), next func(P, R) (bool, error)) iter.Seq2[R, error] {
	return func(yield func(R, error) bool) {
		params := start()
		for {
			page, err := fetch(ctx, params)
			if err != nil {
				yield(page, err)
				return
			}
			if !yield(page, nil) {
				return
			}
			more, err := next(params, page)
			if err != nil {
				var zero R
				yield(zero, err)
				return
			}
			if !more {
				return
			}
		}
	}
}

// pageItems yields the items of every page, in order. It calls the pages
// iterator itself rather than ranging over it: it is instantiated once per
// item type, and a range over a function is many times the code.
// Out of line: see paginate.
//
//go:noinline
func pageItems[R, T any](pages iter.Seq2[R, error], items func(R) []T) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		pages(func(page R, err error) bool {
			if err != nil {
				var zero T
				yield(zero, err)
				return false
			}
			for _, it := range items(page) {
				if !yield(it, nil) {
					return false
				}
			}
			return true
		})
	}
}

// nextToken is the token rule: the page's token, if there is one, asks
// for the next page; the one that was sent again is an error.
func nextToken(sent, next string) (string, bool, error) {
	switch {
	case next == "":
		return sent, false, nil
	case next == sent:
		return sent, false, ErrPageRepeated
	}
	return next, true, nil
}

// bodyValue is the JSON value at the path of object keys in body, or nil
// when a key is missing or body is not JSON objects down to it.
func bodyValue(body []byte, path ...string) json.RawMessage {
	raw := json.RawMessage(body)
	for _, key := range path {
		var obj map[string]json.RawMessage
		if json.Unmarshal(raw, &obj) != nil {
			return nil
		}
		raw = obj[key]
		if raw == nil {
			return nil
		}
	}
	return raw
}

// bodyText is the string at path in a JSON body (a number as its text), ""
// when there is none or it is null.
func bodyText(body []byte, path ...string) string {
	raw := bytes.TrimSpace(bodyValue(body, path...))
	var s string
	switch {
	case len(raw) == 0:
	case raw[0] == '"':
		json.Unmarshal(raw, &s)
	case raw[0] == '-' || raw[0] >= '0' && raw[0] <= '9':
		s = string(raw)
	}
	return s
}

// bodyInt is the integer at path in a JSON body, and whether there is one.
func bodyInt(body []byte, path ...string) (int64, bool) {
	n, err := strconv.ParseInt(bodyText(body, path...), 10, 64)
	return n, err == nil
}

// bodyBool is the boolean at path in a JSON body; false when absent.
func bodyBool(body []byte, path ...string) bool {
	var b bool
	json.Unmarshal(bodyValue(body, path...), &b)
	return b
}

// nextPage is the page number rule: the page after page (pages count from
// first), unless the page had no items or the body's page count, at
// countPath when the examples show one, says it was the last.
func nextPage(page, first int64, items int, body []byte, countPath ...string) (int64, bool) {
	if items == 0 {
		return page, false
	}
	if len(countPath) > 0 {
		if n, ok := bodyInt(body, countPath...); ok && page-first+1 >= n {
			return page, false
		}
	}
	return page + 1, true
}

// pageText reads a page number sent as text; "" is the first page.
func pageText(text string, first int64) (int64, error) {
	if text == "" {
		return first, nil
	}
	n, err := strconv.ParseInt(text, 10, 64)
	if err != nil {
		return 0, fmt.Errorf("paging: page %q is not a number", text)
	}
	return n, nil
}

// nextOffset is the offset rule: on past the page's items, unless it had
// none.
func nextOffset(offset int64, items int) (int64, bool) {
	return offset + int64(items), items > 0
}

// ErrPageElsewhere is the error of a next-page link to another scheme,
// host or port than the client's base URL: the client's credentials never
// go there.
var ErrPageElsewhere = errors.New("the next page link is on another host")

// atPage sends the call to next, a next-page link (absolute, or a path
// under the base URL's host), instead of the operation's own path and
// query; "" leaves the call as it is.
func atPage(next string) RequestOption {
	return func(cc *callConfig) { cc.page = next }
}

// pageURL is the URL of a next-page link against the base URL: only on
// its scheme, host and port.
func pageURL(base *url.URL, next string) (*url.URL, error) {
	u, err := base.Parse(next)
	if err != nil {
		return nil, fmt.Errorf("paging: next page link: %w", err)
	}
	if u.Scheme != base.Scheme || u.Host != base.Host || u.User != nil {
		return nil, fmt.Errorf("%w (%s://%s)", ErrPageElsewhere, u.Scheme, u.Host)
	}
	u.Fragment, u.RawFragment = "", ""
	return u, nil
}

// linkNext is the rel="next" target of a Link header (RFC 8288), "" when
// there is none.
func linkNext(h http.Header) string {
	for _, v := range h.Values("Link") {
		for _, link := range strings.Split(v, ",") {
			target, params, ok := strings.Cut(link, ";")
			target = strings.TrimSpace(target)
			if !ok || !strings.HasPrefix(target, "<") || !strings.HasSuffix(target, ">") {
				continue
			}
			for _, p := range strings.Split(params, ";") {
				k, v, _ := strings.Cut(strings.TrimSpace(p), "=")
				if strings.EqualFold(k, "rel") && strings.Contains(" "+strings.ToLower(strings.Trim(v, `"`))+" ", " next ") {
					return target[1 : len(target)-1]
				}
			}
		}
	}
	return ""
}
