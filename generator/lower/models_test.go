package lower

import (
	"encoding/json"
	"fmt"
	"os"
	"testing"

	"github.com/postman2go/postman2go/generator/ir"
)

// jsonBodyCollection is a collection of POST requests with the given names
// and raw JSON bodies.
func jsonBodyCollection(t *testing.T, bodies ...[2]string) []byte {
	t.Helper()
	var items []any
	for _, b := range bodies {
		items = append(items, map[string]any{"name": b[0], "request": map[string]any{
			"method": "POST", "url": "https://api.example.test/x",
			"header": []any{map[string]any{"key": "Content-Type", "value": "application/json"}},
			"body":   map[string]any{"mode": "raw", "raw": b[1]},
		}})
	}
	data, err := json.Marshal(map[string]any{
		"info": map[string]any{"name": "t", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
		"item": items,
	})
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func structsByName(pkg *ir.Package) map[string]*ir.Struct {
	m := map[string]*ir.Struct{}
	for _, st := range pkg.Structs {
		m[st.Name] = st
	}
	return m
}

func TestSharedModels(t *testing.T) {
	data := jsonBodyCollection(t,
		[2]string{"Create order", `{"amount": {"currency_code": "USD", "value": "1.00"}, "items": [{"sku": "a"}]}`},
		[2]string{"Update order", `{"amount": {"currency_code": "EUR", "value": "2.00"}, "payee": {"id": "p"}}`},
		[2]string{"Refund", `{"items": [{"sku": "b"}], "payee": {"id": "q", "email": "e"}}`},
	)
	pkg, _ := Package(parseOrFail(t, data), Options{Package: "p"})
	structs := structsByName(pkg)

	// One shape under "amount" everywhere: one type, Amount, and the
	// operations' own names as aliases of it.
	amount := structs["Amount"]
	if amount == nil || amount.SameAs != nil {
		t.Fatalf("no type Amount declared; structs: %v", names(pkg.Structs))
	}
	for _, own := range []string{"CreateOrderAmount", "UpdateOrderAmount"} {
		if st := structs[own]; st == nil || st.SameAs != amount {
			t.Errorf("%s is not an alias of Amount: %+v", own, st)
		}
	}
	// An array's elements are named after the singular of its key.
	if item := structs["Item"]; item == nil || structs["RefundItem"].SameAs != item {
		t.Errorf("items[] is not one type Item: %v", names(pkg.Structs))
	}
	// Two shapes under "payee": no type named after the key, each keeps
	// its operation's name.
	if structs["Payee"] != nil {
		t.Errorf("Payee declared, though payee has two shapes")
	}
	for _, own := range []string{"UpdateOrderPayee", "RefundPayee"} {
		if st := structs[own]; st == nil || st.SameAs != nil {
			t.Errorf("%s should be its own type: %+v", own, st)
		}
	}
}

// TestSharedModelCount: on PayPal's collection every alias is of a type of
// its shape, and the figures of the closing note hold.
func TestSharedModelCount(t *testing.T) {
	data, err := os.ReadFile("../../../shared/corpus/paypal-public-apis.postman_collection.json")
	if err != nil {
		t.Fatal(err)
	}
	pkg, _ := Package(parseOrFail(t, data), Options{Package: "paypal"})
	declared, aliases, longest := 0, 0, ""
	for _, st := range pkg.Structs {
		if len(st.Name) > len(longest) {
			longest = st.Name
		}
		if st.SameAs != nil {
			aliases++
			if !sameFields(st, st.SameAs) {
				t.Errorf("%s is an alias of %s, of another shape", st.Name, st.SameAs.Name)
			}
			continue
		}
		declared++
	}
	t.Logf("PayPal: %d JSON struct types declared, %d per-operation aliases; longest name %d characters (%s)", declared, aliases, len(longest), longest)
	if declared > 600 || len(longest) > 90 {
		t.Errorf("PayPal: %d struct types (want at most 600, 1,562 before sharing), longest name %d (want at most 90, 119 before)", declared, len(longest))
	}
}

func names(sts []*ir.Struct) []string {
	var out []string
	for _, st := range sts {
		out = append(out, st.Name)
	}
	return out
}

func sameFields(a, b *ir.Struct) bool { return structShape(a) == structShape(b) }

// structShape spells a struct's shape with nested structs by their type.
func structShape(st *ir.Struct) string {
	var s string
	for _, f := range st.Fields {
		s += fmt.Sprintf("%s %s %v %v %s;", f.Name, f.Key, f.Optional, f.OmitZero, typeShape(f.Type))
	}
	return s
}

func typeShape(t *ir.JSONType) string {
	s := fmt.Sprintf("%d %v %p", t.Kind, t.Pointer, t.EnumOf)
	if t.Struct != nil {
		s += " " + t.Struct.TypeName()
	}
	if t.Elem != nil {
		s += " [" + typeShape(t.Elem) + "]"
	}
	return s
}
