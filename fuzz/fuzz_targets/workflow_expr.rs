//! GitHub Actions expressions (`deploy_sim::workflow::expr`): the input as a job's `if:`
//! (parsed, evaluated with and without failed needs) and as text with `${{ }}` interpolated.
#![no_main]

use deploy_sim::workflow::expr::{interpolate, Condition, Context, Value};
use deploy_sim_fuzz::text;
use libfuzzer_sys::fuzz_target;

struct Sample {
    failed: bool,
}

impl Context for Sample {
    fn lookup(&self, path: &[String]) -> Value {
        let path: Vec<&str> = path.iter().map(String::as_str).collect();
        match path.as_slice() {
            ["github", "ref"] => Value::String("refs/tags/v1.2.3".into()),
            ["github", "event_name"] => Value::String("push".into()),
            ["github", "run_number"] => Value::Number(42.0),
            ["matrix", "os"] => Value::String("ubuntu-latest".into()),
            ["needs", "test", "result"] => {
                Value::String(if self.failed { "failure" } else { "success" }.into())
            }
            ["env", "EMPTY"] => Value::String(String::new()),
            ["inputs", "dry"] => Value::Bool(true),
            _ => Value::Null,
        }
    }
    fn success(&self) -> bool {
        !self.failed
    }
    fn failure(&self) -> bool {
        self.failed
    }
}

fuzz_target!(|data: &[u8]| {
    let source = text(data);
    for failed in [false, true] {
        let context = Sample { failed };
        if let Ok(condition) = Condition::parse(&source) {
            let first = condition.evaluate_job_if(&context);
            assert_eq!(
                first,
                condition.evaluate_job_if(&context),
                "expr: two evaluations differ"
            );
            if failed && !condition.has_status_function {
                assert_eq!(
                    first,
                    Ok(false),
                    "expr: the implicit success() did not hold back {source:?}"
                );
            }
        }
        let out = interpolate(&source, &context);
        if !source.contains("${{") {
            assert_eq!(out, source, "expr: text without an expression changed");
        }
    }
    if let Err(message) = Condition::parse(&source) {
        assert!(!message.en.is_empty() && !message.ja.is_empty());
    }
});
