//! The tense of the clause around an expression, which decides whether "mardi" or "en septembre" is the
//! last one or the next one. A few surface markers suffice: auxiliaries and imparfait endings for the past,
//! future endings and "va"/"will" for the future; the marker nearest the expression wins.

use super::recognition::Tok;
use super::resolution::Tense;
use crate::article::Lang;

/// Words ending like a future or imparfait that are not verbs.
#[rustfmt::skip]
const NOT_VERBS: &[&str] = &[
    "vrai",
    "bras",
    "gras",
    "extra",
    "ultra",
    "contra",
    "opera",
    "camera",
    "sahara",
    "cobra",
    "mantra",
    "sierra",
    "tiara",
    "intra",
    "era",
    "vera",
    "chimera",
    "zebra",
    "libra",
    "hydra",
    "madras",
    "ras",
    "rez",
    "lara",
    "sara",
    "clara",
    "laura",
    "nora",
    "cora",
    "dora",
    "flora",
    "tora",
    "cara",
    "para",
    "terra",
    "mara",
    "fait",
    "trait",
    "lait",
    "souhait",
    "portrait",
    "attrait",
    "extrait",
    "retrait",
    "parfait",
    "bienfait",
    "forfait",
    "mefait",
    "mais",
    "jamais",
    "desormais",
    "palais",
    "frais",
    "relais",
    "marais",
    "biais",
    "delais",
    "anglais",
    "francais",
    "japonais",
    "irlandais",
    "ecossais",
    "portugais",
    "polonais",
    "neerlandais",
    "libanais",
    "senegalais",
    "congolais",
    "taiwanais",
    "pakistanais",
    "soudanais",
    "finlandais",
    "islandais",
    "thailandais",
    "niais",
    "dais",
    "sorbet",
    "quatre",
    "entre",
    "contre",
    "notre",
    "votre",
    "autre",
    "titre",
    "lettre",
    "centre",
    "mettre",
    "guerra",
    "ferrara",
    "cabrera",
    "aura",
];

