//! The Makefile playground: the editor, a goal picker, an editable project environment, and
//! what `make -n` would do — run order, printed commands, variables, artifacts, and make's own
//! error text with a one-click fix for space-indented recipes.

use super::{use_playground_text, PlaygroundFrame};
use crate::components::editor::Editor;
use crate::content::Playground;
use crate::playground::makefile::{
    definition_text, explicit_targets, fix_recipe_indentation, is_missing_separator,
};
use crate::playground_text::{self as t, pg_text};
use deploy_sim::highlight::Language;
use deploy_sim::make::{self, env::parse_rfc3339, GitState, Options, ProjectEnv};
use deploy_sim::Lang;
use std::rc::Rc;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct MakefilePlaygroundProps {
    pub lang: Lang,
    pub chapter: &'static str,
    pub playground: &'static Playground,
}

/// The environment form's fields, as typed.
#[derive(Clone, PartialEq)]
struct EnvForm {
    tag: String,
    commit: String,
    since: String,
    dirty: bool,
    date: String,
}

impl Default for EnvForm {
    fn default() -> Self {
        let git = GitState::default();
        EnvForm {
            tag: git.tag.clone().unwrap_or_default(),
            commit: git.short_commit(7),
            since: git.commits_since_tag.to_string(),
            dirty: git.dirty,
            date: "2024-05-01T12:34:56Z".to_string(),
        }
    }
}

impl EnvForm {
    fn to_env(&self) -> (ProjectEnv, bool) {
        let mut env = ProjectEnv::default();
        let mut date_ok = true;
        if let Some(git) = env.git.as_mut() {
            let tag = self.tag.trim();
            git.tag = (!tag.is_empty()).then(|| tag.to_string());
            let commit = self.commit.trim();
            if !commit.is_empty() {
                git.commit = commit.to_string();
            }
            git.commits_since_tag = self.since.trim().parse().unwrap_or(0);
            git.dirty = self.dirty;
        }
        match parse_rfc3339(self.date.trim()) {
            Some(epoch) => env.clock_epoch_seconds = epoch,
            None => date_ok = false,
        }
        (env, date_ok)
    }
}

