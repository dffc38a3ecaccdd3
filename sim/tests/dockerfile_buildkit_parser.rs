//! Parser fidelity against BuildKit's own test suite: `sim/tests/data/buildkit-parser` holds
//! moby/buildkit's `frontend/dockerfile/parser/testfiles` (Dockerfile + expected AST dump) and
//! `testfiles-negative` (files BuildKit must reject), copied at commit 73ed6825. We print our
//! parse in BuildKit's `Node.Dump` format and compare it byte for byte.

use deploy_sim::dockerfile::parser::{parse, Instruction};
use std::path::{Path, PathBuf};

fn data_dir(kind: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/buildkit-parser")
        .join(kind)
}

fn cases(kind: &str) -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(data_dir(kind))
        .expect("test data exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    dirs
}

/// Go's `strconv.Quote` for the characters these files contain.
fn go_quote(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            '\u{07}' => out.push_str("\\a"),
            '\u{08}' => out.push_str("\\b"),
            '\u{0C}' => out.push_str("\\f"),
            '\u{0B}' => out.push_str("\\v"),
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                out.push_str(&format!("\\x{:02x}", c as u32))
            }
            c if c.is_control() => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// BuildKit's `Node.Dump` for one instruction.
fn dump(instruction: &Instruction) -> String {
    let mut out = instruction.written_keyword.to_lowercase();
    if !instruction.flags.is_empty() {
        let flags: Vec<String> = instruction.flags.iter().map(|f| go_quote(f)).collect();
        out.push_str(&format!(" [{}]", flags.join(" ")));
    }
    if let Some(inner) = &instruction.inner {
        out.push_str(&format!(" ({})", dump(inner)));
        return out;
    }
    let is_key_value = matches!(instruction.keyword.as_str(), "ENV" | "LABEL");
    if is_key_value {
        // BuildKit's key/value nodes carry a third node: "=" or "" for the legacy form.
        let separator = if instruction.legacy_key_value {
            ""
        } else {
            "="
        };
        for pair in instruction.args.chunks(2) {
            for value in pair {
                out.push(' ');
                out.push_str(&go_quote(value));
            }
            out.push(' ');
            out.push_str(&go_quote(separator));
        }
    } else {
        for arg in &instruction.args {
            out.push(' ');
            out.push_str(&go_quote(arg));
        }
    }
    out.trim().to_string()
}

#[test]
fn parser_matches_buildkit_testfiles() {
    let mut agree = 0;
    let mut failures = Vec::new();
    let all = cases("testfiles");
    for dir in &all {
        let source = std::fs::read_to_string(dir.join("Dockerfile")).expect("Dockerfile");
        let expected = std::fs::read_to_string(dir.join("result")).expect("result");
        let parsed = parse(&source);
        let got: String = parsed
            .instructions
            .iter()
            .map(|i| format!("({})\n", dump(i)))
            .collect();
        let errors: Vec<_> = parsed
            .diagnostics
            .iter()
            .filter(|d| d.code == "DF002" || d.code == "DF005")
            .collect();
        if got == expected && errors.is_empty() {
            agree += 1;
        } else {
            failures.push(format!(
                "{}:\n--- expected\n{expected}--- got\n{got}--- errors {errors:?}",
                dir.file_name().unwrap_or_default().to_string_lossy()
            ));
        }
    }
    println!("BuildKit parser testfiles: {agree}/{}", all.len());
    assert!(all.len() >= 30, "all BuildKit cases are present");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn parser_rejects_buildkit_negative_testfiles() {
    for dir in cases("testfiles-negative") {
        let source = std::fs::read_to_string(dir.join("Dockerfile")).expect("Dockerfile");
        let parsed = parse(&source);
        assert!(
            parsed.diagnostics.iter().any(|d| d.is_error()),
            "{}: BuildKit rejects this file, we must report an error",
            dir.display()
        );
    }
}
