//! Internal links that keep the parameters every address must carry.

use leptos::prelude::*;

use crate::core::view_state::link;

/// Query parameters every internal link keeps: an accepted `?src=`, so a reload or a shared
/// link still shows the same dataset. Empty for the bundled or deploy-configured dataset.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CarriedQuery(pub String);

/// A function building internal links (`path`, `query`) that keep the [`CarriedQuery`]. Call it
/// while a component is set up; the function itself can be used anywhere later.
pub fn link_builder() -> impl Fn(&str, &str) -> String + Clone + Send + Sync + 'static {
    let carried = use_context::<CarriedQuery>().unwrap_or_default().0;
    move |path: &str, query: &str| link(path, query, &carried)
}
