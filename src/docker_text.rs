//! The Dockerfile playground's own words, in both languages.

use crate::playground::dockerfile::Change;
use deploy_sim::Lang;

pub struct DockerText {
    pub tabs_label: &'static str,
    pub tab_stages: &'static str,
    pub stages_caption: &'static str,
    pub target_label: &'static str,
    pub target_default: &'static str,
    pub tag_target: &'static str,
    pub tag_skipped: &'static str,
    pub unnamed: &'static str,
    pub not_built: &'static str,
    pub legend_from: &'static str,
    pub legend_copy: &'static str,
    pub legend_mount: &'static str,
    pub col_stage: &'static str,
    pub col_base: &'static str,
    pub col_uses: &'static str,
    pub col_status: &'static str,
    pub status_target: &'static str,
    pub status_built: &'static str,
    pub status_skipped: &'static str,
    pub uses_nothing: &'static str,
    pub stages_hint: &'static str,
    pub no_stages: &'static str,
    pub graph_title: &'static str,
    pub in_the_guide: &'static str,
    pub tab_layers: &'static str,
    pub tab_cache: &'static str,
    pub tab_bases: &'static str,
    pub tab_run: &'static str,
    pub tab_lint: &'static str,
    pub layers_caption: &'static str,
    pub total: &'static str,
    pub layer_count: &'static str,
    pub estimated: &'static str,
    pub estimated_note: &'static str,
    pub stage_sizes: &'static str,
    pub final_stage: &'static str,
    pub no_layers: &'static str,
    pub jump_hint: &'static str,
    pub what_changed: &'static str,
    pub no_arg: &'static str,
    pub cached: &'static str,
    pub run: &'static str,
    pub rebuild_total: &'static str,
    pub no_steps: &'static str,
    pub bases_caption: &'static str,
    pub base: &'static str,
    pub size: &'static str,
    pub shell: &'static str,
    pub package_manager: &'static str,
    pub ca_certs: &'static str,
    pub debug: &'static str,
    pub attack_surface: &'static str,
    pub starts_col: &'static str,
    pub yes: &'static str,
    pub no: &'static str,
    pub none: &'static str,
    pub yours: &'static str,
    pub surface: [&'static str; 4],
    pub bases_source: &'static str,
    pub swap_impossible: &'static str,
    pub starts: &'static str,
    pub does_not_start: &'static str,
    pub command: &'static str,
    pub user: &'static str,
    pub cause: &'static str,
    pub terminal: &'static str,
    pub warnings_at_run: &'static str,
    pub explain: &'static str,
    pub no_lint: &'static str,
    pub fix: &'static str,
}

static EN: DockerText = DockerText {
    tabs_label: "Results",
    tab_stages: "Stages",
    stages_caption: "Build stages and what each one uses",
    target_label: "Build target (--target)",
    target_default: "last stage (default)",
    tag_target: "target",
    tag_skipped: "skipped",
    unnamed: "(no name)",
    not_built: "not built",
    legend_from: "FROM <stage>: starts from that stage's result",
    legend_copy: "COPY --from: copies files out of it",
    legend_mount: "RUN --mount=from: mounts it during one RUN",
    col_stage: "Stage",
    col_base: "Starts from",
    col_uses: "Uses",
    col_status: "Built?",
    status_target: "target: the image you get",
    status_built: "built (the target needs it)",
    status_skipped: "skipped: the target does not need it",
    uses_nothing: "no COPY --from or --mount",
    stages_hint: "Point at a box to highlight its FROM line; click it (or a line button in the table) to put the caret there. BuildKit builds only the stages the target needs and skips the rest.",
    no_stages: "No FROM line yet: every Dockerfile starts a stage with FROM.",
    graph_title: "Stage graph",
    in_the_guide: "In the guide",
    tab_layers: "Layers",
    tab_cache: "Cache",
    tab_bases: "Base images",
    tab_run: "Will it run?",
    tab_lint: "Lint",
    layers_caption: "Layers of the final image",
    total: "Total",
    layer_count: "layers",
    estimated: "est.",
    estimated_note: "est. = estimated size (not measured for this exact image or step)",
    stage_sizes: "Size of each stage",
    final_stage: "final image",
    no_layers: "No layers: the final image is empty.",
    jump_hint: "Point at a bar to highlight its line; click it to put the caret there.",
    what_changed: "What changed since the last build?",
    no_arg: "(this Dockerfile declares no ARG)",
    cached: "CACHED",
    run: "RUN",
    rebuild_total: "Estimated rebuild time",
    no_steps: "No build steps.",
    bases_caption: "The same Dockerfile with only the final stage's base image swapped",
    base: "Runtime base",
    size: "Size",
    shell: "Shell",
    package_manager: "Package manager",
    ca_certs: "CA certs",
    debug: "Debug tools",
    attack_surface: "Attack surface",
    starts_col: "Starts?",
    yes: "yes",
    no: "no",
    none: "none",
    yours: "yours",
    surface: ["only your files", "minimal", "small", "large"],
    bases_source: "Sizes, shell and CA certificates: the engine's base-image data (docker-library repo-info, distroless README); package managers and debug tools: the images' documentation; attack surface is derived from those columns.",
    swap_impossible: "Add a FROM line to compare base images.",
    starts: "Starts",
    does_not_start: "Does not start",
    command: "Command",
    user: "User",
    cause: "Cause",
    terminal: "What you would see",
    warnings_at_run: "Starts, but",
    explain: "explanation",
    no_lint: "No lint findings.",
    fix: "Fix",
};

static JA: DockerText = DockerText {
    tabs_label: "結果",
    tab_stages: "ステージ",
    stages_caption: "ビルドステージとその依存関係",
    target_label: "ビルドするターゲット（--target）",
    target_default: "最後のステージ（既定）",
    tag_target: "ターゲット",
    tag_skipped: "スキップ",
    unnamed: "（名前なし）",
    not_built: "ビルドされない",
    legend_from: "FROM <ステージ>: そのステージの結果から始める",
    legend_copy: "COPY --from: そこからファイルをコピーする",
    legend_mount: "RUN --mount=from: RUN の間だけマウントする",
    col_stage: "ステージ",
    col_base: "ベース",
    col_uses: "使うもの",
    col_status: "ビルド",
    status_target: "ターゲット: 出来上がるイメージ",
    status_built: "ビルドされる（ターゲットが使う）",
    status_skipped: "スキップ: ターゲットが使わない",
    uses_nothing: "COPY --from・--mount なし",
    stages_hint: "箱に触れるとその FROM 行が強調され、クリック（または表の行ボタン）でカーソルがその行へ移ります。BuildKit はターゲットに必要なステージだけをビルドし、残りはスキップします。",
    no_stages: "FROM 行がまだありません。Dockerfile はどれも FROM でステージを始めます。",
    graph_title: "ステージのグラフ",
    in_the_guide: "ガイドの解説",
    tab_layers: "レイヤー",
    tab_cache: "キャッシュ",
    tab_bases: "ベースイメージ",
    tab_run: "起動するか",
    tab_lint: "Lint",
    layers_caption: "最終イメージのレイヤー",
    total: "合計",
    layer_count: "レイヤー",
    estimated: "推定",
    estimated_note: "推定 = 推定サイズ（このイメージ・ステップそのものでは計測していません）",
    stage_sizes: "ステージごとのサイズ",
    final_stage: "最終イメージ",
    no_layers: "レイヤーがありません。最終イメージは空です。",
    jump_hint: "バーに触れるとその行が強調され、クリックするとカーソルがその行へ移ります。",
    what_changed: "前回のビルドから何が変わった？",
    no_arg: "（この Dockerfile には ARG がありません）",
    cached: "CACHED",
    run: "RUN",
    rebuild_total: "再ビルドの推定時間",
    no_steps: "ビルドステップがありません。",
    bases_caption: "最終ステージのベースイメージだけを差し替えた同じ Dockerfile",
    base: "実行用ベース",
    size: "サイズ",
    shell: "シェル",
    package_manager: "パッケージマネージャ",
    ca_certs: "CA 証明書",
    debug: "デバッグ用ツール",
    attack_surface: "攻撃対象領域",
    starts_col: "起動",
    yes: "あり",
    no: "なし",
    none: "なし",
    yours: "現在",
    surface: ["自分のファイルのみ", "最小", "小", "大"],
    bases_source: "サイズ・シェル・CA 証明書はエンジンのベースイメージデータ（docker-library repo-info、distroless README）、パッケージマネージャとデバッグ用ツールは各イメージのドキュメントによります。攻撃対象領域はそれらの列から導いた目安です。",
    swap_impossible: "ベースイメージを比べるには FROM 行を書いてください。",
    starts: "起動する",
    does_not_start: "起動しない",
    command: "コマンド",
    user: "ユーザー",
    cause: "原因",
    terminal: "表示されるエラー",
    warnings_at_run: "起動はしますが",
    explain: "解説",
    no_lint: "Lint の指摘はありません。",
    fix: "修正",
};

pub fn docker_text(lang: Lang) -> &'static DockerText {
    match lang {
        Lang::Ja => &JA,
        Lang::En => &EN,
    }
}

