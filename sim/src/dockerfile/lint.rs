//! Lint: hadolint's rules (same IDs, severities and trigger logic, read from hadolint
//! `src/Hadolint/Rule/DL*.hs` at commit 8f936c5e, v2.15.1, and checked against the real binary
//! with the recorded corpus in `sim/tests/data/dockerfiles`), plus our own `GDP###` rules for the
//! guide's lessons. ShellCheck's `SC####` findings are not reproduced.
//!
//! Our codes:
//! - `GDP001` the final image is a Go toolchain image (single-stage build shipped as runtime);
//! - `GDP002` `COPY . .` before `go mod download` (dependencies re-download on every edit);
//! - `GDP003` the whole context is copied and no `.dockerignore` was given;
//! - `GDP004` the shipped binary is built without `-ldflags="-s -w"`;
//! - `GDP005` a `#` after an instruction is not a comment (it becomes an argument);
//! - `GDP006` a shell-form RUN in a stage whose image has no `/bin/sh` (the build fails);
//! - `GDP007` `git describe`/`git rev-parse` in a RUN without `git` in the image or with `.git`
//!   kept out by `.dockerignore`: the version stamped into the binary comes out empty.

use super::graph::{BaseRef, BuildGraph, Source, StepKind};
use super::image::{ldflags_of, FileKind, StageImage};
use super::parser::{Instruction, ParsedDockerfile};
use super::shell::{parse_command_line, CommandLine};
use super::Options;
use crate::diagnostic::{Diagnostic, Severity};
use crate::text::Text;
use std::collections::{HashMap, HashSet};

/// Runs every rule. `source` is needed for `# hadolint ignore=` pragmas.
pub fn lint(
    source: &str,
    parsed: &ParsedDockerfile,
    graph: &BuildGraph,
    images: &[StageImage],
    options: &Options,
) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    hadolint_rules(&parsed.instructions, &mut out);
    guide_rules(parsed, graph, images, options, &mut out);
    let ignores = ignore_pragmas(source, &parsed.instructions);
    out.retain(|d| {
        !ignores
            .iter()
            .any(|(line, codes)| *line == d.line && codes.iter().any(|c| c == &d.code))
    });
    out
}

/// `# hadolint ignore=DL3006,DL3008` on the comment lines directly above an instruction.
fn ignore_pragmas(source: &str, instructions: &[Instruction]) -> Vec<(usize, Vec<String>)> {
    let lines: Vec<&str> = source.lines().collect();
    let mut out = Vec::new();
    for instruction in instructions {
        let mut codes = Vec::new();
        let mut index = instruction.line.saturating_sub(1);
        while index > 0 {
            let Some(text) = lines.get(index - 1).map(|l| l.trim()) else {
                break;
            };
            let Some(comment) = text.strip_prefix('#') else {
                break;
            };
            if let Some(list) = comment.trim().strip_prefix("hadolint ignore=") {
                codes.extend(list.split(',').map(|c| c.trim().to_string()));
            }
            index -= 1;
        }
        if !codes.is_empty() {
            out.push((instruction.line, codes));
        }
    }
    out
}

fn diag(
    line: usize,
    code: &str,
    severity: Severity,
    en: &str,
    ja: &str,
    fix: Option<(&str, &str)>,
) -> Diagnostic {
    let d = Diagnostic::new(line, code, severity, Text::new(en, ja));
    match fix {
        Some((en, ja)) => d.with_fix(Text::new(en, ja)),
        None => d,
    }
}

/// The RUN script hadolint analyses: the heredoc body when there is one, else the command.
fn run_script(instruction: &Instruction) -> String {
    match instruction.heredocs.first() {
        Some(h)
            if instruction
                .args
                .first()
                .is_some_and(|a| a.trim_start().starts_with("<<")) =>
        {
            h.content.clone()
        }
        _ => instruction.command_text(),
    }
}

/// `image[:tag][@digest]` as hadolint splits a FROM reference.
struct ImageRef {
    name: String,
    tag: Option<String>,
    digest: bool,
}

