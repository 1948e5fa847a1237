//! The words the quote finder reads, per language: reporting verbs, the small words around noun phrases, and the
//! words that announce a title or a label rather than someone's words.
//!
//! The lists are the team's own, written from French and English grammar (reporting verbs, determiners,
//! prepositions, clitics); the French verb forms are generated from stems and the regular endings.

use std::collections::HashSet;
use std::sync::OnceLock;

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
}

/// The word lists of one language.
pub(super) struct Lexicon {
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
    pub according: &'static [&'static [&'static str]],
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

    /// Whether a word as written is a reporting verb form or a past participle.
    pub(super) fn is_verb_word(&self, word: &str) -> bool {
        let mut buf = String::new();
        let lower = lowercase(word, &mut buf);
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

/// Regular first-group (-er) reporting verbs, by stem.
#[rustfmt::skip]
const FR_ER_STEMS: &[&str] = &[
    "déclar", "expliqu", "indiqu", "affirm", "ajout", "précis", "estim", "assur", "confi",
    "annonc", "annonç", "confirm", "soulign", "racont", "comment", "insist", "déplor", "dénonc",
    "dénonç", "regrett", "jug", "juge", "résum", "avou", "témoign", "répliqu", "rétorqu", "nuanc",
    "nuanç", "tweet", "twitt", "constat", "signal", "not", "observ", "remarqu", "salu", "condamn",
    "exprim", "évoqu", "inquièt", "inquiét", "exclam", "cri", "hurl", "scand", "plaid", "menac",
    "menaç", "réclam", "demand", "exhort", "souhait", "espér", "espèr", "promett", "lanc", "lanç",
    "martel", "martèl", "répét", "répèt", "détaill", "lâch", "gliss", "souffl", "relat", "rapport",
    "félicit", "remerci", "pens", "qualifi", "considér", "considèr", "proclam", "clam",
    "revendiqu", "fustig", "fustige", "critiqu", "accus", "reproch", "indign", "alarm", "alert",
    "rassur", "réjou", "ironis", "confess", "concéd", "concèd", "contest", "récus", "garant",
    "jur", "certifi", "avanc", "avanç", "argu", "justifi", "argument", "conclu",
    "renchér", "complét", "complèt", "rappel", "rappell", "mentionn", "cit", "publi", "exig",
    "invit", "recommand", "conseill", "suggér", "suggèr", "propos", "décid", "parl", "interrog",
    "interpell", "raill", "tranch", "protest", "prédi", "assén", "assèn", "dévoil", "révél",
    "révèl", "sign", "compar", "tonn", "s'exclam", "s'interrog", "s'inquièt", "s'inquiét",
    "s'indign", "s'alarm", "s'emport", "emport", "énonc", "énonç", "formul", "rapp", "expos",
    "développ", "illustr", "interroge", "ni", "réaffirm", "objecte",
];

#[rustfmt::skip]
const FR_ER_ENDINGS: &[&str] = &[
    "e", "es", "ent", "é", "ée", "és", "ées", "ait", "aient", "ant", "era", "eront", "erait",
    "eraient", "a", "èrent", "ons", "ez",
];

/// Irregular reporting verb forms.
#[rustfmt::skip]
const FR_IRREGULAR: &[&str] = &[
    "dit", "dis", "disent", "disait", "disaient", "disant", "dira", "dirait", "dire", "écrit",
    "écrite", "écrits", "écrivent", "écrivait", "écrivaient", "écrivant", "écrira", "écrire",
    "répond", "répondu", "répondent", "répondait", "répondant", "répondra", "reconnaît",
    "reconnait", "reconnu", "reconnaissent", "reconnaissait", "reconnaissant", "admet", "admis",
    "admettent", "admettant", "promet", "promis", "promise", "promises", "promettent", "promettant", "poursuit",
    "poursuivi", "poursuivent", "poursuivait", "poursuivant", "conclut", "concluent", "concluait",
    "concluant", "soutient", "soutenu", "soutiennent", "soutenait", "soutenant", "maintient",
    "maintenu", "maintiennent", "prévient", "prévenu", "préviennent", "prévenait", "prévenant",
    "avertit", "averti", "avertissent", "avertissant", "réagit", "réagi", "réagissent",
    "réagissant", "décrit", "décrivent", "décrivant", "croit", "cru", "croient", "croyait",
    "s'écrie", "s'est écrié", "écrie", "écrié", "répète", "ironise", "interroge", "souligne",
    "fait savoir", "relève", "relevé", "relèvent", "relevant", "renchérit", "renchéri", "s'étonne",
    "étonne", "étonné", "s'étonnant", "étonnant", "lit", "confie", "confié", "admettait",
    "démentent", "dément", "démenti", "démentait", "contredit", "déclarait", "ajouta", "déclara", "conclu", "garanti", "garantit",
    "garantissent", "redit", "affirma", "objecté",
    "expliqua", "répondit", "dit-il",
];

#[rustfmt::skip]
fn french() -> Lexicon {
    let mut verbs = HashSet::new();
    for stem in FR_ER_STEMS {
        for ending in FR_ER_ENDINGS {
            let form = format!("{stem}{ending}");
            verbs.insert(form);
        }
    }
    // A few generated forms are common nouns or adjectives more often than verbs.
    for noun in [
        "note", "notes", "signe", "signes", "signa", "cite", "cites", "jure", "jures", "parle",
        "pense", "pensée", "pensées", "propose", "rapport", "lance", "cri", "cris", "citée",
        "citées", "cité", "cités", "publié", "publiée", "publiés", "publiées", "avancée",
        "avancées", "jugés", "invité", "invitée", "invités", "conseil", "demande", "demandes",
        "exposé", "exposée", "développé", "développée", "avance", "remarque", "remarques",
        "constat", "critique", "critiques", "plaide",
    ] {
        verbs.remove(noun);
    }
    for form in FR_IRREGULAR {
        verbs.insert((*form).to_string());
    }
    // "remarque", "demande": nouns after a determiner, verbs after a subject; the determiner check in
    // the cue finder tells them apart, so keep the verb readings.
    for form in [
        "remarque", "demande", "plaide", "propose", "parle", "pense",
    ] {
        verbs.insert(form.to_string());
    }
    Lexicon {
        verbs,
        aux: &[
            "a", "ont", "avait", "avaient", "aurait", "auraient", "aura", "auront", "est", "sont",
            "était", "étaient", "sera", "seront", "serait", "fut", "eut", "va", "vont", "vient",
            "viennent", "venait", "allait", "doit", "doivent", "devait", "peut", "peuvent",
            "pouvait", "a-t-il", "a-t-elle", "ont-ils", "ont-elles", "avait-il", "avait-elle",
            "fait", "font", "faisait", "été", "avoir", "être", "ai", "as", "avons", "avez", "suis",
            "es", "sommes", "êtes", "tient", "tiennent", "veut", "veulent", "voulait", "semble",
            "semblent", "semblait", "reste", "restent", "devient", "deviennent", "gèrera", "gère",
            "compte", "comptent",
        ],
        determiners: &[
            "le", "la", "les", "l'", "un", "une", "des", "ce", "cet", "cette", "ces", "son", "sa",
            "ses", "leur", "leurs", "notre", "nos", "votre", "vos", "mon", "ma", "mes",
            "plusieurs", "certains", "certaines", "quelques", "chaque", "aucun", "aucune", "tous",
            "toutes", "deux", "trois", "quatre", "cinq",
        ],
        feminine: &[
            "la", "une", "cette", "sa", "ma", "mme", "mlle", "madame", "mademoiselle", "elle",
        ],
        masculine: &["le", "un", "ce", "cet", "son", "mon", "m", "monsieur", "il"],
        plural: &[
            "les", "des", "ces", "ses", "leurs", "plusieurs", "certains", "certaines", "quelques",
            "nos", "vos", "mes", "tous", "toutes", "deux", "trois", "quatre", "cinq", "ils",
            "elles",
        ],
        links: &["de", "du", "des", "d'", "de la", "de l'"],
        stops: &[
            "à", "au", "aux", "dans", "sur", "par", "pour", "avec", "sans", "chez", "vers", "lors",
            "depuis", "contre", "entre", "pendant", "après", "avant", "selon", "malgré", "comme",
            "en", "devant", "derrière", "sous", "dès", "durant", "via", "parmi", "auprès", "face",
            "ainsi", "si", "quand", "lorsque", "lorsqu'", "puisque", "puisqu'", "afin", "c'", "ça",
            "cela", "ceci", "il", "elle", "ils", "elles", "on", "nous", "vous", "je", "j'", "tu",
            "y", "se", "s'", "ne", "n'", "lui", "me", "m'", "te", "t'", "pas", "plus", "très",
            "trop", "aussi", "également", "notamment", "alors", "déjà", "encore", "toujours",
            "jamais", "bien", "mal", "ensuite", "enfin", "puis", "désormais", "hier",
            "aujourd'hui", "demain", "ici", "là", "lundi", "mardi", "mercredi", "jeudi",
            "vendredi", "samedi", "dimanche", "soir", "matin", "d'abord", "d'ailleurs",
            "cependant", "toutefois", "pourtant", "néanmoins", "même", "seulement", "surtout",
            "vraiment", "rapidement", "immédiatement", "officiellement", "publiquement",
            "récemment", "tard", "tôt", "dont", "où", "voix", "part", "côté", "tour",
        ],
        relatives: &[
            "qui", "que", "qu'", "dont", "où", "et", "ou", "mais", "car", "donc", "or", "ni",
        ],
        adverbs: &[
            "aussi", "également", "notamment", "alors", "ainsi", "déjà", "encore", "pourtant",
            "toutefois", "même", "enfin", "ensuite", "d'ailleurs", "aujourd'hui", "hier", "ne",
            "n'", "pas", "jamais", "toujours", "lui", "leur", "l'", "se", "s'", "y", "en",
            "rapidement", "immédiatement", "officiellement", "publiquement", "récemment", "lundi",
            "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "soir", "matin",
            "cependant", "néanmoins", "bien", "clairement", "simplement", "seulement", "plutôt",
            "surtout", "volontiers", "sobrement", "fermement", "longuement", "vivement", "tout",
            "d'abord", "d'ailleurs", "plus", "tard", "lui-même", "elle-même", "eux-mêmes",
            "elles-mêmes",
        ],
        pronouns: &[
            ("il", Pronoun::He),
            ("elle", Pronoun::She),
            ("ils", Pronoun::TheyMasculine),
            ("elles", Pronoun::TheyFeminine),
            ("lui", Pronoun::He),
            ("eux", Pronoun::TheyMasculine),
        ],
        according: &[
            &["selon"],
            &["d'", "après"],
            &["d'après"],
            &["aux", "yeux", "de"],
            &["de", "l'avis", "de"],
        ],
        clitics: &[
            ("-t-il", Pronoun::He),
            ("-t-elle", Pronoun::She),
            ("-t-ils", Pronoun::TheyMasculine),
            ("-t-elles", Pronoun::TheyFeminine),
            ("-il", Pronoun::He),
            ("-elle", Pronoun::She),
            ("-ils", Pronoun::TheyMasculine),
            ("-elles", Pronoun::TheyFeminine),
        ],
        labels: &[
            "film", "films", "livre", "livres", "roman", "album", "chanson", "titre", "journal",
            "quotidien", "hebdomadaire", "mensuel", "magazine", "revue", "émission", "série",
            "feuilleton", "opération", "plan", "programme", "projet", "parti", "mouvement", "label",
            "marque", "classe", "catégorie", "fiché", "fichée", "fichés", "fichées", "fiche", "portail",
            "site", "festival", "pièce", "spectacle", "exposition", "campagne", "ouvrage", "tribune",
            "affaire", "dossier", "dispositif", "réseau", "concept", "collectif", "association",
            "groupe", "équipe", "club", "navire", "bateau", "avion", "mission", "logiciel",
            "application", "jeu", "rubrique", "chronique", "blog", "compte", "page", "code", "logo",
            "type", "modèle", "style", "genre", "loi", "pacte", "accord", "traité", "sommet",
            "conférence", "colloque", "forum", "prix", "trophée", "récompense", "statut", "grade",
            "sigle", "acronyme", "tag", "auteur", "auteure", "autrice", "réalisateur",
            "réalisatrice", "organisation", "opérations", "version", "édition", "salon", "marché",
        ],
        naming: &[
            "surnommé", "surnommée", "surnommés", "surnommées", "baptisé", "baptisée", "baptisés",
            "baptisées", "appelé", "appelée", "appelés", "appelées", "dénommé", "dénommée", "nommé",
            "nommée", "intitulé", "intitulée", "intitulés", "intitulées", "dite", "dits", "dites",
            "slogan", "hashtag", "mot", "mots", "terme", "termes", "expression", "surnom", "nom",
            "devise", "maxime", "appellation", "vocable", "qualificatif", "mention", "signe",
            "panneau", "pancarte", "banderole", "inscription", "élu", "élue", "élus", "sacré",
            "sacrée", "désigné", "désignée", "inscrit", "inscrite", "autoproclamé",
            "autoproclamée", "prétendu", "prétendue", "soi-disant", "étiquette", "rebaptisé",
            "rebaptisée", "renommé", "renommée", "formule", "néologisme", "sobriquet", "thème", "phrase", "titré", "titrée",
        ],
        legal: &[
            "enquête", "parquet", "examen", "accusé", "accusée", "accusés", "accusées", "inculpé",
            "inculpée", "inculpés", "inculpées", "poursuivi", "poursuivie", "poursuivis",
            "poursuivies", "condamné", "condamnée", "condamnés", "condamnées", "jugé", "jugée",
            "jugés", "jugées", "comparu", "comparaît", "comparaissent", "comparaîtra", "plainte",
            "interpellé", "interpellée", "interpellés", "écroué", "écrouée", "écroués", "procès",
            "chef", "chefs", "tribunal", "peine", "prison", "garde", "incarcéré", "incarcérée",
        ],
        titles: &[
            "m", "m.", "mme", "mmes", "mlle", "mm", "dr", "pr", "me", "mgr", "maître", "docteur",
            "professeur", "monsieur", "madame", "sir", "lord", "lady", "général", "colonel",
        ],
        function_words: &[
            "le", "la", "les", "l'", "un", "une", "des", "de", "du", "d'", "ce", "cet", "cette",
            "ces", "son", "sa", "ses", "leur", "leurs", "il", "elle", "ils", "elles", "on", "nous",
            "vous", "je", "j'", "selon", "pour", "par", "dans", "en", "à", "au", "aux", "après",
            "avant", "depuis", "pendant", "lors", "mais", "et", "ou", "donc", "or", "si", "quand",
            "lorsque", "lorsqu'", "c'", "ça", "cela", "ceci", "alors", "ainsi", "enfin", "puis",
            "ensuite", "cependant", "toutefois", "pourtant", "par ailleurs", "qui", "que", "qu'",
            "quoi", "dont", "où", "comme", "sans", "avec", "sur", "sous", "chez", "vers", "entre",
            "contre", "malgré", "parmi", "tous", "toutes", "tout", "plusieurs", "certains",
            "certaines", "aucun", "aucune", "chaque", "notre", "nos", "votre", "vos", "mon", "ma",
            "mes", "d'après", "auparavant", "aujourd'hui", "hier", "demain", "seul", "seule",
            "même", "autre", "autres", "cet", "toute", "lire", "voir", "note", "notes", "photo",
            "source", "sources", "état", "vérifié",
        ],
        calendar: &[
            "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
            "octobre", "novembre", "décembre", "lundi", "mardi", "mercredi", "jeudi", "vendredi",
            "samedi", "dimanche",
        ],
    }
}

/// Nouns that head descriptions of institutions rather than people: "il" or "elle" reporting words prefers a
/// person named nearby.
#[rustfmt::skip]
pub(super) const INSTITUTIONS: &[&str] = &[
    "direction", "ministère", "gouvernement", "préfecture", "police", "gendarmerie", "mairie", "entreprise",
    "société", "compagnie", "agence", "commission", "conseil", "tribunal", "cour", "comité", "association",
    "organisation", "parti", "syndicat", "groupe", "autorité", "armée", "journal", "communiqué", "texte",
    "rapport", "étude", "justice", "municipalité", "région", "ville", "fédération", "ligue", "club",
    "équipe", "banque", "chaîne", "radio", "presse", "rédaction", "ambassade", "administration", "institut",
    "office", "fondation", "université", "école", "hôpital", "ministry", "government", "company", "police",
    "department", "agency", "council", "court", "committee", "party", "union", "team", "newspaper",
    "statement", "report", "office", "administration", "army", "firm", "group",
];

/// Nouns for people that no ending tells: what "il" or "elle" may stand for.
#[rustfmt::skip]
pub(super) const PEOPLE: &[&str] = &[
    "homme", "hommes", "femme", "femmes", "fille", "filles", "fils", "garçon", "garçons", "enfant", "enfants",
    "mère", "père", "parents", "frère", "sœur", "époux", "épouse", "mari", "veuve", "ministre", "ministres",
    "maire", "maires", "juge", "juges", "procureur", "procureure", "porte-parole", "chef", "cheffe", "président",
    "présidente", "députée", "député", "sénateur", "sénatrice", "élu", "élue", "élus", "candidat", "candidate",
    "suspect", "suspecte", "suspects", "victime", "victimes", "témoin", "témoins", "auteur", "auteure", "pape",
    "roi", "reine", "prince", "princesse", "médecin", "médecins", "patron", "patronne", "expert", "experte",
    "experts", "entraîneur", "entraineur", "joueur", "joueuse", "athlète", "champion", "championne", "artiste",
    "chanteur", "chanteuse", "acteur", "actrice", "écrivain", "écrivaine", "journaliste", "policier", "policière",
    "gendarme", "soldat", "militaire", "imam", "prêtre", "évêque", "archevêque", "rabbin", "pasteur", "avocat",
    "avocate", "intéressé", "intéressée", "individu", "personne", "dirigeant", "dirigeante", "responsable",
    "secrétaire", "directeur", "directrice", "fondateur", "fondatrice", "créateur", "créatrice", "leader",
    "man", "woman", "boy", "girl", "child", "mother", "father", "minister", "mayor", "judge", "spokesman",
    "spokeswoman", "spokesperson", "president", "chief", "suspect", "victim", "witness", "officer", "lawyer",
];

/// Frequent feminine first names (French and international), to check "elle"/"she" against a name.
#[rustfmt::skip]
pub(super) const FEMALE_NAMES: &[&str] = &[
    "marie", "anne", "nathalie", "isabelle", "sylvie", "catherine", "christine", "françoise", "sophie", "valérie",
    "sandrine", "véronique", "stéphanie", "céline", "julie", "aurélie", "caroline", "émilie", "claire", "laure",
    "laurence", "hélène", "martine", "monique", "nicole", "brigitte", "ségolène", "marine", "marion", "rachida",
    "najat", "christiane", "élisabeth", "elisabeth", "elizabeth", "angela", "hillary", "theresa", "michelle", "melania",
    "ursula", "kamala", "nancy", "margaret", "victoria", "jacqueline", "simone", "michèle", "danielle", "chantal",
    "agnès", "florence", "pauline", "camille", "léa", "manon", "chloé", "emma", "inès", "sarah", "laura", "lucie",
    "mathilde", "juliette", "charlotte", "alice", "amélie", "audrey", "virginie", "delphine", "corinne", "patricia",
    "béatrice", "dominique", "éliane", "eliane", "giovanna", "oksana", "olga", "olha", "tatiana", "svetlana", "irina",
    "natalia", "yulia", "ioulia", "anna", "maria", "ana", "carmen", "isabel", "cristina", "dilma", "cristina", "sonia",
    "benazir", "aung", "malala", "greta", "serena", "venus", "majlinda", "rafaela", "automne", "clarisse", "annick",
    "josiane", "nadine", "roselyne", "fleur", "axelle", "agathe", "myriam", "fatima", "leïla", "leila", "aïcha",
    "yasmina", "samia", "amina", "mary", "jane", "susan", "karen", "linda", "barbara", "jennifer", "jessica",
    "emily", "hannah", "katherine", "kate", "queen", "lady", "reine", "princesse", "madame", "mme", "mrs", "ms",
    "miss", "justine", "clémentine", "noémie", "nina", "eva", "ève", "lucia", "paola", "francesca", "federica",
    "laetitia", "estelle", "karine", "sabine", "muriel", "evelyne", "ghislaine", "jeanne", "yvonne", "odile",
];

/// Frequent masculine first names, to check "il"/"he" against a name.
#[rustfmt::skip]
pub(super) const MALE_NAMES: &[&str] = &[
    "jean", "pierre", "michel", "philippe", "alain", "nicolas", "françois", "jacques", "bernard", "christophe",
    "patrick", "daniel", "éric", "eric", "frédéric", "laurent", "stéphane", "david", "olivier", "thierry", "pascal",
    "sébastien", "julien", "christian", "vincent", "emmanuel", "manuel", "benoît", "bruno", "gérard", "marc",
    "paul", "louis", "henri", "andré", "claude", "yves", "rené", "robert", "guy", "thomas", "alexandre",
    "antoine", "maxime", "hugo", "lucas", "arnaud", "mathieu", "matthieu", "jérôme", "gilles", "didier", "hervé",
    "xavier", "denis", "fabien", "franck", "gabriel", "raphaël", "arthur", "jules", "léo", "adam", "mohamed",
    "ahmed", "ali", "omar", "vladimir", "dmitri", "sergueï", "sergei", "viktor", "volodymyr", "petro", "recep",
    "donald", "barack", "joe", "george", "bill", "john", "james", "michael", "william", "richard", "charles",
    "joseph", "mark", "peter", "andrew", "justin", "stephen", "tony", "boris", "david", "matteo", "giuseppe",
    "giovanni", "mario", "sergio", "luigi", "carlos", "juan", "josé", "luis", "raúl", "fidel", "hugo", "xi",
    "shinzo", "narendra", "benjamin", "mahmoud", "bachar", "hassan", "ayman", "abou", "abu", "ghaith", "wang",
    "jay", "malcolm", "angus", "flavio", "wade", "alexander", "frank", "horst", "wolfgang", "sigmar", "gianni",
    "sepp", "michel", "lionel", "cristiano", "zinedine", "didier", "auguste", "patrice", "roi", "prince", "pape",
    "monsieur", "m", "mr", "sir", "lord", "abdelaziz", "kim", "moon", "jair", "lula", "evo", "nicolás",
];

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

    #[test]
    fn comparisons_ignore_case_and_apostrophes() {
        assert!(eq_lower("Selon", "selon"));
        assert!(eq_lower("ÉCRIT", "écrit"));
        assert!(in_list("D’", &["d'"]));
        let mut buf = String::new();
        assert_eq!(lowercase("L’Élysée", &mut buf), "l'élysée");
    }
}
