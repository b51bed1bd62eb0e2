use leptos::prelude::*;

use super::Heading;

use crate::context::i18n::t;

use crate::platform::document::set_document_title;
use pressline_core::FormatError;

/// Shown instead of the timeline when the dataset cannot be read at all: says why and where.
#[component]
pub fn LoadErrorView(
    /// What went wrong, with line and column.
    error: FormatError,
) -> impl IntoView {
    let t = t();
    set_document_title(t.could_not_load);
    view! {
        <section class="load-error" role="alert">
            <Heading class="page-title">{t.could_not_load}</Heading>
            <p>{error.to_string()}</p>
        </section>
    }
}
