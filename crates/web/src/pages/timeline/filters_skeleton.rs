use leptos::prelude::*;

/// What holds the filters' place (the same size, so nothing moves) until their lazily loaded
/// code has arrived.
#[component]
pub fn FiltersSkeleton() -> impl IntoView {
    view! {
        <div class="filters__pending" aria-hidden="true">
            <div class="skeleton skeleton--short"></div>
            <div class="skeleton"></div>
            <div class="skeleton"></div>
            <div class="skeleton"></div>
        </div>
    }
}
