package lower

import (
	"slices"
	"strings"

	"github.com/postman2go/postman2go/generator/ir"
)

// mergeAlternatives folds the disabled copies of a key into one field. A
// collection often lists a key several times in one place, one entry
// enabled and the others disabled, as the values a user switches between
// (grant_type client_credentials, refresh_token, authorization_code): that
// is one parameter, not GrantType, GrantType2 and GrantType3. The field
// kept is the enabled entry (else the first); the others' examples are
// named in its doc. Keys repeated enabled are several values and stay.
func mergeAlternatives(op *ir.Operation) {
	type key struct {
		in   ir.Location
		wire string
	}
	groups := map[key][]*ir.Field{}
	for _, f := range op.Fields {
		switch f.In {
		case ir.InQuery, ir.InHeader, ir.InForm, ir.InMultipart:
			k := key{f.In, f.Wire}
			groups[k] = append(groups[k], f)
		}
	}
	drop := map[*ir.Field]bool{}
	for _, g := range groups {
		if len(g) < 2 {
			continue
		}
		keep := -1
		enabled := 0
		for i, f := range g {
			if !f.Disabled {
				enabled++
				keep = i
			}
		}
		if enabled > 1 || g[0].Kind == ir.KindFile || g[0].Kind == ir.KindFiles {
			continue
		}
		if keep < 0 {
			keep = 0
		}
		kept := g[keep]
		var others []string
		for i, f := range g {
			if i == keep {
				continue
			}
			drop[f] = true
			if ex := docExample(f.Example); ex != "" && !isLorem(ex) && ex != docExample(kept.Example) && !slices.Contains(others, ex) {
				others = append(others, ex)
			}
		}
		if len(others) > 0 {
			kept.Doc = append(kept.Doc, "The collection also lists the values "+strings.Join(others, ", ")+" (disabled).")
		}
	}
	if len(drop) > 0 {
		op.Fields = slices.DeleteFunc(op.Fields, func(f *ir.Field) bool { return drop[f] })
	}
}
