use leptos::prelude::*;

use crate::context::i18n::t;

use pressline_core::Person;

/// The people a release names, each with their role: "Quoted" when the text shown beside them
/// holds a quotation, else "Spokesperson" (a listing's summary often ends "…, said:" with the
/// quote cut off). Renders nothing for nobody.
#[component]
pub fn PeopleQuoted(
    /// The people, in the dataset's order.
    people: Vec<Person>,
    /// Whether the text shown with them holds a quotation (see [`pressline_core::quote::holds_quotation`]).
    quotation: bool,
) -> impl IntoView {
    let language = crate::context::i18n::I18n::current().language_untracked();
    let t = t();
    let label = match (quotation, people.len()) {
        (true, _) => t.quoted,
        (false, 1) => t.spokesperson,
        (false, _) => t.spokespeople,
    };
    (!people.is_empty()).then(|| {
        view! {
            <div class="people-quoted">
                <span class="people-quoted__label" lang=language.tag() dir=language.dir()>{label}</span>
                <ul class="people-quoted__list">
                    {people
                        .into_iter()
                        .map(|person| {
                            view! {
                                <li class="person">
                                    <span class="person__name">{person.name}</span>
                                    {person
                                        .role
                                        .map(|role| {
                                            view! {
                                                <span class="person__role">", " {role}</span>
                                            }
                                        })}
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </div>
        }
    })
}
