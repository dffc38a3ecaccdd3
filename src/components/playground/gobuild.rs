//! The `go build` playground: for every `go build` line of a shell block, the target, cgo and
//! linking, the output file, the predicted size on a shared scale, the `-X` values and, loudly,
//! the `-X` definitions the linker silently ignores; the `/version` answer; the go command's own
//! error text when the build fails. The `ldflags-lab` block also gets `-s` / `-w` / `-trimpath`
//! toggles that edit the command line.

use super::{use_playground_text, ChapterContext, PlaygroundFrame};
use crate::components::editor::Editor;
use crate::components::size_bar::SizeBar;
use crate::content::Playground;
use crate::gobuild_text::{change, grid_text, upx_text};
use crate::playground::crossgrid::{self, CellState};
use crate::playground::goscript::{
    go_build_lines, has_flag, toggle_flag, upx_lines, GoBuildLine, QuickFlag,
};
use crate::playground::upx::{resolve as resolve_upx, UpxPack, UpxProblem};
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
    // `analysed` is empty when the text is too large to simulate: no lines, no cards.
    let lines = go_build_lines(&pg.analysed, &ProjectEnv::default());
    let analysed: Vec<BuildResult> = lines
        .iter()
        .map(|l| analyze_line(&l.command, main_go.as_deref(), &ctx))
        .collect();
    let grid = (props.playground.id == "matrix").then(|| {
        let pairs: Vec<(GoBuildLine, &BuildResult)> =
            lines.iter().cloned().zip(analysed.iter()).collect();
        cross_grid(lang, &pg.analysed, &pairs, &pg.set)
    });
    let results: Vec<(usize, std::ops::Range<usize>, BuildResult)> = lines
        .into_iter()
        .zip(analysed)
        .map(|(l, r)| (l.line, l.range, r))
        .collect();
    let packs = {
        let builds: Vec<(usize, &BuildResult)> = results.iter().map(|(l, _, r)| (*l, r)).collect();
        resolve_upx(&upx_lines(&pg.analysed, &ProjectEnv::default()), &builds)
    };
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
    let comparison = (toggles && results.len() > 1)
        .then(|| comparison_table(lang, &results, &pg.analysed, &pg.set));
    let source_note = if main_go.is_some() {
        text.main_go_chapter
    } else {
        text.main_go_sample
    };

    let cards = results.iter().map(|(line, range, r)| {
        let command = pg.analysed.get(range.clone()).unwrap_or("").to_string();
        let flag_buttons = flag_toggles(&command, range, &pg.analysed, &pg.set);
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
                        { flag_buttons }
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
            { for grid }
            { for comparison }
            if results.is_empty() {
                <p>{ text.no_go_build }</p>
            } else {
                <ol class="pg-builds">{ for cards }</ol>
            }
            if !packs.is_empty() {
                { upx_cards(lang, &packs) }
            }
        </>
    };
    html! {
        <PlaygroundFrame {lang} playground={props.playground} notice={pg.notice} size={pg.size}
            verdict={AttrValue::from(verdict)} {editor} results={results_html} />
    }
}

