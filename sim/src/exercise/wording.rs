//! How values, goals and scenarios are written in the checker's sentences, in both languages.
//!
//! English sentences are built from lower-case noun phrases and capitalised at the start; the
//! Japanese ones put the goal in 「目標」 form (`（目標: 10 MB 未満）`), which reads naturally
//! whatever the operator is.

use super::lang::{Literal, Op, Scenario, TagChoice};
use super::subjects::Unit;
use crate::text::Text;

/// At most this many items are listed in an explanation ("…, and 7 more").
const LIST_LIMIT: usize = 8;

/// `812 MB`, `6.9 MB`, `450 KB`, `900 B` (decimal units, as `docker images` prints them).
pub fn bytes(n: f64) -> String {
    let trim = |s: String| {
        if s.contains('.') {
            s.trim_end_matches('0').trim_end_matches('.').to_string()
        } else {
            s
        }
    };
    if n >= 1e9 {
        format!("{} GB", trim(format!("{:.2}", n / 1e9)))
    } else if n >= 100e6 {
        format!("{:.0} MB", n / 1e6)
    } else if n >= 1e6 {
        format!("{} MB", trim(format!("{:.1}", n / 1e6)))
    } else if n >= 1e3 {
        format!("{} KB", trim(format!("{:.1}", n / 1e3)))
    } else {
        format!("{n:.0} B")
    }
}

