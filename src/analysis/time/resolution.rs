//! Resolution: places a recognised [`Expr`] on the calendar against the reference date, and writes its
//! ISO-TimeML value.
//!
//! Incomplete expressions ("le 20 mars", "mardi", "en septembre") take the year, month or week that the
//! sentence's tense makes sensible: the past for a passé composé or imparfait, the future for a futur, and
//! for a present tense the nearest one (with the past only when it is close). With no verb at all (a bare
//! phrase, a heading) the next one is taken, as calendars and assistants do.

use chrono::{Datelike, Days, Months, NaiveDate, Weekday};

use super::Grain;
use super::lexicon::{NamedDay, Season, Unit};
use super::recognition::{Expr, Part, WeekdayMode};

/// The tense of the clause around an expression.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Tense {
    Past,
    Present,
    Future,
    /// No verb: a bare phrase or a heading.
    Unknown,
}

/// A resolved expression: the days it covers, its grain and its ISO-TimeML value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Resolved {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub grain: Grain,
    pub timex: String,
}

/// How much a past candidate's distance counts against a future one, for a present tense: the past wins
/// only when it is three times closer.
const PAST_PENALTY: i64 = 3;

/// Places `expr` on the calendar.
pub(crate) fn resolve(expr: &Expr, reference: NaiveDate, tense: Tense) -> Option<Resolved> {
    let r = reference;
    match expr {
        Expr::Date {
            year,
            month,
            day,
            weekday,
        } => resolve_date(*year, *month, *day, *weekday, r, tense).map(day_of),
        Expr::Month { month, year, dir } => {
            let (y, m) = match (year, dir) {
                (Some(y), _) => (*y, *month),
                (None, Some(d)) => month_by_direction(*month, *d, r),
                (None, None) => month_by_tense(*month, r, tense),
            };
            month_of(y, m)
        }
        Expr::MonthOfYear { month, year_offset } => month_of(r.year() + year_offset, *month),
        Expr::Year(y) => year_of(*y),
        Expr::Decade(y) => decade_of(*y),
        Expr::Century(n) => century_of(*n),
        Expr::Season { season, year, dir } => resolve_season(*season, *year, *dir, r, tense),
        Expr::Quarter {
            n,
            year,
            year_offset,
        } => {
            let y = quarter_year(*year, *year_offset, r, tense, ((n - 1) * 3 + 1, n * 3));
            quarter_of(y, *n)
        }
        Expr::Half {
            n,
            year,
            year_offset,
        } => {
            let y = quarter_year(*year, *year_offset, r, tense, ((n - 1) * 6 + 1, n * 6));
            half_of(y, *n)
        }
        Expr::Relative { unit, n } => relative(*unit, *n, r, tense),
        Expr::Shift { unit, n } => {
            let d = add_units(r, *unit, *n)?;
            let timex = match unit {
                Unit::Year => format!("{}", d.year()),
                Unit::Month => format!("{}-{:02}", d.year(), d.month()),
                Unit::Week => week_timex(d),
                _ => day_timex(d),
            };
            Some(Resolved {
                from: d,
                to: d,
                grain: Grain::Day,
                timex,
            })
        }
        Expr::Rolling { unit, n } => rolling(*unit, *n, r),
        Expr::Within { unit, n } => {
            let to = add_units(r, *unit, *n as i32)?;
            Some(interval(day_of(r), day_of(to), Grain::Day))
        }
        Expr::Weekday { wd, mode } => resolve_weekday(*wd, *mode, r, tense).map(day_of),
        Expr::Named { day, year, dir } => {
            let at = |y: i32| named_day(*day, y);
            let d = match (year, dir) {
                (Some(y), _) => at(*y)?,
                (None, Some(d)) if *d > 0 => pick(r, Tense::Future, at, true)?,
                (None, Some(_)) => pick(r, Tense::Past, at, true)?,
                (None, None) => pick(r, tense, at, false)?,
            };
            Some(day_of(d))
        }
        Expr::Workweek => {
            let monday = monday_of(r);
            Some(Resolved {
                from: monday,
                to: monday + Days::new(4),
                grain: Grain::Week,
                timex: week_timex(monday),
            })
        }
        Expr::Part { part, base } => {
            let b = resolve(base, r, tense)?;
            let p = part_of(*part, &b, base)?;
            // "au début du mois" when that is over: the next one, unless the clause speaks of the past.
            if let Expr::Relative { unit, n: 0 } = **base
                && p.to < r
                && matches!(tense, Tense::Future | Tense::Unknown)
            {
                let next = relative(unit, 1, r, tense)?;
                return part_of(*part, &next, base);
            }
            Some(p)
        }
        Expr::NthWeekday { n, wd, base } => {
            let b = resolve(base, r, tense)?;
            let wd = weekday_of(*wd);
            let d = if *n > 0 {
                let first = next_weekday_from(b.from, wd);
                first.checked_add_days(Days::new(7 * (*n as u64 - 1)))?
            } else {
                previous_weekday_from(b.to, wd)
            };
            (d <= b.to).then(|| day_of(d))
        }
        Expr::NthDay { n, base } => {
            let b = resolve(base, r, tense)?;
            let d = if *n > 0 {
                b.from.checked_add_days(Days::new(*n as u64 - 1))?
            } else {
                b.to
            };
            (d <= b.to).then(|| day_of(d))
        }
        Expr::NthWeek { n, base } => {
            let b = resolve(base, r, tense)?;
            let monday = if *n > 0 {
                let first = next_weekday_from(b.from, Weekday::Mon);
                first.checked_add_days(Days::new(7 * (*n as u64 - 1)))?
            } else {
                previous_weekday_from(b.to - Days::new(6), Weekday::Mon)
            };
            Some(week_of(monday))
        }
        Expr::WeekOf(base) => {
            let b = resolve(base, r, tense)?;
            // A week is named by its first days: "la semaine du 6 octobre" (a Sunday) starts the 7th.
            let day = if b.from.weekday().num_days_from_monday() >= 5 {
                b.from + Days::new(2)
            } else {
                b.from
            };
            Some(week_of(monday_of(day)))
        }
        Expr::Offset { base, days } => {
            let b = resolve(base, r, tense)?;
            let d = if *days >= 0 {
                b.from.checked_add_days(Days::new(*days as u64))?
            } else {
                b.from.checked_sub_days(Days::new(days.unsigned_abs()))?
            };
            Some(day_of(d))
        }
        Expr::Range(a, b) => resolve_range(a, b, r, tense),
        Expr::Anaphoric(inner) => resolve(inner, r, tense),
        Expr::Directed(inner, d) => {
            let tense = if *d < 0 { Tense::Past } else { Tense::Future };
            resolve(inner, r, tense)
        }
        Expr::Until(b) => {
            let end = resolve(b, r, tense)?;
            if end.to < r {
                return Some(end);
            }
            let from = r.min(end.from);
            Some(Resolved {
                from,
                to: end.to,
                grain: end.grain,
                timex: format!("{}/{}", day_timex(from), end.timex),
            })
        }
    }
}

