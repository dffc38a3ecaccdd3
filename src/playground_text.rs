//! The playgrounds' own words (editor, Makefile and go build results), in both languages.

use deploy_sim::Lang;

pub struct PgText {
    pub editor_hint: &'static str,
    pub reset: &'static str,
    pub reset_confirm: &'static str,
    pub reset_yes: &'static str,
    pub cancel: &'static str,
    pub copy: &'static str,
    pub copied: &'static str,
    pub copy_failed: &'static str,
    pub diagnostics: &'static str,
    pub no_problems: &'static str,
    pub line: &'static str,
    pub fix: &'static str,
    pub error: &'static str,
    pub warning: &'static str,
    pub info: &'static str,
    pub style: &'static str,
    pub storage_unavailable: &'static str,
    pub restored: &'static str,
    pub results: &'static str,
    pub goal: &'static str,
    pub default_goal: &'static str,
    pub project_env: &'static str,
    pub git_tag: &'static str,
    pub git_tag_hint: &'static str,
    pub commit: &'static str,
    pub commits_since_tag: &'static str,
    pub dirty: &'static str,
    pub build_date: &'static str,
    pub build_date_invalid: &'static str,
    pub run_order: &'static str,
    pub make_n: &'static str,
    pub nothing_printed: &'static str,
    pub variables: &'static str,
    pub variables_hint: &'static str,
    pub flavor_recursive: &'static str,
    pub flavor_simple: &'static str,
    pub defined_as: &'static str,
    pub artifacts: &'static str,
    pub path: &'static str,
    pub target: &'static str,
    pub size: &'static str,
    pub make_stderr: &'static str,
    pub fix_tabs: &'static str,
    pub fix_tabs_done: &'static str,
    pub no_go_build: &'static str,
    pub build_failed: &'static str,
    pub first_class: &'static str,
    pub not_first_class: &'static str,
    pub cgo_on: &'static str,
    pub cgo_off: &'static str,
    pub static_link: &'static str,
    pub dynamic_link: &'static str,
    pub output: &'static str,
    pub measured: &'static str,
    pub estimated: &'static str,
    pub extrapolated: &'static str,
    pub x_applied: &'static str,
    pub x_ignored_title: &'static str,
    pub version_json: &'static str,
    pub quick_flags: &'static str,
    pub settable_vars: &'static str,
    pub settable: &'static str,
    pub not_settable_const: &'static str,
    pub not_settable_type: &'static str,
    pub overwritten_at_start: &'static str,
    pub main_go_source: &'static str,
    pub main_go_chapter: &'static str,
    pub main_go_sample: &'static str,
}

pub const JA: PgText = PgText {
    editor_hint: "Tab で字下げ、Shift+Tab で戻す。エディタから出るには Esc のあと Tab。",
    reset: "元に戻す",
    reset_confirm: "編集した内容を捨てて、最初のコードに戻しますか?",
    reset_yes: "戻す",
    cancel: "キャンセル",
    copy: "コピー",
    copied: "コピーしました",
    copy_failed: "コピーできませんでした",
    diagnostics: "指摘",
    no_problems: "指摘はありません。",
    line: "行",
    fix: "直し方",
    error: "エラー",
    warning: "警告",
    info: "情報",
    style: "スタイル",
    storage_unavailable: "このブラウザには保存できません(ストレージが使えないか満杯です)。編集内容はこのページを開いている間だけ残ります。",
    restored: "前回の編集内容を復元しました。",
    results: "結果",
    goal: "ゴール",
    default_goal: "デフォルトのゴール",
    project_env: "プロジェクトの環境($(shell …) の答え)",
    git_tag: "git のタグ",
    git_tag_hint: "空欄ならタグなし",
    commit: "コミット",
    commits_since_tag: "タグ以降のコミット数",
    dirty: "未コミットの変更あり",
    build_date: "ビルド日時 (UTC)",
    build_date_invalid: "日時は 2024-05-01T12:34:56Z の形で入力してください。",
    run_order: "実行されるターゲットの順番",
    make_n: "make -n の出力",
    nothing_printed: "(何も表示されません)",
    variables: "変数(展開後の値)",
    variables_hint: "= の変数は使われるたびに展開し直され、:= の変数は読み込んだ時点で一度だけ展開されます。",
    flavor_recursive: "再帰展開 (=)",
    flavor_simple: "単純展開 (:=)",
    defined_as: "定義",
    artifacts: "生成されるファイル",
    path: "パス",
    target: "ターゲット",
    size: "サイズ",
    make_stderr: "make のエラー出力",
    fix_tabs: "レシピ行の先頭の空白を TAB に置き換える",
    fix_tabs_done: "レシピ行の字下げを TAB に直しました。",
    no_go_build: "go build の行がありません。",
    build_failed: "ビルド失敗",
    first_class: "ファーストクラスのポート",
    not_first_class: "ファーストクラスではないポート",
    cgo_on: "cgo 有効",
    cgo_off: "cgo 無効",
    static_link: "静的リンク",
    dynamic_link: "動的リンク",
    output: "出力ファイル",
    measured: "実測値",
    estimated: "推定値",
    extrapolated: "外挿による大まかな推定",
    x_applied: "-X で設定される値",
    x_ignored_title: "-X が黙って無視されます",
    version_json: "/version の応答",
    quick_flags: "フラグを切り替える",
    settable_vars: "-X で設定できるパッケージ変数",
    settable: "-X で設定できます",
    not_settable_const: "定数なので -X では変わりません(黙って無視されます)",
    not_settable_type: "string 型ではないので -X では設定できません",
    overwritten_at_start: "初期化式が起動時に実行され、-X の値を上書きします",
    main_go_source: "main.go として使うコード",
    main_go_chapter: "この章の main.go(上のプレイグラウンドの現在の内容)",
    main_go_sample: "ガイドのサンプルプログラム",
};

