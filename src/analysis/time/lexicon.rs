//! The words of dates, French and English: months, weekdays, numbers, units, seasons and named days.
//!
//! Every lookup takes a *normalised* word: lower case, accents folded (`février` → `fevrier`), `’` → `'`.
//! Entries come from the languages themselves (calendar names and the usual press abbreviations).

use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::HashMap;

use crate::analysis::hash::FastHash;

/// Lower case with French accents folded, borrowing when nothing changes.
pub(crate) fn normalise(word: &str) -> Cow<'_, str> {
    if word
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'\'')
    {
        return Cow::Borrowed(word);
    }
    let mut out = String::with_capacity(word.len());
    for c in word.chars() {
        for l in c.to_lowercase() {
            match l {
                'à' | 'â' | 'ä' | 'á' => out.push('a'),
                'é' | 'è' | 'ê' | 'ë' => out.push('e'),
                'î' | 'ï' | 'í' => out.push('i'),
                'ô' | 'ö' | 'ó' => out.push('o'),
                'ù' | 'û' | 'ü' | 'ú' => out.push('u'),
                'ç' => out.push('c'),
                'œ' => out.push_str("oe"),
                '’' | 'ʼ' => out.push('\''),
                '‑' | '–' => out.push('-'),
                _ => out.push(l),
            }
        }
    }
    Cow::Owned(out)
}

/// A month name or abbreviation, 1-based.
pub(crate) fn month(w: &str) -> Option<u32> {
    Some(match w {
        "janvier" | "janv" | "jan" | "january" => 1,
        "fevrier" | "fevr" | "fev" | "february" | "feb" => 2,
        "mars" | "march" | "mar" => 3,
        "avril" | "avr" | "april" | "apr" => 4,
        "mai" | "may" => 5,
        "juin" | "june" | "jun" => 6,
        "juillet" | "juil" | "jui" | "july" | "jul" => 7,
        "aout" | "august" | "aug" => 8,
        "septembre" | "sept" | "sep" | "september" => 9,
        "octobre" | "oct" | "october" => 10,
        "novembre" | "nov" | "november" => 11,
        "decembre" | "dec" | "december" => 12,
        _ => return None,
    })
}

/// Whether a month word is an abbreviation (which may be followed by a full stop).
pub(crate) fn is_month_abbreviation(w: &str) -> bool {
    w.len() <= 4
        && !matches!(
            w,
            "mars" | "mai" | "juin" | "may" | "june" | "july" | "aout"
        )
}

/// A weekday name, 0 = Monday. Abbreviations only count when a full stop follows (`lun.`), see `weekday_abbr`.
pub(crate) fn weekday(w: &str) -> Option<u32> {
    Some(match w {
        "lundi" | "monday" => 0,
        "mardi" | "tuesday" => 1,
        "mercredi" | "wednesday" => 2,
        "jeudi" | "thursday" => 3,
        "vendredi" | "friday" => 4,
        "samedi" | "saturday" => 5,
        "dimanche" | "sunday" => 6,
        _ => return None,
    })
}

/// Weekday abbreviations, which are ordinary words too (`mer`, `jeu`, `sun`), so they need a full stop.
pub(crate) fn weekday_abbr(w: &str, english: bool) -> Option<u32> {
    let fr = |w: &str| match w {
        "lun" => Some(0),
        "mar" => Some(1),
        "mer" => Some(2),
        "jeu" => Some(3),
        "ven" => Some(4),
        "sam" => Some(5),
        "dim" => Some(6),
        _ => None,
    };
    let en = |w: &str| match w {
        "mon" => Some(0),
        "tue" | "tues" => Some(1),
        "wed" => Some(2),
        "thu" | "thurs" => Some(3),
        "fri" => Some(4),
        "sat" => Some(5),
        "sun" => Some(6),
        _ => None,
    };
    if english { en(w) } else { fr(w) }
}

