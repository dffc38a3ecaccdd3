//! What the run publishes: the GoReleaser job's release, every image reference with its
//! platforms and whether this run really pushes it, and the released binaries with what each
//! reports on `/version`.

use super::builds::version_json;
use super::model::{
    BinarySource, GoReleaserRun, ImagePush, ImageSource, JobReport, ProjectFile, ReleasedBinary,
    Trigger,
};
use super::pipeline::split_reference;
use super::Project;
use crate::goreleaser::{matrix::parse_target, template, ArtifactKind};
use crate::workflow::Status;
use crate::yaml::PathSegment;

/// At most this many image references are listed (a release pushes a handful).
pub(crate) const MAX_IMAGES: usize = 256;

fn job_succeeds(jobs: &[JobReport], id: &str) -> bool {
    let mut runs = jobs.iter().filter(|j| j.id == id).peekable();
    runs.peek().is_some() && runs.all(|j| j.status == Status::Success)
}

/// `linux_amd64_v1` / `linux_arm_7` / `linux_amd64` (dockers_v2) → `linux/amd64`, `linux/arm/v7`.
fn platform_of_target(target: &str) -> String {
    match parse_target(target) {
        Ok(t) if t.goarch == "arm" && !t.goarm.is_empty() => {
            format!("{}/arm/v{}", t.goos, t.goarm)
        }
        Ok(t) => format!("{}/{}", t.goos, t.goarch),
        Err(_) => target.replace('_', "/"),
    }
}

/// The GoReleaser job's release.
pub(crate) fn goreleaser_run(
    project: &Project,
    trigger: &Trigger,
    jobs: &[JobReport],
) -> Option<GoReleaserRun> {
    let g = project.goreleaser.as_ref()?;
    let step = project.goreleaser_step();
    let published = step.is_some_and(|s| {
        trigger.triggered && !s.snapshot && !s.skip_publish && job_succeeds(jobs, &s.job)
    });
    Some(GoReleaserRun {
        job: step.map(|s| s.job.clone()),
        published,
        snapshot: step.is_some_and(|s| s.snapshot),
        project_name: g.analysis.project_name.clone(),
        version: g.analysis.version.clone(),
        previous_tag: g.previous_tag.clone(),
        artifacts: g.analysis.artifacts.clone(),
        changelog: g.analysis.changelog.clone(),
        check: g.analysis.check.clone(),
    })
}

fn section_line(project: &Project, key: &str) -> usize {
    project
        .goreleaser
        .as_ref()
        .and_then(|g| g.index.locate(&[PathSegment::key(key)]))
        .map_or(0, |(line, _)| line)
}

/// Every image reference the run publishes (or would, when its job runs).
pub(crate) fn images(project: &Project, trigger: &Trigger, jobs: &[JobReport]) -> Vec<ImagePush> {
    let mut out: Vec<ImagePush> = Vec::new();
    if let Some(g) = &project.goreleaser {
        let step = project.goreleaser_step();
        let published = step.is_some_and(|s| {
            trigger.triggered && !s.snapshot && !s.skip_publish && job_succeeds(jobs, &s.job)
        });
        let job = step.map(|s| s.job.clone());
        let artifacts = &g.analysis.artifacts;
        // Legacy manifests: the rendered image_templates they combine.
        let manifests: Vec<(String, Vec<String>)> = g
            .config
            .docker_manifests
            .iter()
            .take(MAX_IMAGES)
            .filter_map(|m| {
                let name = template::apply(m.name_template.as_deref()?, &g.fields).ok()?;
                let images = m
                    .image_templates
                    .iter()
                    .filter_map(|t| template::apply(t, &g.fields).ok())
                    .collect();
                Some((name, images))
            })
            .collect();
        for artifact in artifacts {
            let manifest = artifact.kind == ArtifactKind::DockerManifest;
            if artifact.kind != ArtifactKind::DockerImage && !manifest {
                continue;
            }
            let key = if !g.config.dockers_v2.is_empty() {
                "dockers_v2"
            } else if manifest {
                "docker_manifests"
            } else {
                "dockers"
            };
            let platforms: Vec<String> = if manifest {
                let combined = manifests
                    .iter()
                    .find(|(name, _)| *name == artifact.name)
                    .map(|(_, images)| images.clone())
                    .unwrap_or_else(|| vec![artifact.name.clone()]);
                let mut platforms: Vec<String> = Vec::new();
                for a in artifacts
                    .iter()
                    .filter(|a| a.kind == ArtifactKind::DockerImage && combined.contains(&a.name))
                {
                    if let Some(p) = a.target.as_deref().map(platform_of_target) {
                        if !platforms.contains(&p) {
                            platforms.push(p);
                        }
                    }
                }
                platforms
            } else {
                artifact
                    .target
                    .as_deref()
                    .map(platform_of_target)
                    .into_iter()
                    .collect()
            };
            if out.len() >= MAX_IMAGES {
                break;
            }
            if let Some(existing) = out
                .iter_mut()
                .find(|i| i.source == ImageSource::GoReleaser && i.reference == artifact.name)
            {
                // dockers_v2: one entry per platform plus the manifest list, same name.
                for p in platforms {
                    if !existing.platforms.contains(&p) {
                        existing.platforms.push(p);
                    }
                }
                existing.manifest |= manifest;
                continue;
            }
            let (repository, tag) = split_reference(&artifact.name);
            out.push(ImagePush {
                reference: artifact.name.clone(),
                repository,
                tag,
                platforms,
                manifest,
                source: ImageSource::GoReleaser,
                job: job.clone(),
                file: ProjectFile::GoReleaser,
                line: section_line(project, key),
                pushed: published && artifact.uploaded,
            });
        }
    }
    if let Some(workflow) = &project.workflow {
        for step in &workflow.docker_builds {
            let pushed = trigger.triggered && step.push && job_succeeds(jobs, &step.job);
            for reference in &step.references {
                if out.len() >= MAX_IMAGES {
                    break;
                }
                let (repository, tag) = split_reference(reference);
                out.push(ImagePush {
                    reference: reference.clone(),
                    repository,
                    tag,
                    platforms: step.platforms.clone(),
                    manifest: step.platforms.len() > 1,
                    source: ImageSource::BuildPushAction,
                    job: Some(step.job.clone()),
                    file: ProjectFile::Workflow,
                    line: step.line,
                    pushed,
                });
            }
        }
    }
    out
}

