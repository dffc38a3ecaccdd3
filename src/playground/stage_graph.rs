//! The Stages panel's drawing, computed without a DOM: every stage of the analysis as a box in
//! one column (file order, so it fits a 390 px phone and never needs sideways room), the
//! dependencies between stages as arrows, and the words the boxes show, already shortened to fit.
//!
//! Dependencies come from the engine's graph: a `FROM <stage>` base, `COPY --from=<stage>` and
//! `RUN --mount=from=<stage>`. The engine resolves a reference only to an *earlier* stage
//! (BuildKit's `convert.go` rejects later ones), so every arrow points down the column.
//! `FROM <stage>` arrows run in lanes on the left of the boxes (straight down when the parent is
//! the box just above), `COPY`/`--mount` arrows in lanes on the right. Within a side, shorter
//! arrows take the inner lanes and attach so that arrows of one side never cross.

use deploy_sim::dockerfile::graph::{BaseRef, Source, Stage, StepKind};
use deploy_sim::dockerfile::Analysis;

/// The drawing's width in SVG units; the component gives the SVG this width and lets CSS shrink
/// it (never grow it) to the panel, so on a 390 px phone it is drawn at about 1:1.
pub const WIDTH: i32 = 340;
pub const BOX_H: i32 = 64;
/// Vertical room between boxes (an arrow between neighbours needs it).
pub const GAP: i32 = 26;
const TOP: i32 = 6;
const PAD: i32 = 14;
const LANE_W: i32 = 10;
/// Lanes per side; more arrows share the outermost lane (bounded width on any input).
const MAX_LANES: usize = 6;
const MIN_BOX_W: i32 = 220;
/// Boxes drawn at most; the table below the drawing lists every stage.
pub const MAX_DRAWN: usize = 24;
/// Stages the table lists at most (a real Dockerfile has a handful).
pub const MAX_LISTED: usize = 100;
const ARROW: i32 = 6;
/// Approximate advance of one character in the box text (SVG units at the sizes the CSS uses:
/// 12-unit sans for names, 11-unit monospace for images). Wide (CJK) characters count double.
const CHAR_W: i32 = 7;
/// Room kept on a box's first line for the "target"/"skipped" word.
const TAG_ROOM: i32 = 84;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EdgeKind {
    /// `FROM <stage>`: the stage starts from that stage's result.
    From,
    /// `COPY --from=<stage>` (or `ADD --from`).
    CopyFrom,
    /// `RUN --mount=from=<stage>`.
    MountFrom,
}

impl EdgeKind {
    pub fn key(self) -> &'static str {
        match self {
            EdgeKind::From => "from",
            EdgeKind::CopyFrom => "copy",
            EdgeKind::MountFrom => "mount",
        }
    }
}

/// One stage as the panel shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct StageNode {
    pub index: usize,
    pub name: Option<String>,
    /// The base as the engine expanded it (`golang:1.22-alpine`, `build`, `scratch`).
    pub base: String,
    pub base_stage: Option<usize>,
    /// The FROM line.
    pub line: usize,
    pub built: bool,
    pub target: bool,
    /// The stage's estimated size; `None` for stages BuildKit does not build.
    pub size_bytes: Option<u64>,
    /// Images (not stages) the stage copies or mounts from, e.g. `COPY --from=alpine:3.19`.
    pub external: Vec<String>,
    /// The name, shortened to fit the box next to its tag (empty when the stage has none).
    pub name_fit: String,
    /// `FROM <base>`, shortened in the middle to fit (the tag at the end stays readable).
    pub from_fit: String,
    /// The box, when it is drawn.
    pub rect: Option<Rect>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rect {
    pub x: i32,
    pub y: i32,
    pub w: i32,
    pub h: i32,
}

