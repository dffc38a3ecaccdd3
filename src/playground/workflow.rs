//! The workflow playground's pure logic: which YAML blocks are GitHub Actions workflows, the
//! event the learner picks (a tag push, a branch push, a pull request, a manual run) as the
//! engine's [`Event`], the set of jobs marked as failing, and the `code` spans of the engine's
//! sentences (rendered as text nodes, never as HTML).

use deploy_sim::workflow::Event;

/// Whether a YAML block is a workflow: it has top-level `on:` and `jobs:` keys (a GoReleaser
/// config has neither). Quoted `"on":` counts too, as YAML 1.1 tools write it that way.
pub fn is_workflow_yaml(code: &str) -> bool {
    let top_level_key = |key: &str| {
        code.lines().any(|line| {
            [key.to_string(), format!("\"{key}\""), format!("'{key}'")]
                .iter()
                .any(|k| {
                    line.strip_prefix(k.as_str())
                        .is_some_and(|rest| rest.trim_start().starts_with(':'))
                })
        })
    };
    top_level_key("on") && top_level_key("jobs")
}

/// The events the picker offers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EventKind {
    TagPush,
    BranchPush,
    PullRequest,
    Dispatch,
}

impl EventKind {
    pub const ALL: [EventKind; 4] = [
        EventKind::TagPush,
        EventKind::BranchPush,
        EventKind::PullRequest,
        EventKind::Dispatch,
    ];

    /// The value of its radio button (stable, used by the browser tests).
    pub fn value(self) -> &'static str {
        match self {
            EventKind::TagPush => "tag",
            EventKind::BranchPush => "branch",
            EventKind::PullRequest => "pull_request",
            EventKind::Dispatch => "workflow_dispatch",
        }
    }

    pub fn from_value(value: &str) -> Option<EventKind> {
        EventKind::ALL.into_iter().find(|k| k.value() == value)
    }

    /// Whether its ref is a tag (every other event names a branch).
    pub fn uses_tag(self) -> bool {
        self == EventKind::TagPush
    }
}

/// What the event picker holds: the chosen event and the two names the learner can edit. The
/// branch serves the branch push, the pull request's base and the manual run's branch alike.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EventChoice {
    pub kind: EventKind,
    pub tag: String,
    pub branch: String,
}

pub const DEFAULT_TAG: &str = "v1.2.3";
pub const DEFAULT_BRANCH: &str = "main";

impl Default for EventChoice {
    fn default() -> Self {
        EventChoice {
            kind: EventKind::TagPush,
            tag: DEFAULT_TAG.into(),
            branch: DEFAULT_BRANCH.into(),
        }
    }
}

impl EventChoice {
    /// The name shown in the ref field for the chosen event.
    pub fn ref_text(&self) -> &str {
        if self.kind.uses_tag() {
            &self.tag
        } else {
            &self.branch
        }
    }

    /// Stores what the learner typed in the ref field for the chosen event.
    pub fn set_ref_text(&mut self, value: String) {
        if self.kind.uses_tag() {
            self.tag = value;
        } else {
            self.branch = value;
        }
    }

    /// The short name the engine sees: trimmed, with a typed `refs/tags/` or `refs/heads/`
    /// prefix removed (learners copy both forms from GitHub's docs).
    pub fn ref_name(&self) -> &str {
        let typed = self.ref_text().trim();
        typed
            .strip_prefix("refs/tags/")
            .or_else(|| typed.strip_prefix("refs/heads/"))
            .unwrap_or(typed)
    }

    /// The engine's event: `push` of `refs/tags/<tag>` or `refs/heads/<branch>`, a
    /// `pull_request` whose base is the branch, or a `workflow_dispatch` on the branch.
    pub fn event(&self) -> Event {
        let name = self.ref_name();
        let (event_name, git_ref) = match self.kind {
            EventKind::TagPush => ("push", format!("refs/tags/{name}")),
            EventKind::BranchPush => ("push", format!("refs/heads/{name}")),
            EventKind::PullRequest => ("pull_request", format!("refs/heads/{name}")),
            EventKind::Dispatch => ("workflow_dispatch", format!("refs/heads/{name}")),
        };
        Event {
            name: event_name.into(),
            git_ref,
            ..Event::default()
        }
    }
}

/// Adds `id` to the failing jobs, or removes it when it is there.
pub fn toggle_failing(failing: &[String], id: &str) -> Vec<String> {
    if failing.iter().any(|f| f == id) {
        failing.iter().filter(|f| *f != id).cloned().collect()
    } else {
        let mut next = failing.to_vec();
        next.push(id.to_string());
        next
    }
}

