//! The app for a dataset source: at once for the bundled dataset, or behind the lazily loaded
//! dataset reader.

use leptos::prelude::*;

use crate::app::App;
use crate::context::i18n::t;
use crate::context::site_data::{Bundled, SiteData, BUNDLED_DATASET_PATH};
use crate::loader::source::{DatasetSource, DatasetUrl, SiteSource};
use crate::pages::shared::{FetchErrorView, LazyPart, LoadingView};
use crate::parts::views::read_site_part;
use pressline_core::source::LoadFailure;

/// The app for a dataset source: the bundled one at once (when it was packed); otherwise the
/// dataset reader (a lazily loaded part), behind a loading view until it has arrived. The
/// reader shows the bytes received, then the app, or an error view naming the URL and the
/// cause, with Retry.
#[component]
pub fn Root(
    /// Where the dataset comes from.
    source: DatasetSource,
) -> impl IntoView {
    let source = match source {
        DatasetSource::Bundled => match SiteData::bundled() {
            Bundled::Ready(data) => return view! { <App data=data /> }.into_any(),
            // Not packed at build time: it has problems to report, so it is read like a
            // fetched dataset.
            Bundled::Text(text) => SiteSource::Text {
                name: BUNDLED_DATASET_PATH.to_owned(),
                text,
            },
        },
        DatasetSource::Refused(failure) => SiteSource::Refused(failure),
        DatasetSource::Url {
            url,
            max_bytes,
            timeout_ms,
            ..
        } => {
            provide_context(DatasetUrl(url.clone()));
            SiteSource::Url {
                url,
                max_bytes,
                timeout_ms,
            }
        }
    };
    view! { <ReadSiteLazily source=source /> }.into_any()
}

/// The lazily loaded dataset reader (`read_site_part`): until it has arrived, the loading view
/// (without progress); if it cannot be fetched, an error view naming the dataset, with Retry.
#[component]
fn ReadSiteLazily(
    /// The dataset to read.
    source: SiteSource,
) -> impl IntoView {
    // A refused source has nothing to load: its error comes with the reader, which words it.
    let name = source.name().to_owned();
    let pending = (!matches!(source, SiteSource::Refused(_))).then(|| {
        let name = name.clone();
        ViewFn::from(move || view! { <LoadingView url=name.clone() /> })
    });
    let unavailable = Callback::new(move |retry: Callback<()>| {
        let failure = LoadFailure::LoaderUnavailable { url: name.clone() };
        view! {
            <FetchErrorView
                kind=failure.kind()
                message=LoadFailure::loader_unavailable_message(t(), &name)
                on_retry=Some(retry)
            />
        }
        .into_any()
    });
    // Made here, under this component's owner: a Retry click has none that lasts.
    let app = Callback::new(|data| view! { <App data=data /> }.into_any());
    view! {
        <LazyPart
            load=move || read_site_part(source.clone(), app)
            pending=pending
            unavailable=unavailable
        />
    }
}
