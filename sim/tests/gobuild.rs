//! Table-driven tests of the go build engine. Each case is a command line as a learner writes it
//! and a one-line summary of what the real go command does with it. Unless said otherwise the
//! expected behaviour was observed with go1.22.12 (Debian bookworm-backports) on linux/amd64 with
//! gcc installed and no clang — the `BuildContext::default()` host.

use deploy_sim::gobuild::{self, BuildContext, BuildResult};

/// A compact, stable rendering of the facts a case asserts.
fn summary(r: &BuildResult) -> String {
    let mut s = format!(
        "{}/{} exit={} cgo={} {} out={}",
        r.goos,
        r.goarch,
        r.exit_code,
        u8::from(r.cgo),
        match r.linking {
            gobuild::Linking::Static => "static",
            gobuild::Linking::Dynamic => "dynamic",
        },
        r.output.as_deref().unwrap_or("-"),
    );
    let mut codes: Vec<&str> = r.diagnostics.iter().map(|d| d.code.as_str()).collect();
    codes.sort_unstable();
    codes.dedup();
    if !codes.is_empty() {
        s.push_str(&format!(" [{}]", codes.join(",")));
    }
    for (k, v) in &r.x_applied {
        s.push_str(&format!(" {k}={v}"));
    }
    s
}

fn check(line: &str, expected: &str) {
    check_with(line, None, expected);
}

fn check_with(line: &str, main_go: Option<&str>, expected: &str) {
    let result = gobuild::analyze_line(line, main_go, &BuildContext::default());
    assert_eq!(summary(&result), expected, "command: {line}");
}

#[test]
fn targets_and_output_names() {
    check(
        "go build ./cmd/server",
        "linux/amd64 exit=0 cgo=1 dynamic out=server [GB111]",
    );
    check(
        "CGO_ENABLED=0 go build ./cmd/server",
        "linux/amd64 exit=0 cgo=0 static out=server",
    );
    check(
        "GOOS=linux GOARCH=arm64 go build ./cmd/server",
        "linux/arm64 exit=0 cgo=0 static out=server",
    );
    // Module example.com/server: `go build .` names the binary after the module's last element.
    check(
        "GOOS=windows GOARCH=amd64 go build .",
        "windows/amd64 exit=0 cgo=0 static out=server.exe",
    );
    check(
        "GOOS=darwin GOARCH=arm64 go build -o bin/ ./cmd/server",
        "darwin/arm64 exit=0 cgo=0 dynamic out=bin/server",
    );
    // -o names the file exactly: no .exe is added (observed: `GOOS=windows go build -o out/app` wrote out/app).
    check(
        "GOOS=windows go build -o out/app ./cmd/server",
        "windows/amd64 exit=0 cgo=0 static out=out/app [GB141]",
    );
    check(
        "GOOS=windows go build -o out/dir/ ./cmd/server",
        "windows/amd64 exit=0 cgo=0 static out=out/dir/server.exe",
    );
    check(
        "GOOS=linux GOARCH=arm GOARM=6 go build -o app ./cmd/server",
        "linux/arm exit=0 cgo=0 static out=app",
    );
    check(
        "env GOOS=freebsd GOARCH=riscv64 go build ./cmd/server",
        "freebsd/riscv64 exit=0 cgo=0 static out=server",
    );
    check(
        "go build example.com/server/v2",
        "linux/amd64 exit=0 cgo=1 dynamic out=server [GB111]",
    );
    check(
        "GOOS=js GOARCH=wasm go build -o main.wasm .",
        "js/wasm exit=0 cgo=0 static out=main.wasm",
    );
}

#[test]
fn invalid_targets_and_levels() {
    // `go: unsupported GOOS/GOARCH pair x/y`, exit 2.
    check(
        "GOOS=foo GOARCH=bar go build .",
        "foo/bar exit=2 cgo=0 static out=- [GB100]",
    );
    check(
        "GOOS=darwin GOARCH=386 go build .",
        "darwin/386 exit=2 cgo=0 dynamic out=- [GB100]",
    );
    check(
        "GOOS=linux GOARCH=wasm go build .",
        "linux/wasm exit=2 cgo=0 static out=- [GB100]",
    );
    check(
        "GOARCH=arm GOARM=8 go build .",
        "linux/arm exit=2 cgo=0 static out=- [GB101]",
    );
    check(
        "GOAMD64=v5 go build .",
        "linux/amd64 exit=2 cgo=1 dynamic out=- [GB101]",
    );
    // GO386 is checked by the compiler: exit 1, not 2.
    check(
        "GOARCH=386 GO386=sse3 go build .",
        "linux/386 exit=1 cgo=0 static out=- [GB101]",
    );
    check(
        "GOARCH=arm GOARM=7,softfloat go build -o a .",
        "linux/arm exit=0 cgo=0 static out=a",
    );
}

