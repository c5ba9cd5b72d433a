package v3

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"unicode/utf16"

	"go.yaml.in/yaml/v3"

	"github.com/postman2go/postman2go/parser"
)

// Version is what Collection.Version says for a v3 collection.
const Version = "3.0.0"

// ParseDir reads the v3 collection in the directory root. It returns what
// parser.Parse returns for the collection's v2.1 twin: the collection,
// warnings, and an error (a parser.ErrorList) for problems that make the
// collection unreadable, with the collection nil. Diagnostics name files
// relative to root, with line:column in that file, the item (the names of
// its folders and its own, slash-joined) and the item's path (its file or
// directory relative to root); Field is the YAML path inside the file.
//
// Symbolic links in the collection are not followed (a warning names each).
func ParseDir(root string) (*parser.Collection, []*parser.Diagnostic, error) {
	st, err := os.Stat(root)
	if err != nil {
		return nil, nil, err
	}
	if !st.IsDir() {
		return nil, nil, fmt.Errorf("%s is not a directory: a v3 collection is a directory of YAML files", root)
	}
	name := filepath.Base(root)
	if abs, err := filepath.Abs(root); err == nil {
		name = filepath.Base(abs)
	}
	return ParseFS(os.DirFS(root), name)
}

// ParseFS is ParseDir for a collection held in fsys at its root ("."); name
// is the collection's name when its definition gives none (ParseDir uses
// the directory's name, as the Postman CLI does).
func ParseFS(fsys fs.FS, name string) (c *parser.Collection, warns []*parser.Diagnostic, err error) {
	p := &state{fsys: fsys}
	defer func() {
		if r := recover(); r != nil {
			c, err = nil, parser.ErrorList{{Msg: fmt.Sprintf("internal error reading the v3 collection: %v (this is a bug in postman2go: please report it with the collection)", r)}}
		}
	}()
	c = p.collection(name)
	sortDiags(p.warns)
	sortDiags(p.errs)
	if len(p.errs) > 0 {
		return nil, p.warns, p.errs
	}
	return c, p.warns, nil
}

// sortDiags orders diagnostics by file, then position, then message.
func sortDiags(l []*parser.Diagnostic) {
	sort.SliceStable(l, func(i, j int) bool {
		if l[i].File != l[j].File {
			return l[i].File < l[j].File
		}
		if l[i].Pos.Offset != l[j].Pos.Offset {
			return l[i].Pos.Offset < l[j].Pos.Offset
		}
		return l[i].Msg < l[j].Msg
	})
}

type state struct {
	fsys  fs.FS
	warns []*parser.Diagnostic
	errs  parser.ErrorList
	files int
	bytes int64
	full  bool // a limit was reached: read nothing more
}

func (p *state) errorf(rel, format string, args ...any) {
	p.errs = append(p.errs, &parser.Diagnostic{File: rel, Msg: fmt.Sprintf(format, args...)})
}

func (p *state) warnf(rel, itemNames, itemPath, format string, args ...any) {
	p.warns = append(p.warns, &parser.Diagnostic{File: rel, Pos: parser.Position{File: rel}, Item: itemNames, ItemPath: itemPath, Msg: fmt.Sprintf(format, args...)})
}

// load reads and parses one file; nil when it cannot be read or parsed,
// with an error recorded.
func (p *state) load(rel string) *file {
	if p.full {
		return nil
	}
	if p.files++; p.files > MaxFiles {
		p.full = true
		p.errorf(rel, "the collection has more than %d files: refused", MaxFiles)
		return nil
	}
	fh, err := p.fsys.Open(rel)
	if err != nil {
		p.errorf(rel, "cannot read: %v", err)
		return nil
	}
	defer fh.Close()
	data, err := io.ReadAll(io.LimitReader(fh, MaxFileBytes+1))
	if err != nil {
		p.errorf(rel, "cannot read: %v", err)
		return nil
	}
	if len(data) > MaxFileBytes {
		p.errorf(rel, "the file is larger than %d MiB: refused", MaxFileBytes>>20)
		return nil
	}
	if p.bytes += int64(len(data)); p.bytes > MaxTotalBytes {
		p.full = true
		p.errorf(rel, "the collection's files add up to more than %d MiB: refused", MaxTotalBytes>>20)
		return nil
	}
	f, d := parseYAML(rel, data)
	if d != nil {
		p.errs = append(p.errs, d)
		return nil
	}
	return f
}

