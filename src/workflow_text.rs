//! Words of the workflow playground and of the job graph, in both languages.

use crate::playground::workflow::EventKind;
use deploy_sim::workflow::Status;
use deploy_sim::Lang;

pub struct WorkflowText {
    pub event_legend: &'static str,
    pub tag: &'static str,
    pub branch: &'static str,
    pub base_branch: &'static str,
    pub ref_empty: &'static str,
    pub runs: &'static str,
    pub does_not_run: &'static str,
    pub invalid_note: &'static str,
    pub graph_title: &'static str,
    pub list_title: &'static str,
    pub needs: &'static str,
    pub no_jobs: &'static str,
    pub fail_hint: &'static str,
    pub instances_title: &'static str,
    pub scroll_hint: &'static str,
}

pub fn wf_text(lang: Lang) -> &'static WorkflowText {
    match lang {
        Lang::Ja => &JA,
        Lang::En => &EN,
    }
}

static EN: WorkflowText = WorkflowText {
    event_legend: "Event",
    tag: "Tag",
    branch: "Branch",
    base_branch: "Base branch",
    ref_empty: "Type a name: GitHub always runs a workflow for a named tag or branch.",
    runs: "Runs",
    does_not_run: "Does not run",
    invalid_note: "GitHub rejects a workflow file with errors and runs none of its jobs. The graph shows what would run once they are fixed.",
    graph_title: "Job graph",
    list_title: "Jobs in run order",
    needs: "needs",
    no_jobs: "No jobs: a workflow needs at least one job under jobs:.",
    fail_hint: "Mark a job as failing to see which jobs GitHub would then skip.",
    instances_title: "Matrix instances",
    scroll_hint: "Wide graph: scroll it sideways.",
};

static JA: WorkflowText = WorkflowText {
    event_legend: "イベント",
    tag: "タグ",
    branch: "ブランチ",
    base_branch: "マージ先ブランチ",
    ref_empty: "名前を入力してください。ワークフローは必ず名前のあるタグかブランチに対して実行されます。",
    runs: "起動する",
    does_not_run: "起動しない",
    invalid_note: "GitHub はエラーのあるワークフローファイルを受け付けず、ジョブを 1 つも実行しません。グラフはエラーを直したあとに実行される内容です。",
    graph_title: "ジョブのグラフ",
    list_title: "実行順のジョブ",
    needs: "needs",
    no_jobs: "ジョブがありません。ワークフローには jobs: の下に少なくとも 1 つのジョブが必要です。",
    fail_hint: "ジョブを失敗にすると、GitHub がどのジョブをスキップするかがわかります。",
    instances_title: "マトリックスのインスタンス",
    scroll_hint: "横に広いグラフです。横にスクロールできます。",
};

/// The picker's label of an event.
pub fn event_label(lang: Lang, kind: EventKind) -> &'static str {
    match (lang, kind) {
        (Lang::En, EventKind::TagPush) => "Push of a tag",
        (Lang::En, EventKind::BranchPush) => "Push to a branch",
        (Lang::En, EventKind::PullRequest) => "Pull request",
        (Lang::En, EventKind::Dispatch) => "Manual run (workflow_dispatch)",
        (Lang::Ja, EventKind::TagPush) => "タグの push",
        (Lang::Ja, EventKind::BranchPush) => "ブランチへの push",
        (Lang::Ja, EventKind::PullRequest) => "プルリクエスト",
        (Lang::Ja, EventKind::Dispatch) => "手動実行（workflow_dispatch）",
    }
}

/// The label of the ref field for an event.
pub fn ref_label(lang: Lang, kind: EventKind) -> &'static str {
    let t = wf_text(lang);
    match kind {
        EventKind::TagPush => t.tag,
        EventKind::PullRequest => t.base_branch,
        EventKind::BranchPush | EventKind::Dispatch => t.branch,
    }
}