/// Cardinal number words up to 31 (and a few round ones), French and English.
pub(crate) fn cardinal(w: &str) -> Option<u32> {
    Some(match w {
        "un" | "une" | "one" | "a" | "an" => 1,
        "deux" | "two" => 2,
        "trois" | "three" => 3,
        "quatre" | "four" => 4,
        "cinq" | "five" => 5,
        "six" => 6,
        "sept" | "seven" => 7,
        "huit" | "eight" => 8,
        "neuf" | "nine" => 9,
        "dix" | "ten" => 10,
        "onze" | "eleven" => 11,
        "douze" | "twelve" => 12,
        "treize" | "thirteen" => 13,
        "quatorze" | "fourteen" => 14,
        "quinze" | "fifteen" => 15,
        "seize" | "sixteen" => 16,
        "dix-sept" | "seventeen" => 17,
        "dix-huit" | "eighteen" => 18,
        "dix-neuf" | "nineteen" => 19,
        "vingt" | "twenty" => 20,
        "vingt-et-un" | "vingt-un" | "twenty-one" => 21,
        "vingt-deux" | "twenty-two" => 22,
        "vingt-trois" | "twenty-three" => 23,
        "vingt-quatre" | "twenty-four" => 24,
        "vingt-cinq" | "twenty-five" => 25,
        "vingt-six" | "twenty-six" => 26,
        "vingt-sept" | "twenty-seven" => 27,
        "vingt-huit" | "twenty-eight" => 28,
        "vingt-neuf" | "twenty-nine" => 29,
        "trente" | "thirty" => 30,
        "trente-et-un" | "trente-un" | "thirty-one" => 31,
        "quarante" | "forty" => 40,
        "cinquante" | "fifty" => 50,
        "soixante" | "sixty" => 60,
        "cent" | "hundred" => 100,
        "quelques" | "few" | "several" | "plusieurs" => return None,
        _ => return None,
    })
}

/// Ordinal words: `premier` 1, `deuxième` 2… (`dernier` is handled by the grammar as the last one).
pub(crate) fn ordinal_word(w: &str) -> Option<u32> {
    Some(match w {
        "premier" | "premiere" | "first" | "1st" => 1,
        "deuxieme" | "second" | "seconde" | "2nd" | "2nde" => 2,
        "troisieme" | "third" | "3rd" => 3,
        "quatrieme" | "fourth" => 4,
        "cinquieme" | "fifth" => 5,
        _ => return None,
    })
}

/// A numeric token, possibly with an ordinal suffix (`1er`, `15e`, `3eme`, `20th`): its value and whether it
/// carried a suffix.
pub(crate) fn number_token(w: &str) -> Option<(u32, bool)> {
    let digits = w.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 4 {
        return None;
    }
    let value: u32 = w[..digits].parse().ok()?;
    match &w[digits..] {
        "" => Some((value, false)),
        "er" | "re" | "ere" | "e" | "eme" | "em" | "st" | "nd" | "rd" | "th" | "d" => {
            Some((value, true))
        }
        _ => None,
    }
}

/// A Roman numeral (for centuries), up to XXX.
pub(crate) fn roman(w: &str) -> Option<u32> {
    if w.is_empty() || !w.bytes().all(|b| matches!(b, b'i' | b'v' | b'x')) {
        return None;
    }
    let value = |b: u8| match b {
        b'i' => 1,
        b'v' => 5,
        _ => 10,
    };
    let bytes = w.as_bytes();
    let mut total = 0i32;
    for (k, &b) in bytes.iter().enumerate() {
        let v = value(b);
        if bytes.get(k + 1).is_some_and(|&n| value(n) > v) {
            total -= v;
        } else {
            total += v;
        }
    }
    (1..=30).contains(&total).then_some(total as u32)
}

/// Calendar units.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Unit {
    Day,
    Week,
    Weekend,
    Month,
    Quarter,
    Half,
    Year,
    Decade,
    Century,
}

/// A unit word, singular or plural.
pub(crate) fn unit(w: &str) -> Option<Unit> {
    Some(match w {
        "jour" | "jours" | "journee" | "journees" | "day" | "days" => Unit::Day,
        "semaine" | "semaines" | "week" | "weeks" => Unit::Week,
        "week-end" | "week-ends" | "weekend" | "weekends" | "we" => Unit::Weekend,
        "mois" | "month" | "months" => Unit::Month,
        "trimestre" | "trimestres" | "quarter" | "quarters" => Unit::Quarter,
        "semestre" | "semestres" => Unit::Half,
        "an" | "ans" | "annee" | "annees" | "year" | "years" => Unit::Year,
        "decennie" | "decennies" | "decade" | "decades" => Unit::Decade,
        "siecle" | "siecles" | "century" | "centuries" => Unit::Century,
        _ => return None,
    })
}