/// One dependency: `to` uses `from`.
#[derive(Clone, Debug, PartialEq)]
pub struct StageEdge {
    pub from: usize,
    pub to: usize,
    pub kind: EdgeKind,
    /// The instructions that make the dependency (the FROM line, each COPY/RUN line).
    pub lines: Vec<usize>,
    /// Whether BuildKit uses this dependency for the target (the stage that uses it is built).
    pub built: bool,
    /// The arrow, when both boxes are drawn: an SVG path and its head's three points.
    pub path: Option<String>,
    pub head: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct StageGraph {
    pub width: i32,
    pub height: i32,
    pub nodes: Vec<StageNode>,
    pub edges: Vec<StageEdge>,
    /// Stages left out of the drawing (beyond [`MAX_DRAWN`]).
    pub undrawn: usize,
    /// Stages left out of the list (beyond [`MAX_LISTED`]).
    pub unlisted: usize,
}

/// The dependencies of `stage` on earlier stages, one entry per (source, kind), with the lines.
fn dependencies(stage: &Stage) -> Vec<(usize, EdgeKind, Vec<usize>)> {
    let mut out: Vec<(usize, EdgeKind, Vec<usize>)> = Vec::new();
    let mut add = |from: usize, kind: EdgeKind, line: usize| {
        if from >= stage.index {
            return;
        }
        match out.iter_mut().find(|(f, k, _)| *f == from && *k == kind) {
            Some((_, _, lines)) => {
                if !lines.contains(&line) {
                    lines.push(line);
                }
            }
            None => out.push((from, kind, vec![line])),
        }
    };
    if let BaseRef::Stage(parent) = stage.base_ref {
        add(parent, EdgeKind::From, stage.line);
    }
    for step in &stage.steps {
        match &step.kind {
            StepKind::Copy {
                from: Source::Stage(s),
                ..
            } => add(*s, EdgeKind::CopyFrom, step.line),
            StepKind::Run { mounts, .. } => {
                for m in mounts {
                    if let Some(Source::Stage(s)) = m.from {
                        add(s, EdgeKind::MountFrom, step.line);
                    }
                }
            }
            _ => {}
        }
    }
    out
}

/// Images (not stages) a stage copies or mounts from.
fn external_sources(stage: &Stage) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut add = |image: &str| {
        if !out.iter().any(|i| i == image) {
            out.push(image.to_string());
        }
    };
    for step in &stage.steps {
        match &step.kind {
            StepKind::Copy {
                from: Source::Image(image),
                ..
            } => add(image),
            StepKind::Run { mounts, .. } => {
                for m in mounts {
                    if let Some(Source::Image(image)) = &m.from {
                        add(image);
                    }
                }
            }
            _ => {}
        }
    }
    out
}

fn char_width(c: char) -> i32 {
    // East Asian wide characters (kana, kanji, full-width forms) take about two columns.
    if matches!(c as u32, 0x1100..=0x115F | 0x2E80..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6)
    {
        2
    } else {
        1
    }
}

fn columns(s: &str) -> i32 {
    s.chars().map(char_width).sum()
}

/// `s` cut at the end to `max` columns, with `…` when cut.
pub fn fit_end(s: &str, max: i32) -> String {
    if columns(s) <= max {
        return s.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = char_width(c);
        if used + w > max - 1 {
            break;
        }
        used += w;
        out.push(c);
    }
    out.push('…');
    out
}

/// `s` cut in the middle to `max` columns: `gcr.io/distrol…debian12:nonroot`.
pub fn fit_middle(s: &str, max: i32) -> String {
    if columns(s) <= max {
        return s.to_string();
    }
    let budget = (max - 1).max(2);
    let head_budget = budget / 2;
    let tail_budget = budget - head_budget;
    let mut head = String::new();
    let mut used = 0;
    for c in s.chars() {
        if used + char_width(c) > head_budget {
            break;
        }
        used += char_width(c);
        head.push(c);
    }
    let mut tail: Vec<char> = Vec::new();
    let mut used = 0;
    for c in s.chars().rev() {
        if used + char_width(c) > tail_budget {
            break;
        }
        used += char_width(c);
        tail.push(c);
    }
    tail.reverse();
    format!("{head}…{}", tail.into_iter().collect::<String>())
}

