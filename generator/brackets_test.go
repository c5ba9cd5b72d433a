package generator_test

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/postman2go/postman2go/golden/brackets"
	"github.com/postman2go/postman2go/parser"
)

func newBracketsClient(t *testing.T) (*brackets.Client, *recorder) {
	t.Helper()
	rec := newRecorder(t, http.StatusOK, nil, `{}`)
	c, err := brackets.NewClient(brackets.WithBaseURL(rec.srv.URL))
	if err != nil {
		t.Fatal(err)
	}
	return c, rec
}

// decodedPairs turns an encoded query or urlencoded body into
// "key=value&..." with keys and values unescaped, order kept.
func decodedPairs(t *testing.T, encoded string) string {
	t.Helper()
	if encoded == "" {
		return ""
	}
	var out []string
	for _, kv := range strings.Split(encoded, "&") {
		k, v, _ := strings.Cut(kv, "=")
		uk, err1 := url.QueryUnescape(k)
		uv, err2 := url.QueryUnescape(v)
		if err1 != nil || err2 != nil {
			t.Fatalf("bad encoding in %q", encoded)
		}
		out = append(out, uk+"="+uv)
	}
	return strings.Join(out, "&")
}

func TestBracketsQueryWire(t *testing.T) {
	tests := []struct {
		name   string
		params brackets.ListChargesParams
		want   string // decoded, in wire order
	}{
		{"nothing set sends nothing", brackets.ListChargesParams{}, ""},
		{"slices, struct, list and map", brackets.ListChargesParams{
			Limit:    brackets.Ptr(int64(10)),
			Expand:   []string{"customer", "invoice.lines"},
			Amounts:  []float64{1, 2.5},
			Active:   []bool{true, false},
			Created:  &brackets.ListChargesCreated{Gte: brackets.Ptr(int64(1700000000))},
			Status:   []brackets.ListChargesStatus{brackets.ListChargesStatusRefunded, brackets.ListChargesStatusPaid},
			Metadata: map[string]string{"zeta": "z", "alpha": "a b", "mid": ""},
		}, "limit=10&expand[0]=customer&expand[1]=invoice.lines&amounts[0]=1&amounts[1]=2.5&active[0]=true&active[1]=false" +
			"&created[gte]=1700000000&status[]=refunded&status[]=paid&metadata[alpha]=a b&metadata[mid]=&metadata[zeta]=z"},
		{"a struct with only its zero pointer members sends nothing", brackets.ListChargesParams{
			Created: &brackets.ListChargesCreated{},
		}, ""},
		{"a set zero is sent", brackets.ListChargesParams{
			Created: &brackets.ListChargesCreated{Lt: brackets.Ptr(int64(0))},
		}, "created[lt]=0"},
		{"groups that do not fit stay flat fields", brackets.ListChargesParams{
			Range0: brackets.Ptr(int64(1)), Range2: brackets.Ptr(int64(5)),
			Sort0Field: "created", Sort1Field: "amount", Sort0Dir: "asc",
		}, "range[0]=1&range[2]=5&sort[0][field]=created&sort[1][field]=amount&sort[0][dir]=asc"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, rec := newBracketsClient(t)
			if _, err := c.ListCharges(context.Background(), tt.params); err != nil {
				t.Fatal(err)
			}
			if got := decodedPairs(t, rec.only(t).RawQuery); got != tt.want {
				t.Errorf("query\n got %s\nwant %s", got, tt.want)
			}
		})
	}

	// The raw form: brackets are escaped the way url.QueryEscape does.
	c, rec := newBracketsClient(t)
	if _, err := c.ListCharges(context.Background(), brackets.ListChargesParams{Expand: []string{"a"}, Status: []brackets.ListChargesStatus{"paid"}}); err != nil {
		t.Fatal(err)
	}
	if got, want := rec.only(t).RawQuery, "expand%5B0%5D=a&status%5B%5D=paid"; got != want {
		t.Errorf("raw query = %q, want %q", got, want)
	}
}

func TestBracketsQueryValidate(t *testing.T) {
	c, rec := newBracketsClient(t)
	_, err := c.ListCharges(context.Background(), brackets.ListChargesParams{
		Status: []brackets.ListChargesStatus{brackets.ListChargesStatusPaid, "lost"},
	})
	var verr *brackets.ValidationError
	if !errors.As(err, &verr) || verr.Field != "status[]" {
		t.Errorf("error = %v, want a ValidationError for status[]", err)
	}
	if len(rec.requests) != 0 {
		t.Errorf("%d requests sent after a validation error", len(rec.requests))
	}
}

// validCharge is the collection's own example of Create charge.
func validCharge() brackets.CreateChargeParams {
	return brackets.CreateChargeParams{
		Amount: 2000,
		Card: brackets.CreateChargeCard{
			Name:     "Jenny Rosen",
			ExpMonth: brackets.Ptr(int64(12)),
			ExpYear:  brackets.Ptr(int64(2030)),
			Brand:    brackets.CreateChargeBrandVisa,
			Address:  &brackets.CreateChargeCardAddress{Line1: "Main Street 1", City: "Berlin"},
		},
		Items: []brackets.CreateChargeItems{
			{Price: "price_1", Quantity: brackets.Ptr(int64(2))},
			{Price: "price_2"},
		},
		Labels:  map[string]string{"team-a": "blue", "team b": "red"},
		Expand:  []string{"customer"},
		FlagsA:  brackets.Ptr(int64(1)),
		FlagsAB: brackets.Ptr(int64(2)),
	}
}

