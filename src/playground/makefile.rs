//! What the Makefile playground needs to know about the text itself, beside the engine's
//! simulation: the explicit targets a learner can pick as the goal, and the one-click fix for
//! recipe lines indented with spaces ("missing separator").

/// Whether a line (not indented, not a comment) is a rule line: `targets: prerequisites`,
/// not a variable assignment (`A := b`, `A = b:c`) or a directive.
fn rule_targets(line: &str) -> Option<&str> {
    if line.starts_with([' ', '\t', '#']) || line.trim().is_empty() {
        return None;
    }
    let first_word = line.split_whitespace().next().unwrap_or("");
    if matches!(
        first_word,
        "ifeq"
            | "ifneq"
            | "ifdef"
            | "ifndef"
            | "else"
            | "endif"
            | "define"
            | "endef"
            | "include"
            | "-include"
            | "sinclude"
            | "export"
            | "unexport"
            | "override"
            | "vpath"
    ) {
        return None;
    }
    let colon = line.find(':')?;
    // An assignment has its `=` before any colon, or is `:=` / `::=` / `:::=`.
    if line[..colon].contains('=') || line[colon..].trim_start_matches(':').starts_with('=') {
        return None;
    }
    Some(&line[..colon])
}

/// Logical lines: `(first line number, text)` with backslash-newline continuations kept.
fn logical_lines(source: &str) -> Vec<(usize, String)> {
    let mut out: Vec<(usize, String)> = Vec::new();
    let mut continuing = false;
    for (i, line) in source.split('\n').enumerate() {
        if continuing {
            if let Some(last) = out.last_mut() {
                last.1.push('\n');
                last.1.push_str(line);
            }
        } else {
            out.push((i + 1, line.to_string()));
        }
        continuing = line.ends_with('\\');
    }
    out
}

/// The Makefile's explicit targets in order of appearance, without special targets (`.PHONY`)
/// or pattern rules; the first one is make's default goal.
pub fn explicit_targets(source: &str) -> Vec<String> {
    let mut targets: Vec<String> = Vec::new();
    for (_, line) in logical_lines(source) {
        let Some(names) = rule_targets(&line) else {
            continue;
        };
        for name in names.split_whitespace() {
            if name.starts_with('.') || name.contains('%') || name.contains('$') {
                continue;
            }
            if !targets.iter().any(|t| t == name) {
                targets.push(name.to_string());
            }
        }
    }
    targets
}

/// Replaces the leading spaces of recipe lines (lines after a rule line, up to the next line
/// that is neither indented nor blank) by one TAB. Continuation lines of a variable definition
/// keep their spaces; so does everything outside rules.
pub fn fix_recipe_indentation(source: &str) -> String {
    let mut out = String::with_capacity(source.len());
    let mut in_rule = false;
    let mut previous_continues = false;
    for (i, line) in source.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let continuation = previous_continues;
        previous_continues = line.ends_with('\\');
        if continuation {
            out.push_str(line);
            continue;
        }
        if line.starts_with(' ') && in_rule && !line.trim().is_empty() {
            out.push('\t');
            out.push_str(line.trim_start_matches(' '));
            continue;
        }
        if !line.starts_with([' ', '\t']) && !line.trim().is_empty() && !line.starts_with('#') {
            in_rule = rule_targets(line).is_some();
        }
        out.push_str(line);
    }
    out
}

/// Whether make stopped on a missing separator (the error the one-click fix addresses).
pub fn is_missing_separator(stderr: &[String]) -> bool {
    stderr.iter().any(|l| l.contains("missing separator"))
}

/// The text of the definition that starts at 1-based `line`, continuation lines joined the way
/// make joins them (backslash-newline and the blanks around it become one space). `None` when
/// the line does not exist.
pub fn definition_text(source: &str, line: usize) -> Option<String> {
    let mut lines = source.split('\n').skip(line.checked_sub(1)?);
    let mut out = lines.next()?.trim_end_matches('\r').to_string();
    while out.ends_with('\\') {
        out.pop();
        let Some(next) = lines.next() else { break };
        out = format!("{} {}", out.trim_end(), next.trim());
    }
    Some(out.trim().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    const MAKEFILE: &str = "APP := app\nVERSION := $(shell git describe \\\n             2>/dev/null)\n.PHONY: build test\n\nbuild: dep\n\tgo build -o bin/$(APP) .\n\ntest:\n\tgo test ./...\n%.o: %.c\n\tcc $<\n";

    #[test]
    fn explicit_targets_skip_special_and_pattern_rules_and_assignments() {
        assert_eq!(explicit_targets(MAKEFILE), vec!["build", "test"]);
        assert_eq!(explicit_targets("A = b:c\nx::=y\n"), Vec::<String>::new());
    }

    #[test]
    fn the_tab_fix_touches_recipe_lines_only() {
        let broken = MAKEFILE.replace("\tgo build", "        go build");
        assert_ne!(broken, MAKEFILE);
        assert_eq!(fix_recipe_indentation(&broken), MAKEFILE);
        // The continuation of VERSION keeps its spaces.
        assert_eq!(fix_recipe_indentation(MAKEFILE), MAKEFILE);
    }

    #[test]
    fn the_fix_clears_makes_missing_separator_error() {
        let broken = MAKEFILE.replace("\tgo test", "    go test");
        let options = deploy_sim::make::Options::default();
        let before = deploy_sim::make::analyze(&broken, &options);
        assert!(is_missing_separator(&before.stderr), "{:?}", before.stderr);
        let after = deploy_sim::make::analyze(&fix_recipe_indentation(&broken), &options);
        assert!(!is_missing_separator(&after.stderr), "{:?}", after.stderr);
    }

    #[test]
    fn definitions_are_read_with_their_continuations() {
        let source =
            "A := 1\nVERSION := $(shell git describe \\\n      2>/dev/null || echo dev)\nB = x\n";
        assert_eq!(definition_text(source, 1).as_deref(), Some("A := 1"));
        assert_eq!(
            definition_text(source, 2).as_deref(),
            Some("VERSION := $(shell git describe 2>/dev/null || echo dev)")
        );
        assert_eq!(definition_text(source, 0), None);
        assert_eq!(definition_text(source, 99), None);
    }
}
