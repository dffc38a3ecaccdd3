//! The Makefile engine: GNU make 4.3's reading, expansion and `make -n` for the guide's build
//! Makefile, with `$(shell …)` answered from a simulated project environment.
//!
//! Entry point: [`analyze`]. The UI calls it on every keystroke; the CLI prints its result with
//! `deploy-sim makefile … --json`. Differential tests (`sim/tests/make_vs_gnu_make.rs`) run real
//! GNU make on a corpus and compare its output with [`Analysis::commands`] and
//! [`Analysis::stderr`] line by line.
//!
//! Architecture: [`read`] turns text into variables and rules (interleaved with [`eval`], as in
//! make), [`functions`] holds the built-in functions, [`shell`] the simulated `/bin/sh`,
//! [`plan`] runs the goals, [`artifacts`] reads the `go build` lines of the result.

mod artifacts;
pub mod env;
mod eval;
mod functions;
mod plan;
mod read;
pub mod shell;

use serde::{Serialize, Serializer};

pub use env::{GitState, ProjectEnv};
pub use eval::Flavor;
pub use read::AssignOp;

use crate::{Diagnostic, Text};

/// Where a variable's value came from (`$(origin VAR)`), in make's order of precedence.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Origin {
    Default,
    Environment,
    File,
    CommandLine,
    Override,
    Automatic,
}

impl Origin {
    /// The word `$(origin …)` returns.
    pub fn as_str(self) -> &'static str {
        match self {
            Origin::Default => "default",
            Origin::Environment => "environment",
            Origin::File => "file",
            Origin::CommandLine => "command line",
            Origin::Override => "override",
            Origin::Automatic => "automatic",
        }
    }
}

/// What to simulate: `make -n -f FILE [VAR=value]… [GOAL]…` in the project environment `env`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Options {
    /// The name make uses in messages (`Makefile:12: *** …`).
    pub file_name: String,
    /// Goals from the command line; empty means the default goal.
    pub goals: Vec<String>,
    /// Command-line variable definitions, `VERSION=v2` (also `VAR:=value`).
    pub overrides: Vec<String>,
    pub env: ProjectEnv,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            file_name: "Makefile".to_string(),
            goals: Vec::new(),
            overrides: Vec::new(),
            env: ProjectEnv::default(),
        }
    }
}

/// One recipe command as `make -n` prints it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Command {
    /// Makefile line of the recipe line it came from.
    pub line: usize,
    /// The expanded command, prefixes removed; may contain backslash-newlines.
    pub text: String,
    /// `@`: make would not echo it when really running.
    pub silent: bool,
    /// `-`: a failure would be ignored.
    pub ignore_errors: bool,
    /// `+`: runs even under `make -n`.
    pub always_run: bool,
}

/// One target whose recipe runs, in execution order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Step {
    pub target: String,
    /// Line of the recipe's first line.
    pub line: usize,
    pub prerequisites: Vec<String>,
    pub commands: Vec<Command>,
}

/// A file a `go build` line would produce.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Artifact {
    pub path: String,
    pub goos: String,
    pub goarch: String,
    /// From the Go build engine's calibrated model; `None` when the build would fail.
    pub size_bytes: Option<u64>,
    pub target: String,
    pub line: usize,
    pub cgo_enabled: Option<bool>,
    pub ldflags: Option<String>,
    pub package: String,
}

/// A variable as the UI lists it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct VariableInfo {
    pub name: String,
    pub flavor: &'static str,
    pub origin: Origin,
    /// Line of its last definition (0: command line or default).
    pub line: usize,
    /// The stored text (unexpanded for a recursive variable).
    pub raw: String,
    /// Its value expanded in the global scope.
    pub value: String,
}

/// One `$(shell …)` or `!=` run, with what the simulated shell answered.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ShellCall {
    pub line: usize,
    pub command: String,
    pub output: String,
    pub status: i32,
    pub simulated: bool,
}

/// The variables as a JSON object `{"NAME": "value"}`, in definition order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct VariableValues(pub Vec<(String, String)>);

impl Serialize for VariableValues {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (name, value) in &self.0 {
            map.serialize_entry(name, value)?;
        }
        map.end()
    }
}

/// The result of simulating `make -n`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Analysis {
    /// The goals that were run (the default goal when none was given).
    pub goals: Vec<String>,
    /// Exactly what `make -n` prints on stdout, line by line: recipe commands, `$(info)` output,
    /// `Nothing to be done` messages.
    pub commands: Vec<String>,
    /// What make prints on stderr: warnings, `Circular …`, and the fatal `*** …  Stop.` line.
    pub stderr: Vec<String>,
    /// make's exit status: 0, or 2 when it stopped on an error.
    pub exit_status: i32,
    pub steps: Vec<Step>,
    pub artifacts: Vec<Artifact>,
    pub variables: VariableValues,
    pub variable_details: Vec<VariableInfo>,
    pub shell_calls: Vec<ShellCall>,
    pub diagnostics: Vec<Diagnostic>,
}

