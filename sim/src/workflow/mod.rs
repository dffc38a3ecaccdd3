//! The GitHub Actions workflow engine: a release workflow's triggers, job graph, matrix and
//! permissions, simulated for one event.
//!
//! Entry point: [`analyze`], called by the UI on every keystroke and printed by
//! `deploy-sim workflow … --json`. Architecture: [`parse`] turns YAML into the typed
//! [`model::Workflow`]; [`triggers`] decides whether the event fires it (with [`filters`], GitHub's
//! filter patterns); [`graph`] orders and runs the jobs (with [`expr`] for `if:`); [`checks`]
//! reports what a release needs (permissions, full history, pinned actions).

pub mod checks;
pub mod expr;
pub mod filters;
pub mod graph;
pub mod model;
pub mod parse;
pub mod triggers;

use serde::{Serialize, Serializer};

pub use graph::{JobRun, Status};
pub use triggers::Event;

use crate::{Diagnostic, Text};

/// More diagnostics than this are cut (with a note): a learner fixes the first ones, and the page
/// must not render tens of thousands of rows for a pasted or generated file.
pub const MAX_DIAGNOSTICS: usize = 200;

/// What to simulate: the event and the jobs the learner marks as failing.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Options {
    pub event: Event,
    /// Job ids (every matrix instance fails) or matrix instance names such as `test (ubuntu)`.
    pub failing: Vec<String>,
}

/// Everything the UI shows, and exactly what `deploy-sim workflow --json` prints.
#[derive(Clone, Debug, PartialEq)]
pub struct Analysis {
    pub workflow: model::Workflow,
    pub triggered: bool,
    pub reason: Text,
    /// Line of the filter or event that decided (0 when none).
    pub reason_line: usize,
    /// Concrete jobs in run order (by level, then as written). When the workflow does not
    /// trigger, every job is listed as skipped so the graph can still be drawn.
    pub jobs: Vec<JobRun>,
    /// Sorted by line.
    pub diagnostics: Vec<Diagnostic>,
    /// How many of the errors make GitHub reject the file itself ("Invalid workflow file":
    /// unexpected keys, missing `runs-on`, unknown `needs`, cycles...): then no job starts.
    /// Release-check errors (a missing permission) are not among them: GitHub accepts the
    /// file, and the step fails when it runs.
    pub invalid_errors: usize,
}

impl Analysis {
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }
}

impl Serialize for Analysis {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("name", &self.workflow.name)?;
        map.serialize_entry("triggered", &self.triggered)?;
        map.serialize_entry("invalid", &(self.invalid_errors > 0))?;
        map.serialize_entry("reason", &self.reason.en)?;
        map.serialize_entry("reason_ja", &self.reason.ja)?;
        map.serialize_entry("reason_line", &self.reason_line)?;
        map.serialize_entry("jobs", &self.jobs)?;
        map.serialize_entry("diagnostics", &self.diagnostics)?;
        map.end()
    }
}

/// Parses `source`, decides whether `options.event` triggers it, runs the job graph and the
/// release checks. Never panics; bounded time on any input.
pub fn analyze(source: &str, options: &Options) -> Analysis {
    let (workflow, diagnostics) = parse::parse(source);
    analyze_parsed(workflow, diagnostics, options)
}

/// [`analyze`] on a workflow already parsed (with the parse's diagnostics), for a caller that
/// needs the model before it runs the workflow (the release preview).
pub fn analyze_parsed(
    workflow: model::Workflow,
    mut diagnostics: Vec<Diagnostic>,
    options: &Options,
) -> Analysis {
    let decision = triggers::decide(&workflow.on, workflow.on_line, &options.event);
    let mut jobs = graph::simulate(
        &workflow.jobs,
        &options.event,
        &options.failing,
        &mut diagnostics,
    );
    let invalid_errors = diagnostics.iter().filter(|d| d.is_error()).count();
    if !decision.triggered {
        for job in &mut jobs {
            job.status = Status::Skipped;
            job.because = Text::new(
                "The workflow is not triggered by this event.",
                "このイベントではワークフローが起動しません。",
            );
        }
    }
    diagnostics.extend(checks::check(&workflow, &options.event, decision.triggered));
    diagnostics.sort_by_key(|d| d.line);
    if diagnostics.len() > MAX_DIAGNOSTICS {
        let hidden = diagnostics.len() - MAX_DIAGNOSTICS;
        diagnostics.truncate(MAX_DIAGNOSTICS);
        diagnostics.push(Diagnostic::info(
            0,
            "WF-TOO-MANY",
            Text::new(
                format!("{hidden} more diagnostics are not shown; fix the ones above first."),
                format!("ほかに {hidden} 件の診断があります。まず上のものを直してください。"),
            ),
        ));
    }
    Analysis {
        workflow,
        triggered: decision.triggered,
        reason: decision.reason,
        reason_line: decision.line,
        jobs,
        diagnostics,
        invalid_errors,
    }
}
