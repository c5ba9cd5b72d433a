package emit

import (
	"bytes"
	"encoding/json"
	"path"
	"strconv"
	"strings"
	"time"

	"github.com/dave/jennifer/jen"

	"github.com/postman2go/postman2go/generator/ir"
)

// emitExamples writes one godoc example per operation into a _test.go file
// of the package, so go doc shows a call built from the collection's own
// example values. The examples have no "// Output:" comment: go test
// compiles them but does not run them (they would call the real API).
//
//	func ExampleClient_<Name>() {
//		c, err := NewClient(WithBearerToken(os.Getenv("API_TOKEN")))
//		if err != nil {
//			log.Fatal(err)
//		}
//		resp, err := c.<Name>(context.Background(), <Name>Params{
//			<Field>: <example value>,
//		})
//		if err != nil {
//			log.Fatal(err)
//		}
//		fmt.Println(resp.StatusCode)
//	}
func emitExamples(f *jen.File, pkg *ir.Package) {
	for _, op := range pkg.Operations {
		f.Func().Id("ExampleClient_"+op.Name).Params().Block(
			jen.List(jen.Id("c"), jen.Err()).Op(":=").Id("NewClient").Call(clientOptions(pkg, op)...),
			fatalIfErr(),
			jen.List(jen.Id("resp"), jen.Err()).Op(":=").Id("c").Dot(op.Name).Call(
				jen.Qual("context", "Background").Call(),
				jen.Id(op.ParamsType).Values(exampleFields(op)...),
			),
			fatalIfErr(),
			jen.Qual("fmt", "Println").Call(jen.Id("resp").Dot("StatusCode")),
		)
		f.Line()
	}
}

func fatalIfErr() jen.Code {
	return jen.If(jen.Err().Op("!=").Nil()).Block(jen.Qual("log", "Fatal").Call(jen.Err()))
}

// clientOptions are the NewClient options an example needs: a base URL when
// the collection names none, and credentials for the operation's auth.
func clientOptions(pkg *ir.Package, op *ir.Operation) []jen.Code {
	var opts []jen.Code
	if pkg.BaseURL == "" {
		opts = append(opts, jen.Id("WithBaseURL").Call(jen.Lit("https://api.example.com")))
	}
	getenv := func(name string) jen.Code { return jen.Qual("os", "Getenv").Call(jen.Lit(name)) }
	switch op.Auth.Kind {
	case ir.AuthBasic:
		opts = append(opts, jen.Id("WithBasicAuth").Call(getenv("API_USERNAME"), getenv("API_PASSWORD")))
	case ir.AuthAPIKey:
		opts = append(opts, jen.Id("WithAPIKey").Call(getenv("API_KEY")))
	case ir.AuthBearer, ir.AuthInherit:
		opts = append(opts, jen.Id("WithBearerToken").Call(getenv("API_TOKEN")))
	}
	return opts
}

// exampleFields sets every field that has a usable example value, every
// required field (with a visible placeholder when the collection gives no
// value), so that the call passes Validate, and every file or streamed body.
func exampleFields(op *ir.Operation) []jen.Code {
	var out []jen.Code
	var typed jen.Code
	for _, fd := range op.Fields {
		if fd.Kind == ir.KindTypedJSON {
			typed = typedBodyExample(fd)
		}
	}
	for _, fd := range op.Fields {
		if fd.Kind == ir.KindTypedJSON && typed != nil {
			out = append(out, jen.Line().Id(fd.Name).Op(":").Add(typed))
			continue
		}
		if fd.Kind == ir.KindBytes && fd.In == ir.InBody && typed != nil {
			continue // the typed Body shows the example
		}
		if v := exampleValue(fd); v != nil {
			out = append(out, jen.Line().Id(fd.Name).Op(":").Add(v))
		}
	}
	if len(out) > 0 {
		out = append(out, jen.Line())
	}
	return out
}

