use leptos::prelude::*;

use crate::ui::i18n::t;

use crate::core::Person;

/// The spokespeople a release quotes, each with their role. Renders nothing for nobody.
#[component]
pub fn PeopleQuoted(
    /// The people, in the dataset's order.
    people: Vec<Person>,
) -> impl IntoView {
    let language = crate::ui::i18n::I18n::current().language_untracked();
    (!people.is_empty()).then(|| {
        view! {
            <div class="people-quoted">
                <span class="people-quoted__label" lang=language.tag() dir=language.dir()>{t().quoted}</span>
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
