//! Release dates: an ISO 8601 calendar date, or an RFC 3339 date-time with its offset.

use std::cmp::Ordering;
use std::fmt;

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, NaiveTime, TimeZone, Timelike};
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
        if text.len() == 10 {
            return parse_iso_day(text).map(Self::Day);
        }
        parse_rfc3339(text).map(Self::Moment)
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
            Self::Day(day) => iso_day(*day),
            Self::Moment(moment) => rfc3339(moment),
        }
    }

    /// A reader-friendly English date, e.g. "November 10, 2022".
    pub fn to_long_english(&self) -> String {
        long_english_day(self.calendar_date())
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

/// A calendar day as `Intl.DateTimeFormat("en", { dateStyle: "long" })` writes it:
/// "November 10, 2022".
pub fn long_english_day(day: NaiveDate) -> String {
    format!("{} {}, {}", month_name(day.month()), day.day(), day.year())
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

// Dates are read and written by hand rather than with chrono's format strings: the formatting
// and parsing machinery behind them weighs more in the browser's download than all of this.

/// Parses `YYYY-MM-DD` (exactly) into a real calendar day.
///
/// ```
/// use pressline_core::date::parse_iso_day;
/// assert_eq!(parse_iso_day("2022-02-28").map(|d| d.to_string()).as_deref(), Some("2022-02-28"));
/// assert_eq!(parse_iso_day("2022-02-30"), None);
/// assert_eq!(parse_iso_day("2022-2-28"), None);
/// assert_eq!(parse_iso_day("+022-02-28"), None);
/// ```
pub fn parse_iso_day(text: &str) -> Option<NaiveDate> {
    let bytes = text.as_bytes();
    if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
        return None;
    }
    let year = digits(&bytes[0..4])?;
    let month = digits(&bytes[5..7])?;
    let day = digits(&bytes[8..10])?;
    NaiveDate::from_ymd_opt(year as i32, month, day)
}

/// Parses an RFC 3339 date-time with offset, e.g. `2022-11-10T09:30:00.5-05:00` or
/// `2022-11-10t14:30:00Z`.
///
/// ```
/// use pressline_core::date::{parse_rfc3339, rfc3339};
/// let moment = parse_rfc3339("2022-11-10T09:30:00.5-05:00").unwrap();
/// assert_eq!(rfc3339(&moment), "2022-11-10T09:30:00.500-05:00");
/// assert_eq!(rfc3339(&parse_rfc3339("2022-11-10 14:30:59Z").unwrap()), "2022-11-10T14:30:59+00:00");
/// assert_eq!(parse_rfc3339("2022-11-10T25:00:00Z"), None);
/// assert_eq!(parse_rfc3339("2022-11-10T10:00:00"), None);
/// ```
pub fn parse_rfc3339(text: &str) -> Option<DateTime<FixedOffset>> {
    let bytes = text.as_bytes();
    if bytes.len() < 20 || !matches!(bytes[10], b'T' | b't' | b' ') {
        return None;
    }
    let day = parse_iso_day(text.get(0..10)?)?;
    if bytes[13] != b':' || bytes[16] != b':' {
        return None;
    }
    let hour = digits(&bytes[11..13])?;
    let minute = digits(&bytes[14..16])?;
    let second = digits(&bytes[17..19])?;
    let mut rest = &bytes[19..];
    let mut nanos = 0u32;
    if let Some(fraction) = rest.strip_prefix(b".") {
        let count = fraction.iter().take_while(|b| b.is_ascii_digit()).count();
        if count == 0 {
            return None;
        }
        for (i, digit) in fraction[..count].iter().enumerate() {
            if i < 9 {
                nanos += u32::from(digit - b'0') * 10u32.pow(8 - i as u32);
            }
        }
        rest = &fraction[count..];
    }
    let offset_seconds = match rest {
        [b'Z' | b'z'] => 0,
        [sign @ (b'+' | b'-'), h1, h2, b':', m1, m2] => {
            let hours = digits(&[*h1, *h2])? as i32;
            let minutes = digits(&[*m1, *m2])? as i32;
            if hours > 23 || minutes > 59 {
                return None;
            }
            let seconds = hours * 3600 + minutes * 60;
            if *sign == b'-' {
                -seconds
            } else {
                seconds
            }
        }
        _ => return None,
    };
    // A leap second (:60) is read as the last moment of the minute before it.
    let time = NaiveTime::from_hms_nano_opt(hour, minute, second.min(59), nanos)?;
    FixedOffset::east_opt(offset_seconds)?
        .from_local_datetime(&day.and_time(time))
        .single()
}

/// `YYYY-MM-DD`.
pub fn iso_day(day: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", day.year(), day.month(), day.day())
}

/// An RFC 3339 date-time in its own offset: seconds always, a fraction (3, 6 or 9 digits) only
/// when there is one, and `+00:00` for UTC.
pub fn rfc3339(moment: &DateTime<FixedOffset>) -> String {
    let local = moment.naive_local();
    let nanos = local.nanosecond() % 1_000_000_000;
    let fraction = if nanos == 0 {
        String::new()
    } else if nanos.is_multiple_of(1_000_000) {
        format!(".{:03}", nanos / 1_000_000)
    } else if nanos.is_multiple_of(1_000) {
        format!(".{:06}", nanos / 1_000)
    } else {
        format!(".{nanos:09}")
    };
    let offset = moment.offset().local_minus_utc();
    let sign = if offset < 0 { '-' } else { '+' };
    let offset = offset.unsigned_abs() / 60;
    format!(
        "{}T{:02}:{:02}:{:02}{fraction}{sign}{:02}:{:02}",
        iso_day(local.date()),
        local.hour(),
        local.minute(),
        local.second(),
        offset / 60,
        offset % 60
    )
}

/// The number written by ASCII digits, or `None` if any byte is not a digit.
fn digits(bytes: &[u8]) -> Option<u32> {
    bytes.iter().try_fold(0u32, |n, b| {
        b.is_ascii_digit().then(|| n * 10 + u32::from(b - b'0'))
    })
}
