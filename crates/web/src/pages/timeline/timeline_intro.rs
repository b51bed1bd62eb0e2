use leptos::prelude::*;

use crate::context::i18n::t;
use crate::pages::shared::Heading;

/// Descriptions longer than this are clamped to two lines on phones, with a "More" button: about
/// two lines of a 320 px screen, so a shorter one never loses words it cannot show.
const CLAMP_FROM: usize = 70;

/// The timeline's title and description. On phones a long description is clamped to two lines
/// with "More" / "Less", so the first release shows on the first screen; wide screens show it
/// whole (the style sheet hides the button there).
#[component]
pub fn TimelineIntro(
    /// The dataset's title.
    title: String,
    /// Its description, if any.
    description: Option<String>,
    /// The dataset's language, for screen readers and the text's direction.
    lang: Option<String>,
) -> impl IntoView {
    let t = t();
    let expanded = RwSignal::new(false);
    let description = description.map(|text| {
        let clamped = text.chars().count() > CLAMP_FROM;
        view! {
            <div class="timeline__about">
            <p
                id="timeline-description"
                class="timeline__description"
                class:timeline__description--clamped=move || clamped && !expanded.get()
            >
                {text}
            </p>
            {clamped.then(|| view! {
                <button
                    type="button"
                    class="timeline__more"
                    aria-controls="timeline-description"
                    aria-expanded=move || expanded.get().to_string()
                    on:click=move |_| expanded.update(|open| *open = !*open)
                >
                    {move || if expanded.get() { t.show_less } else { t.show_more }}
                </button>
            })}
            </div>
        }
    });
    view! {
        <header class="timeline__intro" lang=lang dir="auto">
            <Heading class="timeline__title" focusable=true>{title}</Heading>
            {description}
        </header>
    }
}
