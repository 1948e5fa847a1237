//! Periods: months, seasons, quarters, decades, centuries, years, this/next/last unit, parts of periods.

use super::*;

impl Parser<'_, '_> {
    /// "les 3 prochains jours", "2 dernières semaines", "the last two years", "the next 3 months".
    pub(super) fn rolling(&self, i: usize) -> P {
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

    /// Parts of a period: "début avril", "fin du mois de mars", "mi-décembre", "en fin de semaine",
    /// "à la fin de l'année", "au début de cet été", "early March", "the end of 2019".
    pub(super) fn part(&self, i: usize) -> P {
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

    /// Months: "mars", "en mars 2014", "au mois de février dernier", "septembre dernier", "last September".
    pub(super) fn month_expr(&self, i: usize) -> P {
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
        // "Mai 68": a month with a two-digit year, whatever its case.
        if let Some(m) = month(self.w(j)).filter(|_| !lexicon::is_month_abbreviation(self.w(j)))
            && let Some(t) = self.t.get(j + 1)
            && t.numeric
            && t.w.len() == 2
            && let Ok(y) = t.w.parse::<i32>()
            && !self
                .t
                .get(j + 2)
                .is_some_and(|t| t.numeric || is_measure(&t.w) || unit(&t.w).is_some())
            && !self.is(j + 2, &["%", "ans", "h"])
        {
            return Some((
                Expr::Month {
                    month: m,
                    year: Some(two_digit_year(y)),
                    dir: None,
                },
                j + 2,
            ));
        }
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
            return Some((
                Expr::MonthOfYear {
                    month: m,
                    year_offset: d,
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
    pub(super) fn season_expr(&self, i: usize) -> P {
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
        // "l'hiver 2019", "the winter of 2008"
        let with_year = self
            .year(k)
            .or_else(|| self.eat(k, &["of", "de"]).and_then(|k| self.year(k)));
        if let Some((y, end)) = with_year {
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
    pub(super) fn quarter(&self, i: usize) -> P {
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
    pub(super) fn decade(&self, i: usize) -> P {
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
    pub(super) fn century(&self, i: usize) -> P {
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
    pub(super) fn relative(&self, i: usize) -> P {
        if let Some(end) = self
            .seq(i, &["en", "semaine"])
            .filter(|&e| self.boundary(e))
        {
            return Some((Expr::Workweek, end));
        }
        let w = self.w(i);
        let (n, det, j) = match w {
            "ce" | "cet" | "cette" | "this" => (Some(0), true, i + 1),
            "next" => (Some(1), true, i + 1),
            "last" | "past" | "previous" => (Some(-1), true, i + 1),
            "la" | "le" | "l'" | "the" => (None, true, i + 1),
            "dans" if self.is(i + 1, &["la", "le"]) && self.is(i + 2, &["semaine", "mois"]) => {
                (Some(0), true, i + 2)
            }
            _ => (None, false, i),
        };
        // "the next week", "la prochaine semaine": the direction before the unit.
        let (mut n, j) = match self.w(j) {
            "next" | "following" | "prochaine" | "prochain" if det && n.is_none() => {
                (Some(1), j + 1)
            }
            "previous" | "past" | "last" | "precedente" if det && n.is_none() => (Some(-1), j + 1),
            _ => (n, j),
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
        // "suivant", "précédent", "d'après" count from the story's time, "prochain" from today's.
        let mut anaphoric = j > 0 && matches!(self.w(j - 1), "following" | "previous");
        if ci {
            n = Some(n.unwrap_or(0));
        } else if let Some(d) = self
            .t
            .get(end)
            .and_then(|t| direction_after(&t.w))
            .filter(|_| !self.is(end, &["next", "last", "past"]))
        {
            anaphoric = self.w(end).starts_with("suivant") || self.w(end).starts_with("precedent");
            n = Some(d);
            end += 1;
        } else if let Some(e) = self
            .seq(end, &["qui", "suit"])
            .or_else(|| self.seq(end, &["d'", "apres"]))
        {
            anaphoric = true;
            n = Some(1);
            end = e;
        } else if let Some(e) = self.seq(end, &["d'", "avant"]) {
            anaphoric = true;
            n = Some(-1);
            end = e;
        } else if self.is(end, &["en", "-ci"]) && self.is(end + 1, &["cours"]) {
            n = Some(0);
            end += 2;
        } else if self.is(end, &["-ci"]) {
            n = Some(0);
            end += 1;
        }
        // "le week-end": the one the tense points to.
        if n.is_none() && u == Unit::Weekend && matches!(w, "le" | "the") {
            n = Some(0);
        }
        let n = n?;
        if !det && w != "dans" && n == 0 {
            return None;
        }
        // "l'année 2019" is a year, not this year.
        if self.year(end).is_some() {
            return None;
        }
        let expr = Expr::Relative { unit: u, n };
        Some((if anaphoric { anaphoric_of(expr) } else { expr }, end))
    }

    /// Whether the number ending before `end` counts things: "2000 personnes", "1500 km", and the first of
    /// "2000 et 3000 magasins".
    pub(super) fn quantity_after(&self, end: usize) -> bool {
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
                && self.t.get(end + 1).is_some_and(|t| {
                    t.numeric && t.w.len() == 4 && t.w.bytes().all(|b| b.is_ascii_digit())
                })
                && counted(end + 2)
    }

    /// Years: "en 2019", "l'année 2019", "2019" where it reads as a year rather than a quantity.
    pub(super) fn year_expr(&self, i: usize) -> P {
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
        let before_christ = self.is(end, &["bc", "bce"])
            || self.is(end, &["av", "avant"])
                && self
                    .t
                    .get(end + 1)
                    .is_some_and(|t| t.w.starts_with(['j', 'n', '.']));
        if before_christ {
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
pub(super) const YEAR_INTRODUCERS: &[&str] = &[
    "en", "in", "jusqu'en", "depuis", "since", "des", "avant", "apres", "before", "after", "vers",
    "circa", "de", "d'", "entre", "et", "a", "au", "of", "by", "from", "to", "and", "ou", "or",
    "fin", "debut", "mi", "pour", "during", "until", "durant", "pendant",
];

/// Words ending in -s or -x that are not plural nouns counted by a number.
pub(super) const NOT_PLURAL_NOUNS: &[&str] = &[
    "dans", "sous", "sans", "plus", "mais", "puis", "alors", "apres", "depuis", "pas", "tous",
    "vers", "chez", "lors", "des", "les", "ses", "ces", "mes", "tes", "leurs", "nous", "vous",
    "ils", "elles", "is", "was", "has", "as", "its", "his", "this", "hors", "jamais", "toujours",
    "parmi", "dont", "aux", "deux", "trois", "avons", "avez", "etes", "sommes", "fois", "selon",
    "us", "thus",
];

/// Units after a quantity.
pub(super) fn is_measure(w: &str) -> bool {
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
