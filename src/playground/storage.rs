//! Where a playground's text is kept between visits: one localStorage entry per playground,
//! shared by both languages (the code is the same), under a versioned key, in an envelope that
//! makes a truncated or foreign value detectable.

/// The storage format's version; part of every key so a future format never misreads this one.
pub const VERSION: u32 = 1;

/// `gdp.v1.pg.<chapter>.<playground-id>`.
pub fn key(chapter: &str, playground: &str) -> String {
    format!("gdp.v{VERSION}.pg.{chapter}.{playground}")
}

/// Wraps text for storage: `v1:<byte length>:<text>`.
pub fn encode(text: &str) -> String {
    format!("v{VERSION}:{}:{text}", text.len())
}

/// What was found under a playground's key.
#[derive(Debug, PartialEq, Eq)]
pub enum Stored {
    Nothing,
    Text(String),
    /// Something that is not a value this version wrote (truncated, edited by hand, another
    /// format): ignored, and left in place.
    Corrupt,
}

pub fn decode(value: Option<&str>) -> Stored {
    let Some(value) = value else {
        return Stored::Nothing;
    };
    let prefix = format!("v{VERSION}:");
    let Some(rest) = value.strip_prefix(&prefix) else {
        return Stored::Corrupt;
    };
    let Some((len, text)) = rest.split_once(':') else {
        return Stored::Corrupt;
    };
    match len.parse::<usize>() {
        Ok(len) if len == text.len() => Stored::Text(text.to_string()),
        _ => Stored::Corrupt,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_versioned_and_shared_by_both_languages() {
        assert_eq!(
            key("cross-compilation", "build-makefile"),
            "gdp.v1.pg.cross-compilation.build-makefile"
        );
    }

    #[test]
    fn text_round_trips_including_colons_newlines_and_japanese() {
        for text in ["", "a:b:c", "build:\n\tgo build\n", "日本語: テスト"] {
            assert_eq!(decode(Some(&encode(text))), Stored::Text(text.to_string()));
        }
    }

    #[test]
    fn truncated_or_foreign_values_are_corrupt_and_absence_is_nothing() {
        assert_eq!(decode(None), Stored::Nothing);
        let mut truncated = encode("build:\n\tgo build");
        truncated.truncate(truncated.len() - 3);
        assert_eq!(decode(Some(&truncated)), Stored::Corrupt);
        assert_eq!(decode(Some("plain text")), Stored::Corrupt);
        assert_eq!(decode(Some("v2:3:abc")), Stored::Corrupt);
        assert_eq!(decode(Some("v1:x:abc")), Stored::Corrupt);
    }
}
