//! What the release leaves behind: GoReleaser's artifacts by kind (names and sizes, the checksums
//! file and what it covers, the release notes), the image references pushed (tag, platforms,
//! single image or manifest list, which job pushes them), and what every released binary
//! answers on `/version`.

use super::{Place, View};
use crate::components::job_graph::sentence;
use crate::playground::dockerfile::format_bytes;
use crate::playground::release::{artifact_groups, checksum_covers, version_rows};
use crate::release_text::{checksum_cover, kind_title, rel_text};
use crate::workflow_text::{status_icon, status_word};
use deploy_sim::goreleaser::{Artifact, ArtifactKind};
use deploy_sim::release::{BinarySource, ProjectFile};
use yew::prelude::*;

fn kind_class(kind: ArtifactKind) -> &'static str {
    match kind {
        ArtifactKind::Binary => "binary",
        ArtifactKind::Archive => "archive",
        ArtifactKind::Checksum => "checksum",
        ArtifactKind::Changelog => "changelog",
        ArtifactKind::Metadata => "metadata",
        ArtifactKind::DockerImage => "docker_image",
        ArtifactKind::DockerManifest => "docker_manifest",
    }
}

/// `dist/shortlink_linux_amd64_v1/shortlink` without the `dist/`.
fn shown_name(a: &Artifact) -> String {
    a.path
        .as_deref()
        .map(|p| p.strip_prefix("dist/").unwrap_or(p).to_string())
        .unwrap_or_else(|| a.name.clone())
}

pub(crate) fn goreleaser(view: &View) -> Html {
    let (lang, p) = (view.lang, view.preview);
    let t = rel_text(lang);
    let Some(g) = &p.goreleaser else {
        return html! {
            <section class="rel-section rel-publish" aria-labelledby="rel-publish-title">
                <h3 id="rel-publish-title">{ t.publish_title }</h3>
                <p class="pg-muted">{ t.no_goreleaser }</p>
            </section>
        };
    };
    let job_status = g.job.as_deref().and_then(|id| p.job(id)).map(|j| j.status);
    let status = if g.published {
        html! {
            <p class="rel-published" data-published="true">
                <span aria-hidden="true">{ "✓ " }</span><strong>{ t.published }</strong>
                { format!(" · {} {}", g.project_name, g.version) }
                if let Some(job) = &g.job {
                    { " · " }<code>{ job.clone() }</code>
                }
            </p>
        }
    } else {
        html! {
            <p class="rel-published rel-not-published" data-published="false">
                <span aria-hidden="true">{ "■ " }</span><strong>{ t.not_published }</strong>
                { format!(" · {} {}", g.project_name, g.version) }
                if let (Some(job), Some(status)) = (&g.job, job_status) {
                    { " · " }<code>{ job.clone() }</code>{ ": " }
                    <span aria-hidden="true">{ status_icon(status) }{ " " }</span>{ status_word(lang, status) }
                }
            </p>
        }
    };
    let uploads = checksum_covers(&g.artifacts);
    let groups = artifact_groups(&g.artifacts).into_iter().map(|(kind, list)| {
        let class = kind_class(kind);
        let rows = list.iter().map(|a| {
            html! {
                <li class="rel-artifact" data-kind={class} data-name={a.name.clone()}>
                    <code class="rel-artifact-name">{ shown_name(a) }</code>
                    if let Some(size) = a.size {
                        <span class="gr-size">{ format_bytes(size) }</span>
                    }
                    if kind == ArtifactKind::Checksum {
                        <span class="pg-muted">{ format!("{} {}", t.checksums_cover, checksum_cover(lang, uploads)) }</span>
                    }
                </li>
            }
        });
        let body = html! {
            <>
                <ul class="rel-artifacts">{ for rows }</ul>
                if kind == ArtifactKind::Changelog {
                    <p class="pg-muted rel-changelog-since">
                        { match &g.previous_tag {
                            Some(previous) => html! { <>{ t.changelog_since }{ " " }<code>{ previous.clone() }</code></> },
                            None => html! { { t.changelog_no_previous } },
                        } }
                    </p>
                    <ul class="rel-changelog">
                        { for g.changelog.iter().map(|entry| html! { <li><code>{ entry.clone() }</code></li> }) }
                    </ul>
                }
            </>
        };
        // The long, less interesting lists start closed.
        let open = !matches!(kind, ArtifactKind::Binary | ArtifactKind::Metadata);
        html! {
            <details class="rel-kind" data-kind={class} {open}>
                <summary>{ kind_title(lang, kind) }{ format!(" · {}", list.len()) }</summary>
                { body }
            </details>
        }
    });
    let check = &g.check;
    html! {
        <section class="rel-section rel-publish" aria-labelledby="rel-publish-title">
            <h3 id="rel-publish-title">{ t.publish_title }</h3>
            { status }
            if g.snapshot {
                <p class="gr-note" role="note"><span aria-hidden="true">{ "ⓘ " }</span>{ t.snapshot }</p>
            }
            <p class={classes!("rel-check", format!("rel-check-{}", check.exit_code))}>
                <code>{ t.check }</code>{ format!(" → exit {}: ", check.exit_code) }{ sentence(&check.message) }
            </p>
            if let Some(error) = &check.release_error {
                <p class="pg-field-error rel-release-error">
                    <span aria-hidden="true">{ "✖ " }</span>{ t.release_error }{ ": " }{ sentence(error) }
                </p>
            }
            { for groups }
        </section>
    }
}

