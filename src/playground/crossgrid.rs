//! The cross-compilation grid of chapter 3's `matrix` playground: every GOOS/GOARCH pair Go 1.22
//! knows, grouped by operating system, each cell saying whether the learner's script builds it
//! (and how big), fails on it, or does not build it yet. Pressing a cell edits the script — a
//! `go build` line is added for the pair, modelled on the script's last one, or the pair's lines
//! are removed — so the script stays the one source of truth (and of what is saved). The CGO
//! switch rewrites `CGO_ENABLED` the same way.

use super::goscript::GoBuildLine;
use deploy_sim::gobuild::targets::{targets, Target};
use deploy_sim::gobuild::BuildResult;
use std::ops::Range;

/// Operating systems in the order the grid shows them: the three that first-class ports cover,
/// then the others in `go tool dist list` order.
pub fn rows() -> Vec<(&'static str, Vec<&'static Target>)> {
    let mut out: Vec<(&'static str, Vec<&'static Target>)> = Vec::new();
    for t in targets() {
        match out.iter_mut().find(|(os, _)| *os == t.goos) {
            Some((_, cells)) => cells.push(t),
            None => out.push((t.goos.as_str(), vec![t])),
        }
    }
    let rank = |os: &str| match os {
        "linux" => 0,
        "darwin" => 1,
        "windows" => 2,
        _ => 3,
    };
    out.sort_by_key(|(os, _)| rank(os));
    out
}

/// What the script does for one pair.
#[derive(Clone, Debug, PartialEq)]
pub enum CellState {
    /// No line builds it.
    Idle,
    /// Every line for it succeeds; the largest predicted size, if known.
    Built { size_bytes: Option<u64> },
    /// At least one line for it fails; the go command's first line of error output.
    Failed { reason: String },
}

/// The state of the pair `goos/goarch` given the analysed lines.
pub fn cell_state(goos: &str, goarch: &str, results: &[&BuildResult]) -> CellState {
    let mine: Vec<&&BuildResult> = results
        .iter()
        .filter(|r| r.goos == goos && r.goarch == goarch)
        .collect();
    if mine.is_empty() {
        return CellState::Idle;
    }
    if let Some(failed) = mine.iter().find(|r| !r.ok) {
        let reason = failed
            .go_stderr
            .lines()
            .find(|l| !l.trim().is_empty())
            .unwrap_or("")
            .to_string();
        return CellState::Failed { reason };
    }
    CellState::Built {
        size_bytes: mine.iter().filter_map(|r| r.size_bytes).max(),
    }
}

/// Removes the text ranges (and the newline that ends each) from the script.
fn remove_ranges(script: &str, mut ranges: Vec<Range<usize>>) -> String {
    ranges.sort_by_key(|r| std::cmp::Reverse(r.start));
    let mut out = script.to_string();
    for r in ranges {
        let end = if out.get(r.end..r.end + 1) == Some("\n") {
            r.end + 1
        } else {
            r.end
        };
        if out.get(r.start..end).is_some() {
            out.replace_range(r.start..end, "");
        }
    }
    out
}

/// Replaces the value of a `NAME=value` word wherever it stands alone; returns whether it did.
fn set_env_word(text: &mut String, name: &str, value: &str) -> bool {
    let key = format!("{name}=");
    let mut found = false;
    let mut from = 0;
    while let Some(pos) = text
        .get(from..)
        .and_then(|t| t.find(&key))
        .map(|p| p + from)
    {
        let standalone = text[..pos]
            .chars()
            .next_back()
            .is_none_or(char::is_whitespace);
        let vstart = pos + key.len();
        let vend = text[vstart..]
            .find(char::is_whitespace)
            .map_or(text.len(), |i| vstart + i);
        if standalone {
            text.replace_range(vstart..vend, value);
            found = true;
            from = vstart + value.len();
        } else {
            from = vend;
        }
    }
    found
}

/// Drops `NAME=value ` words (e.g. `GOARM=7` when the new target is not arm).
fn drop_env_word(text: &mut String, name: &str) {
    let key = format!("{name}=");
    while let Some(pos) = text.find(&key) {
        let end = text[pos..]
            .find(char::is_whitespace)
            .map_or(text.len(), |i| pos + i);
        let end = end + text[end..].len() - text[end..].trim_start_matches(' ').len();
        text.replace_range(pos..end, "");
    }
}

