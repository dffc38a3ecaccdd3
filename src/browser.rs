//! Everything that touches the browser outside Yew's own rendering: the location hash, local
//! storage, media queries, the document's title and language, scrolling, the clipboard.
//!
//! Every function here tolerates a missing or refusing browser API (private mode, storage full,
//! no clipboard permission) by doing nothing and saying so in its return value; none panics.
//! Components call these only from effects and callbacks, never while rendering, so the
//! components also render natively (server-side rendering in tests).

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

fn document() -> Option<web_sys::Document> {
    window()?.document()
}

pub fn location_hash() -> String {
    window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// Navigates to a hash route (adds a history entry, fires `hashchange`).
pub fn set_hash(hash: &str) {
    if let Some(w) = window() {
        let _ = w.location().set_hash(hash);
    }
}

fn storage() -> Option<web_sys::Storage> {
    window()?.local_storage().ok().flatten()
}

pub fn storage_get(key: &str) -> Option<String> {
    storage()?.get_item(key).ok().flatten()
}

/// Stores a value; `false` when storage is unavailable or full (the app then keeps working with
/// the value in memory).
pub fn storage_set(key: &str, value: &str) -> bool {
    storage().is_some_and(|s| s.set_item(key, value).is_ok())
}

pub fn navigator_languages() -> Vec<String> {
    let Some(nav) = window().map(|w| w.navigator()) else {
        return Vec::new();
    };
    let list: Vec<String> = nav
        .languages()
        .iter()
        .filter_map(|v| v.as_string())
        .collect();
    if list.is_empty() {
        nav.language().into_iter().collect()
    } else {
        list
    }
}

/// The element the app mounts into, emptied of its "loading" placeholder.
pub fn app_root() -> Option<Element> {
    let root = document()?.get_element_by_id("app")?;
    root.set_inner_html("");
    Some(root)
}

pub fn system_prefers_dark() -> bool {
    window()
        .and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten())
        .is_some_and(|m| m.matches())
}

/// Sets `<html lang>` and the tab's title.
pub fn set_document_meta(lang_code: &str, title: &str) {
    if let Some(doc) = document() {
        if let Some(html) = doc.document_element() {
            let _ = html.set_attribute("lang", lang_code);
        }
        doc.set_title(title);
    }
}

/// Sets `<html data-theme>`; `None` removes it so CSS follows `prefers-color-scheme`.
pub fn set_theme_attribute(theme: Option<&str>) {
    if let Some(html) = document().and_then(|d| d.document_element()) {
        let _ = match theme {
            Some(theme) => html.set_attribute("data-theme", theme),
            None => html.remove_attribute("data-theme"),
        };
    }
}

/// Scrolls a section heading into view and moves focus to it, so keyboard and screen-reader
/// users land where a deep link points. Falls back to the top of the page.
pub fn scroll_to_section(section_id: Option<&str>) {
    let Some(doc) = document() else { return };
    let target = section_id.and_then(|id| doc.get_element_by_id(&format!("sec-{id}")));
    match target {
        Some(el) => {
            el.scroll_into_view();
            if let Ok(el) = el.dyn_into::<HtmlElement>() {
                let _ = el.focus();
            }
        }
        None => {
            if let Some(w) = window() {
                w.scroll_to_with_x_and_y(0.0, 0.0);
            }
        }
    }
}