#[test]
fn unsupported_pair_text_is_the_go_commands() {
    let r = gobuild::analyze_line(
        "GOOS=foo GOARCH=bar go build .",
        None,
        &BuildContext::default(),
    );
    assert_eq!(r.go_stderr, "go: unsupported GOOS/GOARCH pair foo/bar");
    let r = gobuild::analyze_line(
        "GOARCH=arm GOARM=8 go build .",
        None,
        &BuildContext::default(),
    );
    assert_eq!(
        r.go_stderr,
        "go: invalid GOARM: must start with 5, 6, or 7, and may optionally end in either \",hardfloat\" or \",softfloat\""
    );
}

#[test]
fn cgo_defaults() {
    // Native with gcc: on. Cross: off, and CC does not change that (`CC=gcc GOARCH=arm64 go env CGO_ENABLED` → 0).
    check(
        "CC=gcc GOARCH=arm64 go build -o a .",
        "linux/arm64 exit=0 cgo=0 static out=a",
    );
    // Values other than 0/1 are ignored (`CGO_ENABLED=true go env CGO_ENABLED` → 1 on the host).
    check(
        "CGO_ENABLED=true go build -o a .",
        "linux/amd64 exit=0 cgo=1 dynamic out=a [GB111]",
    );
    // Explicit GOOS/GOARCH equal to the host is not a cross build.
    check(
        "GOOS=linux GOARCH=amd64 go build -o a .",
        "linux/amd64 exit=0 cgo=1 dynamic out=a [GB111]",
    );
    // -tags netgo: the net package no longer needs cgo, so the binary is static.
    check(
        "go build -tags netgo -o a .",
        "linux/amd64 exit=0 cgo=1 static out=a",
    );
    // CGO_ENABLED=1 cross builds need a cross C compiler (observed errors below).
    check(
        "CGO_ENABLED=1 GOARCH=arm64 go build -o a .",
        "linux/arm64 exit=1 cgo=1 dynamic out=- [GB110]",
    );
    check(
        "CGO_ENABLED=1 GOOS=darwin GOARCH=arm64 go build -o a .",
        "darwin/arm64 exit=1 cgo=1 dynamic out=- [GB110]",
    );
    // ...except where the program needs no cgo: on windows the net package has no cgo code
    // (observed: CGO_ENABLED=1 GOOS=windows go build of the sample succeeded).
    check(
        "CGO_ENABLED=1 GOOS=windows go build -o a.exe .",
        "windows/amd64 exit=0 cgo=1 static out=a.exe",
    );
    // ...and where the target has no cgo at all (observed: js/wasm with CGO_ENABLED=1 builds).
    check(
        "CGO_ENABLED=1 GOOS=js GOARCH=wasm go build -o a .",
        "js/wasm exit=0 cgo=0 static out=a",
    );
    // A program that does not import net or os/user links no C even with cgo on.
    check_with(
        "CGO_ENABLED=1 GOARCH=arm64 go build -o a .",
        Some("package main\nimport \"fmt\"\nfunc main() { fmt.Println() }\n"),
        "linux/arm64 exit=0 cgo=1 static out=a",
    );
    // Static cgo binary via the external linker.
    check(
        "go build -ldflags '-linkmode external -extldflags \"-static\"' -o a .",
        "linux/amd64 exit=0 cgo=1 static out=a",
    );
    check(
        "CGO_ENABLED=0 go build -ldflags '-extldflags \"-static\"' -o a .",
        "linux/amd64 exit=0 cgo=0 static out=a [GB121]",
    );
}

#[test]
fn cgo_default_without_a_c_compiler() {
    // golang:1.22-alpine has no gcc: since Go 1.20 cgo defaults to off (observed:
    // `PATH=/usr/lib/go-1.22/bin go env CGO_ENABLED` → 0).
    let alpine = BuildContext {
        c_compilers: vec![],
        ..BuildContext::default()
    };
    let r = gobuild::analyze_line("go build -o a .", None, &alpine);
    assert!(!r.cgo);
    assert_eq!(r.linking, gobuild::Linking::Static);
    // Forcing it on then fails for want of gcc (observed text).
    let r = gobuild::analyze_line("CGO_ENABLED=1 GOARCH=arm64 go build -o a .", None, &alpine);
    assert_eq!(
        r.go_stderr,
        "# runtime/cgo\ncgo: C compiler \"gcc\" not found: exec: \"gcc\": executable file not found in $PATH"
    );
}

