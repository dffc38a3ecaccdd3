//! The app's own words (not the guide's), in both languages.

use deploy_sim::Lang;

pub struct UiText {
    pub site_title: &'static str,
    /// For narrow phone headers.
    pub site_title_short: &'static str,
    pub tagline: &'static str,
    pub chapters: &'static str,
    pub menu: &'static str,
    pub contents: &'static str,
    pub previous: &'static str,
    pub next: &'static str,
    pub dark_theme: &'static str,
    pub light_theme: &'static str,
    pub switch_to_dark: &'static str,
    pub switch_to_light: &'static str,
    pub language: &'static str,
    pub not_found_title: &'static str,
    pub not_found_body: &'static str,
    pub back_to_contents: &'static str,
    pub copied: &'static str,
    pub copy_failed: &'static str,
    pub skip_to_content: &'static str,
    pub on_this_page: &'static str,
    pub footer: &'static str,
    /// Shown in the footer once the service worker has cached the whole site.
    pub offline_ready: &'static str,
}

pub const JA: UiText = UiText {
    site_title: "Go デプロイ・プレイグラウンド",
    site_title_short: "Go デプロイ",
    tagline: "Go アプリのビルドと配布を、ブラウザの中で試しながら学ぶ",
    chapters: "章",
    menu: "目次",
    contents: "目次",
    previous: "前の章",
    next: "次の章",
    dark_theme: "ダーク",
    light_theme: "ライト",
    switch_to_dark: "ダークテーマに切り替える",
    switch_to_light: "ライトテーマに切り替える",
    language: "言語",
    not_found_title: "ページが見つかりません",
    not_found_body:
        "このアドレスに対応する章はありません。リンクが古いか、入力に誤りがあるのかもしれません。",
    back_to_contents: "目次に戻る",
    copied: "コピーしました",
    copy_failed: "コピーできませんでした",
    skip_to_content: "本文へ移動",
    on_this_page: "この章の内容",
    footer: "すべてブラウザ内で動作します。サーバーへの送信はありません。",
    offline_ready: "オフラインでも使えます",
};

pub const EN: UiText = UiText {
    site_title: "Go Deploy Playground",
    site_title_short: "Go Deploy",
    tagline: "Learn to build and ship Go apps by trying it, right in your browser",
    chapters: "Chapters",
    menu: "Contents",
    contents: "Contents",
    previous: "Previous",
    next: "Next",
    dark_theme: "Dark",
    light_theme: "Light",
    switch_to_dark: "Switch to the dark theme",
    switch_to_light: "Switch to the light theme",
    language: "Language",
    not_found_title: "Page not found",
    not_found_body: "No chapter lives at this address. The link may be old, or mistyped.",
    back_to_contents: "Back to the contents",
    copied: "Copied",
    copy_failed: "Could not copy",
    skip_to_content: "Skip to content",
    on_this_page: "In this chapter",
    footer: "Everything runs in your browser. Nothing is sent to a server.",
    offline_ready: "Available offline",
};

pub fn ui(lang: Lang) -> &'static UiText {
    match lang {
        Lang::Ja => &JA,
        Lang::En => &EN,
    }
}