// ---------------------------------------------------------------------- shapes

fn day_timex(d: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
}

fn week_timex(d: NaiveDate) -> String {
    let w = d.iso_week();
    format!("{:04}-W{:02}", w.year(), w.week())
}

pub(crate) fn day_of(d: NaiveDate) -> Resolved {
    Resolved {
        from: d,
        to: d,
        grain: Grain::Day,
        timex: day_timex(d),
    }
}

fn week_of(monday: NaiveDate) -> Resolved {
    Resolved {
        from: monday,
        to: monday + Days::new(6),
        grain: Grain::Week,
        timex: week_timex(monday),
    }
}

fn month_of(y: i32, m: u32) -> Option<Resolved> {
    let from = NaiveDate::from_ymd_opt(y, m, 1)?;
    Some(Resolved {
        from,
        to: last_of_month(from)?,
        grain: Grain::Month,
        timex: format!("{y:04}-{m:02}"),
    })
}

fn year_of(y: i32) -> Option<Resolved> {
    Some(Resolved {
        from: NaiveDate::from_ymd_opt(y, 1, 1)?,
        to: NaiveDate::from_ymd_opt(y, 12, 31)?,
        grain: Grain::Year,
        timex: format!("{y:04}"),
    })
}

fn decade_of(y: i32) -> Option<Resolved> {
    Some(Resolved {
        from: NaiveDate::from_ymd_opt(y, 1, 1)?,
        to: NaiveDate::from_ymd_opt(y + 9, 12, 31)?,
        grain: Grain::Decade,
        timex: format!("{:03}", y / 10),
    })
}

