//! The mechanism of lazily loaded parts: code fetched only when first needed, so that the first
//! load carries only what the timeline needs. The parts themselves are declared in
//! [`crate::parts`].
//!
//! With the `split` feature (the release build's `index.html` turns it on), each
//! [`lazy_part!`] function becomes a split point: the build's post-build step cuts the code
//! only it reaches into a wasm file of its own, fetched on its first call.
//! Without the feature (component tests, `cargo clippy`) it is a plain `async fn`, so the same
//! callers work either way.

use std::future::Future;

use leptos::prelude::*;

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
        pub fn $name($($arg: $ty),*) -> Result<$ret, $crate::platform::lazy::PartUnavailable> {
            Ok($body)
        }

        /// Fetches the part without running it (a failure shows when it is used).
        #[cfg(not(feature = "split"))]
        pub async fn $preload() -> Result<(), $crate::platform::lazy::PartUnavailable> {
            Ok(())
        }

        $crate::platform::lazy::lazy_part! {
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
        pub fn $name($($arg: $ty),*) -> Result<$ret, $crate::platform::lazy::PartUnavailable> {
            Ok($body)
        }

        $crate::platform::lazy::lazy_part! {
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
        ) -> Result<$ret, $crate::platform::lazy::PartUnavailable> {
            Ok($body)
        }
    };
}
pub(crate) use lazy_part;

/// Runs `task` under `owner` (a component's, taken when it was set up): so it finds the page's
/// context even when a click starts it (where there is no owner), and it is dropped once the
/// component is gone.
pub fn spawn_owned(owner: &Owner, task: impl Future<Output = ()> + 'static) {
    owner.with(|| leptos::task::spawn_local_scoped_with_cancellation(task));
}
