// Package parser reads a Postman collection into a plain model of Postman
// concepts: folders, requests, URLs, params, bodies, auth, variables, scripts
// and saved example responses.
//
// In: the bytes of a collection in schema v2.0 or v2.1 (auth parameters as
// arrays or objects under either version). Out: a *Collection whose values
// record where in the input they came from, warnings for what was worked
// around, or an ErrorList whose entries name the line, column, item and JSON
// path of each problem. Legacy v1 collections (top-level requests and order)
// are converted into the same model, as postman-collection-transformer does.
//
// The parser knows nothing about Go: it never chooses identifiers or types.
package parser
