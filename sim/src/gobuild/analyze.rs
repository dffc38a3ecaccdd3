//! Runs the rules of `go build` over a parsed command: target validation, the cgo default, the
//! linking mode, the output name, `-ldflags` (`-s`/`-w`/`-X`) against the program's `main.go`,
//! and the size estimate. Every error text that the real go command prints is reproduced in
//! `go_stderr` (observed with go1.22.12 on linux/amd64).

use super::command::{parse_command, Command};
use super::gosource::{self, GoDecl};
use super::ldflags::{parse_ldflags, LinkerFlags, XDefinition};
use super::size::{predict_size, SizeEstimate, SizeQuery};
use super::targets::{self, find_target, ArchLevel};
use crate::{Diagnostic, Text};
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};

/// Where the build runs.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct BuildContext {
    pub host_goos: String,
    pub host_goarch: String,
    /// C compilers on PATH (`gcc` in `golang:1.22`, none in `golang:1.22-alpine`).
    pub c_compilers: Vec<String>,
    /// The module path of `go.mod`.
    pub module_path: String,
    /// The go command's version, as `runtime.Version()` prints it.
    pub go_version: String,
    /// GOROOT, for the linker path in its messages (`/usr/local/go` in the golang images).
    pub goroot: String,
}

impl Default for BuildContext {
    /// The `golang:1.22` image on linux/amd64 with the guide's sample module.
    fn default() -> Self {
        BuildContext {
            host_goos: "linux".into(),
            host_goarch: "amd64".into(),
            c_compilers: vec!["gcc".into()],
            module_path: "example.com/server".into(),
            go_version: targets::GO_VERSION.into(),
            goroot: "/usr/local/go".into(),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Linking {
    Static,
    Dynamic,
}

/// A `-X` that had no effect, and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct XIgnored {
    /// `main.version=v1.2.3` as written.
    pub flag: String,
    /// The diagnostic code that explains it.
    pub code: String,
    pub reason: Text,
}

/// What the guide's `/version` handler (and `--version`) prints: its `BuildInfo` JSON.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct VersionOutput {
    pub version: Option<String>,
    pub build_time: Option<String>,
    pub git_commit: Option<String>,
    pub go_version: String,
    pub os: String,
    pub arch: String,
}

/// Everything the simulated `go build` produced.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct BuildResult {
    pub goos: String,
    pub goarch: String,
    /// The GOARM/GOAMD64/GO386... level in effect.
    pub arch_level: Option<ArchLevel>,
    pub first_class: bool,
    /// Whether the build would succeed.
    pub ok: bool,
    /// The go command's exit status (0, 1 or 2).
    pub exit_code: u8,
    /// What the go command prints on failure, verbatim.
    pub go_stderr: String,
    /// `CGO_ENABLED` in effect.
    pub cgo: bool,
    /// Why cgo is on or off.
    pub cgo_reason: Text,
    pub linking: Linking,
    /// The file written, or `None` when nothing is written.
    pub output: Option<String>,
    pub trimpath: bool,
    pub tags: Vec<String>,
    pub strip_symbols: bool,
    pub strip_dwarf: bool,
    pub size_bytes: Option<u64>,
    pub size: Option<SizeEstimate>,
    /// `-X` definitions that took effect: `main.version` → `v1.2.3`.
    pub x_applied: BTreeMap<String, String>,
    /// `-X` definitions that silently did nothing.
    pub x_ignored: Vec<XIgnored>,
    /// `-X` for packages other than `main`, which the simulator cannot see.
    pub x_unchecked: Vec<String>,
    pub version_output: Option<VersionOutput>,
    pub diagnostics: Vec<Diagnostic>,
}

/// A program scanned once, for a caller that builds it many times (the release preview runs a
/// dozen `go build`s of one `main.go`).
#[derive(Clone, Debug)]
pub struct Program {
    source: gosource::GoSource,
    sample: bool,
}

