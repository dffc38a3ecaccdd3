//! The simulated project environment that `$(shell …)` answers from: the git state, a fixed build
//! clock, the Go toolchain's host platform and the project's files.
//!
//! Real make runs these commands on the learner's machine; the playground cannot, so it answers
//! them from this documented, editable description. Everything is plain data so the UI can show it
//! in a form and the CLI can set it from flags.

use serde::Serialize;

/// The state of the project's git repository.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct GitState {
    /// Latest tag reachable from HEAD, if any (`v1.2.3`).
    pub tag: Option<String>,
    /// Whether that tag is annotated (`git tag -a`). Plain `git describe` only sees annotated
    /// tags; `--tags` also sees lightweight ones.
    pub tag_annotated: bool,
    /// Commits made after the tag (0 means HEAD is the tagged commit).
    pub commits_since_tag: u32,
    /// Total number of commits (answers `git rev-list --count HEAD`).
    pub total_commits: u32,
    /// Full 40-hex commit id of HEAD.
    pub commit: String,
    /// Uncommitted changes to tracked files (`--dirty` appends `-dirty`).
    pub dirty: bool,
    /// Current branch (answers `git rev-parse --abbrev-ref HEAD`).
    pub branch: String,
}

impl Default for GitState {
    fn default() -> Self {
        GitState {
            tag: Some("v1.2.3".to_string()),
            tag_annotated: true,
            commits_since_tag: 0,
            total_commits: 12,
            commit: "4f2a9c1e8b7d6a5f4e3d2c1b0a9f8e7d6c5b4a39".to_string(),
            dirty: false,
            branch: "main".to_string(),
        }
    }
}

impl GitState {
    /// The abbreviated commit id git prints by default (7 hex digits in a small repository).
    pub fn short_commit(&self, len: usize) -> String {
        self.commit.chars().take(len.max(4)).collect()
    }
}

/// Everything `$(shell …)` may ask about, plus the project's files for `$(wildcard …)` and for
/// deciding whether a file target already exists.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ProjectEnv {
    /// `None` models a directory that is not a git repository.
    pub git: Option<GitState>,
    /// The build clock, in seconds since the Unix epoch (UTC). `date` answers from it.
    pub clock_epoch_seconds: i64,
    /// `go env GOOS` / `GOARCH`: the host platform of the Go toolchain.
    pub goos: String,
    pub goarch: String,
    /// `go env GOVERSION`.
    pub go_version: String,
    /// `go list -m`: the module path.
    pub module: String,
    /// `uname -s` / `uname -m`.
    pub uname_s: String,
    pub uname_m: String,
    /// `$(CURDIR)` and `pwd`.
    pub workdir: String,
    /// Files of the project, relative to the working directory, `/`-separated.
    pub files: Vec<String>,
    /// Environment variables make imports (origin `environment`).
    pub env_vars: Vec<(String, String)>,
}

impl Default for ProjectEnv {
    fn default() -> Self {
        ProjectEnv {
            git: Some(GitState::default()),
            // 2024-05-01T12:34:56Z
            clock_epoch_seconds: 1_714_566_896,
            goos: "linux".to_string(),
            goarch: "amd64".to_string(),
            go_version: "go1.22.12".to_string(),
            module: "github.com/example/myapp".to_string(),
            uname_s: "Linux".to_string(),
            uname_m: "x86_64".to_string(),
            workdir: "/home/user/myapp".to_string(),
            files: [
                "go.mod",
                "go.sum",
                "cmd/myapp/main.go",
                "internal/server/server.go",
                "internal/server/server_test.go",
                "Dockerfile",
                "Makefile",
                "README.md",
            ]
            .iter()
            .map(|s| s.to_string())
            .collect(),
            env_vars: Vec::new(),
        }
    }
}

impl ProjectEnv {
    /// Whether `path` names a project file or a directory that holds one.
    pub fn path_exists(&self, path: &str) -> bool {
        let path = path.strip_prefix("./").unwrap_or(path);
        let path = path.trim_end_matches('/');
        if path.is_empty() || path == "." {
            return true;
        }
        self.files.iter().any(|f| {
            f == path
                || (f.len() > path.len()
                    && f.starts_with(path)
                    && f.as_bytes().get(path.len()) == Some(&b'/'))
        })
    }

    /// Every directory implied by the file list (`cmd`, `cmd/myapp`, …), for globbing.
    pub fn directories(&self) -> Vec<String> {
        let mut dirs: Vec<String> = Vec::new();
        for file in &self.files {
            let mut end = 0;
            while let Some(pos) = file[end..].find('/') {
                end += pos;
                dirs.push(file[..end].to_string());
                end += 1;
            }
        }
        dirs.sort();
        dirs.dedup();
        dirs
    }
}

