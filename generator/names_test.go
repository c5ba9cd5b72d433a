package generator_test

import (
	"context"
	"testing"

	"github.com/postman2go/postman2go/golden/names"
)

// TestNamesWire calls methods whose Postman names are empty, duplicated,
// keywords, non-ASCII or punctuation, and checks that each reaches its own
// request.
func TestNamesWire(t *testing.T) {
	rec := newRecorder(t, 200, nil, `{}`)
	c, err := names.NewClient(names.WithBaseURL(rec.srv.URL))
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	calls := []struct {
		call func() error
		want string
	}{
		{func() error { _, err := c.GetUsersID(ctx, names.GetUsersIDParams{ID: "7"}); return err }, "GET /users/7?"},
		{func() error { _, err := c.DeleteUsersID(ctx, names.DeleteUsersIDParams{ID: "7"}); return err }, "DELETE /users/7?"},
		{func() error { _, err := c.GetRoot(ctx, names.GetRootParams{}); return err }, "GET /?"},
		{func() error { _, err := c.Type(ctx, names.TypeParams{}); return err }, "GET /type?"},
		{func() error { _, err := c.X名前(ctx, names.X名前Params{}); return err }, "GET /n?"},
		{func() error { _, err := c.PostBang(ctx, names.PostBangParams{}); return err }, "POST /bang?"},
		{func() error { _, err := c.Client2(ctx, names.Client2Params{}); return err }, "GET /client?"},
		{func() error { _, err := c.GetParams(ctx, names.GetParamsParams{}); return err }, "GET /get-params?"},
		{func() error { _, err := c.PetIDGet2(ctx, names.PetIDGet2Params{}); return err }, "GET /pets/2?"},
		{func() error { _, err := c.OtherGet(ctx, names.OtherGetParams{}); return err }, "GET /other?"},
		{func() error { _, err := c.X201(ctx, names.X201Params{}); return err }, "GET /201?"},
		{func() error { _, err := c.Other201(ctx, names.Other201Params{}); return err }, "GET /other/201?"},
		{func() error {
			_, err := c.Keys(ctx, names.KeysParams{Type: "t", X123: "n", Ü: "u", Param: "p", A: "l", A2: "U", Validate2: "v", Mode: names.KeysModeAB2})
			return err
		}, "GET /keys?type=t&123=n&%C3%BC=u&-=p&a=l&A=U&Validate=v&mode=a_b"},
	}
	for _, cl := range calls {
		if err := cl.call(); err != nil {
			t.Fatalf("%s: %v", cl.want, err)
		}
	}
	if len(rec.requests) != len(calls) {
		t.Fatalf("%d requests, want %d", len(rec.requests), len(calls))
	}
	for i, cl := range calls {
		r := rec.requests[i]
		if got := r.Method + " " + r.Path + "?" + r.RawQuery; got != cl.want {
			t.Errorf("request %d = %q, want %q", i, got, cl.want)
		}
	}
}
