//! Days: written and numeric dates, weekdays, named days, days counted from the reference.

use super::*;

impl Parser<'_, '_> {
    /// A time of day right after a day, which goes with it: "mardi à 15 heures", "hier vers 10h30",
    /// "le 3 mars à midi", "on Monday at 3 pm". Gives the end of the time, if there is one.
    pub(super) fn time_of_day(&self, i: usize) -> Option<usize> {
        let j = self.opt(i, &[","]);
        let k = self.opt(j, &["a", "vers", "des", "at", "around", "about", "dans"]);
        // "le 31 décembre au soir"
        if j == i
            && let Some(e) = self
                .eat(i, &["au"])
                .and_then(|e| self.eat(e, &["soir", "matin"]))
        {
            return Some(e);
        }
        if k == j && j == i && !self.t.get(k).is_some_and(|t| t.numeric && is_clock(&t.w)) {
            return None;
        }
        if let Some(e) = self.eat(k, &["midi", "minuit", "noon", "midnight"]) {
            return Some(e);
        }
        if let Some(e) = self
            .seq(k, &["la", "matinee"])
            .or_else(|| self.seq(k, &["la", "soiree"]))
            .or_else(|| self.seq(k, &["la", "nuit"]))
            .or_else(|| self.seq(k, &["l'", "apres-midi"]))
        {
            return Some(e);
        }
        let t = self.t.get(k).filter(|t| t.numeric)?;
        if is_clock(&t.w) {
            return Some(self.opt(k + 1, &["pm", "am"]));
        }
        let hours: u32 = t.w.parse().ok()?;
        if hours > 24 {
            return None;
        }
        if self.is(k + 1, &["h", "heure", "heures"]) {
            let e = k + 2;
            let minutes = self.t.get(e).is_some_and(|t| {
                t.numeric && t.w.len() == 2 && t.w.parse::<u32>().is_ok_and(|m| m < 60)
            });
            return Some(if minutes { e + 1 } else { e });
        }
        self.eat(k + 1, &["pm", "am", "p.m", "a.m", "o'clock"])
    }

