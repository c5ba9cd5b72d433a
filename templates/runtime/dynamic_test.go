package runtime

import (
	"regexp"
	"strconv"
	"testing"
	"time"
)

func TestDynamicVariables(t *testing.T) {
	uuid := regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)
	seen := map[string]bool{}
	for i := 0; i < 100; i++ {
		g := dynamicGUID()
		if !uuid.MatchString(g) || seen[g] {
			t.Fatalf("dynamicGUID() = %q (repeat: %v), want a fresh UUID v4", g, seen[g])
		}
		seen[g] = true
		n, err := strconv.Atoi(dynamicRandomInt())
		if err != nil || n < 0 || n > 1000 {
			t.Fatalf("dynamicRandomInt() = %d, %v; want 0..1000", n, err)
		}
	}
	before := time.Now().Unix()
	ts, err := strconv.ParseInt(dynamicTimestamp(), 10, 64)
	if err != nil || ts < before || ts > time.Now().Unix() {
		t.Errorf("dynamicTimestamp() = %d, %v; want the Unix time", ts, err)
	}
	iso := dynamicISOTimestamp()
	when, err := time.Parse(time.RFC3339Nano, iso)
	if err != nil || len(iso) != len("2006-01-02T15:04:05.000Z") || time.Since(when) > time.Minute {
		t.Errorf("dynamicISOTimestamp() = %q, %v", iso, err)
	}
}

func TestAtBase(t *testing.T) {
	c, err := newClient("https://api.example.com/v1", []Option{WithUserAgent("ua")})
	if err != nil {
		t.Fatal(err)
	}
	at, err := c.atBase("login.example.com:8443/oauth")
	if err != nil {
		t.Fatal(err)
	}
	if got := at.baseURL.String(); got != "http://login.example.com:8443/oauth" {
		t.Errorf("base = %q, want http:// added as Postman does", got)
	}
	if at.userAgent != "ua" || c.baseURL.String() != "https://api.example.com/v1" {
		t.Errorf("atBase changed the client or lost its options: %q %q", at.userAgent, c.baseURL)
	}
	if _, err := c.atBase("https://"); err == nil {
		t.Error("atBase with no host: no error")
	}
}
