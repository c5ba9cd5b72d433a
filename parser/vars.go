package parser

import (
	"regexp"
	"strings"
)

// Postman's {{variable}} references, in one place for the generator and the
// conformance harness.

// VarRef matches one {{name}} reference; submatch 1 is the name.
var VarRef = regexp.MustCompile(`\{\{([^{}]*?)\}\}`)

// Resolve substitutes {{name}} references the way Postman does: textually,
// up to 19 passes (a value may reference another variable), unknown names
// left in place.
func Resolve(s string, vars map[string]string) string {
	for pass := 0; pass < 19 && strings.Contains(s, "{{"); pass++ {
		next := VarRef.ReplaceAllStringFunc(s, func(m string) string {
			if v, ok := vars[m[2:len(m)-2]]; ok {
				return v
			}
			return m
		})
		if next == s {
			break
		}
		s = next
	}
	return s
}

// EnabledVars are the collection's variables that Postman substitutes: the
// enabled ones with a key, later definitions winning.
func (c *Collection) EnabledVars() map[string]string {
	vars := map[string]string{}
	for _, v := range c.Variables {
		if !v.Disabled && v.Key != "" {
			vars[v.Key] = v.Value
		}
	}
	return vars
}
