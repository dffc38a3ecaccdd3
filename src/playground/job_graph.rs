//! The job graph of one workflow run as something to draw: jobs grouped by id (a matrix job is
//! one box with its instances), and their layout — columns by level, boxes stacked in the order
//! the run lists them and centred against the tallest column, `needs` edges as curves from a
//! job's right side to its dependent's left side. Plain data and arithmetic, tested natively;
//! the `JobGraph` component draws it, and any page (the workflow playground, a release preview)
//! can feed it.

use deploy_sim::workflow::{JobRun, Status};
use deploy_sim::Text;

/// One box of the graph: a job and, for a matrix job, its concrete instances.
#[derive(Clone, Debug, PartialEq)]
pub struct GraphJob {
    pub id: String,
    /// As GitHub shows it, without the matrix values.
    pub name: String,
    pub level: usize,
    /// Ids of the jobs it needs: the edges.
    pub needs: Vec<String>,
    pub status: Status,
    /// Matrix instances (`build (linux, amd64)`) with their statuses; empty for a plain job.
    pub instances: Vec<(String, Status)>,
    /// Why it has its status (the engine's sentence).
    pub because: Text,
}

/// Groups a run's concrete jobs by id, keeping the run's order (by level, then as written). A
/// group fails when one of its instances failed, succeeds when one ran, else is skipped.
pub fn group_runs(runs: &[JobRun]) -> Vec<GraphJob> {
    let mut out: Vec<GraphJob> = Vec::new();
    let mut index: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for run in runs {
        let i = *index.entry(run.id.as_str()).or_insert_with(|| {
            out.push(GraphJob {
                id: run.id.clone(),
                name: base_name(run),
                level: run.level,
                needs: run.needs.clone(),
                status: run.status,
                instances: Vec::new(),
                because: run.because.clone(),
            });
            out.len() - 1
        });
        let job = &mut out[i];
        if run.matrix.is_some() {
            job.instances.push((run.name.clone(), run.status));
        }
        let rank = |s: Status| match s {
            Status::Failure => 2,
            Status::Success => 1,
            Status::Skipped => 0,
        };
        if rank(run.status) > rank(job.status) {
            job.status = run.status;
            job.because = run.because.clone();
        }
    }
    out
}

/// `test (ubuntu, 1.22)` → `test`, for a matrix instance; other names as they are.
fn base_name(run: &JobRun) -> String {
    if run.matrix.is_some() && run.name.ends_with(')') {
        if let Some(at) = run.name.rfind(" (") {
            return run.name[..at].to_string();
        }
    }
    run.name.clone()
}

/// Box and spacing sizes in SVG user units (px at scale 1).
pub const BOX_W: u32 = 148;
pub const BOX_H: u32 = 56;
pub const COL_GAP: u32 = 44;
pub const ROW_GAP: u32 = 16;
pub const PAD: u32 = 8;
/// Room on the right for edges that loop back (a `needs` cycle puts jobs in one column).
pub const LOOP_ROOM: u32 = 28;
/// The arrowhead's length.
pub const ARROW: u32 = 7;
/// Beyond this many boxes the graph is not drawn (the list still is): a generated workflow with
/// hundreds of jobs would be an unreadable picture and a slow page.
pub const MAX_DRAWN_JOBS: usize = 60;
/// How many "width units" of a name fit on a box's line (a Latin character is one unit, a CJK
/// character two), at the 13 px font the boxes use.
pub const NAME_UNITS: usize = 18;

