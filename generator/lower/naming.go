package lower

import (
	"go/ast"
	"go/parser"
	"go/token"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/postman2go/postman2go/templates"
)

// All identifier naming lives in this file. Collection text reaches jen.Id
// only through these functions. Changing any rule here renames generated
// API: treat it as a breaking change.

// initialisms are words written in capitals in Go names.
var initialisms = map[string]string{
	"acl": "ACL", "api": "API", "ascii": "ASCII", "cpu": "CPU", "css": "CSS", "dns": "DNS",
	"eof": "EOF", "guid": "GUID", "html": "HTML", "http": "HTTP", "https": "HTTPS", "id": "ID",
	"ids": "IDs", "ip": "IP", "json": "JSON", "jwt": "JWT", "oauth": "OAuth", "qps": "QPS",
	"ram": "RAM", "rpc": "RPC", "sla": "SLA", "smtp": "SMTP", "sql": "SQL", "ssh": "SSH",
	"sso": "SSO", "tcp": "TCP", "tls": "TLS", "ttl": "TTL", "udp": "UDP", "ui": "UI", "uid": "UID",
	"uri": "URI", "url": "URL", "urls": "URLs", "utf8": "UTF8", "uuid": "UUID", "vm": "VM",
	"xml": "XML", "xsrf": "XSRF", "xss": "XSS",
	// The rest of staticcheck's ST1003 list, so generated names pass it.
	"amqp": "AMQP", "db": "DB", "gid": "GID", "rtp": "RTP", "sip": "SIP", "ts": "TS", "xmpp": "XMPP",
}

// possessive matches the 's of a possessive ("user's", "folder’s").
var possessive = regexp.MustCompile(`(\pL)['’][sS]\b`)

// splitWords splits text into words at every rune that is not a letter or
// digit, at lower-to-upper changes ("groupId" → group, Id) and before the
// last capital of a capital run followed by lower case ("HTTPServer" → HTTP,
// Server).
func splitWords(s string) []string {
	// A possessive is part of its word: "user's" is user, not user + S
	// (ListUserSChatMessages).
	if strings.ContainsAny(s, "'’") { // the regexp is most of the time names take
		s = possessive.ReplaceAllString(s, "$1")
	}
	var words []string
	var cur []rune
	flush := func() {
		if len(cur) > 0 {
			words = append(words, string(cur))
			cur = cur[:0]
		}
	}
	runes := []rune(strings.ToValidUTF8(s, ""))
	for i, r := range runes {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			flush()
			continue
		}
		if len(cur) > 0 {
			prev := cur[len(cur)-1]
			nextLower := i+1 < len(runes) && unicode.IsLower(runes[i+1])
			switch {
			case unicode.IsUpper(r) && unicode.IsLower(prev):
				flush()
			case unicode.IsUpper(r) && unicode.IsUpper(prev) && nextLower:
				flush()
			case unicode.IsUpper(r) && unicode.IsDigit(prev):
				flush()
			}
		}
		cur = append(cur, r)
	}
	flush()
	return words
}

// exportedWord capitalises one word, keeping the rest of its capitals (IM
// stays IM), and spells initialisms in capitals.
func exportedWord(w string) string {
	if up, ok := initialisms[strings.ToLower(w)]; ok {
		return up
	}
	r, n := utf8.DecodeRuneInString(w)
	return string(unicode.ToUpper(r)) + w[n:]
}

// joinWords Go-cases text word by word, without making it an identifier.
func joinWords(s string) string {
	var b strings.Builder
	for _, w := range splitWords(s) {
		b.WriteString(exportedWord(w))
	}
	return b.String()
}

// exportedName turns free text into an exported Go identifier, or "" when
// the text has no letters or digits.
func exportedName(s string) string {
	name := joinWords(s)
	if name == "" {
		return ""
	}
	if r, _ := utf8.DecodeRuneInString(name); !unicode.IsUpper(r) {
		// A leading digit, or a letter without case (名前): not exportable as is.
		name = "X" + name
	}
	return name
}

