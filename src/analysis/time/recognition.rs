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
            && let Some((expr, end)) = p.any(i)
            && end > i
        {
            // Leading function words belong to the grammar, not to the date: trim them from the span.
            let mut first = i;
            while first + 1 < end && is_leading_function_word(&toks[first].w) {
                first += 1;
            }
            list_days(toks, first, &expr, &mut out);
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
    let (inner, dir) = match expr {
        Expr::Directed(inner, d) => (&**inner, Some(*d)),
        e => (e, None),
    };
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
        let expr = match dir {
            Some(d) => Expr::Directed(Box::new(date), d),
            None => date,
        };
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
        self.range(i).or_else(|| self.single(i))
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

    /// Ranges and open ends.
    fn range(&self, i: usize) -> P {
        let w = self.w(i);
        // jusqu'au X, until X
        if let Some(j) = self
            .seq(i, &["jusqu'"])
            .map(|j| self.opt(j, &["au", "a", "en", "aux", "l'", "le"]))
            .map(|j| {
                if self.w(j - 1) == "a" {
                    self.opt(j, &["la", "l'"])
                } else {
                    j
                }
            })
            .or_else(|| self.eat(i, &["until", "till"]))
            && let Some((b, end)) = self.point(j)
        {
            return Some((Expr::Until(Box::new(b)), end));
        }
        // d'ici N unités, d'ici X
        if let Some(j) = self.seq(i, &["d'", "ici"]) {
            let j = self.opt(j, &["a"]);
            if let Some((n, k)) = self.count(j)
                && let Some(u) = unit(self.w(k))
            {
                return Some((Expr::Within { unit: u, n }, k + 1));
            }
            if let Some((b, end)) = self.part(j).or_else(|| self.point(j)) {
                return Some((Expr::Until(Box::new(b)), end));
            }
        }
        // entre A et B, between A and B
        if let Some(j) = self.eat(i, &["entre", "between"]) {
            let j = self.opt(j, &["le", "l'", "the"]);
            if let Some((a, k)) = self.point(j).or_else(|| self.bare_day(j))
                && let Some(k) = self.eat(k, &["et", "and"])
            {
                let k2 = self.opt(k, &["le", "l'", "the"]);
                // "entre 10 et 20 %" is no range of days: a bare day needs its article.
                let b = self
                    .point(k2)
                    .or_else(|| (k2 > k).then(|| self.bare_day(k2)).flatten());
                if let Some((b, end)) = b
                    && compatible(&a, &b)
                    && !self.quantity_after(end)
                {
                    return Some((Expr::Range(Box::new(a), Box::new(b)), end));
                }
            }
            return None;
        }
        // 1998-2007, 2014-15
        if let Some((y1, y2)) = year_pair(self.w(i)) {
            return Some((
                Expr::Range(Box::new(Expr::Year(y1)), Box::new(Expr::Year(y2))),
                i + 1,
            ));
        }
        // du A au B, de A à B, from A to B
        let prefixed = matches!(w, "du" | "de" | "d'" | "from" | "des");
        let j = if prefixed { i + 1 } else { i };
        let a = if prefixed {
            self.point(j).or_else(|| self.bare_day(j))
        } else {
            self.date(j)
                .or_else(|| self.weekday_day(j))
                .or_else(|| self.bare_day(j))
        };
        if let Some((a, k)) = a
            && let Some(k) = self
                .eat(
                    k,
                    &[
                        "au", "a", "-", "–", "to", "until", "till", "through", "thru",
                    ],
                )
                .or_else(|| self.seq(k, &["jusqu'", "au"]))
        {
            let k = self.opt(k, &["le", "l'", "the"]);
            // "de 10 à 30 %" is no range of days: bare days on both ends only after "du".
            let b = self.point(k).or_else(|| {
                matches!(w, "du" | "from")
                    .then(|| self.bare_day(k))
                    .flatten()
            });
            if let Some((b, end)) = b
                && compatible(&a, &b)
                && (prefixed || has_month(&b))
            {
                return Some((Expr::Range(Box::new(a), Box::new(b)), end));
            }
        }
        // 13-15 juillet, March 20-22
        if let Some((d1, d2)) = day_pair(self.w(j)) {
            let k = j + 1;
            if let Some((m, k)) = self.month_word(k, false) {
                let (year, end) = self.date_year(k).map_or((None, k), |(y, e)| (Some(y), e));
                return Some((range_days(d1, d2, m, year), end));
            }
        }
        if self.lang == Lang::En
            && let Some((m, k)) = self.month_word(j, false)
            && let Some((d1, d2)) = day_pair(self.w(k))
        {
            let k = self.opt(k + 1, &[","]);
            let (year, end) = self.year(k).map_or((None, k), |(y, e)| (Some(y), e));
            let end = if year.is_none() && self.w(end - 1) == "," {
                end - 1
            } else {
                end
            };
            return Some((range_days(d1, d2, m, year), end));
        }
        None
    }
}

impl Parser<'_, '_> {
    /// A point that can end a range or an open interval.
    fn point(&self, i: usize) -> P {
        self.named(i)
            .or_else(|| self.weekday_day(i))
            .or_else(|| self.date(i))
            .or_else(|| self.numeric_date(i))
            .or_else(|| self.part(i))
            .or_else(|| self.month_expr(i))
            .or_else(|| self.season_expr(i))
            .or_else(|| self.quarter(i))
            .or_else(|| self.decade(i))
            .or_else(|| self.relative(i))
            .or_else(|| self.day_word(i))
            .or_else(|| {
                let j = self.opt(i, &["l'"]);
                let j = if self.w(i) == "l'" {
                    self.eat(j, &["an", "annee"])?
                } else {
                    j
                };
                self.year(j).map(|(y, e)| (Expr::Year(y), e))
            })
    }

