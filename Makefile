# postman2go: make test runs everything CI runs.
GO ?= go
CASES := $(patsubst testdata/%/package,%,$(wildcard testdata/*/package))

.PHONY: build test golden check lint bench conformance mimetypes

build:
	$(GO) build -o postman2go ./cmd/postman2go

# Unit, golden, wire and CLI tests, the race detector over the generator
# (whose wire tests drive every golden package) and the runtime, the drift
# check and lint. The race run is -short: it skips the tests that only build
# or generate (the corpus, every golden package's zero values, a 1 GiB
# upload), which the first run has run; the concurrency tests run in both.
# It leaves out ./golden/...: those packages' own tests are examples with no
# output, which go test compiles and never runs, so racing them would only
# compile each package once more.
test: lint check
	$(GO) test ./...
	$(GO) test -race -short ./generator/ ./templates/...

# Rewrite golden/ from testdata/; review the diff before committing.
golden:
	$(GO) test ./generator/ -run TestGolden -update

# Drift check: every golden package must be exactly what the CLI generates,
# and go generate, run in a copy of the tree, must reproduce examples/.
check:
	@set -e; for c in $(CASES); do \
		pkg=$$(cat testdata/$$c/package); \
		$(GO) run ./cmd/postman2go --check -q -o golden/$$pkg -p $$pkg testdata/$$c/collection.json; \
	done; echo "check: golden/ is up to date"
	@set -e; tmp=$$(mktemp -d); trap 'rm -rf "$$tmp"' EXIT; \
	tar --exclude=./.git --exclude=./out --exclude=./_out --exclude=./golden --exclude=./postman2go --exclude=./conformance/node_modules -cf - . | tar -xf - -C "$$tmp"; \
	(cd "$$tmp" && $(GO) generate ./examples/...); \
	if ! diff -r -q -x .postman2go.lock examples "$$tmp/examples"; then \
		echo "check: examples/ differs from what go generate ./examples/... produces; run it and commit the result"; exit 1; \
	fi; echo "check: examples/ is up to date"

lint:
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...

# Wire conformance: for every collection, the generated client's requests
# against newman's (Postman's runtime), one table per collection (see the
# README); for every v3 collection directory, against the Postman CLI's.
# Needs node and `npm ci --prefix conformance`. It fails only when the
# harness itself fails (the runner missing or crashing, a server error);
# differences are reported, not failures.
CONFORMANCE_COLLECTIONS := $(wildcard testdata/*/collection.json) $(wildcard ../shared/corpus/*.json)
CONFORMANCE_V3_DIRS := $(patsubst %/,%,$(wildcard testdata/v3-*/))

conformance:
	@set -e; mkdir -p out; $(GO) build -o out/conformance ./conformance; \
	tmp=$$(mktemp -d); trap 'rm -rf "$$tmp"' EXIT; \
	for f in $(CONFORMANCE_COLLECTIONS) $(CONFORMANCE_V3_DIRS); do \
		echo "== $$f"; \
		out/conformance -collection $$f > "$$tmp/one" || { cat "$$tmp/one"; exit 1; }; \
		cat "$$tmp/one"; echo "$$f: $$(tail -n 1 "$$tmp/one")" >> "$$tmp/summary"; \
	done; echo; echo "== summary"; cat "$$tmp/summary"

# The benchmarks of issue 16, then one row per case: generation time and
# its ratio to go/format of the output, lines per operation, the CLI's peak
# RSS, go build time and peak RSS of the generated package (a fresh cache
# with the standard library built first: this takes minutes).
# POSTMAN2GO_BENCH_100K=1 adds the 100,000-request cases.
bench:
	@set -e; mkdir -p out; \
	$(GO) test -run '^$$' -bench . -benchmem -benchtime 3x -timeout 60m ./generator/ > out/bench.txt || { cat out/bench.txt; exit 1; }; \
	$(GO) run ./generator/internal/benchreport < out/bench.txt

# The runtime's extension -> media type table, from the mime-types package
# Postman's runtime uses (needs npm ci --prefix conformance); then make golden.
mimetypes:
	node templates/mimetypes/gen.js && gofmt -w templates/runtime/mimetypes.go
