//! The typed workflow: what the simulator understood of `.github/workflows/*.yml`, with the line
//! of every part so that diagnostics can point at it. Plain data; built by [`super::parse`].

use serde::Serialize;

use super::filters::PatternList;

/// One matrix combination, in the order GitHub shows its values (`build (ubuntu, 1.22)`).
pub type Combination = Vec<(String, serde_json::Value)>;

#[derive(Clone, Debug, PartialEq, Default)]
pub struct Workflow {
    pub name: Option<String>,
    pub on: Vec<EventFilter>,
    /// Line of the `on:` key (0 when missing).
    pub on_line: usize,
    pub permissions: Option<Permissions>,
    pub jobs: Vec<Job>,
}

/// One event under `on:` with its filters (`None`: the filter is not written).
#[derive(Clone, Debug, PartialEq, Default)]
pub struct EventFilter {
    pub name: String,
    pub line: usize,
    pub branches: Option<PatternList>,
    pub branches_ignore: Option<PatternList>,
    pub tags: Option<PatternList>,
    pub tags_ignore: Option<PatternList>,
    pub paths: Option<PatternList>,
    pub paths_ignore: Option<PatternList>,
}

/// `permissions:` at workflow or job level.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Permissions {
    pub line: usize,
    /// `read-all` / `write-all` shorthands; `None` for a map of scopes.
    pub shorthand: Option<String>,
    /// Written scopes, e.g. `("contents", "write", 12)`. Every scope not written is `none`.
    pub scopes: Vec<(String, String, usize)>,
}

impl Permissions {
    /// The access a scope gets: `read`, `write` or `none`.
    pub fn access(&self, scope: &str) -> &str {
        match self.shorthand.as_deref() {
            Some("write-all") => "write",
            Some("read-all") => "read",
            _ => self
                .scopes
                .iter()
                .rev()
                .find(|(name, _, _)| name == scope)
                .map(|(_, access, _)| access.as_str())
                .unwrap_or("none"),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Default)]
pub struct Job {
    pub id: String,
    pub line: usize,
    pub name: Option<String>,
    /// Needed job ids with the line each is written on.
    pub needs: Vec<(String, usize)>,
    /// The `if:` text and its line.
    pub condition: Option<(String, usize)>,
    pub runs_on: Option<String>,
    pub permissions: Option<Permissions>,
    pub matrix: Option<Matrix>,
    pub continue_on_error: bool,
    pub steps: Vec<Step>,
}

/// `strategy.matrix`.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Matrix {
    pub line: usize,
    /// Variables in written order, each with its values.
    pub variables: Vec<(String, Vec<serde_json::Value>)>,
    pub include: Vec<Combination>,
    pub exclude: Vec<Combination>,
    /// The matrix (or one of its lists) is an expression such as `${{ fromJSON(...) }}`, which
    /// only the real run can expand.
    pub dynamic: bool,
}

#[derive(Clone, Debug, PartialEq, Default)]
pub struct Step {
    pub line: usize,
    pub name: Option<String>,
    pub uses: Option<String>,
    pub run: Option<String>,
    /// `with:` inputs: key, value (scalars as text), line.
    pub with: Vec<(String, String, usize)>,
    pub env: Vec<(String, String, usize)>,
}
