// Command judge-tool is the judge's Go-aware helper. It reads one JSON request on stdin and writes
// one JSON answer on stdout:
//
//	judge-tool check    static checks of a submission or playground program (go/parser, go/ast)
//	judge-tool harness  rewrites a task's test files so each test reports to the judge's private
//	                    result channel (fd 3), and writes the TestMain and helpers that do it
//
// It only parses source; it never compiles or runs it.
package main

import (
	"encoding/json"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

// Problem is one finding, with the file and line it concerns.
type Problem struct {
	File    string `json:"file"`
	Line    int    `json:"line"`
	Message string `json:"message"`
}

type checkRequest struct {
	// Mode is "task" (strict: the task's allow-list) or "program" (playground: cgo and linkname only).
	Mode    string            `json:"mode"`
	Package string            `json:"package"`
	Files   []string          `json:"files"`
	Imports []string          `json:"imports"`
	Sources map[string]string `json:"sources"`
}

type checkResponse struct {
	// SyntaxErrors are parse errors: the submission would not compile.
	SyntaxErrors []Problem `json:"syntaxErrors"`
	Problems     []Problem `json:"problems"`
}

// Never allowed in a submission, whatever a task's allow-list says.
var alwaysDenied = map[string]bool{
	"C": true, "unsafe": true, "syscall": true, "os": true, "os/exec": true, "os/signal": true, "os/user": true,
	"plugin": true, "runtime/cgo": true, "runtime/debug": true, "reflect": true, "testing": true, "embed": true,
	"io/ioutil": true, "path/filepath": true, "net": true, "debug/elf": true,
}

func deniedImport(p string) bool {
	if alwaysDenied[p] {
		return true
	}
	for _, prefix := range []string{"net/", "os/", "syscall/", "internal/", "testing/", "unsafe/", "plugin/", "debug/"} {
		if strings.HasPrefix(p, prefix) {
			return true
		}
	}
	return strings.Contains(p, "/internal/") || strings.HasSuffix(p, "/internal")
}

var fileName = regexp.MustCompile(`^[a-z0-9][a-z0-9_]*\.go$`)

func check(req checkRequest) checkResponse {
	resp := checkResponse{SyntaxErrors: []Problem{}, Problems: []Problem{}}
	add := func(file string, line int, format string, args ...any) {
		resp.Problems = append(resp.Problems, Problem{File: file, Line: line, Message: fmt.Sprintf(format, args...)})
	}
	allowed := map[string]bool{}
	for _, imp := range req.Imports {
		allowed[imp] = true
	}
	declared := map[string]bool{}
	for _, f := range req.Files {
		declared[f] = true
	}
	names := make([]string, 0, len(req.Sources))
	for name := range req.Sources {
		names = append(names, name)
	}
	sort.Strings(names)
	if req.Mode == "task" {
		for _, f := range req.Files {
			if _, ok := req.Sources[f]; !ok {
				add(f, 0, "missing file %s", f)
			}
		}
	}
	fset := token.NewFileSet()
	for _, name := range names {
		src := req.Sources[name]
		if strings.HasSuffix(name, "_test.go") {
			add(name, 0, "test files are not accepted (%s)", name)
			continue
		}
		if !fileName.MatchString(name) {
			add(name, 0, "invalid file name %q", name)
			continue
		}
		if req.Mode == "task" && !declared[name] {
			add(name, 0, "file %s is not one of the task's files (%s)", name, strings.Join(req.Files, ", "))
			continue
		}
		file, err := parser.ParseFile(fset, name, src, parser.ParseComments|parser.AllErrors)
		if err != nil {
			if list, ok := err.(interface{ Unwrap() []error }); ok {
				for _, e := range list.Unwrap() {
					resp.SyntaxErrors = append(resp.SyntaxErrors, Problem{File: name, Message: e.Error()})
				}
			} else {
				resp.SyntaxErrors = append(resp.SyntaxErrors, Problem{File: name, Message: err.Error()})
			}
			continue
		}
		line := func(pos token.Pos) int { return fset.Position(pos).Line }
		if file.Name.Name != req.Package {
			add(name, line(file.Name.Pos()), "package %s, expected package %s", file.Name.Name, req.Package)
		}
		for _, group := range file.Comments {
			for _, c := range group.List {
				text := c.Text
				directive := strings.HasPrefix(text, "//go:") || strings.HasPrefix(text, "//line ") ||
					strings.HasPrefix(text, "/*line ") || strings.HasPrefix(text, "// +build") || strings.HasPrefix(text, "//export ")
				if !directive {
					continue
				}
				if req.Mode == "program" && !forbiddenInProgram(text) {
					continue
				}
				add(name, line(c.Pos()), "compiler directive %q is not allowed", firstField(text))
			}
		}
		for _, imp := range file.Imports {
			p, err := strconv.Unquote(imp.Path.Value)
			if err != nil {
				add(name, line(imp.Pos()), "bad import path %s", imp.Path.Value)
				continue
			}
			switch {
			case p == "C":
				add(name, line(imp.Pos()), "cgo (import \"C\") is not allowed")
			case req.Mode == "program":
				// The playground runs whole programs: the sandbox, not an allow-list, contains them.
			case deniedImport(p) || !allowed[p]:
				add(name, line(imp.Pos()), "import %q is not allowed in this task (allowed: %s)", p, strings.Join(req.Imports, ", "))
			}
		}
		if req.Mode == "task" {
			// A package-level name shadows the universe block in every file of the package: the
			// tests' and the judge harness's too (an append of the submission's own rewrote the
			// harness's result records). Predeclared names are not the submission's to declare.
			predeclared := func(id *ast.Ident) {
				if id != nil && id.Name != "_" && types.Universe.Lookup(id.Name) != nil {
					add(name, line(id.Pos()), "declaring %q at package level is not allowed (it would replace Go's predeclared %s for the tests too)", id.Name, id.Name)
				}
			}
			for _, decl := range file.Decls {
				switch d := decl.(type) {
				case *ast.FuncDecl:
					if d.Recv == nil && d.Name.Name == "init" {
						add(name, line(d.Pos()), "init functions are not allowed")
					}
					if d.Recv == nil {
						predeclared(d.Name)
					}
				case *ast.GenDecl:
					for _, spec := range d.Specs {
						switch sp := spec.(type) {
						case *ast.ValueSpec:
							for _, id := range sp.Names {
								predeclared(id)
							}
						case *ast.TypeSpec:
							predeclared(sp.Name)
						}
					}
				}
			}
		}
	}
	return resp
}

// forbiddenInProgram: directives a playground program may not use (the rest, like //go:noinline,
// are what escape-analysis questions are about).
func forbiddenInProgram(text string) bool {
	for _, prefix := range []string{"//go:linkname", "//go:cgo_", "//go:embed", "//export ", "//go:uintptr", "//go:systemstack", "//go:nosplit", "//go:wasm"} {
		if strings.HasPrefix(text, prefix) {
			return true
		}
	}
	return false
}

func firstField(text string) string {
	if fields := strings.Fields(text); len(fields) > 0 {
		return fields[0]
	}
	return text
}

type harnessRequest struct {
	Package string            `json:"package"`
	Nonce   string            `json:"nonce"`
	Leak    bool              `json:"leak"`
	Tests   map[string]string `json:"tests"`
}

type harnessResponse struct {
	Files    map[string]string `json:"files"`
	Tests    []string          `json:"tests"`
	Imports  []string          `json:"imports"`
	Problems []Problem         `json:"problems"`
}

var testName = regexp.MustCompile(`^Test([^a-z].*)?$`)

// entryPoint: top-level functions go test calls by name; they keep their names.
var entryPoint = regexp.MustCompile(`^(Test|Benchmark|Fuzz|Example)([^a-z].*)?$`)

// harness wraps the body of every TestXxx(t *testing.T) in a call to the harness's runner,
// keeping every line where it was (the insertions are on the braces' own lines), and gives every
// other top-level name the test files declare a per-run suffix: package code compiled with the
// tests could otherwise assign to a test's table (`cases = nil`) by guessing its name.
func harness(req harnessRequest) harnessResponse {
	resp := harnessResponse{Files: map[string]string{}, Tests: []string{}, Imports: []string{}, Problems: []Problem{}}
	imported := map[string]bool{}
	run := "goprep" + req.Nonce + "Run"
	names := make([]string, 0, len(req.Tests))
	for name := range req.Tests {
		names = append(names, name)
	}
	sort.Strings(names)
	fset := token.NewFileSet()
	files := map[string]*ast.File{}
	hidden := map[string]bool{}
	for _, name := range names {
		file, err := parser.ParseFile(fset, name, req.Tests[name], parser.ParseComments)
		if err != nil {
			resp.Problems = append(resp.Problems, Problem{File: name, Message: err.Error()})
			continue
		}
		files[name] = file
		for _, decl := range file.Decls {
			switch d := decl.(type) {
			case *ast.FuncDecl:
				if d.Recv == nil && d.Name.Name != "init" && d.Name.Name != "_" && !entryPoint.MatchString(d.Name.Name) {
					hidden[d.Name.Name] = true
				}
			case *ast.GenDecl:
				for _, spec := range d.Specs {
					switch sp := spec.(type) {
					case *ast.ValueSpec:
						for _, id := range sp.Names {
							if id.Name != "_" {
								hidden[id.Name] = true
							}
						}
					case *ast.TypeSpec:
						hidden[sp.Name.Name] = true
					}
				}
			}
		}
	}
	for _, name := range names {
		file, ok := files[name]
		if !ok {
			continue
		}
		src := req.Tests[name]
		for _, imp := range file.Imports {
			if p, err := strconv.Unquote(imp.Path.Value); err == nil && !imported[p] {
				imported[p] = true
				resp.Imports = append(resp.Imports, p)
			}
		}
		type edit struct {
			offset int
			cut    int
			text   string
		}
		var edits []edit
		// Identifiers that name something else than the top-level declaration: selectors,
		// struct field names and composite-literal keys, method names.
		keep := map[*ast.Ident]bool{}
		ast.Inspect(file, func(n ast.Node) bool {
			switch x := n.(type) {
			case *ast.SelectorExpr:
				keep[x.Sel] = true
			case *ast.KeyValueExpr:
				if id, ok := x.Key.(*ast.Ident); ok {
					keep[id] = true
				}
			case *ast.StructType:
				for _, field := range x.Fields.List {
					for _, id := range field.Names {
						keep[id] = true
					}
				}
			case *ast.InterfaceType:
				for _, field := range x.Methods.List {
					for _, id := range field.Names {
						keep[id] = true
					}
				}
			case *ast.FuncDecl:
				if x.Recv != nil {
					keep[x.Name] = true
				}
			}
			return true
		})
		ast.Inspect(file, func(n ast.Node) bool {
			id, ok := n.(*ast.Ident)
			if ok && hidden[id.Name] && !keep[id] {
				edits = append(edits, edit{fset.Position(id.Pos()).Offset, len(id.Name), id.Name + "_goprep" + req.Nonce})
			}
			return true
		})
		for _, decl := range file.Decls {
			fn, ok := decl.(*ast.FuncDecl)
			if !ok || fn.Recv != nil || fn.Body == nil || !testName.MatchString(fn.Name.Name) {
				continue
			}
			line := fset.Position(fn.Pos()).Line
			if fn.Name.Name == "TestMain" {
				resp.Problems = append(resp.Problems, Problem{File: name, Line: line, Message: "task tests must not define TestMain (the judge provides it)"})
				continue
			}
			params := fn.Type.Params.List
			if len(params) != 1 || len(params[0].Names) != 1 || fn.Type.Results != nil {
				continue // not a test function: go test would complain itself
			}
			star, ok := params[0].Type.(*ast.StarExpr)
			if !ok {
				continue
			}
			sel, ok := star.X.(*ast.SelectorExpr)
			if !ok || sel.Sel.Name != "T" {
				continue
			}
			param := params[0].Names[0].Name
			if param == "_" {
				resp.Problems = append(resp.Problems, Problem{File: name, Line: line, Message: fmt.Sprintf("%s: name the *testing.T parameter", fn.Name.Name)})
				continue
			}
			typeText := src[fset.Position(params[0].Type.Pos()).Offset:fset.Position(params[0].Type.End()).Offset]
			open := fset.Position(fn.Body.Lbrace).Offset + 1
			closing := fset.Position(fn.Body.Rbrace).Offset
			edits = append(edits,
				edit{open, 0, fmt.Sprintf(" %s(%s, func(%s %s) {", run, param, param, typeText)},
				edit{closing, 0, "})"})
			resp.Tests = append(resp.Tests, fn.Name.Name)
		}
		sort.SliceStable(edits, func(i, j int) bool { return edits[i].offset > edits[j].offset })
		out := src
		for _, e := range edits {
			out = out[:e.offset] + e.text + out[e.offset+e.cut:]
		}
		resp.Files[name] = out
	}
	seen := map[string]bool{}
	for _, t := range resp.Tests {
		if seen[t] {
			resp.Problems = append(resp.Problems, Problem{Message: "duplicate test name " + t})
		}
		seen[t] = true
	}
	resp.Files["goprep_harness_"+req.Nonce+"_test.go"] = harnessSource(req)
	return resp
}

func harnessSource(req harnessRequest) string {
	n := req.Nonce
	leakImport, leakIgnore, leakFind := "", "", ""
	if req.Leak {
		leakImport = fmt.Sprintf("\tgoprep%sgoleak \"go.uber.org/goleak\"\n", n)
		leakIgnore = fmt.Sprintf("\tignore := goprep%sgoleak.IgnoreCurrent()\n", n)
		leakFind = fmt.Sprintf(`			if err := goprep%sgoleak.Find(ignore); err != nil {
				leak = err.Error()
				t.Errorf("goroutine leak: %%v", err)
			}
`, n)
	}
	return fmt.Sprintf(`// Code generated by the goprep judge. DO NOT EDIT.

package %[2]s

import (
	goprep%[1]sjson "encoding/json"
	goprep%[1]sos "os"
	goprep%[1]stesting "testing"
%[3]s)

var goprep%[1]sOut = goprep%[1]sos.NewFile(3, "results")

type goprep%[1]sRecord struct {
	Name   string `+"`json:\"name\"`"+`
	Passed bool   `+"`json:\"passed\"`"+`
	Leak   string `+"`json:\"leak,omitempty\"`"+`
	Done   bool   `+"`json:\"done,omitempty\"`"+`
	Code   int    `+"`json:\"code\"`"+`
}

func goprep%[1]sWrite(r goprep%[1]sRecord) {
	line, _ := goprep%[1]sjson.Marshal(r)
	_, _ = goprep%[1]sOut.Write(append(line, '\n'))
}

// goprep%[1]sRun runs a test's body as a subtest, checks for leaked goroutines in the body's last
// cleanup (so a race while the check waits still fails the body), and records the outcome on the
// private channel from a cleanup of the test itself: that runs once the body has really ended,
// also when it called t.Parallel (t.Run returns at that point). A skipped body did not pass.
func goprep%[1]sRun(t *goprep%[1]stesting.T, body func(t *goprep%[1]stesting.T)) {
	t.Helper()
%[4]s	leak := ""
	skipped := false
	t.Cleanup(func() {
		goprep%[1]sWrite(goprep%[1]sRecord{Name: t.Name(), Passed: !t.Failed() && !t.Skipped() && !skipped, Leak: leak})
	})
	t.Run("body", func(t *goprep%[1]stesting.T) {
		t.Cleanup(func() {
			skipped = t.Skipped()
%[5]s		})
		body(t)
	})
}

func TestMain(m *goprep%[1]stesting.M) {
	code := m.Run()
	goprep%[1]sWrite(goprep%[1]sRecord{Done: true, Code: code})
	goprep%[1]sos.Exit(code)
}
`, n, req.Package, leakImport, leakIgnore, leakFind)
}

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: judge-tool check|harness < request.json")
		os.Exit(2)
	}
	dec := json.NewDecoder(os.Stdin)
	var out any
	switch os.Args[1] {
	case "check":
		var req checkRequest
		if err := dec.Decode(&req); err != nil {
			fail(err)
		}
		out = check(req)
	case "harness":
		var req harnessRequest
		if err := dec.Decode(&req); err != nil {
			fail(err)
		}
		if !regexp.MustCompile(`^[A-Za-z0-9]+$`).MatchString(req.Nonce) || !token.IsIdentifier(req.Package) {
			fail(fmt.Errorf("bad nonce or package"))
		}
		out = harness(req)
	default:
		fail(fmt.Errorf("unknown command %q", os.Args[1]))
	}
	if err := json.NewEncoder(os.Stdout).Encode(out); err != nil {
		fail(err)
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "judge-tool:", err)
	os.Exit(2)
}
