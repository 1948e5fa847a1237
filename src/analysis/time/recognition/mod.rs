//! Recognition: finds date expressions in a sentence's tokens and reads them into an unresolved [`Expr`].
//!
//! A small hand-written grammar over normalised tokens, tried at each position whose word can start an
//! expression (a cheap lexicon check), longest form first. French and English share the grammar; the words
//! differ. Ranges ("du 20 au 22 mars") are read on top of single expressions.

use std::borrow::Cow;

use super::lexicon::{
    self, NAMED_DAYS, NamedDay, Season, Unit, cardinal, direction_after, month, normalise,
    number_token, ordinal_word, season, unit, weekday, weekday_abbr,
};
use crate::analysis::text::{Token, TokenKind};
use crate::article::Lang;

mod days;
mod periods;
mod ranges;

use days::*;

/// One token, normalised for lookup.
#[derive(Clone, Debug)]
pub(crate) struct Tok<'a> {
    pub raw: &'a str,
    pub w: Cow<'a, str>,
    pub start: usize,
    pub end: usize,
    pub numeric: bool,
}

impl<'a> Tok<'a> {
    pub(crate) fn new(text: &'a str, token: &Token) -> Self {
        let raw = token.text(text);
        Tok {
            raw,
            w: normalise(raw),
            start: token.start,
            end: token.end,
            numeric: token.kind == TokenKind::Number,
        }
    }
}

/// How a weekday is placed relative to the reference.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum WeekdayMode {
    /// "mardi": the nearest one the sentence's tense allows.
    Plain,
    /// "ce mardi".
    This,
    /// "mardi prochain".
    Next,
    /// "mardi dernier".
    Last,
    /// "mardi de la semaine prochaine" (+1), "lundi cette semaine" (0).
    InWeek(i32),
    /// "mardi en huit" (1), "en quinze" (2): that many weeks after the next one.
    WeeksAfter(i32),
}

/// A part of a period.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Part {
    Start,
    Middle,
    End,
    FirstHalf,
    SecondHalf,
}

/// An expression as written, before it is placed on the calendar.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Expr {
    /// A calendar date, possibly incomplete ("le 20 mars", "vendredi 17 mars", "le 16").
    Date {
        year: Option<i32>,
        month: Option<u32>,
        day: u32,
        weekday: Option<u32>,
    },
    /// A month, with its year, or moved by "dernier"/"prochain", or to be placed by tense.
    Month {
        month: u32,
        year: Option<i32>,
        dir: Option<i32>,
    },
    /// A month of a year counted from the reference's ("septembre de l'année dernière").
    MonthOfYear {
        month: u32,
        year_offset: i32,
    },
    Year(i32),
    /// The first year of a decade ("les années 1990" → 1990).
    Decade(i32),
    /// A century by its ordinal (20 → 1901–2000).
    Century(i32),
    Season {
        season: Season,
        year: Option<i32>,
        dir: Option<i32>,
    },
    Quarter {
        n: u32,
        year: Option<i32>,
        year_offset: i32,
    },
    Half {
        n: u32,
        year: Option<i32>,
        year_offset: i32,
    },
    /// This/next/last unit ("la semaine prochaine" = Week +1, "hier" = Day −1).
    Relative {
        unit: Unit,
        n: i32,
    },
    /// A point counted from the reference ("il y a trois jours" = Day −3).
    Shift {
        unit: Unit,
        n: i32,
    },
    /// The n units before (n < 0) or after the current one ("les 3 prochains jours").
    Rolling {
        unit: Unit,
        n: i32,
    },
    /// From the reference to n units later ("d'ici 3 mois").
    Within {
        unit: Unit,
        n: u32,
    },
    Weekday {
        wd: u32,
        mode: WeekdayMode,
    },
    Named {
        day: NamedDay,
        year: Option<i32>,
        dir: Option<i32>,
    },
    /// Monday to Friday of the current week ("en semaine").
    Workweek,
    Part {
        part: Part,
        base: Box<Expr>,
    },
    /// The nth (−1: last) weekday, day or week of a month.
    NthWeekday {
        n: i32,
        wd: u32,
        base: Box<Expr>,
    },
    NthDay {
        n: i32,
        base: Box<Expr>,
    },
    NthWeek {
        n: i32,
        base: Box<Expr>,
    },
    /// The week holding a date ("la semaine du 6 octobre").
    WeekOf(Box<Expr>),
    /// A day before or after another ("le lendemain du 13 février").
    Offset {
        base: Box<Expr>,
        days: i64,
    },
    Range(Box<Expr>, Box<Expr>),
    /// From the reference up to a date ("jusqu'au 30 juin", "d'ici 2030").
    Until(Box<Expr>),
    /// An incomplete date placed by "dernier" (−1) or "prochain" (+1) rather than by tense.
    Directed(Box<Expr>, i32),
    /// Counted from the narrative rather than from the reference ("deux jours plus tard", "le lendemain"):
    /// read against the reference only when there is no narrative around it.
    Anaphoric(Box<Expr>),
}

