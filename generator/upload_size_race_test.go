//go:build race

package generator_test

// uploadSize is 32 MiB under the race detector, which slows the copy
// loops about tenfold; the plain run uploads 1 GiB.
const uploadSize = 32 << 20