    /// A day of the month alone, the first end of a range ("du 13 au 15 juillet", "samedi 13 au …").
    fn bare_day(&self, i: usize) -> P {
        let (wd, j) = match weekday(self.w(i)) {
            Some(wd) => (Some(wd), i + 1),
            None => (None, i),
        };
        let (day, k) = self.day(j)?;
        if unit(self.w(k)).is_some()
            || self
                .t
                .get(j)
                .is_some_and(|t| t.numeric && t.w.contains(['/', ':', ',', '.']))
        {
            return None;
        }
        Some((
            Expr::Date {
                year: None,
                month: None,
                day,
                weekday: wd,
            },
            k,
        ))
    }

    /// A weekday followed by a date: "vendredi 17 mars", "mercredi 13", "Monday, March 20".
    fn weekday_day(&self, i: usize) -> P {
        let j = self.opt(i, &["ce", "this", "on", "le"]);
        let (wd, k) = self.weekday_at(j)?;
        let k = self.opt(k, &[","]);
        let k = self.opt(k, &["le", "the"]);
        if let Some((
            Expr::Date {
                year, month, day, ..
            },
            end,
        )) = self.date(k).or_else(|| self.numeric_date(k))
        {
            return Some((
                Expr::Date {
                    year,
                    month,
                    day,
                    weekday: Some(wd),
                },
                end,
            ));
        }
        let (day, end) = self.day(k)?;
        if unit(self.w(end)).is_some() || self.t.get(k).is_some_and(|t| t.numeric && t.w.len() > 3)
        {
            return None;
        }
        Some((
            Expr::Date {
                year: None,
                month: None,
                day,
                weekday: Some(wd),
            },
            end,
        ))
    }

    /// A weekday name, or its abbreviation with a full stop (`lun.`).
    fn weekday_at(&self, i: usize) -> Option<(u32, usize)> {
        if let Some(wd) = weekday(self.w(i)) {
            return Some((wd, i + 1));
        }
        let wd = weekday_abbr(self.w(i), self.lang == Lang::En)?;
        // "le jeu." is a game: an abbreviation stands alone, not after a determiner.
        let determiner = i > 0
            && matches!(
                self.w(i - 1),
                "le" | "la"
                    | "les"
                    | "du"
                    | "de"
                    | "un"
                    | "une"
                    | "des"
                    | "au"
                    | "ce"
                    | "son"
                    | "sa"
                    | "the"
                    | "a"
            );
        (!determiner && self.is(i + 1, &["."])).then_some((wd, i + 2))
    }

    /// A written date: "le 1er mars 2023", "17 mars", "3 mars 2015", "the 17th of March", "March 17, 2023",
    /// "le 16" (a day alone after "le", at a boundary).
    fn date(&self, i: usize) -> P {
        let j = self.opt(i, &["le", "the"]);
        if let Some((day, k)) = self.day(j) {
            let k2 = self.opt(k, &["of"]);
            if let Some((m, k3)) = self.month_word(k2, false) {
                let (year, end) = self.date_year(k3).map_or((None, k3), |(y, e)| (Some(y), e));
                let date = Expr::Date {
                    year,
                    month: Some(m),
                    day,
                    weekday: None,
                };
                // "le 20 novembre dernier", "les 28 et 29 avril prochains"
                if year.is_none()
                    && let Some(d) = self.t.get(end).and_then(|t| direction_after(&t.w))
                    && !self.is(end, &["next", "last", "past"])
                {
                    return Some((Expr::Directed(Box::new(date), d), end + 1));
                }
                return Some((date, end));
            }
            if j > i
                && self.t[j].numeric
                && (self.boundary(k) || self.is(k, &["et", "au", "and", "vers", "jusqu'"]))
            {
                return Some((
                    Expr::Date {
                        year: None,
                        month: None,
                        day,
                        weekday: None,
                    },
                    k,
                ));
            }
            return None;
        }
        // English order: March 17, 2023
        let (m, k) = self.month_word(j, false)?;
        if self.lang == Lang::En && !self.raw(j).starts_with(char::is_uppercase) {
            return None;
        }
        let (day, k) = self
            .day(k)
            .filter(|_| self.t.get(k).is_some_and(|t| t.numeric))?;
        if self.t.get(k - 1).is_some_and(|t| t.w.len() == 4) {
            return None;
        }
        let k2 = self.opt(k, &[","]);
        if let Some((year, end)) = self.year(k2) {
            return Some((
                Expr::Date {
                    year: Some(year),
                    month: Some(m),
                    day,
                    weekday: None,
                },
                end,
            ));
        }
        Some((
            Expr::Date {
                year: None,
                month: Some(m),
                day,
                weekday: None,
            },
            k,
        ))
    }

    /// Dates in digits: `17/03/2023`, `2015-03-03`, `15.12.2016`, `17/02`, and spaced `20 02 2014`.
    fn numeric_date(&self, i: usize) -> P {
        let j = self.opt(i, &["le", "the", "on"]);
        let t = self.t.get(j)?;
        if !t.numeric {
            return None;
        }
        if let Some((d, m, y)) = parse_numeric_date(&t.w, self.lang, j > i) {
            return Some((
                Expr::Date {
                    year: y,
                    month: Some(m),
                    day: d,
                    weekday: None,
                },
                j + 1,
            ));
        }
        // Spaced: day month [year], digits only, not inside a longer run of numbers.
        if j > 0 && self.t[j - 1].numeric {
            return None;
        }
        let digits = |k: usize, max_len: usize| {
            self.t.get(k).filter(|t| {
                t.numeric && t.w.len() <= max_len && t.w.bytes().all(|b| b.is_ascii_digit())
            })
        };
        let d: u32 = digits(j, 2)?.w.parse().ok()?;
        let m: u32 = digits(j + 1, 2)?.w.parse().ok()?;
        if !(1..=31).contains(&d) || !(1..=12).contains(&m) {
            return None;
        }
        let (year, end) = match digits(j + 2, 4) {
            Some(t) if t.w.len() == 4 || t.w.len() == 2 => {
                let v: i32 = t.w.parse().ok()?;
                (Some(if v < 100 { two_digit_year(v) } else { v }), j + 3)
            }
            Some(_) => return None,
            None => (None, j + 2),
        };
        if !self.boundary(end)
            || self
                .t
                .get(end)
                .is_some_and(|t| matches!(t.raw, "%" | "€" | "$"))
        {
            return None;
        }
        Some((
            Expr::Date {
                year,
                month: Some(m),
                day: d,
                weekday: None,
            },
            end,
        ))
    }

