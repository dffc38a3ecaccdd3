//! The words of the learner-state features, in both languages: storage notices, the Share
//! panel, the share view and the "Your progress" page.

use deploy_sim::state::progress::Summary;
use deploy_sim::Lang;

pub struct StateText {
    pub corrupt_moved: &'static str,
    pub corrupt_stuck: &'static str,
    pub see_progress: &'static str,
    pub share: &'static str,
    pub share_close: &'static str,
    pub share_explain: &'static str,
    pub share_explain_exercise: &'static str,
    pub share_explain_release: &'static str,
    pub share_link_label: &'static str,
    pub copy_link: &'static str,
    pub link_copied: &'static str,
    pub link_copy_failed: &'static str,
    pub long_link: &'static str,
    pub open_share_view: &'static str,
    pub shared_label: &'static str,
    pub shared_intro: &'static str,
    pub keep: &'static str,
    pub keep_confirm: &'static str,
    pub keep_yes: &'static str,
    pub cancel: &'static str,
    pub kept: &'static str,
    pub keep_failed: &'static str,
    pub open_own: &'static str,
    pub unknown_playground: &'static str,
    pub shared_exercise_label: &'static str,
    pub shared_exercise_intro: &'static str,
    pub keep_exercise_confirm: &'static str,
    pub unknown_exercise: &'static str,
    pub shared_release_label: &'static str,
    pub shared_release_intro: &'static str,
    pub keep_release_confirm: &'static str,
    pub link_error_title: &'static str,
    pub back_home: &'static str,
    pub progress_title: &'static str,
    pub progress_link: &'static str,
    pub progress_intro: &'static str,
    pub saved_here: &'static str,
    pub nothing_saved: &'static str,
    pub no_storage: &'static str,
    pub export_title: &'static str,
    pub export_explain: &'static str,
    pub export_button: &'static str,
    pub exported: &'static str,
    pub export_failed: &'static str,
    pub import_title: &'static str,
    pub import_explain: &'static str,
    pub import_choose: &'static str,
    pub import_unreadable: &'static str,
    pub import_this_file: &'static str,
    pub replace: &'static str,
    pub replace_explain: &'static str,
    pub merge: &'static str,
    pub merge_explain: &'static str,
    pub import_full: &'static str,
    pub reset_title: &'static str,
    pub reset_explain: &'static str,
    pub reset_button: &'static str,
    pub reset_confirm: &'static str,
    pub reset_yes: &'static str,
    pub set_aside_title: &'static str,
    pub set_aside_explain: &'static str,
    pub characters: &'static str,
}

