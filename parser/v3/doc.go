// Package v3 reads a Postman collection in format v3 (Postman v12's
// "git-native" collections: a directory of YAML files) into the model of
// package parser, exactly as parser.Parse fills it from the collection's
// v2.1 JSON twin, so that everything downstream works unchanged.
//
// In: a collection directory. Its folders are sub-directories (not starting
// with "."), each with an optional .resources/definition.yaml; its requests
// are *.request.yaml files of $kind http-request or graphql-request; the
// saved examples of a request are
// <dir>/.resources/<request stem>.resources/examples/*.example.yaml. Out: a
// *parser.Collection whose positions name the file (relative to the root)
// and line:column of each value, warnings for what was worked around, or a
// parser.ErrorList naming the file, line, column, item and path of each
// problem (invalid YAML in any file is an error naming that file).
//
// Every scalar is read as its source text: YAML 1.1 words such as Off and
// unquoted dates stay text, as the Postman runtime sends them; the YAML
// library never types a value.
//
// Detect tells a v3 collection directory from a JSON collection file;
// InputFiles lists the files of a collection for hashing; ParseEnvironment
// reads a Postman environment (v2.1 JSON or v3 YAML).
package v3
