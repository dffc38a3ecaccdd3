//! Multi-platform builds (`docker buildx build --platform linux/amd64,linux/arm64`): per target
//! platform, the automatic ARGs, which stages run natively on the build platform
//! (`FROM --platform=$BUILDPLATFORM`) and which under QEMU emulation, whether the Go build
//! cross-compiles to the right architecture, and the resulting manifest list.
//!
//! Facts: domain-facts A.3 (automatic platform ARGs are global and need `ARG TARGETOS` inside a
//! stage; the canonical cross-compile pattern), D.3 (cgo is off when cross-compiling), and
//! `step-costs.tsv` for the emulation slow-down (an estimate).

use super::graph::{self, PlatformArgs};
use super::image::{self, stage_platform, FileKind};
use super::parser::ParsedDockerfile;
use super::{cache, knowledge, runtime, Options};
use serde::Serialize;

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PlatformStage {
    pub index: usize,
    pub name: Option<String>,
    /// The platform the stage's RUN steps execute on.
    pub runs_on: String,
    /// True when that differs from the build machine: RUN steps go through QEMU.
    pub emulated: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PlatformBuild {
    pub platform: String,
    pub automatic_args: Vec<(String, String)>,
    pub stages: Vec<PlatformStage>,
    /// GOOS/GOARCH of the Go binary in the final image, when there is one.
    pub binary_platform: Option<String>,
    /// True when the binary matches the platform of the image it ships in.
    pub binary_matches: bool,
    /// True when the binary was cross-compiled on the build platform (fast) rather than built
    /// under emulation.
    pub cross_compiled: bool,
    /// Estimated seconds of all RUN steps (emulated ones multiplied by the QEMU factor).
    pub run_seconds: f64,
    pub starts: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MultiPlatform {
    pub build_platform: String,
    pub builds: Vec<PlatformBuild>,
    /// The manifest list `buildx` pushes: one image per platform.
    pub manifest_list: Vec<String>,
}

/// Simulates the build once per requested platform.
pub fn simulate(parsed: &ParsedDockerfile, options: &Options) -> MultiPlatform {
    let build_platform = options.build_platform.clone();
    let build_arch = build_platform
        .split('/')
        .nth(1)
        .unwrap_or("amd64")
        .to_string();
    let factor = knowledge::step_cost("qemu", "factor").0 as f64;
    let mut builds = Vec::new();
    for target in options.platforms.iter().take(16) {
        let platform = PlatformArgs {
            build_platform: build_platform.clone(),
            target_platform: target.clone(),
        };
        let graph = graph::build(parsed, options, &platform);
        let images = image::simulate(&graph, options, &platform);
        let mut stages = Vec::new();
        let mut seconds = 0.0;
        for stage in graph.stages.iter().filter(|s| s.built) {
            let runs_on = stage_platform(stage, &platform);
            let emulated = runs_on.split('/').nth(1).unwrap_or("") != build_arch;
            for step in &stage.steps {
                if let graph::StepKind::Run {
                    command, mounts, ..
                } = &step.kind
                {
                    let cache_mount = mounts.iter().any(|m| m.kind == "cache");
                    seconds += cache::run_seconds(command, cache_mount)
                        * if emulated { factor } else { 1.0 };
                }
            }
            stages.push(PlatformStage {
                index: stage.index,
                name: stage.name.clone(),
                runs_on,
                emulated,
            });
        }
        let final_image = images.get(graph.target);
        let binary = final_image.and_then(|i| {
            i.files.values().rev().find_map(|f| match &f.kind {
                FileKind::GoBinary(b) => Some(b.clone()),
                _ => None,
            })
        });
        let binary_platform = binary.as_ref().map(|b| format!("{}/{}", b.goos, b.goarch));
        let target_arch = target.split('/').nth(1).unwrap_or("");
        let binary_matches = binary
            .as_ref()
            .is_none_or(|b| b.goarch == target_arch && b.goos == "linux");
        let cross_compiled = binary.as_ref().is_some_and(|b| {
            let built_in = graph
                .stages
                .iter()
                .find(|s| s.steps.iter().any(|st| st.line == b.line));
            built_in.is_some_and(|s| {
                let runs_on = stage_platform(s, &platform);
                runs_on.split('/').nth(1) != Some(b.goarch.as_str())
            })
        });
        let report = runtime::predict(&graph, &images, target);
        builds.push(PlatformBuild {
            platform: target.clone(),
            automatic_args: platform.automatic_args(),
            stages,
            binary_platform,
            binary_matches,
            cross_compiled,
            run_seconds: seconds,
            starts: report.starts,
        });
    }
    MultiPlatform {
        build_platform,
        manifest_list: builds.iter().map(|b| b.platform.clone()).collect(),
        builds,
    }
}
