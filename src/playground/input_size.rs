//! How big a learner's text is, and what the playgrounds do about it. The guide's files are a
//! few dozen lines and are simulated on every keystroke. A pasted file past `LIVE_MAX_*` is
//! still simulated, but only once the learner pauses (typing stays instant; the editor becomes
//! a plain text field without colours and says so). Past `SIMULATE_MAX_*` the text is kept and
//! saved but not simulated: the playground says why instead of freezing the page. Past
//! `EDIT_MAX_*` an edit (a paste, a drop) is refused with a message and the text stays as it
//! was: Chromium's own textarea needs about 1 s per keystroke at 100,000 lines on a 2-core
//! machine, which no amount of work in the app can hide. The limits were measured in the
//! browser on this project's 2-core machine (tests/browser/hostile.test.mjs, README "Quality").

/// Above either of these the results follow after a pause, not on every keystroke.
pub const LIVE_MAX_BYTES: usize = 8_000;
pub const LIVE_MAX_LINES: usize = 200;
/// Above either of these the text is not simulated.
pub const SIMULATE_MAX_BYTES: usize = 64_000;
pub const SIMULATE_MAX_LINES: usize = 1_500;
/// An edit that would make the text larger than either of these is refused.
pub const EDIT_MAX_BYTES: usize = 256_000;
pub const EDIT_MAX_LINES: usize = 5_000;
/// How long typing must pause before a large text is simulated.
pub const PAUSE_MS: i32 = 300;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum InputSize {
    /// Simulated on every keystroke.
    #[default]
    Live,
    /// Simulated after a pause.
    Large { bytes: usize, lines: usize },
    /// Kept, not simulated.
    TooLarge { bytes: usize, lines: usize },
}

/// Lines as editors count them: one more than the line breaks.
pub fn line_count(text: &str) -> usize {
    // Cheap on a megabyte: one pass over the bytes, no allocation.
    text.bytes().filter(|&b| b == b'\n').count() + 1
}

/// The size an edit would give the text, when the edit would take it past `EDIT_MAX_*`:
/// replacing `selected` (the part of `current` the edit replaces) by `inserted`. An edit that
/// does not grow a text already past a limit (a deletion, a typed letter) is never refused.
pub fn refused_edit(current: &str, selected: &str, inserted: &str) -> Option<(usize, usize)> {
    let bytes = (current.len() + inserted.len()).saturating_sub(selected.len());
    let now = line_count(current);
    let lines = (now + line_count(inserted))
        .saturating_sub(line_count(selected))
        .max(1);
    let too_many_bytes = bytes > EDIT_MAX_BYTES && bytes > current.len();
    let too_many_lines = lines > EDIT_MAX_LINES && lines > now;
    (too_many_bytes || too_many_lines).then_some((bytes, lines))
}

impl InputSize {
    pub fn of(text: &str) -> InputSize {
        let bytes = text.len();
        let lines = line_count(text);
        if bytes > SIMULATE_MAX_BYTES || lines > SIMULATE_MAX_LINES {
            InputSize::TooLarge { bytes, lines }
        } else if bytes > LIVE_MAX_BYTES || lines > LIVE_MAX_LINES {
            InputSize::Large { bytes, lines }
        } else {
            InputSize::Live
        }
    }

    /// Whether edits are simulated only after a pause (and the editor drops its colours).
    pub fn deferred(self) -> bool {
        self != InputSize::Live
    }

    pub fn too_large(self) -> bool {
        matches!(self, InputSize::TooLarge { .. })
    }
}

