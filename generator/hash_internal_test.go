package generator

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

// compactHash is the input hash's collection part as it was first written:
// json.Compact of the input, or the input when it is not valid JSON.
func compactHash(data []byte) [32]byte {
	var buf bytes.Buffer
	if json.Compact(&buf, data) != nil {
		buf.Reset()
		buf.Write(data)
	}
	return sha256.Sum256(buf.Bytes())
}

func streamHash(data []byte) [32]byte {
	h := sha256.New()
	if json.Valid(data) {
		writeCompact(h, data)
	} else {
		h.Write(data)
	}
	var out [32]byte
	copy(out[:], h.Sum(nil))
	return out
}

// TestWriteCompactIsCompact: the streamed compaction hashes what
// json.Compact makes, on every test collection and on awkward strings.
func TestWriteCompactIsCompact(t *testing.T) {
	inputs := [][]byte{
		nil, []byte(""), []byte(" "), []byte("{}"), []byte(" { \"a\" : [ 1 , 2 ] } \n"),
		[]byte(`{"a \" b":"c \\\" d \\\\","e":" \t x "}`), []byte("\ufeff{}"), []byte(`{"a":1}x`),
		[]byte(`{"a":"\u00e9 caf\u00e9 ` + "\t" + `"}`), []byte(`{"a": "x\\"}`), []byte("[\n\t\"\\\\\",\r\n\"\\\"\"\n]"),
		bytes.Repeat([]byte(" [1, \"a b\"] "), 20000)[:1], bytes.Repeat([]byte("{\"k\" : \"v  w\" }\n"), 1)[0:14],
		append(append([]byte("["), bytes.Repeat([]byte("\"  x  \" ,\n "), 30000)...), []byte("1 ]")...),
	}
	paths, _ := filepath.Glob("../testdata/*/collection.json")
	corpus, _ := filepath.Glob("../../shared/corpus/*.json")
	for _, p := range append(paths, corpus...) {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		inputs = append(inputs, data)
		var indented bytes.Buffer
		if json.Indent(&indented, data, " ", "\t") == nil {
			inputs = append(inputs, indented.Bytes())
		}
	}
	for i, in := range inputs {
		if compactHash(in) != streamHash(in) {
			t.Errorf("input %d (%.60q): hashes differ", i, in)
		}
	}
}

func FuzzWriteCompact(f *testing.F) {
	f.Add([]byte(`{"a": "b \" c", "d": [1, 2, {"e": null}]}`))
	f.Add([]byte(" [ \"\\\\\" , true ] "))
	f.Fuzz(func(t *testing.T, data []byte) {
		if compactHash(data) != streamHash(data) {
			t.Errorf("%q: hashes differ", data)
		}
	})
}
