//! The linker flags inside `-ldflags`: `-s`, `-w` (and Go 1.22's "`-s` implies `-w`"), `-X`
//! definitions with the linker's own splitting rules, `-extldflags` and `-linkmode`.
//!
//! Sources: `cmd/link/internal/ld/main.go` (`*FlagW = *FlagS` when `-w` is not given) and
//! `addstrdata1` in `cmd/link/internal/ld/data.go` (cut at the first `=`, then at the last `.`).

use super::shell::split_go_quoted;
use serde::Serialize;

/// One `-X importpath.name=value`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct XDefinition {
    /// The flag's argument as written.
    pub raw: String,
    /// `main` or a full import path.
    pub package: String,
    pub name: String,
    pub value: String,
}

impl XDefinition {
    /// `main.version`.
    pub fn symbol(&self) -> String {
        format!("{}.{}", self.package, self.name)
    }
}

/// What `go tool link` would do with an `-ldflags` value.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct LinkerFlags {
    /// `-s`: omit the symbol table.
    pub strip_symbols: bool,
    /// `-w` as written (`None` when absent: then it follows `-s`).
    pub strip_dwarf_explicit: Option<bool>,
    pub x: Vec<XDefinition>,
    /// `-X` arguments without the `importpath.name=value` shape: a link error.
    pub x_malformed: Vec<String>,
    pub extldflags: Option<String>,
    pub linkmode: Option<String>,
    /// A `pattern=` prefix (`-ldflags=all=-s`), when written.
    pub pattern: Option<String>,
    /// Flags the linker does not define (a link error).
    pub unknown: Vec<String>,
    /// Words that are not flags (the linker treats them as object files).
    pub stray: Vec<String>,
    /// `go tool link` cannot parse the value (unterminated quote).
    pub split_error: Option<String>,
}

impl LinkerFlags {
    /// Whether DWARF is dropped: since Go 1.22 `-s` implies `-w` unless `-w` is written.
    pub fn strip_dwarf(&self) -> bool {
        self.strip_dwarf_explicit.unwrap_or(self.strip_symbols)
    }
}

/// Linker flags (Go 1.22 `go tool link -help`) that take a value.
const LINK_VALUE_FLAGS: &[&str] = &[
    "B",
    "E",
    "H",
    "I",
    "L",
    "R",
    "T",
    "X",
    "benchmark",
    "benchmarkprofile",
    "buildid",
    "buildmode",
    "capturehostobjs",
    "cpuprofile",
    "debugtextsize",
    "debugtramp",
    "extar",
    "extld",
    "extldflags",
    "importcfg",
    "installsuffix",
    "k",
    "libgcc",
    "linkmode",
    "memprofile",
    "memprofilerate",
    "o",
    "pluginpath",
    "r",
    "strictdups",
    "tmpdir",
];

const LINK_BOOL_FLAGS: &[&str] = &[
    "V",
    "a",
    "asan",
    "aslr",
    "c",
    "compressdwarf",
    "d",
    "debugnosplit",
    "dumpdep",
    "f",
    "g",
    "h",
    "linkshared",
    "msan",
    "n",
    "pruneweakmap",
    "race",
    "s",
    "v",
    "w",
];

/// Parses an `-ldflags` value as the go command and the linker would.
pub fn parse_ldflags(value: &str) -> LinkerFlags {
    let mut flags = LinkerFlags::default();
    // `-ldflags=pattern=args`: a leading word without a dash, before an `=`, is a package pattern
    // (cmd/go/internal/load/flag.go).
    let mut body = value;
    if !value.starts_with('-') {
        if let Some((pattern, rest)) = value.split_once('=') {
            if !pattern.contains(' ') && !pattern.is_empty() {
                flags.pattern = Some(pattern.to_string());
                body = rest;
            }
        }
    }
    let fields = match split_go_quoted(body) {
        Ok(fields) => fields,
        Err(e) => {
            flags.split_error = Some(e);
            return flags;
        }
    };
    let mut iter = fields.into_iter();
    while let Some(field) = iter.next() {
        if !field.starts_with('-') || field == "-" {
            flags.stray.push(field);
            // The flag package stops at the first non-flag word; the rest are "files".
            flags.stray.extend(iter.by_ref());
            break;
        }
        let body = field.strip_prefix("--").unwrap_or(&field[1..]);
        let (name, inline) = match body.split_once('=') {
            Some((n, v)) => (n, Some(v.to_string())),
            None => (body, None),
        };
        if LINK_VALUE_FLAGS.contains(&name) {
            let Some(arg) = inline.or_else(|| iter.next()) else {
                flags.unknown.push(format!("-{name} (missing value)"));
                break;
            };
            match name {
                "X" => match parse_x(&arg) {
                    Some(def) => flags.x.push(def),
                    None => flags.x_malformed.push(arg),
                },
                "extldflags" => flags.extldflags = Some(arg),
                "linkmode" => flags.linkmode = Some(arg),
                _ => {}
            }
        } else if LINK_BOOL_FLAGS.contains(&name) {
            let on = !matches!(inline.as_deref(), Some("0" | "false" | "f" | "F" | "FALSE"));
            match name {
                "s" => flags.strip_symbols = on,
                "w" => flags.strip_dwarf_explicit = Some(on),
                _ => {}
            }
        } else {
            flags.unknown.push(format!("-{name}"));
        }
    }
    flags
}

/// Splits `importpath.name=value` like `addstrdata1`: the first `=` ends the name, the last `.`
/// before it separates the package. `None` when either is missing (the linker's fatal
/// "-X flag requires argument of the form importpath.name=value"). An empty package or name is
/// accepted, as by the linker, and then simply matches no variable.
pub fn parse_x(arg: &str) -> Option<XDefinition> {
    let (symbol, value) = arg.split_once('=')?;
    let (package, name) = symbol.rsplit_once('.')?;
    Some(XDefinition {
        raw: arg.to_string(),
        package: package.to_string(),
        name: name.to_string(),
        value: value.to_string(),
    })
}