impl Program {
    /// `main_go` is the learner's `main.go` (`None` = the guide's sample program).
    pub fn scan(main_go: Option<&str>) -> Program {
        Program {
            source: gosource::scan(main_go.unwrap_or(super::SAMPLE_MAIN_GO)),
            sample: main_go.is_none() || main_go == Some(super::SAMPLE_MAIN_GO),
        }
    }

    pub fn source(&self) -> &gosource::GoSource {
        &self.source
    }
}

/// Parses and analyses one command line: the UI's entry point. `main_go` is the learner's
/// `main.go` (`None` = the guide's sample program).
pub fn analyze_line(line: &str, main_go: Option<&str>, ctx: &BuildContext) -> BuildResult {
    analyze_line_of(line, &Program::scan(main_go), ctx)
}

/// [`analyze_line`] for a program scanned once.
pub fn analyze_line_of(line: &str, program: &Program, ctx: &BuildContext) -> BuildResult {
    let parsed = parse_command(line);
    let mut result = analyze_program(&parsed.command, program, ctx);
    let mut diagnostics = parsed.diagnostics;
    if diagnostics.iter().any(Diagnostic::is_error) && result.ok {
        result.ok = false;
        result.exit_code = if diagnostics.iter().any(|d| d.code == "GB007") {
            1
        } else {
            2
        };
        result.output = None;
        result.size_bytes = None;
        result.version_output = None;
        let first = diagnostics.iter().find(|d| d.is_error());
        result.go_stderr = first.map(|d| d.message.en.clone()).unwrap_or_default();
        // Nothing was built: advice about the binary would only distract from the error.
        result.diagnostics.retain(Diagnostic::is_error);
    }
    diagnostics.append(&mut result.diagnostics);
    result.diagnostics = diagnostics;
    result
}

/// Analyses a parsed command against a program.
pub fn analyze(command: &Command, main_go: Option<&str>, ctx: &BuildContext) -> BuildResult {
    analyze_program(command, &Program::scan(main_go), ctx)
}