pub const EN: PgText = PgText {
    editor_hint: "Tab indents, Shift+Tab outdents. To leave the editor press Esc, then Tab.",
    reset: "Reset",
    reset_confirm: "Discard your changes and go back to the original code?",
    reset_yes: "Reset",
    cancel: "Cancel",
    copy: "Copy",
    copied: "Copied",
    copy_failed: "Could not copy",
    diagnostics: "Findings",
    no_problems: "No findings.",
    line: "line",
    fix: "Fix",
    error: "Error",
    warning: "Warning",
    info: "Info",
    style: "Style",
    storage_unavailable: "Your edits cannot be saved in this browser (storage is off or full). They last while this page is open.",
    restored: "Your previous edits were restored.",
    results: "Results",
    goal: "Goal",
    default_goal: "default goal",
    project_env: "Project environment (what $(shell …) answers)",
    git_tag: "Git tag",
    git_tag_hint: "empty: no tag",
    commit: "Commit",
    commits_since_tag: "Commits since the tag",
    dirty: "Uncommitted changes",
    build_date: "Build date (UTC)",
    build_date_invalid: "Write the date as 2024-05-01T12:34:56Z.",
    run_order: "Targets in the order they run",
    make_n: "make -n prints",
    nothing_printed: "(nothing)",
    variables: "Variables (expanded values)",
    variables_hint: "A variable set with = is expanded again every time it is used; one set with := is expanded once, when make reads the line.",
    flavor_recursive: "recursive (=)",
    flavor_simple: "simple (:=)",
    defined_as: "defined as",
    artifacts: "Files built",
    path: "Path",
    target: "Target",
    size: "Size",
    make_stderr: "make's error output",
    fix_tabs: "Replace the leading spaces of recipe lines with a TAB",
    fix_tabs_done: "Recipe lines are now indented with a TAB.",
    no_go_build: "There is no go build line.",
    build_failed: "build fails",
    first_class: "first-class port",
    not_first_class: "not a first-class port",
    cgo_on: "cgo on",
    cgo_off: "cgo off",
    static_link: "statically linked",
    dynamic_link: "dynamically linked",
    output: "Output file",
    measured: "measured",
    estimated: "estimated",
    extrapolated: "extrapolated, a rough guess",
    x_applied: "Set by -X",
    x_ignored_title: "-X is silently ignored",
    version_json: "What /version answers",
    quick_flags: "Toggle flags",
    settable_vars: "Package variables -X can set",
    settable: "-X can set it",
    not_settable_const: "a constant: -X leaves it unchanged (silently)",
    not_settable_type: "not a string: -X cannot set it",
    overwritten_at_start: "its initializer runs at start-up and overwrites what -X set",
    main_go_source: "Code used as main.go",
    main_go_chapter: "this chapter's main.go (the playground above, as you edited it)",
    main_go_sample: "the guide's sample program",
};

pub fn pg_text(lang: Lang) -> &'static PgText {
    match lang {
        Lang::Ja => &JA,
        Lang::En => &EN,
    }
}

/// "5 artifacts, 24.6 MB in total".
pub fn artifacts_verdict(lang: Lang, count: usize, total_mb: f64) -> String {
    match lang {
        Lang::Ja => format!("成果物 {count} 個、合計 {total_mb:.1} MB"),
        Lang::En => {
            let s = if count == 1 { "" } else { "s" };
            format!("{count} artifact{s}, {total_mb:.1} MB in total")
        }
    }
}

pub fn make_error_verdict(lang: Lang, message: &str, line: usize) -> String {
    match lang {
        Lang::Ja if line > 0 => format!("make: {line} 行目で停止 — {message}"),
        Lang::Ja => format!("make: 停止 — {message}"),
        Lang::En if line > 0 => format!("make: {message} on line {line}"),
        Lang::En => format!("make: {message}"),
    }
}

pub fn commands_verdict(lang: Lang, commands: usize) -> String {
    match lang {
        Lang::Ja => format!("make -n はコマンドを {commands} 行表示します"),
        Lang::En => format!("make -n prints {commands} command line(s)"),
    }
}

pub fn builds_verdict(
    lang: Lang,
    ok: usize,
    failed: usize,
    ignored: usize,
    total_mb: f64,
) -> String {
    match lang {
        Lang::Ja => {
            let mut s = format!("go build {ok} 件、合計 {total_mb:.1} MB");
            if failed > 0 {
                s.push_str(&format!("、失敗 {failed} 件"));
            }
            if ignored > 0 {
                s.push_str(&format!("、無視される -X {ignored} 件"));
            }
            s
        }
        Lang::En => {
            let mut s = format!("{ok} go build line(s), {total_mb:.1} MB in total");
            if failed > 0 {
                s.push_str(&format!(", {failed} failing"));
            }
            if ignored > 0 {
                s.push_str(&format!(", {ignored} -X silently ignored"));
            }
            s
        }
    }
}

pub fn severity_label(lang: Lang, severity: deploy_sim::Severity) -> &'static str {
    let t = pg_text(lang);
    match severity {
        deploy_sim::Severity::Error => t.error,
        deploy_sim::Severity::Warning => t.warning,
        deploy_sim::Severity::Info => t.info,
        deploy_sim::Severity::Style => t.style,
    }
}

/// Bytes as megabytes with one decimal, as the guide writes them (1 MB = 1,000,000 bytes).
pub fn megabytes(bytes: u64) -> String {
    format!("{:.1} MB", bytes as f64 / 1_000_000.0)
}
