package parser

import (
	"strconv"
	"strings"
)

// syntaxContext finds where in the document offset lies, for a syntax error
// such as a truncated file: the JSON path of the innermost item (request or
// folder) around it with its slash-joined name (as far as the names were
// read), and the path from that item to the error. It scans only up to
// offset and never fails: what it cannot tell stays empty.
func syntaxContext(data []byte, offset int) (names []string, itemPath, field string) {
	type frame struct {
		array     bool
		index     int
		key       string // object: the key whose value is being read
		expectKey bool
		name      string // object: its "name" member, once read
	}
	var stack []*frame
	if offset > len(data) {
		offset = len(data)
	}
	for i := 0; i < offset; i++ {
		var top *frame
		if len(stack) > 0 {
			top = stack[len(stack)-1]
		}
		switch c := data[i]; c {
		case '{':
			stack = append(stack, &frame{expectKey: true})
		case '[':
			stack = append(stack, &frame{array: true})
		case '}', ']':
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
		case ',':
			if top != nil && top.array {
				top.index++
			} else if top != nil {
				top.expectKey, top.key = true, ""
			}
		case ':':
			if top != nil {
				top.expectKey = false
			}
		case '"':
			j := i + 1
			for j < offset && data[j] != '"' {
				if data[j] == '\\' {
					j++
				}
				j++
			}
			s, err := strconv.Unquote(string(data[i:min(j+1, len(data))]))
			if err != nil {
				s = string(data[i+1 : min(j, len(data))])
			}
			switch {
			case top == nil || top.array:
			case top.expectKey:
				top.key = s
			case top.key == "name" && j < offset:
				top.name = s
			}
			i = j
		}
	}
	// Build the path; an object that is an element of an "item" array is an
	// item, and the innermost one splits the path into item path and field.
	var path strings.Builder
	itemEnd := -1
	for k, f := range stack {
		if k > 0 && !f.array && stack[k-1].array && k > 1 && stack[k-2].key == "item" {
			names = append(names, f.name)
			itemPath = path.String()
			itemEnd = path.Len()
		}
		switch {
		case f.array:
			path.WriteString("[" + strconv.Itoa(f.index) + "]")
		case f.key != "" && !f.expectKey:
			if path.Len() > 0 {
				path.WriteByte('.')
			}
			path.WriteString(f.key)
		}
	}
	full := path.String()
	if itemEnd < 0 {
		return nil, "", elidePath(full)
	}
	return elideNames(names), elidePath(itemPath), elidePath(strings.TrimPrefix(full[itemEnd:], "."))
}