#[derive(Clone, Debug, PartialEq)]
pub struct Placed {
    pub x: u32,
    pub y: u32,
    pub column: usize,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Edge {
    /// Indexes into the jobs.
    pub from: usize,
    pub to: usize,
    /// SVG path data of the curve, ending where the arrowhead starts.
    pub path: String,
    /// The arrowhead polygon's points.
    pub arrow: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Layout {
    pub width: u32,
    pub height: u32,
    pub columns: usize,
    /// One per job, in the jobs' order.
    pub boxes: Vec<Placed>,
    pub edges: Vec<Edge>,
}

/// Lays the jobs out, or `None` when there are none or more than [`MAX_DRAWN_JOBS`].
pub fn layout(jobs: &[GraphJob]) -> Option<Layout> {
    if jobs.is_empty() || jobs.len() > MAX_DRAWN_JOBS {
        return None;
    }
    // Columns are the distinct levels in order, so a gap in levels leaves no empty column.
    let mut levels: Vec<usize> = jobs.iter().map(|j| j.level).collect();
    levels.sort_unstable();
    levels.dedup();
    let column_of = |level: usize| levels.binary_search(&level).unwrap_or(0);
    let mut per_column = vec![0usize; levels.len()];
    for job in jobs {
        per_column[column_of(job.level)] += 1;
    }
    let tallest = per_column.iter().copied().max().unwrap_or(1) as u32;
    let column_height = |n: u32| n * BOX_H + n.saturating_sub(1) * ROW_GAP;
    let inner_height = column_height(tallest);
    let mut seen = vec![0u32; levels.len()];
    let boxes: Vec<Placed> = jobs
        .iter()
        .map(|job| {
            let column = column_of(job.level);
            let offset = (inner_height - column_height(per_column[column] as u32)) / 2;
            let row = seen[column];
            seen[column] += 1;
            Placed {
                x: PAD + column as u32 * (BOX_W + COL_GAP),
                y: PAD + offset + row * (BOX_H + ROW_GAP),
                column,
            }
        })
        .collect();

    let mut edges = Vec::new();
    let mut loops = false;
    for (to, job) in jobs.iter().enumerate() {
        for need in &job.needs {
            let Some(from) = jobs.iter().position(|j| &j.id == need) else {
                continue;
            };
            let (a, b) = (&boxes[from], &boxes[to]);
            let (ay, by) = (a.y + BOX_H / 2, b.y + BOX_H / 2);
            let (path, arrow) = if b.column > a.column {
                let (x1, x2) = (a.x + BOX_W, b.x - ARROW);
                let mid = (x1 + x2) / 2;
                (
                    format!("M{x1} {ay} C{mid} {ay} {mid} {by} {x2} {by}"),
                    format!("{x2},{} {x2},{} {},{by}", by - 5, by + 5, b.x),
                )
            } else {
                // Same or earlier column (only in a cycle): loop out on the right and come back
                // into the job's right side, the arrow pointing left.
                loops = true;
                let (x1, x2) = (a.x + BOX_W, b.x + BOX_W + ARROW);
                let out = a.x.max(b.x) + BOX_W + LOOP_ROOM;
                (
                    format!("M{x1} {ay} C{out} {ay} {out} {by} {x2} {by}"),
                    format!("{x2},{} {x2},{} {},{by}", by - 5, by + 5, b.x + BOX_W),
                )
            };
            edges.push(Edge {
                from,
                to,
                path,
                arrow,
            });
        }
    }
    let columns = levels.len() as u32;
    Some(Layout {
        width: 2 * PAD
            + columns * BOX_W
            + (columns - 1) * COL_GAP
            + if loops { LOOP_ROOM } else { 0 },
        height: 2 * PAD + inner_height,
        columns: levels.len(),
        boxes,
        edges,
    })
}

/// Shortens a name to [`NAME_UNITS`] width units, ending in `…` when cut.
pub fn fit_name(name: &str) -> String {
    let units = |c: char| if (c as u32) < 0x1100 { 1 } else { 2 };
    let total: usize = name.chars().map(units).sum();
    if total <= NAME_UNITS {
        return name.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in name.chars() {
        if used + units(c) > NAME_UNITS - 1 {
            break;
        }
        used += units(c);
        out.push(c);
    }
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use deploy_sim::workflow::{analyze, Event, Options};

    fn job(id: &str, level: usize, needs: &[&str]) -> GraphJob {
        GraphJob {
            id: id.into(),
            name: id.into(),
            level,
            needs: needs.iter().map(|n| n.to_string()).collect(),
            status: Status::Success,
            instances: Vec::new(),
            because: Text::new("", ""),
        }
    }

    fn overlaps(a: &Placed, b: &Placed) -> bool {
        a.x < b.x + BOX_W && b.x < a.x + BOX_W && a.y < b.y + BOX_H && b.y < a.y + BOX_H
    }

    #[test]
    fn boxes_go_in_columns_by_level_inside_the_picture_without_overlapping() {
        for jobs in [
            vec![job("a", 0, &[])],
            vec![
                job("test", 0, &[]),
                job("release", 1, &["test"]),
                job("docker", 1, &["test"]),
            ],
            vec![
                job("lint", 0, &[]),
                job("test", 0, &[]),
                job("vet", 0, &[]),
                job("build", 1, &["lint", "test"]),
                job("release", 2, &["build", "vet"]),
            ],
            // Levels with a gap (only possible from a caller, not from the engine).
            vec![job("a", 0, &[]), job("b", 3, &["a"])],
        ] {
            let l = layout(&jobs).expect("a layout");
            assert_eq!(l.boxes.len(), jobs.len());
            for (i, (b, j)) in l.boxes.iter().zip(&jobs).enumerate() {
                assert!(
                    b.x + BOX_W + PAD <= l.width && b.y + BOX_H + PAD <= l.height,
                    "{i}"
                );
                for (k, other) in l.boxes.iter().enumerate().skip(i + 1) {
                    assert!(!overlaps(b, other), "{} and {}", j.id, jobs[k].id);
                }
                // A higher level is never to the left of a lower one.
                for (k, other) in jobs.iter().enumerate() {
                    if other.level < j.level {
                        assert!(l.boxes[k].x < b.x, "{} left of {}", other.id, j.id);
                    }
                }
            }
            let distinct: std::collections::BTreeSet<usize> =
                jobs.iter().map(|j| j.level).collect();
            assert_eq!(l.columns, distinct.len());
        }
    }

    #[test]
    fn the_chapter_graph_has_test_centred_before_release_and_docker() {
        let jobs = vec![
            job("test", 0, &[]),
            job("release", 1, &["test"]),
            job("docker", 1, &["test"]),
        ];
        let l = layout(&jobs).unwrap();
        let (test, release, docker) = (&l.boxes[0], &l.boxes[1], &l.boxes[2]);
        assert_eq!(release.x, docker.x);
        assert!(release.y < docker.y);
        assert_eq!(test.y + BOX_H / 2, (release.y + docker.y + BOX_H) / 2);
        // Fits a phone's content width without scaling much: two columns.
        assert_eq!(l.width, 2 * PAD + 2 * BOX_W + COL_GAP);
        assert_eq!(l.edges.len(), 2);
        for e in &l.edges {
            assert_eq!(e.from, 0);
            assert!(
                e.path.starts_with(&format!("M{} ", test.x + BOX_W)),
                "{}",
                e.path
            );
        }
    }

    #[test]
    fn edges_run_from_the_needed_job_to_its_dependent_and_unknown_needs_are_not_drawn() {
        let jobs = vec![job("a", 0, &[]), job("b", 1, &["a", "ghost"])];
        let l = layout(&jobs).unwrap();
        assert_eq!(l.edges.len(), 1);
        let e = &l.edges[0];
        assert_eq!((e.from, e.to), (0, 1));
        let b = &l.boxes[1];
        // The arrowhead's tip touches the dependent's left side at mid-height.
        assert!(
            e.arrow.ends_with(&format!(" {},{}", b.x, b.y + BOX_H / 2)),
            "{}",
            e.arrow
        );
    }

    #[test]
    fn a_cycle_loops_back_on_the_right_and_widens_the_picture() {
        let jobs = vec![job("a", 2, &["b"]), job("b", 2, &["a"])];
        let l = layout(&jobs).unwrap();
        assert_eq!(l.edges.len(), 2);
        assert_eq!(l.width, 2 * PAD + BOX_W + LOOP_ROOM);
        for e in &l.edges {
            let numbers: Vec<u32> = e
                .path
                .split(|c: char| !c.is_ascii_digit())
                .filter_map(|n| n.parse().ok())
                .collect();
            assert!(numbers.iter().all(|&n| n <= l.width), "{}", e.path);
        }
    }

    #[test]
    fn no_jobs_or_too_many_draw_nothing() {
        assert_eq!(layout(&[]), None);
        let many: Vec<GraphJob> = (0..=MAX_DRAWN_JOBS)
            .map(|i| job(&format!("j{i}"), 0, &[]))
            .collect();
        assert_eq!(layout(&many), None);
        assert!(layout(&many[..MAX_DRAWN_JOBS]).is_some());
    }

    #[test]
    fn long_names_are_cut_with_an_ellipsis() {
        for (name, expected) in [
            ("test", "test"),
            ("exactly-eighteen-c", "exactly-eighteen-c"),
            ("build and publish the images", "build and publish…"),
            ("リリースを作成するジョブです", "リリースを作成す…"),
        ] {
            assert_eq!(fit_name(name), expected);
        }
    }

    #[test]
    fn matrix_instances_are_grouped_under_their_job() {
        let source = "on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    strategy:\n      matrix:\n        os: [ubuntu, macos]\n        go: ['1.21', '1.22']\n    steps:\n      - run: go test\n  release:\n    needs: test\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo\n";
        let run = |failing: Vec<String>| {
            let options = Options {
                event: Event::default(),
                failing,
            };
            group_runs(&analyze(source, &options).jobs)
        };
        let jobs = run(Vec::new());
        assert_eq!(jobs.len(), 2);
        assert_eq!(jobs[0].name, "test");
        assert_eq!(jobs[0].instances.len(), 4);
        assert!(
            jobs[0]
                .instances
                .iter()
                .any(|(n, _)| n == "test (macos, 1.22)"),
            "{:?}",
            jobs[0].instances
        );
        assert_eq!(jobs[0].status, Status::Success);
        assert!(jobs[1].instances.is_empty());
        assert_eq!(jobs[1].needs, ["test"]);
        // One failing instance makes the job a failure and its dependent skipped.
        let jobs = run(vec!["test (ubuntu, 1.21)".into()]);
        assert_eq!(jobs[0].status, Status::Failure);
        assert_eq!(jobs[1].status, Status::Skipped);
    }
}