fn century_of(n: i32) -> Option<Resolved> {
    Some(Resolved {
        from: NaiveDate::from_ymd_opt((n - 1) * 100 + 1, 1, 1)?,
        to: NaiveDate::from_ymd_opt(n * 100, 12, 31)?,
        grain: Grain::Century,
        timex: format!("{:02}", n - 1),
    })
}

fn quarter_of(y: i32, q: u32) -> Option<Resolved> {
    let from = NaiveDate::from_ymd_opt(y, (q - 1) * 3 + 1, 1)?;
    let last = NaiveDate::from_ymd_opt(y, q * 3, 1)?;
    Some(Resolved {
        from,
        to: last_of_month(last)?,
        grain: Grain::Quarter,
        timex: format!("{y:04}-Q{q}"),
    })
}

fn half_of(y: i32, h: u32) -> Option<Resolved> {
    let from = NaiveDate::from_ymd_opt(y, (h - 1) * 6 + 1, 1)?;
    let last = NaiveDate::from_ymd_opt(y, h * 6, 1)?;
    Some(Resolved {
        from,
        to: last_of_month(last)?,
        grain: Grain::Quarter,
        timex: format!("{y:04}-H{h}"),
    })
}

fn season_of(y: i32, s: Season) -> Option<Resolved> {
    let (from, to, code) = match s {
        Season::Spring => ((y, 3, 21), (y, 6, 20), "SP"),
        Season::Summer => ((y, 6, 21), (y, 9, 23), "SU"),
        Season::Autumn => ((y, 9, 24), (y, 12, 20), "FA"),
        Season::Winter => ((y, 12, 21), (y + 1, 3, 20), "WI"),
    };
    Some(Resolved {
        from: NaiveDate::from_ymd_opt(from.0, from.1, from.2)?,
        to: NaiveDate::from_ymd_opt(to.0, to.1, to.2)?,
        grain: Grain::Season,
        timex: format!("{y:04}-{code}"),
    })
}

fn interval(a: Resolved, b: Resolved, grain: Grain) -> Resolved {
    Resolved {
        timex: format!("{}/{}", a.timex, b.timex),
        from: a.from,
        to: b.to,
        grain,
    }
}

// ---------------------------------------------------------------------- calendar helpers

fn last_of_month(d: NaiveDate) -> Option<NaiveDate> {
    let first = NaiveDate::from_ymd_opt(d.year(), d.month(), 1)?;
    first.checked_add_months(Months::new(1))?.pred_opt()
}

pub(crate) fn monday_of(d: NaiveDate) -> NaiveDate {
    d - Days::new(u64::from(d.weekday().num_days_from_monday()))
}

pub(crate) fn weekday_of(wd: u32) -> Weekday {
    match wd {
        0 => Weekday::Mon,
        1 => Weekday::Tue,
        2 => Weekday::Wed,
        3 => Weekday::Thu,
        4 => Weekday::Fri,
        5 => Weekday::Sat,
        _ => Weekday::Sun,
    }
}

