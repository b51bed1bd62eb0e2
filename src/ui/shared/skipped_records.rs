use leptos::prelude::*;

use crate::ui::i18n::I18n;

use crate::core::problem::skipped_record_count;
use crate::core::Problem;

/// The readable list of what validation skipped or dropped, so nothing vanishes silently.
/// Renders nothing when the data is clean.
#[component]
pub fn SkippedRecords(
    /// Every problem validation found, in file order.
    problems: Vec<Problem>,
) -> impl IntoView {
    let i18n = I18n::current();
    let t = i18n.t();
    (!problems.is_empty()).then(|| {
        let skipped = skipped_record_count(&problems);
        let summary = match skipped {
            0 => t.fields_ignored.to_owned(),
            n => i18n.count(&t.records_skipped, n as u64, &[]),
        };
        view! {
            <details class="skipped-records" data-skipped-count=skipped>
                <summary>{summary} {t.data_has_problems}</summary>
                <ul class="skipped-records__list">
                    {problems
                        .into_iter()
                        .map(|problem| {
                            view! {
                                <li>
                                    <strong>{problem.location()}</strong>
                                    ", "
                                    <code>{problem.field.clone()}</code>
                                    ": "
                                    {problem.kind.to_string()}
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </details>
        }
    })
}