/// Words after a unit or a name that move it: `prochain` +1, `dernier` −1.
pub(crate) fn direction_after(w: &str) -> Option<i32> {
    Some(match w {
        "prochain" | "prochaine" | "prochains" | "prochaines" | "suivant" | "suivante"
        | "suivants" | "suivantes" | "next" => 1,
        "dernier" | "derniere" | "derniers" | "dernieres" | "passe" | "passee" | "passes"
        | "passees" | "precedent" | "precedente" | "precedents" | "precedentes" | "ecoule"
        | "ecoulee" | "last" | "past" | "previous" => -1,
        _ => return None,
    })
}

/// The seasons, in the order of the year starting in spring.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Season {
    Spring,
    Summer,
    Autumn,
    Winter,
}

pub(crate) fn season(w: &str) -> Option<Season> {
    Some(match w {
        "printemps" | "spring" => Season::Spring,
        "ete" | "summer" => Season::Summer,
        "automne" | "autumn" | "fall" => Season::Autumn,
        "hiver" | "winter" => Season::Winter,
        _ => return None,
    })
}

/// A named day: a fixed date, or a day counted from Easter, or a US holiday counted by weekdays.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum NamedDay {
    Fixed(u32, u32),
    Easter(i64),
    /// The `n`th weekday (0 = Monday) of a month.
    NthWeekday(u32, u32, u32),
}

/// Named days as token sequences (normalised words), longest first where they share a start.
pub(crate) const NAMED_DAYS: &[(&[&str], NamedDay)] = &[
    (&["jour", "de", "l'", "an"], NamedDay::Fixed(1, 1)),
    (&["nouvel", "an"], NamedDay::Fixed(1, 1)),
    (&["new", "year's", "day"], NamedDay::Fixed(1, 1)),
    (&["new", "year", "'s", "day"], NamedDay::Fixed(1, 1)),
    (&["epiphanie"], NamedDay::Fixed(1, 6)),
    (&["chandeleur"], NamedDay::Fixed(2, 2)),
    (&["saint-valentin"], NamedDay::Fixed(2, 14)),
    (&["saint", "valentin"], NamedDay::Fixed(2, 14)),
    (&["valentine's", "day"], NamedDay::Fixed(2, 14)),
    (&["valentine", "'s", "day"], NamedDay::Fixed(2, 14)),
    (&["fete", "du", "travail"], NamedDay::Fixed(5, 1)),
    (&["fete", "de", "la", "musique"], NamedDay::Fixed(6, 21)),
    (&["fete", "nationale"], NamedDay::Fixed(7, 14)),
    (&["independence", "day"], NamedDay::Fixed(7, 4)),
    (&["assomption"], NamedDay::Fixed(8, 15)),
    (&["halloween"], NamedDay::Fixed(10, 31)),
    (&["jour", "de", "la", "toussaint"], NamedDay::Fixed(11, 1)),
    (
        &["journee", "de", "la", "toussaint"],
        NamedDay::Fixed(11, 1),
    ),
    (&["toussaint"], NamedDay::Fixed(11, 1)),
    (&["jour", "des", "morts"], NamedDay::Fixed(11, 2)),
    (&["armistice"], NamedDay::Fixed(11, 11)),
    (&["thanksgiving"], NamedDay::NthWeekday(11, 3, 4)),
    (&["reveillon", "de", "noel"], NamedDay::Fixed(12, 24)),
    (&["christmas", "eve"], NamedDay::Fixed(12, 24)),
    (&["jour", "de", "noel"], NamedDay::Fixed(12, 25)),
    (&["noel"], NamedDay::Fixed(12, 25)),
    (&["christmas", "day"], NamedDay::Fixed(12, 25)),
    (&["christmas"], NamedDay::Fixed(12, 25)),
    (
        &["reveillon", "de", "la", "saint", "sylvestre"],
        NamedDay::Fixed(12, 31),
    ),
    (
        &["reveillon", "de", "la", "saint-sylvestre"],
        NamedDay::Fixed(12, 31),
    ),
    (&["saint-sylvestre"], NamedDay::Fixed(12, 31)),
    (&["saint", "sylvestre"], NamedDay::Fixed(12, 31)),
    (&["new", "year's", "eve"], NamedDay::Fixed(12, 31)),
    (&["lundi", "de", "paques"], NamedDay::Easter(1)),
    (&["vendredi", "saint"], NamedDay::Easter(-2)),
    (&["mardi", "gras"], NamedDay::Easter(-47)),
    (&["paques"], NamedDay::Easter(0)),
    (&["easter"], NamedDay::Easter(0)),
    (&["good", "friday"], NamedDay::Easter(-2)),
    (&["jeudi", "de", "l'", "ascension"], NamedDay::Easter(39)),
    (&["ascension"], NamedDay::Easter(39)),
    (&["lundi", "de", "pentecote"], NamedDay::Easter(50)),
    (&["pentecote"], NamedDay::Easter(49)),
];