fn split_image(reference: &str) -> ImageRef {
    let (rest, digest) = match reference.split_once('@') {
        Some((r, _)) => (r, true),
        None => (reference, false),
    };
    let last_slash = rest.rfind('/').map_or(0, |i| i + 1);
    match rest.get(last_slash..).and_then(|tail| tail.rfind(':')) {
        Some(colon) => ImageRef {
            name: rest.get(..last_slash + colon).unwrap_or(rest).to_string(),
            tag: rest.get(last_slash + colon + 1..).map(str::to_string),
            digest,
        },
        None => ImageRef {
            name: rest.to_string(),
            tag: None,
            digest,
        },
    }
}

fn hadolint_rules(instructions: &[Instruction], out: &mut Vec<Diagnostic>) {
    let mut aliases: HashSet<String> = HashSet::new();
    let mut stage_count = 0usize;
    let mut current_alias: Option<String> = None;
    // DL3002: per stage, the line of a last USER that is root.
    let mut root_user_line: Option<usize> = None;
    let mut pipefail = false;
    let mut previous_run: Option<(Vec<String>, usize)> = None;
    // Whether WORKDIR was set, per stage key (alias or image name), inherited by `FROM <alias>`.
    let mut workdir_set: HashMap<String, bool> = HashMap::new();
    let mut current_stage_key = String::new();
    let mut cmd_seen = false;
    let mut entrypoint_seen = false;
    let mut healthcheck_seen = false;
    let mut declared_args: Vec<String> = Vec::new();
    // DL3009: (line, stage alias) of apt-get update without cleanup; reported for the last stage
    // and for stages used as a base later.
    let mut apt_lists: Vec<(usize, usize)> = Vec::new();
    let mut from_images: HashSet<String> = HashSet::new();
    let mut stage_aliases: Vec<Option<String>> = Vec::new();

    for instruction in instructions {
        let line = instruction.line;
        if instruction.keyword != "RUN" {
            previous_run = None;
        }
        match instruction.keyword.as_str() {
            "FROM" => {
                if let Some(l) = root_user_line.take() {
                    out.push(dl3002(l));
                }
                let reference = instruction.args.first().cloned().unwrap_or_default();
                let image = split_image(&reference);
                if image.name != "scratch"
                    && !image.digest
                    && image.tag.is_none()
                    && !image.name.starts_with('$')
                    && !aliases.contains(&image.name)
                {
                    out.push(diag(
                        line,
                        "DL3006",
                        Severity::Warning,
                        "Always tag the version of an image explicitly",
                        "イメージのバージョンタグを明示してください",
                        Some((
                            "Pin a tag, e.g. golang:1.22-alpine.",
                            "golang:1.22-alpine のようにタグを固定してください。",
                        )),
                    ));
                }
                if image.tag.as_deref() == Some("latest") && !image.digest {
                    out.push(diag(line, "DL3007", Severity::Warning,
                        "Using latest is prone to errors if the image will ever update. Pin the version explicitly to a release tag",
                        "latest タグはイメージ更新で壊れる原因になります。リリースのタグを明示してください",
                        Some(("Use a release tag such as alpine:3.19.", "alpine:3.19 のようなリリースタグを使ってください。"))));
                }
                let alias = match instruction.args.as_slice() {
                    [_, as_word, name] if as_word.eq_ignore_ascii_case("as") => Some(name.clone()),
                    _ => None,
                };
                if let Some(a) = &alias {
                    if aliases.contains(a) {
                        out.push(diag(
                            line,
                            "DL3024",
                            Severity::Error,
                            "FROM aliases (stage names) must be unique",
                            "FROM のエイリアス（ステージ名）は一意でなければなりません",
                            Some((
                                "Rename one of the stages.",
                                "どちらかのステージ名を変えてください。",
                            )),
                        ));
                    }
                    aliases.insert(a.clone());
                }
                let parent_key = image.name.clone();
                let parent_has_workdir = workdir_set.get(&parent_key).copied().unwrap_or(false);
                current_stage_key = alias.clone().unwrap_or_else(|| image.name.clone());
                workdir_set.insert(current_stage_key.clone(), parent_has_workdir);
                from_images.insert(image.name.clone());
                stage_aliases.push(alias.clone());
                current_alias = alias;
                stage_count += 1;
                pipefail = false;
                cmd_seen = false;
                entrypoint_seen = false;
            }
            "USER" => {
                let user = instruction.args.first().cloned().unwrap_or_default();
                let is_root = user.starts_with("root:")
                    || user.starts_with("0:")
                    || user == "root"
                    || user == "0";
                root_user_line = if is_root { Some(line) } else { None };
                let uid = user.split(':').next().unwrap_or("");
                let uses_arg = declared_args.iter().any(|a| {
                    user.contains(&format!("${{{a}}}")) || user.contains(&format!("${a}"))
                });
                if !uid.chars().all(|c| c.is_ascii_digit()) && !uses_arg {
                    out.push(diag(
                        line,
                        "DL3066",
                        Severity::Info,
                        "Non-numeric user-id may not be resolvable by host system",
                        "数値でないユーザー ID はホスト側で解決できない場合があります",
                        Some((
                            "Use a numeric uid:gid, e.g. USER 65532:65532.",
                            "USER 65532:65532 のように数値で指定してください。",
                        )),
                    ));
                }
            }
            "ARG" => {
                for word in &instruction.args {
                    declared_args.push(word.split('=').next().unwrap_or("").to_string());
                }
            }
            "WORKDIR" => {
                workdir_set.insert(current_stage_key.clone(), true);
                let path = instruction
                    .args
                    .first()
                    .map(|p| p.trim_matches(['"', '\'']))
                    .unwrap_or("");
                let windows_abs = path.chars().nth(1) == Some(':');
                if !path.starts_with('/') && !path.starts_with('$') && !windows_abs {
                    out.push(diag(
                        line,
                        "DL3000",
                        Severity::Error,
                        "Use absolute WORKDIR",
                        "WORKDIR は絶対パスで指定してください",
                        Some((
                            "Write WORKDIR /app.",
                            "WORKDIR /app のように書いてください。",
                        )),
                    ));
                }
            }
            "SHELL" => {
                let joined = instruction.args.join(" ");
                let non_posix = ["pwsh", "powershell", "cmd"]
                    .iter()
                    .any(|s| instruction.args.first().is_some_and(|a| a.starts_with(s)));
                let shell = instruction
                    .args
                    .first()
                    .map(|a| a.rsplit('/').next().unwrap_or(a))
                    .unwrap_or("");
                pipefail = non_posix
                    || (matches!(shell, "bash" | "zsh" | "ash")
                        && joined.contains("-o")
                        && instruction.args.iter().any(|a| a == "pipefail"));
            }
            "CMD" => {
                if cmd_seen {
                    out.push(diag(line, "DL4003", Severity::Warning,
                        "Multiple `CMD` instructions found. If you list more than one `CMD` then only the last `CMD` will take effect",
                        "CMD が複数あります。有効なのは最後の CMD だけです",
                        Some(("Keep only the last CMD.", "最後の CMD だけを残してください。"))));
                }
                cmd_seen = true;
                if !instruction.exec_form && !instruction.args.is_empty() {
                    out.push(dl3025(line));
                }
            }
            "ENTRYPOINT" => {
                if entrypoint_seen {
                    out.push(diag(line, "DL4004", Severity::Error,
                        "Multiple `ENTRYPOINT` instructions found. If you list more than one `ENTRYPOINT` then only the last `ENTRYPOINT` will take effect",
                        "ENTRYPOINT が複数あります。有効なのは最後の ENTRYPOINT だけです",
                        None));
                }
                entrypoint_seen = true;
                if !instruction.exec_form && !instruction.args.is_empty() {
                    out.push(dl3025(line));
                }
            }
            "HEALTHCHECK" => {
                if healthcheck_seen {
                    out.push(diag(
                        line,
                        "DL3012",
                        Severity::Error,
                        "Multiple `HEALTHCHECK` instructions",
                        "HEALTHCHECK が複数あります",
                        None,
                    ));
                }
                healthcheck_seen = true;
                if instruction
                    .args
                    .first()
                    .is_some_and(|a| a.eq_ignore_ascii_case("CMD"))
                    && !instruction.exec_form
                {
                    out.push(dl3025(line));
                }
            }
            "COPY" => {
                copy_rules(
                    instruction,
                    &aliases,
                    stage_count,
                    current_alias.as_deref(),
                    out,
                );
                let has_workdir = workdir_set
                    .get(&current_stage_key)
                    .copied()
                    .unwrap_or(false);
                let dest = instruction
                    .args
                    .last()
                    .map(|d| d.trim_matches(['"', '\'']))
                    .unwrap_or("");
                let windows_abs = dest.chars().nth(1) == Some(':');
                if instruction.args.len() >= 2
                    && !has_workdir
                    && !dest.starts_with('/')
                    && !dest.starts_with('$')
                    && !windows_abs
                {
                    out.push(diag(
                        line,
                        "DL3045",
                        Severity::Warning,
                        "`COPY` to a relative destination without `WORKDIR` set.",
                        "WORKDIR を設定しないまま相対パスへ COPY しています。",
                        Some((
                            "Set WORKDIR /app first, or copy to an absolute path.",
                            "先に WORKDIR /app を設定するか、絶対パスへコピーしてください。",
                        )),
                    ));
                }
            }
            "ADD" => {
                let sources = instruction.args.split_last().map(|(_, s)| s).unwrap_or(&[]);
                let archive = |s: &str| {
                    let s = s.trim_matches(['"', '\'']);
                    [
                        ".tar", ".tar.gz", ".tgz", ".tar.bz2", ".tbz2", ".tar.xz", ".txz",
                        ".tar.zst", ".tar.Z", ".tb2", ".tz2", ".gz", ".bz2", ".xz", ".zst",
                    ]
                    .iter()
                    .any(|ext| s.ends_with(ext))
                        || s.starts_with("https://")
                        || s.starts_with("http://")
                };
                if !sources.iter().all(|s| archive(s)) {
                    out.push(diag(
                        line,
                        "DL3020",
                        Severity::Error,
                        "Use COPY instead of ADD for files and folders",
                        "ファイルやフォルダのコピーには ADD ではなく COPY を使ってください",
                        Some((
                            "Replace ADD with COPY.",
                            "ADD を COPY に置き換えてください。",
                        )),
                    ));
                }
            }
            "RUN" => {
                let script = run_script(instruction);
                let commands = parse_command_line(&script);
                run_rules(line, &commands, instruction, out);
                if commands.has_pipe && !pipefail {
                    out.push(diag(line, "DL4006", Severity::Warning,
                        "Set the SHELL option -o pipefail before RUN with a pipe in it. If you are using /bin/sh in an alpine image or if your shell is symlinked to busybox then consider explicitly setting your SHELL to /bin/ash, or disable this check",
                        "パイプを含む RUN の前に SHELL で -o pipefail を設定してください（alpine の /bin/sh なら SHELL [\"/bin/ash\", \"-eo\", \"pipefail\", \"-c\"]）",
                        Some(("SHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]", "SHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"] を RUN の前に書いてください"))));
                }
                if let Some(update) = commands.commands.iter().find(|c| {
                    c.is("apt-get", "update") || c.is("apt", "update") || c.is("aptitude", "update")
                }) {
                    let _ = update;
                    let cleanup = commands.commands.iter().any(|c| {
                        c.name() == "rm"
                            && c.args().iter().any(|a| a == "-rf")
                            && c.args().iter().any(|a| a == "/var/lib/apt/lists/*")
                    });
                    let mounted = instruction.flag_values("mount").any(|m| {
                        (m.contains("type=cache") || m.contains("type=tmpfs"))
                            && m.contains("/var/lib/apt")
                    });
                    if !cleanup && !mounted {
                        apt_lists.push((line, stage_count.saturating_sub(1)));
                    }
                }
                // DL3059: hadolint 2.15.1 only fires when both RUNs are a single command and use
                // the same flags (observed with the real binary: `RUN a && b` then `RUN c` does
                // not fire, although the rule's source reads "> 2").
                let count = commands.commands.len();
                if let Some((flags, previous_count)) = &previous_run {
                    if *flags == instruction.flags && *previous_count <= 1 && count <= 1 {
                        out.push(diag(
                            line,
                            "DL3059",
                            Severity::Info,
                            "Multiple consecutive `RUN` instructions. Consider consolidation.",
                            "RUN が連続しています。一つにまとめることを検討してください。",
                            Some((
                                "Join the commands with && in one RUN.",
                                "&& でつないで一つの RUN にまとめてください。",
                            )),
                        ));
                    }
                }
                previous_run = Some((instruction.flags.clone(), count));
            }
            "ONBUILD" => {
                if let Some(inner) = &instruction.inner {
                    if inner.keyword == "RUN" {
                        let commands = parse_command_line(&run_script(inner));
                        run_rules(line, &commands, inner, out);
                    }
                }
            }
            _ => {}
        }
    }
    if let Some(l) = root_user_line.take() {
        out.push(dl3002(l));
    }
    let last_stage = stage_count.saturating_sub(1);
    for (line, stage) in apt_lists {
        let used_later = stage_aliases
            .get(stage)
            .and_then(|a| a.as_ref())
            .is_some_and(|alias| from_images.contains(alias));
        if stage == last_stage || used_later {
            out.push(diag(
                line,
                "DL3009",
                Severity::Info,
                "Delete the apt lists (/var/lib/apt/lists) after installing something",
                "インストール後に apt のリスト（/var/lib/apt/lists）を削除してください",
                Some((
                    "End the RUN with && rm -rf /var/lib/apt/lists/*",
                    "同じ RUN の最後に && rm -rf /var/lib/apt/lists/* を付けてください",
                )),
            ));
        }
    }
    out.sort_by_key(|d| d.line);
}

fn dl3002(line: usize) -> Diagnostic {
    diag(
        line,
        "DL3002",
        Severity::Warning,
        "Last USER should not be root",
        "最後の USER が root です",
        Some((
            "Switch to an unprivileged user, e.g. USER 65532:65532.",
            "USER 65532:65532 のように非特権ユーザーに切り替えてください。",
        )),
    )
}

fn dl3025(line: usize) -> Diagnostic {
    diag(
        line,
        "DL3025",
        Severity::Warning,
        "Use arguments JSON notation for CMD and ENTRYPOINT arguments",
        "CMD と ENTRYPOINT の引数は JSON 形式で書いてください",
        Some((
            "Write ENTRYPOINT [\"/server\"].",
            "ENTRYPOINT [\"/server\"] のように書いてください。",
        )),
    )
}

fn copy_rules(
    instruction: &Instruction,
    aliases: &HashSet<String>,
    stage_count: usize,
    current: Option<&str>,
    out: &mut Vec<Diagnostic>,
) {
    let line = instruction.line;
    if let Some(from) = instruction.flag("from") {
        let from = from.trim_matches(['"', '\'']);
        if current == Some(from) {
            out.push(diag(
                line,
                "DL3023",
                Severity::Error,
                "`COPY --from` cannot reference its own `FROM` alias",
                "COPY --from で自分自身のステージは参照できません",
                None,
            ));
        } else if !from.contains(':')
            && !aliases.contains(from)
            && !from.parse::<usize>().is_ok_and(|n| n < stage_count)
        {
            out.push(diag(
                line,
                "DL3022",
                Severity::Warning,
                "`COPY --from` should reference a previously defined `FROM` alias",
                "COPY --from は前に定義したステージ名を参照してください",
                Some((
                    "Define the stage with FROM ... AS name before this COPY.",
                    "この COPY より前に FROM ... AS 名前 でステージを定義してください。",
                )),
            ));
        }
    }
    if instruction.args.len() > 2 {
        let dest = instruction
            .args
            .last()
            .map(|d| d.trim_matches(['"', '\'']))
            .unwrap_or("");
        if !dest.ends_with('/') {
            out.push(diag(
                line,
                "DL3021",
                Severity::Error,
                "COPY with more than 2 arguments requires the last argument to end with /",
                "3 つ以上の引数を持つ COPY では、最後の引数（コピー先）を / で終える必要があります",
                Some((
                    "End the destination with /, e.g. ./",
                    "コピー先を ./ のように / で終えてください。",
                )),
            ));
        }
    }
}

/// Rules on the shell commands of a RUN (also applied to ONBUILD RUN, like hadolint).
fn run_rules(
    line: usize,
    commands: &CommandLine,
    instruction: &Instruction,
    out: &mut Vec<Diagnostic>,
) {
    let apk_adds: Vec<_> = commands
        .commands
        .iter()
        .filter(|c| c.name() == "apk" && c.args().iter().any(|a| a == "add"))
        .collect();
    if !apk_adds.is_empty() {
        let unpinned = apk_adds.iter().any(|c| {
            packages_without_flag_args(c.args(), "add", &["-t", "--virtual", "--repository", "-X"])
                .iter()
                .any(|p| !p.contains(['=', '~', '>', '<']) && !p.ends_with(".apk"))
        });
        if unpinned {
            out.push(diag(line, "DL3018", Severity::Warning,
                "Pin versions in apk add. Instead of `apk add <package>` use `apk add <package>=<version>`",
                "apk add ではバージョンを固定してください（apk add <パッケージ>=<バージョン>）",
                Some(("apk add --no-cache git=2.43.0-r0", "apk add --no-cache git=2.43.0-r0 のように書いてください"))));
        }
        let cache_mount = instruction.flag_values("mount").any(|m| {
            (m.contains("type=cache") || m.contains("type=tmpfs")) && m.contains("/var/cache/apk")
        });
        if !cache_mount && apk_adds.iter().any(|c| !c.has_flag("--no-cache")) {
            out.push(diag(line, "DL3019", Severity::Info,
                "Use the `--no-cache` switch to avoid the need to use `--update` and remove `/var/cache/apk/*` when done installing packages",
                "apk add には --no-cache を付けてください（--update や /var/cache/apk/* の削除が不要になります）",
                Some(("apk add --no-cache ...", "apk add --no-cache ... と書いてください"))));
        }
    }
    let apt_installs: Vec<_> = commands
        .commands
        .iter()
        .filter(|c| c.name() == "apt-get" && c.args().iter().any(|a| a == "install"))
        .collect();
    if !apt_installs.is_empty() {
        let unpinned = apt_installs.iter().any(|c| {
            packages_without_flag_args(c.args(), "install", &["-t", "--target-release"])
                .iter()
                .any(|p| !p.contains('=') && !p.contains('/') && !p.ends_with(".deb"))
        });
        if unpinned {
            out.push(diag(line, "DL3008", Severity::Warning,
                "Pin versions in apt get install. Instead of `apt-get install <package>` use `apt-get install <package>=<version>`",
                "apt-get install ではバージョンを固定してください（<パッケージ>=<バージョン>）",
                None));
        }
        if apt_installs.iter().any(|c| {
            !c.has_flag("--no-install-recommends")
                && !c
                    .args()
                    .iter()
                    .any(|a| a == "APT::Install-Recommends=false")
        }) {
            out.push(diag(
                line,
                "DL3015",
                Severity::Info,
                "Avoid additional packages by specifying `--no-install-recommends`",
                "--no-install-recommends を付けて余計なパッケージを避けてください",
                Some((
                    "apt-get install -y --no-install-recommends ...",
                    "apt-get install -y --no-install-recommends ... と書いてください",
                )),
            ));
        }
    }
    if instruction.keyword == "RUN" && commands.commands.iter().any(|c| c.name() == "cd") {
        out.push(diag(
            line,
            "DL3003",
            Severity::Warning,
            "Use WORKDIR to switch to a directory",
            "ディレクトリの移動には cd ではなく WORKDIR を使ってください",
            Some(("WORKDIR /src", "WORKDIR /src のように書いてください")),
        ));
    }
}

/// Non-flag arguments after `sub`, skipping the values of the listed flags.
fn packages_without_flag_args<'a>(
    args: &'a [String],
    sub: &str,
    flags_with_value: &[&str],
) -> Vec<&'a str> {
    let mut out = Vec::new();
    let mut skip_next = false;
    for arg in args {
        if skip_next {
            skip_next = false;
            continue;
        }
        if flags_with_value.contains(&arg.as_str()) {
            skip_next = true;
            continue;
        }
        if arg.starts_with('-') || arg == sub {
            continue;
        }
        out.push(arg.as_str());
    }
    out
}

fn guide_rules(
    parsed: &ParsedDockerfile,
    graph: &BuildGraph,
    images: &[StageImage],
    options: &Options,
    out: &mut Vec<Diagnostic>,
) {
    // GDP005: `#` after an instruction is an argument, not a comment (except in RUN, where the
    // shell treats it as a comment).
    for instruction in &parsed.instructions {
        if matches!(
            instruction.keyword.as_str(),
            "RUN" | "CMD" | "ENTRYPOINT" | "HEALTHCHECK" | "SHELL" | "ONBUILD"
        ) {
            continue;
        }
        if !instruction.exec_form
            && instruction
                .args
                .iter()
                .any(|a| a.starts_with('#') || a.contains(" #"))
        {
            out.push(diag(instruction.line, "GDP005", Severity::Warning,
                "`#` is only a comment at the start of a line: here it and the words after it become arguments of the instruction (a COPY then fails: \"/#\": not found)",
                "# が行頭にないのでコメントになりません。# 以降の語も命令の引数になります（COPY なら \"/#\": not found で失敗します）",
                Some(("Move the comment to its own line above the instruction.", "コメントは命令の上の行に移してください。"))));
        }
    }

    let Some(target) = graph.stages.get(graph.target) else {
        return;
    };
    let target_image = images.get(graph.target);

    // GDP001: the image that ships is a Go toolchain image.
    if let Some(image) = target_image {
        let toolchain = image
            .base_facts
            .is_some_and(|b| b.pattern.starts_with("golang:"));
        let builds_go = image.has_kind(|k| matches!(k, FileKind::GoBinary(_)));
        if toolchain && builds_go {
            let root_line = root_from_line(graph, graph.target);
            out.push(diag(root_line, "GDP001", Severity::Warning,
                &format!("The final image is the Go toolchain image ({} MB): compiler, sources and caches ship with the binary", image.size_bytes / 1_000_000),
                &format!("最終イメージが Go のビルド環境（{} MB）です。コンパイラやソース、キャッシュまで一緒に配布されます", image.size_bytes / 1_000_000),
                Some(("Use a multi-stage build: build in golang:1.22-alpine AS builder, then COPY --from=builder the binary into gcr.io/distroless/static-debian12.",
                      "マルチステージビルドにしてください: golang:1.22-alpine AS builder でビルドし、バイナリだけを COPY --from=builder で gcr.io/distroless/static-debian12 に入れます。"))));
        }
    }

    for stage in graph.stages.iter().filter(|s| s.built) {
        let mut whole_context_copy: Option<usize> = None;
        let mut go_mod_copied = false;
        for step in &stage.steps {
            match &step.kind {
                StepKind::Copy {
                    from: Source::Context,
                    sources,
                    ..
                } => {
                    if sources.iter().any(|s| s == "." || s == "./") {
                        whole_context_copy.get_or_insert(step.line);
                        if options.dockerignore.is_none() {
                            out.push(diag(step.line, "GDP003", Severity::Info,
                                "The whole build context is copied and no .dockerignore was given: .git, local binaries and notes go into the layer, and any commit busts the cache",
                                "ビルドコンテキスト全体をコピーしていますが .dockerignore がありません。.git やローカルのバイナリも層に入り、コミットのたびにキャッシュが無効になります",
                                Some((".dockerignore: .git, bin/, *.md, Dockerfile", ".dockerignore に .git、bin/、*.md、Dockerfile などを書いてください"))));
                        }
                    }
                    if sources.iter().any(|s| s.ends_with("go.mod")) && whole_context_copy.is_none()
                    {
                        go_mod_copied = true;
                    }
                }
                StepKind::Run { command, .. } => {
                    let line = parse_command_line(command);
                    let downloads = line.commands.iter().any(|c| c.is("go", "mod"));
                    let builds = line.commands.iter().any(|c| c.is("go", "build"));
                    if let Some(copy_line) = whole_context_copy {
                        if (downloads || builds) && !go_mod_copied {
                            out.push(diag(copy_line, "GDP002", Severity::Warning,
                                "`COPY . .` comes before the module download: every source edit re-downloads all dependencies",
                                "go mod download より前に COPY . . があるため、ソースを変えるたびに依存をすべて再ダウンロードします",
                                Some(("COPY go.mod go.sum ./ then RUN go mod download, and only then COPY . .",
                                      "先に COPY go.mod go.sum ./ と RUN go mod download を書き、その後で COPY . . してください"))));
                            go_mod_copied = true;
                        }
                    }
                    if downloads && whole_context_copy.is_none() {
                        go_mod_copied = true;
                    }
                    let asks_git =
                        command.contains("git describe") || command.contains("git rev-parse");
                    if asks_git {
                        let git_ignored = options.dockerignore.as_deref().is_some_and(|d| {
                            super::context::DockerIgnore::parse(d).excludes(".git/HEAD")
                        });
                        let no_git = images
                            .get(stage.index)
                            .is_some_and(|i| !i.has_git && i.known_base);
                        let why = if no_git {
                            Some((
                                "there is no git in this stage's image (sh: git: not found)",
                                "このステージのイメージに git がありません（sh: git: not found）",
                            ))
                        } else if git_ignored {
                            Some((".dockerignore keeps .git out of the context (fatal: not a git repository)", ".dockerignore で .git がコンテキストから除外されています（fatal: not a git repository）"))
                        } else {
                            None
                        };
                        if let Some((en, ja)) = why {
                            out.push(diag(step.line, "GDP007", Severity::Warning,
                                &format!("The version comes from git, but {en}: the command substitution prints nothing and the binary's version is empty"),
                                &format!("バージョンを git から取得していますが、{ja}。コマンド置換は空になり、バイナリのバージョンが空になります"),
                                Some(("Pass the version in: ARG VERSION and -ldflags \"-X main.version=${VERSION}\", built with --build-arg VERSION=$(git describe --tags).",
                                      "バージョンは外から渡してください: ARG VERSION と -ldflags \"-X main.version=${VERSION}\" にして --build-arg VERSION=$(git describe --tags) でビルドします。"))));
                        }
                    }
                    if let Some(image) = images.get(stage.index) {
                        if image.base_facts.is_some_and(|b| b.shell.is_none())
                            && !step.instruction.exec_form
                            && !image.has_kind(|k| matches!(k, FileKind::Shell))
                        {
                            out.push(diag(step.line, "GDP006", Severity::Error,
                                "RUN in shell form needs /bin/sh, and this stage's image has none: the build fails here",
                                "シェル形式の RUN には /bin/sh が必要ですが、このステージのイメージにはありません。ここでビルドが失敗します",
                                Some(("Run commands in the builder stage and COPY the results in.", "コマンドはビルドステージで実行し、結果を COPY してください。"))));
                        }
                    }
                }
                _ => {}
            }
        }
    }

    // GDP004: the binary that ships is not stripped.
    if let Some(image) = target_image {
        for file in image.files.values() {
            if let FileKind::GoBinary(binary) = &file.kind {
                if !binary.stripped {
                    let has_ldflags = graph
                        .stages
                        .iter()
                        .flat_map(|s| s.steps.iter())
                        .find(|s| s.line == binary.line)
                        .map(|s| {
                            let line = parse_command_line(&s.instruction.command_text());
                            line.commands
                                .iter()
                                .find(|c| c.is("go", "build"))
                                .and_then(ldflags_of)
                                .is_some()
                        })
                        .unwrap_or(false);
                    let what = if has_ldflags {
                        "-ldflags without -s -w"
                    } else {
                        "no -ldflags"
                    };
                    out.push(diag(binary.line, "GDP004", Severity::Info,
                        &format!("The shipped binary is built with {what}: symbol table and DWARF add about 2.3 MB (7.2 MB instead of 4.9 MB)"),
                        &format!("配布するバイナリが {what} でビルドされています。シンボル表と DWARF で約 2.3 MB 増えます（4.9 MB → 7.2 MB）"),
                        Some(("go build -ldflags=\"-s -w\" ...", "go build -ldflags=\"-s -w\" ... としてください"))));
                    break;
                }
            }
        }
    }
    let _ = target;
}

/// The FROM line at the root of a stage's base chain.
fn root_from_line(graph: &BuildGraph, index: usize) -> usize {
    let mut current = index;
    for _ in 0..graph.stages.len() {
        match graph.stages.get(current).map(|s| &s.base_ref) {
            Some(BaseRef::Stage(parent)) if *parent < current => current = *parent,
            _ => break,
        }
    }
    graph.stages.get(current).map_or(0, |s| s.line)
}