/// The first `wd` on or after `d`.
fn next_weekday_from(d: NaiveDate, wd: Weekday) -> NaiveDate {
    let ahead = (7 + wd.num_days_from_monday() - d.weekday().num_days_from_monday()) % 7;
    d + Days::new(u64::from(ahead))
}

/// The last `wd` on or before `d`.
fn previous_weekday_from(d: NaiveDate, wd: Weekday) -> NaiveDate {
    let back = (7 + d.weekday().num_days_from_monday() - wd.num_days_from_monday()) % 7;
    d - Days::new(u64::from(back))
}

fn add_months(d: NaiveDate, n: i32) -> Option<NaiveDate> {
    if n >= 0 {
        d.checked_add_months(Months::new(n as u32))
    } else {
        d.checked_sub_months(Months::new(n.unsigned_abs()))
    }
}

fn add_days(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    if n >= 0 {
        d.checked_add_days(Days::new(n as u64))
    } else {
        d.checked_sub_days(Days::new(n.unsigned_abs()))
    }
}

fn add_units(d: NaiveDate, unit: Unit, n: i32) -> Option<NaiveDate> {
    match unit {
        Unit::Day => add_days(d, i64::from(n)),
        Unit::Week | Unit::Weekend => add_days(d, 7 * i64::from(n)),
        Unit::Month => add_months(d, n),
        Unit::Quarter => add_months(d, 3 * n),
        Unit::Half => add_months(d, 6 * n),
        Unit::Year => add_months(d, 12 * n),
        Unit::Decade => add_months(d, 120 * n),
        Unit::Century => add_months(d, 1200 * n),
    }
}

/// Chooses among the candidates a function gives for the years around the reference, by tense. `strict`
/// excludes the reference day itself ("Noël prochain" on Christmas Day is next year's).
fn pick(
    r: NaiveDate,
    tense: Tense,
    at: impl Fn(i32) -> Option<NaiveDate>,
    strict: bool,
) -> Option<NaiveDate> {
    let candidates = (r.year() - 1..=r.year() + 1).filter_map(&at);
    choose(r, tense, candidates, strict)
}

fn choose(
    r: NaiveDate,
    tense: Tense,
    candidates: impl Iterator<Item = NaiveDate> + Clone,
    strict: bool,
) -> Option<NaiveDate> {
    let past = candidates
        .clone()
        .filter(|d| if strict { *d < r } else { *d <= r })
        .max();
    let future = candidates
        .filter(|d| if strict { *d > r } else { *d >= r })
        .min();
    match tense {
        Tense::Past => past.or(future),
        Tense::Future | Tense::Unknown => future.or(past),
        Tense::Present => match (past, future) {
            (Some(p), Some(f)) => {
                let dp = (r - p).num_days();
                let df = (f - r).num_days();
                Some(if dp * PAST_PENALTY < df { p } else { f })
            }
            (p, f) => f.or(p),
        },
    }
}

fn resolve_date(
    year: Option<i32>,
    month: Option<u32>,
    day: u32,
    weekday: Option<u32>,
    r: NaiveDate,
    tense: Tense,
) -> Option<NaiveDate> {
    match (year, month) {
        (Some(y), Some(m)) => NaiveDate::from_ymd_opt(y, m, day),
        (None, Some(m)) => {
            if let Some(wd) = weekday {
                // The weekday picks the year among those near the reference.
                let wd = weekday_of(wd);
                let matching = (r.year() - 1..=r.year() + 1)
                    .filter_map(|y| NaiveDate::from_ymd_opt(y, m, day))
                    .filter(|d| d.weekday() == wd && (*d - r).num_days().abs() <= 190);
                if let Some(d) = choose(r, tense, matching, false) {
                    return Some(d);
                }
            }
            pick(r, tense, |y| NaiveDate::from_ymd_opt(y, m, day), false)
        }
        (_, None) => {
            let month_start = NaiveDate::from_ymd_opt(r.year(), r.month(), 1)?;
            let candidates = (-12..=12)
                .filter_map(|k| add_months(month_start, k))
                .filter_map(|s| NaiveDate::from_ymd_opt(s.year(), s.month(), day));
            if let Some(wd) = weekday {
                let wd = weekday_of(wd);
                let matching = candidates.clone().filter(|d| d.weekday() == wd);
                if let Some(d) = choose(r, tense, matching, false) {
                    return Some(d);
                }
            }
            let near = candidates.filter(|d| (*d - r).num_days().abs() <= 62);
            choose(r, tense, near, false)
        }
    }
}

