//! Ranges and open ends: "du 20 au 22 mars", "entre 2019 et 2021", "jusqu'au 30 juin", "d'ici 2030".

use super::*;

impl Parser<'_, '_> {
    /// Ranges and open ends.
    pub(super) fn range(&self, i: usize) -> P {
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
            .or_else(|| self.eat(i, &["until", "till", "by"]))
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

    /// A point that can end a range or an open interval.
    pub(super) fn point(&self, i: usize) -> P {
        self.named(i)
            .or_else(|| self.weekday_expr(i))
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
                self.year(j)
                    .filter(|&(_, e)| !self.quantity_after(e))
                    .map(|(y, e)| (Expr::Year(y), e))
            })
    }

    /// A day of the month alone, the first end of a range ("du 13 au 15 juillet", "samedi 13 au …").
    pub(super) fn bare_day(&self, i: usize) -> P {
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
}

/// `1998-2007`, `2014-15`: two years joined by a hyphen in one token.
pub(super) fn year_pair(w: &str) -> Option<(i32, i32)> {
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
pub(super) fn day_pair(w: &str) -> Option<(u32, u32)> {
    let (a, b) = w.split_once('-')?;
    let a: u32 = a.parse().ok()?;
    let b: u32 = b.parse().ok()?;
    ((1..=31).contains(&a) && (1..=31).contains(&b) && a < b).then_some((a, b))
}

pub(super) fn range_days(d1: u32, d2: u32, m: u32, year: Option<i32>) -> Expr {
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

/// Whether two ends make a range: days with days, months with months, years with years…
pub(super) fn compatible(a: &Expr, b: &Expr) -> bool {
    if let Expr::Directed(b, _) = b {
        return compatible(a, b);
    }
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

pub(super) fn has_month(e: &Expr) -> bool {
    match e {
        Expr::Date { month, .. } => month.is_some(),
        Expr::Named { .. } => true,
        Expr::Month { .. } => true,
        _ => false,
    }
}
