//! The `dist/` folder after `goreleaser release`, as a tree: a directory per build target with its
//! binary, the archives (open one to see what is inside and which glob brought each file), the
//! checksums file with one simulated line per uploaded file, the release notes and GoReleaser's
//! own records; then the container images and manifests, which go to a registry instead.

use crate::goreleaser_text::{gr_text, GrText};
use crate::playground::dockerfile::format_bytes;
use crate::playground::goreleaser::{dist_tree, DistNode};
use deploy_sim::goreleaser::{Analysis, Artifact, ArtifactKind};
use deploy_sim::Lang;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct DistTreeProps {
    pub lang: Lang,
    pub analysis: Rc<Analysis>,
    pub snapshot: bool,
}

fn kind_word(t: &GrText, kind: ArtifactKind) -> &'static str {
    match kind {
        ArtifactKind::Binary => "binary",
        ArtifactKind::Archive => "archive",
        ArtifactKind::Checksum => "checksum",
        ArtifactKind::Changelog => t.changelog_file,
        ArtifactKind::Metadata => t.metadata_file,
        ArtifactKind::DockerImage => t.image,
        ArtifactKind::DockerManifest => t.manifest,
    }
}

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

struct Ctx<'a> {
    t: &'static GrText,
    analysis: &'a Analysis,
}

/// The name, kind, size and upload mark of a file, in one line.
fn file_line(c: &Ctx, node: &DistNode, artifact: &Artifact) -> Html {
    html! {
        <>
            <code class="gr-name">{ node.name.clone() }</code>
            <span class="gr-kind">{ kind_word(c.t, artifact.kind) }</span>
            if let Some(size) = node.size {
                <span class="gr-size">{ format_bytes(size) }</span>
            }
            if artifact.uploaded {
                <span class="gr-up"><span aria-hidden="true">{ "↑ " }</span>{ c.t.uploaded }</span>
            }
            { for node.uploaded_as.iter().map(|name| html! {
                <span class="gr-up"><span aria-hidden="true">{ "↑ " }</span>{ c.t.uploaded_as }{ " " }<code>{ name.clone() }</code></span>
            }) }
        </>
    }
}

fn checksum_lines<'a>(c: &Ctx<'a>, artifact: &Artifact) -> Vec<&'a str> {
    let files = c
        .analysis
        .artifacts
        .iter()
        .filter(|a| a.kind == ArtifactKind::Checksum)
        .count();
    c.analysis
        .checksums
        .iter()
        .map(String::as_str)
        .filter(|line| {
            files == 1
                || line
                    .split_once("  ")
                    .is_some_and(|(_, name)| artifact.name.starts_with(&format!("{name}.")))
        })
        .collect()
}

fn node_html(c: &Ctx, node: &DistNode) -> Html {
    let Some(artifact) = node.artifact.and_then(|i| c.analysis.artifacts.get(i)) else {
        return html! {
            <li class="gr-dir">
                <span class="gr-name gr-dirname">{ format!("{}/", node.name) }</span>
                <ul>{ for node.children.iter().map(|n| node_html(c, n)) }</ul>
            </li>
        };
    };
    let class = kind_class(artifact.kind);
    let body = match artifact.kind {
        ArtifactKind::Archive if !artifact.contents.is_empty() => Some(html! {
            <ul class="gr-contents" aria-label={c.t.contents}>
                { for artifact.contents.iter().map(|e| html! {
                    <li>
                        <code>{ e.path.clone() }</code>
                        <span class="gr-size">{ format_bytes(e.size) }</span>
                        if let Some(glob) = &e.glob {
                            <span class="pg-muted gr-from">
                                { "← " }<code>{ glob.clone() }</code>
                                if e.default_glob {
                                    { format!(" ({})", c.t.default_glob) }
                                }
                            </span>
                        } else {
                            <span class="pg-muted gr-from">{ "← " }<code>{ e.source.clone() }</code></span>
                        }
                    </li>
                }) }
            </ul>
        }),
        ArtifactKind::Checksum => {
            let lines = checksum_lines(c, artifact);
            (!lines.is_empty()).then(|| {
                html! {
                    <>
                        <p class="pg-muted">{ c.t.checksum_lines }</p>
                        <pre class="pg-output gr-checksums" role="region" tabindex="0" aria-label={c.t.checksum_lines}>{ lines.join("\n") }</pre>
                    </>
                }
            })
        }
        ArtifactKind::Changelog if !c.analysis.changelog_markdown.is_empty() => Some(html! {
            <pre class="pg-output gr-notes">{ c.analysis.changelog_markdown.clone() }</pre>
        }),
        _ => None,
    };
    match body {
        Some(body) => html! {
            <li class={classes!("gr-file", class)} data-kind={class} data-name={node.name.clone()}>
                <details>
                    <summary>{ file_line(c, node, artifact) }</summary>
                    { body }
                </details>
            </li>
        },
        None => html! {
            <li class={classes!("gr-file", class)} data-kind={class} data-name={node.name.clone()}>
                { file_line(c, node, artifact) }
            </li>
        },
    }
}

#[component]
pub fn DistTree(props: &DistTreeProps) -> Html {
    let (lang, a) = (props.lang, &*props.analysis);
    let t = gr_text(lang);
    let c = Ctx { t, analysis: a };
    let tree = dist_tree(&a.artifacts);
    let images: Vec<&Artifact> = a
        .artifacts
        .iter()
        .filter(|x| {
            matches!(
                x.kind,
                ArtifactKind::DockerImage | ArtifactKind::DockerManifest
            )
        })
        .collect();
    html! {
        <section class="gr-dist" aria-label={t.dist_title}>
            <h4>{ t.dist_title }</h4>
            if props.snapshot {
                <p class="gr-note" role="note"><span aria-hidden="true">{ "ⓘ " }</span>{ t.snapshot_note }</p>
            }
            <div class="gr-tree-wrap">
                <ul class="gr-tree">
                    <li class="gr-dir">
                        <span class="gr-name gr-dirname">{ format!("{}/", tree.name) }</span>
                        if tree.children.is_empty() {
                            <p class="pg-muted">{ t.no_files }</p>
                        } else {
                            <ul>{ for tree.children.iter().map(|n| node_html(&c, n)) }</ul>
                        }
                    </li>
                </ul>
            </div>
            <p class="pg-muted gr-hint">{ t.dist_hint }</p>
            if !images.is_empty() {
                <h5>{ t.registry_title }</h5>
                <ul class="gr-images">
                    { for images.iter().map(|x| {
                        let class = kind_class(x.kind);
                        html! {
                            <li class={classes!("gr-image", class)} data-kind={class}>
                                <code class="gr-name">{ x.name.clone() }</code>
                                <span class="gr-kind">{ kind_word(t, x.kind) }</span>
                                if let Some(target) = &x.target {
                                    <span class="pg-muted">{ target.clone() }</span>
                                }
                                if !x.uploaded {
                                    <span class="pg-muted">{ format!(" ({})", t.not_pushed) }</span>
                                }
                            </li>
                        }
                    }) }
                </ul>
            }
        </section>
    }
}
