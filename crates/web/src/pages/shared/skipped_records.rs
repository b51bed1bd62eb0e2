use leptos::prelude::*;

use crate::context::i18n::I18n;

use std::sync::Arc;

use pressline_core::i18n::fill;
use pressline_core::problem::{problems_not_shown, skipped_record_count, Cost, PROBLEMS_SHOWN};
use pressline_core::Problem;

/// The readable list of what validation skipped or dropped, so nothing vanishes silently: each
/// release problem says whether it cost the release or only the field. Renders nothing when
/// the data is clean.
#[component]
pub fn SkippedRecords(
    /// Every problem validation found, in file order.
    problems: Arc<[Problem]>,
) -> impl IntoView {
    let i18n = I18n::current();
    let t = i18n.t();
    (!problems.is_empty()).then(|| {
        let skipped = skipped_record_count(&problems);
        let more = problems_not_shown(&problems);
        let summary = match skipped {
            0 => t.fields_ignored.to_owned(),
            n => i18n.count(&t.records_skipped, n as u64, &[]),
        };
        view! {
            <details class="skipped-records" data-skipped-count=skipped>
                <summary>{summary} {t.data_has_problems}</summary>
                <ul class="skipped-records__list">
                    {problems
                        .iter()
                        .take(PROBLEMS_SHOWN)
                        .map(|problem| {
                            // What a release's problem cost (a missing recommended field costs
                            // nothing: its text says so).
                            let outcome = problem.record.as_ref().and(match problem.cost() {
                                Cost::Release => Some(("skipped", t.record_skipped)),
                                Cost::Field => Some(("dropped", t.field_dropped)),
                                Cost::Nothing => None,
                            });
                            view! {
                                <li data-outcome=outcome.map(|(name, _)| name)>
                                    <strong>{problem.location()}</strong>
                                    ", "
                                    <code>{problem.field.clone()}</code>
                                    ": "
                                    {problem.kind.to_string()}
                                    {outcome.map(|(_, words)| format!(" — {words}"))}
                                </li>
                            }
                        })
                        .collect_view()}
                    {more.map(|count| {
                        view! {
                            <li class="skipped-records__more">
                                {fill(t.more_problems, &[("count", &i18n.number(count as u64))])}
                            </li>
                        }
                    })}
                </ul>
            </details>
        }
    })
}
