package runtime

import (
	"context"
	"errors"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// RetryPolicy says when a call is sent again. A call that may act twice
// when sent twice is retried only when the server cannot have acted on it:
//
//   - An idempotent call, whose method is GET, HEAD, OPTIONS, TRACE, PUT or
//     DELETE, or which carries an Idempotency-Key or X-Idempotency-Key
//     header (as net/http counts it), or any call when RetryNonIdempotent
//     is set, is retried on 408 Request Timeout, 429 Too Many Requests, 500
//     Internal Server Error, 502 Bad Gateway, 503 Service Unavailable and
//     504 Gateway Timeout, and when the connection is reset or closed
//     before the response, or cannot be made (refused, unreachable).
//   - Any other call (POST, PATCH, ...) is retried only on a 429 or 503
//     that carries a Retry-After header, the server's word that it did not
//     act and when to come back, and when the connection cannot be made, so
//     that nothing was sent.
//
// Neither is retried when the context ends or a timeout of the HTTP client
// fires, nor when its body cannot be sent again: a body streamed from an
// io.Reader (a file body, a multipart file part, a Do body) is sent once
// unless the reader is an io.Seeker (an *os.File, a *bytes.Reader), which is
// sought back to where it stood before the first attempt.
//
// The wait before a retry is the response's Retry-After (seconds or an HTTP
// date) when it has one, else MinDelay doubled on each retry, with jitter,
// at most MaxDelay. A Retry-After longer than MaxDelay, or one that would
// outlast the context's deadline, ends the call with the response's error;
// so does a Retry-After that is neither an HTTP date nor a number of
// seconds written in digits ("soon", "-1", "1.5", a value beyond 2^31
// seconds): the server asked for a wait the client cannot know. The
// context's end stops the waiting.
//
// Zero fields take the defaults: MaxAttempts 3, MinDelay 500ms, MaxDelay 30s.
type RetryPolicy struct {
	// MaxAttempts is the number of attempts, the first included; 1 turns
	// retries off.
	MaxAttempts int
	MinDelay    time.Duration
	MaxDelay    time.Duration
	// RetryNonIdempotent retries POST, PATCH and other methods that may act
	// twice when sent twice as idempotent calls are. Set it only when the
	// API deduplicates them; a call with an Idempotency-Key header is
	// retried so without it.
	RetryNonIdempotent bool
}

// Default retry policy.
const (
	defaultMaxAttempts = 3
	defaultMinDelay    = 500 * time.Millisecond
	defaultMaxDelay    = 30 * time.Second
)

// WithRetry sets the retry policy of every call; WithCallRetry overrides it
// for one call. WithRetry(RetryPolicy{MaxAttempts: 1}) turns retries off.
func WithRetry(p RetryPolicy) Option {
	return func(c *Client) error {
		if p.MaxAttempts < 0 || p.MinDelay < 0 || p.MaxDelay < 0 {
			return errors.New("WithRetry: negative MaxAttempts, MinDelay or MaxDelay")
		}
		c.retry = p
		return nil
	}
}

func (p RetryPolicy) withDefaults() RetryPolicy {
	if p.MaxAttempts <= 0 {
		p.MaxAttempts = defaultMaxAttempts
	}
	if p.MinDelay <= 0 {
		p.MinDelay = defaultMinDelay
	}
	if p.MaxDelay <= 0 {
		p.MaxDelay = defaultMaxDelay
	}
	if p.MaxDelay < p.MinDelay {
		p.MaxDelay = p.MinDelay
	}
	return p
}

func idempotent(method string) bool {
	switch method {
	case http.MethodGet, http.MethodHead, http.MethodOptions, http.MethodTrace, http.MethodPut, http.MethodDelete:
		return true
	}
	return false
}

// idempotencyKeys are the headers that make a call idempotent, as
// net/http's own retry counts them: the server deduplicates by them.
var idempotencyKeys = []string{"Idempotency-Key", "X-Idempotency-Key"}

// hasIdempotencyKey reports whether the call sends an idempotency key,
// from the collection or from WithHeader.
func hasIdempotencyKey(r *request, cc *callConfig) bool {
	for _, name := range idempotencyKeys {
		if cc.header.Get(name) != "" {
			return true
		}
		for _, kv := range r.header {
			if strings.EqualFold(kv.key, name) && kv.value != "" {
				return true
			}
		}
	}
	return false
}

// retryable reports whether an attempt's outcome is worth another attempt
// of a call that is idempotent or not (see RetryPolicy).
func retryable(resp *http.Response, err error, idempotent bool) bool {
	if resp != nil {
		switch resp.StatusCode {
		case http.StatusTooManyRequests, http.StatusServiceUnavailable:
			_, hasRetryAfter := resp.Header["Retry-After"]
			return idempotent || hasRetryAfter
		case http.StatusRequestTimeout, http.StatusInternalServerError, http.StatusBadGateway, http.StatusGatewayTimeout:
			return idempotent
		}
		return false
	}
	if err == nil || errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return false
	}
	if notConnected(err) {
		return true
	}
	var timeout interface{ Timeout() bool }
	if errors.As(err, &timeout) && timeout.Timeout() {
		return false // a timeout of the HTTP client: the server may be acting
	}
	return idempotent && (errors.Is(err, syscall.ECONNRESET) || errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF))
}

// notConnected reports whether err is a failure to make the connection,
// before anything of the request was sent: refused, unreachable, a DNS
// lookup that may pass next time. A name that does not exist and a dial
// that timed out are not retried.
func notConnected(err error) bool {
	var op *net.OpError
	if !errors.As(err, &op) || op.Op != "dial" || op.Timeout() {
		return false
	}
	var dns *net.DNSError
	return !errors.As(err, &dns) || !dns.IsNotFound
}

// backoff returns the wait before attempt+1, and false when the server asks
// for a longer wait than the policy allows or for one it cannot read.
func (c *Client) backoff(p RetryPolicy, attempt int, resp *http.Response) (time.Duration, bool) {
	if resp != nil {
		if _, present := resp.Header["Retry-After"]; present {
			d, ok := retryAfter(resp.Header.Get("Retry-After"), c.now())
			return d, ok && d <= p.MaxDelay
		}
	}
	d := p.MinDelay
	for i := 1; i < attempt && d < p.MaxDelay; i++ {
		d *= 2
	}
	return min(c.jitter(min(d, p.MaxDelay)), p.MaxDelay), true
}

// maxRetryAfterSeconds is the largest delay-seconds retryAfter reads; more
// is not a wait a server means (68 years).
const maxRetryAfterSeconds = 1 << 31

// retryAfter reads a Retry-After value: delay-seconds, digits only, at most
// maxRetryAfterSeconds, or an HTTP date. It is false for anything else.
func retryAfter(v string, now time.Time) (time.Duration, bool) {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0, false
	}
	if strings.Trim(v, "0123456789") == "" {
		secs, err := strconv.ParseUint(v, 10, 64)
		if err != nil || secs > maxRetryAfterSeconds {
			return 0, false
		}
		return time.Duration(secs) * time.Second, true
	}
	t, err := http.ParseTime(v)
	if err != nil {
		return 0, false
	}
	return max(t.Sub(now), 0), true
}

// halfJitter returns a random duration in [d/2, d].
func halfJitter(d time.Duration) time.Duration {
	if d <= 1 {
		return d
	}
	return d/2 + rand.N(d/2+1)
}

// sleepContext waits d or until ctx ends.
func sleepContext(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}
