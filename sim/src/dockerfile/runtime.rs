//! "Will it run?": predicts how the final image fails when a learner runs it, with the error text
//! they would meet, the line that causes it and the fix.
//!
//! Facts: domain-facts B.1 (what each base image contains), B.3 (cgo and the ELF interpreter:
//! `exec /server: no such file or directory`), A.6 (shell form needs `/bin/sh`), Go's x509 and
//! tzdata lookups (B.1 notes). Error texts are the ones runc/Docker print today.

use super::graph::{BaseRef, BuildGraph, StepKind};
use super::image::{FileKind, StageImage};
use crate::text::Text;
use serde::{Serialize, Serializer};

/// One predicted start-up or run-time problem.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RuntimeProblem {
    pub code: String,
    pub line: usize,
    /// True when the container cannot start (or dies immediately).
    pub fatal: bool,
    pub message: Text,
    /// What the learner sees in the terminal.
    pub error: String,
    pub fix: Text,
}

impl Serialize for RuntimeProblem {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("code", &self.code)?;
        map.serialize_entry("line", &self.line)?;
        map.serialize_entry("fatal", &self.fatal)?;
        map.serialize_entry("message", &self.message.en)?;
        map.serialize_entry("message_ja", &self.message.ja)?;
        map.serialize_entry("error", &self.error)?;
        map.serialize_entry("fix", &self.fix.en)?;
        map.serialize_entry("fix_ja", &self.fix.ja)?;
        map.end()
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RuntimeReport {
    pub starts: bool,
    /// The process the container runs (ENTRYPOINT + CMD), as Docker assembles it.
    pub command: Vec<String>,
    pub user: String,
    pub problems: Vec<RuntimeProblem>,
}

struct Launch {
    /// The argv Docker execs (shell form becomes `/bin/sh -c ...`).
    argv: Vec<String>,
    /// The line of the CMD/ENTRYPOINT that decided argv[0].
    line: usize,
    shell_form: bool,
}

/// Checks the target stage of `graph`. `target_platform` is the platform the image is for.
pub fn predict(graph: &BuildGraph, images: &[StageImage], target_platform: &str) -> RuntimeReport {
    let mut problems = Vec::new();
    let Some(stage) = graph.stages.get(graph.target) else {
        return RuntimeReport {
            starts: false,
            command: Vec::new(),
            user: "0".into(),
            problems,
        };
    };
    let Some(image) = images.get(graph.target) else {
        return RuntimeReport {
            starts: false,
            command: Vec::new(),
            user: "0".into(),
            problems,
        };
    };
    let chain = stage_chain(graph, graph.target);
    let launch = launch_of(graph, &chain);
    let user = stage.end_state.user.clone().unwrap_or_else(|| {
        image
            .base_facts
            .map(|b| b.user.clone())
            .unwrap_or_else(|| "0".to_string())
    });
    let user_line = last_line(graph, &chain, |k| matches!(k, StepKind::User { .. }));
    let workdir = match stage.end_state.workdir.as_str() {
        "/" => image
            .base_facts
            .map(|b| b.workdir.clone())
            .unwrap_or_else(|| "/".into()),
        w => w.to_string(),
    };
    let has_shell = image.has_kind(|k| matches!(k, FileKind::Shell));
    let modelled = image
        .layers
        .iter()
        .all(|l| !l.description.contains("not modelled"))
        && image.known_base;

    let Some(launch) = launch else {
        // alpine, debian, ubuntu and the golang images inherit a shell as their default command:
        // it starts and exits at once because `docker run` gives it no terminal.
        if let Some(shell) = image.base_facts.and_then(|b| b.shell.clone()) {
            problems.push(RuntimeProblem {
                code: "RT010".into(),
                line: stage.line,
                fatal: true,
                message: Text::new(
                    format!("No CMD or ENTRYPOINT: the container runs the base image's default shell ({shell}), which exits immediately. The server never starts."),
                    format!("CMD も ENTRYPOINT もないため、ベースイメージ既定のシェル（{shell}）が起動してすぐ終了します。サーバーは起動しません。"),
                ),
                error: "(the container exits with code 0 right away)".into(),
                fix: Text::new("Add ENTRYPOINT [\"/app/server\"].", "ENTRYPOINT [\"/app/server\"] を追加してください。"),
            });
            return finish(problems, vec![shell], user);
        }
        problems.push(RuntimeProblem {
            code: "RT008".into(),
            line: stage.line,
            fatal: true,
            message: Text::new(
                "The image has no CMD or ENTRYPOINT, so `docker run` has nothing to start.",
                "CMD も ENTRYPOINT もないので、docker run で起動するものがありません。",
            ),
            error: "docker: Error response from daemon: no command specified".into(),
            fix: Text::new(
                "Add ENTRYPOINT [\"/server\"].",
                "ENTRYPOINT [\"/server\"] を追加してください。",
            ),
        });
        return finish(problems, Vec::new(), user);
    };

    if launch.shell_form && !has_shell {
        problems.push(RuntimeProblem {
            code: "RT004".into(),
            line: launch.line,
            fatal: true,
            message: Text::new(
                "Shell-form CMD/ENTRYPOINT runs `/bin/sh -c ...`, but this image has no /bin/sh.",
                "シェル形式の CMD/ENTRYPOINT は /bin/sh -c で実行されますが、このイメージには /bin/sh がありません。",
            ),
            error: "exec: \"/bin/sh\": stat /bin/sh: no such file or directory: unknown".into(),
            fix: Text::new(
                "Use the JSON (exec) form: ENTRYPOINT [\"/server\"].",
                "JSON（exec）形式で書いてください: ENTRYPOINT [\"/server\"]",
            ),
        });
        return finish(problems, launch.argv, user);
    }

    // The program the container execs: argv[0] of exec form, or the first word of a shell form.
    let program = if launch.shell_form {
        launch
            .argv
            .get(2)
            .and_then(|c| {
                super::shell::parse_command_line(c)
                    .commands
                    .into_iter()
                    .next()
            })
            .and_then(|c| c.words.into_iter().next())
            .unwrap_or_default()
    } else {
        launch.argv.first().cloned().unwrap_or_default()
    };
    let path = resolve_program(&program, &workdir, image);
    match path.as_ref().and_then(|p| image.file(p)) {
        None if modelled && !program.is_empty() => {
            let shown = path.clone().unwrap_or_else(|| program.clone());
            let error = if program.contains('/') {
                format!("exec: \"{program}\": stat {shown}: no such file or directory: unknown")
            } else {
                format!("exec: \"{program}\": executable file not found in $PATH: unknown")
            };
            problems.push(RuntimeProblem {
                code: "RT007".into(),
                line: launch.line,
                fatal: true,
                message: Text::new(
                    format!("Nothing in the image creates {shown}: no step builds or copies a file there."),
                    format!("{shown} を作るステップがありません（ビルドもコピーもされていません）。"),
                ),
                error,
                fix: Text::new(
                    "Make the path match the `go build -o` output or the COPY destination.",
                    "go build -o の出力先か COPY のコピー先とパスを一致させてください。",
                ),
            });
        }
        Some(file) => {
            if let FileKind::GoBinary(binary) = &file.kind {
                let shown = path.clone().unwrap_or_default();
                let target_arch = target_platform.split('/').nth(1).unwrap_or("amd64");
                if binary.goarch != target_arch || binary.goos != "linux" {
                    problems.push(RuntimeProblem {
                        code: "RT005".into(),
                        line: binary.line,
                        fatal: true,
                        message: Text::new(
                            format!("The binary was built for {}/{} but the image is {target_platform}.", binary.goos, binary.goarch),
                            format!("バイナリは {}/{} 向けですが、イメージは {target_platform} です。", binary.goos, binary.goarch),
                        ),
                        error: format!("exec {shown}: exec format error"),
                        fix: Text::new(
                            "Build with GOOS=$TARGETOS GOARCH=$TARGETARCH (declare ARG TARGETOS TARGETARCH in the build stage).",
                            "GOOS=$TARGETOS GOARCH=$TARGETARCH でビルドしてください（ビルドステージで ARG TARGETOS TARGETARCH を宣言）。",
                        ),
                    });
                } else if let Some(loader) = &binary.loader {
                    if image.file(loader).is_none() {
                        problems.push(RuntimeProblem {
                            code: "RT001".into(),
                            line: binary.line,
                            fatal: true,
                            message: Text::new(
                                format!(
                                    "The binary is linked dynamically (cgo is on: {}) and needs {loader}, which this image does not have. The kernel reports the missing interpreter as if the binary itself were missing.",
                                    binary.cgo_reason.en
                                ),
                                format!(
                                    "バイナリは動的リンクされており（cgo が有効: {}）、{loader} が必要ですが、このイメージにはありません。カーネルはローダーがないことを「ファイルがない」と報告します。",
                                    binary.cgo_reason.ja
                                ),
                            ),
                            error: format!("exec {shown}: no such file or directory"),
                            fix: Text::new(
                                "Build with CGO_ENABLED=0 (a static binary), or use a base image with the same C library (e.g. gcr.io/distroless/base).",
                                "CGO_ENABLED=0 で静的バイナリにするか、同じ C ライブラリを持つベースイメージ（gcr.io/distroless/base など）を使ってください。",
                            ),
                        });
                    }
                }
                if !image.has_kind(|k| matches!(k, FileKind::CaCerts)) {
                    problems.push(RuntimeProblem {
                        code: "RT002".into(),
                        line: stage.line,
                        fatal: false,
                        message: Text::new(
                            "No CA certificates in the image: the server starts, but any HTTPS call it makes fails.",
                            "イメージに CA 証明書がありません。起動はしますが、HTTPS での外部呼び出しはすべて失敗します。",
                        ),
                        // Since Go 1.20 crypto/tls wraps the x509 error in a
                        // CertificateVerificationError (the reference's text lacked the prefix;
                        // e.g. pinniped's go1.20-tagged test helper expects this prefix).
                        error: "tls: failed to verify certificate: x509: certificate signed by unknown authority".into(),
                        fix: Text::new(
                            "COPY --from=builder /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/",
                            "COPY --from=builder /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/ を追加してください。",
                        ),
                    });
                }
                if !binary.embeds_tzdata && !image.has_kind(|k| matches!(k, FileKind::Zoneinfo)) {
                    problems.push(RuntimeProblem {
                        code: "RT003".into(),
                        line: stage.line,
                        fatal: false,
                        message: Text::new(
                            "No /usr/share/zoneinfo: time.LoadLocation fails for every zone except UTC.",
                            "/usr/share/zoneinfo がないため、UTC 以外の time.LoadLocation が失敗します。",
                        ),
                        error: "unknown time zone Asia/Tokyo".into(),
                        fix: Text::new(
                            "COPY --from=builder /usr/share/zoneinfo /usr/share/zoneinfo, or import _ \"time/tzdata\" (about 450 KB), or build with -tags timetzdata.",
                            "COPY --from=builder /usr/share/zoneinfo /usr/share/zoneinfo を追加するか、import _ \"time/tzdata\"（約 450 KB）か -tags timetzdata でビルドしてください。",
                        ),
                    });
                }
            }
        }
        None => {}
    }

    check_user(
        &user,
        user_line.unwrap_or(stage.line),
        image,
        graph,
        &chain,
        &mut problems,
    );
    finish(problems, launch.argv, user)
}

fn finish(problems: Vec<RuntimeProblem>, command: Vec<String>, user: String) -> RuntimeReport {
    RuntimeReport {
        starts: !problems.iter().any(|p| p.fatal),
        command,
        user,
        problems,
    }
}

/// The target stage and the stages it is built FROM, target first.
fn stage_chain(graph: &BuildGraph, target: usize) -> Vec<usize> {
    let mut chain = vec![target];
    let mut current = target;
    while let Some(BaseRef::Stage(parent)) = graph.stages.get(current).map(|s| &s.base_ref) {
        if *parent >= current || chain.len() > graph.stages.len() {
            break;
        }
        chain.push(*parent);
        current = *parent;
    }
    chain
}

fn last_line(
    graph: &BuildGraph,
    chain: &[usize],
    pred: impl Fn(&StepKind) -> bool,
) -> Option<usize> {
    chain.iter().find_map(|s| {
        graph.stages.get(*s).and_then(|stage| {
            stage
                .steps
                .iter()
                .rev()
                .find(|step| pred(&step.kind))
                .map(|step| step.line)
        })
    })
}

/// ENTRYPOINT and CMD as Docker combines them: the last of each in the stage chain; setting
/// ENTRYPOINT in a stage drops a CMD inherited from before it.
fn launch_of(graph: &BuildGraph, chain: &[usize]) -> Option<Launch> {
    let mut entrypoint: Option<(Vec<String>, bool, usize)> = None;
    let mut cmd: Option<(Vec<String>, bool, usize)> = None;
    for index in chain.iter().rev() {
        let Some(stage) = graph.stages.get(*index) else {
            continue;
        };
        for step in &stage.steps {
            match &step.kind {
                StepKind::Entrypoint { args, exec_form } => {
                    entrypoint = Some((args.clone(), *exec_form, step.line));
                    cmd = None;
                }
                StepKind::Cmd { args, exec_form } => {
                    cmd = Some((args.clone(), *exec_form, step.line))
                }
                _ => {}
            }
        }
    }
    let shellify = |(args, exec, line): (Vec<String>, bool, usize)| -> (Vec<String>, bool, usize) {
        if exec {
            (args, false, line)
        } else {
            (
                vec!["/bin/sh".into(), "-c".into(), args.join(" ")],
                true,
                line,
            )
        }
    };
    match (entrypoint.map(shellify), cmd.map(shellify)) {
        (Some((mut e, shell, line)), Some((c, _, _))) => {
            if !shell {
                e.extend(c);
            }
            Some(Launch {
                argv: e,
                line,
                shell_form: shell,
            })
        }
        (Some((e, shell, line)), None) | (None, Some((e, shell, line))) if !e.is_empty() => {
            Some(Launch {
                argv: e,
                line,
                shell_form: shell,
            })
        }
        _ => None,
    }
}

const PATH_DIRS: [&str; 6] = [
    "/usr/local/sbin",
    "/usr/local/bin",
    "/usr/sbin",
    "/usr/bin",
    "/sbin",
    "/bin",
];

fn resolve_program(program: &str, workdir: &str, image: &StageImage) -> Option<String> {
    if program.is_empty() {
        return None;
    }
    if program.contains('/') {
        return Some(super::graph::resolve_path(workdir, program));
    }
    PATH_DIRS
        .iter()
        .map(|d| format!("{d}/{program}"))
        .find(|p| image.file(p).is_some())
        .or_else(|| Some(format!("/usr/local/bin/{program}")))
}

fn is_root(user: &str) -> bool {
    let name = user.split(':').next().unwrap_or("");
    name.is_empty() || name == "root" || name == "0"
}

fn check_user(
    user: &str,
    line: usize,
    image: &StageImage,
    graph: &BuildGraph,
    chain: &[usize],
    problems: &mut Vec<RuntimeProblem>,
) {
    if is_root(user) {
        return;
    }
    let name = user.split(':').next().unwrap_or("");
    let numeric = name.chars().all(|c| c.is_ascii_digit());
    // Only the images we know: scratch has no /etc/passwd at all.
    let has_passwd = image.base_facts.is_some_and(|b| b.pattern != "scratch");
    if !numeric && !has_passwd && image.known_base {
        problems.push(RuntimeProblem {
            code: "RT009".into(),
            line,
            fatal: true,
            message: Text::new(
                format!(
                    "USER {user}: the image has no /etc/passwd, so the name cannot be resolved."
                ),
                format!(
                    "USER {user}: イメージに /etc/passwd がないため、ユーザー名を解決できません。"
                ),
            ),
            error: format!("unable to find user {name}: no matching entries in passwd file"),
            fix: Text::new(
                "Use a numeric id: USER 65532:65532.",
                "数値の ID を使ってください: USER 65532:65532",
            ),
        });
    }
    let low_port = chain.iter().find_map(|s| {
        graph.stages.get(*s).and_then(|stage| {
            stage.steps.iter().find_map(|step| match &step.kind {
                StepKind::Expose { ports } => ports
                    .iter()
                    .filter_map(|p| p.split('/').next().and_then(|n| n.parse::<u32>().ok()))
                    .find(|p| *p < 1024)
                    .map(|p| (p, step.line)),
                _ => None,
            })
        })
    });
    // Docker has set net.ipv4.ip_unprivileged_port_start=0 in a container's own network namespace
    // since 20.10 (moby/moby#41030; containerd 2.0 does the same for CRI pods), so the classic
    // "bind: permission denied" now only meets learners on host networking, CRI-O and older
    // runtimes: a warning, not a failure to start.
    if let Some((port, port_line)) = low_port {
        problems.push(RuntimeProblem {
            code: "RT006".into(),
            line: port_line,
            fatal: false,
            message: Text::new(
                format!(
                    "The server runs as non-root user {user} and listens on port {port} (< 1024). Docker 20.10+ allows this (it sets net.ipv4.ip_unprivileged_port_start=0 in the container), but host networking, CRI-O and older runtimes refuse it."
                ),
                format!(
                    "非 root ユーザー {user} でポート {port}（1024 未満）を待ち受けます。Docker 20.10 以降はコンテナ内で net.ipv4.ip_unprivileged_port_start=0 を設定するので動きますが、ホストネットワークや CRI-O、古いランタイムでは失敗します。"
                ),
            ),
            error: format!("listen tcp :{port}: bind: permission denied"),
            fix: Text::new("Listen on 8080 and map the port: docker run -p 80:8080.", "8080 で待ち受け、docker run -p 80:8080 で公開してください。"),
        });
    }
}
