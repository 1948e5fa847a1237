//! The words the quote finder reads, per language: reporting verbs, the small words around noun phrases, and the
//! words that announce a title or a label rather than someone's words.
//!
//! The lists are the team's own, written from French and English grammar (reporting verbs, determiners,
//! prepositions, clitics). They are data, in assets/quotes/ (fr.txt, en.txt, and shared.txt for the lists read
//! whatever the language), embedded with include_str! and parsed once; the French verb forms are generated from
//! stems and the regular endings. The typed tables (pronouns and clitics with their `Pronoun`) stay in code.

use std::collections::{HashMap, HashSet};
use std::sync::{LazyLock, OnceLock};

use crate::article::Lang;

/// A personal pronoun that can stand for a source.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Pronoun {
    He,
    She,
    TheyMasculine,
    TheyFeminine,
}

impl Pronoun {
    pub(super) fn plural(self) -> bool {
        matches!(self, Pronoun::TheyMasculine | Pronoun::TheyFeminine)
    }

    /// Whether the pronoun can stand for a mention of this gender (when known) and number.
    pub(super) fn agrees(self, female: Option<bool>, plural: bool) -> bool {
        plural == self.plural()
            && match self {
                Pronoun::She | Pronoun::TheyFeminine => female != Some(false),
                Pronoun::He | Pronoun::TheyMasculine => female != Some(true),
            }
    }
}

/// The word lists of one language.
pub(super) struct Lexicon {
    /// The language the lists are for.
    pub lang: Lang,
    /// Every form of the reporting verbs, lowercase.
    pub verbs: HashSet<String>,
    /// Auxiliaries and a few frequent verbs: they end a subject and chain before a participle.
    pub aux: &'static [&'static str],
    pub determiners: &'static [&'static str],
    /// Determiners that mark a feminine or masculine singular noun phrase.
    pub feminine: &'static [&'static str],
    pub masculine: &'static [&'static str],
    pub plural: &'static [&'static str],
    /// Words that link the parts of a noun phrase ("de", "of").
    pub links: &'static [&'static str],
    /// Prepositions and other words that end a noun phrase.
    pub stops: &'static [&'static str],
    /// Relative pronouns and conjunctions.
    pub relatives: &'static [&'static str],
    /// Adverbs and clitics skipped between a subject and its verb.
    pub adverbs: &'static [&'static str],
    /// Pronouns that can be the subject of a reporting verb.
    pub pronouns: &'static [(&'static str, Pronoun)],
    /// Prepositions that introduce a source ("selon", "d'après"): one or two words.
    pub according: &'static [Vec<&'static str>],
    /// Inverted subject clitics glued to the verb ("-t-il").
    pub clitics: &'static [(&'static str, Pronoun)],
    /// Nouns just before a quotation mark that make a capitalised quote a title or a name ("le film", "le
    /// parti").
    pub labels: &'static [&'static str],
    /// Words that make any quote after them a name or a mention of words ("surnommé", "le mot").
    pub naming: &'static [&'static str],
    /// Words of courts and police: a short quotation after "pour" or "de" in a sentence that holds one is the name
    /// of a charge ("mis en examen pour « association de malfaiteurs »"), not someone's words.
    pub legal: &'static [&'static str],
    /// Titles before a name ("M.", "Mme", "Mr").
    pub titles: &'static [&'static str],
    /// Capitalised words that are not names when they open a sentence.
    pub function_words: &'static [&'static str],
    /// Month and day names, which are capitalised in English.
    pub calendar: &'static [&'static str],
    /// Verb forms that report only after "se" ("s'est défendu").
    pub reflexive: &'static [&'static str],
    /// Infinitives of the reporting verbs ("crier", "ajouter"): verbs only in "avant de crier".
    pub infinitives: HashSet<String>,
}

impl Lexicon {
    pub(super) fn get(lang: Lang) -> &'static Lexicon {
        static FR: OnceLock<Lexicon> = OnceLock::new();
        static EN: OnceLock<Lexicon> = OnceLock::new();
        match lang {
            Lang::Fr => FR.get_or_init(french),
            Lang::En => EN.get_or_init(super::english::lexicon),
        }
    }

    pub(super) fn is_verb(&self, lower: &str) -> bool {
        self.verbs.contains(lower)
    }

    /// Whether a lowercase word is a reporting verb form or looks like a past participle.
    pub(super) fn is_verb_or_participle(&self, lower: &str) -> bool {
        self.is_verb(lower) || lower.ends_with('é') || lower.ends_with('i') || lower.ends_with('u')
    }
}

