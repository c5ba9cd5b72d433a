package lower

import (
	"net/http"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/postman2go/postman2go/generator/doctext"
	"github.com/postman2go/postman2go/generator/ir"
	"github.com/postman2go/postman2go/parser"
)

// Response names often carry the status and a vendor error code, as in
// openapi-to-postman output of vendor specs:
//
//	**HTTP Status Code:** `404` <br>
//	**Error Code:** `4130` <br>
//	Group does not exist:{groupId}.
var (
	statusInName = regexp.MustCompile("(?i)HTTP\\s+Status(?:\\s+Code)?\\s*:?\\s*`?(\\d{3})`?")
	codeInName   = regexp.MustCompile("(?i)Error\\s+Code\\s*:?\\s*`?([A-Za-z0-9_.\\-]+)`?")
)

// responseRow reads one saved example into a table row.
func responseRow(r *parser.Response, docs *doctext.Cache) ir.ResponseRow {
	text := docs.PlainText(r.Name)
	row := ir.ResponseRow{Status: r.Code}
	if m := statusInName.FindStringSubmatch(text); m != nil {
		row.Status, _ = strconv.Atoi(m[1])
		text = strings.Replace(text, m[0], "", 1)
	}
	if m := codeInName.FindStringSubmatch(text); m != nil {
		row.Code = m[1]
		text = strings.Replace(text, m[0], "", 1)
	}
	row.Description = doctext.OneLine(text)
	if row.Description == "" {
		row.Description = doctext.OneLine(r.Status)
	}
	if row.Description == "" && row.Status > 0 {
		row.Description = http.StatusText(row.Status)
	}
	return row
}

// responseTable returns the distinct rows of an item's examples, by status
// and then in document order.
func responseTable(rs []*parser.Response, docs *doctext.Cache) []ir.ResponseRow {
	var rows []ir.ResponseRow
	seen := map[ir.ResponseRow]bool{}
	for _, r := range rs {
		row := responseRow(r, docs)
		if !seen[row] {
			seen[row] = true
			rows = append(rows, row)
		}
	}
	sort.SliceStable(rows, func(i, j int) bool { return rows[i].Status < rows[j].Status })
	return rows
}

// wellKnownResponseHeaders are exposed even without a description.
var wellKnownResponseHeaders = map[string]bool{
	"location": true, "content-location": true, "etag": true, "link": true, "retry-after": true,
}

// responseHeaders returns the documented headers of the 2xx examples.
func responseHeaders(rs []*parser.Response, docs *doctext.Cache) []*ir.ResponseHeader {
	var out []*ir.ResponseHeader
	seen := map[string]bool{}
	sc := newScope("StatusCode", "Header", "Body")
	for _, r := range rs {
		if r.Code < 200 || r.Code > 299 {
			continue
		}
		for _, h := range r.Headers {
			canon := http.CanonicalHeaderKey(strings.TrimSpace(h.Key))
			if canon == "" || seen[canon] {
				continue
			}
			if h.Description == "" && !wellKnownResponseHeaders[strings.ToLower(canon)] {
				continue
			}
			name := exportedName(canon)
			if name == "" {
				continue
			}
			seen[canon] = true
			doc := []string{name + " is the " + canon + " response header."}
			doc = append(doc, docs.Lines(h.Description)...)
			out = append(out, &ir.ResponseHeader{Name: sc.unique(name), Wire: canon, Doc: doc})
		}
	}
	return out
}