    /// Named days: "Noël", "la Toussaint", "le jour de l'an", "la prochaine fête du travail".
    fn named(&self, i: usize) -> P {
        let mut j = self.opt(i, &["la", "le", "l'", "the", "a", "pour"]);
        j = self.opt(j, &["la", "le", "l'"]);
        let mut dir = None;
        if let Some(d) = self
            .t
            .get(j)
            .and_then(|t| direction_after(&t.w))
            .filter(|_| self.is(j, &["prochaine", "derniere", "next", "last"]))
        {
            dir = Some(d);
            j += 1;
        }
        let (day, mut end) = NAMED_DAYS.iter().find_map(|(words, day)| {
            words
                .iter()
                .enumerate()
                .all(|(k, w)| self.w(j + k) == *w)
                .then_some((*day, j + words.len()))
        })?;
        let mut year = None;
        if let Some((y, e)) = self.year(end) {
            year = Some(y);
            end = e;
        } else if let Some(d) = self.t.get(end).and_then(|t| direction_after(&t.w)) {
            dir = Some(d);
            end += 1;
        }
        Some((Expr::Named { day, year, dir }, end))
    }

    /// Counted from the reference: "il y a trois jours", "dans deux semaines", "deux jours plus tard",
    /// "three days ago", "in two weeks".
    fn shift(&self, i: usize) -> P {
        if let Some(j) = self.seq(i, &["il", "y", "a"]) {
            let (n, k) = self.count(j)?;
            let u = unit(self.w(k)).filter(|u| is_shift_unit(*u))?;
            return Some((
                Expr::Shift {
                    unit: u,
                    n: -(n as i32),
                },
                k + 1,
            ));
        }
        if let Some(j) = self.eat(i, &["dans", "in"]) {
            let (n, k) = self.count(j)?;
            let u = unit(self.w(k)).filter(|u| is_shift_unit(*u))?;
            return Some((
                Expr::Shift {
                    unit: u,
                    n: n as i32,
                },
                k + 1,
            ));
        }
        let (n, k) = self.count(i)?;
        let u = unit(self.w(k)).filter(|u| is_shift_unit(*u))?;
        let k = k + 1;
        let n = n as i32;
        if let Some(end) = self.eat(k, &["ago"]) {
            return Some((Expr::Shift { unit: u, n: -n }, end));
        }
        if let Some(end) = self.seq(k, &["from", "now"]) {
            return Some((Expr::Shift { unit: u, n }, end));
        }
        if let Some(end) = self
            .seq(k, &["plus", "tard"])
            .or_else(|| self.eat(k, &["later"]))
            .or_else(|| self.eat(k, &["apres"]).filter(|&e| self.boundary(e)))
        {
            return Some((anaphoric(Expr::Shift { unit: u, n }), end));
        }
        if let Some(end) = self
            .seq(k, &["plus", "tot"])
            .or_else(|| self.eat(k, &["earlier"]))
        {
            return Some((anaphoric(Expr::Shift { unit: u, n: -n }), end));
        }
        None
    }

    /// "les 3 prochains jours", "2 dernières semaines", "the last two years", "the next 3 months".
    fn rolling(&self, i: usize) -> P {
        let j = self.opt(i, &["les", "ces", "the", "these"]);
        // N derniers jours
        if let Some((n, k)) = self.count(j)
            && let Some(d) = self.t.get(k).and_then(|t| direction_after(&t.w))
            && let Some(u) = unit(self.w(k + 1)).filter(|u| is_shift_unit(*u))
            && !matches!(self.w(k), "next" | "last" | "past" | "previous")
        {
            return Some((
                Expr::Rolling {
                    unit: u,
                    n: d * n as i32,
                },
                k + 2,
            ));
        }
        // N jours derniers / 3 mois suivant
        if let Some((n, k)) = self.count(j).filter(|(n, _)| *n > 1)
            && let Some(u) = unit(self.w(k)).filter(|u| is_shift_unit(*u))
            && let Some(d) = self.t.get(k + 1).and_then(|t| direction_after(&t.w))
        {
            return Some((
                Expr::Rolling {
                    unit: u,
                    n: d * n as i32,
                },
                k + 2,
            ));
        }
        // les derniers N jours, the last N days
        if let Some(d) = self
            .t
            .get(j)
            .filter(|t| !t.w.starts_with("passe"))
            .and_then(|t| direction_after(&t.w))
            && let Some((n, k)) = self
                .count(j + 1)
                .filter(|(n, _)| *n > 1 || self.lang == Lang::Fr)
            && let Some(u) = unit(self.w(k)).filter(|u| is_shift_unit(*u))
        {
            return Some((
                Expr::Rolling {
                    unit: u,
                    n: d * n as i32,
                },
                k + 1,
            ));
        }
        None
    }

    /// "le premier mercredi du mois prochain", "3eme jour d'octobre", "la dernière semaine de septembre 2014",
    /// "la première quinzaine d'avril".
    fn nth(&self, i: usize) -> P {
        let j = self.opt(i, &["le", "la", "the"]);
        let t = self.t.get(j)?;
        let n: i32 = if let Some(v) = ordinal_word(&t.w) {
            v as i32
        } else if matches!(&*t.w, "dernier" | "derniere" | "last") {
            -1
        } else if t.numeric {
            match number_token(&t.w) {
                Some((v, true)) => v as i32,
                _ => return None,
            }
        } else {
            return None;
        };
        let k = j + 1;
        enum What {
            Weekday(u32),
            Day,
            Week,
            Fortnight,
        }
        let what = if let Some(wd) = weekday(self.w(k)) {
            What::Weekday(wd)
        } else if self.is(k, &["jour", "day"]) {
            What::Day
        } else if self.is(k, &["semaine", "week"]) {
            What::Week
        } else if self.is(k, &["quinzaine"]) {
            What::Fortnight
        } else {
            return None;
        };
        let k = self.eat(k + 1, &["de", "du", "d'", "of"])?;
        let k = self.opt(k, &["the"]);
        let (base, end) = self.month_expr(k).or_else(|| self.month_unit(k))?;
        let base = Box::new(base);
        let expr = match what {
            What::Weekday(wd) => Expr::NthWeekday { n, wd, base },
            What::Day => Expr::NthDay { n, base },
            What::Week => Expr::NthWeek { n, base },
            What::Fortnight => Expr::Part {
                part: if n == 1 {
                    Part::FirstHalf
                } else {
                    Part::SecondHalf
                },
                base,
            },
        };
        Some((expr, end))
    }