pub(crate) fn images(view: &View) -> Html {
    let (lang, p) = (view.lang, view.preview);
    let t = rel_text(lang);
    let rows = p.images.iter().map(|image| {
        html! {
            <li class={classes!("rel-image", if image.pushed { "rel-image-pushed" } else { "rel-image-not" })}
                data-reference={image.reference.clone()} data-pushed={image.pushed.to_string()}
                data-manifest={image.manifest.to_string()}>
                <code class="rel-image-ref">{ image.reference.clone() }</code>
                <span class="rel-image-facts">
                    <span class="rel-image-kind">{ if image.manifest { t.manifest } else { t.single_image } }</span>
                    { " · " }{ t.image_tag }{ " " }<code>{ image.tag.clone() }</code>
                    { " · " }
                    { for image.platforms.iter().enumerate().map(|(i, platform)| html! {
                        <>{ if i > 0 { ", " } else { "" } }<code class="rel-platform">{ platform.clone() }</code></>
                    }) }
                </span>
                <span class="rel-image-push">
                    if image.pushed {
                        <span aria-hidden="true">{ "↑ " }</span>{ t.pushed_by }{ " " }
                        <code>{ image.job.clone().unwrap_or_default() }</code>
                    } else {
                        <span aria-hidden="true">{ "■ " }</span>{ t.not_pushed }
                    }
                    if image.line > 0 {
                        { " " }{ view.place_button(Place { file: image.file, line: image.line }, "rel-image-place") }
                    }
                </span>
            </li>
        }
    });
    html! {
        <section class="rel-section rel-images" aria-labelledby="rel-images-title">
            <h3 id="rel-images-title">{ t.images_title }</h3>
            if p.images.is_empty() {
                <p class="pg-muted">{ t.no_images }</p>
            } else {
                <ul class="rel-image-list">{ for rows }</ul>
            }
        </section>
    }
}

pub(crate) fn versions(view: &View) -> Html {
    let (lang, p) = (view.lang, view.preview);
    let t = rel_text(lang);
    let rows = version_rows(&p.binaries, &p.images);
    let cell = |value: &Option<String>| match value {
        Some(v) => html! { <code>{ v.clone() }</code> },
        None => html! { <span class="pg-muted">{ t.not_set }</span> },
    };
    // `2026-01-15T09:30:00Z` may break after the date on a phone.
    let time_cell = |value: &Option<String>| match value.as_deref().and_then(|v| v.split_once('T'))
    {
        Some((date, time)) => {
            html! { <code>{ date.to_string() }<wbr />{ format!("T{time}") }</code> }
        }
        None => cell(value),
    };
    let body = rows.iter().map(|r| {
        let source = match (r.source, r.in_image) {
            (BinarySource::GoReleaser, true) => format!("{} + {}", t.from_archive, t.from_image),
            (BinarySource::GoReleaser, false) => t.from_archive.to_string(),
            (BinarySource::Dockerfile, _) => t.from_image.to_string(),
        };
        html! {
            <tr class="rel-version" data-target={r.target.clone()} data-builds={r.builds.to_string()}>
                <th scope="row"><code>{ r.target.clone() }</code>{ " " }<span class="pg-muted rel-source">{ source }</span></th>
                if r.builds {
                    <td class="rel-v-version">{ cell(&r.version) }</td>
                    <td class="rel-v-commit">{ cell(&r.commit) }</td>
                    <td class="rel-v-time">{ time_cell(&r.build_time) }</td>
                } else {
                    <td colspan="3" class="rel-v-fails"><span aria-hidden="true">{ "✖ " }</span>{ t.does_not_build }</td>
                }
            </tr>
        }
    });
    let json_file = ProjectFile::MainGo;
    html! {
        <section class="rel-section rel-versions" aria-labelledby="rel-versions-title">
            <h3 id="rel-versions-title">{ t.version_title }</h3>
            <p class="pg-muted">{ t.version_intro }{ " " }{ view.place_button(Place { file: json_file, line: 0 }, "rel-main-place") }</p>
            if rows.is_empty() {
                <p class="pg-muted">{ t.no_binaries }</p>
            } else {
                <div class="pg-table-wrap">
                    <table class="pg-artifacts rel-version-table">
                        <thead>
                            <tr>
                                <th scope="col">{ t.target }</th>
                                <th scope="col">{ t.version }</th>
                                <th scope="col">{ t.commit }</th>
                                <th scope="col">{ t.build_time }</th>
                            </tr>
                        </thead>
                        <tbody>{ for body }</tbody>
                    </table>
                </div>
                if let Some((target, json)) = rows.iter().find_map(|r| r.json.clone().map(|j| (r.target.clone(), j))) {
                    <p class="pg-muted rel-json-note"><code>{ target }</code>{ " · " }<code>{ "GET /version" }</code></p>
                    <pre class="pg-output rel-json">{ json }</pre>
                }
            }
        </section>
    }
}
