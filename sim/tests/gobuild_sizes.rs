//! The size model against the calibration table it embeds, and against the reference lab's
//! independent measurements.

use deploy_sim::gobuild::size::{measurements, predict_size, SizeQuery};
use deploy_sim::gobuild::{parse_ldflags, predict_upx, UpxCommand, UpxLevel};

fn query_for(
    target: &str,
    env: Option<&str>,
    cgo: bool,
    trimpath: bool,
    ldflags: &str,
) -> SizeQuery {
    let (goos, goarch) = target.split_once('/').expect("goos/goarch");
    let flags = parse_ldflags(ldflags);
    SizeQuery {
        goos: goos.into(),
        goarch: goarch.into(),
        arch_env: env.map(str::to_string),
        cgo,
        trimpath,
        strip_symbols: flags.strip_symbols,
        strip_dwarf: flags.strip_dwarf(),
        ldflags: ldflags.into(),
        sample_program: true,
    }
}

/// Prints `what: N builds, max X %, mean Y %` (run with `--nocapture`), the figures the size
/// model's accuracy is quoted with.
fn report(what: &str, errors: &[f64]) {
    let max = errors.iter().copied().fold(0.0, f64::max);
    let mean = errors.iter().sum::<f64>() / errors.len().max(1) as f64;
    eprintln!(
        "size model, {what}: {} builds, max {:.3} %, mean {:.3} %",
        errors.len(),
        max * 100.0,
        mean * 100.0
    );
}

fn relative_error(predicted: u64, real: u64) -> f64 {
    (predicted as f64 - real as f64).abs() / real as f64
}

#[test]
fn every_measured_point_is_reproduced_exactly() {
    assert!(measurements().len() >= 40, "calibration table too small");
    for m in measurements() {
        let estimate = predict_size(&query_for(
            &m.target,
            m.env.as_deref(),
            m.cgo,
            m.trimpath,
            &m.ldflags,
        ));
        assert_eq!(estimate.bytes, m.bytes, "{m:?}");
        assert!(estimate.measured && !estimate.extrapolated, "{m:?}");
    }
}

#[test]
fn x_values_cost_no_measurable_space() {
    // The premise of the model's "-X is free" rule, checked on every -X calibration row.
    let mut checked = 0;
    for m in measurements().iter().filter(|m| m.ldflags.contains("-X")) {
        let base_flags = if m.ldflags.starts_with("-s -w") {
            "-s -w"
        } else {
            ""
        };
        let base = measurements()
            .iter()
            .find(|b| {
                b.target == m.target
                    && b.env == m.env
                    && b.cgo == m.cgo
                    && b.trimpath == m.trimpath
                    && b.ldflags == base_flags
            })
            .expect("base row");
        assert!(
            relative_error(m.bytes, base.bytes) < 0.0001,
            "{m:?} vs {base:?}"
        );
        checked += 1;
    }
    assert!(checked >= 3);
}

#[test]
fn interpolated_points_are_within_3_percent() {
    // A -X value of another length than the measured one: compare with the measured -X row.
    let measured_x = measurements()
        .iter()
        .find(|m| m.ldflags.starts_with("-s -w -X main.version=v1.2.3 -X"))
        .expect("an -X calibration row");
    let other = measured_x.ldflags.replace("v1.2.3", "v10.20.30-rc.1");
    let e = predict_size(&query_for(&measured_x.target, None, false, false, &other));
    assert!(!e.measured && !e.extrapolated);
    assert!(relative_error(e.bytes, measured_x.bytes) < 0.03, "{e:?}");
    // -s alone equals -s -w since Go 1.22, so a combination like "-w -s" is predicted from it.
    for m in measurements()
        .iter()
        .filter(|m| m.ldflags == "-s -w" && !m.cgo)
    {
        let e = predict_size(&query_for(
            &m.target,
            m.env.as_deref(),
            false,
            m.trimpath,
            "-w -s",
        ));
        assert_eq!(e.bytes, m.bytes, "{m:?}");
    }
}

/// Leave-one-out for the extrapolation rule: predict each measured non-linux target from its
/// architecture on linux and its OS on amd64, as the model does for unmeasured targets.
#[test]
fn extrapolation_rule_is_within_5_percent_on_measured_targets() {
    let find = |t: &str, f: &str| {
        measurements()
            .iter()
            .find(|m| m.target == t && m.env.is_none() && !m.cgo && !m.trimpath && m.ldflags == f)
            .map(|m| m.bytes)
    };
    let mut errors = Vec::new();
    for m in measurements()
        .iter()
        .filter(|m| !m.target.starts_with("linux/") && !m.target.ends_with("/amd64"))
    {
        let (goos, goarch) = m.target.split_once('/').expect("pair");
        if m.cgo || m.trimpath || m.env.is_some() || m.ldflags.contains("-X") {
            continue;
        }
        let (Some(arch), Some(os), Some(linux)) = (
            find(&format!("linux/{goarch}"), &m.ldflags),
            find(&format!("{goos}/amd64"), &m.ldflags),
            find("linux/amd64", &m.ldflags),
        ) else {
            continue;
        };
        let predicted = (arch as f64 * os as f64 / linux as f64).round() as u64;
        assert!(
            relative_error(predicted, m.bytes) < 0.05,
            "{m:?} predicted {predicted}"
        );
        errors.push(relative_error(predicted, m.bytes));
    }
    assert!(errors.len() >= 4, "only {} targets checked", errors.len());
    report("leave-one-out extrapolation", &errors);
}

