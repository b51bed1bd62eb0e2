use leptos::prelude::*;

use crate::context::i18n::t;
use crate::pages::shared::Link;
use pressline_core::route::release_path;
use pressline_core::translation::language_name;

/// "Also in: Українська · Русский": the release's versions in other languages, each named in
/// its own language and marked with it (`lang`, `hreflang`). Nothing when it has none.
#[component]
pub fn AlsoIn(
    /// The other versions as `(language tag, release id)`, in the order to show them (see
    /// [`pressline_core::translation::other_versions`]).
    versions: Vec<(String, String)>,
) -> impl IntoView {
    (!versions.is_empty()).then(|| {
        let links = versions
            .into_iter()
            .enumerate()
            .map(|(n, (lang, id))| {
                let name = language_name(&lang).to_owned();
                view! {
                    {(n > 0).then_some(" · ")}
                    <Link path=release_path(&id) attr:hreflang=lang.clone() attr:lang=lang attr:dir="auto" attr:data-version=id>
                        {name}
                    </Link>
                }
            })
            .collect_view();
        view! {
            <p class="release__versions" data-also-in="">
                {t().also_in}
                {links}
            </p>
        }
    })
}