/// Parses an RFC 3339 timestamp (`2024-05-01T12:34:56Z`, `2024-05-01T21:34:56+09:00`) into
/// seconds since the epoch. Fractional seconds are accepted and dropped.
pub fn parse_rfc3339(text: &str) -> Option<i64> {
    let text = text.trim();
    let num = |s: &str| -> Option<i64> {
        if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        s.parse().ok()
    };
    let (date, rest) = text.split_once(['T', 't', ' '])?;
    let mut parts = date.split('-');
    let year = num(parts.next()?)?;
    let month = num(parts.next()?)?;
    let day = num(parts.next()?)?;
    if parts.next().is_some() || !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return None;
    }
    let (time, offset) = if let Some(t) = rest.strip_suffix(['Z', 'z']) {
        (t, 0)
    } else {
        let pos = rest.rfind(['+', '-'])?;
        let (t, off) = rest.split_at(pos);
        let sign = if off.starts_with('-') { -1 } else { 1 };
        let (oh, om) = off.get(1..)?.split_once(':')?;
        (t, sign * (num(oh)? * 3600 + num(om)? * 60))
    };
    let time = time.split('.').next()?;
    let mut hms = time.split(':');
    let hour = num(hms.next()?)?;
    let minute = num(hms.next()?)?;
    let second = num(hms.next()?)?;
    if hms.next().is_some() || hour > 23 || minute > 59 || second > 60 {
        return None;
    }
    Some(days_from_civil(year, month, day) * 86_400 + hour * 3600 + minute * 60 + second - offset)
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
pub fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The inverse of [`days_from_civil`]: (year, month, day).
pub fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

const WEEKDAYS: [&str; 7] = [
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "Monday",
    "Tuesday",
    "Wednesday",
];
const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Formats `epoch` (UTC) with a `date +FORMAT` string, as GNU date does in the C locale.
/// Returns `None` for a conversion the simulator does not know, so the caller can say so.
pub fn strftime(epoch: i64, format: &str) -> Option<String> {
    let days = epoch.div_euclid(86_400);
    let secs = epoch.rem_euclid(86_400);
    let (year, month, day) = civil_from_days(days);
    let (hour, minute, second) = (secs / 3600, secs / 60 % 60, secs % 60);
    let weekday = WEEKDAYS
        .get(days.rem_euclid(7) as usize)
        .copied()
        .unwrap_or("");
    let month_name = MONTHS
        .get((month - 1).clamp(0, 11) as usize)
        .copied()
        .unwrap_or("");
    let yday = days - days_from_civil(year, 1, 1) + 1;
    // ISO weekday: Monday = 1 … Sunday = 7; 1970-01-01 was a Thursday (4).
    let iso_wday = (days + 3).rem_euclid(7) + 1;
    let mut out = String::new();
    let mut chars = format.chars();
    while let Some(c) = chars.next() {
        if c != '%' {
            out.push(c);
            continue;
        }
        let Some(spec) = chars.next() else {
            out.push('%');
            break;
        };
        let piece = match spec {
            'Y' => year.to_string(),
            'C' => format!("{:02}", year / 100),
            'y' => format!("{:02}", year.rem_euclid(100)),
            'm' => format!("{month:02}"),
            'd' => format!("{day:02}"),
            'e' => format!("{day:2}"),
            'H' => format!("{hour:02}"),
            'k' => format!("{hour:2}"),
            'I' => format!("{:02}", (hour + 11) % 12 + 1),
            'M' => format!("{minute:02}"),
            'S' => format!("{second:02}"),
            'p' => (if hour < 12 { "AM" } else { "PM" }).to_string(),
            's' => epoch.to_string(),
            'j' => format!("{yday:03}"),
            'u' => iso_wday.to_string(),
            'w' => (iso_wday % 7).to_string(),
            'a' => weekday.get(..3).unwrap_or("").to_string(),
            'A' => weekday.to_string(),
            'b' | 'h' => month_name.get(..3).unwrap_or("").to_string(),
            'B' => month_name.to_string(),
            'F' => format!("{year}-{month:02}-{day:02}"),
            'T' => format!("{hour:02}:{minute:02}:{second:02}"),
            'R' => format!("{hour:02}:{minute:02}"),
            'D' => format!("{month:02}/{day:02}/{:02}", year.rem_euclid(100)),
            'Z' => "UTC".to_string(),
            'z' => "+0000".to_string(),
            'N' => "000000000".to_string(),
            'n' => "\n".to_string(),
            't' => "\t".to_string(),
            '%' => "%".to_string(),
            _ => return None,
        };
        out.push_str(&piece);
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc3339_round_trips_through_strftime() {
        let cases = [
            (
                "2024-05-01T12:34:56Z",
                "%Y-%m-%dT%H:%M:%SZ",
                "2024-05-01T12:34:56Z",
            ),
            (
                "2024-05-01T21:34:56+09:00",
                "%F %T %Z",
                "2024-05-01 12:34:56 UTC",
            ),
            (
                "2000-02-29T00:00:00Z",
                "%a %b %e %j %u %w %s",
                "Tue Feb 29 060 2 2 951782400",
            ),
            (
                "1970-01-01T00:00:00Z",
                "%A %B %y %I%p",
                "Thursday January 70 12AM",
            ),
        ];
        for (input, format, expected) in cases {
            let epoch = parse_rfc3339(input).expect("valid timestamp");
            assert_eq!(
                strftime(epoch, format).as_deref(),
                Some(expected),
                "{input} {format}"
            );
        }
    }

    #[test]
    fn malformed_timestamps_are_rejected() {
        for bad in [
            "",
            "2024-13-01T00:00:00Z",
            "2024-05-01",
            "yesterday",
            "2024-05-01T25:00:00Z",
        ] {
            assert_eq!(parse_rfc3339(bad), None, "{bad}");
        }
    }

    #[test]
    fn unknown_conversion_is_reported() {
        assert_eq!(strftime(0, "%Q"), None);
    }

    #[test]
    fn directories_are_implied_by_files() {
        let env = ProjectEnv::default();
        assert!(env.path_exists("cmd/myapp"));
        assert!(env.path_exists("./go.mod"));
        assert!(!env.path_exists("bin"));
        assert!(env.directories().contains(&"internal/server".to_string()));
    }
}