/// "push of tag v1.2.3", "pull request into main", … for the verdict.
pub fn event_summary(lang: Lang, kind: EventKind, name: &str) -> String {
    match (lang, kind) {
        (Lang::En, EventKind::TagPush) => format!("push of tag {name}"),
        (Lang::En, EventKind::BranchPush) => format!("push to {name}"),
        (Lang::En, EventKind::PullRequest) => format!("pull request into {name}"),
        (Lang::En, EventKind::Dispatch) => format!("manual run on {name}"),
        (Lang::Ja, EventKind::TagPush) => format!("タグ {name} の push"),
        (Lang::Ja, EventKind::BranchPush) => format!("{name} への push"),
        (Lang::Ja, EventKind::PullRequest) => format!("{name} へのプルリクエスト"),
        (Lang::Ja, EventKind::Dispatch) => format!("{name} での手動実行"),
    }
}

/// A status as an icon (decoration: always next to the word) and a word.
pub fn status_icon(status: Status) -> &'static str {
    match status {
        Status::Success => "✓",
        Status::Failure => "✖",
        Status::Skipped => "⊘",
    }
}

pub fn status_word(lang: Lang, status: Status) -> &'static str {
    match (lang, status) {
        (Lang::En, Status::Success) => "success",
        (Lang::En, Status::Failure) => "failure",
        (Lang::En, Status::Skipped) => "skipped",
        (Lang::Ja, Status::Success) => "成功",
        (Lang::Ja, Status::Failure) => "失敗",
        (Lang::Ja, Status::Skipped) => "スキップ",
    }
}

/// The failing toggle's label (its pressed state is `aria-pressed`, so the label stays put).
pub fn mark_failing(lang: Lang, name: &str) -> String {
    match lang {
        Lang::En => format!("Mark {name} as failing"),
        Lang::Ja => format!("{name} を失敗にする"),
    }
}

/// "Level 1 · starts first", "Level 2".
pub fn level_label(lang: Lang, level: usize) -> String {
    match (lang, level) {
        (Lang::En, 0) => "Level 1 · starts first".to_string(),
        (Lang::En, n) => format!("Level {}", n + 1),
        (Lang::Ja, 0) => "段階 1・最初に開始".to_string(),
        (Lang::Ja, n) => format!("段階 {}", n + 1),
    }
}

/// "×4 matrix" on a box and in the list.
pub fn instance_count(lang: Lang, n: usize) -> String {
    match lang {
        Lang::En => format!("×{n} matrix"),
        Lang::Ja => format!("×{n} マトリックス"),
    }
}

/// "Too many jobs to draw (75); the list has every one." / list cut notes.
pub fn too_many_to_draw(lang: Lang, n: usize) -> String {
    match lang {
        Lang::En => format!("Too many jobs to draw ({n}); the list has them."),
        Lang::Ja => {
            format!("ジョブが多すぎるため（{n} 個）グラフは描きません。一覧を見てください。")
        }
    }
}

pub fn more_jobs(lang: Lang, n: usize) -> String {
    match lang {
        Lang::En => format!("… and {n} more jobs."),
        Lang::Ja => format!("…ほかに {n} 個のジョブがあります。"),
    }
}

/// Counts of concrete jobs by status.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub success: usize,
    pub failure: usize,
    pub skipped: usize,
}

impl Counts {
    pub fn of(statuses: impl IntoIterator<Item = Status>) -> Counts {
        let mut c = Counts::default();
        for s in statuses {
            match s {
                Status::Success => c.success += 1,
                Status::Failure => c.failure += 1,
                Status::Skipped => c.skipped += 1,
            }
        }
        c
    }

    pub fn total(self) -> usize {
        self.success + self.failure + self.skipped
    }
}

