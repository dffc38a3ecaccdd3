//! UPX, the guide's answer to "can the binary get smaller still?": the packed size from ratios
//! measured with UPX on the calibration binaries (`sim/data/upx-ratios.tsv`), plus the costs.

use crate::Text;
use serde::Serialize;
use std::sync::OnceLock;

const UPX_TSV: &str = include_str!("../../data/upx-ratios.tsv");

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum UpxLevel {
    /// `upx` with no option (NRV2B/E, level 7... the default).
    Default,
    /// `upx --best`.
    Best,
    /// `upx --lzma`.
    Lzma,
    /// `upx --best --lzma`.
    BestLzma,
}

impl UpxLevel {
    /// The level as written in the data file.
    fn key(self) -> &'static str {
        match self {
            UpxLevel::Default => "default",
            UpxLevel::Best => "--best",
            UpxLevel::Lzma => "--lzma",
            UpxLevel::BestLzma => "--best --lzma",
        }
    }

    /// Parses the options of an `upx` command line (`--best`, `--lzma`, `-9`).
    pub fn from_args(args: &[&str]) -> UpxLevel {
        let best = args.iter().any(|a| *a == "--best" || *a == "-9");
        let lzma = args.contains(&"--lzma");
        match (best, lzma) {
            (false, false) => UpxLevel::Default,
            (true, false) => UpxLevel::Best,
            (false, true) => UpxLevel::Lzma,
            (true, true) => UpxLevel::BestLzma,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct UpxEstimate {
    /// `None` when UPX refuses this target.
    pub bytes: Option<u64>,
    /// packed / input, as measured.
    pub ratio: Option<f64>,
    /// The ratio was measured on this very target (otherwise linux/amd64's is used).
    pub measured_on_target: bool,
    pub notes: Vec<Text>,
}

struct Row {
    target: String,
    stripped: bool,
    level: String,
    input: u64,
    packed: Option<u64>,
}

fn rows() -> &'static [Row] {
    static ROWS: OnceLock<Vec<Row>> = OnceLock::new();
    ROWS.get_or_init(|| {
        UPX_TSV
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .skip(1)
            .filter_map(|line| {
                let mut c = line.split('\t');
                let target = c.next()?.to_string();
                let _trimpath = c.next()?;
                let ldflags = c.next()?;
                let level = c.next()?.to_string();
                let input = c.next()?.parse().ok()?;
                let packed = c.next()?.parse().ok();
                Some(Row {
                    target,
                    stripped: ldflags.contains("-s"),
                    level,
                    input,
                    packed,
                })
            })
            .collect()
    })
}

/// Predicts `upx [level] <binary>` for a binary of `input_bytes` built for `goos/goarch`.
pub fn predict_upx(
    input_bytes: u64,
    goos: &str,
    goarch: &str,
    stripped: bool,
    level: UpxLevel,
) -> UpxEstimate {
    let target = format!("{goos}/{goarch}");
    let mut notes = vec![
        Text::new(
            "A UPX-packed binary decompresses itself into memory at every start: slower start-up and more RAM per process, and the pages cannot be shared between processes.",
            "UPX で圧縮したバイナリは起動のたびにメモリ上で自分を展開します。起動が遅くなり、プロセスごとのメモリも増え、ページをプロセス間で共有できません。",
        ),
        Text::new(
            "Some antivirus and container scanners flag UPX-packed executables; registries already gzip layers, so the download saving is smaller than the file-size saving.",
            "UPX 圧縮した実行ファイルは一部のウイルス対策やコンテナスキャナーに検出されることがあります。レジストリはレイヤーを gzip するので、転送量の削減はファイルサイズほど大きくありません。",
        ),
    ];
    if goos == "darwin" || goos == "ios" {
        notes.push(Text::new(
            "UPX 4 refuses macOS binaries (observed with upx 4.2.2: \"CantPackException: macOS is currently not supported (try --force-macos)\").",
            "UPX 4 は macOS のバイナリを圧縮しません（upx 4.2.2 で確認: \"CantPackException: macOS is currently not supported (try --force-macos)\"）。",
        ));
        return UpxEstimate {
            bytes: None,
            ratio: None,
            measured_on_target: false,
            notes,
        };
    }
    let find = |t: &str| {
        rows()
            .iter()
            .find(|r| r.target == t && r.stripped == stripped && r.level == level.key())
            .or_else(|| {
                rows()
                    .iter()
                    .find(|r| r.target == t && r.level == level.key())
            })
    };
    let (row, on_target) = match find(&target) {
        Some(row) => (Some(row), true),
        None => (find("linux/amd64"), false),
    };
    let ratio = row.and_then(|r| Some(r.packed? as f64 / r.input as f64));
    UpxEstimate {
        bytes: ratio.map(|r| (input_bytes as f64 * r).round() as u64),
        ratio,
        measured_on_target: on_target,
        notes,
    }
}
