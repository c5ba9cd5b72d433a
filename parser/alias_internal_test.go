package parser

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"unsafe"
)

// TestCollectionDoesNotSliceTheInput: no string of a parsed collection
// points into the parser's copy of the input, which would keep all of it
// alive as long as the generator keeps that string (see parse).
func TestCollectionDoesNotSliceTheInput(t *testing.T) {
	paths, _ := filepath.Glob("../testdata/*/collection.json")
	corpus, _ := filepath.Glob("../../shared/corpus/*.json")
	paths = append(paths, corpus...)
	if len(paths) < 20 {
		t.Fatalf("%d collections", len(paths))
	}
	for _, path := range paths {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		p := &state{file: path}
		c, _, err := parse(p, data)
		if err != nil {
			continue // legacy v1 and refused inputs: no collection
		}
		start := uintptr(unsafe.Pointer(unsafe.StringData(p.json)))
		end := start + uintptr(len(p.json))
		strs, slices := 0, 0
		var walk func(v reflect.Value, where string)
		seen := map[uintptr]bool{}
		walk = func(v reflect.Value, where string) {
			switch v.Kind() {
			case reflect.String:
				if v.Len() == 0 {
					return
				}
				strs++
				if at := uintptr(unsafe.Pointer(unsafe.StringData(v.String()))); at >= start && at < end {
					if slices++; slices <= 3 {
						t.Errorf("%s: %s %.40q is a slice of the input", path, where, v.String())
					}
				}
			case reflect.Pointer:
				if v.IsNil() || seen[v.Pointer()] {
					return
				}
				seen[v.Pointer()] = true
				walk(v.Elem(), where)
			case reflect.Struct:
				for i := range v.NumField() {
					if v.Type().Field(i).IsExported() {
						walk(v.Field(i), where+"."+v.Type().Field(i).Name)
					}
				}
			case reflect.Slice, reflect.Array:
				for i := range v.Len() {
					walk(v.Index(i), where+"[]")
				}
			case reflect.Map:
				for it := v.MapRange(); it.Next(); {
					walk(it.Key(), where+"{key}")
					walk(it.Value(), where+"{}")
				}
			}
		}
		walk(reflect.ValueOf(c), "Collection")
		if strs == 0 {
			t.Errorf("%s: no strings walked", path)
		}
	}
}
