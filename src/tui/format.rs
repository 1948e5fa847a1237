//! Text for the panels: dates in the article's language, and strings cut to a display width.

use chrono::{Datelike, NaiveDate};
use unicode_width::UnicodeWidthChar;

use crate::analysis::{Grain, TimelineEntry};
use crate::article::Lang;

const MONTHS_FR: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];
const MONTHS_EN: [&str; 12] = [
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

fn month(lang: Lang, date: NaiveDate) -> &'static str {
    let i = date.month0() as usize % 12;
    match lang {
        Lang::En => MONTHS_EN[i],
        _ => MONTHS_FR[i],
    }
}

/// `1er mars 2023` / `1 March 2023`.
pub fn day(lang: Lang, date: NaiveDate) -> String {
    format!("{} {}", day_month(lang, date), date.year())
}

fn day_month(lang: Lang, date: NaiveDate) -> String {
    match (lang, date.day()) {
        (Lang::En, d) => format!("{d} {}", month(lang, date)),
        (_, 1) => format!("1er {}", month(lang, date)),
        (_, d) => format!("{d} {}", month(lang, date)),
    }
}

/// A timeline entry's date as a reader says it: `20–22 mars 2023`, `septembre 2022`, `semaine du 13 mars 2023`.
pub fn entry_date(lang: Lang, entry: &TimelineEntry) -> String {
    let (from, to) = (entry.from, entry.to);
    let en = lang == Lang::En;
    match entry.grain {
        Grain::Day | Grain::Week if from == to => day(lang, from),
        Grain::Week if (to - from).num_days() == 6 => {
            if en {
                format!("week of {}", day(lang, from))
            } else {
                format!("semaine du {}", day(lang, from))
            }
        }
        Grain::Month
            if from.day() == 1 && from.month() == to.month() && from.year() == to.year() =>
        {
            format!("{} {}", month(lang, from), from.year())
        }
        Grain::Quarter => {
            let q = from.month0() / 3 + 1;
            if en {
                format!("Q{q} {}", from.year())
            } else {
                format!("T{q} {}", from.year())
            }
        }
        Grain::Season => {
            let names = if en {
                ["winter", "spring", "summer", "autumn"]
            } else {
                ["hiver", "printemps", "été", "automne"]
            };
            let season = match to.month() {
                3 | 4 => 0,
                5..=7 => 1,
                8..=10 => 2,
                _ => 3,
            };
            format!("{} {}", names[season], to.year())
        }
        Grain::Year if from.ordinal() == 1 && from.year() == to.year() => from.year().to_string(),
        Grain::Decade => {
            if en {
                format!("the {}s", from.year())
            } else {
                format!("années {}", from.year())
            }
        }
        Grain::Century => {
            let n = from.year() / 100 + 1;
            if en {
                format!("{n}th century")
            } else {
                format!("{n}e siècle")
            }
        }
        _ => range(lang, from, to),
    }
}

/// A span of days, sharing what the ends share: `20–22 mars 2023`, `28 février – 3 mars 2023`.
fn range(lang: Lang, from: NaiveDate, to: NaiveDate) -> String {
    if from == to {
        day(lang, from)
    } else if from.year() == to.year() && from.month() == to.month() {
        let first = match (lang, from.day()) {
            (Lang::En, d) => d.to_string(),
            (_, 1) => "1er".to_string(),
            (_, d) => d.to_string(),
        };
        format!("{first}–{}", day(lang, to))
    } else if from.year() == to.year() {
        format!("{} – {}", day_month(lang, from), day(lang, to))
    } else {
        format!("{} – {}", day(lang, from), day(lang, to))
    }
}

/// The display width of a string.
pub fn width(s: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(s)
}

/// Cuts a string to at most `max` columns, ending with `…` when something was cut. Never splits a character.
pub fn truncate(s: &str, max: usize) -> String {
    if width(s) <= max {
        return s.to_string();
    }
    if max == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > max {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    out
}

/// A string for one terminal line: control characters (tabs, newlines) become spaces and bidirectional
/// controls are dropped, so what is drawn cannot move the cursor or reorder the line.
pub fn one_line(s: &str) -> String {
    s.chars()
        .filter(|c| !crate::article::sanitize::is_bidi_control(*c))
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Span;

    fn entry(from: (i32, u32, u32), to: (i32, u32, u32), grain: Grain) -> TimelineEntry {
        TimelineEntry {
            span: Span::default(),
            timex: String::new(),
            from: NaiveDate::from_ymd_opt(from.0, from.1, from.2).unwrap(),
            to: NaiveDate::from_ymd_opt(to.0, to.1, to.2).unwrap(),
            grain,
            event: String::new(),
        }
    }

    #[test]
    fn dates_read_as_a_french_reader_writes_them() {
        let rows = [
            (
                entry((2023, 3, 20), (2023, 3, 22), Grain::Day),
                "20–22 mars 2023",
            ),
            (
                entry((2023, 3, 17), (2023, 3, 17), Grain::Day),
                "17 mars 2023",
            ),
            (
                entry((2023, 3, 1), (2023, 3, 1), Grain::Day),
                "1er mars 2023",
            ),
            (
                entry((2023, 2, 28), (2023, 3, 3), Grain::Day),
                "28 février – 3 mars 2023",
            ),
            (
                entry((2022, 12, 30), (2023, 1, 2), Grain::Day),
                "30 décembre 2022 – 2 janvier 2023",
            ),
            (
                entry((2022, 9, 1), (2022, 9, 30), Grain::Month),
                "septembre 2022",
            ),
            (
                entry((2023, 3, 20), (2023, 3, 26), Grain::Week),
                "semaine du 20 mars 2023",
            ),
            (
                entry((2023, 1, 1), (2023, 3, 31), Grain::Quarter),
                "T1 2023",
            ),
            (
                entry((2023, 6, 21), (2023, 9, 22), Grain::Season),
                "été 2023",
            ),
            (entry((2026, 1, 1), (2026, 12, 31), Grain::Year), "2026"),
            (
                entry((2020, 1, 1), (2029, 12, 31), Grain::Decade),
                "années 2020",
            ),
        ];
        for (e, expected) in rows {
            assert_eq!(entry_date(Lang::Fr, &e), expected);
        }
    }

    #[test]
    fn dates_in_english() {
        let e = entry((2023, 3, 20), (2023, 3, 22), Grain::Day);
        assert_eq!(entry_date(Lang::En, &e), "20–22 March 2023");
        let e = entry((2022, 9, 1), (2022, 9, 30), Grain::Month);
        assert_eq!(entry_date(Lang::En, &e), "September 2022");
    }

    #[test]
    fn truncate_counts_display_columns() {
        assert_eq!(truncate("Brest", 10), "Brest");
        assert_eq!(truncate("Hélène Kerjean", 7), "Hélène…");
        assert_eq!(truncate("北京市政府", 5), "北京…");
        assert_eq!(truncate("abc", 0), "");
        assert_eq!(truncate("abcdef", 1), "…");
    }

    #[test]
    fn one_line_neutralises_controls() {
        assert_eq!(one_line("a\tb\nc\u{202e}d"), "a b cd");
    }
}