func TestBracketsFormWire(t *testing.T) {
	tests := []struct {
		name   string
		params func() brackets.CreateChargeParams
		want   string // the exact body
	}{
		{"the collection's example sends the collection's keys", validCharge,
			// Only the labels map differs from the collection's order: map
			// keys are sent sorted ("team b" < "team-a").
			"amount=2000&card%5Bname%5D=Jenny%20Rosen&card%5Bexp_month%5D=12&card%5Bexp_year%5D=2030&card%5Bbrand%5D=visa" +
				"&card%5Baddress%5D%5Bline1%5D=Main%20Street%201&card%5Baddress%5D%5Bcity%5D=Berlin" +
				"&items%5B0%5D%5Bprice%5D=price_1&items%5B0%5D%5Bquantity%5D=2&items%5B1%5D%5Bprice%5D=price_2" +
				"&labels%5Bteam%20b%5D=red&labels%5Bteam-a%5D=blue&expand%5B%5D=customer&flags%5Ba%5D=1&flags%5Ba%5D%5Bb%5D=2"},
		{"unset members are not sent", func() brackets.CreateChargeParams {
			return brackets.CreateChargeParams{
				Amount: 1,
				Card:   brackets.CreateChargeCard{Name: "N", Address: &brackets.CreateChargeCardAddress{City: "Oslo"}},
				Items:  []brackets.CreateChargeItems{{Price: "p"}},
			}
		}, "amount=1&card%5Bname%5D=N&card%5Baddress%5D%5Bcity%5D=Oslo&items%5B0%5D%5Bprice%5D=p"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, rec := newBracketsClient(t)
			if _, err := c.CreateCharge(context.Background(), tt.params()); err != nil {
				t.Fatal(err)
			}
			req := rec.only(t)
			if string(req.Body) != tt.want {
				t.Errorf("body\n got %s\nwant %s", decodedPairs(t, string(req.Body)), decodedPairs(t, tt.want))
			}
			if ct := req.Header.Get("Content-Type"); ct != "application/x-www-form-urlencoded" {
				t.Errorf("Content-Type = %q", ct)
			}
		})
	}
}

func TestBracketsFormValidate(t *testing.T) {
	tests := []struct {
		name  string
		edit  func(*brackets.CreateChargeParams)
		field string
	}{
		{"required member of a struct", func(p *brackets.CreateChargeParams) { p.Card.Name = "" }, "card[name]"},
		{"enum member of a struct", func(p *brackets.CreateChargeParams) { p.Card.Brand = "diners" }, "card[brand]"},
		{"required member of the second element", func(p *brackets.CreateChargeParams) { p.Items[1].Price = "" }, "items[1][price]"},
		{"required slice", func(p *brackets.CreateChargeParams) { p.Items = nil }, "items"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, rec := newBracketsClient(t)
			p := validCharge()
			tt.edit(&p)
			_, err := c.CreateCharge(context.Background(), p)
			var verr *brackets.ValidationError
			if !errors.As(err, &verr) || verr.Field != tt.field {
				t.Errorf("error = %v, want a ValidationError for %s", err, tt.field)
			}
			if len(rec.requests) != 0 {
				t.Errorf("%d requests sent after a validation error", len(rec.requests))
			}
		})
	}
}

// TestBracketsMultipartWire sends the collection's example values and
// checks the parts against the collection's own formdata entries: the
// same names and values in the same order.
func TestBracketsMultipartWire(t *testing.T) {
	c, rec := newBracketsClient(t)
	_, err := c.UploadFile(context.Background(), brackets.UploadFileParams{
		File:         &brackets.File{Name: "evidence.pdf", Content: strings.NewReader("%PDF")},
		Purpose:      "dispute_evidence",
		FileLinkData: &brackets.UploadFileFileLinkData{Create: brackets.Ptr(true), ExpiresAt: brackets.Ptr(int64(1700000000))},
		Tags:         []string{"a", "b"},
		Attrs:        []string{"x", "y"},
		Extra:        map[string]string{"k": "v"},
		Lines:        []brackets.UploadFileLines{{Sku: "A", Qty: brackets.Ptr(int64(1))}, {Sku: "B", Qty: brackets.Ptr(int64(3))}},
		Notes0:       "first",
		Other:        "x",
		Notes1:       "second",
		DocA:         `{"x":1}`,
	})
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile("../testdata/bracket-keys/collection.json")
	if err != nil {
		t.Fatal(err)
	}
	coll, _, err := parser.Parse("collection.json", data)
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, ri := range coll.Requests() {
		if ri.Name != "Upload file" {
			continue
		}
		for _, p := range ri.Request.Body.FormData {
			if p.Type != "file" {
				want = append(want, p.Key+"="+p.Value)
			}
		}
	}
	var got []string
	for _, p := range multipartParts(t, rec.only(t)) {
		if p.FileName == "" {
			got = append(got, p.Name+"="+p.Value)
		}
	}
	if len(want) == 0 || !reflect.DeepEqual(got, want) {
		t.Errorf("parts\n got %q\nwant %q", got, want)
	}

	// Unset members and empty groups send no part.
	c, rec = newBracketsClient(t)
	_, err = c.UploadFile(context.Background(), brackets.UploadFileParams{
		FileLinkData: &brackets.UploadFileFileLinkData{Create: brackets.Ptr(false)},
		Lines:        []brackets.UploadFileLines{{Qty: brackets.Ptr(int64(0))}},
		Extra:        map[string]string{"b": "2", "a": "1"},
	})
	if err != nil {
		t.Fatal(err)
	}
	wantParts := []part{
		{Name: "file_link_data[create]", Value: "false"},
		{Name: "extra[a]", Value: "1"},
		{Name: "extra[b]", Value: "2"},
		{Name: "lines[0][qty]", Value: "0"},
	}
	if got := multipartParts(t, rec.only(t)); !reflect.DeepEqual(got, wantParts) {
		t.Errorf("parts =\n%+v\nwant\n%+v", got, wantParts)
	}
}
