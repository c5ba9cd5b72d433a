package parser

import (
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
func isV1(root gjson.Result) bool {
	return !root.Get("info").Exists() && root.Get("requests").Exists() && root.Get("order").Exists()
}

func (p *state) collectionV1(root gjson.Result) *Collection {
	c := &Collection{Version: "1.0.0"}
	c.Name = p.str(root.Get("name"), "name")
	c.Description = p.description(root.Get("description"), "description")
	c.Variables = p.variables(root.Get("variables"), "variables")
	c.Auth = p.auth(root.Get("auth"), "auth")
	c.Events = p.events(root.Get("events"), "events")

	reqs := root.Get("requests")
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
	reqs.ForEach(func(_, v gjson.Result) bool {
		path := fmt.Sprintf("requests[%d]", i)
		i++
		if !v.IsObject() {
			p.errorf(v, path, "a request must be an object, found %s", kindOf(v))
			return true
		}
		id := v.Get("id").String()
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
	root.Get("folders").ForEach(func(_, v gjson.Result) bool {
		path := fmt.Sprintf("folders[%d]", i)
		i++
		if !v.IsObject() {
			p.errorf(v, path, "a folder must be an object, found %s", kindOf(v))
			return true
		}
		id := v.Get("id").String()
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
			p.warnf(at, from, "lists request %q, which the collection does not have; ignored", id)
			return nil
		}
		if used[id] {
			return nil // listed twice: the transformer keeps the first
		}
		used[id] = true
		return p.itemV1(e.v, e.path)
	}
	var folder func(id string, at gjson.Result, from, names string) *Item
	folder = func(id string, at gjson.Result, from, names string) *Item {
		e, ok := folders[id]
		if !ok {
			p.warnf(at, from, "lists folder %q, which the collection does not have; ignored", id)
			return nil
		}
		if usedFolder[id] {
			return nil // listed twice, or a cycle
		}
		usedFolder[id] = true
		it := p.folderV1(e.v, e.path, names)
		for _, sub := range ids(e.v.Get("folders_order")) {
			if f := folder(sub, e.v.Get("folders_order"), e.path+".folders_order", joinName(names, it.Name)); f != nil {
				it.Items = append(it.Items, f)
			}
		}
		for _, rid := range ids(e.v.Get("order")) {
			if r := request(rid, e.path+".order", e.v.Get("order")); r != nil {
				it.Items = append(it.Items, r)
			}
		}
		return it
	}

	c.Items = []*Item{}
	top := ids(root.Get("folders_order"))
	if !root.Get("folders_order").Exists() {
		// Without folders_order the top-level folders are those no other
		// folder lists, in document order.
		nested := map[string]bool{}
		for _, id := range folderOrder {
			for _, sub := range ids(folders[id].v.Get("folders_order")) {
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
		if f := folder(id, root.Get("folders_order"), "folders_order", ""); f != nil {
			c.Items = append(c.Items, f)
		}
	}
	for _, id := range ids(root.Get("order")) {
		if r := request(id, "order", root.Get("order")); r != nil {
			c.Items = append(c.Items, r)
		}
	}
	for _, id := range reqOrder {
		if !used[id] {
			e := byID[id]
			p.itemName, p.itemPath = e.v.Get("name").String(), e.path
			p.warnf(e.v, "", "listed in no order (root or folder); added at the top level")
			p.itemName, p.itemPath = "", ""
			c.Items = append(c.Items, request(id, "", e.v))
		}
	}
	return c
}

// ids reads an array of id strings.
func ids(v gjson.Result) []string {
	var out []string
	v.ForEach(func(_, s gjson.Result) bool {
		if s.Type == gjson.String {
			out = append(out, s.String())
		}
		return true
	})
	return out
}

func (p *state) folderV1(v gjson.Result, path, parentNames string) *Item {
	outerName, outerPath := p.itemName, p.itemPath
	defer func() { p.itemName, p.itemPath = outerName, outerPath }()
	it := &Item{Path: path, Pos: p.lines.pos(v.Index), Items: []*Item{}}
	p.itemPath = path
	it.Name = p.str(v.Get("name"), "name")
	p.itemName = joinName(parentNames, it.Name)
	it.Description = p.description(v.Get("description"), "description")
	it.Variables = p.variables(v.Get("variables"), "variables")
	it.Events = p.events(v.Get("events"), "events")
	it.Auth = p.authV1(v)
	return it
}

// itemV1 converts one v1 request. Diagnostics name it by its path in the
// requests array.
func (p *state) itemV1(v gjson.Result, path string) *Item {
	outerName, outerPath := p.itemName, p.itemPath
	defer func() { p.itemName, p.itemPath = outerName, outerPath }()
	it := &Item{Path: path, Pos: p.lines.pos(v.Index)}
	p.itemPath = path
	it.Name = p.str(v.Get("name"), "name")
	p.itemName = it.Name
	it.Description = p.description(v.Get("description"), "description")
	it.Events = p.events(v.Get("events"), "events")
	for _, s := range []struct{ key, listen string }{{"preRequestScript", "prerequest"}, {"tests", "test"}} {
		if src := v.Get(s.key); src.Type == gjson.String && hasCode(src.String()) {
			it.Events = append(it.Events, Event{Listen: s.listen, Exec: src.String()})
		}
	}
	it.ProtocolProfileBehavior = p.behavior(v.Get("protocolProfileBehavior"))
	it.Request = p.requestV1(v)
	i := 0
	v.Get("responses").ForEach(func(_, r gjson.Result) bool {
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
	if m := v.Get("method"); m.Type == gjson.String && m.String() != "" {
		r.Method = strings.ToUpper(m.String())
	}
	r.URL = p.url(v.Get("url"), "url")
	if q := v.Get("queryParams"); q.IsArray() && len(q.Array()) > 0 {
		r.URL.Query = p.paramsV1(q, "queryParams")
	}
	if pv := v.Get("pathVariableData"); pv.IsArray() {
		r.URL.Variables = p.paramsV1(pv, "pathVariableData")
	} else if pv := v.Get("pathVariables"); pv.IsObject() {
		pv.ForEach(func(k, val gjson.Result) bool {
			r.URL.Variables = append(r.URL.Variables, Param{Key: k.String(), Value: p.scalar(val, "pathVariables."+k.String()), Pos: p.lines.pos(val.Index), Path: "pathVariables." + k.String()})
			return true
		})
	}
	if hd := v.Get("headerData"); hd.IsArray() && len(hd.Array()) > 0 {
		r.Headers = p.paramsV1(hd, "headerData")
	} else {
		r.Headers = p.headers(v.Get("headers"), "headers")
	}
	r.Body = p.bodyV1(v)
	r.Auth = p.authV1(v)
	return r
}

// paramsV1 reads v1 key/value entries, where enabled:false means disabled.
func (p *state) paramsV1(v gjson.Result, field string) []Param {
	out := p.params(v, field)
	i := 0
	v.ForEach(func(_, e gjson.Result) bool {
		if en := e.Get("enabled"); en.Exists() && en.Type == gjson.False && i < len(out) {
			out[i].Disabled = true
		}
		i++
		return true
	})
	return out
}

func (p *state) bodyV1(v gjson.Result) *Body {
	mode := p.str(v.Get("dataMode"), "dataMode")
	b := &Body{Disabled: v.Get("dataDisabled").Bool()}
	switch mode {
	case "", "none":
		return nil
	case "raw":
		b.Mode = "raw"
		raw := v.Get("rawModeData")
		if raw.IsArray() && len(raw.Array()) == 0 {
			return nil // old exports write [] for an empty raw body
		}
		b.Raw = p.str(raw, "rawModeData")
		b.Language = p.str(v.Get("dataOptions.raw.language"), "dataOptions.raw.language")
		if b.Raw == "" {
			return nil
		}
	case "urlencoded":
		b.Mode = "urlencoded"
		b.URLEncoded = p.paramsV1(v.Get("data"), "data")
		if len(b.URLEncoded) == 0 {
			return nil
		}
	case "params":
		b.Mode = "formdata"
		b.FormData = p.paramsV1(v.Get("data"), "data")
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
				p.warnf(v.Get(fmt.Sprintf("data.%d", i)), fd.Path, "unknown form-data part type %q, sent as text", fd.Type)
				fd.Type = "text"
			}
		}
	case "binary":
		b.Mode = "file"
	case "graphql":
		b.Mode = "graphql"
		g := v.Get("graphqlModeData")
		b.GraphQLQuery = p.str(g.Get("query"), "graphqlModeData.query")
		if vars := g.Get("variables"); vars.Type == gjson.String {
			b.GraphQLVariables = vars.String()
		} else if vars.IsObject() {
			b.GraphQLVariables = vars.Raw
		}
	default:
		p.errorf(v.Get("dataMode"), "dataMode", "unknown body mode %q (want raw, urlencoded, params, binary or graphql)", mode)
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
	helper := v.Get("currentHelper")
	if helper.Type != gjson.String || helper.String() == "" {
		return p.auth(v.Get("auth"), "auth")
	}
	typ, ok := legacyHelpers[helper.String()]
	if !ok {
		p.warnf(helper, "currentHelper", "unknown auth helper %q; the request inherits auth", helper.String())
		return nil
	}
	if typ == "" {
		return nil
	}
	a := &Auth{Type: typ, Pos: p.lines.pos(helper.Index), Path: "helperAttributes"}
	renames := legacyAuthKeys[typ]
	v.Get("helperAttributes").ForEach(func(k, val gjson.Result) bool {
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
	r.Name = p.str(v.Get("name"), f+".name")
	if code := v.Get("responseCode.code"); code.Type == gjson.Number || (code.Type == gjson.String && isDigits(code.String())) {
		r.Code = int(code.Int())
	}
	r.Status = p.str(v.Get("responseCode.name"), f+".responseCode.name")
	r.Headers = p.headers(v.Get("headers"), f+".headers")
	r.Body = p.str(v.Get("text"), f+".text")
	r.PreviewLanguage = p.str(v.Get("language"), f+".language")
	if or := v.Get("request"); or.IsObject() {
		r.OriginalRequest = p.requestV1(or)
	}
	return r
}
