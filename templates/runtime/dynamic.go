package runtime

import (
	"crypto/rand"
	"encoding/binary"
	"fmt"
	"strconv"
	"time"
)

// Postman's dynamic variables, computed when a request is built. A value the
// collection fills with {{$guid}}, {{$randomUUID}}, {{$timestamp}},
// {{$isoTimestamp}} or {{$randomInt}} is sent with a fresh value from these
// helpers unless the caller sets the field. Postman's faker-backed variables
// ({{$randomEmail}}, ...) are random test data: such fields are plain
// parameters the caller fills.

// dynamicGUID is {{$guid}} and {{$randomUUID}}: a random UUID version 4.
func dynamicGUID() string {
	var b [16]byte
	rand.Read(b[:])
	b[6] = b[6]&0x0f | 0x40 // version 4
	b[8] = b[8]&0x3f | 0x80 // RFC 4122 variant
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16])
}

// dynamicTimestamp is {{$timestamp}}: the Unix time in seconds.
func dynamicTimestamp() string {
	return strconv.FormatInt(time.Now().Unix(), 10)
}

// dynamicISOTimestamp is {{$isoTimestamp}}: the UTC time in ISO 8601 with
// milliseconds, as JavaScript's toISOString writes it.
func dynamicISOTimestamp() string {
	return time.Now().UTC().Format("2006-01-02T15:04:05.000Z")
}

// dynamicRandomInt is {{$randomInt}}: an integer from 0 to 1000 inclusive.
func dynamicRandomInt() string {
	var b [8]byte
	rand.Read(b[:])
	return strconv.FormatUint(binary.LittleEndian.Uint64(b[:])%1001, 10)
}