#[test]
fn cross_cgo_error_texts() {
    let ctx = BuildContext::default();
    let r = gobuild::analyze_line(
        "CGO_ENABLED=1 GOOS=darwin GOARCH=amd64 go build .",
        None,
        &ctx,
    );
    assert_eq!(
        r.go_stderr,
        "# runtime/cgo\ncgo: C compiler \"clang\" not found: exec: \"clang\": executable file not found in $PATH"
    );
    let r = gobuild::analyze_line("CGO_ENABLED=1 GOARCH=arm64 go build .", None, &ctx);
    assert!(
        r.go_stderr
            .starts_with("# runtime/cgo\ngcc_arm64.S: Assembler messages:"),
        "{}",
        r.go_stderr
    );
}

#[test]
fn command_line_parsing() {
    check(
        "go build -o=bin/app --trimpath ./cmd/server",
        "linux/amd64 exit=0 cgo=1 dynamic out=bin/app [GB111]",
    );
    check(
        "CGO_ENABLED=0 go build \\\n  -o app \\\n  ./cmd/server",
        "linux/amd64 exit=0 cgo=0 static out=app",
    );
    check(
        "cd src && CGO_ENABLED=0 go build -o app . && ls",
        "linux/amd64 exit=0 cgo=0 static out=app [GB004]",
    );
    // Flags after the package become packages (observed: `malformed import path "-o": leading dash`, exit 1).
    check(
        "go build ./cmd/server -o x",
        "linux/amd64 exit=1 cgo=1 dynamic out=- [GB007]",
    );
    // Observed: `flag provided but not defined: -foo` + usage, exit 2.
    check(
        "go build -foo .",
        "linux/amd64 exit=2 cgo=1 dynamic out=- [GB006]",
    );
    check(
        "go build -o",
        "linux/amd64 exit=2 cgo=1 dynamic out=- [GB006]",
    );
    check(
        "docker build .",
        "linux/amd64 exit=2 cgo=1 dynamic out=- [GB003]",
    );
    check(
        "go build -ldflags \"-X main.version=1",
        "linux/amd64 exit=2 cgo=1 dynamic out=- [GB001] main.version=1",
    );
    // Observed: `go: cannot write multiple packages to non-directory out/x`.
    check(
        "go build -o out/x ./cmd/a ./cmd/b",
        "linux/amd64 exit=1 cgo=1 dynamic out=- [GB111,GB140]",
    );
    check(
        "go build ./cmd/a ./cmd/b",
        "linux/amd64 exit=0 cgo=1 dynamic out=- [GB111,GB142]",
    );
    check(
        "GOFLAGS=-trimpath CGO_ENABLED=0 go build -o a .",
        "linux/amd64 exit=0 cgo=0 static out=a",
    );
}

#[test]
fn parse_command_model() {
    let parsed = gobuild::parse_command(
        r#"CGO_ENABLED=0 GOOS=linux GOARCH=arm64 go build -trimpath -tags "netgo osusergo" -ldflags="-s -w -X 'main.version=v1.2.3'" -o bin/server ./cmd/server"#,
    );
    assert!(parsed.diagnostics.is_empty(), "{:?}", parsed.diagnostics);
    let c = parsed.command;
    assert_eq!(c.env_value("GOARCH"), Some("arm64"));
    assert_eq!(c.env.len(), 3);
    assert!(c.trimpath);
    assert_eq!(c.tags, ["netgo", "osusergo"]);
    assert_eq!(c.ldflags.as_deref(), Some("-s -w -X 'main.version=v1.2.3'"));
    assert_eq!(c.output.as_deref(), Some("bin/server"));
    assert_eq!(c.packages, ["./cmd/server"]);
}

const LAB_MAIN: &str = r#"package main

import (
	"fmt"
	"strings"
)

const constVersion = "c-dev"
const suffix = "-x"

var version = "dev"
var notString = 42
var ptr *string
var fromFunc = strings.ToUpper("f")
var typed string = "t"
var concat = "c" + suffix
var (
	a, b = "a", "b"
	uninit string
)

func main() {
	var local = "l"
	fmt.Println(version, constVersion, notString, ptr, fromFunc, typed, concat, a, b, uninit, local)
}
"#;

