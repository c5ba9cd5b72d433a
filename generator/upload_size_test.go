//go:build !race

package generator_test

// uploadSize is 1 GiB; under the race detector it is smaller (see
// upload_size_race_test.go) to keep make test fast.
const uploadSize = 1 << 30