    /// "mois prochain", "le mois dernier", "ce mois-ci" as the base of an nth expression.
    fn month_unit(&self, i: usize) -> P {
        let j = self.opt(i, &["le", "ce", "this", "next", "last"]);
        let first = self.w(i);
        if !self.is(j, &["mois", "month", "mois-ci"]) {
            return None;
        }
        let mut n = match first {
            "next" => 1,
            "last" => -1,
            _ => 0,
        };
        let mut end = j + 1;
        if let Some(d) = self.t.get(end).and_then(|t| direction_after(&t.w)) {
            n = d;
            end += 1;
        }
        Some((
            Expr::Relative {
                unit: Unit::Month,
                n,
            },
            end,
        ))
    }

    /// Parts of a period: "début avril", "fin du mois de mars", "mi-décembre", "en fin de semaine",
    /// "à la fin de l'année", "au début de cet été", "early March", "the end of 2019".
    fn part(&self, i: usize) -> P {
        let mut j = i;
        j = self.opt(j, &["en", "au", "a", "des", "vers", "at", "in", "by"]);
        j = self.opt(j, &["la", "le", "l'", "the"]);
        let w = self.w(j);
        // mi-décembre, mid-March, mi-2019
        if let Some(rest) = w.strip_prefix("mi-").or_else(|| w.strip_prefix("mid-")) {
            let base = if let Some(m) = month(rest) {
                let (year, end) = self
                    .year(j + 1)
                    .map_or((None, j + 1), |(y, e)| (Some(y), e));
                (
                    Expr::Month {
                        month: m,
                        year,
                        dir: None,
                    },
                    end,
                )
            } else if rest.len() == 4 && rest.bytes().all(|b| b.is_ascii_digit()) {
                (Expr::Year(rest.parse().ok()?), j + 1)
            } else {
                return None;
            };
            return Some((
                Expr::Part {
                    part: Part::Middle,
                    base: Box::new(base.0),
                },
                base.1,
            ));
        }
        let part = match w {
            "debut" | "beginning" | "early" | "start" => Part::Start,
            "fin" | "end" | "late" => Part::End,
            "milieu" | "mi" | "middle" | "mid" => Part::Middle,
            _ => return None,
        };
        let k = self.opt(j + 1, &["de", "du", "d'", "des", "of", "-"]);
        let k = self.opt(k, &["the"]);
        // en fin de semaine, au début du mois, à la fin de l'année
        let k2 = self.opt(k, &["la", "l'", "le"]);
        if let Some(u) =
            unit(self.w(k2)).filter(|u| matches!(u, Unit::Week | Unit::Month | Unit::Year))
            && self
                .t
                .get(k2 + 1)
                .is_none_or(|t| direction_after(&t.w).is_none())
            && !self.is(k2 + 1, &["de", "d'"])
            && (self.is(k2 + 1, &["-ci"]) || self.year(k2 + 1).is_none())
        {
            return Some((
                Expr::Part {
                    part,
                    base: Box::new(Expr::Relative { unit: u, n: 0 }),
                },
                k2 + 1,
            ));
        }
        let (base, end) = self
            .month_expr(k)
            .or_else(|| self.season_expr(k))
            .or_else(|| self.decade(k))
            .or_else(|| self.century(k))
            .or_else(|| self.relative(k))
            .or_else(|| {
                let k = self.opt(k, &["l'"]);
                let k = self.opt(k, &["annee", "an", "year"]);
                self.year(k).map(|(y, e)| (Expr::Year(y), e))
            })?;
        Some((
            Expr::Part {
                part,
                base: Box::new(base),
            },
            end,
        ))
    }

    /// "la semaine du 6 octobre", "the week of March 20".
    fn week_of(&self, i: usize) -> P {
        let j = self.opt(i, &["la", "the"]);
        let k = self.eat(j, &["semaine", "week"])?;
        let k = self.eat(k, &["du", "of"])?;
        let (base, end) = self.date(k).or_else(|| self.bare_day(k))?;
        Some((Expr::WeekOf(Box::new(base)), end))
    }