/// `-X` rules, each observed with go1.22.12 by building LAB_MAIN (as cmd/app in module
/// example.com/exp) and running it.
#[test]
fn x_rules() {
    let x = |flags: &str, expected: &str| {
        check_with(
            &format!("CGO_ENABLED=0 go build -o a -ldflags \"{flags}\" ./cmd/app"),
            Some(LAB_MAIN),
            expected,
        )
    };
    x(
        "-X main.version=v1",
        "linux/amd64 exit=0 cgo=0 static out=a main.version=v1",
    );
    // The value may contain '=' (cut at the first '=').
    x(
        "-X main.version=a=b",
        "linux/amd64 exit=0 cgo=0 static out=a main.version=a=b",
    );
    // -X=... form of the flag.
    x(
        "-X=main.version=eq",
        "linux/amd64 exit=0 cgo=0 static out=a main.version=eq",
    );
    // Last one wins.
    x(
        "-X main.version=1 -X main.version=2",
        "linux/amd64 exit=0 cgo=0 static out=a main.version=2",
    );
    x(
        "-X main.typed=T -X main.concat=C -X main.b=B -X main.uninit=U",
        "linux/amd64 exit=0 cgo=0 static out=a main.b=B main.concat=C main.typed=T main.uninit=U",
    );
    // Missing name: silently ignored.
    x(
        "-X main.nope=zz",
        "linux/amd64 exit=0 cgo=0 static out=a [GB131]",
    );
    // A const: silently ignored.
    x(
        "-X main.constVersion=x",
        "linux/amd64 exit=0 cgo=0 static out=a [GB133]",
    );
    // Initialised by a call: the program still printed "f".
    x(
        "-X main.fromFunc=X",
        "linux/amd64 exit=0 cgo=0 static out=a [GB136]",
    );
    // A local variable is not a package-level symbol.
    x(
        "-X main.local=L",
        "linux/amd64 exit=0 cgo=0 static out=a [GB131]",
    );
    // The main package's import path does NOT work: `-X example.com/exp/cmd/app.version=full` left "dev".
    check_with(
        "go build -o a -ldflags \"-X example.com/server/cmd/app.version=full\" ./cmd/app",
        Some(LAB_MAIN),
        "linux/amd64 exit=0 cgo=1 static out=a [GB134]",
    );
    // A short package name instead of the import path: silently ignored (reference E.2, [lab]).
    x(
        "-X build.Version=1",
        "linux/amd64 exit=0 cgo=0 static out=a [GB135]",
    );
    // Other packages cannot be checked from main.go alone.
    x(
        "-X example.com/server/internal/build.Version=1",
        "linux/amd64 exit=0 cgo=0 static out=a",
    );
    // Non-string var: link error, exit 1.
    x(
        "-X main.notString=7",
        "linux/amd64 exit=1 cgo=0 static out=- [GB132]",
    );
    x(
        "-X main.ptr=7",
        "linux/amd64 exit=1 cgo=0 static out=- [GB132]",
    );
    // No '=' or no '.': link error.
    x(
        "-X mainversion",
        "linux/amd64 exit=1 cgo=0 static out=- [GB130]",
    );
    x(
        "-X main.version",
        "linux/amd64 exit=1 cgo=0 static out=- [GB130]",
    );
    // Unknown linker flag: `flag provided but not defined: -Q`.
    x("-Q", "linux/amd64 exit=1 cgo=0 static out=- [GB124]");
}

#[test]
fn x_error_texts() {
    let ctx = BuildContext::default();
    let r = gobuild::analyze_line(
        "go build -o a -ldflags \"-X main.notString=7\" ./cmd/app",
        Some(LAB_MAIN),
        &ctx,
    );
    assert_eq!(
        r.go_stderr,
        "# example.com/server/cmd/app\nmain.notString: cannot set with -X: not a var of type string (type:int)"
    );
    let r = gobuild::analyze_line(
        "go build -o a -ldflags \"-X main.ptr=7\" ./cmd/app",
        Some(LAB_MAIN),
        &ctx,
    );
    assert!(r
        .go_stderr
        .ends_with("main.ptr: cannot set with -X: not a var of type string (type:*string)"));
    let r = gobuild::analyze_line(
        "go build -o a -ldflags \"-X main.version\" ./cmd/app",
        Some(LAB_MAIN),
        &ctx,
    );
    assert!(r
        .go_stderr
        .ends_with("link: -X flag requires argument of the form importpath.name=value"));
}