impl Expr {
    /// The expression under a "dernier"/"prochain" direction, and that direction.
    fn undirected(&self) -> (&Expr, Option<i32>) {
        match self {
            Expr::Directed(inner, d) => (inner, Some(*d)),
            e => (e, None),
        }
    }

    /// The expression placed by a direction, when there is one.
    fn directed(self, dir: Option<i32>) -> Expr {
        match dir {
            Some(d) => Expr::Directed(Box::new(self), d),
            None => self,
        }
    }
}

/// An expression found in a sentence: token range (indices into the sentence's tokens) and its reading.
#[derive(Clone, Debug)]
pub(crate) struct Found {
    pub first: usize,
    pub last: usize,
    pub expr: Expr,
}

/// Finds the expressions of one sentence, left to right, without overlaps.
pub(crate) fn find(toks: &[Tok<'_>], lang: Lang) -> Vec<Found> {
    let p = Parser { t: toks, lang };
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if lexicon::may_start(&toks[i].w, toks[i].numeric)
            && let Some((expr, mut end)) = p.any(i)
            && end > i
        {
            if is_day(&expr)
                && let Some(e) = p.time_of_day(end)
            {
                end = e;
            }
            // Leading function words belong to the grammar, not to the date: trim them from the span.
            let mut first = i;
            while first + 1 < end && is_leading_function_word(&toks[first].w) {
                first += 1;
            }
            list_days(toks, first, &expr, &mut out);
            complete_previous_day(toks, first, &expr, &mut out);
            out.push(Found {
                first,
                last: end - 1,
                expr,
            });
            i = end;
            continue;
        }
        i += 1;
    }
    out
}

