package lower

import (
	"encoding/json"
	"reflect"
	"strconv"
	"testing"
)

// TestTagSafeKeysIsEncodingJSONsRule: a key tagSafeKeys accepts is the key
// encoding/json sends for a field tagged with it, and a key it refuses is
// one encoding/json would ignore (sending the Go name instead).
func TestTagSafeKeysIsEncodingJSONsRule(t *testing.T) {
	keys := []string{
		"id", "user_id", "a-b", "a.b", "@type", "$ref", "ключ", "名前", "x1", "a b", "[0]",
		"price€", "😀", "a\u00a0b", "a\u2028b", "a,b", "a\"b", `a\b`, "a'b", "a`b", "-", "", "\ufffd", "a\tb",
	}
	for _, k := range keys {
		typ := reflect.StructOf([]reflect.StructField{{Name: "F", Type: reflect.TypeOf(0), Tag: reflect.StructTag(`json:` + strconv.Quote(k))}})
		data, err := json.Marshal(reflect.New(typ).Elem().Interface())
		if err != nil {
			t.Fatal(err)
		}
		want, _ := json.Marshal(map[string]int{k: 0})
		honoured := string(data) == string(want)
		if got := tagSafeKeys([]string{k}); got != honoured {
			t.Errorf("tagSafeKeys(%q) = %v, but encoding/json sends %s for that tag", k, got, data)
		}
	}
}

func TestSingular(t *testing.T) {
	for in, want := range map[string]string{
		"Users": "User", "Categories": "Category", "UserQos": "UserQosItem", "Status": "StatusItem",
		"Analysis": "AnalysisItem", "Address": "AddressItem", "Data": "DataItem", "Pets": "Pet",
		"Addresses": "Address", "Boxes": "Box", "Matches": "Match", "Statuses": "Status", "Wishes": "Wish",
		"Taxes": "Tax", "Phones": "Phone", "Ids": "IdsItem", "Bus": "BusItem", "Series": "SeriesItem",
		"Movies": "Movie", "TopMovies": "TopMovie", "Children": "Child", "Aliases": "Alias", "LineItems": "LineItem",
	} {
		if got := singular(in); got != want {
			t.Errorf("singular(%q) = %q, want %q", in, got, want)
		}
	}
}
