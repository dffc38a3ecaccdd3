//! What the app keeps per exercise, and what the overview derives from it.
//!
//! Stored with the playgrounds' mechanism (`use_exercise_text` on `deploy_sim::state::store`: one
//! localStorage entry per text, versioned key, length-checked envelope, unreadable values set
//! aside), per language, under `store::exercise_key(lang, id, part)`:
//!
//! - `gdp.v2.ex.<lang>.<id>.<file>` — the learner's text of each file (`dockerfile`, `workflow`, …);
//! - `gdp.v2.ex.<lang>.<id>.progress` — a [`Record`]: hints revealed, solved once, best golf score;
//! - `gdp.v2.ex.<lang>.<id>.mine` — the learner's files kept aside while the reference solution is
//!   loaded ([`encode_files`]), so "Back to my version" can restore them.
//!
//! The texts are plain `key=value` lines and a length-prefixed file list rather than JSON: no
//! serializer is needed in the app, and a value another version wrote reads as "nothing known"
//! instead of failing.

use deploy_sim::exercise::{Evaluation, Exercise, FileKind, Files, GolfScore};
use deploy_sim::Text;

/// The id of the record under the exercise's scope.
pub const PROGRESS: &str = "progress";
/// The id of the learner's files kept aside while the solution is shown.
pub const MINE: &str = "mine";

/// The learner's best golf score: the number compared, and how it was shown.
#[derive(Clone, Debug, PartialEq)]
pub struct Best {
    pub value: f64,
    pub shown: Text,
}

/// What is remembered about one exercise besides its files.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Record {
    /// How many hints have been revealed.
    pub hints: usize,
    /// Every check passed at some point (kept when the files are reset).
    pub solved: bool,
    /// The smallest golf score reached with every check passing (the reference solution itself
    /// does not count).
    pub best: Option<Best>,
}

/// Makes a value safe for one `key=value` line.
fn one_line(s: &str) -> String {
    s.replace(['\n', '\r'], " ")
}

impl Record {
    pub fn encode(&self) -> String {
        let mut out = format!("hints={}\nsolved={}\n", self.hints, self.solved);
        if let Some(best) = &self.best {
            out.push_str(&format!(
                "best={}\nbest_en={}\nbest_ja={}\n",
                best.value,
                one_line(&best.shown.en),
                one_line(&best.shown.ja)
            ));
        }
        out
    }

    /// Reads what [`Record::encode`] wrote; unknown lines are ignored and unreadable values
    /// read as their default, so an odd value never breaks the page.
    pub fn decode(text: &str) -> Record {
        let mut record = Record::default();
        let (mut value, mut en, mut ja) = (None::<f64>, None, None);
        for line in text.lines() {
            let Some((key, v)) = line.split_once('=') else {
                continue;
            };
            match key {
                "hints" => record.hints = v.parse().unwrap_or(0),
                "solved" => record.solved = v == "true",
                "best" => value = v.parse().ok().filter(|n: &f64| n.is_finite()),
                "best_en" => en = Some(v.to_string()),
                "best_ja" => ja = Some(v.to_string()),
                _ => {}
            }
        }
        record.best = value.map(|value| {
            let fallback = format!("{value}");
            Best {
                value,
                shown: Text::new(
                    en.unwrap_or_else(|| fallback.clone()),
                    ja.unwrap_or(fallback),
                ),
            }
        });
        record
    }

    /// One more hint revealed, never more than the exercise has.
    pub fn with_hint(&self, available: usize) -> Record {
        Record {
            hints: (self.hints + 1).min(available),
            ..self.clone()
        }
    }

    /// What this evaluation of the learner's files changes: `solved` once every check passes,
    /// `best` when a counting golf score beats it. `reference` says the files are the reference
    /// solution as loaded, whose score is not the learner's. `None` when nothing changes.
    pub fn after(&self, evaluation: &Evaluation, reference: bool) -> Option<Record> {
        let mut next = self.clone();
        if evaluation.solved {
            next.solved = true;
        }
        if let Some(GolfScore {
            value: Some(value),
            shown: Some(shown),
            counts: true,
            ..
        }) = &evaluation.golf
        {
            if !reference && GolfScore::beats(*value, self.best.as_ref().map(|b| b.value)) {
                next.best = Some(Best {
                    value: *value,
                    shown: shown.clone(),
                });
            }
        }
        (next != *self).then_some(next)
    }
}