/// The one-line verdict the playground announces:
/// "Runs · push of tag v1.2.3 · 3 jobs: 1 success, 1 failure, 1 skipped",
/// "Does not run · push to main", "Invalid workflow · 2 errors".
pub fn verdict(lang: Lang, triggered: bool, event: &str, counts: Counts, errors: usize) -> String {
    let t = wf_text(lang);
    if errors > 0 {
        return match lang {
            Lang::En => format!(
                "Invalid workflow · {errors} error{}",
                if errors == 1 { "" } else { "s" }
            ),
            Lang::Ja => format!("無効なワークフロー · エラー {errors} 件"),
        };
    }
    if !triggered {
        return format!("{} · {event}", t.does_not_run);
    }
    let parts: Vec<String> = [
        (counts.success, Status::Success),
        (counts.failure, Status::Failure),
        (counts.skipped, Status::Skipped),
    ]
    .iter()
    .filter(|(n, _)| *n > 0)
    .map(|(n, s)| match lang {
        Lang::En => format!("{n} {}", status_word(lang, *s)),
        Lang::Ja => format!("{} {n}", status_word(lang, *s)),
    })
    .collect();
    match lang {
        Lang::En => format!(
            "{} · {event} · {} job{}: {}",
            t.runs,
            counts.total(),
            if counts.total() == 1 { "" } else { "s" },
            parts.join(", ")
        ),
        Lang::Ja => format!(
            "{} · {event} · ジョブ {} 個: {}",
            t.runs,
            counts.total(),
            parts.join("・")
        ),
    }
}

/// The SVG's `<desc>`: every box with its status and what it needs, in run order.
pub fn graph_description(lang: Lang, jobs: &[(String, Status, Vec<String>)]) -> String {
    let sentences: Vec<String> = jobs
        .iter()
        .map(|(name, status, needs)| {
            let word = status_word(lang, *status);
            match (lang, needs.is_empty()) {
                (Lang::En, true) => format!("{name}: {word}."),
                (Lang::En, false) => format!("{name}, after {}: {word}.", needs.join(" and ")),
                (Lang::Ja, true) => format!("{name}: {word}。"),
                (Lang::Ja, false) => format!("{name}（{} の後）: {word}。", needs.join("・")),
            }
        })
        .collect();
    sentences.join(if lang == Lang::Ja { "" } else { " " })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verdicts_name_the_outcome_the_event_and_the_counts() {
        let c = Counts::of([Status::Failure, Status::Skipped, Status::Skipped]);
        for (lang, triggered, errors, expected) in [
            (
                Lang::En,
                true,
                0,
                "Runs · push of tag v1.2.3 · 3 jobs: 1 failure, 2 skipped",
            ),
            (Lang::En, false, 0, "Does not run · push of tag v1.2.3"),
            (Lang::En, true, 1, "Invalid workflow · 1 error"),
            (Lang::En, false, 3, "Invalid workflow · 3 errors"),
            (
                Lang::Ja,
                true,
                0,
                "起動する · push of tag v1.2.3 · ジョブ 3 個: 失敗 1・スキップ 2",
            ),
            (Lang::Ja, false, 0, "起動しない · push of tag v1.2.3"),
            (Lang::Ja, true, 2, "無効なワークフロー · エラー 2 件"),
        ] {
            assert_eq!(
                verdict(lang, triggered, "push of tag v1.2.3", c, errors),
                expected
            );
        }
        let one = Counts::of([Status::Success]);
        assert_eq!(
            verdict(Lang::En, true, "x", one, 0),
            "Runs · x · 1 job: 1 success"
        );
    }

    #[test]
    fn every_event_and_status_has_words_in_both_languages() {
        for lang in Lang::ALL {
            for kind in EventKind::ALL {
                assert!(!event_label(lang, kind).is_empty());
                assert!(!ref_label(lang, kind).is_empty());
                assert!(event_summary(lang, kind, "main").contains("main"));
            }
            for s in [Status::Success, Status::Failure, Status::Skipped] {
                assert!(!status_word(lang, s).is_empty());
            }
        }
        // Icons differ, so no status is told by colour alone even without its word.
        assert_ne!(status_icon(Status::Success), status_icon(Status::Failure));
        assert_ne!(status_icon(Status::Failure), status_icon(Status::Skipped));
    }

    #[test]
    fn the_description_reads_the_graph_in_order() {
        let jobs = vec![
            ("test".to_string(), Status::Failure, vec![]),
            (
                "release".to_string(),
                Status::Skipped,
                vec!["test".to_string()],
            ),
        ];
        assert_eq!(
            graph_description(Lang::En, &jobs),
            "test: failure. release, after test: skipped."
        );
        assert_eq!(
            graph_description(Lang::Ja, &jobs),
            "test: 失敗。release（test の後）: スキップ。"
        );
    }
}
