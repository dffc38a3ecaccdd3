//! The friendly page for a route that leads nowhere, with a way back.

use crate::route::Route;
use crate::ui_text::ui;
use deploy_sim::Lang;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct NotFoundProps {
    pub lang: Lang,
}

#[component]
pub fn NotFound(props: &NotFoundProps) -> Html {
    let text = ui(props.lang);
    html! {
        <div class="not-found">
            <h1 tabindex="-1">{ text.not_found_title }</h1>
            <p>{ text.not_found_body }</p>
            <p><a class="button" href={Route::Home { lang: props.lang }.to_hash()}>{ text.back_to_contents }</a></p>
        </div>
    }
}