/// An insertion sort for the few arrows of one drawing: the standard library's sorts are
/// several kilobytes of WebAssembly per element type, this is a few hundred bytes.
fn sort_small<T, K: Ord>(items: &mut [T], key: impl Fn(&T) -> K) {
    for i in 1..items.len() {
        let mut j = i;
        while j > 0 && key(&items[j - 1]) > key(&items[j]) {
            items.swap(j - 1, j);
            j -= 1;
        }
    }
}

/// Lane numbers (0 = next to the boxes) for intervals `(top, bottom)` in box rows: shortest first,
/// each in the innermost lane where it overlaps nothing already placed.
fn assign_lanes(spans: &[(usize, usize)]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..spans.len()).collect();
    sort_small(&mut order, |&i| (spans[i].1 - spans[i].0, spans[i].0));
    let mut lanes: Vec<Vec<(usize, usize)>> = Vec::new();
    let mut out = vec![0; spans.len()];
    for i in order {
        let (a, b) = spans[i];
        let free = lanes
            .iter()
            .position(|taken| taken.iter().all(|&(c, d)| b <= c || d <= a));
        let lane = match free {
            Some(lane) => lane,
            None if lanes.len() < MAX_LANES => {
                lanes.push(Vec::new());
                lanes.len() - 1
            }
            None => MAX_LANES - 1,
        };
        if let Some(taken) = lanes.get_mut(lane) {
            taken.push((a, b));
        }
        out[i] = lane;
    }
    out
}

fn lane_count(lanes: &[usize]) -> i32 {
    lanes.iter().map(|&l| l as i32 + 1).max().unwrap_or(0)
}

