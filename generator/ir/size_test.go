package ir_test

import (
	"testing"
	"unsafe"

	"github.com/postman2go/postman2go/generator/ir"
)

// TestFieldSize: a Field is allocated per params field (540,000 at 100,000
// requests); past 256 bytes it takes the next size class, 288.
func TestFieldSize(t *testing.T) {
	if unsafe.Sizeof(uintptr(0)) != 8 {
		t.Skip("sizes are for 64-bit platforms")
	}
	if n := unsafe.Sizeof(ir.Field{}); n > 256 {
		t.Errorf("ir.Field is %d bytes, more than 256", n)
	}
}