#[component]
pub fn MakefilePlayground(props: &MakefilePlaygroundProps) -> Html {
    let lang = props.lang;
    let text = pg_text(lang);
    let pg = use_playground_text(props.chapter, props.playground.id, props.playground.code);
    let goal = use_state(|| None::<String>);
    let form = use_state(EnvForm::default);
    let fixed = use_state(|| false);

    let (env, date_ok) = form.to_env();
    let targets = explicit_targets(&pg.analysed);
    let chosen = goal.as_ref().filter(|g| targets.contains(g)).cloned();
    let options = Options {
        goals: chosen.iter().cloned().collect(),
        env,
        ..Options::default()
    };
    let analysis = make::analyze(&pg.analysed, &options);
    let missing_separator = is_missing_separator(&analysis.stderr);

    let verdict = if analysis.exit_status != 0 {
        let fatal = analysis.diagnostics.iter().rev().find(|d| d.is_error());
        let message = fatal.map_or_else(
            || analysis.stderr.last().cloned().unwrap_or_default(),
            |d| d.message.get(lang).to_string(),
        );
        t::make_error_verdict(lang, &message, fatal.map_or(0, |d| d.line))
    } else if analysis.artifacts.is_empty() {
        t::commands_verdict(lang, analysis.commands.len())
    } else {
        let total: u64 = analysis.artifacts.iter().filter_map(|a| a.size_bytes).sum();
        t::artifacts_verdict(lang, analysis.artifacts.len(), total as f64 / 1_000_000.0)
    };

    let on_change = {
        let set = pg.set.clone();
        let fixed = fixed.clone();
        Callback::from(move |v: String| {
            // Only when it shows: setting it re-rendered the playground on every keystroke.
            if *fixed {
                fixed.set(false);
            }
            set.emit(v);
        })
    };
    let on_fix = {
        let set = pg.set.clone();
        let source = pg.text.clone();
        let fixed = fixed.clone();
        Callback::from(move |_: MouseEvent| {
            set.emit(fix_recipe_indentation(&source));
            fixed.set(true);
        })
    };
    let on_goal = {
        let goal = goal.clone();
        Callback::from(move |e: Event| {
            if let Some(select) = e.target_dyn_into::<HtmlSelectElement>() {
                let v = select.value();
                goal.set((!v.is_empty()).then_some(v));
            }
        })
    };
    let field = |apply: fn(&mut EnvForm, &HtmlInputElement)| {
        let form = form.clone();
        Callback::from(move |e: Event| {
            if let Some(input) = e.target_dyn_into::<HtmlInputElement>() {
                let mut next = (*form).clone();
                apply(&mut next, &input);
                form.set(next);
            }
        })
    };
    let id = |name: &str| format!("pg-{}-{}-{name}", props.chapter, props.playground.id);

    let editor = html! {
        <Editor
            id={AttrValue::from(id("code"))}
            {lang}
            language={Language::Makefile}
            label={AttrValue::from(format!("Makefile ({})", props.playground.id))}
            value={pg.text.clone()}
            modified={pg.modified}
            diagnostics={Rc::new(analysis.diagnostics.clone())}
            {on_change}
            on_reset={pg.reset.clone()}
        />
    };
    let default_goal = targets.first().cloned().unwrap_or_default();
    let results = html! {
        <>
            <div class="pg-controls">
                <label class="pg-field">
                    <span>{ text.goal }</span>
                    <select class="pg-goal" onchange={on_goal}>
                        { for targets.iter().enumerate().map(|(i, name)| {
                            let value = if i == 0 { String::new() } else { name.clone() };
                            let label = if i == 0 { format!("{name} ({})", text.default_goal) } else { name.clone() };
                            let selected = chosen.as_deref().unwrap_or(&default_goal) == name;
                            html! { <option {value} {selected}>{ label }</option> }
                        }) }
                    </select>
                </label>
            </div>
            <details class="pg-env">
                <summary>{ text.project_env }</summary>
                <div class="pg-env-grid">
                    <label class="pg-field"><span>{ text.git_tag }</span>
                        <input type="text" class="pg-env-tag" value={form.tag.clone()} placeholder={text.git_tag_hint}
                            spellcheck="false" autocapitalize="off"
                            oninput={field(|f, i| f.tag = i.value()).reform(|e: InputEvent| e.into())} />
                    </label>
                    <label class="pg-field"><span>{ text.commit }</span>
                        <input type="text" value={form.commit.clone()} spellcheck="false" autocapitalize="off"
                            oninput={field(|f, i| f.commit = i.value()).reform(|e: InputEvent| e.into())} />
                    </label>
                    <label class="pg-field"><span>{ text.commits_since_tag }</span>
                        <input type="number" min="0" value={form.since.clone()}
                            oninput={field(|f, i| f.since = i.value()).reform(|e: InputEvent| e.into())} />
                    </label>
                    <label class="pg-field"><span>{ text.build_date }</span>
                        <input type="text" value={form.date.clone()} spellcheck="false" autocapitalize="off"
                            aria-invalid={(!date_ok).then_some("true")}
                            oninput={field(|f, i| f.date = i.value()).reform(|e: InputEvent| e.into())} />
                    </label>
                    <label class="pg-check">
                        <input type="checkbox" checked={form.dirty}
                            onchange={field(|f, i| f.dirty = i.checked())} />
                        <span>{ text.dirty }</span>
                    </label>
                </div>
                if !date_ok {
                    <p class="pg-field-error">{ text.build_date_invalid }</p>
                }
            </details>
            if !analysis.stderr.is_empty() {
                <div class={classes!("pg-stderr", (analysis.exit_status != 0).then_some("fatal"))}>
                    <h4>{ text.make_stderr }</h4>
                    <pre class="pg-stderr-text">{ analysis.stderr.join("\n") }</pre>
                    if missing_separator {
                        <button type="button" class="btn pg-fix-tabs" onclick={on_fix}>{ text.fix_tabs }</button>
                    }
                </div>
            }
            if *fixed && !missing_separator {
                <p class="pg-ok" role="status"><span aria-hidden="true">{ "✓ " }</span>{ text.fix_tabs_done }</p>
            }
            if !analysis.steps.is_empty() {
                <h4>{ text.run_order }</h4>
                <ol class="pg-run-order">
                    { for analysis.steps.iter().map(|s| html! { <li><code>{ s.target.clone() }</code></li> }) }
                </ol>
            }
            <h4>{ text.make_n }</h4>
            if analysis.commands.is_empty() {
                <p class="pg-muted">{ text.nothing_printed }</p>
            } else {
                <pre class="pg-output pg-make-n" role="region" tabindex="0" aria-label={text.make_n}>{ analysis.commands.join("\n") }</pre>
            }
            if !analysis.artifacts.is_empty() {
                <h4>{ text.artifacts }</h4>
                <div class="pg-table-wrap" role="region" tabindex="0" aria-label={text.artifacts}>
                    <table class="pg-artifacts">
                        <thead><tr><th>{ text.path }</th><th>{ "GOOS/GOARCH" }</th><th class="num">{ text.size }</th></tr></thead>
                        <tbody>
                            { for analysis.artifacts.iter().map(|a| html! {
                                <tr>
                                    <td><code>{ a.path.clone() }</code></td>
                                    <td>{ format!("{}/{}", a.goos, a.goarch) }</td>
                                    <td class="num">{ a.size_bytes.map_or_else(|| "—".to_string(), t::megabytes) }</td>
                                </tr>
                            }) }
                        </tbody>
                    </table>
                </div>
            }
            if !analysis.variable_details.is_empty() {
                <h4>{ text.variables }</h4>
                <p class="pg-muted">{ text.variables_hint }</p>
                <dl class="pg-vars">
                    { for analysis.variable_details.iter().map(|v| {
                        let flavor = if v.flavor == "recursive" { text.flavor_recursive } else { text.flavor_simple };
                        // The line as written (a simple variable stores only its expanded value).
                        let raw = definition_text(&pg.analysed, v.line).filter(|d| *d != v.value);
                        html! {
                            <div class="pg-var" data-var={v.name.clone()}>
                                <dt><code>{ v.name.clone() }</code></dt>
                                <dd>
                                    <code class="pg-var-value">{ v.value.clone() }</code>
                                    <span class="pg-var-meta">
                                        <span class={classes!("pg-flavor", v.flavor)}>{ flavor }</span>
                                        if v.line > 0 {
                                            { format!(" · {} {}", text.line, v.line) }
                                        }
                                        if let Some(raw) = raw {
                                            { format!(" · {}: ", text.defined_as) }<code>{ raw }</code>
                                        }
                                    </span>
                                </dd>
                            </div>
                        }
                    }) }
                </dl>
            }
        </>
    };
    html! {
        <PlaygroundFrame {lang} playground={props.playground} notice={pg.notice} size={pg.size}
            verdict={AttrValue::from(verdict)} {editor} {results} />
    }
}