    /// Days named relative to the reference: "hier", "aujourd'hui", "demain", "la veille", "le lendemain
    /// du 13 février", "ce soir", "yesterday", "the day after tomorrow".
    fn day_word(&self, i: usize) -> P {
        let w = self.w(i);
        let simple = match w {
            "aujourd'hui" | "today" | "tonight" => Some(0),
            "hier" | "yesterday" => Some(-1),
            "avant-hier" => Some(-2),
            "demain" | "tomorrow" => Some(1),
            "apres-demain" => Some(2),
            _ => None,
        };
        if let Some(n) = simple {
            let end = self.opt(
                i + 1,
                &[
                    "matin",
                    "soir",
                    "midi",
                    "apres-midi",
                    "morning",
                    "evening",
                    "night",
                    "afternoon",
                ],
            );
            return Some((Expr::Relative { unit: Unit::Day, n }, end));
        }
        if let Some(end) = self
            .seq(i, &["en", "ce", "moment"])
            .or_else(|| self.seq(i, &["dans", "la", "journee"]))
        {
            return Some((
                Expr::Relative {
                    unit: Unit::Day,
                    n: 0,
                },
                end,
            ));
        }
        if let Some(end) = self.seq(i, &["ce", "jour"]).filter(|&e| self.boundary(e)) {
            return Some((
                Expr::Relative {
                    unit: Unit::Day,
                    n: 0,
                },
                end,
            ));
        }
        if let Some(end) = self.eat(i, &["ce", "cet", "cette", "this"]).and_then(|j| {
            self.eat(
                j,
                &[
                    "matin",
                    "soir",
                    "apres-midi",
                    "nuit",
                    "morning",
                    "evening",
                    "afternoon",
                ],
            )
        }) {
            return Some((
                Expr::Relative {
                    unit: Unit::Day,
                    n: 0,
                },
                end,
            ));
        }
        if let Some(end) = self.seq(i, &["the", "day", "before", "yesterday"]) {
            return Some((
                Expr::Relative {
                    unit: Unit::Day,
                    n: -2,
                },
                end,
            ));
        }
        if let Some(end) = self.seq(i, &["the", "day", "after", "tomorrow"]) {
            return Some((
                Expr::Relative {
                    unit: Unit::Day,
                    n: 2,
                },
                end,
            ));
        }
        // la veille (de X), le lendemain (de X), le jour d'avant / d'après / précédent / suivant
        let j = self.opt(i, &["la", "le", "l'", "the"]);
        let (n, k) = match self.w(j) {
            "veille" => (-1, j + 1),
            "lendemain" => (1, j + 1),
            "jour" | "day" => {
                let k = j + 1;
                if let Some(e) = self
                    .seq(k, &["d'", "avant"])
                    .or_else(|| self.eat(k, &["precedent", "before"]))
                {
                    (-1, e)
                } else if let Some(e) = self
                    .seq(k, &["d'", "apres"])
                    .or_else(|| self.eat(k, &["suivant", "after"]))
                {
                    (1, e)
                } else {
                    return None;
                }
            }
            _ => return None,
        };
        if let Some(m) = self.eat(k, &["du", "de", "d'", "of"]) {
            if let Some((base, end)) = self.point(m) {
                return Some((
                    Expr::Offset {
                        base: Box::new(base),
                        days: n as i64,
                    },
                    end,
                ));
            }
            if matches!(self.w(j), "veille" | "lendemain") {
                // "la veille de sa visite": an anaphora, not a date.
                return None;
            }
        }
        if self.w(j) == "jour" && j == i && n < 0 {
            return None;
        }
        Some((anaphoric(Expr::Relative { unit: Unit::Day, n }), k))
    }

    /// Weekdays: "mardi", "ce lundi", "lundi prochain", "mardi en huit", "mercredi de la semaine prochaine",
    /// "next Monday", "last Friday", "vendredi 17 mars".
    fn weekday_expr(&self, i: usize) -> P {
        if let Some(x) = self.weekday_day(i) {
            return Some(x);
        }
        let mut mode = WeekdayMode::Plain;
        let mut j = i;
        match self.w(i) {
            "ce" | "this" => {
                mode = WeekdayMode::This;
                j += 1;
            }
            "next" => {
                mode = WeekdayMode::Next;
                j += 1;
            }
            "last" | "past" => {
                mode = WeekdayMode::Last;
                j += 1;
            }
            "on" | "le" => j += 1,
            _ => {}
        }
        let (wd, mut k) = self.weekday_at(j)?;
        if let Some(d) = self
            .t
            .get(k)
            .and_then(|t| direction_after(&t.w))
            .filter(|_| !self.is(k, &["next", "last", "past"]))
        {
            // "mardi suivant" is the one of the following week; "mardi prochain" the next one.
            mode = if matches!(self.w(k), "suivant" | "suivante") {
                WeekdayMode::InWeek(1)
            } else if d > 0 {
                WeekdayMode::Next
            } else {
                WeekdayMode::Last
            };
            k += 1;
        } else if let Some(e) = self.seq(k, &["d'", "apres"]) {
            mode = WeekdayMode::InWeek(1);
            k = e;
        } else if let Some(e) = self
            .seq(k, &["en", "huit"])
            .or_else(|| self.seq(k, &["en", "8"]))
        {
            mode = WeekdayMode::WeeksAfter(1);
            k = e;
        } else if let Some(e) = self
            .seq(k, &["en", "quinze"])
            .or_else(|| self.seq(k, &["en", "15"]))
        {
            mode = WeekdayMode::WeeksAfter(2);
            k = e;
        } else {
            let m = self.opt(k, &["de"]);
            let m2 = self.opt(m, &["la", "cette", "this", "next", "last"]);
            if m2 > m && self.is(m2, &["semaine", "week"]) {
                let n = match self.w(m) {
                    "cette" | "this" => Some(0),
                    "next" => Some(1),
                    "last" => Some(-1),
                    _ => {
                        if let Some(d) = self.t.get(m2 + 1).and_then(|t| direction_after(&t.w)) {
                            k = m2 + 2;
                            Some(d)
                        } else if let Some(e) = self.seq(m2 + 1, &["d'", "apres"]) {
                            k = e - 1;
                            Some(1)
                        } else {
                            None
                        }
                    }
                };
                if let Some(n) = n {
                    if matches!(self.w(m), "cette" | "this" | "next" | "last") {
                        k = m2 + 1;
                    } else if self.w(k - 1) == "d'" {
                        k += 1;
                    }
                    mode = WeekdayMode::InWeek(n);
                }
            }
        }
        let k = self.opt(
            k,
            &[
                "matin",
                "soir",
                "midi",
                "apres-midi",
                "morning",
                "evening",
                "afternoon",
                "night",
            ],
        );
        if self.lang == Lang::En
            && mode == WeekdayMode::Plain
            && !self.raw(j).starts_with(char::is_uppercase)
        {
            return None;
        }
        Some((Expr::Weekday { wd, mode }, k))
    }

