package parser

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/tidwall/gjson"
)

// Legacy v1 collections (top-level id, name, order, requests) are converted
// into the same model as v2, following postman-collection-transformer's
// v1 → v2.1 converter: folders by folders_order (else document order) with
// their sub-folders and then their requests by order, root requests after
// the folders; dataMode params → formdata, binary → file; enabled:false →
// disabled; header lines starting with // → disabled; tests and
// preRequestScript → events; currentHelper + helperAttributes → auth with
// the parameters renamed; responseCode/text/language → code, status, body,
// preview language. Item paths in diagnostics are v1 paths such as
// requests[3] and folders[1].

// isV1 reports whether root looks like a v1 collection.
func (p *state) isV1(root gjson.Result) bool { return v1Shape(root) }

// IsV1 reports whether data is a legacy v1 collection, by the rule Parse
// uses (no info, a requests array and an order): the conformance harness
// converts such a collection for newman.
func IsV1(data []byte) bool {
	return v1Shape(gjson.ParseBytes(bytes.TrimPrefix(data, utf8BOM)))
}

func v1Shape(root gjson.Result) bool {
	return root.IsObject() && !root.Get("info").Exists() && root.Get("requests").Exists() && root.Get("order").Exists()
}

func (p *state) collectionV1(root gjson.Result) *Collection {
	c := &Collection{Version: "1.0.0"}
	c.Name = p.str(p.get(root, "name"), "name")
	c.Description = p.description(p.get(root, "description"), "description")
	c.Variables = p.variables(p.get(root, "variables"), "variables")
	c.Auth = p.auth(p.get(root, "auth"), "auth")
	c.Events = p.events(p.get(root, "events"), "events")

	reqs := p.get(root, "requests")
	if !reqs.IsArray() {
		p.errorf(reqs, "requests", "must be an array, found %s", kindOf(reqs))
		return c
	}
	type entry struct {
		v    gjson.Result
		path string
	}
	byID := map[string]entry{}
	var reqOrder []string // ids in document order
	i := 0
	p.each(reqs, func(_, v gjson.Result) bool {
		path := fmt.Sprintf("requests[%d]", i)
		i++
		if !v.IsObject() {
			p.errorf(v, path, "a request must be an object, found %s", kindOf(v))
			return true
		}
		id := p.get(v, "id").String()
		if id == "" {
			id = path // no id: reachable only as an unlisted request
		}
		if _, dup := byID[id]; !dup {
			reqOrder = append(reqOrder, id)
		}
		byID[id] = entry{v, path}
		return true
	})
	folders := map[string]entry{}
	var folderOrder []string
	i = 0
	p.each(p.get(root, "folders"), func(_, v gjson.Result) bool {
		path := fmt.Sprintf("folders[%d]", i)
		i++
		if !v.IsObject() {
			p.errorf(v, path, "a folder must be an object, found %s", kindOf(v))
			return true
		}
		id := p.get(v, "id").String()
		if id == "" {
			id = path
		}
		folders[id] = entry{v, path}
		folderOrder = append(folderOrder, id)
		return true
	})

	used := map[string]bool{}
	usedFolder := map[string]bool{}
	request := func(id, from string, at gjson.Result) *Item {
		e, ok := byID[id]
		if !ok {
			p.warnf(at, from, "lists request %q, which the collection does not have; ignored", short(id))
			return nil
		}
		if used[id] {
			return nil // listed twice: the transformer keeps the first
		}
		used[id] = true
		return p.itemV1(e.v, e.path)
	}
	// folder converts folder id, listed in at (JSON path from) inside the
	// folders names.
	var folder func(id string, at gjson.Result, from string, names []string) *Item
	folder = func(id string, at gjson.Result, from string, names []string) *Item {
		e, ok := folders[id]
		if !ok {
			p.warnf(at, from, "lists folder %q, which the collection does not have; ignored", short(id))
			return nil
		}
		if usedFolder[id] {
			return nil // listed twice, or a cycle
		}
		if len(names) >= MaxDepth {
			p.errorf(at, from, "folders nested more than %d levels deep: refused", MaxDepth)
			return nil
		}
		usedFolder[id] = true
		it := p.folderV1(e.v, e.path, names)
		inner := append(names[:len(names):len(names)], it.Name)
		subs, order := p.get(e.v, "folders_order"), p.get(e.v, "order")
		for _, sub := range p.ids(subs) {
			if f := folder(sub, subs, e.path+".folders_order", inner); f != nil {
				it.Items = append(it.Items, f)
			}
		}
		for _, rid := range p.ids(order) {
			if r := request(rid, e.path+".order", order); r != nil {
				it.Items = append(it.Items, r)
			}
		}
		return it
	}

	c.Items = []*Item{}
	topOrder, order := p.get(root, "folders_order"), p.get(root, "order")
	top := p.ids(topOrder)
	if !topOrder.Exists() {
		// Without folders_order the top-level folders are those no other
		// folder lists, in document order.
		nested := map[string]bool{}
		for _, id := range folderOrder {
			for _, sub := range p.ids(p.get(folders[id].v, "folders_order")) {
				nested[sub] = true
			}
		}
		for _, id := range folderOrder {
			if !nested[id] {
				top = append(top, id)
			}
		}
	}
	for _, id := range top {
		if f := folder(id, topOrder, "folders_order", nil); f != nil {
			c.Items = append(c.Items, f)
		}
	}
	for _, id := range p.ids(order) {
		if r := request(id, "order", order); r != nil {
			c.Items = append(c.Items, r)
		}
	}
	for _, id := range reqOrder {
		if !used[id] {
			e := byID[id]
			p.names, p.itemPath = []string{p.get(e.v, "name").String()}, e.path
			p.warnf(e.v, "", "listed in no order (root or folder); added at the top level")
			p.names, p.itemPath = nil, ""
			c.Items = append(c.Items, request(id, "", e.v))
		}
	}
	return c
}

