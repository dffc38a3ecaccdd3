//! Words of the release preview page, in both languages.

use crate::playground::release::{HistoryChoice, Summary};
use deploy_sim::goreleaser::ArtifactKind;
use deploy_sim::Lang;

pub struct ReleaseText {
    pub title: &'static str,
    pub intro: &'static str,
    /// Names the chapters the files come from.
    pub sources: &'static str,
    pub nav_label: &'static str,
    pub files_label: &'static str,
    pub run_title: &'static str,
    pub form_title: &'static str,
    pub tag: &'static str,
    pub previous_tag: &'static str,
    pub previous_hint: &'static str,
    pub tag_invalid: &'static str,
    pub previous_invalid: &'static str,
    pub history_legend: &'static str,
    pub trigger_title: &'static str,
    pub triggered: &'static str,
    pub not_triggered: &'static str,
    pub history_full: &'static str,
    pub history_shallow: &'static str,
    pub history_none: &'static str,
    pub jobs_title: &'static str,
    pub predicted_title: &'static str,
    pub predicted_note: &'static str,
    pub publish_title: &'static str,
    pub published: &'static str,
    pub not_published: &'static str,
    pub snapshot: &'static str,
    pub no_goreleaser: &'static str,
    pub check: &'static str,
    pub release_error: &'static str,
    pub changelog_title: &'static str,
    pub changelog_since: &'static str,
    pub changelog_no_previous: &'static str,
    pub checksums_cover: &'static str,
    pub images_title: &'static str,
    pub no_images: &'static str,
    pub image_tag: &'static str,
    pub manifest: &'static str,
    pub single_image: &'static str,
    pub pushed_by: &'static str,
    pub not_pushed: &'static str,
    pub version_title: &'static str,
    pub version_intro: &'static str,
    pub target: &'static str,
    pub version: &'static str,
    pub commit: &'static str,
    pub build_time: &'static str,
    pub does_not_build: &'static str,
    pub not_set: &'static str,
    pub from_archive: &'static str,
    pub from_image: &'static str,
    pub no_binaries: &'static str,
    pub findings_title: &'static str,
    /// Above the run when a file's own engine reports errors.
    pub file_errors_title: &'static str,
    pub file_errors_note: &'static str,
    pub no_findings: &'static str,
    pub because: &'static str,
    pub says: &'static str,
    pub so: &'static str,
    pub whole_file: &'static str,
    pub go_to: &'static str,
    pub missing_file: &'static str,
    pub size: &'static str,
    pub name: &'static str,
    pub edited: &'static str,
    /// The contents page's card.
    pub card: &'static str,
}

pub fn rel_text(lang: Lang) -> &'static ReleaseText {
    match lang {
        Lang::Ja => &JA,
        Lang::En => &EN,
    }
}

static EN: ReleaseText = ReleaseText {
    title: "Release preview",
    intro: "The five files of the guide's project side by side. Edit any of them and see what `git tag v1.2.3 && git push --tags` starts: whether the workflow runs, its jobs, what GoReleaser publishes, which images are pushed, and what each binary answers on /version.",
    sources: "main.go and the Makefile come from chapter 3, the workflow from chapter 4, .goreleaser.yaml and Dockerfile.release from chapter 5. The workflow follows chapter 5's advice: GoReleaser builds the images, so the release job logs in to ghcr.io and there is no separate docker job.",
    nav_label: "Release preview",
    files_label: "Project files",
    run_title: "The run",
    form_title: "What is released",
    tag: "Tag pushed",
    previous_tag: "Previous tag",
    previous_hint: "none",
    tag_invalid: "git does not accept this tag name; the preview uses v1.2.3.",
    previous_invalid: "git does not accept this tag name; the preview assumes there is no previous tag.",
    history_legend: "Git history of the release job",
    trigger_title: "Does the push start the workflow?",
    triggered: "Triggered",
    not_triggered: "Not triggered",
    history_full: "Full history",
    history_shallow: "Shallow clone",
    history_none: "No job runs GoReleaser.",
    jobs_title: "Jobs",
    predicted_title: "Predicted failures",
    predicted_note: "These jobs fail on their own with these files, so the preview runs the graph with them failing.",
    publish_title: "What the GoReleaser job publishes",
    published: "Published",
    not_published: "Not published",
    snapshot: "--snapshot: everything is built, nothing is published.",
    no_goreleaser: "No .goreleaser.yaml: nothing is built for the release.",
    check: "goreleaser check",
    release_error: "goreleaser release stops",
    changelog_title: "Release notes",
    changelog_since: "Commits since",
    changelog_no_previous: "No previous tag found: the whole history.",
    checksums_cover: "covers",
    images_title: "Images pushed",
    no_images: "No image is built.",
    image_tag: "tag",
    manifest: "manifest list",
    single_image: "image",
    pushed_by: "pushed by",
    not_pushed: "not pushed",
    version_title: "/version per target",
    version_intro: "What each released binary answers, from the values -X stamped in (or main.go's defaults).",
    target: "Target",
    version: "version",
    commit: "commit",
    build_time: "build time",
    does_not_build: "does not build",
    not_set: "—",
    from_archive: "archive",
    from_image: "image",
    no_binaries: "No binary is released.",
    findings_title: "Cross-file findings",
    file_errors_title: "Files with errors",
    file_errors_note: "The run below is what the simulator could still read. Each button opens the file at the line.",
    no_findings: "The five files agree: no finding.",
    because: "Because",
    says: "says",
    so: "so",
    whole_file: "the file",
    go_to: "Show in the editor",
    missing_file: "This file is empty: the project has no such file.",
    size: "Size",
    name: "Name",
    edited: "edited",
    card: "main.go, Makefile, Dockerfile, .goreleaser.yaml and the workflow together: edit any of them and see what pushing a tag releases.",
};