/// Whether `word` equals the lowercase `lower`, ignoring case, without allocating.
pub(super) fn eq_lower(word: &str, lower: &str) -> bool {
    // Lowercasing keeps the byte length of the Latin, Greek and Cyrillic letters news text uses, so a length
    // mismatch settles most comparisons at once.
    if word.len() != lower.len() {
        return false;
    }
    if word.is_ascii() {
        return word.eq_ignore_ascii_case(lower);
    }
    word == lower || word.chars().flat_map(char::to_lowercase).eq(lower.chars())
}

/// Whether `word` is one of the lowercase `list`, ignoring case and the kind of apostrophe.
pub(super) fn in_list(word: &str, list: &[&str]) -> bool {
    // The word is folded once, then compared whole against each entry (a length check settles most).
    let mut buf = String::new();
    let folded = lowercase(word, &mut buf);
    list.contains(&folded)
}

/// The lowercase form of a word, borrowed when it already is.
pub(super) fn lowercase<'b>(word: &'b str, buf: &'b mut String) -> &'b str {
    if word.chars().all(|c| !c.is_uppercase() && c != '’') {
        return word;
    }
    buf.clear();
    for c in word.chars() {
        if c == '’' {
            buf.push('\'');
        } else {
            buf.extend(c.to_lowercase());
        }
    }
    buf
}

const FR_TEXT: &str = include_str!("../../../assets/quotes/fr.txt");
const EN_TEXT: &str = include_str!("../../../assets/quotes/en.txt");
const SHARED_TEXT: &str = include_str!("../../../assets/quotes/shared.txt");

/// The word lists of an asset by section: `[name]` opens a section, entries are separated by commas or line
/// breaks (spaces inside an entry are kept), `#` starts a comment. The format is described at the top of each
/// file in assets/quotes/.
pub(super) struct Lists {
    words: HashMap<&'static str, Vec<&'static str>>,
    /// The same entries split into words, for the sections of phrases ("aux yeux de").
    phrases: HashMap<&'static str, Vec<Vec<&'static str>>>,
}

impl Lists {
    /// The lists of an asset, parsed once and kept for the life of the process, so that the word lists borrowed
    /// from them are `&'static` like the embedded text.
    pub(super) fn get(asset: Asset) -> &'static Lists {
        static FR_LISTS: OnceLock<Lists> = OnceLock::new();
        static EN_LISTS: OnceLock<Lists> = OnceLock::new();
        static SHARED_LISTS: OnceLock<Lists> = OnceLock::new();
        match asset {
            Asset::Fr => FR_LISTS.get_or_init(|| Lists::parse(FR_TEXT)),
            Asset::En => EN_LISTS.get_or_init(|| Lists::parse(EN_TEXT)),
            Asset::Shared => SHARED_LISTS.get_or_init(|| Lists::parse(SHARED_TEXT)),
        }
    }

    /// Never fails: entries before the first section go to the section "" (a unit test checks there are none).
    fn parse(text: &'static str) -> Lists {
        let mut words: HashMap<&'static str, Vec<&'static str>> = HashMap::new();
        let mut section = "";
        for line in text.lines() {
            let line = line
                .split_once('#')
                .map_or(line, |(before, _)| before)
                .trim();
            if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                section = name.trim();
                words.entry(section).or_default();
                continue;
            }
            let mut entries = line
                .split(',')
                .map(str::trim)
                .filter(|e| !e.is_empty())
                .peekable();
            if entries.peek().is_some() {
                words.entry(section).or_default().extend(entries);
            }
        }
        let phrases = words
            .iter()
            .map(|(name, entries)| {
                let split = entries
                    .iter()
                    .map(|e| e.split_whitespace().collect())
                    .collect();
                (*name, split)
            })
            .collect();
        Lists { words, phrases }
    }

    /// The entries of a section; a missing section is an empty list.
    pub(super) fn words(&'static self, section: &str) -> &'static [&'static str] {
        self.words.get(section).map_or(&[], Vec::as_slice)
    }

    /// The entries of a section of phrases, each split into its words; a missing section is an empty list.
    pub(super) fn phrases(&'static self, section: &str) -> &'static [Vec<&'static str>] {
        self.phrases.get(section).map_or(&[], Vec::as_slice)
    }
}

/// The word-list assets of the quote finder.
#[derive(Clone, Copy, Debug)]
pub(super) enum Asset {
    Fr,
    En,
    /// The lists read whatever the language (French and English entries side by side).
    Shared,
}

/// A list of assets/quotes/shared.txt, loaded at first use.
type SharedList = LazyLock<&'static [&'static str]>;