/// The binaries the release ships: GoReleaser's (archives and its images) and the one built
/// inside the project's Dockerfile for each platform a workflow job pushes.
pub(crate) fn binaries(project: &Project, images: &[ImagePush]) -> Vec<ReleasedBinary> {
    let mut out = Vec::new();
    let archives: Vec<(&str, &str)> = project
        .goreleaser
        .iter()
        .flat_map(|g| g.analysis.artifacts.iter())
        .filter(|a| a.kind == ArtifactKind::Archive)
        .filter_map(|a| Some((a.target.as_deref()?, a.name.as_str())))
        .collect();
    for build in project.builds_from(ProjectFile::GoReleaser) {
        let platform = format!("{}/{}", build.goos(), build.goarch());
        let mut shipped_in: Vec<String> = archives
            .iter()
            .filter(|(target, _)| *target == build.target)
            .map(|(_, name)| name.to_string())
            .collect();
        shipped_in.extend(
            images
                .iter()
                .filter(|i| i.source == ImageSource::GoReleaser)
                .filter(|i| {
                    i.platforms
                        .iter()
                        .any(|p| *p == platform || p.starts_with(&format!("{platform}/")))
                })
                .map(|i| i.reference.clone()),
        );
        out.push(released(build, BinarySource::GoReleaser, shipped_in));
    }
    let pushed_by_workflow: Vec<&ImagePush> = project
        .docker_steps()
        .flat_map(|step| {
            images.iter().filter(move |i| {
                i.source == ImageSource::BuildPushAction
                    && i.job.as_deref() == Some(step.job.as_str())
                    && i.line == step.line
            })
        })
        .collect();
    // The Dockerfile's own binary ships in the images workflow jobs build from it, for the
    // platforms those jobs build (GoReleaser's images hold GoReleaser's binaries instead).
    for build in project.builds_from(ProjectFile::Dockerfile) {
        if !project
            .docker_steps()
            .any(|s| s.platforms.contains(&build.target))
        {
            continue;
        }
        let shipped_in = pushed_by_workflow
            .iter()
            .filter(|i| i.platforms.contains(&build.target))
            .map(|i| i.reference.clone())
            .collect();
        out.push(released(build, BinarySource::Dockerfile, shipped_in));
    }
    out
}

fn released(
    build: &super::builds::BuildRun,
    source: BinarySource,
    shipped_in: Vec<String>,
) -> ReleasedBinary {
    let version = if build.unknown {
        None
    } else {
        build.result.version_output.clone()
    };
    ReleasedBinary {
        source,
        target: build.target.clone(),
        goos: build.goos().to_string(),
        goarch: build.goarch().to_string(),
        path: build.path.clone(),
        shipped_in,
        builds: build.result.ok,
        cgo: build.result.cgo,
        linking: build.result.linking,
        version_json: version.as_ref().map(version_json),
        version,
    }
}