fn plain(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{n:.0}")
    } else {
        let s = format!("{n:.2}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

/// A number in its unit, in both languages.
pub fn number(n: f64, unit: Unit) -> Text {
    match unit {
        Unit::Bytes => {
            let s = bytes(n);
            Text::new(s.clone(), s)
        }
        Unit::Seconds => {
            let s = if n < 10.0 {
                plain((n * 10.0).round() / 10.0)
            } else {
                plain(n.round())
            };
            Text::new(format!("{s} s"), format!("{s} 秒"))
        }
        Unit::Plain => {
            let s = plain(n);
            Text::new(s.clone(), s)
        }
    }
}

/// A word value as it appears in sentences: in backticks.
pub fn code(word: &str) -> String {
    format!("`{word}`")
}

/// The check's value, for goals.
pub fn literal(value: &Literal, unit: Unit) -> Text {
    match value {
        Literal::Number(n) => number(*n, unit),
        Literal::Bool(b) => Text::new(b.to_string(), b.to_string()),
        Literal::Word(w) => Text::new(code(w), code(w)),
    }
}

/// The goal for an ordered or equality comparison: "under 10 MB" / "10 MB 未満".
pub fn goal(op: Op, value: &Text) -> Text {
    let (en, ja) = (&value.en, value.ja.as_str());
    match op {
        Op::Lt => Text::new(format!("under {en}"), jp(&[ja, "未満"])),
        Op::Le => Text::new(format!("at most {en}"), jp(&[ja, "以下"])),
        Op::Gt => Text::new(format!("over {en}"), jp(&[ja, "を超えること"])),
        Op::Ge => Text::new(format!("at least {en}"), jp(&[ja, "以上"])),
        Op::Eq => Text::new(en.clone(), ja),
        Op::Ne => Text::new(format!("anything but {en}"), jp(&[ja, "以外"])),
        Op::Contains => Text::new(format!("to contain {en}"), jp(&[ja, "を含むこと"])),
        Op::NotContains => Text::new(format!("not to contain {en}"), jp(&[ja, "を含まないこと"])),
    }
}

/// Japanese punctuation and brackets: no space is put next to them.
fn is_ja_punctuation(c: char) -> bool {
    "、。，．（）「」『』：・！？ー〜".contains(c)
}

/// Joins parts of a Japanese sentence, with a half-width space where Japanese text meets
/// Latin text or code (`ターゲットの GOARCH は`, `10 秒未満`), as Japanese technical writing does.
pub fn jp(parts: &[&str]) -> String {
    let mut out = String::new();
    for part in parts.iter().filter(|p| !p.is_empty()) {
        let before = out.chars().last();
        let after = part.chars().next();
        if let (Some(b), Some(a)) = (before, after) {
            let spaced = !b.is_whitespace()
                && !a.is_whitespace()
                && (b.is_ascii() || a.is_ascii())
                && !is_ja_punctuation(b)
                && !is_ja_punctuation(a)
                && !(b.is_ascii_punctuation() && !a.is_ascii() && b != '`' && b != '.')
                && !(a.is_ascii_punctuation() && !b.is_ascii() && a != '`');
            if spaced {
                out.push(' ');
            }
        }
        out.push_str(part);
    }
    out
}

/// Upper-cases the first letter (a leading backtick is left alone, so code keeps its case).
pub fn capitalize(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// `a, b, c` / `a、b、c`, cut after [`LIST_LIMIT`] items.
pub fn items(values: &[Text]) -> Text {
    let shown = values.iter().take(LIST_LIMIT);
    let mut en: Vec<String> = shown.clone().map(|t| t.en.clone()).collect();
    let mut ja: Vec<String> = shown.map(|t| t.ja.clone()).collect();
    if values.len() > LIST_LIMIT {
        let more = values.len() - LIST_LIMIT;
        en.push(format!("and {more} more"));
        ja.push(format!("ほか {more} 件"));
    }
    Text::new(en.join(", "), ja.join("、"))
}

/// The scenario as a phrase: "after changing main.go" / "main.go を変更した後". `None` for the
/// default scenario.
pub fn scenario(s: &Scenario) -> Option<Text> {
    let mut en = Vec::new();
    let mut ja = Vec::new();
    if !s.changed.is_empty() {
        en.push(format!("after changing {}", s.changed.join(" and ")));
        ja.push(format!("{} を変更した後", s.changed.join(" と ")));
    }
    if let Some(target) = &s.docker_target {
        en.push(format!("with --target {target}"));
        ja.push(format!("--target {target} のとき"));
    }
    if !s.goals.is_empty() || !s.overrides.is_empty() {
        let mut command = vec!["make".to_string()];
        command.extend(s.goals.iter().cloned());
        command.extend(s.overrides.iter().cloned());
        let command = command.join(" ");
        en.push(format!("for `{command}`"));
        ja.push(format!("`{command}` のとき"));
    }
    match &s.tag {
        Some(TagChoice::Tag(tag)) => {
            en.push(format!("with the tag {tag}"));
            ja.push(format!("タグ {tag} のとき"));
        }
        Some(TagChoice::NoTag) => {
            en.push("without a git tag".into());
            ja.push("git のタグがないとき".into());
        }
        None => {}
    }
    if s.snapshot {
        en.push("for a snapshot release".into());
        ja.push("スナップショットのとき".into());
    }
    if let Some(event) = &s.event {
        let (e, j) = match event.name.as_str() {
            "push" => match event.git_ref.strip_prefix("refs/tags/") {
                Some(tag) => (
                    format!("on a push of the tag {tag}"),
                    format!("タグ {tag} の push のとき"),
                ),
                None => {
                    let branch = event
                        .git_ref
                        .strip_prefix("refs/heads/")
                        .unwrap_or(&event.git_ref);
                    (
                        format!("on a push to {branch}"),
                        format!("{branch} への push のとき"),
                    )
                }
            },
            name if name.starts_with("pull_request") => (
                format!("on a pull request to {}", event.git_ref),
                format!("{} への pull request のとき", event.git_ref),
            ),
            name => (
                format!("on {name} ({})", event.git_ref),
                format!("{name}（{}）のとき", event.git_ref),
            ),
        };
        en.push(e);
        ja.push(j);
    }
    if !s.failing.is_empty() {
        let jobs: Vec<String> = s.failing.iter().map(|j| code(j)).collect();
        let verb = if jobs.len() == 1 { "fails" } else { "fail" };
        en.push(format!("when {} {verb}", jobs.join(" and ")));
        ja.push(format!("{} が失敗したとき", jobs.join(" と ")));
    }
    if let Some(host) = &s.host {
        en.push(format!("on a {host} host"));
        ja.push(format!("ホストが {host} のとき"));
    }
    if en.is_empty() {
        return None;
    }
    Some(Text::new(en.join(", "), ja.join("、")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bytes_read_like_docker_images() {
        let cases = [
            (812_000_000.0, "812 MB"),
            (6_950_000.0, "7 MB"),
            (6_940_000.0, "6.9 MB"),
            (10_000_000.0, "10 MB"),
            (450_000.0, "450 KB"),
            (900.0, "900 B"),
            (1_200_000_000.0, "1.2 GB"),
        ];
        for (n, shown) in cases {
            assert_eq!(bytes(n), shown, "{n}");
        }
    }

    #[test]
    fn japanese_parts_get_a_space_only_next_to_latin_text() {
        let cases: [(&[&str], &str); 6] = [
            (&["ターゲットの GOARCH", "は"], "ターゲットの GOARCH は"),
            (&["10 秒", "未満"], "10 秒未満"),
            (&["10 MB", "未満"], "10 MB 未満"),
            (&["`v1.2.3`", "以外"], "`v1.2.3` 以外"),
            (&["表示されます。", "Stop."], "表示されます。Stop."),
            (&["Stop.", "8 行目"], "Stop. 8 行目"),
        ];
        for (parts, joined) in cases {
            assert_eq!(jp(parts), joined);
        }
    }

    #[test]
    fn seconds_keep_a_decimal_below_ten() {
        assert_eq!(number(0.3, Unit::Seconds).en, "0.3 s");
        assert_eq!(number(31.4, Unit::Seconds).ja, "31 秒");
    }
}
