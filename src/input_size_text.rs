//! What the editor and the playground frame say about a large text (see
//! `playground::input_size`), in both languages.

use crate::playground::input_size::{
    human_bytes, InputSize, EDIT_MAX_BYTES, EDIT_MAX_LINES, SIMULATE_MAX_BYTES, SIMULATE_MAX_LINES,
};
use deploy_sim::Lang;

/// The editor's note while results follow after a pause; `None` for text simulated live.
pub fn deferred_note(lang: Lang, size: InputSize) -> Option<String> {
    let (bytes, lines, simulated) = match size {
        InputSize::Live => return None,
        InputSize::Large { bytes, lines } => (bytes, lines, true),
        InputSize::TooLarge { bytes, lines } => (bytes, lines, false),
    };
    let size = human_bytes(bytes);
    Some(match (lang, simulated) {
        (Lang::Ja, true) => format!(
            "大きな入力です({size}、{lines} 行): 結果は入力の手を止めたときに更新します。色分けは省いています。"
        ),
        (Lang::Ja, false) => format!(
            "大きな入力です({size}、{lines} 行): 大きすぎるためシミュレーションしていません(結果の欄を参照)。色分けは省いています。"
        ),
        (Lang::En, true) => format!(
            "Large input ({size}, {lines} lines): results update after you pause typing. Colours are off."
        ),
        (Lang::En, false) => format!(
            "Large input ({size}, {lines} lines): too large to simulate (see Results). Colours are off."
        ),
    })
}

/// The frame's message in place of the results when the text is too large to simulate.
pub fn too_large_message(lang: Lang, bytes: usize, lines: usize) -> String {
    let size = human_bytes(bytes);
    let max = human_bytes(SIMULATE_MAX_BYTES);
    match lang {
        Lang::Ja => format!(
            "この入力は大きすぎるため、シミュレーションしていません({size}、{lines} 行。上限は {max} または {SIMULATE_MAX_LINES} 行)。テキストはそのまま残り、保存もされています。短くするか「元に戻す」を押すと、結果がまた表示されます。"
        ),
        Lang::En => format!(
            "This text is too large to simulate ({size}, {lines} lines; the playground simulates up to {max} or {SIMULATE_MAX_LINES} lines). It is kept and saved as it is: shorten it, or press Reset, to see results again."
        ),
    }
}

/// The one-line verdict (the frame's live region) for a text too large to simulate.
pub fn too_large_verdict(lang: Lang, bytes: usize) -> String {
    let size = human_bytes(bytes);
    match lang {
        Lang::Ja => format!("大きすぎるためシミュレーションしていません({size})"),
        Lang::En => format!("Too large to simulate ({size})"),
    }
}

/// The editor's message when it refused an edit (a paste, a drop) that would have made the
/// text larger than it can hold.
pub fn refused_note(lang: Lang, bytes: usize, lines: usize) -> String {
    let size = human_bytes(bytes);
    let max = human_bytes(EDIT_MAX_BYTES);
    match lang {
        Lang::Ja => format!(
            "貼り付けませんでした: 貼り付けるとテキストが {size}、{lines} 行になります(このエディタに入るのは {max} または {EDIT_MAX_LINES} 行まで)。テキストは変わっていません。"
        ),
        Lang::En => format!(
            "Not pasted: the text would be {size} and {lines} lines, and this editor holds up to {max} or {EDIT_MAX_LINES} lines. Your text is unchanged."
        ),
    }
}

/// The diagnostics list stops after this many rows; this line says how many were left out.
pub fn more_diagnostics(lang: Lang, hidden: usize) -> String {
    match lang {
        Lang::Ja => format!("ほかに {hidden} 件(表示を省略しました)"),
        Lang::En => format!("{hidden} more not shown"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notes_say_the_size_in_both_languages() {
        let large = InputSize::Large {
            bytes: 20_000,
            lines: 500,
        };
        assert_eq!(deferred_note(Lang::En, InputSize::Live), None);
        let too_large = InputSize::TooLarge {
            bytes: 70_000,
            lines: 10,
        };
        let en = deferred_note(Lang::En, too_large).expect("a note");
        assert!(
            en.contains("70.0 KB") && en.contains("too large to simulate"),
            "{en}"
        );
        assert!(!en.contains("pause"), "{en}");
        let ja = deferred_note(Lang::Ja, too_large).expect("a note");
        assert!(ja.contains("シミュレーションしていません"), "{ja}");
        for lang in [Lang::Ja, Lang::En] {
            let note = deferred_note(lang, large).expect("a note");
            assert!(note.contains("20.0 KB") && note.contains("500"), "{note}");
            let message = too_large_message(lang, 1_000_000, 100_001);
            assert!(
                message.contains("1.0 MB") && message.contains("100001"),
                "{message}"
            );
            assert!(too_large_verdict(lang, 1_000_000).contains("1.0 MB"));
            assert!(more_diagnostics(lang, 7).contains('7'));
            let refused = refused_note(lang, 2_000_000, 100_000);
            assert!(
                refused.contains("2.0 MB") && refused.contains("256.0 KB"),
                "{refused}"
            );
        }
    }
}