/// Chapter 3's grid: the CGO switch, then every GOOS with its architectures as toggle buttons.
fn cross_grid(
    lang: Lang,
    script: &Rc<str>,
    pairs: &[(GoBuildLine, &BuildResult)],
    set: &Callback<String>,
) -> Html {
    let g = grid_text(lang);
    let results: Vec<&BuildResult> = pairs.iter().map(|(_, r)| *r).collect();
    let cgo = crossgrid::cgo_setting(script);
    let cgo_buttons = [(false, g.cgo_off), (true, g.cgo_on)].map(|(value, label)| {
        let on = cgo == Some(value);
        let onclick = {
            let (set, script) = (set.clone(), script.clone());
            Callback::from(move |_: MouseEvent| set.emit(crossgrid::set_cgo(&script, value)))
        };
        html! {
            <button type="button" class={classes!("pg-toggle", on.then_some("on"))}
                aria-pressed={on.to_string()} data-cgo={if value { "1" } else { "0" }} {onclick}>
                <span aria-hidden="true">{ if on { "◉ " } else { "○ " } }</span>{ label }
            </button>
        }
    });
    let rows = crossgrid::rows().into_iter().map(|(goos, cells)| {
        let cells = cells.into_iter().map(|t| {
            let state = crossgrid::cell_state(&t.goos, &t.goarch, &results);
            let (class, icon, word, detail) = match &state {
                CellState::Idle => ("idle", "＋", g.not_built, String::new()),
                CellState::Built { size_bytes } => (
                    "built",
                    "✓",
                    g.built,
                    size_bytes.map(t::megabytes).unwrap_or_default(),
                ),
                CellState::Failed { reason } => ("failed", "✖", g.fails, reason.clone()),
            };
            let pressed = !matches!(state, CellState::Idle);
            let onclick = {
                let (set, script) = (set.clone(), script.clone());
                let pairs: Vec<(GoBuildLine, BuildResult)> =
                    pairs.iter().map(|(l, r)| (l.clone(), (*r).clone())).collect();
                let (goos, goarch) = (t.goos.clone(), t.goarch.clone());
                Callback::from(move |_: MouseEvent| {
                    let refs: Vec<(GoBuildLine, &BuildResult)> =
                        pairs.iter().map(|(l, r)| (l.clone(), r)).collect();
                    set.emit(crossgrid::toggle_pair(&script, &refs, &goos, &goarch));
                })
            };
            let action = if pressed { g.remove } else { g.add };
            let star = if t.first_class { "★" } else { "" };
            let label = format!(
                "{} — {}{}{}. {action}",
                t.pair(),
                word,
                if t.first_class { format!(", {}", g.first_class) } else { String::new() },
                if detail.is_empty() { String::new() } else { format!(": {detail}") },
            );
            html! {
                <li>
                    <button type="button" class={classes!("xcell", class, t.first_class.then_some("first"))}
                        aria-pressed={pressed.to_string()} aria-label={label.clone()} title={label}
                        data-pair={t.pair()} {onclick}>
                        <span class="xcell-icon" aria-hidden="true">{ icon }</span>
                        <span class="xcell-arch">{ t.goarch.clone() }{ star }</span>
                        if let CellState::Built { size_bytes: Some(b) } = state {
                            <span class="xcell-size" aria-hidden="true">{ t::megabytes(b) }</span>
                        }
                    </button>
                </li>
            }
        });
        html! {
            <div class="xgrid-row">
                <span class="xgrid-os">{ goos }</span>
                <ul class="xgrid-cells">{ for cells }</ul>
            </div>
        }
    });
    html! {
        <section class="xgrid" aria-label={g.grid_title}>
            <h4>{ g.grid_title }</h4>
            <p class="pg-muted">{ g.grid_hint }</p>
            <div class="pg-toggles" role="group" aria-label={g.cgo_label}>
                <span class="pg-muted">{ g.cgo_label }{ ": " }</span>
                { for cgo_buttons }
                if cgo.is_none() {
                    <span class="pg-muted">{ g.cgo_default }</span>
                }
            </div>
            { for rows }
            <p class="pg-muted xgrid-legend">{ g.legend }</p>
        </section>
    }
}

/// Chapter 6's comparison: the lab's builds as table rows, sizes against the first line.
fn comparison_table(
    lang: Lang,
    results: &[(usize, std::ops::Range<usize>, BuildResult)],
    script: &Rc<str>,
    set: &Callback<String>,
) -> Html {
    let g = grid_text(lang);
    let text = pg_text(lang);
    let baseline = results.first().and_then(|(_, _, r)| r.size_bytes);
    let rows = results.iter().enumerate().map(|(i, (line, range, r))| {
        let command = script.get(range.clone()).unwrap_or("");
        let output = r
            .output
            .clone()
            .unwrap_or_else(|| format!("{} {line}", text.line));
        let mb = |b: u64| format!("{:.2} MB", b as f64 / 1_000_000.0);
        let (size, delta) = match (r.size_bytes, baseline) {
            (Some(s), _) if i == 0 => (mb(s), g.baseline.to_string()),
            (Some(s), Some(b)) => (mb(s), change(s, b)),
            (Some(s), None) => (mb(s), String::new()),
            (None, _) => ("—".to_string(), String::new()),
        };
        html! {
            <tr data-line={line.to_string()}>
                <td><code>{ output }</code></td>
                <td>
                    <div class="pg-toggles pg-compare-toggles" role="group"
                        aria-label={format!("{} ({} {line})", text.quick_flags, text.line)}>
                        { flag_toggles(command, range, script, set) }
                    </div>
                </td>
                <td class="num">{ size }</td>
                <td class="num">{ delta }</td>
            </tr>
        }
    });
    html! {
        <div class="pg-table-wrap" role="region" tabindex="0" aria-label={g.compare_title}>
            <table class="pg-compare">
                <caption>{ g.compare_title }{ " — " }{ g.compare_caption }</caption>
                <thead><tr>
                    <th scope="col">{ g.col_output }</th>
                    <th scope="col">{ g.col_flags }</th>
                    <th scope="col">{ g.col_size }</th>
                    <th scope="col">{ g.col_change }</th>
                </tr></thead>
                <tbody>{ for rows }</tbody>
            </table>
        </div>
    }
}