/// The tense of the clause around tokens `first..=last` of a sentence.
pub(crate) fn of(toks: &[Tok<'_>], first: usize, last: usize, lang: Lang) -> Tense {
    let mut best: Option<(usize, Tense)> = None;
    let mut other_words = 0;
    for (k, t) in toks.iter().enumerate() {
        if (first..=last).contains(&k) {
            continue;
        }
        if t.raw.starts_with(char::is_alphabetic) {
            other_words += 1;
        }
        let Some(tense) = marker(toks, k, lang) else {
            continue;
        };
        let distance = if k < first { first - k } else { k - last };
        if best.is_none_or(|(d, _)| distance < d) {
            best = Some((distance, tense));
        }
    }
    match best {
        Some((_, tense)) => tense,
        None if other_words <= 1 => Tense::Unknown,
        None => Tense::Present,
    }
}

fn marker(toks: &[Tok<'_>], k: usize, lang: Lang) -> Option<Tense> {
    let t = &toks[k];
    let w: &str = &t.w;
    if !t.raw.starts_with(char::is_lowercase) && k > 0 {
        return None;
    }
    let next = toks.get(k + 1).map_or("", |t| &*t.w);
    match lang {
        Lang::Fr => {
            // Auxiliaries of the passé composé and plus-que-parfait ("a" without its accent only).
            if matches!(t.raw, "a" | "ont" | "avait" | "avaient" | "eut" | "eurent")
                || matches!(w, "etait" | "etaient" | "fut" | "furent")
            {
                return Some(Tense::Past);
            }
            // "est arrivé", "s'est tenu" are past; "est prévue" is a present passive.
            if matches!(w, "est" | "sont") && is_motion_participle(next) {
                return Some(Tense::Past);
            }
            if k > 0
                && matches!(&*toks[k - 1].w, "s'" | "se")
                && matches!(w, "est" | "sont")
                && is_participle(next)
            {
                return Some(Tense::Past);
            }
            if matches!(
                w,
                "va" | "vont"
                    | "allait"
                    | "allaient"
                    | "devrait"
                    | "devraient"
                    | "doit"
                    | "doivent"
                    | "devait"
                    | "devaient"
            ) && (next.ends_with("er")
                || next.ends_with("ir")
                || next.ends_with("re")
                || next == "se"
                || next == "s'")
            {
                return Some(Tense::Future);
            }
            if NOT_VERBS.contains(&w) {
                return if w == "aura" {
                    Some(Tense::Future)
                } else {
                    None
                };
            }
            // The conditional is a future seen from the past ("il a annoncé qu'il viendrait mardi").
            if is_conditional(t.raw) {
                return Some(Tense::Future);
            }
            if w.len() > 4 && (w.ends_with("aient") || w.ends_with("ait") && w.len() > 5) {
                return Some(Tense::Past);
            }
            if matches!(
                w,
                "ira" | "iront" | "sera" | "seront" | "fera" | "feront" | "aura" | "auront"
            ) || w.len() > 4
                && ["ra", "ront", "rons", "rez", "rai"]
                    .iter()
                    .any(|e| w.ends_with(e))
            {
                return Some(Tense::Future);
            }
            None
        }
        Lang::En => {
            if matches!(w, "will" | "'ll" | "shall" | "would") || w == "going" && next == "to" {
                return Some(Tense::Future);
            }
            if matches!(
                w,
                "was"
                    | "were"
                    | "had"
                    | "did"
                    | "said"
                    | "told"
                    | "went"
                    | "came"
                    | "took"
                    | "made"
            ) || w.len() > 4
                && w.ends_with("ed")
                && !matches!(w, "hundred" | "indeed" | "speed" | "needed")
            {
                return Some(Tense::Past);
            }
            None
        }
    }
}

/// Conditional forms: `-erait` (not the imparfait `-érait` of "espérait"), and the common irregular ones.
fn is_conditional(raw: &str) -> bool {
    raw.ends_with("erait")
        || raw.ends_with("eraient")
        || matches!(
            raw,
            "aurait"
                | "auraient"
                | "serait"
                | "seraient"
                | "pourrait"
                | "pourraient"
                | "devrait"
                | "devraient"
                | "faudrait"
                | "voudrait"
                | "voudraient"
                | "irait"
                | "iraient"
                | "viendrait"
                | "viendraient"
                | "prendrait"
                | "prendraient"
                | "tiendrait"
                | "tiendraient"
                | "permettrait"
                | "permettraient"
                | "mettrait"
                | "mettraient"
                | "verrait"
                | "verraient"
        )
}

/// Participles of the verbs conjugated with "être" (Dr and Mrs Vandertramp).
fn is_motion_participle(w: &str) -> bool {
    let stem = w.trim_end_matches('s').trim_end_matches('e');
    matches!(
        stem,
        "arriv"
            | "parti"
            | "venu"
            | "mort"
            | "n"
            | "deced"
            | "tomb"
            | "entr"
            | "sorti"
            | "rest"
            | "devenu"
            | "revenu"
            | "mont"
            | "descendu"
            | "retourn"
            | "survenu"
            | "intervenu"
            | "pass"
            | "all"
            | "rentr"
            | "reparti"
            | "ressorti"
            | "parvenu"
    )
}

fn is_participle(w: &str) -> bool {
    w.len() > 2
        && [
            "e", "ee", "es", "ees", "i", "ie", "is", "u", "ue", "us", "it", "ert", "ort", "int",
        ]
        .iter()
        .any(|e| w.ends_with(e))
        && !matches!(
            w,
            "une"
                | "elle"
                | "celle"
                | "ce"
                | "de"
                | "que"
                | "qui"
                | "ici"
                | "aussi"
                | "pas"
                | "plus"
                | "tres"
        )
}
