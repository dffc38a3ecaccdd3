//! The exercise pages rendered natively, in both languages: the overview (every exercise under
//! its chapter, in reading order, with a status word and each chapter's progress), an exercise
//! page (instructions, editors with the starting files, the checks as the engine evaluates the
//! starting files, hints hidden, the solution not in the page), tabs for a multi-file exercise,
//! the check list of a solved evaluation, an unknown id, and the links from chapters and nav.
//! Effects do not run here: no storage is read, so everything is "not started".

use deploy_sim::exercise::{evaluate, Evaluation, Exercise, FileKind};
use deploy_sim::Lang;
use go_deploy_playground::components::exercise::checks::CheckList;
use go_deploy_playground::content;
use go_deploy_playground::exercises;
use std::rc::Rc;

mod support;
use support::render_en as render;

/// The page's text: tags dropped, the few entities Yew writes decoded, white space squeezed.
fn text_of(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    let out = out
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&");
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// An engine text as the page shows it: backticks become `<code>`, so they are not in the text.
fn shown(text: &str) -> String {
    text.replace('`', "")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The opening tag a chunk from [`elements`] starts with.
fn tag(chunk: &str) -> &str {
    chunk.split_once('>').map_or(chunk, |(t, _)| t)
}

fn exercise(id: &str) -> &'static Exercise {
    exercises::find(id).expect("exercise").1
}

/// The chunks of `html` that start with an element carrying `class="<class>` (Yew writes the
/// class last, so the chunk starts at the tag's `<`).
fn elements<'a>(html: &'a str, class: &str) -> Vec<&'a str> {
    let marker = format!("class=\"{class}");
    html.match_indices(&marker)
        .map(|(i, _)| &html[html[..i].rfind('<').unwrap_or(i)..])
        .collect()
}

#[tokio::test]
async fn the_overview_lists_every_exercise_under_its_chapter_in_reading_order() {
    for lang in Lang::ALL {
        let html = render(&format!("#/{}/exercises", lang.code())).await;
        let text = text_of(&html);
        let groups = exercises::by_chapter();
        assert!(groups.len() >= 5, "{groups:?}");
        // Chapters in reading order, each once.
        let mut last = 0;
        for (chapter, list) in &groups {
            let at = html
                .find(&format!("data-chapter=\"{chapter}\""))
                .unwrap_or_else(|| panic!("{chapter} missing"));
            assert!(at > last, "{chapter} out of order");
            last = at;
            let (_, c) = content::find(lang, chapter).expect("chapter");
            assert!(text.contains(c.title), "{}", c.title);
            let progress = match lang {
                Lang::En => format!("0 of {} solved", list.len()),
                Lang::Ja => format!("{} 問中 0 問クリア", list.len()),
            };
            assert!(text.contains(&progress), "{progress}");
        }
        // Every exercise, linked, with its status as an icon and a word.
        let items = elements(&html, "ex-item\"");
        assert_eq!(items.len(), exercises::all().len());
        for e in exercises::all() {
            let href = format!("href=\"#/{}/exercises/{}\"", lang.code(), e.id);
            assert!(html.contains(&href), "{href}");
            assert!(text.contains(&shown(e.title.get(lang))), "{}", e.id);
        }
        let word = match lang {
            Lang::En => "○ not started",
            Lang::Ja => "○ 未着手",
        };
        assert_eq!(text.matches(word).count(), exercises::all().len(), "{word}");
        for item in &items {
            assert!(
                tag(item).contains("data-status=\"not-started\""),
                "{}",
                tag(item)
            );
        }
        // Golf exercises say so.
        let golf = exercises::all().iter().filter(|e| e.golf.is_some()).count();
        assert!(golf >= 2);
        assert_eq!(html.matches("class=\"ex-golf-tag\"").count(), golf);
    }
}