pub const JA: StateText = StateText {
    corrupt_moved: "保存されていた内容が読めなかったため、最初のコードを表示しています。読めなかったデータは消さずに、次のキーへ移しました:",
    corrupt_stuck: "保存されていた内容が読めず、ストレージがいっぱいで退避もできませんでした。データを上書きしないよう、このプレイグラウンドの編集は保存しません(ページを開いている間だけ残ります)。",
    see_progress: "学習データのページで確認できます",
    share: "共有",
    share_close: "閉じる",
    share_explain: "このリンクを開いた人には、このプレイグラウンドの今の内容が表示されます。コードはリンクの中に入っていて、サーバーには何も送られません。",
    share_explain_exercise: "このリンクを開いた人には、この演習のあなたのファイルが今の内容で表示され、チェックもその内容で動きます。ファイルはリンクの中に入っていて、サーバーには何も送られません。",
    share_explain_release: "このリンクを開いた人には、5 つのファイルが今の内容で表示され、リリースのシミュレーションもその内容で動きます。ファイルはリンクの中に入っていて、サーバーには何も送られません。",
    share_link_label: "共有リンク",
    copy_link: "リンクをコピー",
    link_copied: "コピーしました",
    link_copy_failed: "コピーできませんでした。リンクを選択してコピーしてください",
    long_link: "長いリンクは、チャットアプリなどで途中で切れることがあります。",
    open_share_view: "共有ページを開いて確かめる",
    shared_label: "共有されたプレイグラウンド",
    shared_intro: "誰かがこの内容を共有しました。そのまま編集して試せます。「この内容を保存」を選ばない限り、あなたが保存している内容は変わりません。",
    keep: "この内容を保存",
    keep_confirm: "このプレイグラウンドであなたが保存している内容を、共有された内容で置き換えますか?今の内容は失われます(残したい場合は先に学習データを書き出してください)。",
    keep_yes: "置き換える",
    cancel: "キャンセル",
    kept: "あなたの内容として保存しました。",
    keep_failed: "保存できませんでした(ストレージが使えないか満杯です)。",
    open_own: "自分の内容を開く",
    unknown_playground: "このリンクのプレイグラウンドは、この版のガイドにはありません。共有された内容を下に表示します(コピーできます)。",
    shared_exercise_label: "共有された演習",
    shared_exercise_intro: "誰かがこの演習の取り組みを共有しました。チェックはこの内容で動きます。編集もできますが、「この内容を保存」を選ばない限り、あなたの取り組みは変わりません。",
    keep_exercise_confirm: "この演習であなたが保存しているファイルを、共有された内容で置き換えますか?ヒントとクリアの記録はそのまま残ります。",
    unknown_exercise: "このリンクの演習は、この版のガイドにはありません。共有されたファイルを下に表示します(コピーできます)。",
    shared_release_label: "共有されたリリースプレビュー",
    shared_release_intro: "誰かがリリースプレビューの 5 つのファイルを共有しました。シミュレーションはこの内容で動きます。編集もできますが、「この内容を保存」を選ばない限り、あなたのファイルは変わりません。",
    keep_release_confirm: "リリースプレビューであなたが保存している 5 つのファイルを、共有された内容で置き換えますか?",
    link_error_title: "このリンクは開けません",
    back_home: "目次へ戻る",
    progress_title: "学習データ",
    progress_link: "学習データ(書き出し・読み込み・リセット)",
    progress_intro: "編集したプレイグラウンドなどの学習データは、このブラウザの中だけに保存されています。別のパソコンへ移したり、先生に提出したりするときは、ファイルに書き出してください。",
    saved_here: "このブラウザに保存されているもの:",
    nothing_saved: "まだ何も保存されていません。",
    no_storage: "このブラウザではストレージが使えないため、学習データを保存・書き出しできません(プライベートモードなど)。",
    export_title: "ファイルに書き出す",
    export_explain: "すべての学習データを 1 つの JSON ファイルとしてダウンロードします。ファイルはあなたのパソコンに保存され、どこにも送られません。",
    export_button: "学習データを書き出す",
    exported: "書き出しました。",
    export_failed: "書き出せませんでした。",
    import_title: "ファイルから読み込む",
    import_explain: "書き出したファイルを選ぶと、中身を確認してから読み込めます。",
    import_choose: "ファイルを選ぶ",
    import_unreadable: "ファイルを読めませんでした。",
    import_this_file: "このファイルの内容:",
    replace: "置き換える",
    replace_explain: "このブラウザの学習データを、ファイルの内容に置き換えます(言語と配色の設定、退避したデータは残ります)。",
    merge: "追加する",
    merge_explain: "ファイルの内容を追加します。同じプレイグラウンドが両方にある場合はファイルの内容になります。",
    import_full: "途中で保存できなくなりました(ストレージが満杯です)。あなたのデータは消していません。",
    reset_title: "すべてリセット",
    reset_explain: "このブラウザの学習データをすべて削除し、どのプレイグラウンドも最初のコードに戻します。言語と配色の設定は残ります。",
    reset_button: "すべてリセット…",
    reset_confirm: "本当に削除しますか?元に戻せません。残したい場合は、先にファイルに書き出してください。",
    reset_yes: "すべて削除する",
    set_aside_title: "退避したデータ",
    set_aside_explain: "読めなかったため、消さずに別のキーへ移した保存データです。中身をコピーして取り戻せます。",
    characters: "文字",
};

