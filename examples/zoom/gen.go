package zoom

// The other files of this package are generated from the Zoom API's Postman
// collection; go generate ./examples/... regenerates them and make check
// fails when they drift.

//go:generate go run github.com/postman2go/postman2go/cmd/postman2go -p zoom ../../testdata/zoom-api/collection.json