#[tokio::test]
async fn an_exercise_page_shows_the_start_and_what_the_engine_says_about_it() {
    let ex = exercise("docker-multistage-size");
    let evaluation = evaluate(ex, &ex.files);
    for lang in Lang::ALL {
        let html = render(&format!("#/{}/exercises/{}", lang.code(), ex.id)).await;
        let text = text_of(&html);
        assert!(html.contains(&format!("<h1 tabindex=\"-1\">{}</h1>", ex.title.get(lang))));
        // The instructions' first sentence, and the editor with the starting Dockerfile.
        let first_line = ex.instructions.get(lang).lines().next().unwrap_or("");
        assert!(text.contains(&shown(first_line)), "{first_line}");
        assert!(html.contains("id=\"ex-docker-multistage-size-dockerfile\""));
        assert!(html.contains("<code>Dockerfile</code>"));
        let start = ex.files.get(FileKind::Dockerfile).expect("dockerfile");
        assert!(text.contains(&shown(start)));
        // Every check, as evaluated on the start: a word per state, the goal, the failing ones'
        // explanations.
        let checks = elements(&html, "ex-check ");
        assert_eq!(checks.len(), ex.checks.len());
        for (check, result) in checks.iter().zip(&evaluation.checks) {
            let check = &check[..check.find("</li>").unwrap_or(check.len())];
            let item = text_of(check);
            let word = match (lang, result.passed) {
                (Lang::En, true) => "✓ passed",
                (Lang::En, false) => "✗ not yet",
                (Lang::Ja, true) => "✓ 合格",
                (Lang::Ja, false) => "✗ 未達成",
            };
            assert!(item.contains(word), "{item}");
            assert!(item.contains(&shown(result.goal.get(lang))), "{item}");
            assert_eq!(
                item.contains(&shown(result.detail.get(lang))),
                !result.passed,
                "{item}"
            );
        }
        assert!(evaluation.passed < ex.checks.len());
        let summary = match lang {
            Lang::En => format!("{} of {} checks pass", evaluation.passed, ex.checks.len()),
            Lang::Ja => format!(
                "{} 個中 {} 個のチェックに合格",
                ex.checks.len(),
                evaluation.passed
            ),
        };
        assert!(text.contains(&summary), "{summary}");
        let live = elements(&html, "ex-summary\"");
        assert_eq!(live.len(), 1);
        assert!(tag(live[0]).contains("aria-live=\"polite\""));
        assert!(!html.contains("class=\"ex-solved\""));
        // Hints are hidden until asked for; the solution is not in the page.
        let hint = match lang {
            Lang::En => format!("Show hint 1 of {}", ex.hints.len()),
            Lang::Ja => format!("ヒントを表示(1/{})", ex.hints.len()),
        };
        assert!(text.contains(&hint), "{hint}");
        for h in &ex.hints {
            assert!(!text.contains(&shown(h.get(lang))));
        }
        assert!(!text.contains("COPY --from=builder /app/server /server"));
        assert!(html.contains("class=\"btn ex-show-solution\""));
        // Golf: the score now, which does not count yet, and no best.
        let golf = evaluation.golf.as_ref().expect("golf");
        let now = golf.shown.as_ref().expect("measured").get(lang);
        assert!(text.contains(now), "{now}");
        let none_yet = match lang {
            Lang::En => "none yet",
            Lang::Ja => "まだありません",
        };
        assert!(text.contains(none_yet));
        // The way around: the overview, the chapter, the next exercise.
        assert!(html.contains(&format!("href=\"#/{}/exercises\"", lang.code())));
        assert!(html.contains(&format!("href=\"#/{}/docker-multistage\"", lang.code())));
        let (index, _) = exercises::find(&ex.id).expect("index");
        let (previous, next) = exercises::neighbours(index);
        for (neighbour, rel) in [(previous, "prev"), (next, "next")] {
            if let Some(n) = neighbour {
                assert!(html.contains(&format!(
                    "href=\"#/{}/exercises/{}\" rel=\"{rel}\"",
                    lang.code(),
                    n.id
                )));
            }
        }
    }
}