/// [`analyze`] for a program scanned once.
pub fn analyze_program(command: &Command, program: &Program, ctx: &BuildContext) -> BuildResult {
    let source = &program.source;
    let mut b = Builder {
        diagnostics: Vec::new(),
        stderr: Vec::new(),
        exit_code: 0,
    };

    // Target: GOOS/GOARCH from the environment, else the host's.
    let goos = command
        .env_value("GOOS")
        .unwrap_or(&ctx.host_goos)
        .to_string();
    let goarch = command
        .env_value("GOARCH")
        .unwrap_or(&ctx.host_goarch)
        .to_string();
    let target = find_target(&goos, &goarch);
    if target.is_none() {
        b.fail(
            2,
            targets::unsupported_pair_message(&goos, &goarch),
            Diagnostic::error(
                0,
                "GB100",
                Text::new(
                    targets::unsupported_pair_message(&goos, &goarch),
                    format!("go: {goos}/{goarch} は Go 1.22 が対応していない GOOS/GOARCH の組み合わせです（`go tool dist list` で一覧できます）。"),
                ),
            )
            .with_fix(Text::new(
                "Pick a pair from `go tool dist list`, e.g. linux/arm64 or darwin/arm64.",
                "`go tool dist list` にある組み合わせを選びます（例: linux/arm64, darwin/arm64）。",
            )),
        );
    }
    let arch_level = targets::arch_knob(&goarch).map(|(variable, default)| {
        let value = command.env_value(variable);
        if let Some(value) = value {
            if let Err(message) = targets::validate_knob(variable, value) {
                let code = if variable == "GO386" { 1 } else { 2 };
                b.fail(
                    code,
                    message.clone(),
                    Diagnostic::error(
                        0,
                        "GB101",
                        Text::new(message, format!("{variable}={value} は無効な値です。")),
                    ),
                );
            }
        }
        ArchLevel {
            variable: variable.to_string(),
            value: value.unwrap_or(default).to_string(),
            explicit: value.is_some(),
        }
    });

    // cgo: cmd/go/internal/cfg/cfg.go defaultContext.
    let cross = goos != ctx.host_goos || goarch != ctx.host_goarch;
    let cc_env = command.env_value("CC");
    let (cgo, cgo_reason) = match command.env_value("CGO_ENABLED") {
        Some(v @ ("0" | "1")) => (
            v == "1",
            Text::new(
                format!("CGO_ENABLED={v} was set."),
                format!("CGO_ENABLED={v} が指定されています。"),
            ),
        ),
        _ if cross => (
            false,
            Text::new(
                "Cross-compiling: cgo defaults to off (setting CC does not change that).",
                "クロスコンパイルなので cgo は既定で無効です（CC を設定しても変わりません）。",
            ),
        ),
        _ => {
            let cc = targets::default_cc(&goos);
            if cc_env.is_some() || ctx.c_compilers.iter().any(|c| c == cc) {
                (
                    target.is_some_and(|t| t.cgo_supported),
                    Text::new(
                        format!("Native build with a C compiler ({}) available: cgo defaults to on.", cc_env.unwrap_or(cc)),
                        format!("ネイティブビルドで C コンパイラ（{}）があるため、cgo は既定で有効です。", cc_env.unwrap_or(cc)),
                    ),
                )
            } else {
                (
                    false,
                    Text::new(
                        format!("Native build but no `{cc}` on PATH: since Go 1.20 cgo then defaults to off."),
                        format!("ネイティブビルドですが PATH に `{cc}` がないため、Go 1.20 以降は cgo が既定で無効になります。"),
                    ),
                )
            }
        }
    };
    let cgo = cgo && target.is_some_and(|t| t.cgo_supported);

    // Linking: with cgo on, Unix targets resolve names via libc when the program imports net or
    // os/user (unless -tags netgo,osusergo), which makes the binary dynamic.
    let unix = !matches!(goos.as_str(), "windows" | "plan9" | "js" | "wasip1");
    let pure_go_net = command.tags.iter().any(|t| t == "netgo")
        && (!source.imports.iter().any(|i| i == "os/user")
            || command.tags.iter().any(|t| t == "osusergo"));
    let cgo_linked = cgo
        && unix
        && (source.imports.iter().any(|i| i == "C")
            || (source.uses_cgo_packages() && !pure_go_net));

    if cgo_linked && cross && cc_env.is_none() {
        let message = cross_cgo_failure(&goos, &goarch, ctx);
        b.fail(
            1,
            message,
            Diagnostic::error(
                0,
                "GB110",
                Text::new(
                    format!("CGO_ENABLED=1 for a cross build needs a C cross-compiler for {goos}/{goarch}; the host's compiler cannot build runtime/cgo for it."),
                    format!("CGO_ENABLED=1 のクロスビルドには {goos}/{goarch} 向けの C クロスコンパイラが必要です。ホストのコンパイラでは runtime/cgo をビルドできません。"),
                ),
            )
            .with_fix(Text::new(
                "Use CGO_ENABLED=0 (the net package then uses its pure-Go resolver), or set CC to a cross-compiler such as aarch64-linux-gnu-gcc.",
                "CGO_ENABLED=0 にする（net パッケージは Go 実装のリゾルバーを使います）か、CC に aarch64-linux-gnu-gcc などのクロスコンパイラを指定します。",
            )),
        );
    }

    let ldflags = effective_ldflags(command, &mut b);
    let static_extld = ldflags
        .extldflags
        .as_deref()
        .is_some_and(|f| f.split_whitespace().any(|w| w == "-static"));
    if ldflags.extldflags.is_some() && !cgo_linked {
        b.diagnostics.push(Diagnostic::info(
            0,
            "GB121",
            Text::new(
                "-extldflags only reaches the external (C) linker, which is not used without cgo: it has no effect here.",
                "-extldflags は外部（C）リンカーにだけ渡されます。cgo を使わないこのビルドでは効果がありません。",
            ),
        ));
    }
    let linking = if goos == "darwin" || goos == "ios" || (cgo_linked && !static_extld) {
        Linking::Dynamic
    } else {
        Linking::Static
    };
    if cgo_linked && linking == Linking::Dynamic && goos == "linux" && b.exit_code == 0 {
        b.diagnostics.push(
            Diagnostic::warning(
                0,
                "GB111",
                Text::new(
                    "cgo is on and the program imports net: the binary is dynamically linked against glibc and fails with \"no such file or directory\" on scratch, distroless/static or Alpine.",
                    "cgo が有効で net をインポートしているため、バイナリは glibc に動的リンクされます。scratch・distroless/static・Alpine では \"no such file or directory\" で起動できません。",
                ),
            )
            .with_fix(Text::new(
                "Build with CGO_ENABLED=0 for a static binary.",
                "静的バイナリにするには CGO_ENABLED=0 でビルドします。",
            )),
        );
    }

    // -X against main.go.
    let main_import_path = main_import_path(command, ctx);
    let mut x_applied = BTreeMap::new();
    let mut x_ignored = Vec::new();
    let mut x_unchecked = Vec::new();
    // What the program prints for each name before -X: a var's initial value, and a string
    // constant's value (-X cannot change a const, so the program keeps printing it).
    let mut values: BTreeMap<String, String> = source
        .decls
        .iter()
        .filter(|d| !d.is_const || d.string_value.is_some())
        .map(|d| (d.name.clone(), d.string_value.clone().unwrap_or_default()))
        .collect();
    // By name, first declaration wins (as `GoSource::find`): thousands of -X against thousands of
    // vars stay linear.
    let mut decls: HashMap<&str, &GoDecl> = HashMap::with_capacity(source.decls.len());
    for decl in &source.decls {
        decls.entry(decl.name.as_str()).or_insert(decl);
    }
    for def in last_definitions(&ldflags.x) {
        match check_x(def, &decls, &main_import_path, ctx) {
            XOutcome::Applied => {
                values.insert(def.name.clone(), def.value.clone());
                x_applied.insert(def.symbol(), def.value.clone());
            }
            XOutcome::Ignored(code, reason) => {
                b.diagnostics.push(
                    Diagnostic::warning(0, code, reason.clone()).with_fix(Text::new(
                        "Declare it in package main as `var name = \"default\"` (a string var with a constant initializer) and use -X main.name=value.",
                        "main パッケージで `var name = \"default\"`（定数で初期化した string 変数）として宣言し、-X main.name=value と書きます。",
                    )),
                );
                x_ignored.push(XIgnored {
                    flag: def.raw.clone(),
                    code: code.to_string(),
                    reason,
                });
            }
            XOutcome::Unchecked => x_unchecked.push(def.raw.clone()),
            XOutcome::NotString(type_name) => {
                let message = format!(
                    "{}: cannot set with -X: not a var of type string (type:{type_name})",
                    def.symbol()
                );
                b.fail(
                    1,
                    format!("# {main_import_path}\n{message}"),
                    Diagnostic::error(
                        0,
                        "GB132",
                        Text::new(
                            message.clone(),
                            format!("{} は string 型ではない（{type_name}）ため -X で設定できず、リンクエラーになります。", def.symbol()),
                        ),
                    ),
                );
            }
        }
    }

    let output = output_name(command, &goos, &main_import_path, &mut b);
    let strip_symbols = ldflags.strip_symbols;
    let strip_dwarf = ldflags.strip_dwarf();
    let ok = b.exit_code == 0;
    let size = (ok && target.is_some()).then(|| {
        predict_size(&SizeQuery {
            goos: goos.clone(),
            goarch: goarch.clone(),
            arch_env: arch_level
                .as_ref()
                .filter(|l| l.explicit)
                .map(|l| format!("{}={}", l.variable, l.value)),
            cgo: cgo_linked,
            trimpath: command.trimpath,
            strip_symbols,
            strip_dwarf,
            ldflags: command.ldflags.clone().unwrap_or_default(),
            sample_program: program.sample,
        })
    });
    let version_output = (ok && source.package.as_deref() == Some("main")).then(|| {
        let pick = |names: &[&str]| names.iter().find_map(|n| values.get(*n).cloned());
        VersionOutput {
            version: pick(&["version", "Version"]),
            build_time: pick(&["buildTime", "BuildTime", "date", "buildDate"]),
            git_commit: pick(&["gitCommit", "GitCommit", "commit", "Commit"]),
            go_version: ctx.go_version.clone(),
            os: goos.clone(),
            arch: goarch.clone(),
        }
    });
    BuildResult {
        first_class: target.is_some_and(|t| t.first_class),
        goos,
        goarch,
        arch_level,
        ok,
        exit_code: b.exit_code,
        go_stderr: b.stderr.join("\n"),
        cgo,
        cgo_reason,
        linking,
        output: if ok { output } else { None },
        trimpath: command.trimpath,
        tags: command.tags.clone(),
        strip_symbols,
        strip_dwarf,
        size_bytes: size.as_ref().map(|s| s.bytes),
        size,
        x_applied,
        x_ignored,
        x_unchecked,
        version_output,
        diagnostics: b.diagnostics,
    }
}

