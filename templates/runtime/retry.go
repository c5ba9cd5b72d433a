package runtime

import (
	"context"
	"errors"
	"io"
	"math/rand/v2"
	"net/http"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// RetryPolicy says when a call is sent again. A call is retried when the
// server answers 429 Too Many Requests or 503 Service Unavailable, or when
// the connection is reset, and only when
//
//   - its method is idempotent (GET, HEAD, OPTIONS, TRACE, PUT, DELETE) or
//     RetryNonIdempotent is set, and
//   - its body can be sent again: a body streamed from an io.Reader (a file
//     body, a multipart file part) is sent once unless the reader is an
//     io.Seeker (an *os.File, a *bytes.Reader), which is sought back to
//     where it stood before the first attempt.
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
	// RetryNonIdempotent also retries POST, PATCH and other methods that
	// may act twice when sent twice. Set it only when the API deduplicates
	// them (for example with an idempotency key header).
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

// retryable reports whether an attempt's outcome is worth another attempt:
// 429, 503, or a connection reset or closed before the response.
func retryable(resp *http.Response, err error) bool {
	if resp != nil {
		return resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode == http.StatusServiceUnavailable
	}
	if err == nil || errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return false
	}
	return errors.Is(err, syscall.ECONNRESET) || errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF)
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