// readDir lists a directory of the collection, sorted by name. Symbolic
// links are left out with a warning.
func (p *state) readDir(rel, itemNames string) []fs.DirEntry {
	entries, err := fs.ReadDir(p.fsys, rel)
	if err != nil {
		p.errorf(rel, "cannot read the directory: %v", err)
		return nil
	}
	out := entries[:0]
	for _, e := range entries {
		if e.Type()&fs.ModeSymlink != 0 {
			p.warnf(relJoin(rel, e.Name()), itemNames, rel, "symbolic link not followed: it is left out of the collection")
			continue
		}
		out = append(out, e)
	}
	return out
}

func relJoin(dir, name string) string {
	if dir == "." || dir == "" {
		return name
	}
	return dir + "/" + name
}

// definition is a folder's or the collection's .resources/definition.yaml.
type definition struct {
	d *doc
	m *mapping
}

// definition reads the definition of the directory rel, if it has one.
func (p *state) definition(rel, itemNames string) *definition {
	res := relJoin(rel, ".resources")
	yml, yamlErr := fs.Stat(p.fsys, res+"/definition.yaml")
	_, ymlErr := fs.Stat(p.fsys, res+"/definition.yml")
	name := res + "/definition.yaml"
	switch {
	case yamlErr == nil && ymlErr == nil:
		p.errorf(res, "both definition.yaml and definition.yml exist; only one is allowed (the Postman CLI refuses the collection)")
		return nil
	case yamlErr != nil && ymlErr == nil:
		name = res + "/definition.yml"
	case yamlErr != nil:
		return nil
	case yml.IsDir():
		p.errorf(name, "definition.yaml is a directory")
		return nil
	}
	f := p.load(name)
	if f == nil {
		return nil
	}
	d := &doc{st: p, f: f, item: itemNames, ipath: rel}
	if f.root == nil {
		return &definition{d: d}
	}
	m := d.mapping(f.root, "")
	if m == nil {
		return nil
	}
	if k := d.str(m.get("$kind"), "$kind"); k != "collection" && m.has("$kind") {
		d.warnf(m.get("$kind"), "$kind", "$kind of a definition should be collection, found %q; read as one", truncate(k, 80))
	}
	return &definition{d: d, m: m}
}

func (p *state) collection(name string) *parser.Collection {
	c := &parser.Collection{Name: name, Version: Version}
	def := p.definition(".", "")
	if def != nil && def.m != nil {
		d, m := def.d, def.m
		if n := m.get("name"); !isNull(n) {
			c.Name = d.str(n, "name")
		}
		c.Schema = d.str(m.get("$schema"), "$schema")
		c.Description = d.description(m.get("description"), "description")
		c.Variables = d.variables(m.get("variables"), "variables")
		c.Auth = d.auth(m.get("auth"), "auth")
		c.Events = d.scripts(m.get("scripts"), "scripts")
		c.ProtocolProfileBehavior = d.settings(m.get("settings"), "settings")
	}
	c.Items = p.items(".", nil, 0)
	return c
}

// entry is one sibling in a directory: a folder or a request, with what
// orders it.
type entry struct {
	order float64
	name  string // display name
	file  string // file or directory name
	item  *parser.Item
	dir   string           // a folder's path, to read after sorting
	resp  *parser.Response // an example's response
}

// items reads the folders and requests of the directory rel.
func (p *state) items(rel string, names []string, depth int) []*parser.Item {
	joined := strings.Join(names, "/")
	var entries []*entry
	for _, e := range p.readDir(rel, joined) {
		if p.full {
			break
		}
		name := e.Name()
		if strings.HasPrefix(name, ".") {
			continue
		}
		child := relJoin(rel, name)
		if e.IsDir() {
			if depth >= parser.MaxDepth {
				p.errorf(child, "folders nested more than %d levels deep: refused", parser.MaxDepth)
				continue
			}
			entries = append(entries, p.folderEntry(child, name, names))
			continue
		}
		lower := strings.ToLower(name)
		switch {
		case strings.HasSuffix(lower, ".request.yaml"), strings.HasSuffix(lower, ".request.yml"):
			if en := p.request(child, name, names); en != nil {
				entries = append(entries, en)
			}
		case strings.HasSuffix(lower, ".yaml"), strings.HasSuffix(lower, ".yml"):
			p.warnf(child, joined, rel, "not a request file (a request's name ends in .request.yaml); ignored")
		}
	}
	sortEntries(entries)
	out := []*parser.Item{}
	for _, en := range entries {
		if en.dir != "" {
			en.item.Items = p.items(en.dir, append(names[:len(names):len(names)], en.item.Name), depth+1)
		}
		out = append(out, en.item)
	}
	return out
}

