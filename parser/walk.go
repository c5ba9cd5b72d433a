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
	// Prerequest is true when one of them is a pre-request script, which
	// can change the request before it is sent.
	Prerequest bool
	// collection is the collection the request is in, for the settings it
	// inherits (Behavior).
	collection *Collection
}

// Behavior is the request's protocolProfileBehavior setting key after
// Postman's inheritance: the item's, else the nearest folder's, else the
// collection's; ok is false when none sets it.
func (ri *RequestItem) Behavior(key string) (value string, ok bool) {
	if v, ok := ri.ProtocolProfileBehavior[key]; ok {
		return v, true
	}
	for i := len(ri.Folders) - 1; i >= 0; i-- {
		if v, ok := ri.Folders[i].ProtocolProfileBehavior[key]; ok {
			return v, true
		}
	}
	if ri.collection != nil {
		v, ok := ri.collection.ProtocolProfileBehavior[key]
		return v, ok
	}
	return "", false
}

// Requests returns every request item in document order.
func (c *Collection) Requests() []*RequestItem {
	var out []*RequestItem
	var walk func(items []*Item, folders []*Item, auth *Auth, scripts int, pre bool)
	walk = func(items []*Item, folders []*Item, auth *Auth, scripts int, pre bool) {
		for _, it := range items {
			s, p := scripts+countScripts(it.Events), pre || hasPrerequest(it.Events)
			if it.IsFolder() {
				a := auth
				if it.Auth != nil {
					a = it.Auth
				}
				walk(it.Items, append(folders[:len(folders):len(folders)], it), a, s, p)
				continue
			}
			a := auth
			if it.Request.Auth != nil {
				a = it.Request.Auth
			}
			out = append(out, &RequestItem{Item: it, Folders: folders, Auth: a, Scripts: s, Prerequest: p, collection: c})
		}
	}
	walk(c.Items, nil, c.Auth, countScripts(c.Events), hasPrerequest(c.Events))
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

// hasPrerequest reports whether events hold an enabled, non-empty
// pre-request script.
func hasPrerequest(events []Event) bool {
	for _, e := range events {
		if !e.Disabled && e.Listen == "prerequest" && hasCode(e.Exec) {
			return true
		}
	}
	return false
}

func hasCode(src string) bool {
	for _, c := range src {
		if c != ' ' && c != '\n' && c != '\t' && c != '\r' {
			return true
		}
	}
	return false
}
