//! Where a chapter's playground block stands: the live widget for its kind, or, for kinds that
//! have none yet, the block's static highlighted code (copyable, like any code block).

use crate::content::Playground;
use deploy_sim::Lang;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PlaygroundSlotProps {
    pub lang: Lang,
    pub playground: &'static Playground,
}

#[component]
pub fn PlaygroundSlot(props: &PlaygroundSlotProps) -> Html {
    let _ = props.lang;
    // Trusted HTML: the content pipeline highlighted the repository's own code at build time.
    Html::from_html_unchecked(AttrValue::Static(props.playground.html))
}
