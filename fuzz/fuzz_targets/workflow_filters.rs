//! GitHub's filter patterns (`deploy_sim::workflow::filters`): every line of the input is a
//! pattern (`branches`, `tags`, `paths`), compiled, checked as a ref name, and the whole list is
//! evaluated against ref names and paths.
#![no_main]

use deploy_sim::workflow::filters::{ref_name_problems, Pattern, PatternList};
use deploy_sim_fuzz::text;
use libfuzzer_sys::fuzz_target;

const NAMES: &[&str] = &[
    "main",
    "v1.2.3",
    "v1.2.3-rc.1",
    "release/v2",
    "docs/README.md",
    "cmd/server/main.go",
    "",
    "日本語/ファイル.md",
];

fuzz_target!(|data: &[u8]| {
    let source = text(data);
    let sources: Vec<&str> = source.lines().take(64).collect();
    for &pattern_source in &sources {
        let width = pattern_source.chars().count();
        let (pattern, errors) = Pattern::compile(pattern_source);
        for error in errors
            .iter()
            .chain(ref_name_problems(pattern_source).iter())
        {
            assert!(
                (1..=width + 1).contains(&error.column),
                "filters: column {} outside {pattern_source:?} ({width} characters)",
                error.column
            );
            assert!(!error.message.en.is_empty() && !error.message.ja.is_empty());
        }
        // A pattern with no special character matches exactly itself.
        let special = |c: char| matches!(c, '*' | '?' | '+' | '[' | ']' | '\\' | '!');
        if errors.is_empty() && !pattern_source.chars().any(special) {
            assert!(
                pattern.matches(pattern_source),
                "filters: {pattern_source:?} does not match itself"
            );
        }
        if pattern_source.contains("**")
            && errors.is_empty()
            && pattern_source.chars().all(|c| c == '*')
        {
            for name in NAMES {
                assert!(
                    pattern.matches(name),
                    "filters: {pattern_source:?} does not match {name:?}"
                );
            }
        }
        for name in NAMES.iter().copied().chain(sources.iter().copied()) {
            let _ = pattern.matches(name);
        }
    }
    let list = PatternList::from_patterns(&sources);
    for name in NAMES.iter().copied().chain(sources.iter().copied().take(8)) {
        let verdict = list.evaluate(name);
        if let Some(index) = verdict.decided_by {
            assert!(
                index < sources.len(),
                "filters: decided by pattern {index} of {}",
                sources.len()
            );
            assert_eq!(verdict.included, !list.patterns[index].negated);
        } else {
            assert!(
                !verdict.included,
                "filters: {name:?} included with no matching pattern"
            );
        }
    }
});
