//! The hand-written date reading and writing agrees with chrono's own (which the browser build
//! no longer carries) on every date and date-time, valid or not.
#![cfg(not(target_arch = "wasm32"))]

use chrono::{DateTime, NaiveDate};
use pressline_core::date::{iso_day, parse_iso_day, parse_rfc3339, rfc3339};
use proptest::prelude::*;

fn digits(width: usize) -> impl Strategy<Value = String> {
    proptest::collection::vec(0u8..10, width)
        .prop_map(|d| d.into_iter().map(|d| char::from(b'0' + d)).collect())
}

proptest! {
    #[test]
    fn days_agree_with_chrono(year in 0i32..10000, month in 0u32..14, day in 0u32..33) {
        let text = format!("{year:04}-{month:02}-{day:02}");
        let ours = parse_iso_day(&text);
        prop_assert_eq!(ours, NaiveDate::parse_from_str(&text, "%Y-%m-%d").ok());
        if let Some(date) = ours {
            prop_assert_eq!(iso_day(date), date.format("%Y-%m-%d").to_string());
        }
    }

    #[test]
    fn date_times_agree_with_chrono(
        day in 1u32..29, hour in 0u32..26, minute in 0u32..61, second in 0u32..61,
        fraction in prop_oneof![Just(String::new()), (1usize..11).prop_flat_map(digits).prop_map(|d| format!(".{d}"))],
        separator in prop_oneof![Just('T'), Just('t'), Just(' ')],
        offset in prop_oneof![Just("Z".to_owned()), Just("z".to_owned()),
            (prop_oneof![Just('+'), Just('-')], 0u32..25, 0u32..61).prop_map(|(s, h, m)| format!("{s}{h:02}:{m:02}"))],
    ) {
        let text = format!("2022-03-{day:02}{separator}{hour:02}:{minute:02}:{second:02}{fraction}{offset}");
        let ours = parse_rfc3339(&text);
        let chrono = DateTime::parse_from_rfc3339(&text).ok();
        if second == 60 {
            // chrono keeps a leap second; we read it as the end of the minute. Both accept it.
            prop_assert_eq!(ours.is_some(), chrono.is_some());
        } else {
            prop_assert_eq!(ours, chrono);
        }
        if let (Some(ours), false) = (ours, second == 60) {
            prop_assert_eq!(rfc3339(&ours), ours.to_rfc3339());
        }
    }
}

#[test]
fn malformed_date_times_are_refused() {
    for text in [
        "",
        "2022-03-01",
        "2022-03-01T10:00",
        "2022-03-01T10:00:00",
        "2022-03-01T10:00:00.Z",
        "2022-03-01T10:00:00+0100",
        "2022-03-01T10:00:00+01:00 ",
        "2022-03-01X10:00:00Z",
        "２022-03-01T10:00:00Z",
    ] {
        assert_eq!(parse_rfc3339(text), None, "{text:?}");
        assert_eq!(
            DateTime::parse_from_rfc3339(text).ok(),
            None,
            "chrono agrees on {text:?}"
        );
    }
}
