package generator_test

import (
	"context"
	"errors"
	"net/http"
	"testing"

	"github.com/postman2go/postman2go/golden/zoom"
)

// The full Zoom API collection (310 requests) as a golden package: a query
// operation and a multipart one on the wire.
func TestZoomListSIPPhonesWire(t *testing.T) {
	rec := newRecorder(t, http.StatusOK, http.Header{"Content-Type": {"application/json"}}, `{"phones":[]}`)
	c, err := zoom.NewClient(zoom.WithBaseURL(rec.srv.URL+"/v2"), zoom.WithBearerToken("t0k"))
	if err != nil {
		t.Fatal(err)
	}
	resp, err := c.ListSIPPhones(context.Background(), zoom.ListSIPPhonesParams{PageSize: zoom.Ptr(int64(30)), SearchKey: "a b@example.com"})
	if err != nil {
		t.Fatal(err)
	}
	req := rec.only(t)
	if req.Method != "GET" || req.Path != "/v2/sip_phones" || req.RawQuery != "search_key=a%20b%40example.com&page_size=30" {
		t.Errorf("request = %s %s?%s", req.Method, req.Path, req.RawQuery)
	}
	if req.Header.Get("Authorization") != "Bearer t0k" {
		t.Errorf("Authorization = %q", req.Header.Get("Authorization"))
	}
	if string(resp.Body) != `{"phones":[]}` {
		t.Errorf("body = %q", resp.Body)
	}
	if zoom.DefaultBaseURL != "https://api.zoom.us/v2" {
		t.Errorf("DefaultBaseURL = %q", zoom.DefaultBaseURL)
	}
}

func TestZoomUpdateSIPPhoneValidation(t *testing.T) {
	rec := newRecorder(t, http.StatusNoContent, nil, ``)
	c, err := zoom.NewClient(zoom.WithBaseURL(rec.srv.URL + "/v2"))
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.UpdateSIPPhone(context.Background(), zoom.UpdateSIPPhoneParams{PhoneID: "p/1", TransportProtocol: "SCTP"})
	var verr *zoom.ValidationError
	if !errors.As(err, &verr) {
		t.Fatalf("error = %v, want a ValidationError", err)
	}
	if len(rec.requests) != 0 {
		t.Fatalf("invalid params sent %d requests", len(rec.requests))
	}
	params := zoom.UpdateSIPPhoneParams{
		PhoneID: "p/1", Domain: "d", RegisterServer: "r", ProxyServer: "p", UserName: "u", Password: "pw",
		AuthorizationName: "a", VoiceMail: "v", TransportProtocol: zoom.UpdateSIPPhoneTransportProtocolTLS,
		RegisterServer2: "r2", ProxyServer2: "p2", RegisterServer3: "r3", ProxyServer3: "p3",
	}
	if _, err := c.UpdateSIPPhone(context.Background(), params); err != nil {
		t.Fatal(err)
	}
	req := rec.only(t)
	if req.Method != "PATCH" || req.RawPath != "/v2/sip_phones/p%2F1" {
		t.Errorf("request = %s %s", req.Method, req.RawPath)
	}
	var sawTLS bool
	for _, p := range multipartParts(t, req) {
		if p.Name == "transport_protocol" && p.Value == "TLS" {
			sawTLS = true
		}
	}
	if !sawTLS {
		t.Error("transport_protocol=TLS not among the multipart parts")
	}
}