    /// Months: "mars", "en mars 2014", "au mois de février dernier", "septembre dernier", "last September".
    fn month_expr(&self, i: usize) -> P {
        let mut j = i;
        let mut dir = None;
        match self.w(j) {
            "next" => {
                dir = Some(1);
                j += 1;
            }
            "last" | "past" => {
                dir = Some(-1);
                j += 1;
            }
            "this" => {
                dir = Some(0);
                j += 1;
            }
            _ => {}
        }
        if dir.is_none() {
            j = self.opt(j, &["au", "le", "ce", "en", "pour", "in"]);
            if let Some(k) = self
                .seq(j, &["mois", "de"])
                .or_else(|| self.seq(j, &["mois", "d'"]))
            {
                j = k;
            }
        }
        let introduced = j > i;
        let (m, k) = self
            .month_word(j, true)
            .or_else(|| introduced.then(|| self.month_word(j, false)).flatten())?;
        if let Some((y, end)) = self.year(k) {
            return Some((
                Expr::Month {
                    month: m,
                    year: Some(y),
                    dir: None,
                },
                end,
            ));
        }
        if dir.is_none()
            && let Some(d) = self
                .t
                .get(k)
                .and_then(|t| direction_after(&t.w))
                .filter(|_| !self.is(k, &["next", "last", "past"]))
        {
            return Some((
                Expr::Month {
                    month: m,
                    year: None,
                    dir: Some(d),
                },
                k + 1,
            ));
        }
        // "septembre de l'année dernière"
        if let Some(e) = self
            .seq(k, &["de", "l'"])
            .and_then(|e| self.eat(e, &["annee", "an"]))
            && let Some(d) = self.t.get(e).and_then(|t| direction_after(&t.w))
        {
            let _ = d;
            return Some((
                Expr::Month {
                    month: m,
                    year: None,
                    dir: Some(d),
                },
                e + 1,
            ));
        }
        // A bare "mai" alone is too often something else in English ("may").
        if self.lang == Lang::En && m == 5 && !introduced {
            return None;
        }
        Some((
            Expr::Month {
                month: m,
                year: None,
                dir,
            },
            k,
        ))
    }

    /// Seasons: "cet été", "l'été dernier", "au printemps 2019", "été 2014", "this summer".
    fn season_expr(&self, i: usize) -> P {
        let mut j = i;
        let mut dir = None;
        match self.w(j) {
            "cet" | "ce" | "cette" | "this" => {
                dir = Some(0);
                j += 1;
            }
            "next" => {
                dir = Some(1);
                j += 1;
            }
            "last" | "past" => {
                dir = Some(-1);
                j += 1;
            }
            _ => {
                // "à l'été" but not the auxiliary of "a été".
                j = if self.is(j, &["a"]) {
                    self.eat(j + 1, &["l'"]).unwrap_or(j)
                } else {
                    self.opt(j, &["pour", "en", "au", "in", "the"])
                };
                j = self.opt(j, &["l'", "le", "the"]);
            }
        }
        let s = season(self.w(j))?;
        if j > 0 && self.t[j - 1].raw == "a" {
            return None;
        }
        if self.lang == Lang::En && s == Season::Autumn && self.w(j) == "fall" && j == i {
            return None;
        }
        let k = j + 1;
        if let Some((y, end)) = self.year(k) {
            return Some((
                Expr::Season {
                    season: s,
                    year: Some(y),
                    dir: None,
                },
                end,
            ));
        }
        if dir.is_none()
            && let Some(d) = self.t.get(k).and_then(|t| direction_after(&t.w))
        {
            return Some((
                Expr::Season {
                    season: s,
                    year: None,
                    dir: Some(d),
                },
                k + 1,
            ));
        }
        if dir.is_none() && j == i {
            // A bare season word ("l'été" is caught above with its article): only after a preposition.
            return None;
        }
        Some((
            Expr::Season {
                season: s,
                year: None,
                dir,
            },
            k,
        ))
    }

    /// Quarters and halves: "au premier trimestre", "le 3e trimestre 2022", "T1 2023", "Q1", "the first quarter".
    fn quarter(&self, i: usize) -> P {
        let j = self.opt(i, &["au", "le", "du", "ce", "the", "in"]);
        let w = self.w(j);
        let (n, k, half) = if let Some(n) = w
            .strip_prefix(['t', 'q'])
            .and_then(|d| d.parse::<u32>().ok())
            .filter(|n| (1..=4).contains(n))
        {
            (n, j + 1, false)
        } else if let Some(n) = w
            .strip_prefix(['h', 's'])
            .and_then(|d| d.parse::<u32>().ok())
            .filter(|n| (1..=2).contains(n))
        {
            self.year(j + 1)?;
            (n, j + 1, true)
        } else {
            let n = if let Some(v) = ordinal_word(w) {
                v
            } else if matches!(w, "dernier" | "last" | "fourth") {
                4
            } else if let Some((v, true)) = number_token(w) {
                v
            } else {
                return None;
            };
            let u = unit(self.w(j + 1))?;
            let half = match u {
                Unit::Quarter => false,
                Unit::Half => true,
                _ => return None,
            };
            if n == 0 || n > if half { 2 } else { 4 } {
                return None;
            }
            (n, j + 2, half)
        };
        let mut end = k;
        let mut year = None;
        let mut year_offset = 0;
        let k2 = self.opt(k, &["de", "of", "du"]);
        let k2 = self.opt(k2, &["l'", "the"]);
        if let Some((y, e)) = self.year(k2) {
            year = Some(y);
            end = e;
        } else if self.is(k2, &["annee", "an", "year"]) && k2 > k {
            if let Some(d) = self.t.get(k2 + 1).and_then(|t| direction_after(&t.w)) {
                year_offset = d;
                end = k2 + 2;
            } else if self.is(k2 + 1, &["en", "-ci"]) {
                end = self.opt(k2 + 2, &["cours"]);
            } else {
                end = k2 + 1;
            }
        } else if self.is(k2, &["this", "next", "last"]) && self.is(k2 + 1, &["year"]) {
            year_offset = match self.w(k2) {
                "next" => 1,
                "last" => -1,
                _ => 0,
            };
            end = k2 + 2;
        }
        let expr = if half {
            Expr::Half {
                n,
                year,
                year_offset,
            }
        } else {
            Expr::Quarter {
                n,
                year,
                year_offset,
            }
        };
        Some((expr, end))
    }

