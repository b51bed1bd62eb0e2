use leptos::ev::KeyboardEvent;
use leptos::html::{Details, Summary};
use leptos::prelude::*;

use crate::context::i18n::I18n;
use crate::platform::document::is_wide_screen;
use crate::platform::surface::in_browser;
use pressline_core::i18n::fill;

/// The facets' panel: a column beside the results on wide screens, a bar that opens in place on
/// tablets, and on phones a drawer over the page that "Show 12 releases" (or Escape) closes,
/// giving the focus back to its toggle.
///
/// Rendered closed (a prerendered page cannot know the screen, and on a phone the results come
/// first), then opened once the app runs on a wide screen: the filters' column has its own
/// width, so nothing else moves.
#[component]
pub fn FiltersPanel(
    /// How many releases the filters leave, for the drawer's closing button.
    #[prop(into)]
    count: Signal<usize>,
    /// The controls inside.
    children: Children,
) -> impl IntoView {
    let i18n = I18n::current();
    let open = RwSignal::new(false);
    let toggle = NodeRef::<Summary>::new();
    let panel = NodeRef::<Details>::new();
    let wide_screen = is_wide_screen();
    Effect::new(move |_| {
        if wide_screen {
            open.set(true);
        }
    });
    let close = move || {
        open.set(false);
        // And the element itself, in case its opening has not reached `open` yet.
        if let Some(panel) = panel.get_untracked() {
            let _ = panel.remove_attribute("open");
        }
        if let Some(toggle) = toggle.get_untracked() {
            let _ = toggle.focus();
        }
    };
    // On the window: a tap on the toggle does not move the focus into the drawer.
    if in_browser() {
        let escape = window_event_listener(leptos::ev::keydown, move |event: KeyboardEvent| {
            // The element's own state: its toggle event may not have reached `open` yet.
            let shown = panel
                .get_untracked()
                .is_some_and(|panel| panel.has_attribute("open"));
            if event.key() == "Escape" && shown && !is_wide_screen() {
                close();
            }
        });
        on_cleanup(move || escape.remove());
    }
    let show = move || {
        let releases = i18n.count(&i18n.t().releases, count.get() as u64, &[]);
        fill(i18n.t().show_releases, &[("releases", &releases)])
    };
    view! {
        <details
            class="filters"
            node_ref=panel
            open=move || open.get()
            // The reader's own clicks on the toggle open and close it too.
            on:toggle=move |event| open.set(event_target::<web_sys::Element>(&event).has_attribute("open"))
        >
            <summary class="filters__toggle" node_ref=toggle>{i18n.t().filters}</summary>
            <div class="filters__body">
                {children()}
                <button type="button" class="filters__show" on:click=move |_| close()>
                    {show}
                </button>
            </div>
        </details>
    }
}