/// A size for people: `812 B`, `15.6 KB`, `1.0 MB` (1 KB = 1000 bytes, as `make size` counts).
pub fn human_bytes(bytes: usize) -> String {
    if bytes < 1000 {
        format!("{bytes} B")
    } else if bytes < 1_000_000 {
        format!("{:.1} KB", bytes as f64 / 1000.0)
    } else {
        format!("{:.1} MB", bytes as f64 / 1_000_000.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_are_classified_by_bytes_and_by_lines() {
        let cases: Vec<(String, InputSize)> = vec![
            ("FROM scratch\n".to_string(), InputSize::Live),
            (String::new(), InputSize::Live),
            ("x".repeat(LIVE_MAX_BYTES), InputSize::Live),
            (
                "x".repeat(LIVE_MAX_BYTES + 1),
                InputSize::Large {
                    bytes: LIVE_MAX_BYTES + 1,
                    lines: 1,
                },
            ),
            (
                "\n".repeat(LIVE_MAX_LINES),
                InputSize::Large {
                    bytes: LIVE_MAX_LINES,
                    lines: LIVE_MAX_LINES + 1,
                },
            ),
            (
                "x".repeat(SIMULATE_MAX_BYTES + 1),
                InputSize::TooLarge {
                    bytes: SIMULATE_MAX_BYTES + 1,
                    lines: 1,
                },
            ),
            (
                "\n".repeat(SIMULATE_MAX_LINES),
                InputSize::TooLarge {
                    bytes: SIMULATE_MAX_LINES,
                    lines: SIMULATE_MAX_LINES + 1,
                },
            ),
        ];
        for (text, want) in cases {
            assert_eq!(InputSize::of(&text), want, "{} bytes", text.len());
        }
    }

    #[test]
    fn only_live_text_is_simulated_on_every_keystroke() {
        assert!(!InputSize::Live.deferred());
        assert!(InputSize::Large { bytes: 1, lines: 1 }.deferred());
        assert!(InputSize::TooLarge { bytes: 1, lines: 1 }.deferred());
        assert!(InputSize::TooLarge { bytes: 1, lines: 1 }.too_large());
        assert!(!InputSize::Large { bytes: 1, lines: 1 }.too_large());
    }

    #[test]
    fn edits_past_the_editor_limit_are_refused() {
        let line = "RUN go build ./...\n";
        let small = line.repeat(10);
        // (current, selected, inserted, refused?)
        let huge = "x".repeat(EDIT_MAX_BYTES + 1);
        let many_lines = "\n".repeat(EDIT_MAX_LINES);
        type Case<'a> = (&'a str, &'a str, &'a str, Option<(usize, usize)>);
        let cases: Vec<Case> = vec![
            (&small, "", "a", None),
            (&small, &small, &huge, Some((EDIT_MAX_BYTES + 1, 1))),
            (
                "",
                "",
                &many_lines,
                Some((EDIT_MAX_LINES, EDIT_MAX_LINES + 1)),
            ),
            // Replacing a large text by a small one is always allowed.
            (&huge, &huge, "FROM scratch\n", None),
            // A text already past the limit (restored from storage) can still be edited down.
            (&many_lines, "", "", None),
            (&many_lines, "\n", "", None),
            (
                &many_lines,
                "",
                "\n",
                Some((EDIT_MAX_LINES + 1, EDIT_MAX_LINES + 2)),
            ),
        ];
        for (current, selected, inserted, want) in cases {
            assert_eq!(
                refused_edit(current, selected, inserted),
                want,
                "{} + {} - {}",
                current.len(),
                inserted.len(),
                selected.len()
            );
        }
        // One line break more than the limit allows is refused; the limit itself is not.
        let at_limit = "\n".repeat(EDIT_MAX_LINES - 1);
        assert_eq!(refused_edit(&at_limit, "", "x"), None);
        assert!(refused_edit(&at_limit, "", "\n").is_some());
    }

    #[test]
    fn bytes_read_like_make_size() {
        for (n, want) in [
            (0, "0 B"),
            (999, "999 B"),
            (1000, "1.0 KB"),
            (15_600, "15.6 KB"),
            (1_000_000, "1.0 MB"),
            (1_048_576, "1.0 MB"),
        ] {
            assert_eq!(human_bytes(n), want);
        }
    }
}
