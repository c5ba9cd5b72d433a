package parser

// RequestItem is a request item seen from the collection root: the item, the
// folders that enclose it (outermost first) and what it inherits from them.
type RequestItem struct {
	*Item
	Folders []*Item
	// Auth is the effective auth after Postman's inheritance rule: the
	// request's own auth, else the nearest folder's, else the collection's.
	// A "noauth" block stops the search; nil means no auth anywhere.
	Auth *Auth
	// Scripts counts the enabled, non-empty scripts Postman would run around
	// this request (collection, folders and item).
	Scripts int
}

// Requests returns every request item in document order.
func (c *Collection) Requests() []*RequestItem {
	var out []*RequestItem
	var walk func(items []*Item, folders []*Item, auth *Auth, scripts int)
	walk = func(items []*Item, folders []*Item, auth *Auth, scripts int) {
		for _, it := range items {
			s := scripts + countScripts(it.Events)
			if it.IsFolder() {
				a := auth
				if it.Auth != nil {
					a = it.Auth
				}
				walk(it.Items, append(folders[:len(folders):len(folders)], it), a, s)
				continue
			}
			a := auth
			if it.Request.Auth != nil {
				a = it.Request.Auth
			}
			out = append(out, &RequestItem{Item: it, Folders: folders, Auth: a, Scripts: s})
		}
	}
	walk(c.Items, nil, c.Auth, countScripts(c.Events))
	return out
}

func countScripts(events []Event) int {
	n := 0
	for _, e := range events {
		if !e.Disabled && (e.Listen == "prerequest" || e.Listen == "test") && hasCode(e.Exec) {
			n++
		}
	}
	return n
}

func hasCode(src string) bool {
	for _, c := range src {
		if c != ' ' && c != '\n' && c != '\t' && c != '\r' {
			return true
		}
	}
	return false
}
