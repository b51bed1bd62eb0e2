use leptos::prelude::*;

use crate::context::i18n::t;
use crate::pages::shared::Heading;
use pressline_core::Organization;

use super::MarkdownBody;

/// "About the organization": the dataset's boilerplate (Markdown) under the release, as press
/// releases end. Nothing when the dataset has none.
#[component]
pub fn AboutOrganization(
    /// The boilerplate's Markdown text.
    boilerplate: Option<String>,
    /// The organization, for the heading.
    organization: Organization,
) -> impl IntoView {
    boilerplate.map(|text| {
        view! {
            <section class="release__about" aria-labelledby="release-about-title">
                <Heading rank=1 class="release__section-title" id="release-about-title">
                    {t().about_label(organization.name.as_deref())}
                </Heading>
                <MarkdownBody markdown=text class="release__about-text" />
            </section>
        }
    })
}
