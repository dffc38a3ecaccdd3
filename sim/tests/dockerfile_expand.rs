//! Variable expansion against BuildKit's own table, `frontend/dockerfile/shell/envVarTest`
//! (copied to `sim/tests/data/buildkit-shell`), with the environment of BuildKit's test
//! `TestShellParser4EnvVars`: PWD=/home SHELL=bash KOREAN=한국어 NULL= (Unix rows).

use deploy_sim::dockerfile::expand::expand;

#[test]
fn expansion_matches_buildkit_env_var_table() {
    let table = include_str!("data/buildkit-shell/envVarTest");
    let env = |name: &str| match name {
        "PWD" => Some("/home".to_string()),
        "SHELL" => Some("bash".to_string()),
        "KOREAN" => Some("한국어".to_string()),
        "NULL" => Some(String::new()),
        _ => None,
    };
    let mut total = 0;
    let mut failures = Vec::new();
    for (number, line) in table.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let fields: Vec<&str> = line.trim().split('|').collect();
        let [platform, source, expected] = fields.as_slice() else {
            panic!("line {}: three fields expected", number + 1);
        };
        if platform.trim() == "W" {
            continue;
        }
        total += 1;
        let (source, expected) = (source.trim(), expected.trim());
        let result = expand(source, '\\', &env);
        let ok = if expected == "error" {
            result.error.is_some()
        } else {
            result.error.is_none() && result.value == expected
        };
        if !ok {
            failures.push(format!(
                "line {}: {source:?} → {:?} / {:?}, BuildKit: {expected:?}",
                number + 1,
                result.value,
                result.error
            ));
        }
    }
    println!("BuildKit envVarTest: {}/{total}", total - failures.len());
    assert!(total > 200);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
