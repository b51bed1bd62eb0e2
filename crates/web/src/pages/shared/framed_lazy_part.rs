use std::future::Future;

use leptos::prelude::*;

use crate::pages::shared::LazyPart;
use crate::platform::lazy::PartUnavailable;

/// A lazy part that has a place on the first view: `frame` holds that place (same size, so
/// nothing moves) until `preload` has fetched the part, then the part is drawn in its stead. When
/// the part has already arrived (a return to the page), it is drawn at once, with no frame.
#[component]
pub fn FramedLazyPart<Preload, Preloading, Load, Part>(
    /// Fetches the part without running it (see `lazy_part!`'s `preload`).
    preload: Preload,
    /// What stands in the part's place while it is fetched.
    #[prop(into)]
    frame: ViewFn,
    /// Fetches the part (on first use) and builds its view; called again on Retry.
    load: Load,
) -> impl IntoView
where
    Preload: FnOnce() -> Preloading,
    Preloading: Future + 'static,
    Load: Fn() -> Part + Send + Sync + Clone + 'static,
    Part: Future<Output = Result<AnyView, PartUnavailable>> + Send + 'static,
{
    let mut preloading = Box::pin(preload());
    let arrived = futures::FutureExt::now_or_never(&mut preloading).is_some();
    // Set once the part has arrived, or failed to (it then says so in its place).
    let ready = RwSignal::new(arrived);
    if !arrived {
        leptos::task::spawn_local(async move {
            preloading.await;
            ready.set(true);
        });
    }
    move || {
        if ready.get() {
            view! { <LazyPart load=load.clone() /> }.into_any()
        } else {
            frame.run()
        }
    }
}