pub const EN: StateText = StateText {
    corrupt_moved: "The saved text could not be read, so the playground shows its starting code. Nothing was deleted: the unreadable data was moved to this key:",
    corrupt_stuck: "The saved text could not be read, and storage is too full to move it aside. So that it is not overwritten, this playground's edits are not saved (they last while this page is open).",
    see_progress: "see Your progress",
    share: "Share",
    share_close: "Close",
    share_explain: "Whoever opens this link sees this playground as it is now. The code travels inside the link; nothing is sent to a server.",
    share_explain_exercise: "Whoever opens this link sees your files of this exercise as they are now, with the checks run on them. The files travel inside the link; nothing is sent to a server.",
    share_explain_release: "Whoever opens this link sees the five files as they are now, with the release simulated on them. The files travel inside the link; nothing is sent to a server.",
    share_link_label: "Share link",
    copy_link: "Copy link",
    link_copied: "Copied",
    link_copy_failed: "Could not copy: select the link and copy it",
    long_link: "Long links can be cut off by some chat apps.",
    open_share_view: "Open the share view to check it",
    shared_label: "Shared playground",
    shared_intro: "Someone shared this version with you. It is live: edit it and try it. Your own saved work does not change unless you choose “Keep this version”.",
    keep: "Keep this version",
    keep_confirm: "Replace your saved text of this playground with the shared version? Your current text for it will be lost (export your progress first to keep a copy).",
    keep_yes: "Replace",
    cancel: "Cancel",
    kept: "Saved as your version.",
    keep_failed: "Could not save (storage is unavailable or full).",
    open_own: "Open my own version",
    unknown_playground: "This version of the guide has no such playground. The shared text is shown below, to copy.",
    shared_exercise_label: "Shared exercise",
    shared_exercise_intro: "Someone shared their work on this exercise. The checks run on it, and you can edit it; your own work does not change unless you choose “Keep this version”.",
    keep_exercise_confirm: "Replace the files you saved for this exercise with the shared ones? Your hints and solved mark stay as they are.",
    unknown_exercise: "This version of the guide has no such exercise. The shared files are shown below, to copy.",
    shared_release_label: "Shared release preview",
    shared_release_intro: "Someone shared the five files of their release preview. The release is simulated on them, and you can edit them; your own files do not change unless you choose “Keep this version”.",
    keep_release_confirm: "Replace the five files you saved in the release preview with the shared ones?",
    link_error_title: "This link can't be opened",
    back_home: "Back to the contents",
    progress_title: "Your progress",
    progress_link: "Your progress (export, import, reset)",
    progress_intro: "Your edited playgrounds and other progress are kept in this browser only. To move them to another computer, or to hand them in to a teacher, export them to a file.",
    saved_here: "Saved in this browser:",
    nothing_saved: "Nothing saved yet.",
    no_storage: "Storage is unavailable in this browser (private mode?), so progress can't be saved or exported.",
    export_title: "Export to a file",
    export_explain: "Downloads all your progress as one JSON file. The file is saved on your computer and sent nowhere.",
    export_button: "Export progress",
    exported: "Exported.",
    export_failed: "Could not export.",
    import_title: "Import from a file",
    import_explain: "Choose an exported file: you will see what it holds before anything is imported.",
    import_choose: "Choose a file",
    import_unreadable: "The file could not be read.",
    import_this_file: "This file holds:",
    replace: "Replace",
    replace_explain: "Replaces this browser's progress with the file's (language and theme settings and set-aside data stay).",
    merge: "Merge",
    merge_explain: "Adds the file's progress; where both have the same playground, the file's version wins.",
    import_full: "Storage filled up part way (it is full). None of your data was deleted.",
    reset_title: "Reset everything",
    reset_explain: "Deletes all progress from this browser: every playground goes back to its starting code. Language and theme settings stay.",
    reset_button: "Reset everything…",
    reset_confirm: "Really delete it all? This cannot be undone. Export to a file first if you want to keep a copy.",
    reset_yes: "Delete everything",
    set_aside_title: "Set-aside data",
    set_aside_explain: "Saved data that could not be read, moved to a key of its own instead of being deleted. Copy its content to get it back.",
    characters: "characters",
};

pub fn state_text(lang: Lang) -> &'static StateText {
    match lang {
        Lang::Ja => &JA,
        Lang::En => &EN,
    }
}