/// Files as text: for each, `<key> <byte length>` on a line, then the text and a newline.
pub fn encode_files(files: &Files) -> String {
    let mut out = String::new();
    for (kind, text) in &files.0 {
        out.push_str(&format!("{} {}\n{text}\n", kind.key(), text.len()));
    }
    out
}

/// Reads what [`encode_files`] wrote; `None` for anything else (empty, truncated, foreign).
pub fn decode_files(text: &str) -> Option<Files> {
    let mut files = Files::default();
    let mut rest = text;
    while !rest.is_empty() {
        let (head, tail) = rest.split_once('\n')?;
        let (key, len) = head.split_once(' ')?;
        let kind = FileKind::from_key(key)?;
        let len: usize = len.parse().ok()?;
        let body = tail.get(..len)?;
        rest = tail.get(len..)?.strip_prefix('\n')?;
        files.set(kind, body);
    }
    (!files.is_empty()).then_some(files)
}

/// Where the learner stands with an exercise.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    NotStarted,
    InProgress,
    Solved,
}

impl Status {
    pub fn key(self) -> &'static str {
        match self {
            Status::NotStarted => "not-started",
            Status::InProgress => "in-progress",
            Status::Solved => "solved",
        }
    }

    /// An icon that tells the states apart without colour.
    pub fn icon(self) -> &'static str {
        match self {
            Status::NotStarted => "○",
            Status::InProgress => "◐",
            Status::Solved => "✓",
        }
    }
}

/// What the overview shows for one exercise.
#[derive(Clone, Debug, PartialEq)]
pub struct Progress {
    pub status: Status,
    pub best: Option<Best>,
}

impl Default for Progress {
    fn default() -> Self {
        Progress {
            status: Status::NotStarted,
            best: None,
        }
    }
}

/// The progress of `exercise` from what is stored: its record, and for each of its files the
/// stored text if there is one. Solved once solved; in progress when a file differs from the
/// start, a hint was revealed, or the learner's version is kept aside.
pub fn progress(
    exercise: &Exercise,
    record: &Record,
    stored_file: impl Fn(FileKind) -> Option<String>,
    has_backup: bool,
) -> Progress {
    let edited = exercise
        .files
        .0
        .iter()
        .any(|(kind, start)| stored_file(*kind).is_some_and(|text| text != *start));
    let status = if record.solved {
        Status::Solved
    } else if edited || record.hints > 0 || has_backup {
        Status::InProgress
    } else {
        Status::NotStarted
    };
    Progress {
        status,
        best: record.best.clone(),
    }
}

