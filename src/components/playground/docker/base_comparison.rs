//! The Base images panel: the learner's Dockerfile with only the final stage's base swapped, each
//! variant analysed by the engine: final size as a bar chart, then shell, package manager, CA
//! certificates, debug tools, a derived attack surface, and whether it would start.

use crate::components::size_bar::{share, SizeBar};
use crate::docker_text::docker_text;
use crate::playground::dockerfile::{
    attack_surface, base_traits, format_bytes, swap_final_base, COMPARISON_BASES,
};
use deploy_sim::dockerfile::{analyze, knowledge, Options};
use deploy_sim::Lang;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct BaseComparisonProps {
    pub lang: Lang,
    pub source: Rc<str>,
    /// The final stage's base as written now, to mark the learner's row.
    pub current_base: AttrValue,
}

/// One swapped variant as the engine sees it.
#[derive(Clone, Debug, PartialEq)]
pub struct Variant {
    pub base: &'static str,
    pub size_bytes: u64,
    pub starts: bool,
    pub error: Option<String>,
    pub shell: Option<String>,
    pub ca_certs: Option<bool>,
    pub base_bytes: u64,
}

/// Analyses the five variants of `source`; empty when it has no `FROM` to swap.
pub fn variants(source: &str) -> Vec<Variant> {
    COMPARISON_BASES
        .iter()
        .filter_map(|&base| {
            let swapped = swap_final_base(source, base)?;
            let a = analyze(&swapped, &Options::default());
            let facts = knowledge::base_image(base);
            Some(Variant {
                base,
                size_bytes: a.image.size_bytes,
                starts: a.runtime.starts,
                error: a
                    .runtime
                    .problems
                    .iter()
                    .find(|p| p.fatal)
                    .map(|p| p.error.clone()),
                shell: facts.and_then(|f| f.shell.clone()),
                ca_certs: facts.map(|f| f.ca_certs),
                base_bytes: facts.map_or(0, |f| f.size_bytes),
            })
        })
        .collect()
}

#[component]
pub fn BaseComparison(props: &BaseComparisonProps) -> Html {
    let t = docker_text(props.lang);
    let lang = props.lang;
    let rows = use_memo(props.source.clone(), |s| variants(s));
    if rows.is_empty() {
        return html! { <p class="pg-muted">{ t.swap_impossible }</p> };
    }
    let largest = rows.iter().map(|v| v.size_bytes).max().unwrap_or(0);
    let current = knowledge::normalize_reference(&props.current_base);
    // `gcr.io/distroless/static-debian12` (":latest") also marks ":nonroot" as the learner's row.
    let is_current = |base: &str| {
        let candidate = knowledge::normalize_reference(base);
        candidate == current
            || candidate
                .strip_suffix("latest")
                .is_some_and(|repo| current.starts_with(repo))
    };
    let yes_no = |b: bool| if b { t.yes } else { t.no };
    html! {
        <div class="dk-bases">
            <h4 class="dk-h">{ t.bases_caption }</h4>
            <ol class="dk-bars">
                { for rows.iter().map(|v| html! {
                    <li class={classes!("dk-base-bar", is_current(v.base).then_some("current"))} data-base={v.base}>
                        <span class="dk-bar-row static">
                            <span class="dk-bar-label"><code>{ v.base }</code>
                                if is_current(v.base) { { " " }<span class="dk-tag">{ t.yours }</span> }
                            </span>
                            <span class="dk-bar-track" aria-hidden="true">
                                <SizeBar class="dk-bar" percent={share(v.size_bytes, largest)} />
                            </span>
                            <span class="dk-bar-size">{ format_bytes(v.size_bytes) }</span>
                        </span>
                    </li>
                }) }
            </ol>
            <div class="pg-table-wrap" role="region" tabindex="0" aria-label={t.bases_caption}>
                <table class="dk-base-table">
                    <thead><tr>
                        <th scope="col">{ t.base }</th>
                        <th scope="col" class="num">{ t.size }</th>
                        <th scope="col">{ t.shell }</th>
                        <th scope="col">{ t.package_manager }</th>
                        <th scope="col">{ t.ca_certs }</th>
                        <th scope="col">{ t.debug }</th>
                        <th scope="col">{ t.attack_surface }</th>
                        <th scope="col">{ t.starts_col }</th>
                    </tr></thead>
                    <tbody>
                        { for rows.iter().map(|v| {
                            let traits = base_traits(v.base);
                            let surface = attack_surface(v.shell.is_some(), traits.package_manager.is_some(), v.base_bytes);
                            let debug = match lang { Lang::Ja => traits.debug.1, Lang::En => traits.debug.0 };
                            html! {
                                <tr class={classes!(is_current(v.base).then_some("current"))} data-base={v.base}
                                    data-starts={v.starts.to_string()}>
                                    <th scope="row"><code>{ v.base }</code></th>
                                    <td data-label={t.size} class="num">{ format_bytes(v.size_bytes) }</td>
                                    <td data-label={t.shell}>{ v.shell.clone().unwrap_or_else(|| t.none.to_string()) }</td>
                                    <td data-label={t.package_manager}>{ traits.package_manager.unwrap_or(t.none) }</td>
                                    <td data-label={t.ca_certs}>{ v.ca_certs.map_or("?", yes_no) }</td>
                                    <td data-label={t.debug}>{ debug }</td>
                                    <td data-label={t.attack_surface}>{ t.surface.get(usize::from(surface)).copied().unwrap_or("?") }</td>
                                    <td data-label={t.starts_col} class={if v.starts { "dk-yes" } else { "dk-no" }}>
                                        <span aria-hidden="true">{ if v.starts { "✓ " } else { "✖ " } }</span>
                                        { if v.starts { t.starts.to_string() } else {
                                            format!("{}: {}", t.does_not_start, v.error.clone().unwrap_or_default())
                                        } }
                                    </td>
                                </tr>
                            }
                        }) }
                    </tbody>
                </table>
            </div>
            <p class="dk-hint">{ t.bases_source }</p>
        </div>
    }
}