static JA: ReleaseText = ReleaseText {
    title: "リリースのプレビュー",
    intro: "ガイドのプロジェクトの 5 つのファイルを並べました。どれを編集しても、`git tag v1.2.3 && git push --tags` で何が起きるかがすぐにわかります。ワークフローが起動するか、ジョブの流れ、GoReleaser が公開するもの、プッシュされるイメージ、各バイナリが /version に返す内容です。",
    sources: "main.go と Makefile は 3 章、ワークフローは 4 章、.goreleaser.yaml と Dockerfile.release は 5 章のものです。ワークフローには 5 章の助言を反映しています。イメージは GoReleaser がビルドするので、release ジョブが ghcr.io にログインし、別の docker ジョブは置きません。",
    nav_label: "リリースのプレビュー",
    files_label: "プロジェクトのファイル",
    run_title: "実行結果",
    form_title: "リリースの内容",
    tag: "プッシュするタグ",
    previous_tag: "前のタグ",
    previous_hint: "なし",
    tag_invalid: "git が受け付けないタグ名です。プレビューは v1.2.3 を使います。",
    previous_invalid: "git が受け付けないタグ名です。前のタグはないものとします。",
    history_legend: "release ジョブの git 履歴",
    trigger_title: "プッシュでワークフローは起動する?",
    triggered: "起動する",
    not_triggered: "起動しない",
    history_full: "履歴はすべてある",
    history_shallow: "浅いクローン",
    history_none: "GoReleaser を実行するジョブはありません。",
    jobs_title: "ジョブ",
    predicted_title: "失敗が予想されるジョブ",
    predicted_note: "このファイルの組み合わせでは、これらのジョブはひとりでに失敗します。プレビューは失敗したものとしてグラフを実行します。",
    publish_title: "GoReleaser のジョブが公開するもの",
    published: "公開される",
    not_published: "公開されない",
    snapshot: "--snapshot: すべてビルドしますが、何も公開しません。",
    no_goreleaser: ".goreleaser.yaml がないため、リリース用には何もビルドされません。",
    check: "goreleaser check",
    release_error: "goreleaser release が止まる",
    changelog_title: "リリースノート",
    changelog_since: "前のタグからのコミット:",
    changelog_no_previous: "前のタグが見つからないため、全履歴が対象です。",
    checksums_cover: "対象",
    images_title: "プッシュされるイメージ",
    no_images: "イメージはビルドされません。",
    image_tag: "タグ",
    manifest: "マニフェストリスト",
    single_image: "イメージ",
    pushed_by: "プッシュするジョブ",
    not_pushed: "プッシュされない",
    version_title: "ターゲットごとの /version",
    version_intro: "リリースされる各バイナリが返す内容です。-X で埋め込んだ値（なければ main.go の既定値）から求めます。",
    target: "ターゲット",
    version: "version",
    commit: "commit",
    build_time: "ビルド日時",
    does_not_build: "ビルドできない",
    not_set: "—",
    from_archive: "アーカイブ",
    from_image: "イメージ",
    no_binaries: "リリースされるバイナリはありません。",
    findings_title: "ファイルをまたぐ指摘",
    file_errors_title: "エラーのあるファイル",
    file_errors_note: "下の実行結果は、シミュレーターが読み取れた部分だけから求めたものです。ボタンを押すとファイルのその行が開きます。",
    no_findings: "5 つのファイルは食い違っていません。指摘はありません。",
    because: "理由",
    says: "の記述",
    so: "その結果",
    whole_file: "ファイル全体",
    go_to: "エディタで表示",
    missing_file: "このファイルは空です。プロジェクトにこのファイルはありません。",
    size: "サイズ",
    name: "名前",
    edited: "編集済み",
    card: "main.go、Makefile、Dockerfile、.goreleaser.yaml、ワークフローをまとめて編集し、タグをプッシュすると何がリリースされるかを確かめます。",
};

