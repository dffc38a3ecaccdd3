//! Words of the GoReleaser playground (check result, build matrix, `dist/` tree, changelog,
//! release context), in both languages.

use crate::playground::goreleaser::Counts;
use deploy_sim::Lang;

pub struct GrText {
    pub simulates: &'static str,
    pub check_title: &'static str,
    pub check_ok: &'static str,
    pub check_deprecated: &'static str,
    pub check_invalid: &'static str,
    pub release_stops: &'static str,
    pub invalid_preview: &'static str,
    pub version: &'static str,
    pub column: &'static str,
    pub context_title: &'static str,
    pub tag: &'static str,
    pub tag_hint: &'static str,
    pub previous_tag: &'static str,
    pub commit: &'static str,
    pub date: &'static str,
    pub snapshot: &'static str,
    pub commit_invalid: &'static str,
    pub date_invalid: &'static str,
    pub matrix_title: &'static str,
    pub matrix_hint: &'static str,
    pub build: &'static str,
    pub built: &'static str,
    pub ignored: &'static str,
    pub not_valid: &'static str,
    pub invalid: &'static str,
    pub experimental: &'static str,
    pub not_listed: &'static str,
    pub stopped: &'static str,
    pub skipped_build: &'static str,
    pub legend: &'static str,
    pub dist_title: &'static str,
    pub dist_hint: &'static str,
    pub uploaded: &'static str,
    pub uploaded_as: &'static str,
    pub contents: &'static str,
    pub default_glob: &'static str,
    pub checksum_lines: &'static str,
    pub changelog_file: &'static str,
    pub metadata_file: &'static str,
    pub no_files: &'static str,
    pub registry_title: &'static str,
    pub image: &'static str,
    pub manifest: &'static str,
    pub not_pushed: &'static str,
    pub snapshot_note: &'static str,
    pub changelog_title: &'static str,
    pub commits_label: &'static str,
    pub commits_hint: &'static str,
    pub changelog_disabled: &'static str,
    pub changelog_empty: &'static str,
}

pub fn gr_text(lang: Lang) -> &'static GrText {
    match lang {
        Lang::Ja => &JA,
        Lang::En => &EN,
    }
}

/// "6 targets · 6 archives · check passed" (the polite live region's one line).
pub fn verdict(lang: Lang, c: &Counts) -> String {
    match lang {
        Lang::En => {
            let plural =
                |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
            let check = match c.check_exit {
                0 => "check passed".to_string(),
                2 => "check: deprecated properties (exit 2)".to_string(),
                n => format!("check failed (exit {n})"),
            };
            let mut s = format!(
                "{} · {} · {check}",
                plural(c.targets, "target"),
                plural(c.archives, "archive")
            );
            if c.release_fails && c.check_exit != 1 {
                s.push_str(" · release would fail");
            }
            s
        }
        Lang::Ja => {
            let check = match c.check_exit {
                0 => "check 成功".to_string(),
                2 => "check: 非推奨の設定あり（終了コード 2）".to_string(),
                n => format!("check 失敗（終了コード {n}）"),
            };
            let mut s = format!(
                "ターゲット {} 個 · アーカイブ {} 個 · {check}",
                c.targets, c.archives
            );
            if c.release_fails && c.check_exit != 1 {
                s.push_str(" · release は失敗します");
            }
            s
        }
    }
}

/// "4 of 6 commits" in the changelog.
pub fn changelog_count(lang: Lang, shown: usize, total: usize) -> String {
    match lang {
        Lang::En => format!("{shown} of {total} commits make it into the changelog"),
        Lang::Ja => format!("{total} 件のコミットのうち {shown} 件が変更履歴に載ります"),
    }
}

static EN: GrText = GrText {
    simulates: "Simulates GoReleaser v2.18",
    check_title: "goreleaser check",
    check_ok: "valid (exit 0)",
    check_deprecated: "valid, but uses deprecated properties (exit 2)",
    check_invalid: "invalid (exit 1)",
    release_stops: "goreleaser release would stop here",
    invalid_preview: "goreleaser release stops on this too, before building anything. The preview below is what the rest of the file would give.",
    version: "version",
    column: "col",
    context_title: "Release context",
    tag: "Tag",
    tag_hint: "empty = no tag (v0.0.0)",
    previous_tag: "Previous tag",
    commit: "Commit",
    date: "Commit date (UTC)",
    snapshot: "--snapshot (a local build: no tag needed, nothing published)",
    commit_invalid: "The commit must be 7 to 40 hex digits; the default is used.",
    date_invalid: "The date must look like 2026-01-15T09:30:00Z; the default is used.",
    matrix_title: "Build matrix",
    matrix_hint: "Rows are goos, columns goarch; each cell says what GoReleaser does with that pair, and why.",
    build: "build",
    built: "built",
    ignored: "ignored",
    not_valid: "not a valid target",
    invalid: "invalid",
    experimental: "experimental",
    not_listed: "not listed",
    stopped: "goreleaser stops at an invalid value: nothing is built.",
    skipped_build: "skip: true — this build is not run.",
    legend: "✓ built · ⊘ removed by ignore · — not in GoReleaser's valid targets (skipped silently) · ✖ invalid value (goreleaser stops)",
    dist_title: "dist/ after goreleaser release",
    dist_hint: "Sizes are estimates: binaries from the Go build engine, archives from typical compression of their contents.",
    uploaded: "uploaded to the release",
    uploaded_as: "uploaded as",
    contents: "contents",
    default_glob: "default",
    checksum_lines: "One line per uploaded file (the digests are simulated):",
    changelog_file: "release notes",
    metadata_file: "GoReleaser's record of the run",
    no_files: "Nothing is written to dist/.",
    registry_title: "Container images (pushed to the registry, not written to dist/)",
    image: "image",
    manifest: "manifest list",
    not_pushed: "not pushed",
    snapshot_note: "--snapshot: everything is built locally, nothing is uploaded or pushed.",
    changelog_title: "Changelog",
    commits_label: "Commits since the previous tag (newest first, one per line)",
    commits_hint: "A subject per line, optionally after a SHA as git log --oneline prints it.",
    changelog_disabled: "changelog.disable is set: there are no release notes.",
    changelog_empty: "No commit is left after the filters.",
};

