use leptos::prelude::*;

use crate::context::i18n::t;
use crate::loader::load::{load_source, ReadSite};
use crate::loader::reading::ReadOtherFormat;
use crate::loader::source::SiteSource;
use crate::pages::shared::{FetchErrorView, LoadingProgress, LoadingView};
use crate::platform::lazy::spawn_owned;
use pressline_core::source::{LoadFailure, Progress};

/// The loading view while `source` is read (with the bytes received, and the releases checked
/// and indexed), then the app, or an error view naming the URL and the cause, with Retry when
/// trying again could help. This is the lazily loaded reader's view
/// (`crate::parts::views::read_site_part`).
#[component]
pub fn DatasetReader(
    /// The dataset to read.
    source: SiteSource,
    /// The app for the site once it is read.
    app: Callback<ReadSite, AnyView>,
    /// The reader of other formats than Pressline's.
    read_other: ReadOtherFormat,
) -> impl IntoView {
    let progress = RwSignal::new(Progress::Receiving(0, None));
    let name = source.name().to_owned();
    // A signal and a task rather than a resource: Leptos's async machinery would weigh on the
    // first load of every deploy, and this runs only for some.
    let outcome = RwSignal::new(None::<Result<ReadSite, LoadFailure>>);
    let source = StoredValue::new(source);
    // Dropped if the app goes first (an embed removed from its page), also when Retry starts it.
    let owner = Owner::current().unwrap_or_default();
    let read = move || {
        let source = source.get_value();
        // Nothing to load: the error at once, with no moment of loading view.
        if let SiteSource::Refused(failure) = source {
            outcome.set(Some(Err(failure)));
            return;
        }
        outcome.set(None);
        progress.set(Progress::Receiving(0, None));
        spawn_owned(&owner, async move {
            outcome.set(Some(load_source(source, progress, read_other).await));
        });
    };
    read();
    move || match outcome.get() {
        None => view! {
            <LoadingView url=name.clone()>
                <LoadingProgress progress=progress />
            </LoadingView>
        }
        .into_any(),
        Some(Ok(site)) => app.run(site),
        Some(Err(failure)) => {
            let retry = failure.is_retryable().then(|| {
                let read = read.clone();
                Callback::new(move |()| read())
            });
            view! {
                <FetchErrorView kind=failure.kind() message=failure.message(t()) on_retry=retry />
            }
            .into_any()
        }
    }
}