/// The history radio's label.
pub fn history_label(lang: Lang, choice: HistoryChoice) -> &'static str {
    match (lang, choice) {
        (Lang::En, HistoryChoice::Auto) => "auto (from fetch-depth)",
        (Lang::En, HistoryChoice::Full) => "full history",
        (Lang::En, HistoryChoice::Shallow) => "shallow (one commit)",
        (Lang::Ja, HistoryChoice::Auto) => "自動（fetch-depth から）",
        (Lang::Ja, HistoryChoice::Full) => "すべての履歴",
        (Lang::Ja, HistoryChoice::Shallow) => "浅い（1 コミット）",
    }
}

/// A group heading of the artifact list.
pub fn kind_title(lang: Lang, kind: ArtifactKind) -> &'static str {
    match (lang, kind) {
        (Lang::En, ArtifactKind::Binary) => "Binaries (in dist/, not uploaded)",
        (Lang::En, ArtifactKind::Archive) => "Archives (uploaded to the release)",
        (Lang::En, ArtifactKind::Checksum) => "Checksums (uploaded)",
        (Lang::En, ArtifactKind::Changelog) => "Changelog",
        (Lang::En, ArtifactKind::Metadata) => "GoReleaser's own records",
        (Lang::En, ArtifactKind::DockerImage) => "Images",
        (Lang::En, ArtifactKind::DockerManifest) => "Manifest lists",
        (Lang::Ja, ArtifactKind::Binary) => "バイナリ（dist/ に置かれ、アップロードはされない）",
        (Lang::Ja, ArtifactKind::Archive) => "アーカイブ（リリースにアップロード）",
        (Lang::Ja, ArtifactKind::Checksum) => "チェックサム（アップロード）",
        (Lang::Ja, ArtifactKind::Changelog) => "変更履歴",
        (Lang::Ja, ArtifactKind::Metadata) => "GoReleaser 自身の記録",
        (Lang::Ja, ArtifactKind::DockerImage) => "イメージ",
        (Lang::Ja, ArtifactKind::DockerManifest) => "マニフェストリスト",
    }
}

/// "1 error, 2 warnings" for a tab's badge (its accessible name).
pub fn problems_label(lang: Lang, errors: usize, warnings: usize) -> String {
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    match lang {
        Lang::En => match (errors, warnings) {
            (0, 0) => "no problems".to_string(),
            (e, 0) => plural(e, "error"),
            (0, w) => plural(w, "warning"),
            (e, w) => format!("{}, {}", plural(e, "error"), plural(w, "warning")),
        },
        Lang::Ja => match (errors, warnings) {
            (0, 0) => "問題なし".to_string(),
            (e, 0) => format!("エラー {e} 件"),
            (0, w) => format!("警告 {w} 件"),
            (e, w) => format!("エラー {e} 件、警告 {w} 件"),
        },
    }
}

/// The page's one-line verdict, announced politely:
/// "Release v1.2.3: 2 jobs, 14 artifacts, 3 images · 1 problem".
pub fn verdict(lang: Lang, tag: &str, s: Summary) -> String {
    let problems = match (lang, s.problems) {
        (Lang::En, 0) => "no problems".to_string(),
        (Lang::En, 1) => "1 problem".to_string(),
        (Lang::En, n) => format!("{n} problems"),
        (Lang::Ja, 0) => "問題なし".to_string(),
        (Lang::Ja, n) => format!("問題 {n} 件"),
    };
    if !s.triggered {
        return match lang {
            Lang::En => {
                format!("Release {tag}: the push does not trigger the workflow · {problems}")
            }
            Lang::Ja => {
                format!("リリース {tag}: プッシュしてもワークフローは起動しない · {problems}")
            }
        };
    }
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    match lang {
        Lang::En => {
            let mut jobs = plural(s.jobs, "job");
            let mut trouble = Vec::new();
            if s.failed > 0 {
                trouble.push(format!("{} failed", s.failed));
            }
            if s.skipped > 0 {
                trouble.push(format!("{} skipped", s.skipped));
            }
            if !trouble.is_empty() {
                jobs = format!("{jobs} ({})", trouble.join(", "));
            }
            let published = if s.artifacts == 0 && s.images == 0 {
                "nothing published".to_string()
            } else {
                format!(
                    "{}, {}",
                    plural(s.artifacts, "artifact"),
                    plural(s.images, "image")
                )
            };
            format!("Release {tag}: {jobs}, {published} · {problems}")
        }
        Lang::Ja => {
            let mut jobs = format!("ジョブ {} 個", s.jobs);
            let mut trouble = Vec::new();
            if s.failed > 0 {
                trouble.push(format!("失敗 {}", s.failed));
            }
            if s.skipped > 0 {
                trouble.push(format!("スキップ {}", s.skipped));
            }
            if !trouble.is_empty() {
                jobs = format!("{jobs}（{}）", trouble.join("・"));
            }
            let published = if s.artifacts == 0 && s.images == 0 {
                "何も公開されない".to_string()
            } else {
                format!("成果物 {} 個、イメージ {} 個", s.artifacts, s.images)
            };
            format!("リリース {tag}: {jobs}、{published} · {problems}")
        }
    }
}