/// The block's `upx` lines: each packed file with its size before and after, or the reason upx
/// would stop, and the costs the engine lists.
fn upx_cards(lang: Lang, packs: &[UpxPack]) -> Html {
    let u = upx_text(lang);
    let text = pg_text(lang);
    let cards = packs.iter().map(|p| {
        let problem = p.problem.as_ref().map(|problem| match problem {
            UpxProblem::NotBuilt => u.not_built,
            UpxProblem::AlreadyPacked => u.already_packed,
            UpxProblem::OutputWithSeveralFiles => u.several_files,
            UpxProblem::NoFile => u.no_file,
        });
        let packed = p.estimate.as_ref().and_then(|e| e.bytes);
        let sizes = match (p.input_bytes, packed) {
            (Some(before), Some(after)) => html! {
                <p class="pg-upx-size">
                    <code>{ p.input.clone() }</code>{ format!(" {} → ", t::megabytes(before)) }
                    <code>{ p.output.clone() }</code>{ format!(" {} {} ({})", u.packed_to, t::megabytes(after), change(after, before)) }
                </p>
            },
            (Some(_), None) if problem.is_none() => html! {
                <p class="pg-upx-size"><span aria-hidden="true">{ "✖ " }</span>{ u.refused }</p>
            },
            _ => html! {},
        };
        let basis = p.estimate.as_ref().filter(|e| e.bytes.is_some()).map(|e| {
            if e.measured_on_target { u.ratio_on_target } else { u.ratio_borrowed }
        });
        let notes = p.estimate.iter().flat_map(|e| e.notes.iter()).map(|n| {
            html! { <li>{ n.get(lang).to_string() }</li> }
        });
        html! {
            <li class={classes!("pg-build", "pg-upx", problem.is_some().then_some("failed"))} data-line={p.line.to_string()}>
                <p class="pg-build-head">
                    <span class="pg-muted">{ format!("{} {}", text.line, p.line) }</span>
                    <strong>{ format!(" {}", u.title) }</strong>
                    if let Some((goos, goarch)) = &p.target {
                        <span class="pg-muted">{ format!(" · {goos}/{goarch}") }</span>
                    }
                </p>
                if let Some(problem) = problem {
                    <p class="pg-upx-problem"><span aria-hidden="true">{ "⚠ " }</span>
                        if !p.input.is_empty() { <code>{ p.input.clone() }</code>{ ": " } }
                        { problem }
                    </p>
                }
                { sizes }
                if let Some(basis) = basis {
                    <p class="pg-muted">{ basis }</p>
                }
                <ul class="pg-upx-notes">{ for notes }</ul>
            </li>
        }
    });
    html! { <ol class="pg-builds pg-upx-list" aria-label={u.title}>{ for cards }</ol> }
}

/// The `-s` / `-w` / `-trimpath` switches of one build line: each edits the line in the script.
fn flag_toggles(
    command: &str,
    range: &std::ops::Range<usize>,
    source: &Rc<str>,
    set: &Callback<String>,
) -> Html {
    let buttons = QuickFlag::ALL.iter().map(|flag| {
        let flag = *flag;
        let on = has_flag(command, flag);
        let onclick = {
            let (set, source, range) = (set.clone(), source.clone(), range.clone());
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
    html! { <>{ for buttons }</> }
}