/// Splits an engine sentence on backticks: `(true, "v*.*.*")` is code, `(false, …)` prose. An
/// unmatched backtick stays prose, so nothing is lost.
pub fn code_spans(sentence: &str) -> Vec<(bool, &str)> {
    let parts: Vec<&str> = sentence.split('`').collect();
    let closed = parts.len() % 2 == 1;
    let mut out = Vec::with_capacity(parts.len());
    for (i, part) in parts.iter().enumerate() {
        let code = i % 2 == 1 && (closed || i + 1 < parts.len());
        if part.is_empty() {
            continue;
        }
        if !code && i % 2 == 1 {
            // The last, unclosed span: keep its backtick.
            out.push((false, "`"));
        }
        out.push((code, *part));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn workflows_are_told_from_other_yaml() {
        for (code, expected) in [
            ("on:\n  push:\njobs:\n  a:\n", true),
            ("name: x\non: [push]\npermissions: {}\njobs: {}\n", true),
            ("\"on\": push\njobs:\n", true),
            ("'on' : push\njobs :\n", true),
            ("on: push\n", false),
            ("jobs:\n  a:\n", false),
            // A GoReleaser config: no top-level on:/jobs:, even if nested keys look alike.
            (
                "version: 2\nbuilds:\n  - id: x\n    on: linux\n    jobs: 2\n",
                false,
            ),
            ("only: push\njobsite: x\n", false),
            ("", false),
        ] {
            assert_eq!(is_workflow_yaml(code), expected, "{code:?}");
        }
    }

    #[test]
    fn the_chapter_blocks_are_told_apart() {
        let workflow = "# .github/workflows/release.yml\nname: release\n\non:\n  push:\n    tags:\n      - \"v*.*.*\"\n\njobs:\n  test:\n    runs-on: ubuntu-latest\n";
        assert!(is_workflow_yaml(workflow));
        assert!(!is_workflow_yaml(
            "version: 2\nproject_name: shortlink\nbuilds:\n  - main: ./cmd/shortlink\n"
        ));
    }

    #[test]
    fn each_choice_becomes_the_engine_event() {
        let mut choice = EventChoice::default();
        for (kind, typed, name, git_ref) in [
            (EventKind::TagPush, "v1.2.3", "push", "refs/tags/v1.2.3"),
            (
                EventKind::TagPush,
                " refs/tags/v2.0.0 ",
                "push",
                "refs/tags/v2.0.0",
            ),
            (EventKind::BranchPush, "main", "push", "refs/heads/main"),
            (
                EventKind::BranchPush,
                "refs/heads/feature/x",
                "push",
                "refs/heads/feature/x",
            ),
            (
                EventKind::PullRequest,
                "main",
                "pull_request",
                "refs/heads/main",
            ),
            (
                EventKind::Dispatch,
                "release/1.x",
                "workflow_dispatch",
                "refs/heads/release/1.x",
            ),
        ] {
            choice.kind = kind;
            choice.set_ref_text(typed.to_string());
            let event = choice.event();
            assert_eq!(
                (event.name.as_str(), event.git_ref.as_str()),
                (name, git_ref)
            );
        }
    }

    #[test]
    fn tag_and_branch_are_remembered_separately() {
        let mut choice = EventChoice::default();
        assert_eq!(choice.ref_text(), DEFAULT_TAG);
        choice.set_ref_text("v9.9.9".into());
        choice.kind = EventKind::BranchPush;
        assert_eq!(choice.ref_text(), DEFAULT_BRANCH);
        choice.set_ref_text("dev".into());
        choice.kind = EventKind::TagPush;
        assert_eq!(choice.ref_text(), "v9.9.9");
        choice.kind = EventKind::PullRequest;
        assert_eq!(choice.ref_text(), "dev");
    }

    #[test]
    fn radio_values_round_trip() {
        for kind in EventKind::ALL {
            assert_eq!(EventKind::from_value(kind.value()), Some(kind));
        }
        assert_eq!(EventKind::from_value("schedule"), None);
    }

    #[test]
    fn toggling_adds_and_removes_one_id() {
        let once = toggle_failing(&[], "test");
        assert_eq!(once, ["test"]);
        let twice = toggle_failing(&once, "docker");
        assert_eq!(twice, ["test", "docker"]);
        assert_eq!(toggle_failing(&twice, "test"), ["docker"]);
    }

    #[test]
    fn backticks_become_code_spans() {
        for (sentence, expected) in [
            ("plain", vec![(false, "plain")]),
            (
                "The tag `v1.2.3` matches `tags: v*`.",
                vec![
                    (false, "The tag "),
                    (true, "v1.2.3"),
                    (false, " matches "),
                    (true, "tags: v*"),
                    (false, "."),
                ],
            ),
            ("`a`", vec![(true, "a")]),
            (
                "odd ` tick",
                vec![(false, "odd "), (false, "`"), (false, " tick")],
            ),
            ("", vec![]),
        ] {
            assert_eq!(code_spans(sentence), expected, "{sentence:?}");
        }
    }
}
