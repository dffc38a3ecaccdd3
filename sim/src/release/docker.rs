//! The Dockerfile side of a release: the Dockerfile simulated once per image platform the
//! workflow builds, with what the cross-file checks need from it — the `COPY`s that read the
//! build context, the final image's base and C library, and the Go binaries it ends up with
//! (and the `-ldflags` each was built with, `ARG`s expanded).

use crate::dockerfile::graph::{self, BaseRef, BuildGraph, PlatformArgs, Source, StepKind};
use crate::dockerfile::image::{self, FileKind, GoBinary, StageImage};
use crate::dockerfile::knowledge::Libc;
use crate::dockerfile::shell::parse_command_line;
use crate::dockerfile::{self, expand, parser};

/// At most this many context `COPY`s are checked.
pub(crate) const MAX_COPIES: usize = 64;

/// At most this many platforms are simulated.
pub(crate) const MAX_PLATFORMS: usize = 8;

/// The Dockerfile built for one target platform.
pub(crate) struct PlatformBuild {
    pub platform: String,
    pub graph: BuildGraph,
    pub images: Vec<StageImage>,
}

/// The Dockerfile and its builds.
pub(crate) struct DockerSide {
    pub analysis: dockerfile::Analysis,
    pub builds: Vec<PlatformBuild>,
}

/// A `COPY`/`ADD` from the build context in a stage that is built.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct ContextCopy {
    pub line: usize,
    pub keyword: String,
    pub sources: Vec<String>,
    pub dest: String,
    pub dest_is_dir: bool,
    /// The stage is the final image (or one it is built FROM).
    pub in_final_image: bool,
}

/// A Go binary the final image contains, with how it was built.
pub(crate) struct ImageBinary {
    pub path: String,
    /// The line that put it in the final image (a `COPY --from`, or the `go build` itself).
    pub copied_at: usize,
    pub binary: GoBinary,
    /// `-ldflags` with `ARG`/`ENV` values expanded (`None`: no `-ldflags`); `unknown` is set when
    /// the value uses a command substitution only the build's shell could evaluate.
    pub ldflags: Option<String>,
    pub unknown: bool,
    pub package: String,
}

/// Simulates `source` for each of `platforms` (none: the build platform), with `build_args`;
/// `extra` platforms (those GoReleaser builds the file for) are simulated too, for the checks.
pub(crate) fn simulate(
    source: &str,
    platforms: &[String],
    extra: &[String],
    build_args: &[(String, String)],
    build_platform: &str,
) -> DockerSide {
    let options = dockerfile::Options {
        platforms: platforms.to_vec(),
        build_args: build_args.to_vec(),
        build_platform: build_platform.to_string(),
        ..dockerfile::Options::default()
    };
    let analysis = dockerfile::analyze(source, &options);
    let parsed = parser::parse(source);
    let mut targets: Vec<String> = if platforms.is_empty() {
        vec![build_platform.to_string()]
    } else {
        platforms.to_vec()
    };
    for platform in extra {
        if targets.len() >= MAX_PLATFORMS {
            break;
        }
        if !targets.contains(platform) {
            targets.push(platform.clone());
        }
    }
    // A hostile workflow may list hundreds of platforms; the page shows a handful.
    targets.truncate(MAX_PLATFORMS);
    let builds = targets
        .into_iter()
        .map(|platform| {
            let args = PlatformArgs {
                build_platform: build_platform.to_string(),
                target_platform: platform.clone(),
            };
            let graph = graph::build(&parsed, &options, &args);
            let images = image::simulate(&graph, &options, &args);
            PlatformBuild {
                platform,
                graph,
                images,
            }
        })
        .collect();
    DockerSide { analysis, builds }
}

impl DockerSide {
    /// The build for `platform`, else the first one (`COPY`s rarely depend on the platform).
    pub fn build_for(&self, platform: &str) -> Option<&PlatformBuild> {
        self.builds
            .iter()
            .find(|b| b.platform == platform)
            .or_else(|| self.builds.first())
    }
}