#[test]
fn s_implies_w_since_go_1_22() {
    let ctx = BuildContext::default();
    let flags = |l: &str| {
        let r = gobuild::analyze_line(
            &format!("CGO_ENABLED=0 go build -ldflags=\"{l}\" ."),
            None,
            &ctx,
        );
        (r.strip_symbols, r.strip_dwarf)
    };
    assert_eq!(flags("-s"), (true, true));
    assert_eq!(flags("-w"), (false, true));
    assert_eq!(flags("-s -w=0"), (true, false));
    assert_eq!(flags(""), (false, false));
    // Only the last -ldflags counts (observed: `-ldflags=-s -ldflags=-w` recorded `-ldflags=-w`).
    let r = gobuild::analyze_line("go build -ldflags=-s -ldflags=-w .", None, &ctx);
    assert_eq!((r.strip_symbols, r.strip_dwarf), (false, true));
    assert!(r.diagnostics.iter().any(|d| d.code == "GB120"));
    // A pattern prefix (observed: -ldflags="all=-X main.version=P" printed P).
    let r = gobuild::analyze_line("go build -ldflags=\"all=-X main.version=P\" .", None, &ctx);
    assert_eq!(
        r.x_applied.get("main.version").map(String::as_str),
        Some("P")
    );
}

#[test]
fn version_output_of_the_sample_server() {
    let r = gobuild::analyze_line(
        "CGO_ENABLED=0 GOOS=linux GOARCH=arm64 go build -ldflags \"-s -w -X main.version=v1.2.3 -X 'main.buildTime=2024-05-01 12:00' -X main.gitCommit=abc1234\" -o server ./cmd/server",
        None,
        &BuildContext::default(),
    );
    let v = r.version_output.expect("version output");
    assert_eq!(v.version.as_deref(), Some("v1.2.3"));
    assert_eq!(v.build_time.as_deref(), Some("2024-05-01 12:00"));
    assert_eq!(v.git_commit.as_deref(), Some("abc1234"));
    assert_eq!(
        (v.go_version.as_str(), v.os.as_str(), v.arch.as_str()),
        ("go1.22.12", "linux", "arm64")
    );
    // The classic bug: wrong path, version stays "dev".
    let r = gobuild::analyze_line(
        "go build -ldflags \"-X main.Version=v1\" ./cmd/server",
        None,
        &BuildContext::default(),
    );
    assert_eq!(
        r.version_output.and_then(|v| v.version).as_deref(),
        Some("dev")
    );
    assert_eq!(r.x_ignored.len(), 1);
}

#[test]
fn all_48_targets_from_data() {
    let all = gobuild::targets();
    assert_eq!(all.len(), 48);
    let first: Vec<String> = gobuild::first_class_targets().map(|t| t.pair()).collect();
    assert_eq!(
        first,
        [
            "darwin/amd64",
            "darwin/arm64",
            "linux/386",
            "linux/amd64",
            "linux/arm",
            "linux/arm64",
            "windows/386",
            "windows/amd64"
        ]
    );
    let no_cgo: Vec<String> = all
        .iter()
        .filter(|t| !t.cgo_supported)
        .map(|t| t.pair())
        .collect();
    assert_eq!(
        no_cgo,
        [
            "js/wasm",
            "linux/ppc64",
            "openbsd/ppc64",
            "plan9/386",
            "plan9/amd64",
            "plan9/arm",
            "wasip1/wasm",
            "windows/arm"
        ]
    );
    // Every pair builds.
    for t in all {
        let r = gobuild::analyze_line(
            &format!(
                "CGO_ENABLED=0 GOOS={} GOARCH={} go build -o a .",
                t.goos, t.goarch
            ),
            None,
            &BuildContext::default(),
        );
        assert!(r.ok, "{}: {}", t.pair(), r.go_stderr);
        assert!(r.size_bytes.is_some_and(|b| b > 1_000_000), "{}", t.pair());
    }
}

/// Found while writing the exercises: with `const version = "dev"`, -X main.version is ignored
/// (GB133) and the program keeps printing the constant — the engine used to say the program has
/// no version at all. (Go spec: constants are not variables; cmd/link's -X only sets string vars.)
#[test]
fn const_version_is_printed_as_declared_when_x_cannot_set_it() {
    let main_go = "package main\n\nconst version = \"dev\"\n\nvar gitCommit = \"none\"\n\nfunc main() { println(version, gitCommit) }\n";
    let r = gobuild::analyze_line(
        "go build -ldflags \"-X main.version=v1.2.3 -X main.gitCommit=abc\" -o app .",
        Some(main_go),
        &BuildContext::default(),
    );
    assert_eq!(r.x_ignored.len(), 1);
    assert_eq!(r.x_ignored[0].code, "GB133");
    let v = r.version_output.expect("version output");
    assert_eq!(v.version.as_deref(), Some("dev"));
    assert_eq!(v.git_commit.as_deref(), Some("abc"));
}
