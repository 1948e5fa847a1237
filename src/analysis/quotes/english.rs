//! English: reporting verbs ("said", "told", "according to", "added") and the small words around sources.

use std::collections::HashSet;

use super::lexicon::{Lexicon, Pronoun};

#[rustfmt::skip]
const EN_VERBS: &[&str] = &[
    "say", "says", "said", "saying", "tell", "tells", "told", "telling", "add", "adds", "added",
    "adding", "explain", "explains", "explained", "explaining", "write", "writes", "wrote",
    "writing", "state", "states", "stated", "note", "notes", "noted", "noting", "ask", "asks",
    "asked", "reply", "replies", "replied", "insist", "insists", "insisted", "warn", "warns",
    "warned", "warning", "argue", "argues", "argued", "arguing", "claim", "claims", "claimed",
    "claiming", "announce", "announces", "announced", "declare", "declares", "declared", "tweet",
    "tweets", "tweeted", "continue", "continues", "continued", "acknowledge", "acknowledges",
    "acknowledged", "admit", "admits", "admitted", "confirm", "confirms", "confirmed", "suggest",
    "suggests", "suggested", "urge", "urges", "urged", "recall", "recalls", "recalled", "remark",
    "remarks", "remarked", "comment", "comments", "commented", "respond", "responds", "responded",
    "counter", "counters", "countered", "describe", "describes", "described", "describing", "call",
    "calls", "called", "insisting", "stress", "stresses", "stressed", "stressing", "emphasize",
    "emphasized", "emphasised", "promise", "promises", "promised", "predict", "predicted",
    "conclude", "concluded", "observe", "observed", "report", "reports", "reported", "testify",
    "testified", "recount", "recounted", "shout", "shouted", "cry", "cried", "exclaim",
    "exclaimed", "whisper", "whispered", "joke", "joked", "quip", "quipped", "concede", "conceded",
    "mention", "mentioned", "agree", "agreed", "believe", "believes", "believed", "think",
    "thinks", "thought", "vow", "vowed", "pledge", "pledged", "boast", "boasted", "complain",
    "complained", "complaining", "maintain", "maintained", "assert", "asserted", "allege",
    "alleged", "demand", "demanded", "reiterate", "reiterated", "point", "pointed",
];

#[rustfmt::skip]
pub(super) fn lexicon() -> Lexicon {
    let mut verbs: HashSet<String> = EN_VERBS.iter().map(|v| (*v).to_string()).collect();
    // Nouns far more often than verbs before a quote.
    for noun in [
        "note", "notes", "state", "states", "report", "reports", "point", "call",
    ] {
        verbs.remove(noun);
    }
    Lexicon {
        verbs,
        aux: &[
            "has", "have", "had", "was", "is", "were", "are", "will", "would", "did", "does", "do",
            "be", "been", "being", "can", "could", "should", "may", "might", "must", "shall",
            "later", "also", "then", "once",
        ],
        determiners: &[
            "the", "a", "an", "this", "that", "these", "those", "its", "his", "her", "their",
            "our", "your", "my", "some", "several", "many", "two", "three", "four", "five", "one",
            "another", "each", "every", "no",
        ],
        feminine: &["she", "her", "mrs", "ms", "miss", "madam", "lady"],
        masculine: &["he", "his", "mr", "sir", "lord"],
        plural: &[
            "these", "those", "their", "several", "many", "two", "three", "four", "five", "they",
            "some",
        ],
        links: &["of", "'s", "’s"],
        stops: &[
            "in", "at", "on", "to", "for", "with", "by", "from", "after", "before", "during",
            "about", "into", "over", "under", "against", "between", "without", "within", "as",
            "like", "since", "until", "while", "when", "if", "because", "although", "though", "he",
            "she", "they", "it", "we", "i", "you", "not", "also", "then", "later", "still",
            "yesterday", "today", "tomorrow", "monday", "tuesday", "wednesday", "thursday",
            "friday", "saturday", "sunday", "last", "earlier", "there", "here", "just", "only",
            "very", "too", "always", "never", "already", "according",
        ],
        relatives: &[
            "who", "whom", "which", "that", "whose", "where", "and", "or", "but", "so", "nor",
        ],
        adverbs: &[
            "also", "then", "later", "earlier", "once", "again", "still", "previously", "recently",
            "repeatedly", "publicly", "simply", "quickly", "yesterday", "today", "not", "never",
            "always", "further", "however", "has", "had", "have", "was", "had", "would", "will",
        ],
        pronouns: &[
            ("he", Pronoun::He),
            ("she", Pronoun::She),
            ("they", Pronoun::TheyMasculine),
            ("him", Pronoun::He),
            ("her", Pronoun::She),
            ("them", Pronoun::TheyMasculine),
        ],
        according: &[&["according", "to"]],
        clitics: &[],
        labels: &[
            "film", "movie", "book", "novel", "album", "song", "newspaper", "magazine", "show",
            "series", "operation", "programme", "program", "project", "party", "movement", "brand",
            "campaign", "category", "class", "headline", "title", "website", "blog", "column",
            "exhibition", "festival", "play", "game", "app", "ship", "mission", "plan", "act",
            "law", "bill", "summit", "award", "prize", "code", "group", "organisation",
            "organization",
        ],
        naming: &[
            "called", "named", "dubbed", "nicknamed", "titled", "entitled", "so-called", "slogan",
            "hashtag", "word", "words", "term", "phrase", "label", "nickname", "name", "motto",
            "sign", "banner", "self-styled", "renamed",
        ],
        titles: &[
            "mayor", "mr", "mrs", "ms", "miss", "dr", "prof", "sir", "lord", "lady", "gen", "sen",
            "rep", "gov", "president", "senator", "general", "judge", "professor", "minister",
        ],
        function_words: &[
            "the", "a", "an", "this", "that", "these", "those", "it", "its", "he", "she", "they",
            "we", "i", "you", "his", "her", "their", "in", "on", "at", "to", "for", "with", "by",
            "from", "after", "before", "during", "but", "and", "or", "so", "if", "when", "while",
            "as", "according", "there", "here", "some", "many", "several", "one", "two", "all",
            "no", "not", "yet", "still", "however", "meanwhile", "last", "since", "although",
            "though", "because", "what", "who", "which", "where", "why", "how", "read", "see",
            "more", "related",
        ],
        legal: &[
            "charged", "charges", "charge", "convicted", "accused", "indicted", "arrested",
            "investigation", "inquiry", "prosecutors", "trial", "sentenced", "court", "custody",
        ],
        calendar: &[
            "january", "february", "march", "april", "may", "june", "july", "august", "september",
            "october", "november", "december", "monday", "tuesday", "wednesday", "thursday",
            "friday", "saturday", "sunday",
        ],
    }
}
