//! The shared YAML layer (`deploy_sim::yaml::parse`) behind GoReleaser, workflows and exercises:
//! syntax errors become diagnostics, and the position index agrees with the parsed document —
//! where it locates a plain key, that key is written there.
#![no_main]

use deploy_sim::yaml::{parse, PathSegment};
use deploy_sim_fuzz::{check_diagnostics, line_count, sampled, text};
use libfuzzer_sys::fuzz_target;
use serde_yaml::Value;

/// At most this many paths are looked up per input, so deep documents stay fast.
const MAX_PATHS: usize = 500;

fn walk(
    value: &Value,
    path: &mut Vec<PathSegment>,
    out: &mut Vec<(Vec<PathSegment>, Option<String>)>,
) {
    if out.len() >= MAX_PATHS || path.len() > 12 {
        return;
    }
    match value {
        Value::Mapping(map) => {
            for (key, child) in map {
                let Some(name) = key.as_str() else { continue };
                path.push(PathSegment::key(name));
                out.push((path.clone(), Some(name.to_string())));
                walk(child, path, out);
                path.pop();
            }
        }
        Value::Sequence(items) => {
            for (i, child) in items.iter().enumerate() {
                path.push(PathSegment::Index(i));
                out.push((path.clone(), None));
                walk(child, path, out);
                path.pop();
            }
        }
        Value::Tagged(tagged) => walk(&tagged.value, path, out),
        _ => {}
    }
}

fuzz_target!(|data: &[u8]| {
    let source = text(data);
    let parsed = parse(&source);
    check_diagnostics("yaml", &source, &parsed.diagnostics);
    if sampled(data) {
        let again = parse(&source);
        assert_eq!(
            parsed.diagnostics, again.diagnostics,
            "yaml: two parses differ"
        );
        assert_eq!(
            parsed.index, again.index,
            "yaml: two position indexes differ"
        );
    }

    let Some(value) = &parsed.value else { return };
    let lines: Vec<&str> = source.lines().collect();
    let mut paths = Vec::new();
    walk(value, &mut Vec::new(), &mut paths);
    for (path, key) in paths {
        let Some((line, column)) = parsed.locate(&path) else {
            continue;
        };
        assert!(
            (1..=line_count(&source)).contains(&line),
            "yaml: {path:?} located on line {line} of {}",
            lines.len()
        );
        let text: String = lines[line - 1]
            .chars()
            .skip(column.saturating_sub(1))
            .collect();
        assert!(
            column >= 1 && column <= lines[line - 1].chars().count() + 1,
            "yaml: {path:?} located at column {column} of {:?}",
            lines[line - 1]
        );
        // A plain key (letters, digits, `_`, `-`) is written where the index says.
        if let Some(key) = key.filter(|k| {
            !k.is_empty()
                && k.chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
        }) {
            let found = text.starts_with(&key)
                || text
                    .strip_prefix(['"', '\''])
                    .is_some_and(|t| t.starts_with(&key));
            assert!(
                found,
                "yaml: {path:?} located at {line}:{column}, where the text is {text:?}"
            );
        }
    }
});
