//! UPX, the guide's answer to "can the binary get smaller still?": the packed size from ratios
//! measured with UPX on the calibration binaries (`sim/data/upx-ratios.tsv`), plus the costs.

use crate::Text;
use serde::Serialize;
use std::sync::OnceLock;

const UPX_TSV: &str = include_str!("../../data/upx-ratios.tsv");

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum UpxLevel {
    /// `upx` with no option (NRV2B/E, level 7... the default).
    #[default]
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

/// An `upx` command line as a learner writes it: `upx [-1..-9|--best] [--lzma] [-o OUT] FILE...`.
/// Options the simulator does not model (`-q`, `--force`, ...) are accepted and kept in
/// `ignored`, so the UI can say they were not simulated instead of silently dropping them.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct UpxCommand {
    pub level: UpxLevel,
    /// The files to pack, in order.
    pub files: Vec<String>,
    /// `-o FILE` / `-oFILE` / `--output=FILE`: where the packed file goes (upx packs in place
    /// without it). upx allows `-o` with exactly one input file.
    pub output: Option<String>,
    pub ignored: Vec<String>,
}

impl UpxCommand {
    /// Parses the words after `upx`. Never fails: anything unknown lands in `ignored`.
    pub fn parse(args: &[&str]) -> UpxCommand {
        let mut cmd = UpxCommand::default();
        let mut levels: Vec<&str> = Vec::new();
        let mut words = args.iter().copied();
        while let Some(word) = words.next() {
            match word {
                "-o" | "--output" => cmd.output = words.next().map(str::to_string),
                "--best" | "--lzma" | "-9" => levels.push(word),
                w if w.starts_with("--output=") => {
                    cmd.output = Some(w["--output=".len()..].to_string())
                }
                w if w.starts_with("-o") && w.len() > 2 => cmd.output = Some(w[2..].to_string()),
                // -1 .. -8: faster, weaker levels; the default (no option) is what we measured
                // closest to, so they count as the default.
                w if w.len() == 2
                    && w.starts_with('-')
                    && w[1..].chars().all(|c| c.is_ascii_digit()) =>
                {
                    levels.push(word)
                }
                w if w.starts_with('-') && w.len() > 1 => cmd.ignored.push(w.to_string()),
                w => cmd.files.push(w.to_string()),
            }
        }
        cmd.level = UpxLevel::from_args(&levels);
        cmd
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