/// A rule for one target (or a pattern rule).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Target {
    pub name: String,
    pub prereqs: Vec<String>,
    pub order_only: Vec<String>,
    pub recipe: Option<Recipe>,
    pub line: usize,
    /// The stem of a static pattern rule, for `$*`.
    pub stem: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Recipe {
    /// First recipe line (make's location for "overriding recipe").
    pub line: usize,
    pub lines: Vec<RecipeLine>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct RecipeLine {
    pub line: usize,
    /// Without the recipe prefix; backslash-newlines kept.
    pub text: String,
}

/// `target: VAR op value`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct TargetVar {
    pub name: String,
    pub op: AssignOp,
    /// Already expanded for `:=`.
    pub value: String,
    pub override_: bool,
    pub line: usize,
}

/// Simulates `make -n` on `source`. Never panics; errors are in `stderr` and `diagnostics`.
pub fn analyze(source: &str, options: &Options) -> Analysis {
    let mut interp = eval::Interp::new(&options.env, &options.file_name);
    let mut goals = options.goals.clone();
    for definition in &options.overrides {
        match read::find_assignment(definition) {
            Some(a) => {
                if let Err(fatal) =
                    interp.assign(a.name, a.op, a.value, Origin::CommandLine, 0, false)
                {
                    interp.diagnostics.push(fatal.diagnostic);
                }
            }
            None => interp.diagnostics.push(Diagnostic::error(
                0,
                "make/bad-override",
                Text::new(
                    format!("'{definition}' is not a variable definition (expected NAME=value)."),
                    format!(
                        "'{definition}' は変数定義ではありません(NAME=value の形で指定します)。"
                    ),
                ),
            )),
        }
    }
    let mut planner = plan::Planner::default();
    let result = interp.read_makefile(source).and_then(|()| {
        if goals.is_empty() {
            match interp.default_goal()? {
                Some(goal) => goals.push(goal),
                None => {
                    return Err(interp.fatal_make(
                        0,
                        "make/no-targets",
                        "No targets",
                        "Makefile にターゲットがありません。".to_string(),
                    ));
                }
            }
        }
        interp.run_goals(&goals, &mut planner)
    });
    let exit_status = match result {
        Ok(()) => 0,
        Err(fatal) => {
            interp.stderr.push(fatal.stderr);
            interp.diagnostics.push(fatal.diagnostic);
            2
        }
    };
    let (variables, variable_details) = inspect_variables(&mut interp);
    let exported: Vec<(String, String)> = variable_details
        .iter()
        .filter(|v| interp.vars.get(&v.name).is_some_and(|var| var.export))
        .map(|v| (v.name.clone(), v.value.clone()))
        .collect();
    let artifacts = artifacts::collect(&planner.steps, &options.env, &exported);
    Analysis {
        goals,
        commands: std::mem::take(&mut interp.stdout),
        stderr: std::mem::take(&mut interp.stderr),
        exit_status,
        steps: planner.steps,
        artifacts,
        variables,
        variable_details,
        shell_calls: std::mem::take(&mut interp.shell_calls),
        diagnostics: std::mem::take(&mut interp.diagnostics),
    }
}

/// Expands every makefile and command-line variable in the global scope for the UI, without
/// side effects (no `$(info)` output, no shell diagnostics, `$(error)` expands to nothing).
fn inspect_variables(interp: &mut eval::Interp<'_>) -> (VariableValues, Vec<VariableInfo>) {
    interp.quiet = true;
    interp.scopes.clear();
    interp.expanding.clear();
    interp.depth = 0;
    interp.work = 0;
    let mut values = Vec::new();
    let mut details = Vec::new();
    let names = interp.var_order.clone();
    for name in names {
        let Some(var) = interp.vars.get(&name).cloned() else {
            continue;
        };
        if !matches!(
            var.origin,
            Origin::File | Origin::CommandLine | Origin::Override
        ) || name == "CURDIR"
            || name == "MAKEFILE_LIST"
        {
            continue;
        }
        let mut value = String::new();
        let expanded = match var.flavor {
            Flavor::Simple => Ok(var.value.clone()),
            Flavor::Recursive => interp.variable_value(&name, &mut value).map(|()| value),
        };
        let value = match expanded {
            Ok(value) => value,
            Err(fatal) => {
                // A simulator limit ends the listing (the next variables would hit it again); a
                // make error such as a self-reference only leaves this variable out.
                interp.expanding.clear();
                interp.depth = 0;
                if fatal.diagnostic.code == "make/simulator-limit" {
                    break;
                }
                continue;
            }
        };
        values.push((name.clone(), value.clone()));
        details.push(VariableInfo {
            name,
            flavor: var.flavor.as_str(),
            origin: var.origin,
            line: var.line,
            raw: var.value,
            value,
        });
    }
    interp.quiet = false;
    (VariableValues(values), details)
}