#[test]
fn unmeasured_targets_say_extrapolated() {
    let e = predict_size(&query_for("netbsd/arm64", None, false, false, "-s -w"));
    assert!(e.extrapolated && !e.measured);
    assert!(e.bytes > 3_000_000 && e.bytes < 7_000_000, "{e:?}");
    let e = predict_size(&query_for("linux/amd64", None, false, false, ""));
    assert!(!e.extrapolated);
    let custom = SizeQuery {
        sample_program: false,
        ..query_for("linux/amd64", None, false, false, "")
    };
    assert!(predict_size(&custom).extrapolated);
}

/// The reference lab's measurements of the same program with go1.22.12 (domain-facts,
/// go1.22-binary-sizes.tsv, measured 2026-12-03 on another machine). Unstripped sizes depend on
/// the build directory (the source path is stored in the binary), so they agree only to within
/// a fraction of a percent; the goal is 3%.
#[test]
fn agrees_with_the_reference_lab_within_3_percent() {
    let reference: &[(&str, &str, bool, u64)] = &[
        ("linux/amd64", "", false, 7_218_869),
        ("linux/amd64", "-s", false, 4_923_544),
        ("linux/amd64", "-w", false, 5_302_894),
        ("linux/amd64", "-s -w", true, 4_911_256),
        ("linux/arm64", "", false, 6_924_999),
        ("linux/arm64", "-s -w", false, 4_718_744),
        ("darwin/amd64", "", false, 7_225_936),
        ("darwin/arm64", "-s -w", false, 4_810_786),
        ("windows/amd64", "", false, 7_289_856),
        ("windows/amd64", "-s -w", true, 5_040_128),
        ("linux/arm", "-w", false, 5_108_039),
        ("linux/386", "", false, 7_070_169),
        ("linux/386", "-s -w", true, 4_767_896),
    ];
    let mut errors = Vec::new();
    for &(target, ldflags, trimpath, bytes) in reference {
        let e = predict_size(&query_for(target, None, false, trimpath, ldflags));
        assert!(
            relative_error(e.bytes, bytes) < 0.03,
            "{target} {ldflags}: {} vs {bytes}",
            e.bytes
        );
        errors.push(relative_error(e.bytes, bytes));
    }
    report("vs the reference lab's builds", &errors);
}

#[test]
fn upx_shrinks_and_refuses_macos() {
    let e = predict_upx(4_923_544, "linux", "amd64", true, UpxLevel::Default);
    let default = e.bytes.expect("upx packs linux/amd64");
    assert!(default < 4_923_544 / 2, "{e:?}");
    let best = predict_upx(4_923_544, "linux", "amd64", true, UpxLevel::BestLzma)
        .bytes
        .expect("packs");
    assert!(best < default);
    assert!(
        predict_upx(4_810_786, "darwin", "arm64", true, UpxLevel::Default)
            .bytes
            .is_none()
    );
    assert_eq!(
        UpxLevel::from_args(&["--best", "--lzma"]),
        UpxLevel::BestLzma
    );
}

/// `upx --help` (4.2.2): `-o FILE` writes to FILE, `--best` compresses best, `--lzma` tries
/// LZMA, `-1`..`-9` pick the speed; anything else is an option we do not model.
#[test]
fn upx_command_lines() {
    // (arguments, level, files, -o, options not modelled)
    type Case<'a> = (
        &'a [&'a str],
        UpxLevel,
        &'a [&'a str],
        Option<&'a str>,
        &'a [&'a str],
    );
    let cases: &[Case] = &[
        (
            &["out/server"],
            UpxLevel::Default,
            &["out/server"],
            None,
            &[],
        ),
        (
            &["--best", "--lzma", "-o", "out/s.upx", "out/s"],
            UpxLevel::BestLzma,
            &["out/s"],
            Some("out/s.upx"),
            &[],
        ),
        (
            &["-9", "-oout/x", "a"],
            UpxLevel::Best,
            &["a"],
            Some("out/x"),
            &[],
        ),
        (
            &["--lzma", "--output=b.upx", "b"],
            UpxLevel::Lzma,
            &["b"],
            Some("b.upx"),
            &[],
        ),
        (
            &["-q", "-1", "a", "b"],
            UpxLevel::Default,
            &["a", "b"],
            None,
            &["-q"],
        ),
        // A dangling -o has no file: nothing to write to, and nothing panics.
        (&["a", "-o"], UpxLevel::Default, &["a"], None, &[]),
        (&[], UpxLevel::Default, &[], None, &[]),
    ];
    for (args, level, files, output, ignored) in cases {
        let cmd = UpxCommand::parse(args);
        assert_eq!(cmd.level, *level, "{args:?}");
        assert_eq!(
            cmd.files,
            files.iter().map(|s| s.to_string()).collect::<Vec<_>>(),
            "{args:?}"
        );
        assert_eq!(cmd.output.as_deref(), *output, "{args:?}");
        assert_eq!(
            cmd.ignored,
            ignored.iter().map(|s| s.to_string()).collect::<Vec<_>>(),
            "{args:?}"
        );
    }
}