// unexportedName lowers the first word of an exported name: CreateUser →
// createUser, IMGroup → imGroup, ID → id.
func unexportedName(exported string) string {
	runes := []rune(exported)
	n := 0
	for n < len(runes) && unicode.IsUpper(runes[n]) {
		n++
	}
	switch {
	case n == 0:
	case n == 1 || n == len(runes):
		n = max(n, 1)
		for i := 0; i < n; i++ {
			runes[i] = unicode.ToLower(runes[i])
		}
	default:
		// "IMGroup": the last capital starts the next word.
		if unicode.IsLetter(runes[n]) {
			n--
		}
		for i := 0; i < n; i++ {
			runes[i] = unicode.ToLower(runes[i])
		}
	}
	name := string(runes)
	if token.Lookup(name).IsKeyword() || predeclared[name] {
		name += "_"
	}
	return name
}

// enumConstName names the constant for one enum value: the type name plus
// the value Go-cased ("normal" → GroupTypeNormal, "1080p" → Res1080p);
// values with no letters or digits are spelled by their position.
func enumConstName(typeName, value string, index int) string {
	v := joinWords(value)
	switch {
	case v != "":
	case value == "":
		v = "Empty"
	default:
		v = "Value" + strconv.Itoa(index+1)
	}
	return typeName + v
}

// packageName derives a package name from a directory or given name:
// lower case letters and digits only.
func packageName(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			b.WriteRune(r)
		}
	}
	name := strings.TrimLeft(b.String(), "0123456789")
	if name == "" || token.Lookup(name).IsKeyword() || predeclared[name] {
		name = "api" + name
	}
	return name
}

// predeclared are Go's predeclared identifiers.
var predeclared = map[string]bool{}

func init() {
	for _, s := range strings.Fields(`any append bool byte cap clear close comparable complex complex128
		complex64 copy delete error false float32 float64 imag int int16 int32 int64 int8 iota len make
		max min new nil panic print println real recover rune string true uint uint16 uint32 uint64
		uint8 uintptr`) {
		predeclared[s] = true
	}
}

// scope hands out unique identifiers. Names are taken in document order,
// so the same collection always gets the same names.
type scope struct {
	taken map[string]bool
}

func newScope(reserved ...string) *scope {
	s := &scope{taken: map[string]bool{}}
	for _, r := range reserved {
		s.taken[r] = true
	}
	return s
}

// free reports whether every name in names is unused.
func (s *scope) free(names ...string) bool {
	for _, n := range names {
		if s.taken[n] || !token.IsIdentifier(n) {
			return false
		}
	}
	return true
}

func (s *scope) take(names ...string) {
	for _, n := range names {
		s.taken[n] = true
	}
}

// unique returns base, or base with the smallest numeric suffix from 2 up,
// such that base+suffix plus each of the companion suffixes are all free,
// and takes them.
func (s *scope) unique(base string, companions ...string) string {
	for i := 1; ; i++ {
		name := base
		if i > 1 {
			name = base + strconv.Itoa(i)
		}
		all := []string{name}
		for _, c := range companions {
			all = append(all, name+c)
		}
		if s.free(all...) {
			s.take(all...)
			return name
		}
	}
}

// PackageName derives a valid package name from a directory name.
func PackageName(dir string) string { return packageName(dir) }

// runtimeNames lists the top-level names the runtime declares, which
// generated names must not take, plus the names every package declares.
// The runtime is parsed once per process; callers must not modify the list.
var runtimeNames = sync.OnceValue(func() []string {
	names := []string{"DefaultBaseURL", "NewClient", "Valid", "Validate", "init", "main"}
	fset := token.NewFileSet()
	for _, t := range templates.Runtime() {
		f, err := parser.ParseFile(fset, t.Name, t.Content, parser.SkipObjectResolution)
		if err != nil {
			panic(err) // the templates compile: cannot happen
		}
		for _, d := range f.Decls {
			switch d := d.(type) {
			case *ast.FuncDecl:
				// Methods too: operation methods share the Client's method set.
				names = append(names, d.Name.Name)
			case *ast.GenDecl:
				for _, s := range d.Specs {
					switch s := s.(type) {
					case *ast.TypeSpec:
						names = append(names, s.Name.Name)
					case *ast.ValueSpec:
						for _, n := range s.Names {
							names = append(names, n.Name)
						}
					}
				}
			}
		}
	}
	for p := range predeclared {
		names = append(names, p)
	}
	return names
})