/// "line 8" / "8 行目".
pub fn line_label(lang: Lang, line: usize) -> String {
    match lang {
        Lang::Ja => format!("{line} 行目"),
        Lang::En => format!("line {line}"),
    }
}

/// The label of a "what changed" choice; `arg` is the ARG the choice changes, if any.
pub fn change_label(lang: Lang, change: Change, arg: Option<&str>) -> String {
    match (lang, change) {
        (Lang::En, Change::Nothing) => "nothing".into(),
        (Lang::Ja, Change::Nothing) => "何も変えていない".into(),
        (_, Change::MainGo) => "main.go".into(),
        (_, Change::GoMod) => "go.mod / go.sum".into(),
        (_, Change::Readme) => "README.md".into(),
        (Lang::En, Change::BuildArg) => match arg {
            Some(name) => format!("build ARG {name}"),
            None => "a build ARG".into(),
        },
        (Lang::Ja, Change::BuildArg) => match arg {
            Some(name) => format!("ビルド引数 {name}"),
            None => "ビルド引数".into(),
        },
    }
}

/// The one-line verdict the live region announces: "Starts · 7.0 MB" or
/// "起動しない: exec /server: no such file or directory".
pub fn verdict(lang: Lang, starts: bool, size: &str, error: Option<&str>) -> String {
    let t = docker_text(lang);
    if starts {
        format!("{} · {size}", t.starts)
    } else {
        match error {
            Some(e) => format!("{}: {e}", t.does_not_start),
            None => format!("{} · {size}", t.does_not_start),
        }
    }
}

