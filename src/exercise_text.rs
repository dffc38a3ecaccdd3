//! The exercise pages' own words (overview, exercise page, chapter links), in both languages.
//! The exercises' texts come from their files; the checks' goals and explanations from the
//! engine.

use crate::exercises::progress::Status;
use deploy_sim::Lang;

pub struct ExText {
    pub exercises: &'static str,
    pub overview_intro: &'static str,
    pub for_this_chapter: &'static str,
    pub all_exercises: &'static str,
    pub read_chapter: &'static str,
    pub instructions: &'static str,
    pub files: &'static str,
    pub checks: &'static str,
    pub see_checks: &'static str,
    pub passed: &'static str,
    pub not_yet: &'static str,
    pub solved_title: &'static str,
    pub solved_body: &'static str,
    pub solved_body_golf: &'static str,
    pub solved_before: &'static str,
    pub hints: &'static str,
    pub all_hints_shown: &'static str,
    pub show_solution: &'static str,
    pub solution_confirm: &'static str,
    pub solution_yes: &'static str,
    pub cancel: &'static str,
    pub solution_loaded: &'static str,
    pub back_to_mine: &'static str,
    pub start_over: &'static str,
    pub start_over_confirm: &'static str,
    pub start_over_yes: &'static str,
    pub golf: &'static str,
    pub golf_hint: &'static str,
    pub golf_now: &'static str,
    pub golf_best: &'static str,
    pub golf_no_best: &'static str,
    pub golf_counts_when_solved: &'static str,
    pub golf_unmeasurable: &'static str,
    pub golf_reference: &'static str,
    pub new_best: &'static str,
    pub previous: &'static str,
    pub next: &'static str,
    pub not_found_title: &'static str,
    pub not_found_body: &'static str,
    pub home_summary: &'static str,
}

pub const JA: ExText = ExText {
    exercises: "演習",
    overview_intro: "演習ではファイルを直して目標を達成します。チェックは入力するたびに、シミュレーションしたツールの結果に対して行われます。目標に届く書き方なら、どれでも合格です。取り組んだ内容はこのブラウザに保存されます。",
    for_this_chapter: "この章の演習",
    all_exercises: "演習の一覧",
    read_chapter: "章を読む",
    instructions: "課題",
    files: "ファイル",
    checks: "チェック",
    see_checks: "チェックを見る",
    passed: "合格",
    not_yet: "未達成",
    solved_title: "クリア!",
    solved_body: "すべてのチェックに合格しました。",
    solved_body_golf: "すべてのチェックに合格しました。さらに小さくできるか試してみましょう。",
    solved_before: "この演習は以前にクリアしています。",
    hints: "ヒント",
    all_hints_shown: "ヒントはすべて表示しています。",
    show_solution: "解答例を見る",
    solution_confirm: "解答例をエディタに読み込みますか? いまのコードは取っておき、「自分のコードに戻す」で戻せます。",
    solution_yes: "読み込む",
    cancel: "キャンセル",
    solution_loaded: "エディタには解答例が入っています。解答例のままのスコアは自己ベストに記録されません。",
    back_to_mine: "自分のコードに戻す",
    start_over: "最初からやり直す",
    start_over_confirm: "すべてのファイルを最初の状態に戻しますか? 編集した内容は消えます(ヒント、クリアの記録、自己ベストは残ります)。",
    start_over_yes: "やり直す",
    golf: "ゴルフ",
    golf_hint: "小さいほど良いスコアです。",
    golf_now: "いまのスコア",
    golf_best: "自己ベスト",
    golf_no_best: "まだありません",
    golf_counts_when_solved: "すべてのチェックに合格すると記録されます",
    golf_unmeasurable: "測れません(ファイルをシミュレーションできません)",
    golf_reference: "解答例のままなので記録されません",
    new_best: "自己ベスト更新!",
    previous: "前の演習",
    next: "次の演習",
    not_found_title: "演習が見つかりません",
    not_found_body: "この ID の演習はありません。名前が変わったのかもしれません。",
    home_summary: "入力するたびにチェックされる演習。ヒントと解答例つき。",
};

pub const EN: ExText = ExText {
    exercises: "Exercises",
    overview_intro: "Each exercise gives you files to fix. The checks run on what the simulated tools make of your files, as you type: any way of reaching the goal passes. Your work is saved in this browser.",
    for_this_chapter: "Exercises for this chapter",
    all_exercises: "All exercises",
    read_chapter: "Read the chapter",
    instructions: "What to do",
    files: "Files",
    checks: "Checks",
    see_checks: "see the checks",
    passed: "passed",
    not_yet: "not yet",
    solved_title: "Solved!",
    solved_body: "Every check passes.",
    solved_body_golf: "Every check passes. Can you make the score smaller still?",
    solved_before: "You have solved this exercise before.",
    hints: "Hints",
    all_hints_shown: "Every hint is shown.",
    show_solution: "Show the solution",
    solution_confirm: "Load the reference solution into the editors? Your text is kept aside: “Back to my version” brings it back.",
    solution_yes: "Load the solution",
    cancel: "Cancel",
    solution_loaded: "The editors hold the reference solution. Its score, unchanged, is not recorded as your best.",
    back_to_mine: "Back to my version",
    start_over: "Start over",
    start_over_confirm: "Put every file back as it was at the start? Your edits are discarded (hints, the solved mark and your best score are kept).",
    start_over_yes: "Start over",
    golf: "Golf",
    golf_hint: "Smaller is better.",
    golf_now: "Now",
    golf_best: "Your best",
    golf_no_best: "none yet",
    golf_counts_when_solved: "counts once every check passes",
    golf_unmeasurable: "cannot be measured (the file does not simulate)",
    golf_reference: "the reference solution as loaded: not recorded",
    new_best: "New best!",
    previous: "Previous exercise",
    next: "Next exercise",
    not_found_title: "Exercise not found",
    not_found_body: "No exercise has this id. It may have been renamed.",
    home_summary: "Exercises checked as you type, with hints and a reference solution.",
};

