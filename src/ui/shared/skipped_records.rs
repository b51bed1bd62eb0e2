use leptos::prelude::*;

use crate::core::problem::skipped_record_count;
use crate::core::Problem;

/// The readable list of what validation skipped or dropped, so nothing vanishes silently.
/// Renders nothing when the data is clean.
#[component]
pub fn SkippedRecords(
    /// Every problem validation found, in file order.
    problems: Vec<Problem>,
) -> impl IntoView {
    (!problems.is_empty()).then(|| {
        let skipped = skipped_record_count(&problems);
        let summary = match skipped {
            0 => "Some dataset fields were ignored".to_owned(),
            1 => "1 record skipped".to_owned(),
            n => format!("{n} records skipped"),
        };
        view! {
            <details class="skipped-records" data-skipped-count=skipped>
                <summary>{summary} " — the data has problems; everything else is shown."</summary>
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
