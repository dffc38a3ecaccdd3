//! Regression: keys GitHub Actions knows but the simulator does not model were reported as
//! unknown (found by checking the project's own Pages workflow).

use deploy_sim::workflow::{analyze, Options};

#[test]
fn known_but_unmodelled_keys_are_not_reported() {
    let source = "\
on: push
concurrency:
  group: pages
  cancel-in-progress: false
defaults:
  run:
    shell: bash
jobs:
  deploy:
    runs-on: ubuntu-latest
    environment:
      name: github-pages
    env:
      A: b
    timeout-minutes: 5
    steps:
      - id: deployment
        if: always()
        working-directory: x
        run: echo hi
";
    let analysis = analyze(source, &Options::default());
    let unknown: Vec<_> = analysis
        .diagnostics
        .iter()
        .filter(|d| d.code == "WF-KEY-UNKNOWN")
        .map(|d| (d.line, d.message.en.clone()))
        .collect();
    assert_eq!(unknown, vec![]);
    // A real typo is still caught, with a suggestion.
    let typo = analyze(
        "on: push\njobs:\n  a:\n    runs-on: x\n    step: []\n",
        &Options::default(),
    );
    let d = typo
        .diagnostics
        .iter()
        .find(|d| d.code == "WF-KEY-UNKNOWN")
        .expect("typo reported");
    assert_eq!(d.line, 5);
    assert_eq!(
        d.fix.as_ref().map(|f| f.en.as_str()),
        Some("Did you mean `steps`?")
    );
}
