use leptos::prelude::*;

/// The level of an instance's page title: 1 on the deploy's own pages; on another page what the
/// embed's `data-heading-level` says (2 by default for `data-layout="list"`), so an embed never
/// brings a second `<h1>` into someone else's outline. Provided as context by embeds (and one
/// lower by a list without its title, whose years are then its top headings).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HeadingBase(pub u8);

/// A heading `rank` levels below the page title (0 is the title itself), at the level the
/// instance's [`HeadingBase`] puts it, `<h6>` at the deepest.
#[component]
pub fn Heading(
    /// Levels below the page title.
    #[prop(optional)]
    rank: u8,
    /// Its class (always one: an empty `class` would render differently natively and in the
    /// browser).
    class: &'static str,
    /// Its id, for `aria-labelledby`.
    #[prop(optional, into)]
    id: Option<String>,
    /// True for a heading that receives the focus on arrival (`tabindex="-1"`).
    #[prop(optional)]
    focusable: bool,
    /// Its content.
    children: Children,
) -> impl IntoView {
    let base = use_context::<HeadingBase>().map_or(1, |base| base.0);
    let tabindex = focusable.then_some("-1");
    let children = children();
    match (base + rank).clamp(1, 6) {
        1 => view! { <h1 class=class id=id tabindex=tabindex>{children}</h1> }.into_any(),
        2 => view! { <h2 class=class id=id tabindex=tabindex>{children}</h2> }.into_any(),
        3 => view! { <h3 class=class id=id tabindex=tabindex>{children}</h3> }.into_any(),
        4 => view! { <h4 class=class id=id tabindex=tabindex>{children}</h4> }.into_any(),
        5 => view! { <h5 class=class id=id tabindex=tabindex>{children}</h5> }.into_any(),
        _ => view! { <h6 class=class id=id tabindex=tabindex>{children}</h6> }.into_any(),
    }
}
