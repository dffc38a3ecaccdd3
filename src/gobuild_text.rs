//! Words of the go build playground's cross-compilation grid and ldflags comparison table, in
//! both languages.

use deploy_sim::Lang;

pub struct GridText {
    pub grid_title: &'static str,
    pub grid_hint: &'static str,
    pub cgo_label: &'static str,
    pub cgo_on: &'static str,
    pub cgo_off: &'static str,
    pub cgo_default: &'static str,
    pub first_class: &'static str,
    pub built: &'static str,
    pub fails: &'static str,
    pub not_built: &'static str,
    pub add: &'static str,
    pub remove: &'static str,
    pub legend: &'static str,
    pub compare_title: &'static str,
    pub compare_caption: &'static str,
    pub col_output: &'static str,
    pub col_flags: &'static str,
    pub col_size: &'static str,
    pub col_change: &'static str,
    pub baseline: &'static str,
}

pub fn grid_text(lang: Lang) -> &'static GridText {
    match lang {
        Lang::Ja => &JA,
        Lang::En => &EN,
    }
}

/// `+1.2 %` / `−31.8 %` against the baseline size.
pub fn change(size: u64, baseline: u64) -> String {
    if baseline == 0 {
        return String::new();
    }
    let pct = (size as f64 - baseline as f64) * 100.0 / baseline as f64;
    if pct.abs() < 0.05 {
        "±0 %".to_string()
    } else if pct < 0.0 {
        format!("−{:.1} %", -pct)
    } else {
        format!("+{pct:.1} %")
    }
}

/// The words of the UPX cards (a go build block's `upx` lines).
pub struct UpxText {
    pub title: &'static str,
    pub packed_to: &'static str,
    pub refused: &'static str,
    pub ratio_on_target: &'static str,
    pub ratio_borrowed: &'static str,
    pub not_built: &'static str,
    pub already_packed: &'static str,
    pub several_files: &'static str,
    pub no_file: &'static str,
}

pub fn upx_text(lang: Lang) -> &'static UpxText {
    match lang {
        Lang::Ja => &UPX_JA,
        Lang::En => &UPX_EN,
    }
}

static UPX_EN: UpxText = UpxText {
    title: "UPX",
    packed_to: "packed",
    refused: "upx refuses this binary",
    ratio_on_target: "ratio measured with upx 4.2.2 on this target",
    ratio_borrowed: "ratio measured on linux/amd64 (not measured on this target)",
    not_built: "no go build line above writes this file, so upx would find nothing to pack",
    already_packed: "this file is already packed by an earlier upx line; upx refuses to pack it twice (AlreadyPackedException)",
    several_files: "-o names one output file, so upx accepts only one input file with it",
    no_file: "upx needs the file to pack",
};

static UPX_JA: UpxText = UpxText {
    title: "UPX",
    packed_to: "圧縮後",
    refused: "upx はこのバイナリを圧縮しません",
    ratio_on_target: "このターゲットで upx 4.2.2 を使って測った圧縮率",
    ratio_borrowed: "linux/amd64 で測った圧縮率（このターゲットでは未計測）",
    not_built: "このファイルを書き出す go build の行が上にないため、upx は圧縮するファイルを見つけられません",
    already_packed: "このファイルは前の upx 行ですでに圧縮済みです。upx は二重には圧縮しません（AlreadyPackedException）",
    several_files: "-o は出力ファイルを一つだけ指定するので、入力ファイルも一つしか渡せません",
    no_file: "upx には圧縮するファイルを渡す必要があります",
};

static EN: GridText = GridText {
    grid_title: "Cross-compilation grid",
    grid_hint: "Every GOOS/GOARCH pair of Go 1.22. Press a pair to add a go build line for it, press it again to remove its lines.",
    cgo_label: "cgo",
    cgo_on: "CGO_ENABLED=1",
    cgo_off: "CGO_ENABLED=0",
    cgo_default: "not set (go's default)",
    first_class: "first-class port",
    built: "builds",
    fails: "fails",
    not_built: "not built",
    add: "add",
    remove: "remove",
    legend: "★ first-class port · ✓ builds · ✖ fails · ＋ not built yet",
    compare_title: "Comparison",
    compare_caption: "The lab's builds side by side, each against the first line. Switch a flag in any row and that line of the lab changes.",
    col_output: "Output",
    col_flags: "Flags",
    col_size: "Size",
    col_change: "vs first",
    baseline: "baseline",
};

static JA: GridText = GridText {
    grid_title: "クロスコンパイル表",
    grid_hint: "Go 1.22 が対応する GOOS/GOARCH の全組み合わせです。押すとその組み合わせの go build 行を追加し、もう一度押すと削除します。",
    cgo_label: "cgo",
    cgo_on: "CGO_ENABLED=1",
    cgo_off: "CGO_ENABLED=0",
    cgo_default: "指定なし（go の既定値）",
    first_class: "ファーストクラスのポート",
    built: "ビルド成功",
    fails: "失敗",
    not_built: "未ビルド",
    add: "追加",
    remove: "削除",
    legend: "★ ファーストクラス ・ ✓ ビルド成功 ・ ✖ 失敗 ・ ＋ 未ビルド",
    compare_title: "比較表",
    compare_caption: "ラボのビルドを並べ、1 行目との差を示します。どの行でもフラグを切り替えると、ラボのその行が書き換わります。",
    col_output: "出力",
    col_flags: "フラグ",
    col_size: "サイズ",
    col_change: "1 行目比",
    baseline: "基準",
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn change_is_signed_and_rounded() {
        assert_eq!(change(4_920_000, 7_220_000), "−31.9 %");
        assert_eq!(change(7_220_000, 7_220_000), "±0 %");
        assert_eq!(change(110, 100), "+10.0 %");
        assert_eq!(change(1, 0), "");
    }
}
