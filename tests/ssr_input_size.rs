//! Large input rendered natively (`playground::input_size`): a shared text of each size class
//! opens in the live playground, which shows the editor and results that class calls for. The
//! share view is used because it puts a text into a playground on the first render, without
//! storage.

use deploy_sim::state::share::{link_hash, Shared};
use deploy_sim::Lang;
use go_deploy_playground::playground::input_size::{LIVE_MAX_LINES, SIMULATE_MAX_LINES};

mod support;
use support::render_in as render;

fn dockerfile(lines: usize) -> String {
    let mut text = String::from("FROM golang:1.22 AS build\n");
    while text.lines().count() < lines - 1 {
        text.push_str("RUN echo step\n");
    }
    text.push_str("CMD [\"/app\"]");
    text
}

fn shared(text: &str) -> String {
    link_hash(&Shared::playground(
        "docker-multistage",
        "production",
        Lang::En,
        text,
    ))
}

#[tokio::test]
async fn each_size_class_renders_its_editor_and_results() {
    // (lines, plain editor, note, too-large message in place of results)
    let cases = [
        (20, false, None, false),
        (
            LIVE_MAX_LINES + 50,
            true,
            Some("results update after you pause typing"),
            false,
        ),
        (
            SIMULATE_MAX_LINES + 50,
            true,
            Some("too large to simulate (see Results)"),
            true,
        ),
    ];
    for (lines, plain, note, too_large) in cases {
        let text = dockerfile(lines);
        assert_eq!(text.lines().count(), lines);
        let html = render(&shared(&text), "en").await;
        let at = |what: &str| html.contains(what);
        assert_eq!(at("editor-plain"), plain, "{lines} lines: plain editor");
        // The plain editor has no highlighted layer and no gutter.
        assert_eq!(at("editor-layer"), !plain, "{lines} lines: layer");
        match note {
            Some(note) => assert!(at(note), "{lines} lines: note {note:?}"),
            None => assert!(!at("editor-large"), "{lines} lines: no note"),
        }
        assert_eq!(at("pg-too-large"), too_large, "{lines} lines: message");
        if too_large {
            assert!(at("This text is too large to simulate"), "{lines} lines");
            assert!(
                at("Too large to simulate ("),
                "{lines} lines: the verdict says so"
            );
            // Not simulated: no stage table.
            assert!(!at("dk-stage-table"), "{lines} lines: no results");
        } else {
            assert!(at("dk-stage-table"), "{lines} lines: results");
        }
    }
}

#[tokio::test]
async fn the_too_large_message_is_in_japanese_too() {
    let html = render(&shared(&dockerfile(SIMULATE_MAX_LINES + 50)), "ja").await;
    assert!(html.contains("pg-too-large"));
    assert!(html.contains("この入力は大きすぎるため、シミュレーションしていません"));
    assert!(html.contains("大きすぎるためシミュレーションしていません("));
}
