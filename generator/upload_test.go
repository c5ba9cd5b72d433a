package generator_test

import (
	"bytes"
	"context"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"runtime"
	"testing"

	rw "github.com/postman2go/postman2go/golden/runtimewire"
)

// pattern repeats with a period of 251 bytes (a prime, so it never lines
// up with buffer sizes); patternBlock holds 64 KiB of it from each phase.
const patternPeriod = 251

var patternBlock = func() []byte {
	b := make([]byte, 64<<10+patternPeriod)
	for i := range b {
		b[i] = byte(i % patternPeriod)
	}
	return b
}()

// patternReader produces n bytes of the pattern on demand, so a huge upload
// exists nowhere in memory unless the client buffers it.
type patternReader struct{ off, n int64 }

func (p *patternReader) Read(b []byte) (int, error) {
	if p.off >= p.n {
		return 0, io.EOF
	}
	b = b[:min(int64(len(b)), p.n-p.off, 64<<10)]
	copy(b, patternBlock[p.off%patternPeriod:])
	p.off += int64(len(b))
	return len(b), nil
}

// patternChecker counts the bytes written to it and checks that they follow
// the pattern.
type patternChecker struct {
	n   int64
	bad bool
}

func (c *patternChecker) Write(b []byte) (int, error) {
	n := len(b)
	for len(b) > 0 {
		chunk := b[:min(len(b), 64<<10)]
		if !bytes.Equal(chunk, patternBlock[c.n%patternPeriod:][:len(chunk)]) {
			c.bad = true
		}
		c.n += int64(len(chunk))
		b = b[len(chunk):]
	}
	return n, nil
}

// TestRuntimeHugeUploadStreams uploads uploadSize bytes as a multipart file
// part. The server reads the part as a stream and checks its length and
// content; the client must not allocate anything close to the upload.
func TestRuntimeHugeUploadStreams(t *testing.T) {
	if testing.Short() {
		t.Skip("uploads hundreds of MiB")
	}
	size := int64(uploadSize)
	type result struct {
		caption string
		n       int64
		bad     bool
	}
	got := make(chan result, 1)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, params, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
		if err != nil {
			t.Error(err)
			return
		}
		var res result
		mr := multipart.NewReader(r.Body, params["boundary"])
		for {
			p, err := mr.NextPart()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Error(err)
				return
			}
			if p.FormName() == "caption" {
				b, _ := io.ReadAll(p)
				res.caption = string(b)
				continue
			}
			var pc patternChecker
			io.Copy(&pc, p)
			res.n, res.bad = pc.n, pc.bad
		}
		got <- res
	}))
	defer srv.Close()
	c := newRW(t, srv.URL)

	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	_, err := c.UploadPhoto(context.Background(), rw.UploadPhotoParams{
		PetID:   "p1",
		Caption: "big",
		Photo:   &rw.File{Name: "big.bin", ContentType: "application/octet-stream", Content: &patternReader{n: size}},
	})
	runtime.ReadMemStats(&after)
	if err != nil {
		t.Fatal(err)
	}
	res := <-got
	if res.caption != "big" || res.n != size || res.bad {
		t.Errorf("server got caption %q and %d bytes (pattern broken: %v), want big and %d bytes of the pattern", res.caption, res.n, res.bad, size)
	}
	// TotalAlloc counts every byte allocated by client and server together
	// during the upload; it must stay far below the upload's size.
	alloc := after.TotalAlloc - before.TotalAlloc
	t.Logf("uploaded %d MiB; allocated %.1f MiB in total, heap in use %.1f MiB after", size>>20, float64(alloc)/(1<<20), float64(after.HeapInuse)/(1<<20))
	if limit := uint64(16 << 20); alloc > limit {
		t.Errorf("uploading %d MiB allocated %d MiB; want under %d MiB (the body must stream)", size>>20, alloc>>20, limit>>20)
	}
}
