package generator_test

import (
	"encoding/json"
	"fmt"
	"go/format"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"

	"github.com/postman2go/postman2go/generator"
	"github.com/postman2go/postman2go/parser"
)

// synthCollection builds a collection of n requests shaped like a real
// vendor API: folders of ten, path and query params, enums in
// descriptions, bools and integers in examples, multipart, urlencoded and
// JSON bodies, and saved examples with vendor error codes.
func synthCollection(n int) []byte {
	type obj = map[string]any
	var folders []any
	var cur []any
	for i := 0; i < n; i++ {
		res := fmt.Sprintf("resource%d", i/10)
		req := obj{
			"method": []string{"GET", "POST", "PATCH", "DELETE", "PUT"}[i%5],
			"header": []any{obj{"key": "Accept", "value": "application/json"},
				obj{"key": "X-Request-Id", "value": "<string>", "description": "Trace id."}},
			"url": obj{
				"raw":  "{{baseUrl}}/" + res + "/:id",
				"host": []any{"{{baseUrl}}"},
				"path": []any{res, ":id"},
				"query": []any{
					obj{"key": "page_size", "value": "30", "description": "Records per page."},
					obj{"key": "include_deleted", "value": "false", "disabled": true},
					obj{"key": "status", "value": "active", "description": "Filter. (This can only be one of active,inactive,pending)"},
				},
				"variable": []any{obj{"key": "id", "value": "<long>", "description": "(Required) The id."}},
			},
			"description": fmt.Sprintf("Operation %d on %s.<br>\n**Scopes**: `%s:write`", i, res, res),
		}
		switch i % 5 {
		case 1:
			req["body"] = obj{"mode": "formdata", "formdata": []any{
				obj{"key": "name", "value": "Excepteur proident in", "type": "text", "description": "(Required) Name."},
				obj{"key": "type", "value": "normal", "type": "text", "description": "(This can only be one of normal,shared,restricted)"},
				obj{"key": "enabled", "value": "true", "type": "text"},
			}}
		case 2:
			req["body"] = obj{"mode": "urlencoded", "urlencoded": []any{
				obj{"key": "count", "value": "12"}, obj{"key": "ratio", "value": "0.5"},
			}}
		case 4:
			req["body"] = obj{"mode": "raw", "raw": `{"name":"x","settings":{"enabled":true,"limit":10}}`,
				"options": obj{"raw": obj{"language": "json"}}}
		}
		item := obj{
			"name":    fmt.Sprintf("Operation %d %s", i, res),
			"request": req,
			"response": []any{
				obj{"name": "**HTTP Status Code:** `200`<br>\nOK.", "code": 200, "body": `{"id":1}`,
					"header": []any{obj{"key": "Content-Type", "value": "application/json"}}},
				obj{"name": "**HTTP Status Code:** `404` <br>\n**Error Code:** `1001` <br>\nNot found.", "code": 404, "body": ""},
			},
		}
		cur = append(cur, item)
		if len(cur) == 10 || i == n-1 {
			folders = append(folders, obj{"name": res, "item": cur})
			cur = nil
		}
	}
	data, err := json.Marshal(obj{
		"info":     obj{"name": "Synthetic", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
		"variable": []any{obj{"key": "baseUrl", "value": "https://api.example.test/v1"}},
		"auth":     obj{"type": "bearer", "bearer": []any{obj{"key": "token", "value": "{{token}}"}}},
		"item":     folders,
	})
	if err != nil {
		panic(err)
	}
	return data
}

func generateBytes(b *testing.B, data []byte) []generator.File {
	coll, _, err := parser.Parse("synthetic.json", data)
	if err != nil {
		b.Fatal(err)
	}
	files, _, err := generator.Generate(coll, generator.Options{Package: "synthetic", Source: "synthetic.json", Input: data})
	if err != nil {
		b.Fatal(err)
	}
	return files
}

func benchGenerate(b *testing.B, data []byte) {
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	var lines int
	for i := 0; i < b.N; i++ {
		files := generateBytes(b, data)
		if i == 0 {
			for _, f := range files {
				for _, c := range f.Content {
					if c == '\n' {
						lines++
					}
				}
			}
		}
	}
	b.ReportMetric(float64(lines), "lines")
}

// BenchmarkGenerate is parse + generate (which formats) for the full Zoom
// collection and synthetic collections of 1,000 and 10,000 requests.
func BenchmarkGenerate(b *testing.B) {
	b.Run("zoom", func(b *testing.B) {
		data, err := os.ReadFile("../../shared/corpus/zoom-api.postman_collection.json")
		if err != nil {
			b.Skip("corpus not found:", err)
		}
		benchGenerate(b, data)
	})
	for _, n := range []int{1000, 10000} {
		b.Run(fmt.Sprintf("synthetic-%d", n), func(b *testing.B) { benchGenerate(b, synthCollection(n)) })
	}
}

// BenchmarkFormatOnly is go/format alone over the same output, the floor
// that generation time is compared with.
func BenchmarkFormatOnly(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		b.Run(fmt.Sprintf("synthetic-%d", n), func(b *testing.B) {
			files := generateBytes(b, synthCollection(n))
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				for _, f := range files {
					if _, err := format.Source(f.Content); err != nil {
						b.Fatal(err)
					}
				}
			}
		})
	}
}

// BenchmarkCLIPeakMemory runs the built CLI on the 10,000-request
// collection and reports the child's peak resident set size.
func BenchmarkCLIPeakMemory(b *testing.B) {
	dir := b.TempDir()
	bin := filepath.Join(dir, "postman2go")
	if out, err := exec.Command("go", "build", "-o", bin, "../cmd/postman2go").CombinedOutput(); err != nil {
		b.Fatalf("go build: %v\n%s", err, out)
	}
	input := filepath.Join(dir, "synthetic.json")
	if err := os.WriteFile(input, synthCollection(10000), 0o644); err != nil {
		b.Fatal(err)
	}
	var peak int64
	for i := 0; i < b.N; i++ {
		cmd := exec.Command(bin, "-q", "-o", filepath.Join(dir, "out"), "-p", "synthetic", input)
		if out, err := cmd.CombinedOutput(); err != nil {
			b.Fatalf("postman2go: %v\n%s", err, out)
		}
		if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
			peak = max(peak, ru.Maxrss) // KiB on Linux
		}
	}
	b.ReportMetric(float64(peak)/1024, "peak-MiB")
}
