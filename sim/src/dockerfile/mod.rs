//! The Dockerfile engine: BuildKit-faithful parsing, the stage graph, the image with layer sizes,
//! the layer-cache simulation of a second build, "will it run?", lint, and multi-platform builds.
//!
//! One entry point, [`analyze`], does everything; the browser calls it on every keystroke and the
//! `deploy-sim dockerfile --json` command prints its [`Analysis`] as JSON.
//!
//! Module map (each file says where its facts come from):
//! - [`parser`]: text → instructions + diagnostics (moby/buildkit `frontend/dockerfile/parser`);
//! - [`expand`]: `$VAR` expansion where Docker performs it (BuildKit's shell lexer);
//! - [`graph`]: stages, bases, `--from` edges, target, which stages are built, per-step state;
//! - [`image`] + [`knowledge`] + [`context`]: layers, sizes, the file model, `.dockerignore`;
//! - [`cache`]: cached or rebuilt, why, and how long;
//! - [`runtime`]: start-up failures of the final image;
//! - [`checks`]: BuildKit's build checks (the warnings `docker build` prints);
//! - [`lint`]: hadolint's rules and our `GDP###` lessons;
//! - [`platform`]: `--platform linux/amd64,linux/arm64`.

pub mod cache;
pub mod checks;
pub mod context;
pub mod expand;
pub mod graph;
pub mod image;
pub mod knowledge;
pub mod lint;
pub mod parser;
pub mod platform;
pub mod runtime;
pub mod shell;

use crate::diagnostic::Diagnostic;
use serde::Serialize;

/// What the learner chose besides the Dockerfile itself.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Options {
    /// `--target`: the stage to build (default: the last one).
    pub target: Option<String>,
    /// `--build-arg K=V`. For the cache simulation, a value that differs from the Dockerfile's
    /// default counts as changed since the first build.
    pub build_args: Vec<(String, String)>,
    /// Files of the build context that changed since the previous build (`main.go`, `go.sum`).
    pub changed_files: Vec<String>,
    /// `--platform` list; empty means a plain build for the build platform.
    pub platforms: Vec<String>,
    /// The machine running the build (BuildKit's BUILDPLATFORM).
    pub build_platform: String,
    /// The `.dockerignore` text, if the project has one.
    pub dockerignore: Option<String>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            target: None,
            build_args: Vec::new(),
            changed_files: Vec::new(),
            platforms: Vec::new(),
            build_platform: "linux/amd64".to_string(),
            dockerignore: None,
        }
    }
}

/// The target stage in the JSON output.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Target {
    pub index: usize,
    pub name: Option<String>,
}

/// Everything the engine knows about one Dockerfile. Its JSON is the CLI's `--json` output.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Analysis {
    pub directives: parser::Directives,
    pub instructions: Vec<parser::Instruction>,
    pub stages: Vec<graph::Stage>,
    pub target: Option<Target>,
    pub image: image::ImageSummary,
    pub cache: Vec<cache::CacheStep>,
    pub runtime: runtime::RuntimeReport,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub platforms: Option<platform::MultiPlatform>,
    pub diagnostics: Vec<Diagnostic>,
}

impl Analysis {
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }
}

/// Parses and simulates `source`. Never panics; problems are in `diagnostics`.
pub fn analyze(source: &str, options: &Options) -> Analysis {
    let parsed = parser::parse(source);
    let target_platform = options
        .platforms
        .first()
        .cloned()
        .unwrap_or_else(|| options.build_platform.clone());
    let platform_args = graph::PlatformArgs {
        build_platform: options.build_platform.clone(),
        target_platform: target_platform.clone(),
    };
    let graph = graph::build(&parsed, options, &platform_args);
    let images = image::simulate(&graph, options, &platform_args);
    let cache = cache::simulate(&graph, &images, options, &platform_args);
    let runtime = runtime::predict(&graph, &images, &target_platform);
    let lints = lint::lint(source, &parsed, &graph, &images, options);
    let build_checks = checks::check(&parsed, &graph, options);
    let platforms = (!options.platforms.is_empty()).then(|| platform::simulate(&parsed, options));

    let mut diagnostics = parsed.diagnostics.clone();
    if graph.stages.len() > image::MAX_SIMULATED_STAGES {
        diagnostics.push(Diagnostic::info(
            0,
            "GDP900",
            crate::text::Text::new(
                format!(
                    "{} stages: only the first {} are simulated (image, cache, will-it-run)",
                    graph.stages.len(),
                    image::MAX_SIMULATED_STAGES
                ),
                format!(
                    "ステージが {} 個あります。シミュレーション（イメージ・キャッシュ・起動判定）は最初の {} 個だけです",
                    graph.stages.len(),
                    image::MAX_SIMULATED_STAGES
                ),
            ),
        ));
    }
    diagnostics.extend(graph.diagnostics.iter().cloned());
    diagnostics.extend(build_checks);
    diagnostics.extend(lints);
    checks::apply_check_directive(parsed.directives.check.as_deref(), &mut diagnostics);
    diagnostics.sort_by_key(|d| d.line);

    let target = graph.stages.get(graph.target).map(|s| Target {
        index: s.index,
        name: s.name.clone(),
    });
    Analysis {
        directives: parsed.directives,
        instructions: parsed.instructions,
        image: image::summarize(&graph, &images),
        stages: graph.stages,
        target,
        cache,
        runtime,
        platforms,
        diagnostics,
    }
}
