//! The changelog pipe (`internal/pipe/changelog/changelog.go`): commits since the previous tag,
//! `filters.include` (which, when non-empty, makes `exclude` ignored) or `filters.exclude`
//! regexps matched unanchored against the commit subject, `sort` by message (`asc`/`desc`/empty
//! = git order), `abbrev`, `groups` (first matching group wins, sorted by `order`), rendered as
//! `## Changelog` + `* <sha> <message>` lines.
//!
//! Regexps are Go RE2; `regex-lite` accepts the same syntax for what configs use (no Unicode
//! classes), which is why it is the one extra dependency of this engine.

use super::config::Changelog;
use crate::diagnostic::Diagnostic;
use crate::text::Text;
use crate::yaml::{PathSegment, PositionIndex};
use serde::Serialize;

/// One commit of the sample history.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Commit {
    pub sha: String,
    /// The full message; only its first line (the subject) is used, like GoReleaser's `.Message`.
    pub message: String,
}

/// The playground's editable sample: newest first, as `git log` prints it.
pub fn sample_commits() -> Vec<Commit> {
    let c = |sha: &str, message: &str| Commit {
        sha: sha.to_string(),
        message: message.to_string(),
    };
    vec![
        c(
            "3f2a9c1d8e7b6a5f4e3d2c1b0a9f8e7d6c5b4a39",
            "feat: add /healthz endpoint",
        ),
        c(
            "9b8a7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b",
            "fix: handle SIGTERM gracefully",
        ),
        c(
            "1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b",
            "docs: update README",
        ),
        c(
            "0f1e2d3c4b5a69788796a5b4c3d2e1f0a9b8c7d6",
            "test: cover the version handler",
        ),
        c(
            "5e4d3c2b1a0f9e8d7c6b5a4f3e2d1c0b9a8f7e6d",
            "chore(deps): bump golang.org/x/net",
        ),
        c(
            "7d6c5b4a3f2e1d0c9b8a7f6e5d4c3b2a1f0e9d8c",
            "feat: print version with --version",
        ),
    ]
}

/// Reports an error at (line, column) with a code and an English and Japanese message.
type ReportError<'a> = dyn FnMut((usize, usize), &str, String, String) + 'a;

