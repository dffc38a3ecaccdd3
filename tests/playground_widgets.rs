//! Every playground block in the guide gets a live widget, in both languages: each block is
//! rendered through `PlaygroundSlot` (server-side) and must come out as an editor, not as the
//! static code the content pipeline prepared as a fallback. A new block of a kind the app cannot
//! bring to life fails here, by chapter and id, instead of silently shipping as plain code.

use deploy_sim::Lang;
use go_deploy_playground::components::playground::{ChapterContext, PlaygroundSlot};
use go_deploy_playground::content::{self, Playground};
use yew::prelude::*;

/// Blocks whose live widget is still being built, by (chapter, playground id). Remove an entry
/// when its widget lands; the test below also fails while a listed block is already live, so
/// the list cannot go stale.
const NOT_YET_LIVE: &[(&str, &str)] = &[];

#[derive(Properties, PartialEq)]
struct SlotProps {
    lang: Lang,
    chapter: &'static str,
    playground: &'static Playground,
}

/// A playground as a chapter shows it: inside the chapter's shared context.
#[component]
fn Slot(props: &SlotProps) -> Html {
    let context = ChapterContext {
        main_go: None,
        set_main_go: Callback::noop(),
    };
    html! {
        <ContextProvider<ChapterContext> {context}>
            <PlaygroundSlot lang={props.lang} chapter={props.chapter} playground={props.playground} />
        </ContextProvider<ChapterContext>>
    }
}

async fn render(lang: Lang, chapter: &'static str, playground: &'static Playground) -> String {
    yew::LocalServerRenderer::<Slot>::with_props(SlotProps {
        lang,
        chapter,
        playground,
    })
    .hydratable(false)
    .render()
    .await
}

/// What marks a live widget: the shared frame around an editable textarea.
fn is_live(html: &str, playground: &Playground) -> bool {
    html.contains(&format!("data-playground=\"{}\"", playground.id))
        && html.contains("class=\"pg\"")
        && html.contains("<textarea")
}

#[tokio::test]
async fn every_playground_block_renders_a_live_widget_in_both_languages() {
    let mut missing = Vec::new();
    let mut stale = Vec::new();
    let mut checked = 0;
    for lang in [Lang::Ja, Lang::En] {
        for chapter in content::chapters(lang) {
            for playground in chapter.playgrounds {
                checked += 1;
                let html = render(lang, chapter.id, playground).await;
                let live = is_live(&html, playground);
                let allowed = NOT_YET_LIVE.contains(&(chapter.id, playground.id));
                if !live && !allowed {
                    missing.push(format!(
                        "{lang:?} {}/{} (kind '{}')",
                        chapter.id, playground.id, playground.kind
                    ));
                }
                if live && allowed {
                    stale.push(format!("{}/{}", chapter.id, playground.id));
                }
                if !live {
                    // The fallback is still the block's code, so the chapter stays readable.
                    assert!(
                        html.contains("code-block"),
                        "{}/{}",
                        chapter.id,
                        playground.id
                    );
                }
            }
        }
    }
    assert!(checked >= 20, "only {checked} playground blocks found");
    assert!(
        missing.is_empty(),
        "playground blocks without a live widget (wire them in PlaygroundSlot, or list them in \
         NOT_YET_LIVE while the widget is being built): {missing:#?}"
    );
    assert!(
        stale.is_empty(),
        "these blocks are live now; remove them from NOT_YET_LIVE: {stale:?}"
    );
}

#[test]
fn the_allow_list_names_real_blocks() {
    for (chapter, id) in NOT_YET_LIVE {
        for lang in [Lang::Ja, Lang::En] {
            let (_, c) = content::find(lang, chapter).expect("chapter exists");
            assert!(
                c.playgrounds.iter().any(|p| p.id == *id),
                "{lang:?}: {chapter}/{id} is not a playground block"
            );
        }
    }
}