#[tokio::test]
async fn a_multi_file_exercise_has_a_tab_per_file_titled_with_its_real_name() {
    let ex = exercise("pipeline-broken");
    let html = render("#/ja/exercises/pipeline-broken").await;
    let tabs = elements(&html, "ex-tab\"");
    assert_eq!(tabs.len(), 2);
    for kind in ex.files.kinds() {
        assert!(html.contains(&format!("<code>{}</code>", kind.file_name())));
        assert!(html.contains(&format!("id=\"ex-pipeline-broken-{}\"", kind.key())));
    }
    // The first file's tab is pressed and its panel shown; the other panel is hidden.
    assert!(tabs[0].contains("aria-pressed=\"true\""));
    assert!(tabs[1].contains("aria-pressed=\"false\""));
    let hidden: Vec<&str> = ex.files.kinds().map(|k| k.key()).collect();
    let panel = |key: &str| {
        let marker = format!("id=\"ex-pipeline-broken-{key}-panel\"");
        let at = html.find(&marker).expect("panel");
        let start = html[..at].rfind('<').unwrap_or(at);
        html[start..]
            .split_once('>')
            .map(|(tag, _)| tag)
            .unwrap_or("")
            .to_string()
    };
    assert!(!panel(hidden[0]).contains("hidden"), "{}", panel(hidden[0]));
    assert!(panel(hidden[1]).contains("hidden"), "{}", panel(hidden[1]));
    let evaluation = evaluate(ex, &ex.files);
    assert!(text_of(&html).contains(&format!(
        "{} 個中 {} 個のチェックに合格",
        ex.checks.len(),
        evaluation.passed
    )));
    // Each file is highlighted as its kind: YAML keys for both.
    assert!(html.contains("hl-key"));
}

#[derive(yew::Properties, PartialEq)]
struct ListProps {
    lang: Lang,
    evaluation: Rc<Evaluation>,
}

#[yew::component]
fn List(props: &ListProps) -> yew::Html {
    yew::html! { <CheckList lang={props.lang} evaluation={props.evaluation.clone()} /> }
}

#[tokio::test]
async fn the_solutions_evaluation_passes_every_check_with_words_not_colour() {
    for id in [
        "docker-multistage-size",
        "pipeline-broken",
        "make-build-all",
    ] {
        let ex = exercise(id);
        let evaluation = Rc::new(evaluate(ex, &ex.solution));
        assert!(evaluation.solved, "{id}");
        for lang in Lang::ALL {
            let html = yew::LocalServerRenderer::<List>::with_props(ListProps {
                lang,
                evaluation: evaluation.clone(),
            })
            .hydratable(false)
            .render()
            .await;
            let text = text_of(&html);
            let word = if lang == Lang::En {
                "✓ passed"
            } else {
                "✓ 合格"
            };
            assert_eq!(text.matches(word).count(), ex.checks.len(), "{id}");
            assert_eq!(
                html.matches("data-passed=\"true\"").count(),
                ex.checks.len()
            );
            assert!(!html.contains("ex-check-detail"));
            let all = match lang {
                Lang::En => format!("All {} checks pass — solved!", ex.checks.len()),
                Lang::Ja => format!("{} 個のチェックすべてに合格 — クリア!", ex.checks.len()),
            };
            assert!(text.contains(&all), "{all}");
        }
    }
}

#[tokio::test]
async fn an_unknown_exercise_says_so_and_leads_to_the_list() {
    let html = render("#/en/exercises/no-such-exercise").await;
    assert!(html.contains("Exercise not found"));
    assert!(html.contains("href=\"#/en/exercises\""));
    let ja = render("#/ja/exercises/no-such-exercise").await;
    assert!(ja.contains("演習が見つかりません"));
}

#[tokio::test]
async fn chapters_with_exercises_end_with_them_and_the_nav_leads_to_all() {
    for lang in Lang::ALL {
        for chapter in content::chapters(lang) {
            let html = render(&format!("#/{}/{}", lang.code(), chapter.id)).await;
            let own = exercises::of_chapter(chapter.id);
            let heading = match lang {
                Lang::En => "Exercises for this chapter",
                Lang::Ja => "この章の演習",
            };
            assert_eq!(html.contains(heading), !own.is_empty(), "{}", chapter.id);
            for i in own {
                let e = &exercises::all()[i];
                let href = format!("href=\"#/{}/exercises/{}\"", lang.code(), e.id);
                assert!(html.contains(&href), "{}: {href}", chapter.id);
            }
            // The nav's entry, not current on a chapter.
            assert!(html.contains(&format!("<a href=\"#/{}/exercises\">", lang.code())));
        }
    }
    let html = render("#/en/exercises/docker-nonroot").await;
    assert!(html.contains("<a href=\"#/en/exercises\" aria-current=\"page\" class=\"current\">"));
    // The language switch keeps the exercise.
    assert!(html.contains("href=\"#/ja/exercises/docker-nonroot\""));
}
