//! The `go` playground: an editable `main.go`. It shows which package-level variables `-X` can
//! set, and shares its text with the chapter's `go build` playgrounds.

use super::{use_playground_text, ChapterContext, PlaygroundFrame};
use crate::components::editor::Editor;
use crate::content::Playground;
use crate::playground_text::pg_text;
use deploy_sim::gobuild::gosource;
use deploy_sim::highlight::Language;
use deploy_sim::Lang;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct GoMainPlaygroundProps {
    pub lang: Lang,
    pub chapter: &'static str,
    pub playground: &'static Playground,
}

#[component]
pub fn GoMainPlayground(props: &GoMainPlaygroundProps) -> Html {
    let lang = props.lang;
    let text = pg_text(lang);
    let pg = use_playground_text(props.chapter, props.playground.id, props.playground.code);
    let context = use_context::<ChapterContext>();
    {
        let set = context.map(|c| c.set_main_go);
        use_effect_with(pg.analysed.clone(), move |text| {
            if let Some(set) = set {
                set.emit(text.clone());
            }
        });
    }
    let source = gosource::scan(&pg.analysed);
    let decls: Vec<_> = source.decls.iter().collect();
    let settable = decls
        .iter()
        .filter(|d| {
            !d.is_const && d.type_name.as_deref() == Some("string") && !d.computed_initializer
        })
        .count();
    let verdict = match lang {
        Lang::Ja => format!("-X で設定できる変数: {settable} 個"),
        Lang::En => format!("{settable} variable(s) -X can set"),
    };
    let package = source.package.clone().unwrap_or_else(|| "?".into());
    let editor = html! {
        <Editor
            id={AttrValue::from(format!("pg-{}-{}-code", props.chapter, props.playground.id))}
            {lang}
            language={Language::Go}
            label={AttrValue::from(format!("main.go ({})", props.playground.id))}
            value={pg.text.clone()}
            modified={pg.modified}
            diagnostics={Rc::new(Vec::new())}
            on_change={pg.set.clone()}
            on_reset={pg.reset.clone()}
        />
    };
    let results = html! {
        <>
            <h4>{ text.settable_vars }</h4>
            <ul class="pg-decls">
                { for decls.iter().map(|d| {
                    let (ok, why) = if d.is_const {
                        (false, text.not_settable_const)
                    } else if d.type_name.as_deref().is_some_and(|t| t != "string") {
                        (false, text.not_settable_type)
                    } else if d.computed_initializer {
                        (false, text.overwritten_at_start)
                    } else {
                        (true, text.settable)
                    };
                    html! {
                        <li class={classes!("pg-decl", if ok { "ok" } else { "no" })}>
                            <span aria-hidden="true">{ if ok { "✓ " } else { "✖ " } }</span>
                            <code>{ format!("-X {package}.{}", d.name) }</code>
                            { " — " }{ why }
                            <span class="pg-muted">{ format!(" ({} {})", text.line, d.line) }</span>
                        </li>
                    }
                }) }
            </ul>
        </>
    };
    html! {
        <PlaygroundFrame {lang} playground={props.playground} notice={pg.notice} size={pg.size}
            verdict={AttrValue::from(verdict)} {editor} {results} />
    }
}
