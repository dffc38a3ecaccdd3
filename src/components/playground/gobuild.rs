//! The `go build` playground: for every `go build` line of a shell block, the target, cgo and
//! linking, the output file, the predicted size on a shared scale, the `-X` values and, loudly,
//! the `-X` definitions the linker silently ignores; the `/version` answer; the go command's own
//! error text when the build fails. The `ldflags-lab` block also gets `-s` / `-w` / `-trimpath`
//! toggles that edit the command line.

use super::{use_playground_text, ChapterContext, PlaygroundFrame};
use crate::components::editor::Editor;
use crate::components::size_bar::SizeBar;
use crate::content::Playground;
use crate::playground::goscript::{go_build_lines, has_flag, toggle_flag, QuickFlag};
use crate::playground_text::{self as t, pg_text};
use deploy_sim::gobuild::{analyze_line, BuildContext, BuildResult, Linking, VersionOutput};
use deploy_sim::highlight::Language;
use deploy_sim::make::ProjectEnv;
use deploy_sim::{Diagnostic, Lang};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct GoBuildPlaygroundProps {
    pub lang: Lang,
    pub chapter: &'static str,
    pub playground: &'static Playground,
}

fn json_string(value: Option<&str>) -> String {
    match value {
        None => "null".to_string(),
        Some(v) => {
            let mut out = String::from("\"");
            for c in v.chars() {
                match c {
                    '"' => out.push_str("\\\""),
                    '\\' => out.push_str("\\\\"),
                    c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
                    c => out.push(c),
                }
            }
            out.push('"');
            out
        }
    }
}

/// The `/version` body as the guide's handler encodes it.
fn version_json(v: &VersionOutput) -> String {
    format!(
        "{{\"version\":{},\"commit\":{},\"build_time\":{},\"go_version\":{},\"platform\":{}}}",
        json_string(v.version.as_deref()),
        json_string(v.git_commit.as_deref()),
        json_string(v.build_time.as_deref()),
        json_string(Some(&v.go_version)),
        json_string(Some(&format!("{}/{}", v.os, v.arch))),
    )
}

