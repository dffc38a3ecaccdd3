//! The search box as the page first renders it: a labelled combobox that controls a listbox,
//! in the page's language, closed until the learner types.

mod support;
use support::render_en as render;

/// The value of `name` on the element that has `marker` in its start tag.
fn attr<'a>(html: &'a str, marker: &str, name: &str) -> Option<&'a str> {
    let at = html.find(marker)?;
    let start = html[..at].rfind('<')?;
    let end = at + html[at..].find('>')?;
    let tag = &html[start..end];
    let value = tag.split(&format!(" {name}=\"")).nth(1)?;
    value.split('"').next()
}

#[tokio::test]
async fn the_search_box_is_a_labelled_combobox_in_the_page_language() {
    for (hash, label, placeholder) in [
        ("#/en/go-binaries", "Search the guide", "Search the guide…"),
        ("#/ja/", "ガイドを検索", "ガイドを検索…"),
    ] {
        let html = render(hash).await;
        assert!(html.contains("role=\"search\""), "{hash}");
        let input = "id=\"site-search\"";
        assert_eq!(attr(&html, input, "role"), Some("combobox"), "{hash}");
        assert_eq!(attr(&html, input, "aria-autocomplete"), Some("list"));
        assert_eq!(attr(&html, input, "aria-expanded"), Some("false"));
        assert_eq!(attr(&html, input, "placeholder"), Some(placeholder));
        assert_eq!(attr(&html, input, "aria-activedescendant"), None);
        // It controls a listbox that exists, and a visible-to-readers label names it.
        let list = attr(&html, input, "aria-controls").expect("aria-controls");
        assert_eq!(
            attr(&html, &format!("id=\"{list}\""), "role"),
            Some("listbox")
        );
        let at = html
            .find("for=\"site-search\"")
            .expect("a label for the box");
        assert!(html[..at].ends_with("<label "), "{hash}");
        let label_html = &html[at..at + html[at..].find("</label>").expect("closed")];
        assert!(
            label_html.ends_with(&format!(">{label}")),
            "{hash}: {label_html}"
        );
        // Closed: the results' container is hidden and empty.
        assert!(!html.contains("role=\"option\""));
        assert_eq!(
            attr(&html, "class=\"search-popup\"", "hidden"),
            Some("hidden"),
            "{hash}"
        );
        // The phone button controls the panel holding the box.
        let panel = attr(&html, "id=\"site-search-toggle\"", "aria-controls").expect("toggle");
        assert!(html.contains(&format!("id=\"{panel}\"")));
        assert_eq!(
            attr(&html, "id=\"site-search-toggle\"", "aria-expanded"),
            Some("false")
        );
        // A polite live region is ready to announce the number of results.
        assert!(
            html.contains("role=\"status\" aria-live=\"polite\""),
            "{hash}"
        );
    }
}
