//! Parts of the app that are fetched only when first needed, so that the first load carries
//! only what the timeline needs.
//!
//! With the `split` feature (the release build's `index.html` turns it on), each
//! [`lazy_part!`] function becomes a split point: the post-build step (`.ci/postbuild.mjs`)
//! cuts the code only it reaches into a wasm file of its own, fetched on its first call.
//! Without the feature (component tests, `cargo clippy`) it is a plain `async fn`, so the same
//! callers work either way.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

use leptos::prelude::*;
use send_wrapper::SendWrapper;

use crate::i18n::t;

/// A lazily loaded part could not be fetched (offline, or the deploy lost a file).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PartUnavailable;

#[cfg(feature = "split")]
impl From<leptos::wasm_split::SplitLoaderError> for PartUnavailable {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        Self
    }
}

/// Declares `pub async fn $name(args) -> Result<$ret, PartUnavailable>`, whose body (and all
/// the code only it reaches) is loaded on its first call when the `split` feature is on. With
/// `preload $preload;` first, also `pub async fn $preload()`, which only fetches the part.
macro_rules! lazy_part {
    (
        preload $preload:ident;
        $(#[doc = $doc:literal])*
        fn $name:ident($($arg:ident: $ty:ty),* $(,)?) -> $ret:ty $body:block
    ) => {
        $(#[doc = $doc])*
        #[cfg(feature = "split")]
        #[::leptos::wasm_split::wasm_split(
            $name,
            wasm_split_path = ::leptos::wasm_split,
            fallible,
            preload(
                #[doc = "Fetches the part without running it (a failure shows when it is used)."]
                $preload
            )
        )]
        pub fn $name($($arg: $ty),*) -> Result<$ret, $crate::lazy_part::PartUnavailable> {
            Ok($body)
        }

        /// Fetches the part without running it (a failure shows when it is used).
        #[cfg(not(feature = "split"))]
        pub async fn $preload() -> Result<(), $crate::lazy_part::PartUnavailable> {
            Ok(())
        }

        $crate::lazy_part::lazy_part! {
            @unsplit $(#[doc = $doc])* fn $name($($arg: $ty),*) -> $ret $body
        }
    };
    (
        $(#[doc = $doc:literal])*
        fn $name:ident($($arg:ident: $ty:ty),* $(,)?) -> $ret:ty $body:block
    ) => {
        $(#[doc = $doc])*
        #[cfg(feature = "split")]
        #[::leptos::wasm_split::wasm_split($name, wasm_split_path = ::leptos::wasm_split, fallible)]
        pub fn $name($($arg: $ty),*) -> Result<$ret, $crate::lazy_part::PartUnavailable> {
            Ok($body)
        }

        $crate::lazy_part::lazy_part! {
            @unsplit $(#[doc = $doc])* fn $name($($arg: $ty),*) -> $ret $body
        }
    };
    (
        @unsplit $(#[doc = $doc:literal])*
        fn $name:ident($($arg:ident: $ty:ty),*) -> $ret:ty $body:block
    ) => {
        $(#[doc = $doc])*
        #[cfg(not(feature = "split"))]
        pub async fn $name(
            $($arg: $ty),*
        ) -> Result<$ret, $crate::lazy_part::PartUnavailable> {
            Ok($body)
        }
    };
}
pub(crate) use lazy_part;

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

/// Runs `task` under `owner` (a component's, taken when it was set up): so it finds the page's
/// context even when a click starts it (where there is no owner), and it is dropped once the
/// component is gone.
pub fn spawn_owned(owner: &Owner, task: impl Future<Output = ()> + 'static) {
    owner.with(|| leptos::task::spawn_local_scoped_with_cancellation(task));
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
