//! A horizontal bar whose length shows a size, shared by every chart in the playgrounds.
//!
//! Drawn as SVG with the length in an attribute: the site's Content-Security-Policy
//! (`style-src 'self'`) blocks inline `style` attributes, so `width: 42%` cannot be used.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SizeBarProps {
    /// 0–100; values outside are clamped, and a non-zero size always shows a sliver.
    pub percent: f64,
    #[prop_or_default]
    pub class: Classes,
}

/// `value` as a share of `largest`, in percent, never below 1 for a non-zero value.
pub fn share(value: u64, largest: u64) -> f64 {
    if largest == 0 || value == 0 {
        0.0
    } else {
        (value as f64 / largest as f64 * 100.0).clamp(1.0, 100.0)
    }
}

#[component]
pub fn SizeBar(props: &SizeBarProps) -> Html {
    let percent = if props.percent.is_finite() {
        props.percent.clamp(0.0, 100.0)
    } else {
        0.0
    };
    html! {
        <svg class={classes!("size-bar", props.class.clone())} viewBox="0 0 100 1"
            preserveAspectRatio="none" aria-hidden="true" focusable="false">
            <rect width={format!("{percent:.1}")} height="1" />
        </svg>
    }
}

#[cfg(test)]
mod tests {
    use super::share;

    #[test]
    fn shares_are_bounded_and_show_small_sizes() {
        assert_eq!(share(0, 100), 0.0);
        assert_eq!(share(5, 0), 0.0);
        assert_eq!(share(1, 1_000_000), 1.0);
        assert_eq!(share(50, 100), 50.0);
        assert_eq!(share(200, 100), 100.0);
    }
}