/// The days listed before a date share its month: "les 8, 10 et 12 mai 2018" gives the 8th and 10th too.
fn list_days(toks: &[Tok<'_>], first: usize, expr: &Expr, out: &mut Vec<Found>) {
    let (inner, dir) = expr.undirected();
    let Expr::Date {
        year,
        month: Some(month),
        weekday: None,
        ..
    } = *inner
    else {
        return;
    };
    let mut listed = Vec::new();
    let mut k = first;
    while k >= 2 && matches!(&*toks[k - 1].w, "et" | "," | "ou" | "and" | "or") {
        let t = &toks[k - 2];
        let Some((day, _)) = number_token(&t.w).filter(|(d, _)| t.numeric && (1..=31).contains(d))
        else {
            break;
        };
        let date = Expr::Date {
            year,
            month: Some(month),
            day,
            weekday: None,
        };
        let expr = date.directed(dir);
        listed.push(Found {
            first: k - 2,
            last: k - 2,
            expr,
        });
        k -= 2;
    }
    // Only a real list: it starts with an article ("les 9 et 11 mai"), never inside a larger number.
    if k > 0 && !matches!(&*toks[k - 1].w, "les" | "des" | "du" | "the" | "on") {
        return;
    }
    out.extend(listed.into_iter().rev());
}

/// "jeudi 23 et vendredi 24 mars": the first day, read without a month, takes the second one's.
fn complete_previous_day(toks: &[Tok<'_>], first: usize, expr: &Expr, out: &mut [Found]) {
    let (inner, dir) = expr.undirected();
    let Expr::Date {
        year,
        month: Some(month),
        ..
    } = *inner
    else {
        return;
    };
    let Some(previous) = out.last_mut() else {
        return;
    };
    let joined = previous.last + 2 == first
        && matches!(
            &*toks[first - 1].w,
            "et" | "," | "ou" | "and" | "or" | "au" | "-"
        );
    if let Expr::Date {
        month: None,
        day,
        weekday,
        ..
    } = previous.expr
        && joined
    {
        let date = Expr::Date {
            year,
            month: Some(month),
            day,
            weekday,
        };
        previous.expr = date.directed(dir);
    }
}

/// Whether an expression names one day, which a time of day may follow.
fn is_day(e: &Expr) -> bool {
    match e {
        Expr::Date { month, .. } => month.is_some(),
        Expr::Weekday { .. } | Expr::Named { .. } | Expr::Offset { .. } => true,
        Expr::Relative { unit, .. } => *unit == Unit::Day,
        Expr::Directed(inner, _) | Expr::Anaphoric(inner) => is_day(inner),
        _ => false,
    }
}

fn is_leading_function_word(w: &str) -> bool {
    matches!(
        w,
        "en" | "au" | "a" | "in" | "on" | "at" | "dans" | "pour" | "depuis" | "des" | "since"
    )
}

struct Parser<'t, 'a> {
    t: &'t [Tok<'a>],
    lang: Lang,
}

type P = Option<(Expr, usize)>;

impl Parser<'_, '_> {
    fn w(&self, i: usize) -> &str {
        self.t.get(i).map_or("", |t| &t.w)
    }

    fn raw(&self, i: usize) -> &str {
        self.t.get(i).map_or("", |t| t.raw)
    }

    fn is(&self, i: usize, words: &[&str]) -> bool {
        i < self.t.len() && words.contains(&self.w(i))
    }

    fn eat(&self, i: usize, words: &[&str]) -> Option<usize> {
        self.is(i, words).then_some(i + 1)
    }

    fn opt(&self, i: usize, words: &[&str]) -> usize {
        self.eat(i, words).unwrap_or(i)
    }

    fn seq(&self, i: usize, words: &[&str]) -> Option<usize> {
        let mut j = i;
        for w in words {
            j = self.eat(j, &[w])?;
        }
        Some(j)
    }

    /// Whether the token at `i` ends the expression cleanly: end of sentence or punctuation.
    fn boundary(&self, i: usize) -> bool {
        self.t
            .get(i)
            .is_none_or(|t| !t.numeric && !t.raw.starts_with(char::is_alphanumeric))
    }

    // ------------------------------------------------------------------ numbers

    /// A day of the month: `17`, `1er`, `1 er`, `premier`, `treize`.
    fn day(&self, i: usize) -> Option<(u32, usize)> {
        let t = self.t.get(i)?;
        if t.numeric {
            let (v, _) = number_token(&t.w)?;
            if t.w.len() > 4 || !(1..=31).contains(&v) || t.w.starts_with('0') && t.w.len() > 2 {
                return None;
            }
            let next = if v == 1 && self.is(i + 1, &["er", "re", "st"]) {
                i + 2
            } else {
                i + 1
            };
            return Some((v, next));
        }
        if let Some(v) = ordinal_word(&t.w).filter(|&v| v == 1) {
            return Some((v, i + 1));
        }
        cardinal(&t.w)
            .filter(|v| (2..=31).contains(v))
            .map(|v| (v, i + 1))
    }

    /// A count: digits or a number word.
    fn count(&self, i: usize) -> Option<(u32, usize)> {
        let t = self.t.get(i)?;
        if t.numeric {
            return match number_token(&t.w) {
                Some((v, false)) if v > 0 && v < 1000 => Some((v, i + 1)),
                _ => None,
            };
        }
        if self.lang == Lang::Fr && t.w == "a" {
            return None;
        }
        cardinal(&t.w).map(|v| (v, i + 1))
    }

    /// A year in digits (`2023`, 1000–2199), or spelt out from 2000 (`deux mille dix-sept`).
    fn year(&self, i: usize) -> Option<(i32, usize)> {
        let t = self.t.get(i)?;
        if t.numeric {
            if t.w.len() != 4 {
                return None;
            }
            let (v, suffix) = number_token(&t.w)?;
            return (!suffix && (1000..2200).contains(&v)).then_some((v as i32, i + 1));
        }
        if t.w == "deux" && self.is(i + 1, &["mille"]) {
            if let Some((v, j)) = self.count(i + 2).filter(|(v, _)| *v < 100) {
                return Some((2000 + v as i32, j));
            }
            return Some((2000, i + 2));
        }
        None
    }

    /// A year after a day and month: four digits, or two (`31 octobre 74`) before a boundary.
    fn date_year(&self, i: usize) -> Option<(i32, usize)> {
        if let Some(y) = self.year(i) {
            return Some(y);
        }
        // "12 janvier, 2016"
        if self.is(i, &[","])
            && let Some(y) = self.year(i + 1)
        {
            return Some(y);
        }
        let t = self.t.get(i)?;
        if t.numeric && t.w.len() == 2 && self.boundary(i + 1) {
            let v: i32 = t.w.parse().ok()?;
            return Some((two_digit_year(v), i + 1));
        }
        None
    }

    // ------------------------------------------------------------------ months

    /// A month word at `i`. A bare month (no day before it) must be a full name, and written as the language
    /// writes months (`mars` in French, `March` in English), so that the planet and the verb stay out.
    fn month_word(&self, i: usize, bare: bool) -> Option<(u32, usize)> {
        let m = month(self.w(i))?;
        let raw = self.raw(i);
        let abbr = lexicon::is_month_abbreviation(self.w(i));
        if bare {
            if abbr && !self.is(i + 1, &["."]) {
                return None;
            }
            let capital = raw.starts_with(char::is_uppercase);
            match self.lang {
                Lang::Fr if capital && matches!(m, 3 | 5) && i > 0 => return None,
                Lang::En if !capital => return None,
                _ => {}
            }
        }
        let mut next = i + 1;
        // The full stop of an abbreviation, when something follows it in the same expression.
        if abbr && self.is(next, &["."]) && self.t.get(next + 1).is_some_and(|t| t.numeric) {
            next += 1;
        }
        Some((m, next))
    }

    // ------------------------------------------------------------------ the grammar

    fn any(&self, i: usize) -> P {
        self.part_of_day(i)
            .or_else(|| self.range(i))
            .or_else(|| self.single(i))
    }

    /// "dans la nuit de mardi à mercredi", "la soirée du 14 juillet": the days, with their part of day.
    fn part_of_day(&self, i: usize) -> P {
        let j = self.opt(i, &["dans", "durant", "pendant", "in", "during"]);
        let j = self.opt(j, &["la", "l'", "the"]);
        let k = self.eat(
            j,
            &[
                "nuit",
                "matinee",
                "soiree",
                "journee",
                "apres-midi",
                "night",
                "morning",
                "evening",
                "afternoon",
            ],
        )?;
        let m = self.eat(k, &["de", "du", "d'", "of"])?;
        let (expr, end) = self.range(k).or_else(|| self.point(m))?;
        (is_day(&expr) || matches!(expr, Expr::Range(..))).then_some((expr, end))
    }

    fn single(&self, i: usize) -> P {
        self.named(i)
            .or_else(|| self.shift(i))
            .or_else(|| self.rolling(i))
            .or_else(|| self.nth(i))
            .or_else(|| self.part(i))
            .or_else(|| self.week_of(i))
            .or_else(|| self.day_word(i))
            .or_else(|| self.weekday_expr(i))
            .or_else(|| self.date(i))
            .or_else(|| self.numeric_date(i))
            .or_else(|| self.period(i))
    }

    /// Expressions of a period: month, season, quarter, decade, century, year, relative unit.
    fn period(&self, i: usize) -> P {
        self.month_expr(i)
            .or_else(|| self.season_expr(i))
            .or_else(|| self.quarter(i))
            .or_else(|| self.decade(i))
            .or_else(|| self.century(i))
            .or_else(|| self.relative(i))
            .or_else(|| self.year_expr(i))
    }
}

/// Two years as written with two digits: within ten years after the present century, else the last one.
pub(crate) fn two_digit_year(v: i32) -> i32 {
    if v <= 40 { 2000 + v } else { 1900 + v }
}
