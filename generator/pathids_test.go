package generator_test

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"

	"github.com/postman2go/postman2go/generator"
	"github.com/postman2go/postman2go/golden/pathids"
	"github.com/postman2go/postman2go/parser"
)

// TestPathIDsOnTheWire: an id the collection wrote into the path is a
// required path parameter; another id goes to another resource, and the
// literal segments around it stay.
func TestPathIDsOnTheWire(t *testing.T) {
	var paths []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		paths = append(paths, r.Method+" "+r.URL.EscapedPath())
	}))
	defer srv.Close()
	c, err := pathids.NewClient(pathids.WithBaseURL(srv.URL))
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	must := func(_ any, err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(c.GetFileMetadata(ctx, pathids.GetFileMetadataParams{FileID: "42"}))
	must(c.GetFileVersion(ctx, pathids.GetFileVersionParams{FileID: "7", VersionID: "3"}))
	must(c.GetPayment(ctx, pathids.GetPaymentParams{PaymentID: "tr_other"}))
	must(c.ListRefunds(ctx, pathids.ListRefundsParams{PaymentID: "p1"}))
	must(c.GetUser(ctx, pathids.GetUserParams{UserID: "u/1"}))
	must(c.DeleteOrder(ctx, pathids.DeleteOrderParams{OrderID: "o-9"}))
	must(c.GetDevice(ctx, pathids.GetDeviceParams{DeviceID: "d"}))
	must(c.MySettings(ctx, pathids.MySettingsParams{}))
	must(c.YearlyReport(ctx, pathids.YearlyReportParams{}))
	must(c.CustomerByAPIVersion(ctx, pathids.CustomerByAPIVersionParams{}))
	must(c.ListProjectTasks(ctx, pathids.ListProjectTasksParams{ProjectID: "gamma"}))
	want := []string{
		"GET /files/42/metadata",
		"GET /files/7/versions/3",
		"GET /payments/tr_other",
		"GET /payments/p1/refunds",
		"GET /users/u%2F1",
		"DELETE /orders/o-9",
		"GET /devices/d",
		"GET /v2/me/settings",
		"GET /reports/2024/summary",
		"GET /2.0/customers/latest",
		"GET /projects/gamma/tasks",
	}
	if strings.Join(paths, "\n") != strings.Join(want, "\n") {
		t.Errorf("requests:\n%s\nwant\n%s", strings.Join(paths, "\n"), strings.Join(want, "\n"))
	}
	_, err = c.GetFileMetadata(ctx, pathids.GetFileMetadataParams{})
	var ve *pathids.ValidationError
	if !errors.As(err, &ve) || ve.Field != "fileId" {
		t.Errorf("no FileID: err = %v, want a ValidationError for fileId", err)
	}
}

// TestPathIDEvidenceAndConfig: --explain names the evidence, and the config
// keeps a segment literal or renames the parameter.
func TestPathIDEvidenceAndConfig(t *testing.T) {
	data, err := os.ReadFile("../testdata/path-ids/collection.json")
	if err != nil {
		t.Fatal(err)
	}
	c, _, err := parser.Parse("collection.json", data)
	if err != nil {
		t.Fatal(err)
	}
	text, _ := generator.Explain(c, generator.Options{Package: "pathids"})
	for _, want := range []string{"12-digit path segment", "vendor-prefixed id path segment", "UUID path segment",
		`placeholder segment "*id*"`, "24-character hex path segment", `path segment "alpha" is "beta" in a saved example`} {
		if !strings.Contains(text, want) {
			t.Errorf("explain lacks %q:\n%s", want, text)
		}
	}
	cfg, err := generator.ParseConfig([]byte(`{"operations": {
		"Get file metadata": {"fields": {"fileId": {"literal": true}}},
		"Get payment": {"fields": {"paymentId": {"name": "Payment"}}}}}`))
	if err != nil {
		t.Fatal(err)
	}
	files, warns, err := generator.Generate(c, generator.Options{Package: "pathids", Config: cfg})
	if err != nil {
		t.Fatal(err)
	}
	if len(warns) != 0 {
		t.Errorf("warnings: %v", warns)
	}
	var ops, params string
	for _, f := range files {
		switch f.Name {
		case "operations_gen.go":
			ops = string(f.Content)
		case "params_gen.go":
			params = string(f.Content)
		}
	}
	if !strings.Contains(ops, `r.addPath("/files/100075658152/metadata")`) {
		t.Error(`"literal": true did not keep /files/100075658152/metadata`)
	}
	if !strings.Contains(params, "Payment string `path:\"paymentId\"`") {
		t.Error(`"name" did not rename paymentId`)
	}
}
