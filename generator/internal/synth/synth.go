// Package synth builds synthetic Postman collections for benchmarks: many
// requests shaped like a real vendor API, and the same folders nested deep
// or side by side.
package synth

import (
	"encoding/json"
	"fmt"
	"strings"
)

type obj = map[string]any

// request is the i-th synthetic request item: path and query params, enums
// in descriptions, bools and integers in examples, multipart, urlencoded
// and JSON bodies, and saved examples with vendor error codes.
func request(i int) obj {
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
	return obj{
		"name":    fmt.Sprintf("Operation %d %s", i, res),
		"request": req,
		"response": []any{
			obj{"name": "**HTTP Status Code:** `200`<br>\nOK.", "code": 200, "body": `{"id":1}`,
				"header": []any{obj{"key": "Content-Type", "value": "application/json"}}},
			obj{"name": "**HTTP Status Code:** `404` <br>\n**Error Code:** `1001` <br>\nNot found.", "code": 404, "body": ""},
		},
	}
}

func collection(items []any) []byte {
	data, err := json.Marshal(obj{
		"info":     obj{"name": "Synthetic", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
		"variable": []any{obj{"key": "baseUrl", "value": "https://api.example.test/v1"}},
		"auth":     obj{"type": "bearer", "bearer": []any{obj{"key": "token", "value": "{{token}}"}}},
		"item":     items,
	})
	if err != nil {
		panic(err)
	}
	return data
}

// Collection is a collection of n requests in folders of ten.
func Collection(n int) []byte {
	var folders, cur []any
	for i := 0; i < n; i++ {
		cur = append(cur, request(i))
		if len(cur) == 10 || i == n-1 {
			folders = append(folders, obj{"name": fmt.Sprintf("resource%d", i/10), "item": cur})
			cur = nil
		}
	}
	return collection(folders)
}

// Deep is a collection of the given number of folders, each with a
// description of about descBytes bytes (Markdown lines) and one request;
// folder k is inside folder k-1 unless k is a multiple of depth, so the
// folders nest depth deep (depth 1: side by side) and the data is the same
// at every depth.
func Deep(folders, depth, descBytes int) []byte {
	line := "Lorem ipsum dolor sit amet, **consectetur** adipiscing elit, sed do `eiusmod` tempor.<br>\n"
	desc := strings.Repeat(line, max(1, descBytes/len(line)))
	var top []any
	var parent obj
	for k := 0; k < folders; k++ {
		f := obj{
			"name":        fmt.Sprintf("Folder %d", k),
			"description": fmt.Sprintf("Folder %d.\n\n", k) + desc,
			"item":        []any{request(k)},
		}
		if k%depth == 0 {
			top = append(top, f)
		} else {
			parent["item"] = append(parent["item"].([]any), f)
		}
		parent = f
	}
	return collection(top)
}