static JA: GrText = GrText {
    simulates: "GoReleaser v2.18 をシミュレーションしています",
    check_title: "goreleaser check",
    check_ok: "有効（終了コード 0）",
    check_deprecated: "有効だが非推奨の設定を使用（終了コード 2）",
    check_invalid: "無効（終了コード 1）",
    release_stops: "goreleaser release はここで止まります",
    invalid_preview: "goreleaser release もここで止まり、何もビルドしません。以下は、ファイルの残りの部分から得られる結果の見本です。",
    version: "バージョン",
    column: "列",
    context_title: "リリースの状況",
    tag: "タグ",
    tag_hint: "空 = タグなし（v0.0.0）",
    previous_tag: "前のタグ",
    commit: "コミット",
    date: "コミット日時（UTC）",
    snapshot: "--snapshot（手元でのビルド。タグ不要、何も公開しない）",
    commit_invalid: "コミットは 16 進数 7〜40 桁で書きます。既定値を使います。",
    date_invalid: "日時は 2026-01-15T09:30:00Z の形で書きます。既定値を使います。",
    matrix_title: "ビルドマトリクス",
    matrix_hint: "行が goos、列が goarch です。各マスに GoReleaser がその組み合わせをどう扱うかと理由を示します。",
    build: "ビルド",
    built: "ビルド",
    ignored: "除外",
    not_valid: "無効なターゲット",
    invalid: "不正な値",
    experimental: "実験的",
    not_listed: "指定なし",
    stopped: "不正な値があるため goreleaser は止まります。何もビルドされません。",
    skipped_build: "skip: true — このビルドは実行されません。",
    legend: "✓ ビルド ・ ⊘ ignore で除外 ・ — GoReleaser の有効ターゲットにない（黙って飛ばす） ・ ✖ 不正な値（goreleaser が止まる）",
    dist_title: "goreleaser release 後の dist/",
    dist_hint: "サイズは推定値です。バイナリは Go ビルドエンジン、アーカイブは中身の典型的な圧縮率から求めています。",
    uploaded: "リリースにアップロード",
    uploaded_as: "アップロード名",
    contents: "中身",
    default_glob: "既定",
    checksum_lines: "アップロードするファイルごとに 1 行（ダイジェストは架空の値）:",
    changelog_file: "リリースノート",
    metadata_file: "GoReleaser の実行記録",
    no_files: "dist/ には何も書かれません。",
    registry_title: "コンテナイメージ（レジストリへ push。dist/ には書かれません）",
    image: "イメージ",
    manifest: "マニフェストリスト",
    not_pushed: "push しない",
    snapshot_note: "--snapshot: すべて手元でビルドし、アップロードも push もしません。",
    changelog_title: "変更履歴",
    commits_label: "前のタグ以降のコミット（新しい順、1 行に 1 件）",
    commits_hint: "1 行に件名を 1 つ。git log --oneline のように先頭に SHA を書いても構いません。",
    changelog_disabled: "changelog.disable が指定されているため、リリースノートはありません。",
    changelog_empty: "フィルタの後に残るコミットがありません。",
};

#[cfg(test)]
mod tests {
    use super::*;

    fn counts(targets: usize, archives: usize, check_exit: u8, release_fails: bool) -> Counts {
        Counts {
            targets,
            archives,
            images: 0,
            check_exit,
            release_fails,
        }
    }

    #[test]
    fn verdicts_name_counts_and_the_check_outcome() {
        let cases = [
            (
                counts(12, 9, 0, false),
                "12 targets · 9 archives · check passed",
                "ターゲット 12 個 · アーカイブ 9 個 · check 成功",
            ),
            (
                counts(1, 1, 2, false),
                "1 target · 1 archive · check: deprecated properties (exit 2)",
                "ターゲット 1 個 · アーカイブ 1 個 · check: 非推奨の設定あり（終了コード 2）",
            ),
            (
                counts(0, 0, 1, true),
                "0 targets · 0 archives · check failed (exit 1)",
                "ターゲット 0 個 · アーカイブ 0 個 · check 失敗（終了コード 1）",
            ),
            (
                counts(3, 3, 0, true),
                "3 targets · 3 archives · check passed · release would fail",
                "ターゲット 3 個 · アーカイブ 3 個 · check 成功 · release は失敗します",
            ),
        ];
        for (c, en, ja) in cases {
            assert_eq!(verdict(Lang::En, &c), en);
            assert_eq!(verdict(Lang::Ja, &c), ja);
        }
    }
}
