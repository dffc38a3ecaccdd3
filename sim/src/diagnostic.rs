//! Diagnostics: what every parser, linter and simulator reports about the learner's input.
//!
//! A diagnostic always carries a line (1-based; 0 means "the file as a whole"), a stable code
//! (hadolint's where hadolint has the rule, otherwise our own), a severity, a message in both
//! languages and, where one exists, a fix in both languages.

use crate::text::{Lang, Text};
use serde::{Serialize, Serializer};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Info,
    Style,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
            Severity::Style => "style",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// 1-based line; 0 when the diagnostic is about the whole input.
    pub line: usize,
    /// 1-based column (in characters) where known.
    pub column: Option<usize>,
    pub code: String,
    pub severity: Severity,
    pub message: Text,
    pub fix: Option<Text>,
}

impl Diagnostic {
    pub fn new(line: usize, code: impl Into<String>, severity: Severity, message: Text) -> Self {
        Diagnostic {
            line,
            column: None,
            code: code.into(),
            severity,
            message,
            fix: None,
        }
    }

    pub fn error(line: usize, code: impl Into<String>, message: Text) -> Self {
        Self::new(line, code, Severity::Error, message)
    }

    pub fn warning(line: usize, code: impl Into<String>, message: Text) -> Self {
        Self::new(line, code, Severity::Warning, message)
    }

    pub fn info(line: usize, code: impl Into<String>, message: Text) -> Self {
        Self::new(line, code, Severity::Info, message)
    }

    pub fn style(line: usize, code: impl Into<String>, message: Text) -> Self {
        Self::new(line, code, Severity::Style, message)
    }

    /// Sets the 1-based column. 0 — an unknown position, as `PositionIndex::locate_nearest`
    /// returns for a path it cannot find — leaves the column unknown rather than pointing
    /// before the line's first character.
    pub fn with_column(mut self, column: usize) -> Self {
        self.column = (column > 0).then_some(column);
        self
    }

    pub fn with_fix(mut self, fix: Text) -> Self {
        self.fix = Some(fix);
        self
    }

    pub fn message_in(&self, lang: Lang) -> &str {
        self.message.get(lang)
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// JSON shape shared by every CLI subcommand: `message`/`fix` are English, `message_ja`/`fix_ja`
/// Japanese, so scripts that only read `message` get a plain string.
impl Serialize for Diagnostic {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("line", &self.line)?;
        if let Some(column) = self.column {
            map.serialize_entry("column", &column)?;
        }
        map.serialize_entry("code", &self.code)?;
        map.serialize_entry("severity", &self.severity)?;
        map.serialize_entry("message", &self.message.en)?;
        map.serialize_entry("message_ja", &self.message.ja)?;
        if let Some(fix) = &self.fix {
            map.serialize_entry("fix", &fix.en)?;
            map.serialize_entry("fix_ja", &fix.ja)?;
        }
        map.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_shape_has_plain_message_and_optional_column() {
        let d = Diagnostic::warning(3, "DL3007", Text::new("Pin the tag", "タグを固定"))
            .with_fix(Text::new("Use golang:1.22", "golang:1.22 を使う"));
        let json = serde_json::to_value(&d).expect("serialises");
        assert_eq!(json["line"], 3);
        assert_eq!(json["severity"], "warning");
        assert_eq!(json["message"], "Pin the tag");
        assert_eq!(json["message_ja"], "タグを固定");
        assert_eq!(json["fix"], "Use golang:1.22");
        assert!(json.get("column").is_none());
        let with_col = serde_json::to_value(d.with_column(7)).expect("serialises");
        assert_eq!(with_col["column"], 7);
    }

    /// Found by the `release` fuzz target: `locate_nearest`'s "not found" `(0, 0)` became
    /// column 0 in a 1-based world. Column 0 now means "unknown".
    #[test]
    fn column_zero_is_an_unknown_column() {
        let d = Diagnostic::error(0, "yaml-type", Text::new("x", "x"));
        assert_eq!(d.clone().with_column(0).column, None);
        assert_eq!(d.with_column(1).column, Some(1));
    }
}
