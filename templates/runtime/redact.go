package runtime

import (
	"net/url"
	"slices"
	"strings"
	"unicode"
)

// secretWords are the words of a parameter name that make its value a
// secret: "access_token", "X-Api-Key", "clientSecret", "sig".
var secretWords = map[string]bool{
	"token": true, "secret": true, "password": true, "passwd": true, "pwd": true, "pass": true,
	"passphrase": true, "key": true, "apikey": true, "signature": true, "sig": true,
	"auth": true, "authorization": true, "credential": true, "credentials": true,
	"session": true, "sessionid": true, "cookie": true, "jwt": true, "bearer": true, "otp": true,
}

// secretSuffixes end a word written without separators, such as
// "accesstoken" or "XAPIKEY". Short words (key, sig, auth) match only
// whole, so that "monkey", "sigma" and "author" are not secrets.
var secretSuffixes = []string{
	"token", "secret", "password", "passwd", "passphrase", "apikey", "accesskey",
	"secretkey", "privatekey", "signature", "credential", "credentials",
}

// secretName reports whether a parameter or header name looks like it
// carries a secret, whose value errors must not print.
func secretName(name string) bool {
	for _, w := range nameWords(name) {
		if secretWords[w] {
			return true
		}
		for _, s := range secretSuffixes {
			if strings.HasSuffix(w, s) {
				return true
			}
		}
	}
	return false
}

// nameWords splits a name into lower-case words at every character that is
// not a letter or digit, at camelCase boundaries ("clientSecret",
// "APIKey": "api", "key") and between letters and digits.
func nameWords(name string) []string {
	var words []string
	var cur []rune
	flush := func() {
		if len(cur) > 0 {
			words = append(words, strings.ToLower(string(cur)))
			cur = cur[:0]
		}
	}
	rs := []rune(name)
	for i, r := range rs {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			flush()
			continue
		}
		if len(cur) > 0 && wordBoundary(rs, i) {
			flush()
		}
		cur = append(cur, r)
	}
	flush()
	return words
}

// wordBoundary reports whether a word starts at rs[i], rs[i-1] being part of
// the word before.
func wordBoundary(rs []rune, i int) bool {
	prev, r := rs[i-1], rs[i]
	switch {
	case unicode.IsDigit(prev) != unicode.IsDigit(r):
		return true
	case unicode.IsLower(prev) && unicode.IsUpper(r):
		return true
	case unicode.IsUpper(prev) && unicode.IsUpper(r):
		// The last capital of an acronym starts the next word: "APIKey".
		return i+1 < len(rs) && unicode.IsLower(rs[i+1])
	}
	return false
}

// redactedText replaces what a request's errors print of a secret.
const redactedText = "REDACTED"

// secretForms returns the secrets as they may appear in a URL: raw,
// query-escaped (with "+" and with "%20" for a space) and path-escaped,
// longest first; empty ones are dropped.
func secretForms(secrets []string) []string {
	var forms []string
	for _, s := range secrets {
		if s == "" {
			continue
		}
		for _, f := range []string{s, url.QueryEscape(s), queryEscape(s), url.PathEscape(s)} {
			if !slices.Contains(forms, f) {
				forms = append(forms, f)
			}
		}
	}
	slices.SortStableFunc(forms, func(a, b string) int { return len(b) - len(a) })
	return forms
}

// redactText replaces every occurrence of a form in s with REDACTED. The
// places are found in s first, so that forms overlapping each other or
// REDACTED itself are all hidden.
func redactText(s string, forms []string) string {
	var hide []bool
	for _, f := range forms {
		for i := 0; i+len(f) <= len(s); {
			j := strings.Index(s[i:], f)
			if j < 0 {
				break
			}
			if hide == nil {
				hide = make([]bool, len(s))
			}
			for k := i + j; k < i+j+len(f); k++ {
				hide[k] = true
			}
			i += j + 1
		}
	}
	if hide == nil {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if !hide[i] {
			b.WriteByte(s[i])
			continue
		}
		b.WriteString(redactedText)
		for i+1 < len(s) && hide[i+1] {
			i++
		}
	}
	return b.String()
}

// redact hides secrets in err's text. A *url.Error, which is what
// http.Client.Do returns and prints the whole URL, is rebuilt with its URL
// redacted around the same Err, so that errors.Is and errors.As (a
// timeout, a context error) still see what they saw. Another error is
// wrapped only when its text shows a secret.
func redact(err error, secrets []string) error {
	forms := secretForms(secrets)
	if err == nil || len(forms) == 0 || redactText(err.Error(), forms) == err.Error() {
		return err
	}
	if ue, ok := err.(*url.Error); ok {
		return &url.Error{Op: ue.Op, URL: redactText(ue.URL, forms), Err: redact(ue.Err, secrets)}
	}
	return &redactedError{err: err, text: redactText(err.Error(), forms)}
}

// redactedError is err printed with its secrets hidden.
type redactedError struct {
	err  error
	text string
}

func (e *redactedError) Error() string { return e.text }

func (e *redactedError) Unwrap() error { return e.err }

// Timeout and Temporary keep url.Error's methods of the same names
// working, as they look at their Err without unwrapping.
func (e *redactedError) Timeout() bool {
	t, ok := e.err.(interface{ Timeout() bool })
	return ok && t.Timeout()
}

func (e *redactedError) Temporary() bool {
	t, ok := e.err.(interface{ Temporary() bool })
	return ok && t.Temporary()
}
