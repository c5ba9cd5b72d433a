package lower

// Hosts: the base URL of each request, the package default, and host
// variables that become parameters.

import (
	"fmt"
	"net/url"
	"sort"
	"strings"

	"github.com/postman2go/postman2go/generator/ir"
	"github.com/postman2go/postman2go/parser"
)

// baseURL returns the request's scheme, host, port (and any base path a
// variable carries), resolved. When the host names variables the collection
// does not define, base is "" and template is the host text with the known
// variables substituted, e.g. "https://{{region}}.example.com".
func (l *lowerer) baseURL(ri *parser.RequestItem) (base, template string) {
	u := ri.Request.URL
	host := l.resolve(strings.Join(u.Host, "."))
	if host == "" {
		return "", ""
	}
	proto := l.resolve(u.Protocol)
	base = host
	if !strings.Contains(host, "://") {
		if proto == "" {
			// Postman sends http://, which would put credentials on the
			// wire in clear text: the client defaults to https.
			l.warnf(ri, "the URL %.80q has no scheme; the client uses https:// (Postman sends http://): write the scheme in the collection to choose", host)
			proto = "https"
		}
		base = proto + "://" + host
	}
	if u.Port != "" {
		base += ":" + l.resolve(u.Port)
	}
	if strings.Contains(base, "{{") {
		// No scheme in the collection: atBase adds https:// at run time
		// unless a variable's value brings one.
		template = host
		if p := l.resolve(u.Protocol); p != "" && !strings.Contains(host, "://") {
			template = p + "://" + host
		}
		if u.Port != "" {
			template += ":" + l.resolve(u.Port)
		}
		l.badHosts[template] = append(l.badHosts[template], ri)
		return "", template
	}
	if scheme, rest, ok := strings.Cut(base, "://"); ok {
		// Only the host part: a base path may contain "@".
		// user:password@host: credentials never become a constant.
		hostPart, path, _ := strings.Cut(rest, "/")
		if at := strings.LastIndex(hostPart, "@"); at >= 0 {
			l.warnf(ri, "the URL carries credentials (user:password@); they are not generated, use WithBasicAuth")
			base = scheme + "://" + hostPart[at+1:]
			if path != "" {
				base += "/" + path
			}
		}
	}
	base = strings.TrimSuffix(base, "/")
	if u, err := url.Parse(base); err != nil || u.Scheme == "" || u.Host == "" {
		l.warnf(ri, "host %q does not make a usable base URL (%q); the request goes to the client's base URL", strings.Join(ri.Request.URL.Host, "."), base)
		return "", ""
	}
	return base, ""
}

// hostParams makes each undefined variable of an operation's host template
// a required parameter, from which the operation builds its base URL.
func (l *lowerer) hostParams(ri *parser.RequestItem, op *ir.Operation, template string, fields *scope) {
	if nestedVars(template) || strings.Contains(parser.VarRef.ReplaceAllString(template, ""), "{{") {
		l.warnf(ri, "host %q cannot be split into text and variables; the request goes to the client's base URL", template)
		return
	}
	byName := map[string]*ir.Field{}
	var hostFields []*ir.Field
	for s := template; s != ""; {
		loc := parser.VarRef.FindStringSubmatchIndex(s)
		if loc == nil {
			op.BaseTemplate = append(op.BaseTemplate, ir.BasePart{Literal: s})
			break
		}
		if loc[0] > 0 {
			op.BaseTemplate = append(op.BaseTemplate, ir.BasePart{Literal: s[:loc[0]]})
		}
		name := s[loc[2]:loc[3]]
		f := byName[name]
		if f == nil {
			goName := exportedName(name)
			if goName == "" {
				goName = "Host"
			}
			f = &ir.Field{Name: fields.unique(goName), Wire: name, In: ir.InHost, Kind: ir.KindString, Required: true, Evidence: "variable in the host"}
			f.Doc = []string{fmt.Sprintf("%s is the host variable %q, part of this operation's base URL.", f.Name, name)}
			byName[name] = f
			hostFields = append(hostFields, f)
		}
		op.BaseTemplate = append(op.BaseTemplate, ir.BasePart{Param: f, Check: hostCheck(template, s, loc)})
		s = s[loc[1]:]
	}
	op.Fields = append(hostFields, op.Fields...)
}

// hostCheck decides what the variable at loc in rest, the unparsed end of
// template, may hold: the whole host when it is all of template, a port
// when it follows "host:", DNS labels otherwise.
func hostCheck(template, rest string, loc []int) ir.HostCheck {
	before := template[:len(template)-len(rest)] + rest[:loc[0]]
	switch {
	case before == "" && loc[1] == len(rest):
		return ir.HostBase
	case strings.HasSuffix(before, ":") && !strings.HasSuffix(before, "://"):
		return ir.HostPort
	}
	return ir.HostLabels
}

func mostCommon(counts map[string]int) string {
	keys := make([]string, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	best := ""
	for _, k := range keys {
		if counts[k] > counts[best] || best == "" {
			best = k
		}
	}
	return best
}