    /// Decades: "les années 1990", "années 80", "the 1990s", "the '90s".
    fn decade(&self, i: usize) -> P {
        let j = self.opt(i, &["les", "des", "aux", "the", "in"]);
        if let Some(k) = self.eat(j, &["annees"]) {
            let t = self.t.get(k).filter(|t| t.numeric)?;
            let v: i32 = t.w.parse().ok()?;
            let year = match (t.w.len(), v % 10) {
                (4, 0) => v,
                (2, 0) => 1900 + v,
                _ => return None,
            };
            return Some((Expr::Decade(year), k + 1));
        }
        let k = self.opt(j, &["'"]);
        let w = self.w(k);
        let digits = w.strip_suffix('s')?;
        let v: i32 = digits.parse().ok()?;
        let year = match (digits.len(), v % 10) {
            (4, 0) => v,
            (2, 0) => 1900 + v,
            _ => return None,
        };
        Some((Expr::Decade(year), k + 1))
    }

    /// Centuries: "au XXe siècle", "le 21e siècle", "the 20th century".
    fn century(&self, i: usize) -> P {
        let j = self.opt(i, &["au", "le", "du", "the", "in"]);
        let w = self.w(j);
        let n = if let Some((v, true)) = number_token(w) {
            v
        } else {
            let stem = w
                .strip_suffix("eme")
                .or_else(|| w.strip_suffix('e'))
                .unwrap_or(w);
            lexicon::roman(stem)?
        };
        let k = self.opt(j + 1, &["e", "eme"]);
        let k = self.eat(k, &["siecle", "century"])?;
        (1..=30)
            .contains(&n)
            .then_some((Expr::Century(n as i32), k))
    }

    /// This / next / last unit: "la semaine prochaine", "l'an dernier", "cette année", "ce week-end",
    /// "le mois suivant", "next week", "last year", "en semaine".
    fn relative(&self, i: usize) -> P {
        if let Some(end) = self
            .seq(i, &["en", "semaine"])
            .filter(|&e| self.boundary(e))
        {
            return Some((Expr::Workweek, end));
        }
        let w = self.w(i);
        let (mut n, det, j) = match w {
            "ce" | "cet" | "cette" | "this" => (Some(0), true, i + 1),
            "next" => (Some(1), true, i + 1),
            "last" | "past" | "previous" => (Some(-1), true, i + 1),
            "la" | "le" | "l'" | "the" => (None, true, i + 1),
            "dans" if self.is(i + 1, &["la", "le"]) && self.is(i + 2, &["semaine", "mois"]) => {
                (Some(0), true, i + 2)
            }
            _ => (None, false, i),
        };
        let uw = self.w(j);
        let (uw, ci) = match uw.strip_suffix("-ci") {
            Some(stem) => (stem, true),
            None => (uw, false),
        };
        let u = unit(uw)?;
        if matches!(u, Unit::Day | Unit::Century) || uw.ends_with('s') && !matches!(uw, "mois") {
            return None;
        }
        let mut end = j + 1;
        if ci {
            n = Some(n.unwrap_or(0));
        } else if let Some(d) = self
            .t
            .get(end)
            .and_then(|t| direction_after(&t.w))
            .filter(|_| !self.is(end, &["next", "last", "past"]))
        {
            n = Some(d);
            end += 1;
        } else if let Some(e) = self
            .seq(end, &["qui", "suit"])
            .or_else(|| self.seq(end, &["d'", "apres"]))
        {
            n = Some(1);
            end = e;
        } else if let Some(e) = self.seq(end, &["d'", "avant"]) {
            n = Some(-1);
            end = e;
        } else if self.is(end, &["en", "-ci"]) && self.is(end + 1, &["cours"]) {
            n = Some(0);
            end += 2;
        } else if self.is(end, &["-ci"]) {
            n = Some(0);
            end += 1;
        }
        let n = n?;
        if !det && w != "dans" && n == 0 {
            return None;
        }
        // "l'année 2019" is a year, not this year.
        if self.year(end).is_some() {
            return None;
        }
        Some((Expr::Relative { unit: u, n }, end))
    }

    /// Whether the number ending before `end` counts things: "2000 personnes", "1500 km", and the first of
    /// "2000 et 3000 magasins".
    fn quantity_after(&self, end: usize) -> bool {
        let counted = |k: usize| {
            self.t.get(k).is_some_and(|t| {
                let w: &str = &t.w;
                is_measure(w)
                    || t.raw.starts_with(char::is_lowercase)
                        && (w.ends_with('s') || w.ends_with('x'))
                        && !NOT_PLURAL_NOUNS.contains(&w)
            })
        };
        counted(end)
            || self.is(end, &["et", "a", "ou", "-", "and", "to", "or"])
                && self.t.get(end + 1).is_some_and(|t| t.numeric)
                && counted(end + 2)
    }

    /// Years: "en 2019", "l'année 2019", "2019" where it reads as a year rather than a quantity.
    fn year_expr(&self, i: usize) -> P {
        let mut j = i;
        let introduced = if let Some(k) = self
            .seq(i, &["l'", "annee"])
            .or_else(|| self.seq(i, &["l'", "an"]))
            .or_else(|| self.seq(i, &["the", "year"]))
            .or_else(|| self.eat(i, &["annee"]))
        {
            j = k;
            true
        } else if self.is(i, YEAR_INTRODUCERS) {
            j = i + 1;
            true
        } else {
            false
        };
        let (y, end) = self.year(j)?;
        if !self.t.get(j).is_some_and(|t| t.numeric) {
            return None;
        }
        // Not part of a larger number ("1 500"), nor before BC.
        if j > 0 && self.t[j - 1].numeric || self.t.get(end).is_some_and(|t| t.numeric) {
            return None;
        }
        if self.is(end, &["av", "avant", "bc", "bce"]) {
            return None;
        }
        if self.quantity_after(end) {
            return None;
        }
        let range = if introduced { 1000..2200 } else { 1800..2101 };
        range.contains(&y).then_some((Expr::Year(y), end))
    }
}

/// Words before a number that make it a year.
const YEAR_INTRODUCERS: &[&str] = &[
    "en", "in", "jusqu'en", "depuis", "since", "des", "avant", "apres", "before", "after", "vers",
    "circa", "de", "d'", "entre", "et", "a", "au", "of", "by", "from", "to", "and", "ou", "or",
    "fin", "debut", "mi", "pour", "during", "until", "durant", "pendant",
];