// sortEntries orders siblings as the Postman CLI runner does: folders and
// requests in one sequence by order, a missing order counting as 0, ties by
// display name compared as UTF-16 (JavaScript's default string order), then
// by file name.
func sortEntries(es []*entry) {
	sort.SliceStable(es, func(i, j int) bool {
		a, b := es[i], es[j]
		if a.order != b.order {
			return a.order < b.order
		}
		if c := compareUTF16(a.name, b.name); c != 0 {
			return c < 0
		}
		return a.file < b.file
	})
}

func compareUTF16(a, b string) int {
	if a == b {
		return 0
	}
	ua, ub := utf16.Encode([]rune(a)), utf16.Encode([]rune(b))
	for i := 0; i < len(ua) && i < len(ub); i++ {
		if ua[i] != ub[i] {
			if ua[i] < ub[i] {
				return -1
			}
			return 1
		}
	}
	switch {
	case len(ua) < len(ub):
		return -1
	case len(ua) > len(ub):
		return 1
	}
	return strings.Compare(a, b)
}

// order reads an order key. The Postman CLI skips an item whose order is
// not a finite number; postman2go keeps it, ordered as if it had none.
func (d *doc) order(m *mapping, what string) float64 {
	n := m.get("order")
	if n == nil {
		return 0
	}
	n = d.deref(n)
	f, ok := number(n)
	if !ok {
		d.warnf(n, "order", "order must be a number, found %s; it is ordered as if it had none, but the Postman CLI skips the %s", kindOf(n), what)
		return 0
	}
	return f
}

func (p *state) folderEntry(rel, dirName string, names []string) *entry {
	it := &parser.Item{Name: dirName, Path: rel, Pos: parser.Position{File: rel}}
	en := &entry{name: dirName, file: dirName, item: it, dir: rel}
	def := p.definition(rel, strings.Join(append(names[:len(names):len(names)], dirName), "/"))
	if def == nil || def.m == nil {
		return en
	}
	d, m := def.d, def.m
	it.Pos = d.pos(m.node)
	if n := m.get("name"); !isNull(n) {
		it.Name = d.str(n, "name")
		en.name = it.Name
		d.item = strings.Join(append(names[:len(names):len(names)], it.Name), "/")
	}
	it.Description = d.description(m.get("description"), "description")
	it.Variables = d.variables(m.get("variables"), "variables")
	it.Auth = d.auth(m.get("auth"), "auth")
	it.Events = d.scripts(m.get("scripts"), "scripts")
	it.ProtocolProfileBehavior = d.settings(m.get("settings"), "settings")
	en.order = d.order(m, "folder")
	return en
}

// requestStem is a request file's name without .request.yaml (or .yml).
func requestStem(name string) string {
	lower := strings.ToLower(name)
	if strings.HasSuffix(lower, ".request.yml") {
		return name[:len(name)-len(".request.yml")]
	}
	return name[:len(name)-len(".request.yaml")]
}

// request reads a request file; nil when it holds no request postman2go
// reads (another protocol, an empty file, or an error).
func (p *state) request(rel, fileName string, names []string) *entry {
	stem := requestStem(fileName)
	dir := path.Dir(rel)
	itemNames := strings.Join(append(names[:len(names):len(names)], stem), "/")
	f := p.load(rel)
	if f == nil {
		return nil
	}
	d := &doc{st: p, f: f, item: itemNames, ipath: rel}
	if f.root == nil {
		d.warnf(nil, "", "the request file is empty; skipped")
		return nil
	}
	m := d.mapping(f.root, "")
	if m == nil {
		return nil
	}
	it := &parser.Item{Name: stem, Path: rel, Pos: d.pos(m.node)}
	if n := m.get("name"); !isNull(n) {
		it.Name = d.str(n, "name")
		d.item = strings.Join(append(names[:len(names):len(names)], it.Name), "/")
	}
	kind := d.str(m.get("$kind"), "$kind")
	switch kind {
	case "http-request":
		it.Request = d.httpRequest(m, "")
	case "graphql-request":
		it.Request = d.graphQLRequest(m, "")
	case "":
		d.warnf(m.node, "$kind", "no $kind: read as an http-request")
		it.Request = d.httpRequest(m, "")
	default:
		d.warnf(m.get("$kind"), "$kind", "a %s is not an HTTP request: postman2go generates HTTP clients only; the request is skipped", truncate(kind, 80))
		return nil
	}
	it.Events = d.scripts(m.get("scripts"), "scripts")
	it.ProtocolProfileBehavior = d.settings(m.get("settings"), "settings")
	it.Responses = p.examples(d, m, dir, stem)
	return &entry{order: d.order(m, "request"), name: it.Name, file: fileName, item: it}
}