fn shared(section: &'static str) -> &'static [&'static str] {
    Lists::get(Asset::Shared).words(section)
}

/// Nouns that head descriptions of institutions rather than people: "il" or "elle" reporting words prefers a
/// person named nearby.
pub(super) static INSTITUTIONS: SharedList = LazyLock::new(|| shared("institutions"));
/// Nouns for people that no ending tells: what "il" or "elle" may stand for.
pub(super) static PEOPLE: SharedList = LazyLock::new(|| shared("people"));
/// Endings of plural nouns of people ("manifestants", "islamistes", "policiers", "chercheurs").
pub(super) static PEOPLE_ENDINGS: SharedList = LazyLock::new(|| shared("people endings"));
/// Nouns of organisations that "le journal", "la société" use for the organisation named just before.
pub(super) static NAMED_ORGANISATIONS: SharedList = LazyLock::new(|| shared("named organisations"));
/// Singular endings of nouns of people ("porte-parole" aside): "directeur", "avocate", "journaliste".
pub(super) static PERSON_ENDINGS: SharedList = LazyLock::new(|| shared("person endings"));
/// Frequent feminine first names (French and international), to check "elle"/"she" against a name.
pub(super) static FEMALE_NAMES: SharedList = LazyLock::new(|| shared("female names"));
/// Frequent masculine first names, to check "il"/"he" against a name.
pub(super) static MALE_NAMES: SharedList = LazyLock::new(|| shared("male names"));
/// Prepositions that open a complement rather than a subject.
pub(super) static PREPOSITIONS: SharedList = LazyLock::new(|| shared("prepositions"));
/// Prepositions of the adverbial phrases between a verb and its inverted subject ("à l'AFP", "dans un
/// communiqué", "lors d'une conférence de presse").
pub(super) static SKIPPED_PREPOSITIONS: SharedList =
    LazyLock::new(|| shared("skipped prepositions"));
/// Nouns for what a source says or publishes: "selon les chiffres de X" names X.
pub(super) static REPORTS: SharedList = LazyLock::new(|| shared("reports"));
/// Adverbial phrases that sit between a subject, its auxiliary and its verb ("a de son côté déclaré").
pub(super) static ADVERBIAL_PHRASES: LazyLock<&'static [Vec<&'static str>]> =
    LazyLock::new(|| Lists::get(Asset::Shared).phrases("adverbial phrases"));
/// Particles inside personal names.
pub(super) static NAME_PARTICLES: SharedList = LazyLock::new(|| shared("name particles"));
/// Prepositions after which "l'" is a determiner: "à l'annonce", "de l'accord".
pub(super) static BEFORE_ARTICLE: SharedList = LazyLock::new(|| shared("prepositions before l'"));
/// Particles a run of capitalised words may hold when names are gathered ("Flavio Di Giacomo").
pub(super) static RUN_PARTICLES: SharedList = LazyLock::new(|| shared("particles in name runs"));
/// Prepositions after which a name is a place or a complement, not the antecedent of "il" or "elle".
pub(super) static BEFORE_PLACE: SharedList = LazyLock::new(|| shared("prepositions before places"));
/// Endings of nationality nouns ("Brésilienne", "Français", "Américain").
pub(super) static NATIONALITY_ENDINGS: SharedList = LazyLock::new(|| shared("nationality endings"));
/// Endings of feminine nouns and adjectives of people: "actrice", "ancienne", "avocate".
pub(super) static FEMININE_ENDINGS: SharedList = LazyLock::new(|| shared("feminine endings"));
/// Words that make a title another one: "le Premier ministre" is not "le ministre".
pub(super) static TITLE_PREFIXES: SharedList = LazyLock::new(|| shared("title prefixes"));
/// Nouns for a wording rather than a source: "selon une formule consacrée".
pub(super) static WORDINGS: SharedList = LazyLock::new(|| shared("wordings"));
/// Participles whose agent asked or relayed the words rather than said them: "interrogé par Franceinfo".
pub(super) static RELAY_PARTICIPLES: SharedList = LazyLock::new(|| shared("relay participles"));