// ids reads an array of id strings.
func (p *state) ids(v gjson.Result) []string {
	var out []string
	p.each(v, func(_, s gjson.Result) bool {
		if s.Type == gjson.String {
			out = append(out, s.String())
		}
		return true
	})
	return out
}

func (p *state) folderV1(v gjson.Result, path string, parentNames []string) *Item {
	outerNames, outerPath := p.names, p.itemPath
	defer func() { p.names, p.itemPath = outerNames, outerPath }()
	it := &Item{Path: path, Pos: p.lines.pos(v.Index), Items: []*Item{}}
	p.itemPath = path
	it.Name = p.str(p.get(v, "name"), "name")
	p.names = append(parentNames[:len(parentNames):len(parentNames)], it.Name)
	it.Description = p.description(p.get(v, "description"), "description")
	it.Variables = p.variables(p.get(v, "variables"), "variables")
	it.Events = p.events(p.get(v, "events"), "events")
	it.Auth = p.authV1(v)
	return it
}

// itemV1 converts one v1 request. Diagnostics name it by its path in the
// requests array.
func (p *state) itemV1(v gjson.Result, path string) *Item {
	outerNames, outerPath := p.names, p.itemPath
	defer func() { p.names, p.itemPath = outerNames, outerPath }()
	it := &Item{Path: path, Pos: p.lines.pos(v.Index)}
	p.itemPath = path
	it.Name = p.str(p.get(v, "name"), "name")
	p.names = []string{it.Name}
	it.Description = p.description(p.get(v, "description"), "description")
	it.Events = p.events(p.get(v, "events"), "events")
	for _, s := range []struct{ key, listen string }{{"preRequestScript", "prerequest"}, {"tests", "test"}} {
		if src := p.get(v, s.key); src.Type == gjson.String && hasCode(src.String()) {
			it.Events = append(it.Events, Event{Listen: s.listen, Exec: src.String()})
		}
	}
	it.ProtocolProfileBehavior = p.behavior(p.get(v, "protocolProfileBehavior"))
	it.Request = p.requestV1(v)
	i := 0
	p.each(p.get(v, "responses"), func(_, r gjson.Result) bool {
		f := fmt.Sprintf("responses[%d]", i)
		i++
		if !r.IsObject() {
			p.warnf(r, f, "a saved response must be an object, found %s; ignored", kindOf(r))
			return true
		}
		it.Responses = append(it.Responses, p.responseV1(r, f))
		return true
	})
	return it
}