struct Builder {
    diagnostics: Vec<Diagnostic>,
    stderr: Vec<String>,
    exit_code: u8,
}

impl Builder {
    /// Records a failure; the first failure decides the exit code, as the go command stops there.
    fn fail(&mut self, exit_code: u8, stderr: String, diagnostic: Diagnostic) {
        if self.exit_code == 0 {
            self.exit_code = exit_code;
        }
        self.stderr.push(stderr);
        self.diagnostics.push(diagnostic);
    }
}

/// What the host's C compiler says when asked to build runtime/cgo for another target (observed
/// with go1.22.12 and Debian 12's gcc 12 on linux/amd64; clang absent).
fn cross_cgo_failure(goos: &str, goarch: &str, ctx: &BuildContext) -> String {
    let cc = targets::default_cc(goos);
    if !ctx.c_compilers.iter().any(|c| c == cc) {
        return format!(
            "# runtime/cgo\ncgo: C compiler \"{cc}\" not found: exec: \"{cc}\": executable file not found in $PATH"
        );
    }
    match goarch {
        "arm64" => "# runtime/cgo\ngcc_arm64.S: Assembler messages:\ngcc_arm64.S:30: Error: no such instruction: `stp x29,x30,[sp,'".to_string(),
        "386" => "# runtime/cgo\nIn file included from _cgo_export.c:3:\n/usr/include/stdlib.h:26:10: fatal error: bits/libc-header-start.h: No such file or directory".to_string(),
        "arm" => "# runtime/cgo\ngcc: error: unrecognized command-line option '-marm'; did you mean '-mabm'?".to_string(),
        _ => format!("# runtime/cgo\n{cc}: error: the host C compiler cannot build for {goos}/{goarch}"),
    }
}

