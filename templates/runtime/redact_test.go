package runtime

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"
)

func TestSecretName(t *testing.T) {
	for name, want := range map[string]bool{
		"access_token": true, "X-Api-Key": true, "clientSecret": true, "sig": true, "signature": true,
		"password": true, "apiKey": true, "api_key": true, "APIKEY": true, "x-api-key": true, "XAPIKEY": true,
		"access_key": true, "AWSAccessKeyId": true, "key": true, "token": true, "refreshToken": true,
		"id_token": true, "accesstoken": true, "X-Amz-Signature": true, "oauth_signature": true,
		"client_credentials": true, "Authorization": true, "auth": true, "Cookie": true, "session": true,
		"session_id": true, "sessionId": true, "passwd": true, "pwd": true,
		"db.password": true, "privatekey": true, "secretKey": true, "X-Auth-Token": true, "jwt": true,
		"monkey": false, "keyword": false, "sigma": false, "author": false, "authority": false,
		"keys": false, "turkey": false, "tokenizer": false, "compass": false, "bypass": false,
		"q": false, "page": false, "id": false, "user": false, "username": false, "": false,
		"Content-Type": false, "design": false, "oauth_nonce": false, "sortKey": true,
	} {
		if got := secretName(name); got != want {
			t.Errorf("secretName(%q) = %v, want %v (words %q)", name, got, want, nameWords(name))
		}
	}
}

func TestNameWords(t *testing.T) {
	for name, want := range map[string]string{
		"clientSecret":   "client secret",
		"APIKey":         "api key",
		"X-Api-Key":      "x api key",
		"AWSAccessKeyId": "aws access key id",
		"oauth2Token":    "oauth 2 token",
		"ACCESS_TOKEN":   "access token",
		"a..b":           "a b",
	} {
		if got := strings.Join(nameWords(name), " "); got != want {
			t.Errorf("nameWords(%q) = %q, want %q", name, got, want)
		}
	}
}

func TestRedactText(t *testing.T) {
	forms := secretForms([]string{"abcd", "cde", "", "RED"})
	if got, want := redactText("xabcdey RED z", forms), "xREDACTEDy REDACTED z"; got != want {
		t.Errorf("redactText = %q, want %q", got, want)
	}
	if got := redactText("nothing here", forms); got != "nothing here" {
		t.Errorf("redactText changed a clean text: %q", got)
	}
}

func TestRequestNotesSecretParams(t *testing.T) {
	r := newRequest("Op", "GET", authNone, nil)
	r.addQuery("access_token", "qs")
	r.addQuery("page", "2")
	r.addQueryFlag("token")
	r.addPathParam("apiKey", "ps")
	r.addPathParam("id", "7")
	r.addHeader("X-Session-Token", "hs")
	r.addHeader("Accept", "text/plain")
	if got := strings.Join(r.secrets, ","); got != "qs,ps,hs" {
		t.Errorf("secrets = %q, want qs,ps,hs", got)
	}
}

// Secrets with characters that URLs escape, so that each escaped form is
// checked.
const (
	querySecret = "q s/e+c?r&t=1"
	pathSecret  = "p s/e+c?r&t=2"
	bearer      = "b s/e+c?r&t=3"
	sourced     = "s s/e+c?r&t=4"
)

func secretForm(s string) []string {
	return []string{s, url.QueryEscape(s), queryEscape(s), url.PathEscape(s)}
}

// assertNoSecret fails when err's text shows a secret in any form.
func assertNoSecret(t *testing.T, err error, secrets ...string) {
	t.Helper()
	if err == nil {
		t.Fatal("the call succeeded")
	}
	for _, s := range secrets {
		for _, f := range secretForm(s) {
			if strings.Contains(err.Error(), f) {
				t.Errorf("error shows %q: %v", f, err)
			}
		}
	}
	var ue *url.Error
	if !errors.As(err, &ue) || !strings.Contains(ue.URL, "REDACTED") {
		t.Errorf("error %v: want a *url.Error with a redacted URL", err)
	}
}

func secretRequest(extra ...string) *request {
	r := newRequest("Op", http.MethodGet, authBearer, nil)
	r.addPath("/keys/")
	r.addPathParam("apiKey", pathSecret)
	r.addQuery("access_token", querySecret)
	for _, v := range extra {
		r.addQuery("q", v) // a name that is not secret: the value is a credential
	}
	return r
}

func TestConnectionErrorHidesSecrets(t *testing.T) {
	// Every connection is reset: net/http puts the URL in its error. (A
	// closed server's port can be taken by another test's server.)
	dropping := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { resetConnection(t, w) }))
	defer dropping.Close()
	c, _ := testClient(t, dropping.URL, WithBearerToken(bearer), WithRetry(RetryPolicy{MaxAttempts: 1}))
	_, _, err := c.send(t.Context(), secretRequest(bearer), nil)
	assertNoSecret(t, err, querySecret, pathSecret, bearer)
	if !strings.HasPrefix(err.Error(), `Op: Get "http://127.0.0.1:`) {
		t.Errorf("error %q lost the rest of the URL", err)
	}

	c, _ = testClient(t, dropping.URL, WithTokenSource(func(context.Context) (string, error) { return sourced, nil }), WithRetry(RetryPolicy{MaxAttempts: 1}))
	_, _, err = c.send(t.Context(), secretRequest(sourced), nil)
	assertNoSecret(t, err, querySecret, pathSecret, sourced)

	c, _ = testClient(t, dropping.URL, WithAPIKey(bearer), WithBasicAuth("ann", sourced), WithRetry(RetryPolicy{MaxAttempts: 1}))
	_, _, err = c.send(t.Context(), secretRequest(bearer, sourced, basicToken("ann", sourced)), nil)
	assertNoSecret(t, err, bearer, sourced, basicToken("ann", sourced))
}

func TestTimeoutErrorHidesSecretsAndUnwraps(t *testing.T) {
	srv := stalling(t, "")
	c, _ := testClient(t, srv.URL, WithBearerToken(bearer), WithRetry(RetryPolicy{MaxAttempts: 1}))
	_, _, err := c.send(t.Context(), secretRequest(), []RequestOption{WithTimeout(20 * time.Millisecond)})
	assertNoSecret(t, err, querySecret, pathSecret)
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("error %v does not unwrap to context.DeadlineExceeded", err)
	}
	var ue *url.Error
	if errors.As(err, &ue) && !ue.Timeout() {
		t.Errorf("the *url.Error is not a timeout: %v", ue)
	}
}

// TestRedactWrapsOtherErrors: an error other than a *url.Error is wrapped
// only when it shows a secret, and still unwraps.
func TestRedactWrapsOtherErrors(t *testing.T) {
	inner := errors.New("editor saw tok-9")
	err := redact(inner, []string{"tok-9"})
	if err.Error() != "editor saw REDACTED" || !errors.Is(err, inner) {
		t.Errorf("redact = %v (is inner: %v)", err, errors.Is(err, inner))
	}
	if clean := errors.New("fine"); redact(clean, []string{"tok-9"}) != clean {
		t.Error("a clean error was wrapped")
	}
	timeout := &url.Error{Op: "Get", URL: "http://h/?k=tok-9", Err: &redactedError{err: context.DeadlineExceeded, text: "x"}}
	if !redact(timeout, []string{"tok-9"}).(*url.Error).Timeout() {
		t.Error("a redacted timeout is no longer a timeout")
	}
}