func (p *state) requestV1(v gjson.Result) *Request {
	r := &Request{Method: "GET"}
	if m := p.get(v, "method"); m.Type == gjson.String && m.String() != "" {
		r.Method = strings.ToUpper(m.String())
	}
	r.URL = p.url(p.get(v, "url"), "url")
	if q := p.get(v, "queryParams"); q.IsArray() && p.count(q) > 0 {
		r.URL.Query = p.paramsV1(q, "queryParams")
	}
	if pv := p.get(v, "pathVariableData"); pv.IsArray() {
		r.URL.Variables = p.paramsV1(pv, "pathVariableData")
	} else if pv := p.get(v, "pathVariables"); pv.IsObject() {
		p.each(pv, func(k, val gjson.Result) bool {
			r.URL.Variables = append(r.URL.Variables, Param{Key: k.String(), Value: p.scalar(val, "pathVariables."+k.String()), Pos: p.lines.pos(val.Index), Path: "pathVariables." + k.String()})
			return true
		})
	}
	if hd := p.get(v, "headerData"); hd.IsArray() && p.count(hd) > 0 {
		r.Headers = p.paramsV1(hd, "headerData")
	} else {
		r.Headers = p.headers(p.get(v, "headers"), "headers")
	}
	r.Body = p.bodyV1(v)
	r.Auth = p.authV1(v)
	return r
}

// paramsV1 reads v1 key/value entries, where enabled:false means disabled.
func (p *state) paramsV1(v gjson.Result, field string) []Param {
	out := p.params(v, field)
	i := 0
	p.each(v, func(_, e gjson.Result) bool {
		if en := p.get(e, "enabled"); en.Exists() && en.Type == gjson.False && i < len(out) {
			out[i].Disabled = true
		}
		i++
		return true
	})
	return out
}

func (p *state) bodyV1(v gjson.Result) *Body {
	mode := p.str(p.get(v, "dataMode"), "dataMode")
	b := &Body{Disabled: p.get(v, "dataDisabled").Bool()}
	switch mode {
	case "", "none":
		return nil
	case "raw":
		b.Mode = "raw"
		raw := p.get(v, "rawModeData")
		if raw.IsArray() && p.count(raw) == 0 {
			return nil // old exports write [] for an empty raw body
		}
		b.Raw = p.str(raw, "rawModeData")
		b.Language = p.str(p.getPath(v, "dataOptions", "raw", "language"), "dataOptions.raw.language")
		if b.Raw == "" {
			return nil
		}
	case "urlencoded":
		b.Mode = "urlencoded"
		b.URLEncoded = p.paramsV1(p.get(v, "data"), "data")
		if len(b.URLEncoded) == 0 {
			return nil
		}
	case "params":
		b.Mode = "formdata"
		parts := p.get(v, "data")
		b.FormData = p.paramsV1(parts, "data")
		if len(b.FormData) == 0 {
			return nil
		}
		for i := range b.FormData {
			fd := &b.FormData[i]
			switch fd.Type {
			case "file":
				if len(fd.Src) == 0 && fd.Value != "" {
					fd.Src = []string{fd.Value} // v1 keeps the file name in value
				}
			case "", "text":
			default:
				p.warnf(p.elem(parts, i), fd.Path, "unknown form-data part type %q, sent as text", short(fd.Type))
				fd.Type = "text"
			}
		}
	case "binary":
		b.Mode = "file"
	case "graphql":
		b.Mode = "graphql"
		g := p.get(v, "graphqlModeData")
		b.GraphQLQuery = p.str(p.get(g, "query"), "graphqlModeData.query")
		if vars := p.get(g, "variables"); vars.Type == gjson.String {
			b.GraphQLVariables = vars.String()
		} else if vars.IsObject() {
			b.GraphQLVariables = vars.Raw
		}
	default:
		p.errorf(p.get(v, "dataMode"), "dataMode", "unknown body mode %q (want raw, urlencoded, params, binary or graphql)", short(mode))
		return nil
	}
	return b
}