/// Words ending in -s or -x that are not plural nouns counted by a number.
const NOT_PLURAL_NOUNS: &[&str] = &[
    "dans", "sous", "sans", "plus", "mais", "puis", "alors", "apres", "depuis", "pas", "tous",
    "vers", "chez", "lors", "des", "les", "ses", "ces", "mes", "tes", "leurs", "nous", "vous",
    "ils", "elles", "is", "was", "has", "as", "its", "his", "this", "hors", "jamais", "toujours",
    "parmi", "dont", "aux", "deux", "trois", "avons", "avez", "etes", "sommes", "fois", "selon",
    "us", "thus",
];

/// Units after a quantity.
fn is_measure(w: &str) -> bool {
    matches!(
        w,
        "km" | "m"
            | "kg"
            | "t"
            | "mw"
            | "gw"
            | "kw"
            | "h"
            | "ha"
            | "mm"
            | "cm"
            | "g"
            | "l"
            | "%"
            | "€"
            | "$"
            | "euro"
            | "dollar"
            | "mille"
            | "million"
            | "millions"
            | "milliard"
            | "milliards"
            | "tonnes"
            | "metres"
            | "m2"
            | "km2"
            | "fois"
            | "exemplaires"
            | "habitants"
            | "personnes"
    )
}

fn anaphoric(e: Expr) -> Expr {
    Expr::Anaphoric(Box::new(e))
}

fn is_shift_unit(u: Unit) -> bool {
    matches!(u, Unit::Day | Unit::Week | Unit::Month | Unit::Year)
}

/// Two years as written with two digits: within ten years after the present century, else the last one.
pub(crate) fn two_digit_year(v: i32) -> i32 {
    if v <= 40 { 2000 + v } else { 1900 + v }
}

fn has_month(e: &Expr) -> bool {
    match e {
        Expr::Date { month, .. } => month.is_some(),
        Expr::Named { .. } => true,
        Expr::Month { .. } => true,
        _ => false,
    }
}

/// Whether two ends make a range: days with days, months with months, years with years…
fn compatible(a: &Expr, b: &Expr) -> bool {
    matches!(
        (a, b),
        (Expr::Date { month: None, .. }, Expr::Date { .. })
            | (
                Expr::Date { month: Some(_), .. },
                Expr::Date { month: Some(_), .. }
            )
            | (Expr::Date { month: Some(_), .. }, Expr::Named { .. })
            | (Expr::Named { .. }, Expr::Date { month: Some(_), .. })
            | (Expr::Month { .. }, Expr::Month { .. })
            | (Expr::Year(_), Expr::Year(_))
            | (Expr::Decade(_), Expr::Decade(_))
            | (Expr::Season { .. }, Expr::Season { .. })
            | (Expr::Quarter { .. }, Expr::Quarter { .. })
            | (Expr::Weekday { .. }, Expr::Weekday { .. })
    )
}

/// `1998-2007`, `2014-15`: two years joined by a hyphen in one token.
fn year_pair(w: &str) -> Option<(i32, i32)> {
    let (a, b) = w.split_once('-')?;
    if a.len() != 4 || !(b.len() == 4 || b.len() == 2) {
        return None;
    }
    let y1: i32 = a.parse().ok()?;
    let mut y2: i32 = b.parse().ok()?;
    if b.len() == 2 {
        y2 += y1 - y1 % 100;
    }
    ((1000..2200).contains(&y1) && y2 > y1 && y2 - y1 < 200).then_some((y1, y2))
}

/// `13-15`: two days of the month joined by a hyphen in one token.
fn day_pair(w: &str) -> Option<(u32, u32)> {
    let (a, b) = w.split_once('-')?;
    let a: u32 = a.parse().ok()?;
    let b: u32 = b.parse().ok()?;
    ((1..=31).contains(&a) && (1..=31).contains(&b) && a < b).then_some((a, b))
}

fn range_days(d1: u32, d2: u32, m: u32, year: Option<i32>) -> Expr {
    Expr::Range(
        Box::new(Expr::Date {
            year,
            month: Some(m),
            day: d1,
            weekday: None,
        }),
        Box::new(Expr::Date {
            year,
            month: Some(m),
            day: d2,
            weekday: None,
        }),
    )
}

/// `17/03/2023`, `1/3/2013`, `2015-03-03`, `2015-3-3`, `15.12.2016`, `20/02/14`, `17/02`; English reads
/// month first when that makes a date.
fn parse_numeric_date(w: &str, lang: Lang, after_article: bool) -> Option<(u32, u32, Option<i32>)> {
    let sep = w.bytes().find(|b| matches!(b, b'/' | b'-' | b'.'))?;
    let parts: Vec<&str> = w.split(sep as char).collect();
    if parts
        .iter()
        .any(|p| p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    let num = |s: &str| s.parse::<i32>().ok();
    let valid = |d: i32, m: i32| (1..=31).contains(&d) && (1..=12).contains(&m);
    match parts.as_slice() {
        [y, m, d] if y.len() == 4 => {
            let (y, m, d) = (num(y)?, num(m)?, num(d)?);
            valid(d, m).then_some((d as u32, m as u32, Some(y)))
        }
        [a, b, y] if y.len() == 4 || y.len() == 2 => {
            let (a, b, y) = (num(a)?, num(b)?, num(y)?);
            let y = if y < 100 { two_digit_year(y) } else { y };
            if lang == Lang::En && sep == b'/' && valid(b, a) {
                return Some((b as u32, a as u32, Some(y)));
            }
            valid(a, b).then_some((a as u32, b as u32, Some(y)))
        }
        [a, b] if sep == b'/' && a.len() <= 2 && b.len() <= 2 => {
            // `3/4` is a fraction more often than a date: a day past 12 or a two-digit month is needed.
            if !after_article && b.len() < 2 && num(a)? <= 12 {
                return None;
            }
            let (a, b) = (num(a)?, num(b)?);
            if lang == Lang::En && valid(b, a) {
                return Some((b as u32, a as u32, None));
            }
            valid(a, b).then_some((a as u32, b as u32, None))
        }
        _ => None,
    }
}
