//! Calendar dates as written in RON files (`"2022-09-13"`), checked on load.

use std::fmt;

use jiff::civil::Date;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A calendar day. Parsing rejects impossible dates such as `2022-02-30`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day(pub Date);

impl Day {
    /// Parses `YYYY-MM-DD`, explaining what is wrong when it is not a real date.
    pub fn parse(text: &str) -> Result<Day, String> {
        let shape_ok = text.len() == 10
            && text.char_indices().all(|(i, c)| match i {
                4 | 7 => c == '-',
                _ => c.is_ascii_digit(),
            });
        if !shape_ok {
            return Err(format!("`{text}` is not a date: write it as `YYYY-MM-DD`"));
        }
        text.parse::<Date>()
            .map(Day)
            .map_err(|_| format!("`{text}` is not a real calendar date"))
    }

    /// Whole days from `self` to `later` (negative when `later` is earlier).
    pub fn days_until(self, later: Day) -> i64 {
        let days = |d: Date| -> i64 {
            // Days since 0000-03-01 in the proleptic Gregorian calendar; exact and total.
            let (y, m, dd) = (
                i64::from(d.year()),
                i64::from(d.month()),
                i64::from(d.day()),
            );
            let (y, m) = if m <= 2 { (y - 1, m + 12) } else { (y, m) };
            365 * y + y / 4 - y / 100 + y / 400 + (153 * (m - 3) + 2) / 5 + dd
        };
        days(later.0) - days(self.0)
    }

    /// The day `n` days after `self`, saturating at the calendar's ends.
    pub fn plus_days(self, n: i64) -> Day {
        self.0
            .checked_add(jiff::Span::new().days(n))
            .map(Day)
            .unwrap_or(self)
    }
}

impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

impl<'de> Deserialize<'de> for Day {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Day::parse(&text).map_err(serde::de::Error::custom)
    }
}

impl Serialize for Day {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}