/// Renders the entries and the markdown; bad settings become diagnostics.
pub fn render(
    config: &Changelog,
    commits: &[Commit],
    index: &PositionIndex,
    diagnostics: &mut Vec<Diagnostic>,
) -> (Vec<String>, String) {
    if config.disable {
        return (Vec::new(), String::new());
    }
    let at = |key: &[&str]| {
        let mut path = vec![PathSegment::key("changelog")];
        path.extend(key.iter().map(|k| PathSegment::key(k)));
        index.locate_nearest(&path)
    };
    let mut error = |(line, column): (usize, usize), code: &str, en: String, ja: String| {
        diagnostics.push(Diagnostic::error(line, code, Text::new(en, ja)).with_column(column));
    };
    let use_ = config.use_.as_deref().unwrap_or("git");
    if !matches!(
        use_,
        "git" | "github" | "gitlab" | "gitea" | "github-native"
    ) {
        error(at(&["use"]), "changelog-use", format!("invalid changelog.use: {use_:?}"),
            format!("changelog.use に {use_:?} は使えません（git / github / gitlab / gitea / github-native）"));
    }
    let sort = config.sort.as_deref().unwrap_or("");
    if !matches!(sort, "" | "asc" | "desc") {
        error(
            at(&["sort"]),
            "changelog-sort",
            "invalid sort direction".to_string(),
            format!("sort に {sort:?} は使えません（asc / desc / 空）"),
        );
        return (Vec::new(), String::new());
    }
    let compile = |patterns: &[String], key: &str, error: &mut ReportError| {
        let mut out = Vec::new();
        for (i, p) in patterns.iter().enumerate() {
            match regex_lite::Regex::new(p) {
                Ok(re) => out.push(re),
                Err(e) => {
                    let mut path = vec![
                        PathSegment::key("changelog"),
                        PathSegment::key("filters"),
                        PathSegment::key(key),
                        PathSegment::Index(i),
                    ];
                    if key == "groups" {
                        path = vec![
                            PathSegment::key("changelog"),
                            PathSegment::key("groups"),
                            PathSegment::Index(i),
                            PathSegment::key("regexp"),
                        ];
                    }
                    let first = e
                        .to_string()
                        .lines()
                        .last()
                        .unwrap_or("")
                        .trim()
                        .to_string();
                    error(
                        index.locate_nearest(&path),
                        "changelog-regexp",
                        format!("error parsing regexp: {first} (in {p:?})"),
                        format!("正規表現 {p:?} を解釈できません: {first}"),
                    );
                }
            }
        }
        out
    };
    let include = compile(&config.include, "include", &mut error);
    let exclude = compile(&config.exclude, "exclude", &mut error);

    let mut entries: Vec<(String, String)> = commits
        .iter()
        .map(|c| {
            (
                c.sha.clone(),
                c.message.lines().next().unwrap_or("").to_string(),
            )
        })
        .filter(|(_, subject)| {
            if !include.is_empty() {
                include.iter().any(|re| re.is_match(subject))
            } else {
                !exclude.iter().any(|re| re.is_match(subject))
            }
        })
        .collect();
    match sort {
        "asc" => entries.sort_by(|a, b| a.1.cmp(&b.1)),
        "desc" => entries.sort_by(|a, b| b.1.cmp(&a.1)),
        _ => {}
    }
    // Since v2.8 the git implementation prints the full SHA when abbrev is 0.
    let abbrev = config.abbrev.unwrap_or(0);
    let lines: Vec<String> = entries
        .iter()
        .map(|(sha, subject)| match abbrev {
            -1 => subject.clone(),
            n if n > 0 => format!(
                "{} {subject}",
                sha.chars().take(n as usize).collect::<String>()
            ),
            _ => format!("{sha} {subject}"),
        })
        .collect();

    let mut markdown = String::from("## Changelog\n");
    if config.groups.is_empty() {
        for line in &lines {
            markdown.push_str(&format!("* {line}\n"));
        }
        return (lines, markdown);
    }
    let patterns: Vec<String> = config
        .groups
        .iter()
        .map(|g| g.regexp.clone().unwrap_or_default())
        .collect();
    let group_res: Vec<Option<regex_lite::Regex>> = patterns
        .iter()
        .map(|p| match p.is_empty() {
            true => None,
            false => compile(std::slice::from_ref(p), "groups", &mut error)
                .into_iter()
                .next(),
        })
        .collect();
    let mut remaining: Vec<(usize, &String)> = lines.iter().enumerate().collect();
    let mut grouped: Vec<(i64, usize, &str, Vec<String>)> = Vec::new();
    for (gi, group) in config.groups.iter().enumerate() {
        let taken: Vec<(usize, &String)> = match &group_res[gi] {
            None if group.regexp.is_none() => std::mem::take(&mut remaining),
            None => Vec::new(),
            Some(re) => {
                let (hit, rest): (Vec<_>, Vec<_>) = remaining
                    .into_iter()
                    .partition(|(i, _)| re.is_match(&entries[*i].1));
                remaining = rest;
                hit
            }
        };
        if !taken.is_empty() {
            grouped.push((
                group.order,
                gi,
                &group.title,
                taken.into_iter().map(|(_, l)| l.clone()).collect(),
            ));
        }
    }
    grouped.sort_by_key(|(order, gi, _, _)| (*order, *gi));
    let mut ordered = Vec::new();
    for (_, _, title, items) in grouped {
        markdown.push_str(&format!("### {title}\n"));
        for item in items {
            markdown.push_str(&format!("* {item}\n"));
            ordered.push(item);
        }
        markdown.push('\n');
    }
    (ordered, markdown)
}