fn count(lang: Lang, n: usize, ja: &str, en_one: &str, en_many: &str) -> String {
    match lang {
        Lang::Ja => format!("{ja} {n} 件"),
        Lang::En if n == 1 => format!("1 {en_one}"),
        Lang::En => format!("{n} {en_many}"),
    }
}

/// "12 playgrounds, 3 exercises, 1 set-aside entry" / 「プレイグラウンド 12 件、演習 3 件、…」;
/// kinds with none are left out, and so are preferences unless `with_preferences`.
pub fn summary_line(lang: Lang, s: &Summary, with_preferences: bool) -> String {
    let mut parts = Vec::new();
    if s.playgrounds > 0 {
        parts.push(count(
            lang,
            s.playgrounds,
            "プレイグラウンド",
            "playground",
            "playgrounds",
        ));
    }
    if s.exercises > 0 {
        parts.push(count(lang, s.exercises, "演習", "exercise", "exercises"));
    }
    if s.set_aside > 0 {
        parts.push(count(
            lang,
            s.set_aside,
            "退避したデータ",
            "set-aside entry",
            "set-aside entries",
        ));
    }
    if s.other > 0 {
        parts.push(count(
            lang,
            s.other,
            "新しい版のデータ",
            "entry of a newer version",
            "entries of a newer version",
        ));
    }
    if with_preferences && s.preferences > 0 {
        parts.push(count(
            lang,
            s.preferences,
            "表示設定",
            "display setting",
            "display settings",
        ));
    }
    match lang {
        Lang::Ja => parts.join("、"),
        Lang::En => parts.join(", "),
    }
}

/// "Exported on 2025-05-01 by version 0.1.0".
pub fn file_origin(lang: Lang, exported_at: &str, app_version: &str) -> String {
    let date = exported_at.get(..10).unwrap_or(exported_at);
    match lang {
        Lang::Ja => format!("{date} に書き出し(バージョン {app_version})"),
        Lang::En => format!("exported on {date} by version {app_version}"),
    }
}

pub fn ignored_entries(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Ja => format!("読み込めない項目 {n} 件は無視します。"),
        Lang::En if n == 1 => "1 entry that is not progress data will be ignored.".into(),
        Lang::En => format!("{n} entries that are not progress data will be ignored."),
    }
}

pub fn merge_conflicts(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Ja => {
            format!("追加すると、あなたの保存内容 {n} 件がファイルの内容で置き換わります。")
        }
        Lang::En if n == 1 => "Merging replaces 1 of your saved entries with the file's.".into(),
        Lang::En => format!("Merging replaces {n} of your saved entries with the file's."),
    }
}

pub fn imported(lang: Lang, written: usize, removed: usize) -> String {
    match lang {
        Lang::Ja => format!("読み込みました({written} 件を保存、{removed} 件を削除)。"),
        Lang::En => format!("Imported: {written} saved, {removed} removed."),
    }
}

pub fn reset_done(lang: Lang, removed: usize) -> String {
    match lang {
        Lang::Ja => format!("{removed} 件を削除しました。"),
        Lang::En if removed == 1 => "Deleted 1 entry.".into(),
        Lang::En => format!("Deleted {removed} entries."),
    }
}

/// "Shared from the Japanese guide" when the sender read the other language.
pub fn shared_from(lang: Lang, sender: Lang) -> String {
    match (lang, sender) {
        (Lang::Ja, Lang::En) => "英語版のガイドから共有されました。".into(),
        (Lang::En, Lang::Ja) => "Shared from the Japanese guide.".into(),
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summaries_count_in_both_languages_and_leave_out_what_is_absent() {
        let s = Summary {
            playgrounds: 12,
            exercises: 1,
            set_aside: 0,
            preferences: 2,
            other: 0,
        };
        assert_eq!(
            summary_line(Lang::En, &s, false),
            "12 playgrounds, 1 exercise"
        );
        assert_eq!(
            summary_line(Lang::En, &s, true),
            "12 playgrounds, 1 exercise, 2 display settings"
        );
        assert_eq!(
            summary_line(Lang::Ja, &s, false),
            "プレイグラウンド 12 件、演習 1 件"
        );
        assert_eq!(summary_line(Lang::En, &Summary::default(), true), "");
    }
}
