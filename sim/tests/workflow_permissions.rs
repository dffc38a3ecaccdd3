//! Job-level `permissions` in the workflow engine, as data.
//!
//! GitHub's workflow-syntax docs (`jobs.<job_id>.permissions`): a job's `permissions` replace the
//! workflow's for that job — they are not merged — and within one `permissions` mapping every
//! scope not written is `none`. So a job that writes only `packages: write` has `contents: none`
//! even if the workflow grants `contents: write`, and one job's grant never reaches another job.
//! GoReleaser needs `contents: write` to create the release; pushing to ghcr.io needs
//! `packages: write` (GoReleaser's GitHub Actions docs; GitHub's GITHUB_TOKEN docs).

use deploy_sim::workflow::{analyze, Options};

/// A release workflow with `workflow` at the top level and `release` / `docker` as the two jobs'
/// `permissions` blocks (each a YAML fragment indented for its place, or empty for none).
fn source(workflow: &str, release: &str, docker: &str) -> String {
    format!(
        "on:\n  push:\n    tags: ['v*']\n{workflow}jobs:\n  release:\n    runs-on: ubuntu-latest\n{release}    steps:\n      - uses: actions/checkout@v4\n        with:\n          fetch-depth: 0\n      - uses: goreleaser/goreleaser-action@v6\n        with:\n          args: release --clean\n        env:\n          GITHUB_TOKEN: ${{{{ secrets.GITHUB_TOKEN }}}}\n  docker:\n    runs-on: ubuntu-latest\n{docker}    steps:\n      - uses: docker/login-action@v3\n        with:\n          registry: ghcr.io\n          username: ${{{{ github.actor }}}}\n          password: ${{{{ secrets.GITHUB_TOKEN }}}}\n"
    )
}

/// The `WF-PERM-*` codes with their severities, in line order.
fn permission_codes(source: &str) -> Vec<String> {
    analyze(source, &Options::default())
        .diagnostics
        .iter()
        .filter(|d| d.code.starts_with("WF-PERM"))
        .map(|d| format!("{} {}", d.code, d.severity.as_str()))
        .collect()
}

#[test]
fn job_level_permissions() {
    const CONTENTS_WRITE: &str = "    permissions:\n      contents: write\n";
    const PACKAGES_WRITE: &str = "    permissions:\n      packages: write\n";
    let cases: [(&str, &str, &str, &str, &[&str]); 9] = [
        (
            "the guide: read-only default, each job asks for what it needs",
            "permissions:\n  contents: read\n",
            CONTENTS_WRITE,
            "    permissions:\n      contents: read\n      packages: write\n",
            &[],
        ),
        (
            "job grants override a read-only workflow",
            "permissions: read-all\n",
            CONTENTS_WRITE,
            PACKAGES_WRITE,
            &[],
        ),
        (
            "without job permissions the workflow's apply to both jobs",
            "permissions:\n  contents: write\n",
            "",
            "",
            &["WF-PERM-PACKAGES error"],
        ),
        (
            "a job's permissions replace the workflow's (contents is not inherited)",
            "permissions:\n  contents: write\n",
            PACKAGES_WRITE,
            PACKAGES_WRITE,
            &["WF-PERM-CONTENTS error"],
        ),
        (
            "one job's grant does not reach the other job",
            "",
            "    permissions:\n      contents: write\n      packages: write\n",
            "",
            &["WF-PERM-PACKAGES warning"],
        ),
        (
            "an empty job mapping is `none` for everything",
            "permissions: write-all\n",
            "    permissions: {}\n",
            PACKAGES_WRITE,
            &["WF-PERM-CONTENTS error"],
        ),
        (
            "job-level read-all",
            "permissions: write-all\n",
            "    permissions: read-all\n",
            "    permissions: read-all\n",
            &["WF-PERM-CONTENTS error", "WF-PERM-PACKAGES error"],
        ),
        (
            "job-level write-all",
            "permissions: {}\n",
            "    permissions: write-all\n",
            "    permissions: write-all\n",
            &[],
        ),
        (
            "a misspelt scope at job level",
            "",
            "    permissions:\n      content: write\n",
            PACKAGES_WRITE,
            &["WF-PERM-SCOPE error", "WF-PERM-CONTENTS error"],
        ),
    ];
    for (name, workflow, release, docker, expected) in cases {
        let text = source(workflow, release, docker);
        assert_eq!(permission_codes(&text), expected, "{name}\n{text}");
    }
}

#[test]
fn the_message_says_whose_permissions_decide() {
    let contents_error = |text: &str| {
        analyze(text, &Options::default())
            .diagnostics
            .into_iter()
            .find(|d| d.code == "WF-PERM-CONTENTS")
            .expect("reported")
    };
    let by_job = source(
        "permissions:\n  contents: write\n",
        "    permissions:\n      packages: write\n",
        "",
    );
    let d = contents_error(&by_job);
    assert!(
        d.message.en.contains("the job's `permissions`"),
        "{}",
        d.message.en
    );
    assert!(d.message.ja.contains("ジョブの"));
    // Reported on the GoReleaser step, which comes after the job's `permissions:`.
    let step = by_job
        .lines()
        .position(|l| l.contains("goreleaser/goreleaser-action"))
        .map(|i| i + 1);
    assert_eq!(Some(d.line), step);

    let by_workflow = source("permissions:\n  packages: write\n", "", "");
    let d = contents_error(&by_workflow);
    assert!(
        d.message.en.contains("the workflow's `permissions`"),
        "{}",
        d.message.en
    );
}
