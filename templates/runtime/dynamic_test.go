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
