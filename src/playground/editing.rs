//! Text operations of the code editor that do not need a browser: line positions in the
//! UTF-16 offsets the DOM uses, and Tab / Shift-Tab indentation of a selection.

/// Converts a UTF-16 offset (what `selectionStart` reports) to a byte offset in `text`, clamped
/// to the text and to a character boundary.
pub fn utf16_to_byte(text: &str, offset: usize) -> usize {
    let mut units = 0;
    for (byte, c) in text.char_indices() {
        if units >= offset {
            return byte;
        }
        units += c.len_utf16();
    }
    text.len()
}

pub fn byte_to_utf16(text: &str, byte: usize) -> usize {
    let byte = byte.min(text.len());
    text.char_indices()
        .take_while(|(i, _)| *i < byte)
        .map(|(_, c)| c.len_utf16())
        .sum()
}

/// The UTF-16 offset of the start of 1-based `line` (clamped to the last line).
pub fn line_start_utf16(text: &str, line: usize) -> usize {
    let mut current = 1;
    let mut units = 0;
    if line <= 1 {
        return 0;
    }
    for c in text.chars() {
        units += c.len_utf16();
        if c == '\n' {
            current += 1;
            if current == line {
                return units;
            }
        }
    }
    // Past the end: the start of the last line.
    text.rfind('\n').map_or(0, |i| byte_to_utf16(text, i + 1))
}

/// Number of lines as the editor shows them (an empty text has one line).
pub fn line_count(text: &str) -> usize {
    text.split('\n').count()
}

/// An edit the editor applies by selecting `start..end` (UTF-16) and inserting `text`, then
/// selecting `select_start..select_end`; done through `insertText` so the browser's undo sees it.
#[derive(Debug, PartialEq, Eq)]
pub struct Edit {
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub select_start: usize,
    pub select_end: usize,
}

/// Tab (`outdent == false`) or Shift-Tab on the selection `sel_start..sel_end` (UTF-16).
/// Tab with no selection inside one line inserts `unit`; otherwise every line the selection
/// touches is indented by `unit` or loses one level of leading indentation (a TAB, or up to the
/// unit's width in spaces). `None` when there is nothing to do.
pub fn indent(
    text: &str,
    sel_start: usize,
    sel_end: usize,
    unit: &str,
    outdent: bool,
) -> Option<Edit> {
    let (a, b) = (sel_start.min(sel_end), sel_start.max(sel_end));
    let start = utf16_to_byte(text, a);
    let end = utf16_to_byte(text, b);
    let multi_line = text[start..end].contains('\n');
    if !outdent && !multi_line {
        let caret = a + unit.encode_utf16().count();
        return Some(Edit {
            start: a,
            end: b,
            text: unit.to_string(),
            select_start: caret,
            select_end: caret,
        });
    }
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    // A selection ending right at a line start does not include that line.
    let block_end_anchor = if multi_line && end > start && text[..end].ends_with('\n') {
        end - 1
    } else {
        end
    };
    let line_end = text[block_end_anchor..]
        .find('\n')
        .map_or(text.len(), |i| block_end_anchor + i);
    let block = &text[line_start..line_end];
    let width = unit.chars().count().max(1);
    let mut out = String::with_capacity(block.len() + 16);
    let mut first_delta: isize = 0;
    for (i, line) in block.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let delta: isize = if outdent {
            let removed = if line.starts_with('\t') {
                1
            } else {
                line.chars().take(width).take_while(|c| *c == ' ').count()
            };
            out.push_str(&line[removed..]);
            -(removed as isize)
        } else if line.is_empty() {
            0
        } else {
            out.push_str(unit);
            out.push_str(line);
            unit.encode_utf16().count() as isize
        };
        if i == 0 {
            first_delta = delta;
        }
    }
    if out == block {
        return None;
    }
    let range_start = byte_to_utf16(text, line_start);
    let range_end = byte_to_utf16(text, line_end);
    let new_len = out.encode_utf16().count();
    let old_len = range_end - range_start;
    let select_start = if multi_line {
        range_start
    } else {
        (a as isize + first_delta).max(range_start as isize) as usize
    };
    let select_end = if multi_line {
        range_start + new_len
    } else {
        (b as isize + new_len as isize - old_len as isize).max(select_start as isize) as usize
    };
    Some(Edit {
        start: range_start,
        end: range_end,
        text: out,
        select_start,
        select_end,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_offsets_map_to_bytes_across_japanese_text() {
        let text = "# 日本語\nok";
        assert_eq!(utf16_to_byte(text, 2), 2);
        assert_eq!(utf16_to_byte(text, 3), 5);
        assert_eq!(byte_to_utf16(text, 5), 3);
        assert_eq!(utf16_to_byte(text, 999), text.len());
        assert_eq!(line_start_utf16(text, 2), 6);
        assert_eq!(line_start_utf16(text, 1), 0);
        assert_eq!(line_start_utf16(text, 99), 6);
    }

    #[test]
    fn tab_with_a_caret_inserts_the_unit() {
        let e = indent("ab", 1, 1, "\t", false).expect("an edit");
        assert_eq!(
            (e.start, e.end, e.text.as_str(), e.select_start),
            (1, 1, "\t", 2)
        );
    }

    #[test]
    fn tab_and_shift_tab_on_several_lines_indent_and_outdent_each_line() {
        let text = "a\nb\n\nc";
        let e = indent(text, 0, 3, "  ", false).expect("an edit");
        assert_eq!((e.start, e.end, e.text.as_str()), (0, 3, "  a\n  b"));
        let back = indent("  a\n\tb\nc", 0, 5, "  ", true).expect("an edit");
        assert_eq!(back.text, "a\nb");
        assert_eq!(indent("a", 0, 0, "  ", true), None);
    }

    #[test]
    fn line_count_counts_the_empty_last_line() {
        assert_eq!(line_count(""), 1);
        assert_eq!(line_count("a\nb\n"), 3);
    }
}