// legacyHelpers maps v1 currentHelper names to v2 auth types ("" for none).
var legacyHelpers = map[string]string{
	"apikeyAuth": "apikey", "basicAuth": "basic", "bearerAuth": "bearer", "digestAuth": "digest",
	"hawkAuth": "hawk", "oAuth1": "oauth1", "oAuth2": "oauth2", "ntlmAuth": "ntlm",
	"awsSigV4": "awsv4", "edgegridAuth": "edgegrid", "normal": "",
}

// legacyAuthKeys renames helperAttributes keys to v2 parameter keys.
var legacyAuthKeys = map[string]map[string]string{
	"hawk":   {"hawk_id": "authId", "hawk_key": "authKey", "ext": "extraData", "app": "appId", "dlg": "delegation", "saveToRequest": "saveHelperData"},
	"oauth1": {"header": "addParamsToHeader", "auto": "autoAddParam", "includeEmpty": "addEmptyParamsToSign"},
	"basic":  {"saveToRequest": "saveHelperData"},
}

// authV1 reads a v1 entity's auth: the modern auth object when there is no
// legacy helper, else currentHelper with helperAttributes.
func (p *state) authV1(v gjson.Result) *Auth {
	helper := p.get(v, "currentHelper")
	if helper.Type != gjson.String || helper.String() == "" {
		return p.auth(p.get(v, "auth"), "auth")
	}
	typ, ok := legacyHelpers[helper.String()]
	if !ok {
		p.warnf(helper, "currentHelper", "unknown auth helper %q; the request inherits auth", short(helper.String()))
		return nil
	}
	if typ == "" {
		return nil
	}
	a := &Auth{Type: typ, Pos: p.lines.pos(helper.Index), Path: "helperAttributes"}
	renames := legacyAuthKeys[typ]
	p.each(p.get(v, "helperAttributes"), func(k, val gjson.Result) bool {
		key := k.String()
		if key == "id" || key == "time" {
			return true // bookkeeping of the Postman app
		}
		if to, ok := renames[key]; ok {
			key = to
		}
		a.Params = append(a.Params, Param{Key: key, Value: p.scalar(val, "helperAttributes."+k.String()), Pos: p.lines.pos(val.Index), Path: "helperAttributes." + k.String()})
		return true
	})
	return a
}

func (p *state) responseV1(v gjson.Result, f string) *Response {
	r := &Response{Pos: p.lines.pos(v.Index), Path: f}
	r.Name = p.str(p.get(v, "name"), f+".name")
	if code := p.getPath(v, "responseCode", "code"); code.Type == gjson.Number || (code.Type == gjson.String && isDigits(code.String())) {
		r.Code = int(code.Int())
	}
	r.Status = p.str(p.getPath(v, "responseCode", "name"), f+".responseCode.name")
	r.Headers = p.headers(p.get(v, "headers"), f+".headers")
	r.Body = p.str(p.get(v, "text"), f+".text")
	r.PreviewLanguage = p.str(p.get(v, "language"), f+".language")
	if or := p.get(v, "request"); or.IsObject() {
		r.OriginalRequest = p.requestV1(or)
	}
	return r
}