/// A `go build` line for `goos/goarch`, modelled on `template` (the source text of a line that
/// built `from`): its environment words, output name and package are kept, the pair replaced.
fn line_for(template: Option<(&str, &BuildResult)>, goos: &str, goarch: &str) -> String {
    let Some((text, from)) = template else {
        let exe = if goos == "windows" { ".exe" } else { "" };
        return format!("GOOS={goos} GOARCH={goarch} go build -o dist/app-{goos}-{goarch}{exe} .");
    };
    let mut line = text.to_string();
    let has_os = set_env_word(&mut line, "GOOS", goos);
    let has_arch = set_env_word(&mut line, "GOARCH", goarch);
    for (knob, arch) in [("GOARM", "arm"), ("GOAMD64", "amd64"), ("GO386", "386")] {
        if goarch != arch {
            drop_env_word(&mut line, knob);
        }
    }
    if !(has_os && has_arch) {
        // The pair came from `export` lines above: name it on the new line.
        let indent = line.len() - line.trim_start().len();
        line.insert_str(indent, &format!("GOOS={goos} GOARCH={goarch} "));
    }
    // The output name: `…-linux-amd64` → `…-<goos>-<goarch>`, `.exe` only for windows.
    let old = format!("-{}-{}", from.goos, from.goarch);
    let new = format!("-{goos}-{goarch}");
    if let Some(pos) = line.rfind(&old) {
        let mut end = pos + old.len();
        let had_exe = line[end..].starts_with(".exe");
        if had_exe {
            end += 4;
        }
        let exe = if goos == "windows" { ".exe" } else { "" };
        line.replace_range(pos..end, &format!("{new}{exe}"));
    }
    line
}

/// The script with the pair added (when no line builds it) or its lines removed.
pub fn toggle_pair(
    script: &str,
    lines: &[(GoBuildLine, &BuildResult)],
    goos: &str,
    goarch: &str,
) -> String {
    let mine: Vec<Range<usize>> = lines
        .iter()
        .filter(|(_, r)| r.goos == goos && r.goarch == goarch)
        .map(|(l, _)| l.range.clone())
        .collect();
    if !mine.is_empty() {
        return remove_ranges(script, mine);
    }
    let template = lines
        .iter()
        .rev()
        .find(|(_, r)| r.ok)
        .or(lines.last())
        .and_then(|(l, r)| script.get(l.range.clone()).map(|t| (t, *r)));
    let new_line = line_for(template, goos, goarch);
    let mut out = script.trim_end_matches('\n').to_string();
    if !out.is_empty() {
        out.push('\n');
    }
    out.push_str(&new_line);
    out.push('\n');
    out
}

/// Whether the script asks for cgo: `Some(true)` / `Some(false)` from its last `CGO_ENABLED=`,
/// `None` when it does not say (then the go command's default applies).
pub fn cgo_setting(script: &str) -> Option<bool> {
    let pos = script.rfind("CGO_ENABLED=")?;
    let value = script[pos + "CGO_ENABLED=".len()..]
        .trim_start_matches(['"', '\''])
        .chars()
        .next()?;
    Some(value == '1')
}

