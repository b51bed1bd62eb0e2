use leptos::prelude::*;

use crate::context::navigation::Navigation;

/// A link to a page of the app: a real `href` (so it can be opened in a new tab or copied) that
/// a plain click follows within the app, whether it owns the page or is embedded in another.
/// Attributes such as `attr:class` or `attr:rel` land on the `<a>`.
#[component]
pub fn Link(
    /// App-relative path, e.g. `/` or `/releases/a`.
    #[prop(into)]
    path: String,
    /// The view's query string, without `?`; the `href` follows it when it changes.
    #[prop(into, optional)]
    query: Signal<String>,
    /// The link's content.
    children: Children,
) -> impl IntoView {
    let navigation = Navigation::current();
    let href = {
        let path = path.clone();
        move || query.with(|query| navigation.href(&path, query))
    };
    view! {
        <a href=href on:click=move |event| query.with_untracked(|query| navigation.follow(&event, &path, query))>
            {children()}
        </a>
    }
}