/// "septembre dernier": the last September before the current month; "prochain": the next one after it.
fn month_by_direction(m: u32, dir: i32, r: NaiveDate) -> (i32, u32) {
    let y = r.year();
    match dir.signum() {
        1 => (if m > r.month() { y } else { y + 1 }, m),
        -1 => (if m < r.month() { y } else { y - 1 }, m),
        _ => (y, m),
    }
}

fn month_by_tense(m: u32, r: NaiveDate, tense: Tense) -> (i32, u32) {
    let y = r.year();
    if m == r.month() {
        return (y, m);
    }
    let past = if m < r.month() { (y, m) } else { (y - 1, m) };
    let future = if m > r.month() { (y, m) } else { (y + 1, m) };
    match tense {
        Tense::Past => past,
        Tense::Future | Tense::Unknown => future,
        Tense::Present => {
            let dp = (r.month() as i32 - m as i32).rem_euclid(12);
            let df = 12 - dp;
            if i64::from(dp) * PAST_PENALTY < i64::from(df) {
                past
            } else {
                future
            }
        }
    }
}

fn quarter_year(
    year: Option<i32>,
    offset: i32,
    r: NaiveDate,
    tense: Tense,
    months: (u32, u32),
) -> i32 {
    if let Some(y) = year {
        return y;
    }
    let y = r.year() + offset;
    if offset != 0 {
        return y;
    }
    match tense {
        Tense::Past if months.0 > r.month() => y - 1,
        Tense::Future if months.1 < r.month() => y + 1,
        _ => y,
    }
}

fn resolve_season(
    s: Season,
    year: Option<i32>,
    dir: Option<i32>,
    r: NaiveDate,
    tense: Tense,
) -> Option<Resolved> {
    if let Some(y) = year {
        return season_of(y, s);
    }
    let candidates: Vec<Resolved> = (r.year() - 2..=r.year() + 1)
        .filter_map(|y| season_of(y, s))
        .collect();
    let containing = candidates.iter().find(|c| c.from <= r && r <= c.to);
    let last = candidates
        .iter()
        .filter(|c| c.to < r)
        .max_by_key(|c| c.from);
    let next = candidates
        .iter()
        .filter(|c| c.from > r)
        .min_by_key(|c| c.from);
    let chosen = match (dir, tense) {
        (Some(d), _) if d < 0 => last,
        (Some(d), _) if d > 0 => next,
        _ if containing.is_some() => containing,
        (_, Tense::Past) => last,
        (_, Tense::Present) => match (last, next) {
            (Some(l), Some(n)) => {
                if (r - l.to).num_days() * PAST_PENALTY < (n.from - r).num_days() {
                    Some(l)
                } else {
                    Some(n)
                }
            }
            (l, n) => n.or(l),
        },
        _ => next,
    };
    chosen.cloned()
}