/// The Stages panel's model for `analysis`: nodes with boxes, edges with arrows, and the size of
/// the drawing.
pub fn stage_graph(analysis: &Analysis) -> StageGraph {
    let target = analysis.target.as_ref().map(|t| t.index);
    let sizes = &analysis.image.stages;
    let listed = analysis.stages.len().min(MAX_LISTED);
    let drawn = analysis.stages.len().min(MAX_DRAWN);

    let mut edges: Vec<StageEdge> = Vec::new();
    for stage in analysis.stages.iter().take(listed) {
        for (from, kind, lines) in dependencies(stage) {
            edges.push(StageEdge {
                from,
                to: stage.index,
                kind,
                lines,
                built: stage.built,
                path: None,
                head: None,
            });
        }
    }

    // Which edges are drawn, and how: straight (FROM the box just above), left or right lane.
    let drawable = |e: &StageEdge| e.to < drawn;
    let straight = |e: &StageEdge| e.kind == EdgeKind::From && e.to == e.from + 1;
    let left: Vec<usize> = (0..edges.len())
        .filter(|&i| drawable(&edges[i]) && edges[i].kind == EdgeKind::From && !straight(&edges[i]))
        .collect();
    let right: Vec<usize> = (0..edges.len())
        .filter(|&i| drawable(&edges[i]) && edges[i].kind != EdgeKind::From)
        .collect();
    let spans = |ids: &[usize]| -> Vec<(usize, usize)> {
        ids.iter().map(|&i| (edges[i].from, edges[i].to)).collect()
    };
    let left_lanes = assign_lanes(&spans(&left));
    let right_lanes = assign_lanes(&spans(&right));
    let left_w = PAD + LANE_W * lane_count(&left_lanes);
    let right_w = PAD + LANE_W * lane_count(&right_lanes);
    let box_w = (WIDTH - left_w - right_w).max(MIN_BOX_W);
    let width = left_w + box_w + right_w;
    let height = if drawn == 0 {
        0
    } else {
        TOP * 2 + drawn as i32 * BOX_H + (drawn as i32 - 1) * GAP
    };
    let rect_of = |index: usize| Rect {
        x: left_w,
        y: TOP + index as i32 * (BOX_H + GAP),
        w: box_w,
        h: BOX_H,
    };

    let nodes: Vec<StageNode> = analysis
        .stages
        .iter()
        .take(listed)
        .map(|s| StageNode {
            index: s.index,
            name: s.name.clone(),
            base: s.base.clone(),
            base_stage: match s.base_ref {
                BaseRef::Stage(p) => Some(p),
                _ => None,
            },
            line: s.line,
            built: s.built,
            target: Some(s.index) == target,
            size_bytes: sizes
                .iter()
                .find(|z| z.index == s.index)
                .map(|z| z.size_bytes)
                .filter(|_| s.built),
            external: external_sources(s),
            name_fit: s
                .name
                .as_deref()
                .map(|n| fit_end(n, (box_w - 16 - TAG_ROOM - 3 * CHAR_W) / CHAR_W))
                .unwrap_or_default(),
            from_fit: fit_middle(&format!("FROM {}", s.base), (box_w - 16) / CHAR_W),
            rect: (s.index < drawn).then(|| rect_of(s.index)),
        })
        .collect();

    // Attachment points on each box side: arrows arriving (from above) in the upper part, in
    // lane order; arrows leaving (downwards) in the lower part, outer lanes first. That order
    // keeps the arrows of one side from crossing each other.
    let place = |ids: &[usize], lanes: &[usize], edges: &mut Vec<StageEdge>, side_left: bool| {
        let lane_x = |lane: usize| {
            let offset = PAD / 2 + LANE_W * lane as i32 + LANE_W / 2;
            if side_left {
                left_w - offset
            } else {
                left_w + box_w + offset
            }
        };
        let mut arriving: Vec<Vec<(usize, usize)>> = vec![Vec::new(); drawn];
        let mut leaving: Vec<Vec<(usize, usize)>> = vec![Vec::new(); drawn];
        for (k, &i) in ids.iter().enumerate() {
            let lane = lanes.get(k).copied().unwrap_or(0);
            arriving[edges[i].to].push((lane, i));
            leaving[edges[i].from].push((lane, i));
        }
        let mut y_from = vec![0; edges.len()];
        let mut y_to = vec![0; edges.len()];
        for b in 0..drawn {
            let r = rect_of(b);
            sort_small(&mut arriving[b], |&(lane, i)| (lane, i));
            sort_small(&mut leaving[b], |&(lane, i)| (usize::MAX - lane, i));
            let n = (arriving[b].len() + leaving[b].len()) as i32;
            let slot = |k: i32| r.y + 8 + (r.h - 16) * (k + 1) / (n + 1);
            for (k, &(_, i)) in arriving[b].iter().enumerate() {
                y_to[i] = slot(k as i32);
            }
            let offset = arriving[b].len() as i32;
            for (k, &(_, i)) in leaving[b].iter().enumerate() {
                y_from[i] = slot(offset + k as i32);
            }
        }
        for (k, &i) in ids.iter().enumerate() {
            let x = lane_x(lanes.get(k).copied().unwrap_or(0));
            let (y1, y2) = (y_from[i], y_to[i]);
            let edge_x = if side_left { left_w } else { left_w + box_w };
            let tip = if side_left { edge_x - 1 } else { edge_x + 1 };
            let back = if side_left { tip - ARROW } else { tip + ARROW };
            edges[i].path = Some(format!("M{edge_x} {y1}H{x}V{y2}H{back}"));
            edges[i].head = Some(format!(
                "{tip},{y2} {back},{} {back},{}",
                y2 - ARROW / 2 - 1,
                y2 + ARROW / 2 + 1
            ));
        }
    };
    place(&left, &left_lanes, &mut edges, true);
    place(&right, &right_lanes, &mut edges, false);
    for e in edges.iter_mut().filter(|e| e.to < drawn) {
        if straight(e) {
            let x = left_w + 22;
            let top = rect_of(e.from).y + BOX_H;
            let tip = rect_of(e.to).y - 1;
            e.path = Some(format!("M{x} {top}V{}", tip - ARROW));
            e.head = Some(format!(
                "{x},{tip} {},{} {},{}",
                x - ARROW / 2 - 1,
                tip - ARROW,
                x + ARROW / 2 + 1,
                tip - ARROW
            ));
        }
    }

    StageGraph {
        width,
        height,
        nodes,
        edges,
        undrawn: analysis.stages.len() - drawn,
        unlisted: analysis.stages.len() - listed,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use deploy_sim::dockerfile::{analyze, Options};

    fn graph(source: &str) -> StageGraph {
        stage_graph(&analyze(source, &Options::default()))
    }

    fn graph_for(source: &str, target: &str) -> StageGraph {
        stage_graph(&analyze(
            source,
            &Options {
                target: Some(target.into()),
                ..Options::default()
            },
        ))
    }

    /// The corners and ends of an arrow's path (`M x y H x V y H x` or `M x y V y`).
    fn points(path: &str) -> Vec<(i32, i32)> {
        let (mut x, mut y) = (0, 0);
        let mut out = Vec::new();
        let mut rest = path;
        while let Some(command) = rest.chars().next() {
            let body = &rest[1..];
            let end = body
                .find(|c: char| c.is_ascii_alphabetic())
                .unwrap_or(body.len());
            let numbers: Vec<i32> = body[..end]
                .split(' ')
                .filter_map(|n| n.parse().ok())
                .collect();
            match (command, numbers.as_slice()) {
                ('M', [a, b]) => (x, y) = (*a, *b),
                ('H', [a]) => x = *a,
                ('V', [b]) => y = *b,
                _ => panic!("unexpected path {path}"),
            }
            out.push((x, y));
            rest = &body[end..];
        }
        out
    }

    const PRODUCTION: &str = "FROM --platform=$BUILDPLATFORM golang:1.22-alpine AS build\nWORKDIR /src\nCOPY go.mod go.sum ./\nRUN go mod download\nCOPY . .\nRUN CGO_ENABLED=0 go build -o /out/shortlink ./cmd/shortlink\n\nFROM gcr.io/distroless/static-debian12:nonroot\nCOPY --from=build /out/shortlink /shortlink\nENTRYPOINT [\"/shortlink\"]\n";

    /// deps ← build (FROM deps) ← test (FROM build, skipped for the default target), a certs
    /// stage, and the runtime copying from build and certs and mounting from deps.
    const FIVE: &str = "FROM golang:1.22-alpine AS deps\nWORKDIR /src\nCOPY go.mod go.sum ./\nRUN go mod download\n\nFROM deps AS build\nCOPY . .\nRUN go build -o /out/app .\n\nFROM build AS test\nRUN go test ./...\n\nFROM alpine:3.19 AS certs\nRUN apk add --no-cache ca-certificates\n\nFROM deps AS final\nRUN --mount=type=bind,from=deps,source=/src,target=/x true\nCOPY --from=certs /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/\nCOPY --from=build /out/app /app\nCOPY --from=alpine:3.19 /etc/passwd /etc/passwd\nENTRYPOINT [\"/app\"]\n";

    #[test]
    fn the_guide_builder_and_runtime() {
        let g = graph(PRODUCTION);
        assert_eq!(g.nodes.len(), 2);
        let (build, runtime) = (&g.nodes[0], &g.nodes[1]);
        assert_eq!(build.name.as_deref(), Some("build"));
        assert_eq!(build.line, 1);
        assert!(build.built && !build.target);
        assert!(runtime.built && runtime.target && runtime.name.is_none());
        assert!(build.size_bytes.unwrap_or(0) > 100_000_000, "{build:?}");
        assert!(runtime.size_bytes.unwrap_or(0) < 20_000_000, "{runtime:?}");
        assert_eq!(g.edges.len(), 1);
        let copy = &g.edges[0];
        assert_eq!((copy.from, copy.to, copy.kind), (0, 1, EdgeKind::CopyFrom));
        assert_eq!(copy.lines, [9]);
        assert!(copy.path.is_some() && copy.head.is_some());
        assert_eq!((g.undrawn, g.unlisted), (0, 0));
    }

    #[test]
    fn edges_of_every_kind_and_their_lines() {
        let g = graph(FIVE);
        let mut got: Vec<(usize, usize, &str, Vec<usize>, bool)> = g
            .edges
            .iter()
            .map(|e| (e.from, e.to, e.kind.key(), e.lines.clone(), e.built))
            .collect();
        got.sort();
        assert_eq!(
            got,
            vec![
                (0, 1, "from", vec![6], true),
                (0, 4, "from", vec![16], true),
                (0, 4, "mount", vec![17], true),
                (1, 2, "from", vec![10], false),
                (1, 4, "copy", vec![19], true),
                (3, 4, "copy", vec![18], true),
            ]
        );
        // An image copied from is not a stage: it is listed on the stage, not drawn as an edge.
        assert_eq!(g.nodes[4].external, ["alpine:3.19"]);
        assert_eq!(g.nodes[1].base_stage, Some(0));
    }

    #[test]
    fn the_stages_the_target_does_not_need_are_skipped() {
        // Default target: the last stage; `test` is not needed (BuildKit builds only the stages
        // the target depends on: dockerfile2llb `allReachableStages`).
        let g = graph(FIVE);
        let built: Vec<(usize, bool, bool)> = g
            .nodes
            .iter()
            .map(|n| (n.index, n.built, n.target))
            .collect();
        assert_eq!(
            built,
            [
                (0, true, false),
                (1, true, false),
                (2, false, false),
                (3, true, false),
                (4, true, true)
            ]
        );
        assert_eq!(g.nodes[2].size_bytes, None, "a skipped stage has no size");
        // --target build: only deps and build.
        let g = graph_for(FIVE, "build");
        let built: Vec<bool> = g.nodes.iter().map(|n| n.built).collect();
        assert_eq!(built, [true, true, false, false, false]);
        assert!(g.nodes[1].target);
        assert!(g.edges.iter().filter(|e| e.to == 4).all(|e| !e.built));
    }

    #[test]
    fn the_drawing_fits_a_phone_and_boxes_never_overlap() {
        for source in [PRODUCTION, FIVE, "FROM scratch\n"] {
            let g = graph(source);
            assert!(g.width <= 400, "{} wide", g.width);
            let rects: Vec<Rect> = g.nodes.iter().filter_map(|n| n.rect).collect();
            for (i, a) in rects.iter().enumerate() {
                assert!(a.x >= 0 && a.x + a.w <= g.width && a.y >= 0 && a.y + a.h <= g.height);
                for b in &rects[i + 1..] {
                    assert!(a.y + a.h + GAP <= b.y, "{a:?} {b:?}");
                }
            }
        }
    }

    #[test]
    fn arrows_run_from_the_source_box_to_the_user_box_inside_the_drawing() {
        let g = graph(FIVE);
        for e in &g.edges {
            let pts = points(e.path.as_deref().expect("drawn"));
            let (first, last) = (pts[0], pts[pts.len() - 1]);
            let src = g.nodes[e.from].rect.expect("box");
            let dst = g.nodes[e.to].rect.expect("box");
            assert!(
                pts.iter()
                    .all(|&(x, y)| (0..=g.width).contains(&x) && (0..=g.height).contains(&y)),
                "{e:?}"
            );
            if e.kind == EdgeKind::From && e.to == e.from + 1 {
                // Straight down from the box above.
                assert_eq!(first.1, src.y + src.h);
                assert!(last.1 < dst.y && dst.y - last.1 <= ARROW + 1);
            } else {
                assert!((src.y..=src.y + src.h).contains(&first.1), "{e:?}");
                assert!((dst.y..=dst.y + dst.h).contains(&last.1), "{e:?}");
                // FROM arrows on the left of the boxes, COPY/mount arrows on the right.
                let left = e.kind == EdgeKind::From;
                assert_eq!(first.0, if left { src.x } else { src.x + src.w }, "{e:?}");
                assert!(
                    pts[1].0 < src.x || pts[1].0 > src.x + src.w,
                    "lane outside the box: {e:?}"
                );
                assert_eq!(pts[1].0 < src.x, left);
            }
        }
    }

    #[test]
    fn overlapping_arrows_get_separate_lanes_and_do_not_cross() {
        let g = graph(FIVE);
        let right: Vec<&StageEdge> = g
            .edges
            .iter()
            .filter(|e| e.kind != EdgeKind::From)
            .collect();
        assert_eq!(right.len(), 3);
        let segments: Vec<Vec<(i32, i32)>> = right
            .iter()
            .map(|e| points(e.path.as_deref().expect("drawn")))
            .collect();
        let lanes: Vec<i32> = segments.iter().map(|p| p[1].0).collect();
        // All three span the last box's rows, so each has its own lane.
        let mut distinct = lanes.clone();
        distinct.sort();
        distinct.dedup();
        assert_eq!(distinct.len(), 3, "{lanes:?}");
        // Horizontal segment of one arrow never crosses the vertical segment of another.
        for (i, a) in segments.iter().enumerate() {
            for (j, b) in segments.iter().enumerate() {
                if i == j {
                    continue;
                }
                let (bx, by1, by2) = (b[1].0, b[1].1, b[2].1);
                for &(y, x_from, x_to) in &[(a[0].1, a[0].0, a[1].0), (a[2].1, a[2].0, a[3].0)] {
                    let (lo, hi) = (x_from.min(x_to), x_from.max(x_to));
                    let crosses = lo < bx && bx < hi && by1 < y && y < by2;
                    assert!(!crosses, "arrow {i} crosses arrow {j}");
                }
            }
        }
    }

    #[test]
    fn long_names_and_images_are_shortened_to_fit() {
        let src = "FROM registry.example.com/platform/golang-toolchains/golang:1.22.5-bookworm-with-extras AS a-very-long-stage-name-that-goes-on-and-on\nRUN true\n";
        let g = graph(src);
        let node = &g.nodes[0];
        assert!(node.from_fit.contains('…'), "{}", node.from_fit);
        assert!(node.from_fit.starts_with("FROM registry"));
        assert!(node.from_fit.ends_with("with-extras"));
        assert!(columns(&node.from_fit) * CHAR_W <= node.rect.expect("box").w - 16);
        assert!(node.name_fit.ends_with('…'));
        assert_eq!(fit_end("build", 10), "build");
        assert_eq!(fit_middle("abcdefghij", 5), "ab…ij");
        // Wide characters count double.
        assert_eq!(fit_end("ビルドステージ", 7), "ビルド…");
    }

    #[test]
    fn many_stages_are_bounded() {
        let mut src = String::new();
        for i in 0..300 {
            src.push_str(&format!("FROM alpine:3.19 AS s{i}\n"));
            if i > 0 {
                src.push_str(&format!(
                    "COPY --from=s0 /x /x{i}\nCOPY --from=s{} /y /y\n",
                    i - 1
                ));
            }
        }
        let g = graph(&src);
        assert_eq!(g.nodes.len(), MAX_LISTED);
        assert_eq!(g.unlisted, 200);
        assert_eq!(g.undrawn, 300 - MAX_DRAWN);
        assert_eq!(
            g.nodes.iter().filter(|n| n.rect.is_some()).count(),
            MAX_DRAWN
        );
        assert!(
            g.width <= WIDTH + 2 * LANE_W * MAX_LANES as i32,
            "{}",
            g.width
        );
        assert!(g
            .edges
            .iter()
            .filter(|e| e.to >= MAX_DRAWN)
            .all(|e| e.path.is_none()));
    }

    #[test]
    fn no_stages_no_drawing() {
        let g = graph("# nothing yet\n");
        assert!(g.nodes.is_empty() && g.edges.is_empty());
        assert_eq!(g.height, 0);
    }
}