/// Whether a normalised word can start a date expression: the filter run on every token. The answer for a
/// word never changes and the lists below are long (a thousand instructions a word), so each thread
/// remembers the answers it gave.
pub(crate) fn may_start(w: &str, numeric: bool) -> bool {
    /// Past this many words the memory starts again, so that it stays small (a few hundred kilobytes).
    const REMEMBERED: usize = 1 << 14;
    thread_local! {
        static ANSWERS: RefCell<HashMap<Box<str>, bool, FastHash>> = RefCell::default();
    }
    if numeric {
        return true;
    }
    ANSWERS.with(|answers| {
        if let Some(&known) = answers.borrow().get(w) {
            return known;
        }
        let answer = word_may_start(w);
        let mut answers = answers.borrow_mut();
        if answers.len() >= REMEMBERED {
            answers.clear();
        }
        answers.insert(w.into(), answer);
        answer
    })
}

/// [`may_start`] for a word that is not a number, without the memory.
fn word_may_start(w: &str) -> bool {
    month(w).is_some()
        || weekday(w).is_some()
        || weekday_abbr(w, false).is_some()
        || weekday_abbr(w, true).is_some()
        || unit(w).is_some()
        || season(w).is_some()
        || cardinal(w).is_some()
        || ordinal_word(w).is_some()
        || direction_after(w).is_some()
        || roman(w.trim_end_matches("eme").trim_end_matches('e')).is_some()
        || w.starts_with("mi-")
        || w.starts_with("mid-")
        || matches!(
            w,
            "hier"
                | "avant-hier"
                | "aujourd'hui"
                | "demain"
                | "apres-demain"
                | "veille"
                | "lendemain"
                | "yesterday"
                | "today"
                | "tomorrow"
                | "tonight"
                | "il"
                | "dans"
                | "d'"
                | "du"
                | "de"
                | "entre"
                | "jusqu'"
                | "between"
                | "from"
                | "until"
                | "till"
                | "by"
                | "in"
                | "within"
                | "ce"
                | "cet"
                | "cette"
                | "this"
                | "next"
                | "last"
                | "past"
                | "les"
                | "la"
                | "le"
                | "l'"
                | "the"
                | "debut"
                | "fin"
                | "milieu"
                | "early"
                | "late"
                | "end"
                | "beginning"
                | "en"
                | "au"
                | "a"
                | "t1"
                | "t2"
                | "t3"
                | "t4"
                | "q1"
                | "q2"
                | "q3"
                | "q4"
                | "h1"
                | "h2"
                | "s1"
                | "s2"
        )
        || NAMED_DAYS.iter().any(|(words, _)| words[0] == w)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lexicon_rows() {
        assert_eq!(normalise("Février"), "fevrier");
        assert_eq!(normalise("aujourd’hui"), "aujourd'hui");
        assert_eq!(month("aout"), Some(8));
        assert_eq!(number_token("1er"), Some((1, true)));
        assert_eq!(number_token("15"), Some((15, false)));
        assert_eq!(number_token("15h"), None);
        assert_eq!(roman("xxi"), Some(21));
        assert_eq!(roman("xix"), Some(19));
        assert_eq!(roman("mix"), None);
    }

    #[test]
    fn may_start_remembers_the_same_answers() {
        let rows = [
            ("lundi", true),
            ("fevrier", true),
            ("hier", true),
            ("xxie", true),
            ("mi-juin", true),
            ("pentecote", true),
            ("le", true),
            ("maire", false),
            ("port", false),
            ("", false),
        ];
        // Twice: the second answers come from the memory.
        for _ in 0..2 {
            for (word, expected) in rows {
                assert_eq!(may_start(word, false), expected, "{word:?}");
                assert_eq!(word_may_start(word), expected, "{word:?}");
                assert!(may_start(word, true), "{word:?} as a number");
            }
        }
    }
}