// description reads a description: a string, or the object form
// {content, type} (which the Postman CLI refuses: the request is dropped).
func (d *doc) description(n *yaml.Node, field string) string {
	n = d.deref(n)
	switch {
	case isNull(n):
		return ""
	case n.Kind == yaml.ScalarNode:
		return n.Value
	case n.Kind == yaml.MappingNode:
		m := d.asMapping(n, field, 0)
		d.warnf(n, field, "a description in the object form {content, type}: its content is read, but the Postman CLI drops what it describes; write the description as a string")
		return d.str(m.get("content"), joinField(field, "content"))
	}
	d.warnf(n, field, "a description must be a string, found %s; ignored", kindOf(n))
	return ""
}

// settings reads a request's or folder's settings, the v3 home of v2.1's
// protocolProfileBehavior.
func (d *doc) settings(n *yaml.Node, field string) map[string]string {
	m := d.mapping(n, field)
	if m == nil {
		return nil
	}
	out := map[string]string{}
	for i, k := range m.keys {
		out[k.Value] = d.value(m.vals[i], joinField(field, k.Value))
	}
	return out
}

// variables reads definition variables: a map {key: value} or a list of
// {key, value, description?, disabled?, secret?}.
func (d *doc) variables(n *yaml.Node, field string) []parser.Variable {
	n = d.deref(n)
	if isNull(n) {
		return nil
	}
	var out []parser.Variable
	switch n.Kind {
	case yaml.MappingNode:
		m := d.asMapping(n, field, 0)
		for i, k := range m.keys {
			out = append(out, parser.Variable{Key: k.Value, Value: d.value(m.vals[i], joinField(field, k.Value))})
		}
	case yaml.SequenceNode:
		for i, e := range d.list(n, field) {
			f := index(field, i)
			if e.Kind != yaml.MappingNode {
				d.warnf(e, f, "a variable must be a mapping, found %s; ignored", kindOf(e))
				continue
			}
			m := d.asMapping(e, f, 0)
			v := parser.Variable{
				Key:         d.value(m.get("key"), f+".key"),
				Value:       d.value(m.get("value"), f+".value"),
				Type:        d.str(m.get("type"), f+".type"),
				Description: d.description(m.get("description"), f+".description"),
				Disabled:    d.flag(m.get("disabled")),
			}
			if d.flag(m.get("secret")) {
				v.Type = "secret"
			}
			out = append(out, v)
		}
	default:
		d.warnf(n, field, "variables must be a mapping or a list, found %s; ignored", kindOf(n))
	}
	return out
}

// scripts reads scripts into events: beforeRequest (also
// http:beforeRequest at collection and folder level) is v2.1's prerequest,
// afterResponse its test.
func (d *doc) scripts(n *yaml.Node, field string) []parser.Event {
	n = d.deref(n)
	if isNull(n) {
		return nil
	}
	if n.Kind != yaml.SequenceNode {
		d.warnf(n, field, "scripts must be a list, found %s; ignored", kindOf(n))
		return nil
	}
	var out []parser.Event
	for i, e := range d.list(n, field) {
		f := index(field, i)
		if e.Kind != yaml.MappingNode {
			d.warnf(e, f, "a script must be a mapping, found %s; ignored", kindOf(e))
			continue
		}
		m := d.asMapping(e, f, 0)
		typ := d.str(m.get("type"), f+".type")
		listen := typ
		if j := strings.LastIndexByte(typ, ':'); j >= 0 {
			listen = typ[j+1:]
		}
		switch listen {
		case "beforeRequest":
			listen = "prerequest"
		case "afterResponse":
			listen = "test"
		}
		ev := parser.Event{Listen: listen, Disabled: d.flag(m.get("disabled"))}
		code := d.deref(m.get("code"))
		if code != nil && code.Kind == yaml.SequenceNode {
			var lines []string
			for j, l := range d.list(code, f+".code") {
				lines = append(lines, d.str(l, index(f+".code", j)))
			}
			ev.Exec = strings.Join(lines, "\n")
		} else {
			ev.Exec = d.str(code, f+".code")
		}
		out = append(out, ev)
	}
	return out
}