impl Lexicon {
    /// The lists every language has, from its asset, with the verbs and the typed pronoun tables of the language.
    pub(super) fn from_lists(
        lang: Lang,
        lists: &'static Lists,
        verbs: HashSet<String>,
        pronouns: &'static [(&'static str, Pronoun)],
        clitics: &'static [(&'static str, Pronoun)],
    ) -> Lexicon {
        Lexicon {
            lang,
            verbs,
            aux: lists.words("aux"),
            determiners: lists.words("determiners"),
            feminine: lists.words("feminine"),
            masculine: lists.words("masculine"),
            plural: lists.words("plural"),
            links: lists.words("links"),
            stops: lists.words("stops"),
            relatives: lists.words("relatives"),
            adverbs: lists.words("adverbs"),
            pronouns,
            according: lists.phrases("according"),
            clitics,
            labels: lists.words("labels"),
            naming: lists.words("naming"),
            legal: lists.words("legal"),
            titles: lists.words("titles"),
            function_words: lists.words("function words"),
            calendar: lists.words("calendar"),
            reflexive: &[],
            infinitives: HashSet::new(),
        }
    }
}

/// Pronouns that can be the subject of a reporting verb: grammar with its type, kept in code.
const FR_PRONOUNS: &[(&str, Pronoun)] = &[
    ("il", Pronoun::He),
    ("elle", Pronoun::She),
    ("ils", Pronoun::TheyMasculine),
    ("elles", Pronoun::TheyFeminine),
    ("lui", Pronoun::He),
    ("eux", Pronoun::TheyMasculine),
];

/// Inverted subject clitics glued to the verb, the longer first ("-t-il" before "-il").
const FR_CLITICS: &[(&str, Pronoun)] = &[
    ("-t-il", Pronoun::He),
    ("-t-elle", Pronoun::She),
    ("-t-ils", Pronoun::TheyMasculine),
    ("-t-elles", Pronoun::TheyFeminine),
    ("-il", Pronoun::He),
    ("-elle", Pronoun::She),
    ("-ils", Pronoun::TheyMasculine),
    ("-elles", Pronoun::TheyFeminine),
];

