//! Table-driven rows (phrase or sentence, reference date → expected dates), French and English, and a golden
//! snapshot of a fixture article written for these tests.

use chrono::NaiveDate;

use super::{Grain, timeline};
use crate::analysis::{AnalysisOptions, Analyzer, DateSource, Document};
use crate::article::{Format, Lang, load_str};

fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn entries(text: &str, lang: Lang, reference: &str) -> Vec<super::TimelineEntry> {
    let article = load_str(text, Format::Text, Some(lang));
    let doc = Document::new(&article);
    timeline(&doc, lang, date(reference), &[])
}

/// One row: the input, the reference date, then the expected text of the expression, from, to, grain, timex.
type Row = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    Grain,
    &'static str,
);

fn check(lang: Lang, rows: &[Row]) {
    let mut failures = Vec::new();
    for &(input, reference, text, from, to, grain, timex) in rows {
        let got = entries(input, lang, reference);
        let found = got.iter().find(|e| {
            e.span.text(input) == text
                && e.from == date(from)
                && e.to == date(to)
                && e.grain == grain
                && e.timex == timex
        });
        if found.is_none() {
            failures.push(format!(
                "{input:?} @ {reference}: want {text:?} {from}..{to} {grain:?} {timex}, got {:?}",
                got.iter()
                    .map(|e| format!(
                        "{:?} {}..{} {:?} {}",
                        e.span.text(input),
                        e.from,
                        e.to,
                        e.grain,
                        e.timex
                    ))
                    .collect::<Vec<_>>()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

use Grain::*;

#[test]
#[rustfmt::skip]
fn french_absolute_and_incomplete() {
    check(
        Lang::Fr,
        &[
            ("17 mars 2023", "2023-03-17", "17 mars 2023", "2023-03-17", "2023-03-17", Day, "2023-03-17"),
            ("Il est arrivé le 1er mars.", "2023-03-17", "le 1er mars", "2023-03-01", "2023-03-01", Day, "2023-03-01"),
            ("le 1 er mars 2018", "2023-03-17", "le 1 er mars 2018", "2018-03-01", "2018-03-01", Day, "2018-03-01"),
            ("17/03/2023", "2023-03-17", "17/03/2023", "2023-03-17", "2023-03-17", Day, "2023-03-17"),
            ("mars 2023", "2023-03-17", "mars 2023", "2023-03-01", "2023-03-31", Month, "2023-03"),
            ("en 2019", "2023-03-17", "2019", "2019-01-01", "2019-12-31", Year, "2019"),
            ("les années 1990", "2023-03-17", "les années 1990", "1990-01-01", "1999-12-31", Decade, "199"),
            ("au XXe siècle", "2023-03-17", "XXe siècle", "1901-01-01", "2000-12-31", Century, "19"),
            ("Le sommet s'est tenu le 20 mars.", "2023-03-17", "le 20 mars", "2022-03-20", "2022-03-20", Day, "2022-03-20"),
            ("Il viendra le 20 mars.", "2023-03-17", "le 20 mars", "2023-03-20", "2023-03-20", Day, "2023-03-20"),
            // The weekday picks the year: 17 March is a Friday in 2023, not in 2022 or 2024.
            ("vendredi 17 mars", "2023-06-01", "vendredi 17 mars", "2023-03-17", "2023-03-17", Day, "2023-03-17"),
            ("Ils se sont rencontrés en septembre.", "2023-03-17", "septembre", "2022-09-01", "2022-09-30", Month, "2022-09"),
            ("Elle partira en septembre.", "2023-03-17", "septembre", "2023-09-01", "2023-09-30", Month, "2023-09"),
            ("le 14 Juillet", "2023-03-17", "le 14 Juillet", "2023-07-14", "2023-07-14", Day, "2023-07-14"),
        ],
    );
}

#[test]
#[rustfmt::skip]
fn french_relative() {
    check(
        Lang::Fr,
        &[
            ("hier", "2023-03-17", "hier", "2023-03-16", "2023-03-16", Day, "2023-03-16"),
            ("aujourd'hui", "2023-03-17", "aujourd'hui", "2023-03-17", "2023-03-17", Day, "2023-03-17"),
            ("demain", "2023-03-17", "demain", "2023-03-18", "2023-03-18", Day, "2023-03-18"),
            ("avant-hier", "2023-03-17", "avant-hier", "2023-03-15", "2023-03-15", Day, "2023-03-15"),
            ("ce week-end", "2023-03-17", "ce week-end", "2023-03-18", "2023-03-19", Week, "2023-W11-WE"),
            ("la semaine prochaine", "2023-03-17", "la semaine prochaine", "2023-03-20", "2023-03-26", Week, "2023-W12"),
            ("la semaine dernière", "2023-03-17", "la semaine dernière", "2023-03-06", "2023-03-12", Week, "2023-W10"),
            ("le mois dernier", "2023-03-17", "le mois dernier", "2023-02-01", "2023-02-28", Month, "2023-02"),
            ("l'an prochain", "2023-03-17", "l'an prochain", "2024-01-01", "2024-12-31", Year, "2024"),
            ("septembre dernier", "2023-03-17", "septembre dernier", "2022-09-01", "2022-09-30", Month, "2022-09"),
            ("au mois de février dernier", "2023-03-17", "mois de février dernier", "2023-02-01", "2023-02-28", Month, "2023-02"),
            ("lundi prochain", "2023-03-17", "lundi prochain", "2023-03-20", "2023-03-20", Day, "2023-03-20"),
            ("Il a parlé mardi.", "2023-03-17", "mardi", "2023-03-14", "2023-03-14", Day, "2023-03-14"),
            ("Il parlera mardi.", "2023-03-17", "mardi", "2023-03-21", "2023-03-21", Day, "2023-03-21"),
            ("il y a trois jours", "2023-03-17", "il y a trois jours", "2023-03-14", "2023-03-14", Day, "2023-03-14"),
            ("dans deux semaines", "2023-03-17", "deux semaines", "2023-03-31", "2023-03-31", Day, "2023-W13"),
            ("d'ici 2030", "2023-03-17", "d'ici 2030", "2023-03-17", "2030-12-31", Year, "2023-03-17/2030"),
            ("ce vendredi", "2023-03-17", "ce vendredi", "2023-03-17", "2023-03-17", Day, "2023-03-17"),
        ],
    );
}

#[test]
#[rustfmt::skip]
fn french_ranges_seasons_quarters_named_days() {
    check(
        Lang::Fr,
        &[
            ("du 20 au 22 mars", "2023-03-17", "du 20 au 22 mars", "2023-03-20", "2023-03-22", Day, "2023-03-20/2023-03-22"),
            ("entre 2019 et 2021", "2023-03-17", "entre 2019 et 2021", "2019-01-01", "2021-12-31", Year, "2019/2021"),
            ("de janvier à mars", "2023-03-17", "de janvier à mars", "2023-01-01", "2023-03-31", Month, "2023-01/2023-03"),
            ("jusqu'au 30 juin", "2023-03-17", "jusqu'au 30 juin", "2023-03-17", "2023-06-30", Day, "2023-03-17/2023-06-30"),
            ("la période 1998-2002", "2023-03-17", "1998-2002", "1998-01-01", "2002-12-31", Year, "1998/2002"),
            ("cet été", "2023-03-17", "cet été", "2023-06-21", "2023-09-23", Season, "2023-SU"),
            ("au premier trimestre", "2023-03-17", "premier trimestre", "2023-01-01", "2023-03-31", Quarter, "2023-Q1"),
            ("à Noël", "2023-03-17", "Noël", "2023-12-25", "2023-12-25", Day, "2023-12-25"),
            ("les 9 et 11 mai", "2023-03-17", "9", "2023-05-09", "2023-05-09", Day, "2023-05-09"),
            ("fin mars", "2023-03-17", "fin mars", "2023-03-21", "2023-03-31", Day, "2023-03"),
            ("la semaine du 6 octobre", "2013-02-12", "la semaine du 6 octobre", "2013-10-07", "2013-10-13", Week, "2013-W41"),
            ("Mai 68 a tout changé.", "2023-03-17", "Mai 68", "1968-05-01", "1968-05-31", Month, "1968-05"),
            ("Le 14-Juillet sera fêté.", "2023-03-17", "Le 14-Juillet", "2023-07-14", "2023-07-14", Day, "2023-07-14"),
            ("Dans la nuit de mardi à mercredi, il a plu.", "2023-03-17", "la nuit de mardi à mercredi", "2023-03-14", "2023-03-15", Day, "2023-03-14/2023-03-15"),
            ("Elle viendra jeudi 23 et vendredi 24 mars.", "2023-03-01", "jeudi 23", "2023-03-23", "2023-03-23", Day, "2023-03-23"),
        ],
    );
}

#[test]
#[rustfmt::skip]
fn year_boundaries_leap_days_and_straddling_weeks() {
    check(
        Lang::Fr,
        &[
            // "décembre dernier" read in January is last year's.
            ("décembre dernier", "2024-01-10", "décembre dernier", "2023-12-01", "2023-12-31", Month, "2023-12"),
            ("janvier prochain", "2023-12-20", "janvier prochain", "2024-01-01", "2024-01-31", Month, "2024-01"),
            ("la semaine prochaine", "2023-12-28", "la semaine prochaine", "2024-01-01", "2024-01-07", Week, "2024-W01"),
            ("la semaine dernière", "2021-01-06", "la semaine dernière", "2020-12-28", "2021-01-03", Week, "2020-W53"),
            ("29 février 2024", "2023-03-17", "29 février 2024", "2024-02-29", "2024-02-29", Day, "2024-02-29"),
            ("le mois dernier", "2024-03-31", "le mois dernier", "2024-02-01", "2024-02-29", Month, "2024-02"),
            ("il y a un an", "2024-02-29", "il y a un an", "2023-02-28", "2023-02-28", Day, "2023"),
            ("cette semaine", "2023-05-31", "cette semaine", "2023-05-29", "2023-06-04", Week, "2023-W22"),
            // Ambiguous weekdays: on a Tuesday, a past "mardi" is today, a future one next week's.
            ("Mardi, le ministre a annoncé sa démission.", "2023-03-14", "Mardi", "2023-03-14", "2023-03-14", Day, "2023-03-14"),
            ("Le ministre annoncera mardi sa décision.", "2023-03-14", "mardi", "2023-03-21", "2023-03-21", Day, "2023-03-21"),
            ("mercredi prochain", "2013-02-12", "mercredi prochain", "2013-02-13", "2013-02-13", Day, "2013-02-13"),
        ],
    );
    assert!(entries("29 février 2023", Lang::Fr, "2023-03-17").is_empty());
}

#[test]
#[rustfmt::skip]
fn english_rows() {
    check(
        Lang::En,
        &[
            ("yesterday", "2023-03-17", "yesterday", "2023-03-16", "2023-03-16", Day, "2023-03-16"),
            ("last week", "2023-03-17", "last week", "2023-03-06", "2023-03-12", Week, "2023-W10"),
            ("next Monday", "2023-03-17", "next Monday", "2023-03-20", "2023-03-20", Day, "2023-03-20"),
            ("on March 17", "2023-03-17", "March 17", "2023-03-17", "2023-03-17", Day, "2023-03-17"),
            ("March 17, 2023", "2023-06-01", "March 17, 2023", "2023-03-17", "2023-03-17", Day, "2023-03-17"),
            ("from 20 to 22 March", "2023-03-17", "from 20 to 22 March", "2023-03-20", "2023-03-22", Day, "2023-03-20/2023-03-22"),
            ("in 2019", "2023-03-17", "2019", "2019-01-01", "2019-12-31", Year, "2019"),
            ("the 1990s", "2023-03-17", "the 1990s", "1990-01-01", "1999-12-31", Decade, "199"),
            ("this summer", "2023-03-17", "this summer", "2023-06-21", "2023-09-23", Season, "2023-SU"),
            ("Q1 2023", "2023-06-17", "Q1 2023", "2023-01-01", "2023-03-31", Quarter, "2023-Q1"),
            ("three days ago", "2023-03-17", "three days ago", "2023-03-14", "2023-03-14", Day, "2023-03-14"),
            ("next year", "2023-03-17", "next year", "2024-01-01", "2024-12-31", Year, "2024"),
            ("The minister resigned on Tuesday.", "2023-03-17", "Tuesday", "2023-03-14", "2023-03-14", Day, "2023-03-14"),
        ],
    );
}

#[test]
fn durations_and_frequencies_are_not_dates() {
    for input in [
        "Il a régné pendant trois ans.",
        "Le marché a lieu chaque lundi.",
        "Les prix ont augmenté de 10 à 30 % entre 2000 et 3000 magasins.",
        "Une enquête a été ouverte.",
        "Il a été blessé au jeu. Le score est de 3/4.",
        "Environ 2000 personnes ont manifesté.",
    ] {
        let got = entries(input, Lang::Fr, "2023-03-17");
        assert!(
            got.iter()
                .all(|e| e.grain == Grain::Year && e.timex != "2000"),
            "{input:?}: {got:?}"
        );
        assert!(
            got.iter()
                .all(|e| !matches!(e.span.text(input), "été" | "3/4" | "lundi")),
            "{input:?}: {got:?}"
        );
    }
}

#[test]
fn reference_date_comes_from_the_text() {
    let options = AnalysisOptions {
        today: Some(date("2026-01-01")),
        ..Default::default()
    };
    let rows = [
        (
            "Un titre\n\n1er mars 2018 . – Le conseil s'est réuni hier.",
            "2018-03-01",
            DateSource::Text,
        ),
        (
            "Le ministère écrit dans un communiqué ce vendredi 17 mars que la visite aura lieu.",
            "2023-03-17",
            DateSource::Text,
        ),
        ("Rien de daté ici.", "2026-01-01", DateSource::Today),
        (
            "Le 8 mai 1945, la guerre a pris fin en Europe.",
            "2026-01-01",
            DateSource::Today,
        ),
        (
            "Un titre\n\nPublié le 17/03/2023 à 10h30\n\nLa grève continue demain.",
            "2023-03-17",
            DateSource::Text,
        ),
    ];
    for (input, want, source) in rows {
        let article = load_str(input, Format::Text, Some(Lang::Fr));
        let analysis = Analyzer::new().analyze(&article, &options);
        assert_eq!(
            (analysis.reference_date, analysis.reference_date_source),
            (date(want), source),
            "{input:?}"
        );
    }
}

/// A short article of our own, with its timeline checked by hand.
const FIXTURE: &str = "\
Le festival de Montbrison aura lieu du 12 au 15 juin
Lundi 3 avril 2023 . – La mairie de Montbrison a présenté hier le programme de son festival de musique, qui se tiendra du 12 au 15 juin sur la place du marché.
La première édition avait réuni 4000 spectateurs en 2019, avant deux années d'interruption pendant la pandémie.
L'an dernier, le festival avait attiré des artistes venus de toute l'Europe au mois de juillet.
La billetterie ouvrira la semaine prochaine, et les tarifs seront publiés d'ici la fin du mois.
Le maire présentera le budget au conseil municipal jeudi.
Les bénévoles se réunissent chaque samedi depuis janvier pour préparer l'été.
> À lire aussi : Le marché de Noël revient en décembre
";

#[test]
fn fixture_article_timeline() {
    let article = load_str(FIXTURE, Format::Text, Some(Lang::Fr));
    let options = AnalysisOptions {
        today: Some(date("2026-01-01")),
        ..Default::default()
    };
    let analysis = Analyzer::new().analyze(&article, &options);
    assert_eq!(analysis.reference_date, date("2023-04-03"));
    let lines: Vec<String> = analysis
        .timeline
        .iter()
        .map(|e| {
            format!(
                "{}..{} {:?} {} «{}» {}",
                e.from,
                e.to,
                e.grain,
                e.timex,
                e.span.text(FIXTURE),
                e.event
            )
        })
        .collect();
    insta::assert_snapshot!(lines.join("\n"));
}

/// Words that start or shape expressions, shuffled into any order by the property test below.
const VOCAB: &[&str] = &[
    "le",
    "la",
    "les",
    "l'",
    "du",
    "de",
    "d'",
    "au",
    "à",
    "en",
    "entre",
    "et",
    "jusqu'",
    "ici",
    "il",
    "y",
    "a",
    "dans",
    "depuis",
    "ce",
    "cet",
    "cette",
    "prochain",
    "dernière",
    "derniers",
    "passé",
    "suivant",
    "lundi",
    "mardi",
    "jeu.",
    "dim.",
    "janvier",
    "février",
    "mars",
    "mai",
    "août",
    "sept.",
    "1er",
    "1",
    "er",
    "29",
    "31",
    "0",
    "00",
    "2023",
    "1999",
    "9999",
    "15h",
    "10:30",
    "12/12",
    "31/02/2023",
    "2015-3-3",
    "1998-2007",
    "13-15",
    "années",
    "1990",
    "90s",
    "XXe",
    "e",
    "siècle",
    "trimestre",
    "T5",
    "Q4",
    "semestre",
    "été",
    "hiver",
    "Noël",
    "Pâques",
    "mi-décembre",
    "fin",
    "début",
    "quinzaine",
    "semaine",
    "mois",
    "an",
    "année",
    "week-end",
    "veille",
    "lendemain",
    "hier",
    "demain",
    ",",
    ".",
    "–",
    "(",
    ")",
    "«",
    "»",
    "premier",
    "deuxième",
    "trente-et-un",
    "deux",
    "mille",
    "next",
    "last",
    "the",
    "of",
    "from",
    "to",
    "by",
    "March",
];

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(300))]
    #[test]
    fn any_words_resolve_to_ordered_days(
        words in proptest::collection::vec(proptest::sample::select(VOCAB), 0..30),
        offset in 0u64..40_000,
    ) {
        let text = words.join(" ");
        let reference = date("1950-01-01") + chrono::Days::new(offset);
        for lang in [Lang::Fr, Lang::En] {
            let article = load_str(&text, Format::Text, Some(lang));
            let doc = Document::new(&article);
            for e in timeline(&doc, lang, reference, &[]) {
                proptest::prop_assert!(e.from <= e.to, "{text:?}: {e:?}");
            }
        }
    }
}

#[test]
fn dates_inside_names_are_part_of_the_name() {
    use crate::analysis::{Entity, EntityKind};
    let input = "Il habite rue du 19 mars 1962 depuis 2010.";
    let article = load_str(input, Format::Text, Some(Lang::Fr));
    let doc = Document::new(&article);
    let start = input.find("rue").unwrap();
    let end = input.find(" depuis").unwrap();
    let street = Entity {
        span: doc.span(start..end),
        kind: EntityKind::Place,
        canonical: input[start..end].to_string(),
    };
    let got = timeline(&doc, Lang::Fr, date("2023-03-17"), &[street]);
    let texts: Vec<&str> = got.iter().map(|e| e.span.text(input)).collect();
    assert_eq!(texts, ["2010"]);
}

#[test]
fn events_are_short_clauses_without_the_date() {
    let rows = [
        (
            "Selon le communiqué, le président Paul Durand effectuera une visite officielle en Italie du 3 au 5 mai.",
            "Paul Durand effectuera une visite officielle en Italie",
        ),
        (
            "La Commission a, ce mercredi 22 février, menacé la ville d'une amende.",
            "La Commission a menacé la ville d'une amende",
        ),
        (
            "Le stade sera rénové, a annoncé mardi la mairie dans un communiqué.",
            "La mairie a annoncé dans un communiqué",
        ),
        (
            "Au mois de février dernier, la région – qui refuse tout commentaire – avait voté un budget.",
            "La région avait voté un budget",
        ),
    ];
    for (input, want) in rows {
        let got = entries(input, Lang::Fr, "2023-03-17");
        assert_eq!(got.len(), 1, "{input:?}: {got:?}");
        assert_eq!(got[0].event, want, "{input:?}");
        assert!(got[0].event.chars().count() <= 61);
    }
}