/// Moves focus to the main heading after a route change (without scrolling again).
pub fn focus_main_heading() {
    if let Some(el) = document()
        .and_then(|d| d.query_selector("main h1").ok().flatten())
        .and_then(|e| e.dyn_into::<HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

/// Listens to `hashchange` until the returned guard is dropped.
pub struct HashListener {
    closure: Option<Closure<dyn FnMut()>>,
}

impl Drop for HashListener {
    fn drop(&mut self) {
        if let (Some(w), Some(closure)) = (window(), self.closure.take()) {
            let _ = w.remove_event_listener_with_callback(
                "hashchange",
                closure.as_ref().unchecked_ref(),
            );
        }
    }
}

pub fn on_hash_change(mut callback: impl FnMut(String) + 'static) -> HashListener {
    let closure = Closure::<dyn FnMut()>::new(move || callback(location_hash()));
    let added = window().is_some_and(|w| {
        w.add_event_listener_with_callback("hashchange", closure.as_ref().unchecked_ref())
            .is_ok()
    });
    HashListener {
        closure: added.then_some(closure),
    }
}

/// Handles a click inside rendered chapter HTML: a click on a code block's copy button copies
/// the block's text and briefly relabels the button. Returns whether the click was handled.
pub fn handle_copy_click(event: &web_sys::MouseEvent, copied: &str, failed: &str) -> bool {
    let Some(button) = event
        .target()
        .and_then(|t| t.dyn_into::<Element>().ok())
        .and_then(|el| el.closest("[data-copy]").ok().flatten())
    else {
        return false;
    };
    let text = button
        .closest(".code-block")
        .ok()
        .flatten()
        .and_then(|block| block.query_selector("code").ok().flatten())
        .and_then(|code| code.text_content())
        .unwrap_or_default();
    let original = button.text_content().unwrap_or_default();
    let Some(clipboard) = window().map(|w| w.navigator().clipboard()) else {
        return true;
    };
    let promise = clipboard.write_text(&text);
    let copied = copied.to_string();
    let failed = failed.to_string();
    wasm_bindgen_futures::spawn_local(async move {
        let ok = wasm_bindgen_futures::JsFuture::from(promise).await.is_ok();
        button.set_text_content(Some(if ok { &copied } else { &failed }));
        let _ = button.set_attribute("data-state", if ok { "copied" } else { "failed" });
        let restore = Closure::once_into_js(move || {
            button.set_text_content(Some(&original));
            let _ = button.remove_attribute("data-state");
        });
        if let Some(w) = window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(
                restore.unchecked_ref(),
                1600,
            );
        }
    });
    true
}

/// Whether local storage can be used at all (it is missing in some private modes).
pub fn storage_available() -> bool {
    storage().is_some()
}

/// Removes a stored value; `false` when storage is unavailable.
pub fn storage_remove(key: &str) -> bool {
    storage().is_some_and(|s| s.remove_item(key).is_ok())
}

fn textarea(id: &str) -> Option<web_sys::HtmlTextAreaElement> {
    document()?
        .get_element_by_id(id)?
        .dyn_into::<web_sys::HtmlTextAreaElement>()
        .ok()
}

/// The selection of a textarea in UTF-16 offsets, as the DOM reports it.
pub fn textarea_selection(area: &web_sys::HtmlTextAreaElement) -> (usize, usize) {
    let start = area.selection_start().ok().flatten().unwrap_or(0) as usize;
    let end = area.selection_end().ok().flatten().unwrap_or(start as u32) as usize;
    (start, end)
}

/// Replaces `start..end` (UTF-16) of the textarea with `text` through
/// `document.execCommand("insertText")`, so the browser's undo history keeps the edit and an
/// `input` event fires as if typed, then selects `select`. Returns `false` when the browser
/// refused; the caller then applies the edit itself.
pub fn insert_text(
    area: &web_sys::HtmlTextAreaElement,
    start: usize,
    end: usize,
    text: &str,
    select: (usize, usize),
) -> bool {
    let _ = area.set_selection_range(start as u32, end as u32);
    let done = document()
        .and_then(|d| d.dyn_into::<web_sys::HtmlDocument>().ok())
        .and_then(|d| {
            d.exec_command_with_show_ui_and_value("insertText", false, text)
                .ok()
        })
        .unwrap_or(false);
    if done {
        let _ = area.set_selection_range(select.0 as u32, select.1 as u32);
    }
    done
}

/// Sets a textarea's value directly (when `insertText` is refused) and selects `select`.
pub fn set_textarea_value(
    area: &web_sys::HtmlTextAreaElement,
    value: &str,
    select: (usize, usize),
) {
    area.set_value(value);
    let _ = area.set_selection_range(select.0 as u32, select.1 as u32);
}

/// Focuses the textarea `id` with the caret at `offset` (UTF-16) and scrolls it into view.
pub fn focus_textarea_at(id: &str, offset: usize) {
    if let Some(area) = textarea(id) {
        let _ = area.focus();
        let _ = area.set_selection_range(offset as u32, offset as u32);
    }
}

/// Scrolls the page so that line `line` (1-based) of the editor whose textarea is `id` is in the
/// middle of the view (its gutter number is the line's box). Line 0: the editor's top.
pub fn scroll_editor_line_into_view(id: &str, line: usize) {
    let Some(frame) = textarea(id).and_then(|a| a.closest(".editor-frame").ok().flatten()) else {
        return;
    };
    let target = if line == 0 {
        Some(frame)
    } else {
        frame
            .query_selector(&format!(".editor-gutter .ln:nth-child({line})"))
            .ok()
            .flatten()
    };
    if let Some(el) = target {
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_block(web_sys::ScrollLogicalPosition::Center);
        el.scroll_into_view_with_scroll_into_view_options(&options);
    }
}

/// Keeps the highlighted layer under a textarea scrolled like the textarea.
pub fn sync_scroll(area: &web_sys::HtmlTextAreaElement, layer: &Element) {
    layer.set_scroll_left(area.scroll_left());
    layer.set_scroll_top(area.scroll_top());
}

/// Copies text to the clipboard, then calls `done` with whether it worked.
pub fn copy_text(text: &str, done: impl FnOnce(bool) + 'static) {
    let Some(clipboard) = window().map(|w| w.navigator().clipboard()) else {
        done(false);
        return;
    };
    let promise = clipboard.write_text(text);
    wasm_bindgen_futures::spawn_local(async move {
        done(wasm_bindgen_futures::JsFuture::from(promise).await.is_ok());
    });
}

/// Runs `f` once after `ms` milliseconds.
pub fn after(ms: i32, f: impl FnOnce() + 'static) {
    let closure = Closure::once_into_js(f);
    if let Some(w) = window() {
        let _ =
            w.set_timeout_with_callback_and_timeout_and_arguments_0(closure.unchecked_ref(), ms);
    }
}

/// Focuses the element with this id, if there is one and it can take focus.
pub fn focus_element(id: &str) {
    if let Some(el) = document()
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

/// Scrolls the element with this id just enough to show it (an option of a scrolling list).
pub fn scroll_into_view_nearest(id: &str) {
    if let Some(el) = document().and_then(|d| d.get_element_by_id(id)) {
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_block(web_sys::ScrollLogicalPosition::Nearest);
        el.scroll_into_view_with_scroll_into_view_options(&options);
    }
}

/// The attribute `name` of the element nearest to the event's target (itself or an ancestor)
/// that matches `selector`: which item of a list was clicked.
pub fn data_of_closest(event: &web_sys::Event, selector: &str, name: &str) -> Option<String> {
    event
        .target()?
        .dyn_into::<Element>()
        .ok()?
        .closest(selector)
        .ok()??
        .get_attribute(name)
}

/// Scrolls the element with this id to the top of the view and focuses it (a heading with
/// `tabindex="-1"`), so keyboard and screen-reader users land where a button points.
pub fn scroll_to_and_focus(id: &str) {
    if let Some(el) = document().and_then(|d| d.get_element_by_id(id)) {
        el.scroll_into_view();
        if let Ok(el) = el.dyn_into::<HtmlElement>() {
            let _ = el.focus();
        }
    }
}

/// `localStorage` as the engine's [`Store`](deploy_sim::state::store::Store): the learner's
/// saved work goes through `deploy_sim::state`, which migrates and sets aside.
pub struct LocalStore(web_sys::Storage);

impl LocalStore {
    /// `None` when storage is unavailable (some private modes, blocked by settings).
    pub fn open() -> Option<LocalStore> {
        storage().map(LocalStore)
    }
}

impl deploy_sim::state::store::Store for LocalStore {
    fn get(&self, key: &str) -> Option<String> {
        self.0.get_item(key).ok().flatten()
    }

    fn set(&mut self, key: &str, value: &str) -> bool {
        self.0.set_item(key, value).is_ok()
    }

    fn remove(&mut self, key: &str) -> bool {
        self.0.remove_item(key).is_ok()
    }

    fn keys(&self) -> Vec<String> {
        let count = self.0.length().unwrap_or(0);
        (0..count)
            .filter_map(|i| self.0.key(i).ok().flatten())
            .collect()
    }
}

/// The page's address without its fragment, to put a share link's `#/share/…` after.
pub fn page_url_without_hash() -> String {
    let Some(location) = window().map(|w| w.location()) else {
        return String::new();
    };
    let href = location.href().unwrap_or_default();
    match href.split_once('#') {
        Some((base, _)) => base.to_string(),
        None => href,
    }
}

/// The current time as ISO 8601 in UTC (`2025-05-01T12:34:56.789Z`).
pub fn now_iso() -> String {
    js_sys::Date::new_0()
        .to_iso_string()
        .as_string()
        .unwrap_or_default()
}

/// Offers `text` as a file download named `name`; nothing leaves the machine (a `blob:` URL).
pub fn download_text(name: &str, mime: &str, text: &str) -> bool {
    let Some(doc) = document() else { return false };
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return false;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return false;
    };
    let Some(anchor) = doc
        .create_element("a")
        .ok()
        .and_then(|e| e.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    else {
        return false;
    };
    anchor.set_href(&url);
    anchor.set_download(name);
    anchor.click();
    // The click has started the download; the URL can go once the browser has read it.
    after(1000, move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    true
}

/// Reads the first file chosen in a file input as text (UTF-8), then calls `done` with it, or
/// with `None` when nothing was chosen or it could not be read.
pub fn read_chosen_file(
    input: &web_sys::HtmlInputElement,
    done: impl FnOnce(Option<String>) + 'static,
) {
    let Some(file) = input.files().and_then(|files| files.get(0)) else {
        done(None);
        return;
    };
    // Choosing the same file again must fire `change` again.
    input.set_value("");
    let promise = file.text();
    wasm_bindgen_futures::spawn_local(async move {
        let text = wasm_bindgen_futures::JsFuture::from(promise)
            .await
            .ok()
            .and_then(|v| v.as_string());
        done(text);
    });
}

/// Selects all the text of the input an event came from (a share link, for copying by hand).
pub fn select_event_target_text(event: &web_sys::Event) {
    if let Some(input) = event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
    {
        input.select();
    }
}

/// Adds (`on`) or removes a class on an element outside rendering, for a state Yew does not
/// render (the editor's "typed, not yet simulated" look while a large text waits for a pause).
pub fn set_class(el: &Element, class: &str, on: bool) {
    let list = el.class_list();
    let _ = if on {
        list.add_1(class)
    } else {
        list.remove_1(class)
    };
}

/// The current value of the first textarea inside `root` (what the learner has typed, which
/// may be ahead of what was last rendered).
pub fn textarea_value_in(root: &Element) -> Option<String> {
    root.query_selector("textarea")
        .ok()
        .flatten()?
        .dyn_into::<web_sys::HtmlTextAreaElement>()
        .ok()
        .map(|t| t.value())
}

/// Listens to `beforeinput` on an element until the guard is dropped (Yew has no
/// `onbeforeinput`). The editor uses it to refuse an edit before the browser applies it.
pub struct BeforeInputListener {
    target: Element,
    closure: Option<Closure<dyn FnMut(web_sys::InputEvent)>>,
}

impl Drop for BeforeInputListener {
    fn drop(&mut self) {
        if let Some(closure) = self.closure.take() {
            let _ = self.target.remove_event_listener_with_callback(
                "beforeinput",
                closure.as_ref().unchecked_ref(),
            );
        }
    }
}

pub fn on_before_input(
    target: &Element,
    callback: impl FnMut(web_sys::InputEvent) + 'static,
) -> BeforeInputListener {
    let closure = Closure::<dyn FnMut(web_sys::InputEvent)>::new(callback);
    let added = target
        .add_event_listener_with_callback("beforeinput", closure.as_ref().unchecked_ref())
        .is_ok();
    BeforeInputListener {
        target: target.clone(),
        closure: added.then_some(closure),
    }
}
