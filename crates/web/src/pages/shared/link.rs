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
    /// The view's query string, without `?`.
    #[prop(into, default = String::new())]
    query: String,
    /// The link's content.
    children: Children,
) -> impl IntoView {
    let navigation = Navigation::current();
    let href = navigation.href(&path, &query);
    view! {
        <a href=href on:click=move |event| navigation.follow(&event, &path, &query)>
            {children()}
        </a>
    }
}
