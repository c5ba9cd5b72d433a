package main

import (
	"io"
	"net"
	"net/http"
	"strconv"
	"sync"
	"time"

	"github.com/postman2go/postman2go/parser"
)

// captureServer records every request it receives, per phase (newman, then
// the client), and answers each with the first saved example response of
// the request it is tagged with, or 200 {} when there is none.
type captureServer struct {
	ln      net.Listener
	srv     *http.Server
	tag     string
	answers map[string]*parser.Response // by tag value

	mu    sync.Mutex
	phase string
	caps  map[string]map[string][]Capture // phase → tag → captures
}

func startCapture(tag string, answers map[string]*parser.Response) (*captureServer, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	s := &captureServer{ln: ln, tag: tag, answers: answers, caps: map[string]map[string][]Capture{}}
	s.srv = &http.Server{Handler: s, IdleTimeout: time.Second, ReadHeaderTimeout: 30 * time.Second}
	go s.srv.Serve(ln)
	return s, nil
}

func (s *captureServer) URL() string { return "http://" + s.ln.Addr().String() }

func (s *captureServer) Port() string {
	return strconv.Itoa(s.ln.Addr().(*net.TCPAddr).Port)
}

func (s *captureServer) Close() { s.srv.Close() }

// setPhase starts recording into a new phase.
func (s *captureServer) setPhase(p string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.phase = p
	s.caps[p] = map[string][]Capture{}
}

// captures returns what a phase recorded, by tag value.
func (s *captureServer) captures(p string) map[string][]Capture {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.caps[p]
}

func (s *captureServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	id := r.Header.Get(s.tag)
	c := Capture{Method: r.Method, URI: r.RequestURI, Header: r.Header.Clone(), Body: body}
	s.mu.Lock()
	if m := s.caps[s.phase]; m != nil {
		m[id] = append(m[id], c)
	}
	s.mu.Unlock()

	status, ctype, resp := http.StatusOK, "application/json", []byte("{}")
	if ex := s.answers[id]; ex != nil {
		status, resp, ctype = ex.Code, []byte(ex.Body), ""
		for _, h := range ex.Headers {
			if http.CanonicalHeaderKey(h.Key) == "Content-Type" && !h.Disabled {
				ctype = h.Value
			}
		}
		// A redirect or an informational status would make a runner act
		// on it (follow, wait); answer those, and no status, with 200.
		if status < 200 || status > 599 || (status >= 300 && status < 400) {
			status = http.StatusOK
		}
	}
	// One request per connection: an idle keep-alive connection would keep
	// node (newman) from exiting.
	w.Header().Set("Connection", "close")
	if ctype != "" {
		w.Header().Set("Content-Type", ctype)
	}
	w.WriteHeader(status)
	if r.Method != http.MethodHead && status != http.StatusNoContent && status != http.StatusNotModified {
		w.Write(resp)
	}
}