fn resolve_weekday(wd: u32, mode: WeekdayMode, r: NaiveDate, tense: Tense) -> Option<NaiveDate> {
    let wd = weekday_of(wd);
    let after = |d: NaiveDate| next_weekday_from(d, wd);
    let before = |d: NaiveDate| previous_weekday_from(d, wd);
    Some(match mode {
        WeekdayMode::Next => after(r.succ_opt()?),
        WeekdayMode::Last => before(r.pred_opt()?),
        WeekdayMode::This => match tense {
            Tense::Past => before(r),
            _ => after(r),
        },
        WeekdayMode::Plain => match tense {
            Tense::Past => before(r),
            _ => after(r.succ_opt()?),
        },
        WeekdayMode::InWeek(n) => {
            let monday = add_days(monday_of(r), 7 * i64::from(n))?;
            after(monday)
        }
        WeekdayMode::WeeksAfter(n) => after(add_days(r, 7 * i64::from(n))?),
    })
}

fn relative(unit: Unit, n: i32, r: NaiveDate, tense: Tense) -> Option<Resolved> {
    match unit {
        Unit::Day => add_days(r, i64::from(n)).map(day_of),
        Unit::Week => add_days(monday_of(r), 7 * i64::from(n)).map(week_of),
        Unit::Weekend => {
            let monday = monday_of(r);
            let mut saturday = add_days(monday, 5 + 7 * i64::from(n))?;
            if n == 0 && tense == Tense::Past && saturday > r {
                saturday = add_days(saturday, -7)?;
            }
            Some(Resolved {
                from: saturday,
                to: saturday + Days::new(1),
                grain: Grain::Week,
                timex: format!("{}-WE", week_timex(saturday)),
            })
        }
        Unit::Month => {
            let d = add_months(NaiveDate::from_ymd_opt(r.year(), r.month(), 1)?, n)?;
            month_of(d.year(), d.month())
        }
        Unit::Quarter => {
            let q0 = (r.year() * 4 + (r.month0() / 3) as i32) + n;
            quarter_of(q0.div_euclid(4), q0.rem_euclid(4) as u32 + 1)
        }
        Unit::Half => {
            let h0 = (r.year() * 2 + (r.month0() / 6) as i32) + n;
            half_of(h0.div_euclid(2), h0.rem_euclid(2) as u32 + 1)
        }
        Unit::Year => year_of(r.year() + n),
        Unit::Decade => decade_of(r.year() - r.year().rem_euclid(10) + 10 * n),
        Unit::Century => century_of((r.year() - 1) / 100 + 1 + n),
    }
}

fn rolling(unit: Unit, n: i32, r: NaiveDate) -> Option<Resolved> {
    let (first, last) = if n < 0 { (n, -1) } else { (1, n) };
    let a = relative(unit, first, r, Tense::Unknown)?;
    let b = relative(unit, last, r, Tense::Unknown)?;
    let (a, b) = if unit == Unit::Day {
        (
            day_of(add_days(r, i64::from(first))?),
            day_of(add_days(r, i64::from(last))?),
        )
    } else {
        (a, b)
    };
    let grain = a.grain;
    Some(interval(a, b, grain))
}

fn named_day(day: NamedDay, y: i32) -> Option<NaiveDate> {
    match day {
        NamedDay::Fixed(m, d) => NaiveDate::from_ymd_opt(y, m, d),
        NamedDay::Easter(offset) => add_days(easter(y)?, offset),
        NamedDay::NthWeekday(m, wd, n) => {
            let first = next_weekday_from(NaiveDate::from_ymd_opt(y, m, 1)?, weekday_of(wd));
            add_days(first, 7 * (i64::from(n) - 1))
        }
    }
}

/// Easter Sunday (Gregorian computus, Meeus/Jones/Butcher).
fn easter(y: i32) -> Option<NaiveDate> {
    let a = y % 19;
    let b = y / 100;
    let c = y % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(y, month as u32, day as u32)
}

