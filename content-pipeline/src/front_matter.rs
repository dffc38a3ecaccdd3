//! Chapter front matter: a `---` fenced block of plain `key: value` lines at the top of the file.
//! Deliberately not YAML: four flat keys need no YAML parser, and a typo gives a precise error.

use crate::ContentError;
use std::path::Path;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FrontMatter {
    pub id: String,
    pub order: u32,
    pub title: String,
    pub summary: String,
}

/// Splits `source` into front matter, the Markdown body and the body's first line number.
pub fn parse<'a>(
    file: &Path,
    source: &'a str,
) -> Result<(FrontMatter, &'a str, usize), ContentError> {
    let err = |line: usize, message: String| ContentError {
        file: file.to_path_buf(),
        line,
        message,
    };
    let source = source.strip_prefix('\u{feff}').unwrap_or(source);
    let mut lines = source.split_inclusive('\n');
    if lines.next().map(str::trim_end) != Some("---") {
        return Err(err(
            1,
            "a chapter must start with front matter: a line '---'".into(),
        ));
    }
    let mut offset = source.find('\n').map_or(source.len(), |i| i + 1);
    let (mut id, mut order, mut title, mut summary) = (None, None, None, None);
    let mut line_no = 1;
    for line in lines {
        line_no += 1;
        offset += line.len();
        let text = line.trim_end();
        if text == "---" {
            let missing: Vec<&str> = [
                ("id", id.is_none()),
                ("order", order.is_none()),
                ("title", title.is_none()),
                ("summary", summary.is_none()),
            ]
            .into_iter()
            .filter_map(|(k, missing)| missing.then_some(k))
            .collect();
            if !missing.is_empty() {
                return Err(err(
                    line_no,
                    format!("front matter lacks {}", missing.join(", ")),
                ));
            }
            let meta = FrontMatter {
                id: id.unwrap_or_default(),
                order: order.unwrap_or_default(),
                title: title.unwrap_or_default(),
                summary: summary.unwrap_or_default(),
            };
            return Ok((meta, &source[offset.min(source.len())..], line_no + 1));
        }
        if text.is_empty() || text.starts_with('#') {
            continue;
        }
        let Some((key, value)) = text.split_once(':') else {
            return Err(err(
                line_no,
                format!("expected 'key: value', found '{text}'"),
            ));
        };
        let value = value.trim().to_string();
        if value.is_empty() {
            return Err(err(line_no, format!("'{}' has no value", key.trim())));
        }
        match key.trim() {
            "id" => {
                if !value
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
                {
                    return Err(err(
                        line_no,
                        format!("id '{value}' may only use a-z, 0-9 and '-'"),
                    ));
                }
                id = Some(value);
            }
            "order" => {
                order = Some(
                    value
                        .parse()
                        .map_err(|_| err(line_no, format!("order '{value}' is not a number")))?,
                );
            }
            "title" => title = Some(value),
            "summary" => summary = Some(value),
            other => return Err(err(line_no, format!("unknown front matter key '{other}'"))),
        }
    }
    Err(err(
        line_no,
        "front matter is not closed by a line '---'".into(),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(source: &str) -> Result<(FrontMatter, String, usize), String> {
        parse(Path::new("x.md"), source)
            .map(|(m, body, line)| (m, body.to_string(), line))
            .map_err(|e| e.to_string())
    }

    #[test]
    fn parses_all_keys_and_reports_body_line() {
        let (meta, body, line) = check(
            "---\nid: go-binaries\norder: 1\ntitle: T: with colon\nsummary: S\n---\n# Body\n",
        )
        .expect("valid");
        assert_eq!(meta.id, "go-binaries");
        assert_eq!(meta.order, 1);
        assert_eq!(meta.title, "T: with colon");
        assert_eq!(body, "# Body\n");
        assert_eq!(line, 7);
    }

    #[test]
    fn errors_name_the_line() {
        let cases = [
            (
                "# no front matter",
                "x.md:1: a chapter must start with front matter: a line '---'",
            ),
            (
                "---\nid: a\norder: one\n",
                "x.md:3: order 'one' is not a number",
            ),
            (
                "---\nid: a\nauthor: me\n---\n",
                "x.md:3: unknown front matter key 'author'",
            ),
            (
                "---\nid: a\norder: 1\n---\n",
                "x.md:4: front matter lacks title, summary",
            ),
            (
                "---\nid: A_b\n",
                "x.md:2: id 'A_b' may only use a-z, 0-9 and '-'",
            ),
            (
                "---\nid: a\n",
                "x.md:2: front matter is not closed by a line '---'",
            ),
            (
                "---\njust text\n---\n",
                "x.md:2: expected 'key: value', found 'just text'",
            ),
        ];
        for (source, expected) in cases {
            assert_eq!(check(source).expect_err(source), expected, "{source:?}");
        }
    }
}