impl PlatformBuild {
    /// The target stage and the stages it is built FROM, target first.
    pub fn final_chain(&self) -> Vec<usize> {
        let mut chain = vec![self.graph.target];
        let mut current = self.graph.target;
        while let Some(BaseRef::Stage(parent)) = self.graph.stages.get(current).map(|s| &s.base_ref)
        {
            if *parent >= current || chain.len() > self.graph.stages.len() {
                break;
            }
            chain.push(*parent);
            current = *parent;
        }
        chain
    }

    /// Line of the `FROM` that starts the final image from an image or `scratch`.
    pub fn final_from_line(&self) -> usize {
        self.final_chain()
            .last()
            .and_then(|i| self.graph.stages.get(*i))
            .map_or(0, |s| s.line)
    }

    pub fn final_image(&self) -> Option<&StageImage> {
        self.images.get(self.graph.target)
    }

    /// The external image the final image starts from (`scratch` when empty).
    pub fn final_base(&self) -> String {
        self.final_image()
            .map_or_else(|| "scratch".to_string(), |i| i.root_image.clone())
    }

    /// The final image's C library, when the base is one the simulator knows.
    pub fn final_libc(&self) -> Option<Libc> {
        self.final_image()
            .and_then(|i| i.base_facts)
            .map(|b| b.libc)
    }

    /// Every `COPY`/`ADD` that reads the build context, in built stages, in file order.
    pub fn context_copies(&self) -> Vec<ContextCopy> {
        let chain = self.final_chain();
        let mut out = Vec::new();
        for stage in self.graph.stages.iter().filter(|s| s.built) {
            for step in &stage.steps {
                if let StepKind::Copy {
                    from: Source::Context,
                    sources,
                    dest,
                    dest_is_dir,
                    ..
                } = &step.kind
                {
                    out.push(ContextCopy {
                        line: step.line,
                        keyword: step.keyword.clone(),
                        sources: sources.iter().take(MAX_COPIES).cloned().collect(),
                        dest: dest.clone(),
                        dest_is_dir: *dest_is_dir,
                        in_final_image: chain.contains(&stage.index),
                    });
                }
            }
        }
        out.sort_by_key(|c| c.line);
        // Real Dockerfiles have a handful; the checks compare each with every context.
        out.truncate(MAX_COPIES);
        out
    }

    /// The Go binaries in the final image (each build once, by its `go build` line).
    pub fn binaries(&self) -> Vec<ImageBinary> {
        let Some(image) = self.final_image() else {
            return Vec::new();
        };
        let mut seen = Vec::new();
        let mut out = Vec::new();
        for fact in image.files.values() {
            let FileKind::GoBinary(binary) = &fact.kind else {
                continue;
            };
            if seen.contains(&binary.line) {
                continue;
            }
            seen.push(binary.line);
            let (ldflags, unknown, package) = self.ldflags_at(binary.line);
            out.push(ImageBinary {
                path: fact.path.clone(),
                copied_at: fact.line,
                binary: binary.clone(),
                ldflags,
                unknown,
                package,
            });
        }
        out
    }

    /// The `-ldflags` (expanded as the RUN's shell would) and package of the `go build` on `line`.
    fn ldflags_at(&self, line: usize) -> (Option<String>, bool, String) {
        for stage in &self.graph.stages {
            for step in stage.steps.iter().filter(|s| s.line == line) {
                let StepKind::Run { command, .. } = &step.kind else {
                    continue;
                };
                let parsed = parse_command_line(command);
                let Some(go) = parsed.commands.iter().find(|c| c.is("go", "build")) else {
                    continue;
                };
                let package = go
                    .operands_after("build")
                    .into_iter()
                    .rfind(|w| !w.contains('='))
                    .unwrap_or(".")
                    .to_string();
                let Some(raw) = image::ldflags_of(go) else {
                    return (None, false, package);
                };
                if raw.contains("$(") || raw.contains('`') {
                    return (Some(raw), true, package);
                }
                let env = &step.env;
                let expanded = expand::expand(&raw, '\\', &|name: &str| {
                    env.iter()
                        .rev()
                        .find(|(k, _)| k == name)
                        .map(|(_, v)| v.clone())
                });
                return (Some(expanded.value), expanded.error.is_some(), package);
            }
        }
        (None, false, ".".to_string())
    }
}

/// Whether a `COPY` source (relative to the context) selects `file`.
pub(crate) fn selects(source: &str, file: &str) -> bool {
    dockerfile::context::source_selects(source, file)
}