fn part_of(part: Part, b: &Resolved, base: &Expr) -> Option<Resolved> {
    let span = |from: NaiveDate, to: NaiveDate, grain: Grain| Resolved {
        from,
        to: to.min(b.to),
        grain,
        timex: b.timex.clone(),
    };
    let day = |k: u64| b.from + Days::new(k);
    Some(match b.grain {
        Grain::Month => {
            let relative = matches!(base, Expr::Relative { .. });
            match part {
                Part::Start => span(b.from, day(if relative { 9 } else { 4 }), Grain::Day),
                Part::Middle => span(day(9), day(18), Grain::Day),
                Part::End => span(day(20), b.to, Grain::Day),
                Part::FirstHalf => span(b.from, day(13), Grain::Day),
                Part::SecondHalf => span(day(14), b.to, Grain::Day),
            }
        }
        // A weekend has no parts worth telling apart.
        Grain::Week if (b.to - b.from).num_days() < 6 => b.clone(),
        Grain::Week => match part {
            Part::Start => span(b.from, day(1), Grain::Day),
            Part::Middle => span(day(2), day(3), Grain::Day),
            _ => span(day(3), b.to, Grain::Day),
        },
        Grain::Year | Grain::Quarter => {
            let y = b.from.year();
            let months = |m1: u32, m2: u32| -> Option<Resolved> {
                let from = NaiveDate::from_ymd_opt(y, m1, 1)?;
                let to = last_of_month(NaiveDate::from_ymd_opt(y, m2, 1)?)?;
                Some(span(from, to, Grain::Month))
            };
            if b.grain == Grain::Quarter {
                return Some(span(b.from, b.to, Grain::Quarter));
            }
            match part {
                Part::Start | Part::FirstHalf => months(1, 2)?,
                Part::Middle => months(5, 8)?,
                Part::End | Part::SecondHalf => months(11, 12)?,
            }
        }
        Grain::Season => {
            // Summer (21 June–23 September): the start runs to mid-July, the end from mid-August.
            match part {
                Part::Start | Part::FirstHalf => span(b.from, day(24), Grain::Day),
                Part::Middle => span(day(24), day(55), Grain::Day),
                Part::End | Part::SecondHalf => span(day(55), b.to - Days::new(2), Grain::Day),
            }
        }
        _ => {
            // Decades and centuries: the first, middle and last years (thirds of a century).
            let y = b.from.year();
            let years = b.to.year() - y + 1;
            let (a, z) = match part {
                Part::Start | Part::FirstHalf => (0, years * 3 / 10),
                Part::Middle => (years * 3 / 10 + 1, years * 6 / 10),
                Part::End | Part::SecondHalf => (years * 7 / 10, years - 1),
            };
            span(
                NaiveDate::from_ymd_opt(y + a, 1, 1)?,
                NaiveDate::from_ymd_opt(y + z, 12, 31)?,
                Grain::Year,
            )
        }
    })
}

fn resolve_range(a: &Expr, b: &Expr, r: NaiveDate, tense: Tense) -> Option<Resolved> {
    let end = resolve(b, r, tense)?;
    let start = match a {
        Expr::Date {
            year: None,
            month,
            day,
            ..
        } => {
            let m = month.unwrap_or(end.to.month());
            let mut y = end.to.year();
            let d = NaiveDate::from_ymd_opt(y, m, *day);
            if d.is_some_and(|d| d > end.to) {
                y -= 1;
            }
            day_of(NaiveDate::from_ymd_opt(y, m, *day)?)
        }
        Expr::Month {
            month,
            year: None,
            dir: None,
        } => {
            let y = if *month > end.to.month() {
                end.to.year() - 1
            } else {
                end.to.year()
            };
            month_of(y, *month)?
        }
        _ => resolve(a, r, tense)?,
    };
    if start.from > end.to {
        return None;
    }
    let grain = start.grain;
    Some(interval(start, end, grain))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn easter_dates() {
        assert_eq!(easter(2024), NaiveDate::from_ymd_opt(2024, 3, 31));
        assert_eq!(easter(2023), NaiveDate::from_ymd_opt(2023, 4, 9));
        assert_eq!(easter(2013), NaiveDate::from_ymd_opt(2013, 3, 31));
    }
}