/// The effective `-ldflags`: the last one given (earlier ones are discarded), checked for link
/// errors.
fn effective_ldflags(command: &Command, b: &mut Builder) -> LinkerFlags {
    if command.ldflags_all.len() > 1 {
        b.diagnostics.push(Diagnostic::warning(
            0,
            "GB120",
            Text::new(
                format!(
                    "-ldflags is given {} times: only the last one (\"{}\") is used, the others are discarded.",
                    command.ldflags_all.len(),
                    command.ldflags.as_deref().unwrap_or("")
                ),
                format!(
                    "-ldflags が {} 回指定されています。使われるのは最後の（\"{}\"）だけで、ほかは捨てられます。",
                    command.ldflags_all.len(),
                    command.ldflags.as_deref().unwrap_or("")
                ),
            ),
        ));
    }
    let Some(value) = command.ldflags.as_deref() else {
        return LinkerFlags::default();
    };
    let flags = parse_ldflags(value);
    if let Some(pattern) = &flags.pattern {
        if !matches!(pattern.as_str(), "all" | "main")
            && !command.packages.iter().any(|p| p == pattern)
        {
            b.diagnostics.push(Diagnostic::warning(
                0,
                "GB122",
                Text::new(
                    format!("-ldflags={pattern}=...: the pattern `{pattern}` does not match the main package, so these flags are not applied to it."),
                    format!("-ldflags={pattern}=... のパターン `{pattern}` は main パッケージに一致しないため、フラグは適用されません。"),
                ),
            ));
            return LinkerFlags::default();
        }
    }
    if let Some(error) = &flags.split_error {
        b.fail(
            1,
            format!("go: parsing -ldflags: {error}"),
            Diagnostic::error(
                0,
                "GB123",
                Text::new(
                    format!("go: parsing -ldflags: {error}"),
                    format!("-ldflags の引用符が閉じていません（{error}）。"),
                ),
            ),
        );
    }
    let link = "link";
    for arg in &flags.x_malformed {
        let message =
            format!("{link}: -X flag requires argument of the form importpath.name=value");
        b.fail(
            1,
            message.clone(),
            Diagnostic::error(
                0,
                "GB130",
                Text::new(
                    format!("-X {arg}: {message}"),
                    format!("-X {arg} は importpath.name=value の形になっていないため、リンカーが停止します。"),
                ),
            ),
        );
    }
    for flag in &flags.unknown {
        b.fail(
            1,
            format!("flag provided but not defined: {flag}"),
            Diagnostic::error(
                0,
                "GB124",
                Text::new(
                    format!(
                        "flag provided but not defined: {flag} (go tool link has no such flag)"
                    ),
                    format!("{flag} というフラグはリンカー（go tool link）にありません。"),
                ),
            ),
        );
    }
    if !flags.stray.is_empty() {
        b.diagnostics.push(Diagnostic::warning(
            0,
            "GB125",
            Text::new(
                format!("-ldflags contains words that are not flags ({}): quote values with spaces, e.g. -X 'main.version=a b'.", flags.stray.join(" ")),
                format!("-ldflags にフラグでない語（{}）があります。空白を含む値は -X 'main.version=a b' のように引用符で囲みます。", flags.stray.join(" ")),
            ),
        ));
    }
    flags
}

