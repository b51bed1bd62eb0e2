//! Release dates: an ISO 8601 calendar date, or an RFC 3339 date-time with its offset.

use std::cmp::Ordering;
use std::fmt;

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate};
use serde::{Serialize, Serializer};

/// When a release was published, as precisely as the dataset says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ReleaseDate {
    /// A calendar day, e.g. `2022-11-10`.
    Day(NaiveDate),
    /// A moment with the publisher's UTC offset, e.g. `2022-11-10T09:30:00-05:00`.
    Moment(DateTime<FixedOffset>),
}

impl ReleaseDate {
    /// Parses `YYYY-MM-DD` or an RFC 3339 date-time with offset; `None` for anything else.
    pub fn parse(text: &str) -> Option<Self> {
        let text = text.trim();
        if text.len() == 10 && text.as_bytes()[4] == b'-' && text.as_bytes()[7] == b'-' {
            let all_digits = text
                .bytes()
                .enumerate()
                .all(|(i, b)| i == 4 || i == 7 || b.is_ascii_digit());
            return all_digits
                .then(|| NaiveDate::parse_from_str(text, "%Y-%m-%d").ok())
                .flatten()
                .map(Self::Day);
        }
        DateTime::parse_from_rfc3339(text).ok().map(Self::Moment)
    }

    /// The calendar day as the publisher wrote it (in the publisher's own offset).
    pub fn calendar_date(&self) -> NaiveDate {
        match self {
            Self::Day(day) => *day,
            Self::Moment(moment) => moment.date_naive(),
        }
    }

    /// The year of [`Self::calendar_date`].
    pub fn year(&self) -> i32 {
        self.calendar_date().year()
    }

    /// The month (1–12) of [`Self::calendar_date`].
    pub fn month(&self) -> u32 {
        self.calendar_date().month()
    }

    /// The machine-readable form for `<time datetime>` and for writing the dataset back out.
    pub fn to_iso(&self) -> String {
        match self {
            Self::Day(day) => day.format("%Y-%m-%d").to_string(),
            Self::Moment(moment) => moment.to_rfc3339(),
        }
    }

    /// A reader-friendly English date, e.g. "November 10, 2022".
    pub fn to_long_english(&self) -> String {
        let day = self.calendar_date();
        format!("{} {}, {}", month_name(day.month()), day.day(), day.year())
    }
}

/// Days order by calendar date; on the same day, a bare date sorts before any moment in it, and
/// moments order by the instant they name.
impl Ord for ReleaseDate {
    fn cmp(&self, other: &Self) -> Ordering {
        self.calendar_date()
            .cmp(&other.calendar_date())
            .then_with(|| match (self, other) {
                (Self::Day(_), Self::Day(_)) => Ordering::Equal,
                (Self::Day(_), Self::Moment(_)) => Ordering::Less,
                (Self::Moment(_), Self::Day(_)) => Ordering::Greater,
                (Self::Moment(a), Self::Moment(b)) => a.cmp(b),
            })
    }
}

impl PartialOrd for ReleaseDate {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Display for ReleaseDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_iso())
    }
}

impl Serialize for ReleaseDate {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.to_iso())
    }
}

/// The English name of a month numbered 1–12 ("" outside that range).
pub fn month_name(month: u32) -> &'static str {
    const NAMES: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    month
        .checked_sub(1)
        .and_then(|i| NAMES.get(i as usize))
        .copied()
        .unwrap_or("")
}
