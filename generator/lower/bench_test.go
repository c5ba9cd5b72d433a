package lower

import (
	"fmt"
	"strings"
	"testing"

	"github.com/postman2go/postman2go/parser"
)

// BenchmarkLowerSharedQuery lowers n requests that all send api-version=1.0
// and a per-request id: the constant-query check must stay linear in n.
func BenchmarkLowerSharedQuery(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		var items []string
		for i := 0; i < n; i++ {
			items = append(items, fmt.Sprintf(`{"name":"r%d","request":{"method":"GET","url":"https://api.example.test/r%d?api-version=1.0&id=%d&page=1"}}`, i, i, i))
		}
		data := []byte(`{"info":{"name":"q"},"item":[` + strings.Join(items, ",") + `]}`)
		c, _, err := parser.Parse("q.json", data)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				Package(c, Options{Package: "q"})
			}
		})
	}
}