#[component]
pub fn GoBuildPlayground(props: &GoBuildPlaygroundProps) -> Html {
    let lang = props.lang;
    let text = pg_text(lang);
    let pg = use_playground_text(props.chapter, props.playground.id, props.playground.code);
    let context = use_context::<ChapterContext>();
    let main_go = context.and_then(|c| c.main_go);
    let ctx = BuildContext::default();
    let lines = go_build_lines(&pg.text, &ProjectEnv::default());
    let results: Vec<(usize, std::ops::Range<usize>, BuildResult)> = lines
        .into_iter()
        .map(|l| {
            let r = analyze_line(&l.command, main_go.as_deref(), &ctx);
            (l.line, l.range, r)
        })
        .collect();
    let diagnostics: Vec<Diagnostic> = results
        .iter()
        .flat_map(|(line, _, r)| {
            r.diagnostics.iter().map(move |d| {
                let mut d = d.clone();
                d.line = line + d.line.saturating_sub(1);
                d
            })
        })
        .collect();
    let max = results
        .iter()
        .filter_map(|(_, _, r)| r.size_bytes)
        .max()
        .unwrap_or(1)
        .max(1);
    let ok = results.iter().filter(|(_, _, r)| r.ok).count();
    let total: u64 = results.iter().filter_map(|(_, _, r)| r.size_bytes).sum();
    let ignored: usize = results.iter().map(|(_, _, r)| r.x_ignored.len()).sum();
    let verdict = if results.is_empty() {
        text.no_go_build.to_string()
    } else {
        t::builds_verdict(
            lang,
            ok,
            results.len() - ok,
            ignored,
            total as f64 / 1_000_000.0,
        )
    };
    let toggles = props.playground.id == "ldflags-lab";
    let source_note = if main_go.is_some() {
        text.main_go_chapter
    } else {
        text.main_go_sample
    };

    let cards = results.iter().map(|(line, range, r)| {
        let command = pg.text.get(range.clone()).unwrap_or("").to_string();
        let flag_buttons = QuickFlag::ALL.iter().map(|flag| {
            let flag = *flag;
            let on = has_flag(&command, flag);
            let onclick = {
                let set = pg.set.clone();
                let source = pg.text.clone();
                let range = range.clone();
                Callback::from(move |_: MouseEvent| {
                    if let (Some(head), Some(cmd), Some(tail)) = (
                        source.get(..range.start),
                        source.get(range.clone()),
                        source.get(range.end..),
                    ) {
                        set.emit(format!("{head}{}{tail}", toggle_flag(cmd, flag)));
                    }
                })
            };
            html! {
                <button type="button" class={classes!("pg-toggle", on.then_some("on"))}
                    aria-pressed={on.to_string()} data-flag={flag.label()} {onclick}>
                    <span aria-hidden="true">{ if on { "☑ " } else { "☐ " } }</span>{ flag.label() }
                </button>
            }
        });
        let size = r.size.as_ref().map(|s| {
            let basis = if s.measured {
                text.measured
            } else if s.extrapolated {
                text.extrapolated
            } else {
                text.estimated
            };
            let pct = crate::components::size_bar::share(s.bytes, max);
            html! {
                <div class="pg-size">
                    <span class="pg-size-value">{ t::megabytes(s.bytes) }</span>
                    <span class="pg-size-basis">{ format!(" ({basis})") }</span>
                    <SizeBar class="pg-bar" percent={pct} />
                </div>
            }
        });
        let target_word = if r.first_class { text.first_class } else { text.not_first_class };
        let linking = match r.linking {
            Linking::Static => text.static_link,
            Linking::Dynamic => text.dynamic_link,
        };
        html! {
            <li class={classes!("pg-build", (!r.ok).then_some("failed"))} data-line={line.to_string()}>
                <p class="pg-build-head">
                    <span class="pg-muted">{ format!("{} {line}", text.line) }</span>
                    <strong class="pg-target">{ format!(" {}/{}", r.goos, r.goarch) }</strong>
                    <span class="pg-muted">{ format!(" · {target_word}") }</span>
                </p>
                if toggles {
                    <div class="pg-toggles" role="group" aria-label={format!("{} ({} {line})", text.quick_flags, text.line)}>
                        { for flag_buttons }
                    </div>
                }
                if r.ok {
                    <p class="pg-build-facts">
                        { format!("{} · {}", if r.cgo { text.cgo_on } else { text.cgo_off }, linking) }
                        { " — " }{ r.cgo_reason.get(lang).to_string() }
                    </p>
                    if let Some(out) = &r.output {
                        <p><span class="pg-muted">{ text.output }{ ": " }</span><code class="pg-out">{ out.clone() }</code></p>
                    }
                    { for size }
                } else {
                    <div class="pg-stderr fatal">
                        <h4><span aria-hidden="true">{ "✖ " }</span>{ text.build_failed }{ format!(" (exit {})", r.exit_code) }</h4>
                        <pre class="pg-stderr-text">{ r.go_stderr.clone() }</pre>
                    </div>
                }
                if !r.x_ignored.is_empty() {
                    <div class="pg-x-ignored" role="note">
                        <h4><span aria-hidden="true">{ "⚠ " }</span>{ text.x_ignored_title }</h4>
                        <ul>
                            { for r.x_ignored.iter().map(|x| html! {
                                <li><code>{ format!("-X {}", x.flag) }</code>{ " — " }{ x.reason.get(lang).to_string() }</li>
                            }) }
                        </ul>
                    </div>
                }
                if !r.x_applied.is_empty() {
                    <p class="pg-muted">{ text.x_applied }</p>
                    <ul class="pg-x-applied">
                        { for r.x_applied.iter().map(|(k, v)| html! { <li><code>{ format!("{k} = {v}") }</code></li> }) }
                    </ul>
                }
                if let Some(v) = &r.version_output {
                    <p class="pg-muted">{ text.version_json }</p>
                    <pre class="pg-output pg-version">{ version_json(v) }</pre>
                }
            </li>
        }
    });

    let editor = html! {
        <Editor
            id={AttrValue::from(format!("pg-{}-{}-code", props.chapter, props.playground.id))}
            {lang}
            language={Language::Shell}
            label={AttrValue::from(format!("go build ({})", props.playground.id))}
            value={pg.text.clone()}
            modified={pg.modified}
            diagnostics={Rc::new(diagnostics)}
            on_change={pg.set.clone()}
            on_reset={pg.reset.clone()}
        />
    };
    let results_html = html! {
        <>
            <p class="pg-muted pg-source">{ text.main_go_source }{ ": " }{ source_note }</p>
            if results.is_empty() {
                <p>{ text.no_go_build }</p>
            } else {
                <ol class="pg-builds">{ for cards }</ol>
            }
        </>
    };
    html! {
        <PlaygroundFrame {lang} playground={props.playground} notice={pg.notice}
            verdict={AttrValue::from(verdict)} {editor} results={results_html} />
    }
}