/// How many of these are solved.
pub fn solved_count<'a>(progress: impl IntoIterator<Item = &'a Progress>) -> usize {
    progress
        .into_iter()
        .filter(|p| p.status == Status::Solved)
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use deploy_sim::exercise::evaluate;

    fn exercise(id: &str) -> &'static Exercise {
        crate::exercises::find(id).expect("exercise").1
    }

    #[test]
    fn records_round_trip_and_odd_text_reads_as_defaults() {
        let records = [
            Record::default(),
            Record {
                hints: 2,
                solved: true,
                best: Some(Best {
                    value: 6_912_345.0,
                    shown: Text::new("6.9 MB", "6.9 MB"),
                }),
            },
            Record {
                hints: 1,
                solved: false,
                best: Some(Best {
                    value: 31.5,
                    shown: Text::new("31.5 s\nx", "31.5 秒"),
                }),
            },
        ];
        for record in records {
            let mut expected = record.clone();
            if let Some(best) = expected.best.as_mut() {
                best.shown.en = one_line(&best.shown.en);
            }
            assert_eq!(Record::decode(&record.encode()), expected);
        }
        for odd in ["", "garbage", "hints=-3\nsolved=yes\nbest=NaN", "best=inf"] {
            assert_eq!(Record::decode(odd), Record::default(), "{odd:?}");
        }
        // A best score without its words still shows the number.
        assert_eq!(
            Record::decode("best=3").best.map(|b| b.shown.en),
            Some("3".to_string())
        );
    }

    #[test]
    fn hints_are_revealed_one_at_a_time_up_to_the_last() {
        let mut record = Record::default();
        let seen: Vec<usize> = (0..5)
            .map(|_| {
                record = record.with_hint(3);
                record.hints
            })
            .collect();
        assert_eq!(seen, [1, 2, 3, 3, 3]);
    }

    #[test]
    fn the_start_changes_nothing_the_solution_marks_solved_and_a_golf_best_needs_own_files() {
        let ex = exercise("docker-multistage-size");
        let start = Record::default();
        assert_eq!(start.after(&evaluate(ex, &ex.files), false), None);

        // The reference solution as loaded: solved, but its score is not the learner's.
        let by_reference = start
            .after(&evaluate(ex, &ex.solution), true)
            .expect("changes");
        assert!(by_reference.solved);
        assert_eq!(by_reference.best, None);

        // The learner's own passing file (the solution with a comment) sets the best…
        let mut own = ex.solution.clone();
        let text = format!("# mine\n{}", own.get(FileKind::Dockerfile).unwrap_or(""));
        own.set(FileKind::Dockerfile, text);
        let evaluation = evaluate(ex, &own);
        let first = by_reference.after(&evaluation, false).expect("a best");
        let best = first.best.clone().expect("best");
        assert_eq!(
            Some(best.value),
            evaluation.golf.as_ref().and_then(|g| g.value)
        );
        // …and the same score again does not beat it.
        assert_eq!(first.after(&evaluation, false), None);
        // A worse passing score keeps the best.
        let worse = Record {
            best: Some(Best {
                value: best.value / 2.0,
                ..best.clone()
            }),
            ..first.clone()
        };
        assert_eq!(worse.after(&evaluation, false), None);
    }

    #[test]
    fn a_failing_golf_score_never_counts() {
        let ex = exercise("docker-fewest-layers");
        let evaluation = evaluate(ex, &ex.files);
        assert!(!evaluation.solved);
        assert!(evaluation.golf.as_ref().is_some_and(|g| g.value.is_some()));
        assert_eq!(Record::default().after(&evaluation, false), None);
    }

    #[test]
    fn files_round_trip_and_anything_else_is_none() {
        let ex = exercise("pipeline-broken");
        let mut files = ex.files.clone();
        files.set(FileKind::Workflow, "a\nb 12\n\nworkflow 3\n日本語: テスト");
        let encoded = encode_files(&files);
        assert_eq!(decode_files(&encoded), Some(files));
        for odd in [
            "",
            "dockerfile",
            "dockerfile 10\nshort",
            "nosuchfile 1\nx\n",
            "dockerfile x\n\n",
            &encoded[..encoded.len() - 1],
        ] {
            assert_eq!(decode_files(odd), None, "{odd:?}");
        }
    }

    #[test]
    fn status_comes_from_the_record_the_files_and_the_backup() {
        let ex = exercise("pipeline-broken");
        let start = |kind: FileKind| ex.files.get(kind).map(str::to_string);
        let none = |_: FileKind| None;
        let edited =
            |kind: FileKind| (kind == FileKind::Goreleaser).then(|| "version: 2\n".to_string());
        let hinted = Record {
            hints: 1,
            ..Record::default()
        };
        let solved = Record {
            solved: true,
            ..Record::default()
        };
        type Stored<'a> = &'a dyn Fn(FileKind) -> Option<String>;
        let cases: [(&Record, Stored, bool, Status); 6] = [
            (&Record::default(), &none, false, Status::NotStarted),
            // Stored but unchanged (the learner typed and undid): not started.
            (&Record::default(), &start, false, Status::NotStarted),
            (&Record::default(), &edited, false, Status::InProgress),
            (&hinted, &none, false, Status::InProgress),
            (&Record::default(), &none, true, Status::InProgress),
            (&solved, &none, false, Status::Solved),
        ];
        for (record, stored, backup, expected) in cases {
            assert_eq!(progress(ex, record, stored, backup).status, expected);
        }
        let list = [
            progress(ex, &solved, none, false),
            progress(ex, &hinted, none, false),
            progress(ex, &solved, edited, false),
        ];
        assert_eq!(solved_count(&list), 2);
    }
}