    /// A weekday followed by a date: "vendredi 17 mars", "mercredi 13", "Monday, March 20".
    pub(super) fn weekday_day(&self, i: usize) -> P {
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
    pub(super) fn weekday_at(&self, i: usize) -> Option<(u32, usize)> {
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
        // "He sat." is no Saturday: English abbreviations are capitalised.
        let cased = self.lang == Lang::Fr || self.raw(i).starts_with(char::is_uppercase);
        (!determiner && cased && self.is(i + 1, &["."])).then_some((wd, i + 2))
    }

    /// A written date: "le 1er mars 2023", "17 mars", "3 mars 2015", "the 17th of March", "March 17, 2023",
    /// "le 16" (a day alone after "le", at a boundary).
    pub(super) fn date(&self, i: usize) -> P {
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
    pub(super) fn numeric_date(&self, i: usize) -> P {
        let j = self.opt(i, &["le", "the", "on"]);
        let t = self.t.get(j)?;
        if !t.numeric {
            return None;
        }
        if let Some((d, m, y)) = parse_numeric_date(&t.w, self.lang, j > i) {
            if d == 0 {
                // A month and its year: `11/2016`, `2016-11`.
                return Some((
                    Expr::Month {
                        month: m,
                        year: y,
                        dir: None,
                    },
                    j + 1,
                ));
            }
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
        // "le 14-Juillet", "le 11-Septembre": the day and the month joined.
        if let Some((d, m)) = t.w.split_once('-')
            && let Ok(day) = d.parse::<u32>()
            && let Some(month) = month(m)
            && (1..=31).contains(&day)
        {
            return Some((
                Expr::Date {
                    year: None,
                    month: Some(month),
                    day,
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
    pub(super) fn named(&self, i: usize) -> P {
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
    pub(super) fn shift(&self, i: usize) -> P {
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
            return Some((anaphoric_of(Expr::Shift { unit: u, n }), end));
        }
        if let Some(end) = self
            .seq(k, &["plus", "tot"])
            .or_else(|| self.eat(k, &["earlier"]))
        {
            return Some((anaphoric_of(Expr::Shift { unit: u, n: -n }), end));
        }
        None
    }

    /// Days named relative to the reference: "hier", "aujourd'hui", "demain", "la veille", "le lendemain
    /// du 13 février", "ce soir", "yesterday", "the day after tomorrow".
    pub(super) fn day_word(&self, i: usize) -> P {
        let w = self.w(i);
        let simple = match w {
            "aujourd'hui" | "today" | "tonight" => Some(0),
            "hier" | "yesterday" => Some(-1),
            "avant-hier" => Some(-2),
            "avant" if self.is(i + 1, &["hier"]) => Some(-2),
            "apres" if self.is(i + 1, &["demain"]) => Some(2),
            "demain" | "tomorrow" => Some(1),
            "apres-demain" => Some(2),
            _ => None,
        };
        if let Some(n) = simple {
            let i = if matches!(w, "avant" | "apres") {
                i + 1
            } else {
                i
            };
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
        Some((anaphoric_of(Expr::Relative { unit: Unit::Day, n }), k))
    }

    /// Weekdays: "mardi", "ce lundi", "lundi prochain", "mardi en huit", "mercredi de la semaine prochaine",
    /// "next Monday", "last Friday", "vendredi 17 mars".
    pub(super) fn weekday_expr(&self, i: usize) -> P {
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

    /// "la semaine du 6 octobre", "the week of March 20".
    pub(super) fn week_of(&self, i: usize) -> P {
        let j = self.opt(i, &["la", "the"]);
        let k = self.eat(j, &["semaine", "week"])?;
        let k = self.eat(k, &["du", "of"])?;
        let (base, end) = self.date(k).or_else(|| self.bare_day(k))?;
        Some((Expr::WeekOf(Box::new(base)), end))
    }

    /// "le premier mercredi du mois prochain", "3eme jour d'octobre", "la dernière semaine de septembre 2014",
    /// "la première quinzaine d'avril".
    pub(super) fn nth(&self, i: usize) -> P {
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
        let (base, end) = self
            .month_expr(k)
            .or_else(|| self.month_unit(k))
            .or_else(|| self.year(k).map(|(y, e)| (Expr::Year(y), e)))?;
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
    pub(super) fn month_unit(&self, i: usize) -> P {
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
}

/// `17/03/2023`, `1/3/2013`, `2015-03-03`, `2015-3-3`, `15.12.2016`, `20/02/14`, `17/02`; English reads
/// month first when that makes a date.
pub(super) fn parse_numeric_date(
    w: &str,
    lang: Lang,
    after_article: bool,
) -> Option<(u32, u32, Option<i32>)> {
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
        [y, m] if y.len() == 4 && m.len() == 2 && sep != b'.' => {
            let (y, m) = (num(y)?, num(m)?);
            (1..=12).contains(&m).then_some((0, m as u32, Some(y)))
        }
        [m, y] if y.len() == 4 && m.len() <= 2 && sep == b'/' => {
            let (y, m) = (num(y)?, num(m)?);
            (1..=12).contains(&m).then_some((0, m as u32, Some(y)))
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

pub(super) fn anaphoric_of(e: Expr) -> Expr {
    Expr::Anaphoric(Box::new(e))
}

pub(super) fn is_shift_unit(u: Unit) -> bool {
    matches!(u, Unit::Day | Unit::Week | Unit::Month | Unit::Year)
}

/// `15h`, `15h30`, `10:30`: a clock time in one token.
pub(super) fn is_clock(w: &str) -> bool {
    let (h, m) = match w.split_once(['h', ':']) {
        Some(parts) => parts,
        None => return false,
    };
    let hours_ok = !h.is_empty() && h.len() <= 2 && h.parse::<u32>().is_ok_and(|h| h <= 24);
    let minutes_ok =
        m.is_empty() && w.contains('h') || m.len() == 2 && m.parse::<u32>().is_ok_and(|m| m < 60);
    hours_ok && minutes_ok
}