/// For each symbol, only its last `-X` counts (the linker stores them in a map).
fn last_definitions(defs: &[XDefinition]) -> Vec<&XDefinition> {
    let mut seen = std::collections::HashSet::new();
    let mut out: Vec<&XDefinition> = defs
        .iter()
        .rev()
        .filter(|d| seen.insert(d.symbol()))
        .collect();
    out.reverse();
    out
}

enum XOutcome {
    Applied,
    Ignored(&'static str, Text),
    Unchecked,
    NotString(String),
}

fn check_x(
    def: &XDefinition,
    decls: &HashMap<&str, &GoDecl>,
    main_import_path: &str,
    ctx: &BuildContext,
) -> XOutcome {
    let symbol = def.symbol();
    if def.package != "main" {
        if def.package == main_import_path {
            return XOutcome::Ignored(
                "GB134",
                Text::new(
                    format!("-X {symbol} is silently ignored: variables of package main must be named `main.{}`, not by the import path.", def.name),
                    format!("-X {symbol} は黙って無視されます。main パッケージの変数は import パスではなく `main.{}` と書きます。", def.name),
                ),
            );
        }
        if !def.package.contains('/') && !def.package.contains('.') {
            return XOutcome::Ignored(
                "GB135",
                Text::new(
                    format!("-X {symbol} is silently ignored: `{}` looks like a package name; -X needs the full import path (e.g. {}/internal/{}.{}).", def.package, ctx.module_path, def.package, def.name),
                    format!("-X {symbol} は黙って無視されます。`{}` はパッケージ名のようですが、-X には完全な import パス（例: {}/internal/{}.{}）が必要です。", def.package, ctx.module_path, def.package, def.name),
                ),
            );
        }
        return XOutcome::Unchecked;
    }
    let Some(&decl) = decls.get(def.name.as_str()) else {
        return XOutcome::Ignored(
            "GB131",
            Text::new(
                format!("-X {symbol} is silently ignored: main.go has no package-level variable `{}`. The binary keeps its default — the classic \"why is my version still dev?\" bug.", def.name),
                format!("-X {symbol} は黙って無視されます。main.go にパッケージレベルの変数 `{}` がありません。バイナリは既定値のままです（「バージョンが dev のまま」の典型的な原因）。", def.name),
            ),
        );
    };
    if decl.is_const {
        return XOutcome::Ignored(
            "GB133",
            Text::new(
                format!("-X {symbol} is silently ignored: `{}` (line {}) is a const; -X can only set a string var.", def.name, decl.line),
                format!("-X {symbol} は黙って無視されます。`{}`（{} 行目）は const です。-X が設定できるのは string 型の var だけです。", def.name, decl.line),
            ),
        );
    }
    match decl.type_name.as_deref() {
        Some("string") if !decl.computed_initializer => XOutcome::Applied,
        Some(other) if other != "string" => XOutcome::NotString(other.to_string()),
        _ => XOutcome::Ignored(
            "GB136",
            Text::new(
                format!("-X {symbol} has no lasting effect: `{}` (line {}) is initialised by code (a call or another variable), which runs at start-up and overwrites the -X value.", def.name, decl.line),
                format!("-X {symbol} は効果が残りません。`{}`（{} 行目）は関数呼び出しや別の変数で初期化されており、起動時にその値で -X の値が上書きされます。", def.name, decl.line),
            ),
        ),
    }
}

/// The import path of the main package being built.
fn main_import_path(command: &Command, ctx: &BuildContext) -> String {
    let package = command.packages.first().map(String::as_str).unwrap_or(".");
    if let Some(relative) = package
        .strip_prefix("./")
        .or_else(|| (package == ".").then_some(""))
    {
        let relative = relative.trim_end_matches('/');
        if relative.is_empty() {
            ctx.module_path.clone()
        } else {
            format!("{}/{relative}", ctx.module_path)
        }
    } else {
        package.to_string()
    }
}

/// The file `go build` writes (cmd/go/internal/work/build.go; observed with go1.22.12).
fn output_name(
    command: &Command,
    goos: &str,
    import_path: &str,
    b: &mut Builder,
) -> Option<String> {
    let exe = targets::exe_suffix(goos);
    let multiple = command.packages.len() > 1 || command.packages.iter().any(|p| p.contains("..."));
    let base = default_exe_name(import_path);
    match command.output.as_deref() {
        Some(o) if o.ends_with('/') || o == "." || o == ".." => {
            let dir = if o.ends_with('/') {
                o.to_string()
            } else {
                format!("{o}/")
            };
            Some(format!("{dir}{base}{exe}"))
        }
        Some(o) if multiple => {
            b.fail(
                1,
                format!("go: cannot write multiple packages to non-directory {o}"),
                Diagnostic::error(
                    0,
                    "GB140",
                    Text::new(
                        format!("go: cannot write multiple packages to non-directory {o}"),
                        format!("複数のパッケージを -o {o} という一つのファイルには書けません。ディレクトリ（末尾に /）を指定します。"),
                    ),
                ),
            );
            None
        }
        Some(o) => {
            if !exe.is_empty() && !o.ends_with(exe) {
                b.diagnostics.push(Diagnostic::info(
                    0,
                    "GB141",
                    Text::new(
                        format!("-o names the file exactly: for GOOS={goos} the go command does not add .exe, so Windows users get `{o}` without an extension."),
                        format!("-o はファイル名そのものです。GOOS={goos} でも .exe は付かないため、`{o}` は拡張子なしになります。"),
                    ),
                ));
            }
            Some(o.to_string())
        }
        None if multiple => {
            b.diagnostics.push(Diagnostic::info(
                0,
                "GB142",
                Text::new(
                    "With several packages and no -o, go build compiles them and discards the results: no file is written.",
                    "複数のパッケージを -o なしでビルドすると、コンパイルだけして結果は捨てられます（ファイルは作られません）。",
                ),
            ));
            None
        }
        None => Some(format!("{base}{exe}")),
    }
}

/// The last path element, skipping a major-version suffix (`example.com/foo/v2` → `foo`).
fn default_exe_name(import_path: &str) -> String {
    let mut parts = import_path.rsplit('/');
    let last = parts.next().unwrap_or("");
    let is_major =
        last.len() > 1 && last.starts_with('v') && last[1..].chars().all(|c| c.is_ascii_digit());
    if is_major {
        parts.next().unwrap_or(last).to_string()
    } else {
        last.to_string()
    }
}