fn french() -> Lexicon {
    let lists = Lists::get(Asset::Fr);
    let mut verbs = HashSet::new();
    for stem in lists.words("verb stems") {
        for ending in lists.words("verb endings") {
            verbs.insert(format!("{stem}{ending}"));
        }
    }
    // A few generated forms are common nouns or adjectives more often than verbs.
    for noun in lists.words("not verbs") {
        verbs.remove(*noun);
    }
    for form in lists.words("irregular verbs") {
        verbs.insert((*form).to_string());
    }
    // "remarque", "demande": nouns after a determiner, verbs after a subject; the determiner check in
    // the cue finder tells them apart, so keep the verb readings.
    for form in lists.words("verbs anyway") {
        verbs.insert((*form).to_string());
    }
    let mut infinitives: HashSet<String> = lists
        .words("verb stems")
        .iter()
        .map(|stem| format!("{stem}er"))
        .collect();
    infinitives.extend(
        lists
            .words("irregular infinitives")
            .iter()
            .map(|w| w.to_string()),
    );
    Lexicon {
        reflexive: lists.words("reflexive verbs"),
        infinitives,
        ..Lexicon::from_lists(Lang::Fr, lists, verbs, FR_PRONOUNS, FR_CLITICS)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_verb_forms_come_from_stems_and_irregular_lists() {
        let lex = Lexicon::get(Lang::Fr);
        for form in [
            "déclare",
            "a déclaré",
            "expliquent",
            "précisait",
            "annonçant",
            "dit",
            "écrit",
        ] {
            let last = form.rsplit(' ').next().unwrap_or(form);
            assert!(lex.is_verb(last), "{form}");
        }
        for noun in ["note", "rapport", "cité"] {
            assert!(!lex.is_verb(noun), "{noun}");
        }
    }

    /// The sections every language asset has (read by `Lexicon::from_lists`).
    const LANGUAGE_SECTIONS: &[&str] = &[
        "aux",
        "determiners",
        "feminine",
        "masculine",
        "plural",
        "links",
        "stops",
        "relatives",
        "adverbs",
        "according",
        "labels",
        "naming",
        "legal",
        "titles",
        "function words",
        "calendar",
    ];

    /// The assets are embedded and fixed: this is the guard against a malformed one. Every section the code reads
    /// is there and not empty, no entry stands before the first section, and no section is unread (a typo).
    #[test]
    fn every_asset_has_exactly_the_sections_the_code_reads() {
        let fr_verbs = [
            "verb stems",
            "verb endings",
            "not verbs",
            "irregular verbs",
            "reflexive verbs",
            "irregular infinitives",
            "verbs anyway",
        ];
        let en_verbs = ["verbs", "not verbs"];
        let shared = [
            "institutions",
            "named organisations",
            "people",
            "people endings",
            "person endings",
            "female names",
            "male names",
            "prepositions",
            "skipped prepositions",
            "reports",
            "adverbial phrases",
            "name particles",
            "prepositions before l'",
            "particles in name runs",
            "prepositions before places",
            "nationality endings",
            "feminine endings",
            "title prefixes",
            "wordings",
            "relay participles",
        ];
        let fr: Vec<&str> = fr_verbs.iter().chain(LANGUAGE_SECTIONS).copied().collect();
        let en: Vec<&str> = en_verbs.iter().chain(LANGUAGE_SECTIONS).copied().collect();
        for (asset, expected) in [
            (Asset::Fr, fr),
            (Asset::En, en),
            (Asset::Shared, shared.to_vec()),
        ] {
            let lists = Lists::get(asset);
            let mut found: Vec<&str> = lists.words.keys().copied().collect();
            found.sort_unstable();
            let mut wanted = expected.clone();
            wanted.sort_unstable();
            assert_eq!(found, wanted, "{asset:?}");
            for section in expected {
                let words = lists.words(section);
                assert!(!words.is_empty(), "{asset:?} [{section}]");
                for word in words {
                    assert!(
                        !word.contains(['#', ',', '[', ']']),
                        "{asset:?} [{section}] {word}"
                    );
                    assert_eq!(*word, word.to_lowercase(), "{asset:?} [{section}]");
                }
            }
        }
        for list in [
            &INSTITUTIONS,
            &PEOPLE,
            &PEOPLE_ENDINGS,
            &PERSON_ENDINGS,
            &FEMALE_NAMES,
            &MALE_NAMES,
            &PREPOSITIONS,
            &SKIPPED_PREPOSITIONS,
            &REPORTS,
            &NAME_PARTICLES,
            &BEFORE_ARTICLE,
            &RUN_PARTICLES,
            &BEFORE_PLACE,
            &NATIONALITY_ENDINGS,
        ] {
            assert!(!list.is_empty());
        }
        assert!(!ADVERBIAL_PHRASES.is_empty());
    }

    #[test]
    fn the_asset_format_keeps_multi_word_entries_and_skips_comments() {
        let lists: &'static Lists = Box::leak(Box::new(Lists::parse(
            "# a comment\n[one]\nde la, fait savoir # after\n  par ailleurs ,\n\n[two]\naux yeux de\nselon\n[empty]\n",
        )));
        assert_eq!(lists.words("one"), ["de la", "fait savoir", "par ailleurs"]);
        assert_eq!(
            lists.phrases("two"),
            [vec!["aux", "yeux", "de"], vec!["selon"]]
        );
        assert!(lists.words("empty").is_empty());
        assert!(lists.words("missing").is_empty());
        assert!(lists.phrases("missing").is_empty());
        assert!(lists.words("").is_empty());
    }

    #[test]
    fn the_loaded_lists_hold_their_entries() {
        let fr = Lexicon::get(Lang::Fr);
        let en = Lexicon::get(Lang::En);
        // (list, entry, expected): entries and non-entries written by hand.
        let rows: [(&[&str], &str, bool); 10] = [
            (fr.links, "de la", true),
            (fr.links, "la", false),
            (fr.function_words, "par ailleurs", true),
            (fr.aux, "a-t-il", true),
            (fr.calendar, "août", true),
            (en.links, "'s", true),
            (en.stops, "according", true),
            (en.aux, "said", false),
            (&FEMALE_NAMES, "ségolène", true),
            (&MALE_NAMES, "ségolène", false),
        ];
        for (list, entry, expected) in rows {
            assert_eq!(list.contains(&entry), expected, "{entry}");
        }
        assert!(fr.is_verb("fait savoir"));
        assert!(fr.is_verb("remarque"));
        assert!(!en.is_verb("report"));
        assert!(en.is_verb("said"));
        assert_eq!(fr.according[1], ["d'", "après"]);
        assert!(ADVERBIAL_PHRASES.contains(&vec!["quant", "à", "lui"]));
    }

    #[test]
    fn comparisons_ignore_case_and_apostrophes() {
        assert!(eq_lower("Selon", "selon"));
        assert!(eq_lower("ÉCRIT", "écrit"));
        assert!(in_list("D’", &["d'"]));
        let mut buf = String::new();
        assert_eq!(lowercase("L’Élysée", &mut buf), "l'élysée");
    }
}