// exampleValue is the Go expression for fd's example, or nil to leave the
// field out. Collection text only ever becomes a string literal.
func exampleValue(fd *ir.Field) jen.Code {
	ex := fd.Example
	switch fd.Kind {
	case ir.KindString:
		switch {
		case ir.IsConcreteText(ex):
			return FieldLiteral(jen.Id, fd, ex)
		case fd.Required:
			return jen.Lit("<" + fd.Wire + ">")
		}
	case ir.KindEnum:
		if v := FieldLiteral(jen.Id, fd, ex); v != nil {
			return v
		}
		if fd.Required && len(fd.Enum.Values) > 0 {
			return jen.Id(fd.Enum.Values[0].Const)
		}
	case ir.KindBool, ir.KindInt:
		return FieldLiteral(jen.Id, fd, ex)
	case ir.KindFloat:
		if ir.IsConcreteText(ex) {
			return FieldLiteral(jen.Id, fd, ex)
		}
	case ir.KindBytes:
		if ex != "" {
			var compact bytes.Buffer
			if json.Compact(&compact, []byte(ex)) == nil {
				ex = compact.String()
			}
			return FieldLiteral(jen.Id, fd, ex)
		}
	case ir.KindFile:
		// A file or a streamed body is what the request is about: always shown.
		name := fd.Wire
		if ir.IsConcreteText(ex) {
			name = path.Base(strings.ReplaceAll(ex, `\`, "/"))
		}
		return FileLiteral(jen.Id, name, "")
	case ir.KindReader:
		return ReaderLiteral("")
	case ir.KindTime, ir.KindDate:
		return FieldLiteral(jen.Id, fd, ex)
	case ir.KindGroup:
		return GroupExample(fd, fd.Group.Entries)
	}
	return nil
}

// FieldLiteral is the Go expression that puts the wire text s into fd
// (wrapped in Ptr for an optional number or bool), or nil when fd's type
// cannot hold s: a bool that is not "true"/"false", a number that does not
// parse, a value that is not one of the enum's. KindBytes takes s as the
// body; file and reader fields are built with FileLiteral and ReaderLiteral.
// id names the package's identifiers (Ptr, enum constants): jen.Id inside
// the package, a qualified name outside it.
func FieldLiteral(id func(string) *jen.Statement, fd *ir.Field, s string) jen.Code {
	// ptr wraps an optional number or bool; conv is the conversion that
	// makes Ptr's type argument right (nil when the literal's default type is).
	ptr := func(conv *jen.Statement, lit jen.Code) jen.Code { return ptrLiteral(id, fd.Pointer(), conv, lit) }
	switch fd.Kind {
	case ir.KindString:
		return jen.Lit(s)
	case ir.KindEnum:
		for _, v := range fd.Enum.Values {
			if v.Value == s {
				return id(v.Const)
			}
		}
	case ir.KindBool:
		if ir.IsBoolText(s) {
			return ptr(nil, jen.Lit(s == "true"))
		}
	case ir.KindInt:
		if n, err := strconv.ParseInt(s, 10, 64); err == nil && ir.IsIntText(s) {
			return ptr(jen.Int64(), jen.Op(strconv.FormatInt(n, 10)))
		}
	case ir.KindFloat:
		if x, err := strconv.ParseFloat(s, 64); err == nil {
			return ptr(jen.Float64(), jen.Op(strconv.FormatFloat(x, 'g', -1, 64)))
		}
	case ir.KindBytes:
		return jen.Index().Byte().Call(jen.Lit(s))
	case ir.KindTime, ir.KindDate:
		return timeLiteral(fd, s)
	}
	return nil
}

// ptrLiteral is lit, or Ptr(lit) for a pointer field, converted first when
// conv is set (Ptr(int64(10)): Ptr's type argument must be the field's).
func ptrLiteral(id func(string) *jen.Statement, pointer bool, conv *jen.Statement, lit jen.Code) jen.Code {
	switch {
	case !pointer:
		return lit
	case conv == nil:
		return id("Ptr").Call(lit)
	}
	return id("Ptr").Call(conv.Call(lit))
}

// timeLiteral is time.Date(...) for a date or date-time s that formats
// back to exactly s in fd's layout, or nil.
func timeLiteral(fd *ir.Field, s string) jen.Code {
	layout := time.DateOnly
	if fd.Kind == ir.KindTime {
		layout = fd.Layout
	}
	t, err := time.Parse(layout, s)
	if err != nil || t.Format(layout) != s {
		return nil
	}
	_, offset := t.Zone()
	zone := jen.Qual("time", "UTC")
	if offset != 0 {
		zone = jen.Qual("time", "FixedZone").Call(jen.Lit(""), jen.Lit(offset))
	}
	return jen.Qual("time", "Date").Call(jen.Lit(t.Year()), jen.Qual("time", t.Month().String()), jen.Lit(t.Day()),
		jen.Lit(t.Hour()), jen.Lit(t.Minute()), jen.Lit(t.Second()), jen.Lit(t.Nanosecond()), zone)
}

// FileLiteral is &File{Name: name, Content: strings.NewReader(content)}.
func FileLiteral(id func(string) *jen.Statement, name, content string) jen.Code {
	return jen.Op("&").Add(id("File")).Values(jen.Dict{
		jen.Id("Name"):    jen.Lit(name),
		jen.Id("Content"): ReaderLiteral(content),
	})
}

// ReaderLiteral is strings.NewReader(content).
func ReaderLiteral(content string) jen.Code {
	return jen.Qual("strings", "NewReader").Call(jen.Lit(content))
}