/// "main.go, line 12" on a because-step's button; "main.go" for a step about the whole file.
pub fn place(lang: Lang, file: &str, line: usize) -> String {
    match (lang, line) {
        (_, 0) => file.to_string(),
        (Lang::En, n) => format!("{file}:{n}"),
        (Lang::Ja, n) => format!("{file}:{n}"),
    }
}

/// "6 files": how many uploads a checksums file lists.
pub fn checksum_cover(lang: Lang, n: usize) -> String {
    match lang {
        Lang::En => format!("{n} file{}", if n == 1 { "" } else { "s" }),
        Lang::Ja => format!("{n} ファイル"),
    }
}

/// "…and 3 more errors in the editors" under a capped list of file errors.
pub fn more_errors(lang: Lang, n: usize) -> String {
    match lang {
        Lang::En if n == 1 => "…and 1 more error, listed under its editor.".to_string(),
        Lang::En => format!("…and {n} more errors, listed under their editors."),
        Lang::Ja => format!("…ほかに {n} 件のエラーがあります（各エディタの下に一覧があります）。"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(
        triggered: bool,
        jobs: usize,
        failed: usize,
        skipped: usize,
        artifacts: usize,
        images: usize,
        problems: usize,
    ) -> Summary {
        Summary {
            triggered,
            jobs,
            failed,
            skipped,
            artifacts,
            images,
            problems,
        }
    }

    #[test]
    fn verdicts_count_jobs_artifacts_images_and_problems() {
        for (lang, summary, expected) in [
            (
                Lang::En,
                s(true, 3, 0, 0, 14, 2, 1),
                "Release v1.2.3: 3 jobs, 14 artifacts, 2 images · 1 problem",
            ),
            (
                Lang::En,
                s(true, 1, 0, 0, 1, 1, 0),
                "Release v1.2.3: 1 job, 1 artifact, 1 image · no problems",
            ),
            (
                Lang::En,
                s(true, 2, 1, 1, 0, 0, 2),
                "Release v1.2.3: 2 jobs (1 failed, 1 skipped), nothing published · 2 problems",
            ),
            (
                Lang::En,
                s(false, 2, 0, 2, 0, 0, 1),
                "Release v1.2.3: the push does not trigger the workflow · 1 problem",
            ),
            (
                Lang::Ja,
                s(true, 2, 0, 0, 14, 3, 1),
                "リリース v1.2.3: ジョブ 2 個、成果物 14 個、イメージ 3 個 · 問題 1 件",
            ),
            (
                Lang::Ja,
                s(true, 2, 1, 1, 0, 0, 0),
                "リリース v1.2.3: ジョブ 2 個（失敗 1・スキップ 1）、何も公開されない · 問題なし",
            ),
            (
                Lang::Ja,
                s(false, 2, 0, 2, 0, 0, 1),
                "リリース v1.2.3: プッシュしてもワークフローは起動しない · 問題 1 件",
            ),
        ] {
            assert_eq!(verdict(lang, "v1.2.3", summary), expected);
        }
    }

    #[test]
    fn every_choice_kind_and_count_has_words_in_both_languages() {
        for lang in Lang::ALL {
            for choice in HistoryChoice::ALL {
                assert!(!history_label(lang, choice).is_empty());
            }
            for kind in crate::playground::release::KIND_ORDER {
                assert!(!kind_title(lang, kind).is_empty());
            }
            assert_ne!(problems_label(lang, 1, 0), problems_label(lang, 0, 1));
            assert_eq!(place(lang, "main.go", 0), "main.go");
            assert!(more_errors(lang, 3).contains('3'));
            assert!(!rel_text(lang).file_errors_title.is_empty());
        }
        assert_ne!(more_errors(Lang::En, 1), more_errors(Lang::En, 2));
        assert_eq!(problems_label(Lang::En, 1, 2), "1 error, 2 warnings");
        assert_eq!(problems_label(Lang::Ja, 0, 0), "問題なし");
    }
}
