package ir_test

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/postman2go/postman2go/generator/lower"
	"github.com/postman2go/postman2go/parser"
)

// TestForgetSourcesLetsGoOfTheCollection: after ForgetSources nothing in
// the IR points into the parsed collection, found by walking every pointer
// the IR holds, so that a Source added to another IR type without
// ForgetSources clearing it fails here.
func TestForgetSourcesLetsGoOfTheCollection(t *testing.T) {
	paths, _ := filepath.Glob("../../testdata/*/collection.json")
	if len(paths) < 10 {
		t.Fatalf("%d test collections", len(paths))
	}
	parserPkg := reflect.TypeFor[parser.Collection]().PkgPath()
	for _, path := range paths {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		c, _, err := parser.Parse(path, data)
		if err != nil {
			t.Fatal(err)
		}
		pkg, _ := lower.Package(c, lower.Options{Package: "client"})
		before := collectionPointers(reflect.ValueOf(pkg), parserPkg, map[uintptr]bool{})
		pkg.ForgetSources()
		after := collectionPointers(reflect.ValueOf(pkg), parserPkg, map[uintptr]bool{})
		if before == 0 || after != 0 {
			t.Errorf("%s: %d pointers into the collection before ForgetSources, %d after", path, before, after)
		}
	}
}

// collectionPointers counts the non-nil pointers to types of package
// parser reachable from v without going through one.
func collectionPointers(v reflect.Value, parserPkg string, seen map[uintptr]bool) int {
	n := 0
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			return 0
		}
		if v.Type().Elem().PkgPath() == parserPkg {
			return 1
		}
		if seen[v.Pointer()] {
			return 0
		}
		seen[v.Pointer()] = true
		n += collectionPointers(v.Elem(), parserPkg, seen)
	case reflect.Struct:
		for i := range v.NumField() {
			n += collectionPointers(v.Field(i), parserPkg, seen)
		}
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			n += collectionPointers(v.Index(i), parserPkg, seen)
		}
	case reflect.Map:
		for it := v.MapRange(); it.Next(); {
			n += collectionPointers(it.Key(), parserPkg, seen) + collectionPointers(it.Value(), parserPkg, seen)
		}
	case reflect.Interface:
		n += collectionPointers(v.Elem(), parserPkg, seen)
	}
	return n
}