pub fn ex_text(lang: Lang) -> &'static ExText {
    match lang {
        Lang::Ja => &JA,
        Lang::En => &EN,
    }
}

pub fn status_word(lang: Lang, status: Status) -> &'static str {
    match (lang, status) {
        (Lang::Ja, Status::NotStarted) => "未着手",
        (Lang::Ja, Status::InProgress) => "取り組み中",
        (Lang::Ja, Status::Solved) => "クリア",
        (Lang::En, Status::NotStarted) => "not started",
        (Lang::En, Status::InProgress) => "in progress",
        (Lang::En, Status::Solved) => "solved",
    }
}

/// "2 of 3 solved".
pub fn solved_of(lang: Lang, solved: usize, total: usize) -> String {
    match lang {
        Lang::Ja => format!("{total} 問中 {solved} 問クリア"),
        Lang::En => format!("{solved} of {total} solved"),
    }
}

/// The polite live summary of the check list.
pub fn checks_summary(lang: Lang, passed: usize, total: usize) -> String {
    match lang {
        Lang::Ja if passed == total => format!("{total} 個のチェックすべてに合格 — クリア!"),
        Lang::Ja => format!("{total} 個中 {passed} 個のチェックに合格"),
        Lang::En if passed == total => format!("All {total} checks pass — solved!"),
        Lang::En => format!("{passed} of {total} checks pass"),
    }
}

/// "Show hint 1 of 3".
pub fn show_hint(lang: Lang, n: usize, total: usize) -> String {
    match lang {
        Lang::Ja => format!("ヒントを表示({n}/{total})"),
        Lang::En => format!("Show hint {n} of {total}"),
    }
}

pub fn hint_label(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Ja => format!("ヒント {n}"),
        Lang::En => format!("Hint {n}"),
    }
}

/// "Best: 6.9 MB" on the overview.
pub fn best_label(lang: Lang, shown: &str) -> String {
    match lang {
        Lang::Ja => format!("自己ベスト: {shown}"),
        Lang::En => format!("best: {shown}"),
    }
}

/// The editor's accessible name: the file and the exercise.
pub fn editor_label(lang: Lang, file: &str, exercise: &str) -> String {
    match lang {
        Lang::Ja => format!("{file}(演習「{exercise}」)"),
        Lang::En => format!("{file} (exercise “{exercise}”)"),
    }
}

/// A chapter as the overview heads its group: "Chapter 2: Docker multi-stage builds".
pub fn chapter_heading(lang: Lang, order: u32, title: &str) -> String {
    match lang {
        Lang::Ja => format!("第{order}章 {title}"),
        Lang::En => format!("Chapter {order}: {title}"),
    }
}

/// "18 exercises".
pub fn exercise_count(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Ja => format!("{n} 問"),
        Lang::En if n == 1 => "1 exercise".to_string(),
        Lang::En => format!("{n} exercises"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_read_naturally_in_both_languages() {
        assert_eq!(solved_of(Lang::En, 2, 3), "2 of 3 solved");
        assert_eq!(solved_of(Lang::Ja, 2, 3), "3 問中 2 問クリア");
        assert_eq!(checks_summary(Lang::En, 2, 3), "2 of 3 checks pass");
        assert_eq!(
            checks_summary(Lang::En, 3, 3),
            "All 3 checks pass — solved!"
        );
        assert_eq!(
            checks_summary(Lang::Ja, 1, 7),
            "7 個中 1 個のチェックに合格"
        );
        assert_eq!(show_hint(Lang::En, 1, 3), "Show hint 1 of 3");
        assert_eq!(exercise_count(Lang::En, 1), "1 exercise");
        assert_eq!(exercise_count(Lang::En, 18), "18 exercises");
    }

    #[test]
    fn every_status_has_a_word_in_each_language() {
        use Status::*;
        for lang in Lang::ALL {
            let words: Vec<&str> = [NotStarted, InProgress, Solved]
                .iter()
                .map(|s| status_word(lang, *s))
                .collect();
            assert!(words.iter().all(|w| !w.is_empty()));
            assert_ne!(words[0], words[1]);
            assert_ne!(words[1], words[2]);
        }
    }
}
