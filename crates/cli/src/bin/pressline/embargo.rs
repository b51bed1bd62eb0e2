//! `--now` and embargoes: every command that writes or checks a dataset leaves out the releases
//! still under embargo at `--now` (by default the system's clock), right after reading it, so
//! nothing written later can carry them; and says what it held back and until when.

use std::time::SystemTime;

use chrono::{DateTime, Utc};
use pressline_core::date::rfc3339;
use pressline_core::embargo::{self, Held};
use pressline_core::{Dataset, ReleaseDate};

use crate::args::Args;
use crate::input::Input;
use crate::Failure;

/// The moment to publish for: `--now` (RFC 3339 with offset, or `YYYY-MM-DD` for the start of
/// that day in UTC, as an embargo is read), or the system's clock.
pub fn now(args: &Args) -> Result<DateTime<Utc>, Failure> {
    match args.value("now") {
        Some(text) => ReleaseDate::parse(text)
            .map(|date| embargo::ends(&date))
            .ok_or_else(|| {
                Failure::stop(format!(
                    "--now must be a date-time with offset such as 2024-05-02T09:00:00+02:00, \
                     or YYYY-MM-DD, not {text:?}"
                ))
            }),
        None => Ok(DateTime::<Utc>::from(SystemTime::now())),
    }
}

/// What [`hold_back`] left out of a dataset.
pub struct HeldBack {
    /// The releases under embargo, each with the file it came from (for a content folder).
    pub held: Vec<(Held, Option<String>)>,
    /// When the first of them may be published.
    pub next_publication: Option<DateTime<Utc>>,
}

/// Leaves the releases under embargo at `now` out of `input`'s dataset.
pub fn hold_back(input: &mut Input, now: DateTime<Utc>) -> HeldBack {
    // Taken out and put back, not cloned: a dataset may be big.
    let placeholder = Dataset {
        pressline: input.loaded.dataset.pressline,
        title: String::new(),
        description: None,
        organization: None,
        boilerplate: None,
        contacts: Vec::new(),
        lang: None,
        releases: Vec::new(),
    };
    let dataset = std::mem::replace(&mut input.loaded.dataset, placeholder);
    let embargoed = embargo::apply(dataset, now);
    input.loaded.dataset = embargoed.dataset;
    let held = embargoed
        .held
        .into_iter()
        .map(|held| {
            let file = input
                .origins
                .as_ref()
                .and_then(|origins| origins.file_of(&held.id))
                .map(str::to_owned);
            (held, file)
        })
        .collect();
    HeldBack {
        held,
        next_publication: embargoed.next_publication,
    }
}

/// A moment as the command writes it: RFC 3339 in UTC.
pub fn time(moment: DateTime<Utc>) -> String {
    rfc3339(&moment.fixed_offset())
}

impl HeldBack {
    /// Lines saying what was held back and when to rebuild; none when nothing was.
    pub fn lines(&self) -> Vec<String> {
        let mut lines: Vec<String> = self
            .held
            .iter()
            .map(|(held, file)| {
                let from = file
                    .as_deref()
                    .map_or_else(String::new, |file| format!(" ({file})"));
                format!(
                    "held back by its embargo until {}: {}{from}",
                    time(held.until),
                    held.id
                )
            })
            .collect();
        if let Some(next) = self.next_publication {
            lines.push(format!("next publication: {} (rebuild then)", time(next)));
        }
        lines
    }

    /// The held releases and the next publication, for `--json` output.
    pub fn json(&self) -> (serde_json::Value, serde_json::Value) {
        let held = self
            .held
            .iter()
            .map(|(held, file)| {
                serde_json::json!({ "id": held.id, "until": time(held.until), "file": file })
            })
            .collect();
        let next = self
            .next_publication
            .map_or(serde_json::Value::Null, |next| time(next).into());
        (serde_json::Value::Array(held), next)
    }
}
