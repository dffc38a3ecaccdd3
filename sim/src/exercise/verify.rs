//! What `deploy-sim exercises check` asks of a teacher's exercise: the starting files fail at
//! least one check (there is something to do), the reference solution passes every check (the
//! exercise can be solved), and a golf metric can be measured on the solution.

use super::evaluate::{evaluate, Evaluation};
use super::Exercise;
use crate::diagnostic::Diagnostic;
use crate::text::Text;
use serde::Serialize;

/// Both evaluations and the problems found, as diagnostics at the exercise file's lines.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Verification {
    pub start: Evaluation,
    pub solution: Evaluation,
    /// Errors make the exercise broken; warnings are worth a look.
    pub problems: Vec<Diagnostic>,
}

impl Verification {
    pub fn is_broken(&self) -> bool {
        self.problems.iter().any(Diagnostic::is_error)
    }
}

/// Evaluates the starting files and the solution, and says what is wrong with the exercise.
pub fn verify(exercise: &Exercise) -> Verification {
    let start = evaluate(exercise, &exercise.files);
    let solution = evaluate(exercise, &exercise.solution);
    let mut problems = Vec::new();
    if start.solved {
        problems.push(Diagnostic::error(
            exercise.lines.files,
            "exercise/start-passes",
            Text::new(
                "the starting files already pass every check: the learner has nothing to do (make a check stricter, or change the starting files)",
                "最初のファイルがすでにすべてのチェックを通ります。学習者がやることがありません（チェックを厳しくするか、最初のファイルを変えてください）",
            ),
        ));
    }
    for result in solution.checks.iter().filter(|c| !c.passed) {
        problems.push(Diagnostic::error(
            result.line,
            "exercise/solution-fails",
            Text::new(
                format!(
                    "the reference solution fails `{}`: {}",
                    result.text, result.detail.en
                ),
                format!(
                    "模範解答が `{}` を通りません: {}",
                    result.text, result.detail.ja
                ),
            ),
        ));
    }
    if let Some(golf) = &solution.golf {
        if golf.value.is_none() {
            let line = exercise.golf.as_ref().map_or(0, |g| g.metric.line);
            problems.push(Diagnostic::error(
                line,
                "exercise/golf-unmeasurable",
                Text::new(
                    "the golf metric cannot be measured on the reference solution",
                    "模範解答でゴルフの指標を測れません",
                ),
            ));
        }
    }
    problems.sort_by_key(|d| d.line);
    Verification {
        start,
        solution,
        problems,
    }
}