/// The stage drawing's `<desc>`: what it shows in one sentence, and where the details are.
pub fn stages_desc(lang: Lang, stages: usize, skipped: usize, edges: usize) -> String {
    match lang {
        Lang::En => format!(
            "{stages} stage(s), {skipped} skipped for this target, {edges} dependency arrow(s) between them. The table below lists every stage with its base, what it uses, its size and whether it is built."
        ),
        Lang::Ja => format!(
            "ステージ {stages} 個（このターゲットでスキップされるもの {skipped} 個）、ステージ間の依存の矢印 {edges} 本。下の表に各ステージのベース、使うもの、サイズ、ビルドされるかを載せています。"
        ),
    }
}

/// Says how many stages the drawing (and the table) leave out, if any.
pub fn undrawn_note(lang: Lang, undrawn: usize, unlisted: usize) -> Option<String> {
    match (lang, undrawn, unlisted) {
        (_, 0, 0) => None,
        (Lang::En, n, 0) => Some(format!("{n} more stage(s) are only in the table.")),
        (Lang::Ja, n, 0) => Some(format!("残りの {n} ステージは表にだけ載せています。")),
        (Lang::En, n, m) => Some(format!(
            "{n} more stage(s) are not drawn; the last {m} are not listed either."
        )),
        (Lang::Ja, n, m) => Some(format!(
            "残りの {n} ステージは図に描かず、最後の {m} ステージは表にも載せていません。"
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verdicts_in_both_languages() {
        assert_eq!(verdict(Lang::En, true, "7.0 MB", None), "Starts · 7.0 MB");
        assert_eq!(
            verdict(
                Lang::Ja,
                false,
                "7.0 MB",
                Some("exec /server: no such file or directory")
            ),
            "起動しない: exec /server: no such file or directory"
        );
        assert_eq!(line_label(Lang::Ja, 8), "8 行目");
        assert_eq!(
            change_label(Lang::En, Change::BuildArg, Some("VERSION")),
            "build ARG VERSION"
        );
    }
}
