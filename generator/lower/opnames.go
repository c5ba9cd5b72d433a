package lower

import (
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/postman2go/postman2go/parser"
)

// Operation names, decided for the whole collection at once so that the
// name of a request depends only on its own name and folders, and on the
// requests whose name is the same as its own:
//
//  1. The request's name, Go-cased word by word, with the articles (a, an,
//     the) dropped: "Get a user's settings" → GetUserSettings. A request
//     with no usable name is named after its method and path.
//  2. Requests that want the same name keep their articles when that tells
//     them apart ("List users" and "List the users").
//  3. Otherwise each is prefixed with one of its folders' names: the first,
//     from the root, that no other request of the group is in, else the
//     first that not all others are in ("users/{userId}/meetings/List
//     meetings" and "metrics/meetings/List meetings" → UsersListMeetings and
//     MetricsListMeetings). Path parameters in folder names count only when
//     no other folder tells the request apart ({petId}/Get → PetIDGet). A
//     request whose folders are all in the others' (the root one) keeps the
//     bare name.
//  4. What still collides (the same name in the same folder, or a name
//     another rule produced) is numbered in collection order: GetUser2.
//
// Adding or removing a request renames only the requests of its own group.

// opCompanions are the names an operation's name brings with it.
var opCompanions = []string{"Params", "Response", "ResponseDocs"}

// articles are dropped from operation names.
var articles = map[string]bool{"a": true, "an": true, "the": true}

// operationNames names every request; configured names are already
// reserved in l.names and are not in the result.
func (l *lowerer) operationNames(reqs []*parser.RequestItem) map[*parser.RequestItem]string {
	type member struct {
		ri            *parser.RequestItem
		text          string // the name's text, articles dropped
		withArticles  string // the exported name with its articles
		folders       []string
		name          string
		qualification int
	}
	var order []string
	groups := map[string][]*member{}
	for _, ri := range reqs {
		if oc, _, ok := l.opConfig(ri); ok && oc.Name != "" {
			continue
		}
		text := ri.Name
		if exportedName(text) == "" {
			// No usable name: method and path, "GET /users/:id" → GetUsersID.
			path := strings.Join(ri.Request.URL.Path, " ")
			if strings.TrimSpace(path) == "" {
				path = "root"
			}
			text = strings.ToLower(ri.Request.Method) + " " + path
		}
		m := &member{ri: ri, text: dropArticles(text), withArticles: exportedName(text)}
		if m.withArticles == "" {
			m.text, m.withArticles = "Request", "Request"
		}
		for _, f := range ri.Folders {
			m.folders = append(m.folders, f.Name)
		}
		base := exportedName(m.text)
		if _, ok := groups[base]; !ok {
			order = append(order, base)
		}
		groups[base] = append(groups[base], m)
	}

	var all []*member
	for _, base := range order {
		g := groups[base]
		all = append(all, g...)
		if len(g) == 1 {
			g[0].name = base
			continue
		}
		if distinct(g, func(m *member) string { return m.withArticles }) {
			for _, m := range g {
				m.name = m.withArticles
			}
			continue
		}
		words := make([][]string, len(g))
		for i, m := range g {
			words[i] = folderWords(m.folders)
		}
		for i, m := range g {
			m.name = base
			if q := distinguishingFolder(i, words); q != "" {
				m.name = exportedName(q + " " + m.text)
			}
		}
	}

	// Numbers for what still collides, in collection order: requests that
	// had no collision first, so that a collision elsewhere never takes
	// their name.
	names := map[*parser.RequestItem]string{}
	byRequest := map[*parser.RequestItem]*member{}
	for _, m := range all {
		byRequest[m.ri] = m
	}
	for pass := 0; pass < 2; pass++ {
		for _, ri := range reqs {
			m := byRequest[ri]
			if m == nil || (pass == 0) != (len(groups[exportedName(m.text)]) == 1) {
				continue
			}
			names[ri] = l.uniqueOperation(m.name)
		}
	}
	return names
}

// uniqueOperation returns base, or base with the smallest number from 2 up,
// that is free as a Client method and whose companion types are free in
// the package, and takes them. Methods and types are apart: the method
// GetParams and the type GetParams (of the method Get) do not collide.
func (l *lowerer) uniqueOperation(base string) string {
	for i := 1; ; i++ {
		name := base
		if i > 1 {
			name = base + strconv.Itoa(i)
		}
		companions := make([]string, len(opCompanions))
		for j, c := range opCompanions {
			companions[j] = name + c
		}
		if l.methods.free(name) && l.names.free(companions...) {
			l.methods.take(name)
			l.names.take(companions...)
			return name
		}
	}
}

// dropArticles removes the articles from a name's words, unless nothing
// else is left.
func dropArticles(text string) string {
	words := splitWords(text)
	kept := words[:0:0]
	for _, w := range words {
		if !articles[strings.ToLower(w)] {
			kept = append(kept, w)
		}
	}
	if len(kept) == 0 {
		return text
	}
	return strings.Join(kept, " ")
}

// distinct reports whether key gives every member a different value.
func distinct[T any](ms []T, key func(T) string) bool {
	seen := map[string]bool{}
	for _, m := range ms {
		k := key(m)
		if seen[k] {
			return false
		}
		seen[k] = true
	}
	return true
}

// folderWords are the names of a request's folders, root first, with path
// parameters left out ("channels/{channel Id}" → Channels): they name a
// place, not a value. Folders that are only a parameter ("{petId}") come
// last, under the parameter's name.
func folderWords(folders []string) []string {
	var out, params []string
	for _, f := range folders {
		w := exportedName(pathParam.ReplaceAllString(f, " "))
		if w == "" {
			params = append(params, exportedName(f))
			continue
		}
		out = append(out, w)
	}
	var words []string
	for _, w := range append(out, params...) {
		if w != "" && !slices.Contains(words, w) {
			words = append(words, w)
		}
	}
	return words
}

// pathParam matches a path parameter in a folder name: {id}, {{id}}, :id.
var pathParam = regexp.MustCompile(`\{[^{}]*\}|\{\{[^{}]*\}\}|:[A-Za-z_][A-Za-z0-9_]*`)

// distinguishingFolder picks the folder word that tells request i of a
// group apart: the first, from the root, that no other request of the
// group has; else the first that some other request lacks; else "" (its
// folders are all in the others': the general one keeps the bare name).
func distinguishingFolder(i int, words [][]string) string {
	others := func(w string) (all, some bool) {
		all = true
		for j, ws := range words {
			if j == i {
				continue
			}
			has := slices.Contains(ws, w)
			all = all && has
			some = some || has
		}
		return all, some
	}
	for _, w := range words[i] {
		if _, some := others(w); !some {
			return w
		}
	}
	for _, w := range words[i] {
		if all, _ := others(w); !all {
			return w
		}
	}
	return ""
}
