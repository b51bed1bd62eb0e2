use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

use leptos::prelude::*;
use send_wrapper::SendWrapper;

use crate::context::i18n::t;
use crate::platform::lazy::{spawn_owned, PartUnavailable};

/// Shows the view a lazy part returns once it has arrived (until then `pending`, or nothing:
/// the rest of the page is usually there), or, if it cannot be fetched, says so with a Retry
/// button (or shows `unavailable`, given the retry).
#[component]
pub fn LazyPart<Load, Part>(
    /// Fetches the part (on first use) and builds its view; called again on Retry.
    load: Load,
    /// What stands in the part's place while it is fetched.
    #[prop(optional_no_strip)]
    pending: Option<ViewFn>,
    /// What to show when the part cannot be fetched, given what tries again.
    #[prop(optional)]
    unavailable: Option<Callback<Callback<()>, AnyView>>,
) -> impl IntoView
where
    Load: Fn() -> Part + Send + Sync + 'static,
    Part: Future<Output = Result<AnyView, PartUnavailable>> + Send + 'static,
{
    // One copy of the machinery below for every part: only this shim is generic.
    lazy_part_view(
        Arc::new(move || Box::pin(load()) as Loading),
        pending,
        unavailable,
    )
}

/// A part's loading, as [`lazy_part_view`] takes it.
type Loading = Pin<Box<dyn Future<Output = Result<AnyView, PartUnavailable>> + Send>>;

/// What [`LazyPart`] shows, for any part.
fn lazy_part_view(
    load: Arc<dyn Fn() -> Loading + Send + Sync>,
    pending: Option<ViewFn>,
    unavailable: Option<Callback<Callback<()>, AnyView>>,
) -> impl IntoView {
    // The part's view once it has arrived (or failed to); a signal and a task, rather than
    // Leptos's `Suspend`, whose async machinery would otherwise weigh on the first load.
    let arrived = RwSignal::new(None::<Result<SendWrapper<AnyView>, PartUnavailable>>);
    // The part's view is built in the task, so under this component's owner.
    let owner = Owner::current().unwrap_or_default();
    let attempt = move || {
        let mut loading = load();
        // A part that is already here (natively always; in the browser once preloaded) is
        // drawn at once: a prerendered page is rendered, and then adopted, whole.
        if let Some(outcome) = futures::FutureExt::now_or_never(&mut loading) {
            arrived.set(Some(outcome.map(SendWrapper::new)));
            return;
        }
        arrived.set(None);
        spawn_owned(&owner, async move {
            arrived.set(Some(loading.await.map(SendWrapper::new)));
        });
    };
    attempt();
    let retry = Callback::new(move |()| attempt());
    move || {
        arrived.track();
        // Taken, not cloned: a view is built once. Untracked, so that only `arrived` ever
        // re-runs this (a re-run would find the view taken).
        let outcome = arrived.update_untracked(Option::take);
        untrack(|| match outcome {
            None => pending.as_ref().map(ViewFn::run).into_any(),
            Some(Ok(view)) => view.take(),
            Some(Err(PartUnavailable)) => match unavailable {
                Some(unavailable) => unavailable.run(retry),
                None => {
                    let t = t();
                    view! {
                        <p class="part-error" role="alert">
                            {t.part_not_loaded} " "
                            <button type="button" on:click=move |_| retry.run(())>
                                {t.retry}
                            </button>
                        </p>
                    }
                    .into_any()
                }
            },
        })
    }
}
