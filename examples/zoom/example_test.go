package zoom_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log"
	"net/http"
	"net/http/httptest"

	"github.com/postman2go/postman2go/examples/zoom"
)

// fakeZoom stands in for api.zoom.us: it knows the user "me" and answers
// anyone else the way Zoom does.
func fakeZoom() *httptest.Server {
	return httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		switch {
		case r.Header.Get("Authorization") != "Bearer secret":
			w.WriteHeader(http.StatusUnauthorized)
			fmt.Fprint(w, `{"code":124,"message":"Invalid access token."}`)
		case r.URL.Path == "/users/me/meetings":
			fmt.Fprintf(w, `{"page_size":%s,"total_records":1,"meetings":[{"id":85746065,"topic":"Weekly sync"}]}`,
				r.URL.Query().Get("page_size"))
		default:
			w.WriteHeader(http.StatusNotFound)
			fmt.Fprint(w, `{"code":1001,"message":"User does not exist: nobody."}`)
		}
	}))
}

func Example() {
	srv := fakeZoom()
	defer srv.Close()

	c, err := zoom.NewClient(zoom.WithBaseURL(srv.URL), zoom.WithBearerToken("secret"))
	if err != nil {
		log.Fatal(err)
	}
	ctx := context.Background()

	resp, err := c.UsersListMeetings(ctx, zoom.UsersListMeetingsParams{
		UserID:   "me",
		PageSize: zoom.Ptr(int64(30)),
	})
	if err != nil {
		log.Fatal(err)
	}
	var list struct {
		PageSize int `json:"page_size"`
		Meetings []struct {
			ID    int64  `json:"id"`
			Topic string `json:"topic"`
		} `json:"meetings"`
	}
	if err := json.Unmarshal(resp.Body, &list); err != nil {
		log.Fatal(err)
	}
	fmt.Println(resp.StatusCode, list.PageSize, list.Meetings[0].Topic)

	// Errors are *APIError, with the row of the response table the
	// collection documents for this status and vendor code.
	_, err = c.GetUser(ctx, zoom.GetUserParams{UserID: "nobody"})
	var apiErr *zoom.APIError
	if errors.As(err, &apiErr) {
		fmt.Println(apiErr.StatusCode, apiErr.Code, apiErr.Message)
		fmt.Println("documented:", apiErr.Documented.Description)
	}

	// Params are validated before anything is sent.
	_, err = c.GetUser(ctx, zoom.GetUserParams{})
	var invalid *zoom.ValidationError
	fmt.Println("invalid:", errors.As(err, &invalid))
	// Output:
	// 200 30 Weekly sync
	// 404 1001 User does not exist: nobody.
	// documented: Not Found User does not exist: $userId.
	// invalid: true
}
