//! The GitHub Actions workflow engine: a release workflow's triggers, job graph, matrix and
//! permissions, simulated for one event.
//!
//! Entry point: [`analyze`], called by the UI on every keystroke and printed by
//! `deploy-sim workflow … --json`. Architecture: [`parse`] turns YAML into the typed
//! [`model::Workflow`]; [`triggers`] decides whether the event fires it (with [`filters`], GitHub's
//! filter patterns); [`graph`] orders and runs the jobs (with [`expr`] for `if:`); [`checks`]
//! reports what a release needs (permissions, full history, pinned actions).

pub mod expr;
pub mod filters;
pub mod graph;
pub mod model;
pub mod triggers;
