//! The friendly page for a route that leads nowhere, with a way back.

use crate::exercise_text::ex_text;
use crate::route::Route;
use crate::ui_text::ui;
use deploy_sim::Lang;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct NotFoundProps {
    pub lang: Lang,
    /// The route named an exercise that does not exist: say so, and lead to the list.
    #[prop_or_default]
    pub exercise: bool,
}

#[component]
pub fn NotFound(props: &NotFoundProps) -> Html {
    let text = ui(props.lang);
    let ex = ex_text(props.lang);
    html! {
        <div class="not-found">
            if props.exercise {
                <h1 tabindex="-1">{ ex.not_found_title }</h1>
                <p>{ ex.not_found_body }</p>
                <p><a class="button" href={Route::Exercises { lang: props.lang }.to_hash()}>{ ex.all_exercises }</a></p>
            } else {
                <h1 tabindex="-1">{ text.not_found_title }</h1>
                <p>{ text.not_found_body }</p>
                <p><a class="button" href={Route::Home { lang: props.lang }.to_hash()}>{ text.back_to_contents }</a></p>
            }
        </div>
    }
}