/// Switches every `CGO_ENABLED=` in the script to `enabled`, or adds an `export` line on top.
pub fn set_cgo(script: &str, enabled: bool) -> String {
    let value = if enabled { "1" } else { "0" };
    let mut out = script.to_string();
    if set_env_word(&mut out, "CGO_ENABLED", value) {
        return out;
    }
    // After the leading comment lines, so a heading comment stays first.
    let insert_at = script
        .split_inclusive('\n')
        .take_while(|l| l.trim_start().starts_with('#'))
        .map(str::len)
        .sum::<usize>();
    out.insert_str(insert_at, &format!("export CGO_ENABLED={value}\n"));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::playground::goscript::go_build_lines;
    use deploy_sim::gobuild::{analyze_line, BuildContext};
    use deploy_sim::make::ProjectEnv;

    const SCRIPT: &str = "# five targets\nexport CGO_ENABLED=0\n\nGOOS=linux GOARCH=amd64 \\\n  go build -o dist/app-linux-amd64 ./cmd/app\nGOOS=windows GOARCH=amd64 \\\n  go build -o dist/app-windows-amd64.exe ./cmd/app\n";

    fn analysed(script: &str) -> (Vec<GoBuildLine>, Vec<BuildResult>) {
        let lines = go_build_lines(script, &ProjectEnv::default());
        let results = lines
            .iter()
            .map(|l| analyze_line(&l.command, None, &BuildContext::default()))
            .collect();
        (lines, results)
    }

    fn toggle(script: &str, goos: &str, goarch: &str) -> String {
        let (lines, results) = analysed(script);
        let pairs: Vec<(GoBuildLine, &BuildResult)> =
            lines.into_iter().zip(results.iter()).collect();
        toggle_pair(script, &pairs, goos, goarch)
    }

    #[test]
    fn rows_cover_all_48_pairs_with_linux_darwin_windows_first() {
        let rows = rows();
        assert_eq!(rows.iter().map(|(_, c)| c.len()).sum::<usize>(), 48);
        let first: Vec<&str> = rows.iter().take(3).map(|(os, _)| *os).collect();
        assert_eq!(first, ["linux", "darwin", "windows"]);
    }

    #[test]
    fn adding_a_pair_copies_the_last_line_with_new_names() {
        let out = toggle(SCRIPT, "linux", "arm64");
        assert!(
            out.ends_with(
                "GOOS=linux GOARCH=arm64 \\\n  go build -o dist/app-linux-arm64 ./cmd/app\n"
            ),
            "{out}"
        );
        let (_, results) = analysed(&out);
        assert!(results
            .iter()
            .any(|r| r.goos == "linux" && r.goarch == "arm64" && r.ok));
        // Windows gets .exe, others lose it.
        let out = toggle(
            "GOOS=linux GOARCH=amd64 go build -o dist/app-linux-amd64 .\n",
            "windows",
            "386",
        );
        assert!(out.ends_with("-o dist/app-windows-386.exe .\n"), "{out}");
    }

    #[test]
    fn removing_a_pair_drops_its_whole_logical_line() {
        let out = toggle(SCRIPT, "windows", "amd64");
        assert!(!out.contains("windows"), "{out}");
        assert!(out.contains("dist/app-linux-amd64"));
        let (lines, _) = analysed(&out);
        assert_eq!(lines.len(), 1);
    }

    #[test]
    fn knobs_of_other_architectures_are_dropped() {
        let out = toggle(
            "GOOS=linux GOARCH=arm GOARM=7 go build -o out/x-linux-arm .\n",
            "linux",
            "riscv64",
        );
        assert!(
            out.ends_with("GOOS=linux GOARCH=riscv64 go build -o out/x-linux-riscv64 .\n"),
            "{out}"
        );
    }

    #[test]
    fn exported_pairs_get_named_on_the_new_line() {
        let out = toggle(
            "export GOOS=linux GOARCH=amd64\ngo build -o out/x .\n",
            "darwin",
            "arm64",
        );
        assert!(
            out.ends_with("GOOS=darwin GOARCH=arm64 go build -o out/x .\n"),
            "{out}"
        );
    }

    #[test]
    fn an_empty_script_gets_a_plain_line() {
        let out = toggle("", "linux", "amd64");
        assert_eq!(
            out,
            "GOOS=linux GOARCH=amd64 go build -o dist/app-linux-amd64 .\n"
        );
    }

    #[test]
    fn cell_states_follow_the_engine() {
        // Windows cross builds with cgo on still succeed (no package of the sample needs cgo
        // there); a linux/arm64 one needs an arm64 C compiler.
        let script = set_cgo(&toggle(SCRIPT, "linux", "arm64"), true);
        let (_, results) = analysed(&script);
        let refs: Vec<&BuildResult> = results.iter().collect();
        // The simulated machine is linux/amd64 with gcc: native cgo builds, cross cgo fails.
        assert!(matches!(
            cell_state("linux", "amd64", &refs),
            CellState::Built {
                size_bytes: Some(_)
            }
        ));
        assert!(matches!(
            cell_state("windows", "amd64", &refs),
            CellState::Built { .. }
        ));
        match cell_state("linux", "arm64", &refs) {
            CellState::Failed { reason } => assert!(!reason.is_empty()),
            other => panic!("{other:?}"),
        }
        assert_eq!(cell_state("plan9", "386", &refs), CellState::Idle);
    }

    #[test]
    fn cgo_switch_rewrites_or_adds_the_setting() {
        assert_eq!(cgo_setting(SCRIPT), Some(false));
        let on = set_cgo(SCRIPT, true);
        assert_eq!(cgo_setting(&on), Some(true));
        assert_eq!(set_cgo(&on, false), SCRIPT);
        let added = set_cgo("# heading\ngo build .\n", false);
        assert_eq!(added, "# heading\nexport CGO_ENABLED=0\ngo build .\n");
        assert_eq!(cgo_setting("go build ."), None);
    }
}
