use super::*;
use crate::article::{Format, load_str};

/// What a test reads of one quote: its words, the speaker's mention and canonical name, and the cue.
#[derive(Debug, PartialEq)]
struct Found {
    text: String,
    speaker: Option<String>,
    canonical: Option<String>,
    cue: Option<String>,
}

fn run(input: &str, lang: Lang) -> Vec<Found> {
    let article = load_str(input, Format::Text, Some(lang));
    let doc = Document::new(&article);
    find(&doc, lang, &[])
        .into_iter()
        .map(|q| Found {
            text: q.span.text(&article.text).to_string(),
            speaker: q
                .speaker
                .as_ref()
                .map(|s| s.span.text(&article.text).to_string()),
            canonical: q.speaker.map(|s| s.canonical),
            cue: q.cue,
        })
        .collect()
}

/// One row: a text, then for its only (or first) quote the words, the speaker mention and the cue.
type Row = (
    &'static str,
    &'static str,
    Option<&'static str>,
    Option<&'static str>,
);

fn check(rows: &[Row], lang: Lang) {
    for (input, text, speaker, cue) in rows {
        let found = run(input, lang);
        let Some(first) = found.first() else {
            panic!("no quote in {input:?}");
        };
        assert_eq!(first.text, *text, "{input:?}");
        assert_eq!(first.speaker.as_deref(), *speaker, "speaker of {input:?}");
        assert_eq!(first.cue.as_deref(), *cue, "cue of {input:?}");
    }
}

#[test]
fn french_cues_before_and_after() {
    let rows: &[Row] = &[
        (
            "Selon Marie Dubois, la route restera « fermée tout l'hiver ».",
            "fermée tout l'hiver",
            Some("Marie Dubois"),
            Some("Selon"),
        ),
        (
            "« Nous ne céderons pas », a déclaré Paul Martin hier.",
            "Nous ne céderons pas",
            Some("Paul Martin"),
            Some("a déclaré"),
        ),
        (
            "Paul Martin a déclaré : « Nous ne céderons pas. »",
            "Nous ne céderons pas.",
            Some("Paul Martin"),
            Some("a déclaré"),
        ),
        (
            "« Le pont sera rouvert lundi », a indiqué de son côté la mairie dans un communiqué.",
            "Le pont sera rouvert lundi",
            Some("la mairie"),
            Some("a indiqué"),
        ),
        (
            "La préfecture écrit dans un communiqué : « La baignade est interdite jusqu'à nouvel ordre. »",
            "La baignade est interdite jusqu'à nouvel ordre.",
            Some("La préfecture"),
            Some("écrit"),
        ),
        (
            "D'après Hugo Lenoir, le chantier a pris « un retard considérable ».",
            "un retard considérable",
            Some("Hugo Lenoir"),
            Some("D'après"),
        ),
        (
            "Le maire estime que la décision est « une erreur lourde de conséquences ».",
            "une erreur lourde de conséquences",
            Some("Le maire"),
            Some("estime"),
        ),
        (
            "Le syndicat des pilotes : « Nous ferons grève dès demain matin. »",
            "Nous ferons grève dès demain matin.",
            Some("Le syndicat des pilotes"),
            Some(":"),
        ),
        (
            "Le village est « sous contrôle », rapportent les médias locaux.",
            "sous contrôle",
            Some("les médias locaux"),
            Some("rapportent"),
        ),
        (
            "Le porte-parole de la marine, Jean Robin, a confirmé « la perte du navire ».",
            "la perte du navire",
            Some("Jean Robin"),
            Some("a confirmé"),
        ),
        (
            "Le ballon « a franchi la ligne », selon un arbitre de la rencontre, Luc Morel, cité par la presse.",
            "a franchi la ligne",
            Some("Luc Morel"),
            Some("selon"),
        ),
        (
            "« Je reviendrai », explique l'entraîneur Marc Petit.",
            "Je reviendrai",
            Some("Marc Petit"),
            Some("explique"),
        ),
        (
            "Le Sénat, qui juge le texte « inacceptable et dangereux », votera contre.",
            "inacceptable et dangereux",
            Some("Le Sénat"),
            Some("juge"),
        ),
        (
            "Le président a rapidement répondu par la voix de sa porte-parole, Anne Vidal : « Rien n'est décidé à ce jour. »",
            "Rien n'est décidé à ce jour.",
            Some("Anne Vidal"),
            Some("par la voix"),
        ),
        (
            "La police des frontières a indiqué qu'« aucun blessé n'est à déplorer ».",
            "aucun blessé n'est à déplorer",
            Some("La police des frontières"),
            Some("a indiqué"),
        ),
        (
            "Hier, M. Garnier a précisé que l'usine fermerait « dans les prochains mois ».",
            "dans les prochains mois",
            Some("M. Garnier"),
            Some("a précisé"),
        ),
        (
            "« Le pont rouvrira en juin. » C'est ce qu'a annoncé mardi la maire, Claire Dupuis.",
            "Le pont rouvrira en juin.",
            Some("Claire Dupuis"),
            Some("a annoncé"),
        ),
        (
            "« Nous resterons unis face à l'épreuve. »\n— Paul Girard, président du club\n",
            "Nous resterons unis face à l'épreuve.",
            Some("Paul Girard"),
            Some("—"),
        ),
        (
            "Le projet, qualifié de « désastreux » par les écologistes, sera voté jeudi.",
            "désastreux",
            Some("les écologistes"),
            Some("qualifié"),
        ),
        (
            "Le chantier a pris du retard, comme l'indique Léa Martin, architecte : « Les fondations étaient instables. »",
            "Les fondations étaient instables.",
            Some("Léa Martin"),
            Some("comme l'indique"),
        ),
        (
            "Pour Hélène Blanc, « rien ne justifie cette hausse des prix ».",
            "rien ne justifie cette hausse des prix",
            Some("Hélène Blanc"),
            Some("Pour"),
        ),
        (
            "Le ministre salue un accord « historique ».",
            "historique",
            Some("Le ministre"),
            Some("salue"),
        ),
        (
            "Le club de football, dans un communiqué, a dénoncé « des propos inacceptables ».",
            "des propos inacceptables",
            Some("Le club de football"),
            Some("a dénoncé"),
        ),
        (
            "L' Union européenne au travers de sa délégation a condamné « une attaque lâche ».",
            "une attaque lâche",
            Some("L' Union européenne"),
            Some("a condamné"),
        ),
        (
            "Juliette Noël a fait part de sa « vive émotion » en apprenant la nouvelle.",
            "vive émotion",
            Some("Juliette Noël"),
            Some("a fait part"),
        ),
        (
            "Le journal « La Gazette du Nord » affirme que le maire est « sur le départ ».",
            "sur le départ",
            Some("Le journal « La Gazette du Nord »"),
            Some("affirme"),
        ),
        // Without a reporting word, the words are the sentence subject's.
        (
            "La cour justifie cette peine par l'« extrême gravité de ces actes répétés » des faits reprochés.",
            "extrême gravité de ces actes répétés",
            Some("La cour"),
            Some("justifie"),
        ),
        (
            "Léa Roux , la directrice du musée, s'est excusée « pour ces longues heures d'attente » dans un message.",
            "pour ces longues heures d'attente",
            Some("Léa Roux"),
            None,
        ),
        (
            "L'un des avocats des plaignants a décrié des contrôles décidés « systématiquement » dans le quartier.",
            "systématiquement",
            Some("L'un des avocats des plaignants"),
            Some("décidés"),
        ),
        (
            "Ce mardi, le Conseil d'État a « ordonné au ministre de rendre ces vaccins disponibles » sans délai.",
            "ordonné au ministre de rendre ces vaccins disponibles",
            Some("le Conseil d'État"),
            None,
        ),
        (
            "Après les réactions de Paul Ferré , Anne Lopez et de plusieurs élus, le maire Louis Garnier « partage la douleur des familles » .",
            "partage la douleur des familles",
            Some("le maire Louis Garnier"),
            None,
        ),
        (
            "« Nous rouvrirons les pistes dès samedi matin », peut-on lire sur le site de la station.",
            "Nous rouvrirons les pistes dès samedi matin",
            Some("le site de la station"),
            Some("peut-on lire"),
        ),
        (
            "Le scrutin est serré, d'après les informations du Conseil électoral , et le résultat tombera dans « onze ou douze jours ».",
            "onze ou douze jours",
            Some("Conseil électoral"),
            Some("d'après"),
        ),
        (
            "Le 3 mai, Jean Kabila , vice-président du pays, a réagi vivement à l'annonce européenne :\n« C'est un geste de déstabilisation de notre pays. »",
            "C'est un geste de déstabilisation de notre pays.",
            Some("Jean Kabila"),
            Some("a réagi"),
        ),
        (
            "Ému, le maire Paul Vidal a pris la parole en confiant qu'il était « très dur pour lui d'en parler ».",
            "très dur pour lui d'en parler",
            Some("Paul Vidal"),
            Some("confiant"),
        ),
        (
            "« C'est inacceptable » : la réaction de la maire de la ville, Anne Perrot, ne s'est pas fait attendre.",
            "C'est inacceptable",
            Some("Anne Perrot"),
            Some(":"),
        ),
        (
            "Les syndicats appellent à « amplifier le mouvement » dès jeudi.",
            "amplifier le mouvement",
            Some("Les syndicats"),
            Some("appellent"),
        ),
        (
            "« Au moins dix morts », a déclaré Omar Keita, gouverneur de la ville, qui qualifie l'attaque de « terroriste ».",
            "Au moins dix morts",
            Some("Omar Keita"),
            Some("a déclaré"),
        ),
        (
            "Le louveteau est « grand, fort et en bonne santé », d'après les informations fournies par Léa Brun, une responsable du centre.",
            "grand, fort et en bonne santé",
            Some("Léa Brun"),
            Some("d'après"),
        ),
        (
            "Cette nouvelle est un revers de plus pour Paul Garnier, qui a conditionné sa candidature à « l'inversion de la courbe du chômage ».",
            "l'inversion de la courbe du chômage",
            Some("Paul Garnier"),
            None,
        ),
        (
            "« Le gouvernement n'a rien prouvé de ce qu'il avance », ont souligné les juges.",
            "Le gouvernement n'a rien prouvé de ce qu'il avance",
            Some("les juges"),
            Some("ont souligné"),
        ),
        (
            "Les otages ont été libérés au terme d'une opération qualifiée d'« inédite », selon l'annonce du gouvernement camerounais.",
            "inédite",
            Some("gouvernement camerounais"),
            Some("selon"),
        ),
        // An incise inside the marks.
        (
            "Les liens sont restés forts. « J'ai confiance en lui, confiait d'ailleurs Marc Lenoir en 2010. Il m'a aidé. »",
            "J'ai confiance en lui, confiait d'ailleurs Marc Lenoir en 2010. Il m'a aidé.",
            Some("Marc Lenoir"),
            Some("confiait"),
        ),
        // A participle's object is not the subject: the subject comes before the participle.
        (
            "Une centaine de grévistes réclamant la hausse des salaires ont bloqué l'entrée et crié « Nous ne lâcherons rien » devant les caméras.",
            "Nous ne lâcherons rien",
            Some("Une centaine de grévistes"),
            Some("crié"),
        ),
        // Adverbial phrases between the auxiliary and the verb; "vol." is not an abbreviation here.
        (
            "Le vol a été annulé au dernier moment, faute d'équipage au vol. Hugo Lenoir , maire de la ville, a d'ailleurs reconnu le problème : « Nous aurions dû prévenir plus tôt. »",
            "Nous aurions dû prévenir plus tôt.",
            Some("Hugo Lenoir"),
            Some("a d'ailleurs reconnu"),
        ),
        (
            "Les bêtes portaient des « traces de coups » ayant causé leur mort, selon une vétérinaire du refuge.",
            "traces de coups",
            Some("une vétérinaire du refuge"),
            Some("selon"),
        ),
        // Between the auxiliary and the participle: adverbs and adverbial phrases; "tenir à" and an infinitive.
        (
            "« Une enquête est ouverte », a juste indiqué Claire Vidal, procureure de Rennes.",
            "Une enquête est ouverte",
            Some("Claire Vidal"),
            Some("a juste indiqué"),
        ),
        (
            "« La menace reste élevée », a pour sa part déclaré le ministre Luc Perrin.",
            "La menace reste élevée",
            Some("Luc Perrin"),
            Some("a pour sa part déclaré"),
        ),
        (
            "« Les travaux respectent le quartier », a cependant tenu à tempérer Hugo Lenoir, adjoint au maire.",
            "Les travaux respectent le quartier",
            Some("Hugo Lenoir"),
            Some("a cependant tenu à tempérer"),
        ),
        // A plural noun after a singular auxiliary is the verb's object: the cue before the quotation speaks.
        (
            "La ministre de la santé, Anne Roussel, dénonçant un « bilan lourd », a demandé des renforts.",
            "bilan lourd",
            Some("Anne Roussel"),
            Some("dénonçant"),
        ),
        // ", de l'Institut Pasteur," says where the person before it works.
        (
            "Marc Olivier, de l'Institut Pasteur, nuance toutefois ce constat : « Le virus circule moins vite »",
            "Le virus circule moins vite",
            Some("Marc Olivier"),
            Some("nuance"),
        ),
        // "C'est l'avis de X : « … »".
        (
            "C'est d'ailleurs l'avis de Paul Girard, économiste à Lyon : « Les impôts vont augmenter. »",
            "Les impôts vont augmenter.",
            Some("Paul Girard"),
            Some(":"),
        ),
        // ", d'autres …" after a comma is a subject, not where someone comes from.
        (
            "Le suspect a été arrêté. Au contraire, d'autres gendarmes affirment que le suspect « voulait se venger ».",
            "voulait se venger",
            Some("autres gendarmes"),
            Some("affirment"),
        ),
        // The antecedent of "qui" is the head of its noun phrase, not a complement of place.
        (
            "Marco Bellini, le chef de mission de l'ONG pour la Libye qui estime qu'il s'agit « d'une attaque délibérée ».",
            "d'une attaque délibérée",
            Some("Marco Bellini"),
            Some("estime"),
        ),
        // "C'est X qui … : « … »".
        (
            "C'est Paul Girard qui a fait le premier pas : « Tournons la page. »",
            "Tournons la page.",
            Some("Paul Girard"),
            Some(":"),
        ),
        // "se défendre" reports; "défendre des positions" does not.
        (
            "« C'est une bonne école », s'est défendu Jean Roux, interrogé sur l'âge de ses filles.",
            "C'est une bonne école",
            Some("Jean Roux"),
            Some("s'est défendu"),
        ),
        // "Ce n'est pas l'avis de X : « … »".
        (
            "Ce n'est pas l'avis de Jeanne Morel : « Rien ne justifie ce choix. »",
            "Rien ne justifie ce choix.",
            Some("Jeanne Morel"),
            Some(":"),
        ),
        // "selon les précisions apportées par X".
        (
            "« Il s'est enfui vers le port », selon les précisions apportées par le procureur Marc Rey.",
            "Il s'est enfui vers le port",
            Some("Marc Rey"),
            Some("selon"),
        ),
        // A complement of the verb between the verb and its inverted subject.
        (
            "« Il aimait la montagne », a dit de lui la municipalité de Megève.",
            "Il aimait la montagne",
            Some("la municipalité de Megève"),
            Some("a dit"),
        ),
        // An incise between the auxiliary and the participle.
        (
            "Le lendemain, le comité avait, dans un communiqué, jugé cette décision « inacceptable ».",
            "inacceptable",
            Some("le comité"),
            Some("jugé"),
        ),
        // A title before a name in an apposition ("Me", not the pronoun "me").
        (
            "Selon les propos de son avocat, Me Paul Vidal à l'AFP, « l'audition a été avancée ».",
            "l'audition a été avancée",
            Some("Me Paul Vidal"),
            Some("Selon"),
        ),
        // An adverbial phrase after the clitic's auxiliary.
        (
            "« Ils ont été fantastiques », a-t-il d'abord affirmé.",
            "Ils ont été fantastiques",
            None,
            Some("a-t-il d'abord affirmé"),
        ),
        // "Selon des propos de X, rapportés par Y": X speaks, Y relays.
        (
            "Selon des propos de Rami Haddad, directeur de l'observatoire, rapportés par l'agence, « un kamikaze a visé le siège ».",
            "un kamikaze a visé le siège",
            Some("Rami Haddad"),
            Some("Selon"),
        ),
        // "un communiqué de presse de X".
        (
            "D'après un communiqué de presse de Nordex, le chantier reprendra « dès que possible ».",
            "dès que possible",
            Some("Nordex"),
            Some("D'après"),
        ),
        // A relative clause between the subject and the verb.
        (
            "Sur Twitter, Manuel Roux, qui avait déjeuné avec lui en avril, s'est dit « attristé et choqué ».",
            "attristé et choqué",
            Some("Manuel Roux"),
            Some("s'est dit"),
        ),
        // "celui qui est considéré comme X": X.
        (
            "Pour sa part, celui qui est considéré comme le chef du réseau avait affirmé que « tout était prêt ».",
            "tout était prêt",
            Some("le chef du réseau"),
            Some("avait affirmé"),
        ),
        // An adverbial phrase between the auxiliary and the participle.
        (
            "Le ministre Paul Roux a malgré tout affirmé que « rien ne nous arrêtera ».",
            "rien ne nous arrêtera",
            Some("Paul Roux"),
            Some("a malgré tout affirmé"),
        ),
        // "traiter X de « … »" reports a name someone is called.
        (
            "Le maire Paul Roux traite ses opposants de « menteurs professionnels ».",
            "menteurs professionnels",
            Some("Paul Roux"),
            Some("traite"),
        ),
        // A coordination inside a title before the name.
        (
            "Pour le ministre de l'Économie et des Finances Michel Sapin, cependant, le cabinet et le ministère « sont totalement hors de cause ».",
            "sont totalement hors de cause",
            Some("le ministre de l'Économie et des Finances Michel Sapin"),
            Some("Pour"),
        ),
        // A name is not the description of the name after it.
        (
            "Selon l'IGF, Business France, ou certains de ses salariés, « pourraient être mis en cause ».",
            "pourraient être mis en cause",
            Some("l'IGF"),
            Some("Selon"),
        ),
        // A name's particle right after the verb and an adverb is no complement.
        (
            "« Elle n'avait rien vu venir », ajoute encore de la Morlais.",
            "Elle n'avait rien vu venir",
            Some("la Morlais"),
            Some("ajoute"),
        ),
        // A place and a time between commas.
        (
            "Jean Dufour, en visite à Lille, dans le Nord, ce mardi, a contesté les chiffres : « C'est faux »",
            "C'est faux",
            Some("Jean Dufour"),
            Some("a contesté"),
        ),
        // A participle's clause between the subject and the verb describes the subject.
        (
            "Paul Roux, battu au premier tour de l'élection en mars, a affirmé qu'il ne serait pas « un candidat de secours ».",
            "un candidat de secours",
            Some("Paul Roux"),
            Some("a affirmé"),
        ),
        // When the clause's subject is a thing, the person named after it does what the participle says.
        (
            "Ces révélations ont conduit la sénatrice Claire Morel à critiquer le projet, affirmant que « la loi ne sera jamais appliquée ».",
            "la loi ne sera jamais appliquée",
            Some("Claire Morel"),
            Some("affirmant"),
        ),
        // An object pronoun before the participle is no determiner, and ends no subject.
        (
            "Le Kremlin a rejeté ces accusations, les jugeant « absurdes ».",
            "absurdes",
            Some("Le Kremlin"),
            Some("jugeant"),
        ),
        (
            "L'animateur, La Gazette le qualifiant d'« expert le plus douteux du secteur », est mis en cause.",
            "expert le plus douteux du secteur",
            Some("La Gazette"),
            Some("qualifiant"),
        ),
        // "comme" after the quotation: the subject or the agent follows the verb.
        (
            "Son bilan est « très positif pour la région », comme l'a souligné le préfet Paul Martin.",
            "très positif pour la région",
            Some("Paul Martin"),
            Some("comme l'a souligné"),
        ),
        (
            "Il a embauché sa voisine pour tromper son « ennui », comme prétendu par Luc Armand.",
            "ennui",
            Some("Luc Armand"),
            Some("comme prétendu"),
        ),
        (
            "Human Rights Watch a appelé à « une enquête indépendante et rapide ».",
            "une enquête indépendante et rapide",
            Some("Human Rights Watch"),
            Some("a appelé"),
        ),
        // A signature under a quotation set apart wins over the cue that introduced it.
        (
            "Un témoin décrit l'incident :\n\n« On a entendu un bruit, puis tout le monde a couru. »\n\n— Luca, 32 ans\n",
            "On a entendu un bruit, puis tout le monde a couru.",
            Some("Luca"),
            Some("—"),
        ),
        // "a permis à X de déclarer": X speaks; "a demandé à X de préciser": the asker does.
        (
            "Ce chiffre a permis à la ministre Claire Morel de déclarer que « la courbe s'inverse ».",
            "la courbe s'inverse",
            Some("Claire Morel"),
            Some("de déclarer"),
        ),
        (
            "L'autorité avait demandé à l'association de préciser les « études venant à l'appui de ces chiffres ».",
            "études venant à l'appui de ces chiffres",
            Some("L'autorité"),
            Some("avait demandé"),
        ),
        // Who asked or relayed the words did not say them; a report "communiqué par X" is X's.
        (
            "Pour le politologue Paul Roux, interrogé par Radio Nord, « la gauche paie ses divisions ».",
            "la gauche paie ses divisions",
            Some("Paul Roux"),
            Some("Pour"),
        ),
        (
            "D'après un bilan provisoire communiqué par les autorités locales, « au moins douze personnes ont péri ».",
            "au moins douze personnes ont péri",
            Some("les autorités locales"),
            Some("D'après"),
        ),
        (
            "L'Organisation mondiale de la santé a mis en garde contre « un relâchement prématuré ».",
            "un relâchement prématuré",
            Some("L'Organisation mondiale de la santé"),
            Some("a mis en garde"),
        ),
        (
            "Le ministre met en garde : « Rien n'est joué. »",
            "Rien n'est joué.",
            Some("Le ministre"),
            Some("met en garde"),
        ),
        (
            "« Rien n'est joué », met en garde le ministre.",
            "Rien n'est joué",
            Some("le ministre"),
            Some("met en garde"),
        ),
        (
            "Les syndicats mettent en avant « une perte de pouvoir d'achat ».",
            "une perte de pouvoir d'achat",
            Some("Les syndicats"),
            Some("mettent en avant"),
        ),
        // An inverted subject's apposition names it, a title before the name or not.
        (
            "« Ils n'avaient aucune chance », a expliqué le commandant du peloton, le capitaine Paul Roux.",
            "Ils n'avaient aucune chance",
            Some("Paul Roux"),
            Some("a expliqué"),
        ),
        (
            "« Le lancement s'est bien déroulé », a annoncé peu après le directeur des opérations, Rafael Ortiz.",
            "Le lancement s'est bien déroulé",
            Some("Rafael Ortiz"),
            Some("a annoncé"),
        ),
        // Right after a quotation, an auxiliary and any participle report.
        (
            "« C'est la décision la plus difficile », a défendu le maire, Gilles Roux, à l'issue de la séance.",
            "C'est la décision la plus difficile",
            Some("Gilles Roux"),
            Some("a défendu"),
        ),
        (
            "« C'est un long voyage », a plaisanté Élodie Marchetti.",
            "C'est un long voyage",
            Some("Élodie Marchetti"),
            Some("a plaisanté"),
        ),
        // Right after a quotation, a reflexive verb and its inverted subject report.
        (
            "« Je viens ici tous les jours », s'amusait une cliente.",
            "Je viens ici tous les jours",
            Some("une cliente"),
            Some("s'amusait"),
        ),
        (
            "« Nous n'avions jamais vendu autant de billets », s'est réjoui le directeur du festival, Mathieu Delorme.",
            "Nous n'avions jamais vendu autant de billets",
            Some("Mathieu Delorme"),
            Some("s'est réjoui"),
        ),
        // A fronted adjective and its complement are no subject.
        (
            "Absent de la cérémonie, le comédien a fait lire un message : « Je pense à ceux qui travaillent dans l'ombre. »",
            "Je pense à ceux qui travaillent dans l'ombre.",
            Some("le comédien"),
            Some(":"),
        ),
        (
            "« Nous repartons les mains vides », a regretté la négociatrice en chef du groupe, la Malawite Grace Phiri.",
            "Nous repartons les mains vides",
            Some("Grace Phiri"),
            Some("a regretté"),
        ),
        // "selon une formule …" names a wording, not a source.
        (
            "Raphaël Sorel a répondu que la France « ne paie pas de rançons », selon une formule répétée par ses prédécesseurs.",
            "ne paie pas de rançons",
            Some("Raphaël Sorel"),
            Some("a répondu"),
        ),
        (
            "« Elle a su parler aux classes moyennes », analyse la sociologue Javiera Muñoz.",
            "Elle a su parler aux classes moyennes",
            Some("Javiera Muñoz"),
            Some("analyse"),
        ),
        (
            "Le quotidien évoque une COP « au bord de l'impasse », plusieurs délégations menaçant de bloquer toute décision.",
            "au bord de l'impasse",
            Some("Le quotidien"),
            Some("évoque"),
        ),
        // A noun in apposition opens the clause without an article: the subject follows the comma.
        (
            "Médecin généraliste à Die, la docteure Louise Arnal voit défiler des parents inquiets : « Certains découvrent qu'une dose manque. »",
            "Certains découvrent qu'une dose manque.",
            Some("Louise Arnal"),
            Some(":"),
        ),
        // A relative clause after a preposition stands between the subject and its verb, titles in marks and all.
        (
            "Le rappeur Kenzo, avec qui Malik Dorval avait enregistré le titre « Asphalte », a écrit sur X : « Repose-toi, frérot. »",
            "Repose-toi, frérot.",
            Some("Le rappeur Kenzo"),
            Some("a écrit"),
        ),
        // "lance", a noun after an article, is a verb after a quotation.
        (
            "Inondations : « on ne peut plus vivre comme ça », lance un maire",
            "on ne peut plus vivre comme ça",
            Some("un maire"),
            Some("lance"),
        ),
        // A name closing the complement after the verb is the inverted subject.
        (
            "« C'est une victoire immense », s'est réjoui à la sortie de l'audience Mamadou Sy, l'un des plaignants.",
            "C'est une victoire immense",
            Some("Mamadou Sy"),
            Some("s'est réjoui"),
        ),
        // A thing before a participle is the object of the verb before: the clause's subject speaks.
        (
            "Les Merlus Ultras ont déployé mercredi soir une banderole proclamant « Le Bihan démission » dans la tribune.",
            "Le Bihan démission",
            Some("Les Merlus Ultras"),
            Some("proclamant"),
        ),
        // "X de 31 ans, qui": the antecedent is the person, not the age.
        (
            "Le chanteur annule sa tournée. L'artiste de 31 ans, qui dit vouloir « prendre le temps de se soigner », s'excuse.",
            "prendre le temps de se soigner",
            Some("L'artiste de 31 ans"),
            Some("dit"),
        ),
        // A verb after the quotation that introduces another quotation is not this one's incise.
        (
            "Si Télérama avait salué « un film d'une délicatesse rare », Le Monde avait regretté « un scénario qui s'étire ».",
            "un film d'une délicatesse rare",
            Some("Télérama"),
            Some("avait salué"),
        ),
        (
            "Au ministère de l'Industrie, on indique suivre la situation « avec la plus grande attention ».",
            "avec la plus grande attention",
            Some("ministère de l'Industrie"),
            Some("indique"),
        ),
        (
            "Médecin à Die, où le premier cas a été signalé, la docteure Louise Arnal voit défiler des parents : « Certains ont peur. »",
            "Certains ont peur.",
            Some("Louise Arnal"),
            Some(":"),
        ),
        // A name in a phrase that opens with a preposition is no subject.
        (
            "Sur son compte Twitter, le président de la République a salué « un poète populaire ».",
            "un poète populaire",
            Some("le président de la République"),
            Some("a salué"),
        ),
        // A name and a described name together are a plural subject.
        (
            "L'ancien ministre Paul Roux et son épouse Claire Morel sont arrivés ensemble. « Nous sommes très émus », ont-ils déclaré.",
            "Nous sommes très émus",
            Some("Paul Roux et son épouse Claire Morel"),
            Some("ont-ils déclaré"),
        ),
        // "avant de crier": the infinitive's subject is the one of the verb before, even inside a "que" clause.
        (
            "Un homme a tiré sur la foule avant de crier « Vive la révolution ».",
            "Vive la révolution",
            Some("Un homme"),
            Some("avant de crier"),
        ),
        (
            "Des témoins racontent qu'un homme aurait tiré avant de crier « N'oubliez pas la ville ».",
            "N'oubliez pas la ville",
            Some("un homme"),
            Some("avant de crier"),
        ),
        // "on" speaks for the place named: "du côté de", "chez", "auprès de".
        (
            "Du côté de la CGT, on dénonce « une attaque contre les salariés ».",
            "une attaque contre les salariés",
            Some("la CGT"),
            Some("dénonce"),
        ),
        (
            "« Deux personnes ont été blessées », a-t-on appris auprès de la préfecture.",
            "Deux personnes ont été blessées",
            Some("la préfecture"),
            Some("a-t-on appris"),
        ),
        (
            "Même son de cloche chez le député Éric Ciotti : « La sécurité doit être la priorité. »",
            "La sécurité doit être la priorité.",
            Some("Éric Ciotti"),
            Some(":"),
        ),
        // Whose reaction, and "Voilà ce qu'a répondu X" after the quotation.
        (
            "Réaction immédiate de la Première ministre : « Le gouvernement ne laissera pas faire. »",
            "Le gouvernement ne laissera pas faire.",
            Some("la Première ministre"),
            Some(":"),
        ),
        (
            "« Ce sont des mensonges. » Voilà ce qu'a répondu l'avocat de l'accusé, Me Dupond.",
            "Ce sont des mensonges.",
            Some("Me Dupond"),
            Some("a répondu"),
        ),
        // A passive names its source by its agent, after the quotation or between.
        (
            "Le père est décrit comme « un homme calme et discret » par un ami d'enfance.",
            "un homme calme et discret",
            Some("un ami d'enfance"),
            Some("est décrit"),
        ),
        (
            "Le suspect, qualifié par les enquêteurs d'« homme violent », déjà condamné plusieurs fois par la justice, est en fuite.",
            "homme violent",
            Some("les enquêteurs"),
            Some("qualifié"),
        ),
    ];
    check(rows, Lang::Fr);
}

#[test]
fn french_pronouns_resolve_to_the_last_named_source() {
    let rows: &[Row] = &[
        (
            "Claire Fontaine dirige le laboratoire depuis 2010. « Nous avons trouvé une piste sérieuse », explique-t-elle.",
            "Nous avons trouvé une piste sérieuse",
            Some("Claire Fontaine"),
            Some("explique-t-elle"),
        ),
        (
            "Le ministre de la Santé, Pierre Lambert, a visité l'hôpital. « La situation est grave mais stable », a-t-il ajouté.",
            "La situation est grave mais stable",
            Some("Pierre Lambert"),
            Some("a-t-il ajouté"),
        ),
        (
            "Selon Jean Morin, la reine Élisabeth aurait pu venir. « Elle aime ce pays depuis toujours », dit-il.",
            "Elle aime ce pays depuis toujours",
            Some("Jean Morin"),
            Some("dit-il"),
        ),
        (
            "Sophie Marchal a quitté la réunion. Elle juge que le projet est « mal ficelé ».",
            "mal ficelé",
            Some("Sophie Marchal"),
            Some("juge"),
        ),
        (
            "Les pompiers sont intervenus vers minuit. « Le feu était très violent », ont-ils expliqué.",
            "Le feu était très violent",
            Some("Les pompiers"),
            Some("ont-ils expliqué"),
        ),
        (
            "La direction a publié un texte. Sa déléguée, Julie Petit, était présente. « Nous attendons des actes concrets », a-t-elle dit.",
            "Nous attendons des actes concrets",
            Some("Julie Petit"),
            Some("a-t-elle dit"),
        ),
        // A pronoun continues the named subject of the sentences before, past a participle that opens one.
        (
            "Le débat a été vif. Jeudi, Marc Lebrun s'est défendu à la télévision. Il a reconnu avoir « commis une faute grave » dans ce dossier.",
            "commis une faute grave",
            Some("Marc Lebrun"),
            Some("a reconnu"),
        ),
        (
            "Interrogée samedi, Inès Barre , élue de la ville, dirige la liste. « Nous irons jusqu'au bout de ce combat », a-t-elle ajouté.",
            "Nous irons jusqu'au bout de ce combat",
            Some("Inès Barre"),
            Some("a-t-elle ajouté"),
        ),
        (
            "Un skieur a disparu ce matin, a confirmé la préfecture de Savoie sans donner son nom. « Les recherches continuent malgré la neige », a-t-elle précisé.",
            "Les recherches continuent malgré la neige",
            Some("la préfecture de Savoie"),
            Some("a-t-elle précisé"),
        ),
        (
            "L'attaque a été revendiquée par les combattants du nord dans un message : « Nous avons frappé le camp », ont-ils écrit.",
            "Nous avons frappé le camp",
            Some("les combattants du nord"),
            Some("ont-ils écrit"),
        ),
        (
            "Cette réforme suscite la colère des syndicalistes et des enseignants. Pour eux, « le gouvernement recule sur tout ».",
            "le gouvernement recule sur tout",
            Some("des syndicalistes et des enseignants"),
            Some("Pour"),
        ),
        (
            "Le juge Paul Roy a reçu les familles. « Nous irons vite, a-t-il déclaré, mais sans rien bâcler. »",
            "Nous irons vite, a-t-il déclaré, mais sans rien bâcler.",
            Some("Paul Roy"),
            Some("a-t-il déclaré"),
        ),
        (
            "Le relais était la dernière course à laquelle Paul Obi prenait part. Depuis 2008, il a gagné neuf titres. « Merci à tous, j'ai eu des frissons », a-t-il lancé.",
            "Merci à tous, j'ai eu des frissons",
            Some("Paul Obi"),
            Some("a-t-il lancé"),
        ),
        (
            "Paul Ferrand a parlé devant la presse. « Je ne céderai pas », a-t-il affirmé, avant d'ajouter : « La réforme ira à son terme. »",
            "Je ne céderai pas",
            Some("Paul Ferrand"),
            Some("a-t-il affirmé"),
        ),
        (
            "Jean Martin et Sophie Leroy ont présenté leur rapport jeudi. « Les chiffres sont alarmants », ont-ils indiqué.",
            "Les chiffres sont alarmants",
            Some("Jean Martin et Sophie Leroy"),
            Some("ont-ils indiqué"),
        ),
        (
            "L'ONG Vigie dénonce des « exactions massives ». Le gouvernement a réagi dans la soirée. Il juge ces accusations « sans fondement ».",
            "exactions massives",
            Some("L'ONG Vigie"),
            Some("dénonce"),
        ),
        (
            "Le 6 février, Paul Garnier n'a cité que trois clients. Il a affirmé n'avoir travaillé avec « aucune entreprise étrangère ».",
            "aucune entreprise étrangère",
            Some("Paul Garnier"),
            Some("a affirmé"),
        ),
        (
            "Jean Morel a rencontré Angela Weiss à Berlin. « Nous sommes d'accord sur tout », a-t-il assuré.",
            "Nous sommes d'accord sur tout",
            Some("Jean Morel"),
            Some("a-t-il assuré"),
        ),
        // A description too long to be read whole names its person before the verb, past an aside in dashes.
        (
            "Lors de la fête, le ministre des Postes, des Technologies et de la Culture numérique Jean-Paul Nkurunziza — par ailleurs ancien directeur de la radio — a annoncé que le réseau est prêt. L'enjeu est la distribution. À ce sujet, il précise : « Nous aurons les décodeurs avant la fin de l'année ».",
            "Nous aurons les décodeurs avant la fin de l'année",
            Some("Jean-Paul Nkurunziza"),
            Some("précise"),
        ),
        // "Ce dernier": the person named last.
        (
            "La maire Claire Fontaine a reçu le syndicaliste Paul Girard. Ce dernier a déclaré : « Rien n'est décidé. »",
            "Rien n'est décidé.",
            Some("Paul Girard"),
            Some("a déclaré"),
        ),
        // A capitalised word opening a sentence is no name: the chain goes on to the person before.
        (
            "Marc Lemoine a quitté le club samedi. Ancien gardien, il avait joué dix saisons. « J'ai tout donné », a-t-il confié.",
            "J'ai tout donné",
            Some("Marc Lemoine"),
            Some("a-t-il confié"),
        ),
    ];
    check(rows, Lang::Fr);
}

#[test]
fn a_pronoun_right_after_a_quotation_continues_its_speaker() {
    // Persons named in passing in the first quotation's own sentence do not interrupt the speaker.
    let found = run(
        "Le Courrier du soir met en cause le député. « J'ai payé ces costumes », précise Paul Mercier, parlant des factures de M. Garnier. « Il n'y a aucun lien entre nous », ajoute-t-il.",
        Lang::Fr,
    );
    let speakers: Vec<_> = found.iter().map(|q| q.speaker.as_deref()).collect();
    assert_eq!(
        speakers,
        [Some("Paul Mercier"), Some("Paul Mercier")],
        "{found:?}"
    );
    // A source is someone a pronoun may continue.
    let found = run(
        "« Rien n'est confirmé », selon une source proche de l'enquête. Les explications du suspect « n'avaient aucun sens », précise-t-elle.",
        Lang::Fr,
    );
    assert_eq!(
        found[1].speaker.as_deref(),
        Some("une source proche de l'enquête"),
        "{found:?}"
    );
    // A complement after the verb is no inverted subject: the coordinated verb keeps its subject.
    let found = run(
        "Paul Girard a salué la foule puis a déclaré, après un concert donné en son honneur : « Nous allons réussir. »",
        Lang::Fr,
    );
    assert_eq!(
        found[0].speaker.as_deref(),
        Some("Paul Girard"),
        "{found:?}"
    );
    // Relatives are people a pronoun may stand for, and the person just described is nearer than an older
    // source.
    let found = run(
        "L'ancien roi avait exprimé le désir de rester en Suisse. Au contraire, la nièce du roi s'opposait au transfert. Après le jugement, elle déclarait : « Mon oncle avait tout prévu. »",
        Lang::Fr,
    );
    assert_eq!(
        found[0].speaker.as_deref(),
        Some("la nièce du roi"),
        "{found:?}"
    );
    // A participle after a sentence naming who acts is theirs, whoever spoke before in the paragraph.
    let found = run(
        "« Ce sont des boules puantes », a déclaré Paul Girard. Son entourage a réfuté ces allégations, affirmant que sa femme aurait « travaillé dans l'ombre ».",
        Lang::Fr,
    );
    assert_eq!(
        found[1].speaker.as_deref(),
        Some("Son entourage"),
        "{found:?}"
    );
    // A sentence about a thing gives the person it names, not one in a complement.
    let found = run(
        "La Française Claire Morel affrontait la Slovène Tina Kranj en finale. Après une minute, la judokate a tenté une prise sur Tina Kranj. Après avoir lutté, elle a concédé la victoire. « J'ai vu une brèche », a-t-elle expliqué.",
        Lang::Fr,
    );
    assert_eq!(
        found[0].speaker.as_deref(),
        Some("Claire Morel"),
        "{found:?}"
    );
    // A sentence about someone else in between does.
    let found = run(
        "Le Courrier du soir met en cause le député. « J'ai payé ces costumes », précise Paul Mercier. Son avocat Luc Garnier a été entendu. « Il n'y a aucun lien entre nous », ajoute-t-il.",
        Lang::Fr,
    );
    assert_eq!(
        found[1].speaker.as_deref(),
        Some("Luc Garnier"),
        "{found:?}"
    );
}

#[test]
fn a_pronoun_stands_for_the_subject_of_its_own_sentence() {
    let found = run(
        "Le ministre a rejeté ces accusations, qu'il juge « absurdes ».",
        Lang::Fr,
    );
    assert_eq!(
        found[0].speaker.as_deref(),
        Some("Le ministre"),
        "{found:?}"
    );
    // After a quotation sourced by a complement, the pronoun goes back to the sentence's subject.
    let found = run(
        "Marc Lenoir nie avoir embauché sa voisine pour tromper son « ennui », comme prétendu par Luc Armand. « C'est une femme intelligente », affirme-t-il.",
        Lang::Fr,
    );
    assert_eq!(found[0].speaker.as_deref(), Some("Luc Armand"), "{found:?}");
    assert_eq!(
        found[1].canonical.as_deref(),
        Some("Marc Lenoir"),
        "{found:?}"
    );
}

#[test]
fn they_reach_a_group_named_before_a_quotation_sentence() {
    let found = run(
        "Cette décision a provoqué la colère des féministes. Pour elles, « le pouvoir recule ». Elles mettent en avant le fait que « les violences ont lieu en famille ».",
        Lang::Fr,
    );
    assert_eq!(
        found[1].speaker.as_deref(),
        Some("des féministes"),
        "{found:?}"
    );
}

#[test]
fn a_cue_with_no_subject_goes_on_with_the_speaker_of_its_paragraph() {
    let found = run(
        "« Nous avons été trahis », explique Christian Roux. Avant d'ajouter : « Je porterai plainte. »",
        Lang::Fr,
    );
    assert_eq!(
        found[1].speaker.as_deref(),
        Some("Christian Roux"),
        "{found:?}"
    );
    assert_eq!(
        found[1].cue.as_deref(),
        Some("Avant d'ajouter"),
        "{found:?}"
    );
    // In a paragraph of its own, it has no speaker to go on with.
    let found = run(
        "« Nous avons été trahis », explique Christian Roux.\n\nAvant d'ajouter : « Je porterai plainte. »",
        Lang::Fr,
    );
    assert_eq!(found[1].speaker, None, "{found:?}");
}

#[test]
fn a_description_that_says_whose_it_is_names_only_who_bears_that_title() {
    let found = run(
        "« La situation est grave », estime le maire de Lyon, Grégoire Petit.\n\nSelon le porte-parole du gouvernement, « aucune décision n'a été prise ».",
        Lang::Fr,
    );
    assert_eq!(
        found[1].canonical.as_deref(),
        Some("porte-parole du gouvernement"),
        "{found:?}"
    );
    let found = run(
        "Le porte-parole du gouvernement, Paul Roux, a reçu la presse. Selon le porte-parole du gouvernement, « aucune décision n'a été prise ».",
        Lang::Fr,
    );
    assert_eq!(
        found[0].canonical.as_deref(),
        Some("Paul Roux"),
        "{found:?}"
    );
}

#[test]
fn a_title_names_the_person_it_was_given_to_before_the_last_subject() {
    let found = run(
        "Le Premier ministre Rishi Sunak a rencontré le président français Emmanuel Macron.\n\nLes deux dirigeants ont signé un accord. « C'est une étape », a déclaré M. Sunak.\n\nLe président français a salué « une nouvelle ère ».",
        Lang::Fr,
    );
    assert_eq!(
        found[1].canonical.as_deref(),
        Some("Emmanuel Macron"),
        "{found:?}"
    );
    // "le ministre" is not "le Premier ministre"; nor is a person named near the title in another clause.
    let found = run(
        "Le Premier ministre Paul Roux a convoqué Luc Girard, ministre de l'Intérieur.\n\n« Tout est en règle », a répondu le ministre.",
        Lang::Fr,
    );
    assert_eq!(
        found[0].canonical.as_deref(),
        Some("Luc Girard"),
        "{found:?}"
    );
    let found = run(
        "Sa mère a confié que Hubert Lenoir était épuisé.\n\nSelon la mère du suspect, c'est « une légende familiale ».",
        Lang::Fr,
    );
    assert_eq!(
        found[0].canonical.as_deref(),
        Some("mère du suspect"),
        "{found:?}"
    );
}

#[test]
fn a_person_brought_in_with_an_indefinite_article_breaks_the_chain_of_a_pronoun() {
    let found = run(
        "« J'ai eu de la chance », témoigne Jean Kerhervé, patron pêcheur. Un de ses collègues, plus jeune, a perdu son bateau. « Tout ce que j'avais est au fond du port », lâche-t-il.",
        Lang::Fr,
    );
    assert_eq!(
        found[1].speaker.as_deref(),
        Some("Un de ses collègues"),
        "{found:?}"
    );
}

#[test]
fn a_quotation_of_the_title_takes_the_speaker_of_the_body_that_repeats_it() {
    let found = run(
        "Inondations : « on ne peut plus vivre comme ça »\n\nLa vallée est sous les eaux. « On ne peut plus vivre comme ça. Des familles ont tout perdu », a déclaré le maire d'Arques, Gilles Decroix.",
        Lang::Fr,
    );
    assert_eq!(
        found[0].canonical.as_deref(),
        Some("Gilles Decroix"),
        "{found:?}"
    );
    // A headline's own cue stands.
    let found = run(
        "Barrage : l'ONU salue « un pas modeste mais décisif »\n\nL'envoyé spécial, Erik Solvang, a salué « un pas modeste mais décisif ».",
        Lang::Fr,
    );
    assert_eq!(found[0].speaker.as_deref(), Some("l'ONU"), "{found:?}");
}

#[test]
fn a_quotation_opening_its_paragraph_is_named_by_the_sentence_after_it() {
    let found = run(
        "Le propriétaire dément, a assuré son avocat, Me Thierry Vasseur.\n\n« On a prévenu tout le monde. Personne n'a bougé. » Ces mots sont ceux de Samia Haddad, locataire du deuxième étage.",
        Lang::Fr,
    );
    assert_eq!(
        found[0].speaker.as_deref(),
        Some("Samia Haddad"),
        "{found:?}"
    );
    let found = run(
        "Le syndicat dénonce la situation, a déclaré Paul Roux.\n\n« On tient avec des bouts de ficelle. » Infirmière aux urgences depuis douze ans, Sandrine Mollet décrit des journées sans pause.",
        Lang::Fr,
    );
    assert_eq!(
        found[0].speaker.as_deref(),
        Some("Sandrine Mollet"),
        "{found:?}"
    );
}

#[test]
fn a_person_described_right_before_a_pronoun_is_who_it_stands_for() {
    let found = run(
        "« Le film est une révélation », a déclaré Karim Belkacem, le réalisateur.\n\nLe délégué général du festival a défendu ce choix. « Le cinéma de demain, c'est lui », a-t-il expliqué au Film français.",
        Lang::Fr,
    );
    assert_eq!(
        found[1].speaker.as_deref(),
        Some("Le délégué général du festival"),
        "{found:?}"
    );
}

#[test]
fn a_title_between_two_quotations_breaks_the_chain_of_a_pronoun() {
    let found = run(
        "Le projet est porté par la ministre du Travail, Émilie Garnier.\n\nSon homologue de la CFDT, Anne Jourdain, a insisté : « Nous sommes ensemble. »\n\nDe son côté, la ministre a défendu son texte. Selon elle, la réforme permettra de « ramener les seniors vers l'emploi ».",
        Lang::Fr,
    );
    assert_eq!(
        found[1].canonical.as_deref(),
        Some("Émilie Garnier"),
        "{found:?}"
    );
}

#[test]
fn a_source_named_with_selon_is_what_the_next_pronoun_goes_on_with() {
    // Not the named subject before it, nor the person an indefinite description's title was given to.
    let found = run(
        "L'envoyé de l'ONU, le diplomate norvégien Erik Solvang, a salué l'accord. Meron Tadesse a insisté sur « le droit souverain » de son pays.\n\nSelon un diplomate européen présent à Genève, les discussions ont failli échouer. « Il a fallu une nuit entière », confie-t-il.",
        Lang::Fr,
    );
    assert_eq!(
        found[1].canonical.as_deref(),
        Some("diplomate européen présent"),
        "{found:?}"
    );
}

#[test]
fn a_definite_description_is_named_by_the_person_just_before() {
    let found = run(
        "Karim Lenoir a répondu aux critiques. L'attaquant avait déclaré que l'entraîneur « avait cédé à la pression ».",
        Lang::Fr,
    );
    assert_eq!(
        found[0].speaker.as_deref(),
        Some("L'attaquant"),
        "{found:?}"
    );
    assert_eq!(
        found[0].canonical.as_deref(),
        Some("Karim Lenoir"),
        "{found:?}"
    );
    // "elle" is no "Pierre-Henri": a compound first name has the gender of its first part.
    let found = run(
        "« Les électeurs ont parlé », a déclaré Camille Roux. Pierre-Henri Vial a reconnu sa défaite. Elle a promis de siéger « dès mardi ».",
        Lang::Fr,
    );
    assert_eq!(
        found[1].canonical.as_deref(),
        Some("Camille Roux"),
        "{found:?}"
    );
    // A feminine one ("l'actrice") is no man named before.
    let found = run(
        "Paul Martin a quitté la salle. L'actrice a alors déclaré : « Je ne reviendrai pas. »",
        Lang::Fr,
    );
    assert_eq!(found[0].canonical.as_deref(), Some("actrice"), "{found:?}");
    // A description names no thing the sentence before is about.
    let found = run(
        "La session de négociations des Nations unies s'est achevée samedi. « Nous repartons les mains vides », a regretté la négociatrice.",
        Lang::Fr,
    );
    assert_eq!(
        found[0].canonical.as_deref(),
        Some("négociatrice"),
        "{found:?}"
    );
    // A demonym describes a person: "la Lyonnaise" is the player named before.
    let found = run(
        "Inès Moreau a battu la tenante du titre. Menée d'un set, la Lyonnaise de 21 ans a tout renversé. « Je ne sais pas ce qui s'est passé », a déclaré la Lyonnaise.",
        Lang::Fr,
    );
    assert_eq!(
        found[0].canonical.as_deref(),
        Some("Inès Moreau"),
        "{found:?}"
    );
    // "celui-ci" after the verb is a subject too.
    let found = run(
        "Entraînée par son père, Manuel Costa, la joueuse n'avait jamais gagné. « On a toujours cru en elle », explique celui-ci, qui a suivi le match.",
        Lang::Fr,
    );
    assert_eq!(
        found[0].canonical.as_deref(),
        Some("Manuel Costa"),
        "{found:?}"
    );
    // An indefinite one is someone else.
    let found = run(
        "Karim Lenoir a répondu aux critiques. Un supporter a déclaré que l'équipe « avait cédé à la pression ».",
        Lang::Fr,
    );
    assert_eq!(
        found[0].canonical.as_deref(),
        Some("supporter"),
        "{found:?}"
    );
}

#[test]
fn a_thing_says_nothing_the_source_nearby_does() {
    // A "selon X" in the next sentence of the paragraph.
    let found = run(
        "Ces emplois correspondraient à « un poste à plein temps d'attaché ». Ils seraient « fictifs », selon le Journal de Lyon.",
        Lang::Fr,
    );
    assert_eq!(
        found[0].speaker.as_deref(),
        Some("le Journal de Lyon"),
        "{found:?}"
    );
    // The source of the quotation before, in the paragraph.
    let found = run(
        "« Le dossier est vide », a déclaré Paul Girard. Cette procédure relèverait d'« un acharnement sans précédent contre lui ».",
        Lang::Fr,
    );
    assert_eq!(
        found[1].speaker.as_deref(),
        Some("Paul Girard"),
        "{found:?}"
    );
    // Nobody: no source rather than the thing.
    let found = run(
        "La théorie des contrats vise à « élaborer de meilleures institutions pour tous ».",
        Lang::Fr,
    );
    assert_eq!(found[0].speaker, None, "{found:?}");
}

#[test]
fn a_coordinated_cue_after_a_quotation_goes_on_with_its_source() {
    let found = run(
        "Le ministre Rana Ali a déclaré en conférence de presse que « l'explosion est un accident », et ajouté que « des fuites de gaz ont été confirmées ».",
        Lang::Fr,
    );
    let speakers: Vec<_> = found.iter().map(|q| q.speaker.as_deref()).collect();
    assert_eq!(speakers, [Some("Rana Ali"), Some("Rana Ali")], "{found:?}");
}

#[test]
fn quotations_listed_after_a_cued_one_share_its_source() {
    let found = run(
        "Nombre de manifestants se trouvant sur le parcours ont clamé : « Menteur », « Voleur », « Not my mayor », etc.",
        Lang::Fr,
    );
    let texts: Vec<&str> = found.iter().map(|q| q.text.as_str()).collect();
    assert_eq!(texts, ["Menteur", "Voleur", "Not my mayor"], "{found:?}");
    assert!(
        found
            .iter()
            .all(|q| q.speaker.as_deref() == Some("Nombre de manifestants")),
        "{found:?}"
    );
}

#[test]
fn a_sentence_about_a_named_person_gives_the_next_bare_quotation_its_speaker() {
    let found = run(
        "« Il était mal placé », selon une source proche de l'enquête. Romain Lefort, un pilote présent sur les lieux, avait tenté de le prévenir. « Ce n'était pas un bon endroit. On lui a dit de partir. »",
        Lang::Fr,
    );
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!(
        found[1].speaker.as_deref(),
        Some("Romain Lefort"),
        "{found:?}"
    );
}

#[test]
fn a_quote_without_cue_takes_the_speaker_of_the_previous_one_in_its_paragraph() {
    let found = run(
        "Selon Louis Carré, l'accord est « une victoire pour tous ». « Nous voulions une loi claire et juste depuis des années. »\nAutre paragraphe : « Un texte sans auteur reste sans source ici. »",
        Lang::Fr,
    );
    assert_eq!(found.len(), 3, "{found:?}");
    assert_eq!(found[1].speaker.as_deref(), Some("Louis Carré"));
    assert_eq!(found[1].cue, None);
    assert_eq!(found[2].speaker, None);
    // A paragraph that opens with a quotation goes on with the speaker of the paragraph before.
    let found = run(
        "Le maire Luc Perrin a pris la parole : « Nous reconstruirons l'école avant la rentrée. »\n« Les familles ne paieront rien, pas un centime. »\nLe préfet était absent. « Une phrase sans source ici. »",
        Lang::Fr,
    );
    assert_eq!(found.len(), 3, "{found:?}");
    assert_eq!(found[1].speaker.as_deref(), Some("Luc Perrin"), "{found:?}");
    assert_ne!(found[2].speaker.as_deref(), Some("Luc Perrin"), "{found:?}");
    // The auxiliary with its clitic answers for a quotation after "avant d'ajouter :".
    let found = run(
        "Paul Ferrand a parlé devant la presse. « Je ne céderai pas », a-t-il affirmé, avant d'ajouter : « La réforme ira à son terme. »",
        Lang::Fr,
    );
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!(
        found[1].speaker.as_deref(),
        Some("Paul Ferrand"),
        "{found:?}"
    );
    // An institution named as the subject just before is what "il" stands for.
    let found = run(
        "L'ONG Vigie dénonce des « exactions massives ». Le gouvernement a réagi dans la soirée. Il juge ces accusations « sans fondement ».",
        Lang::Fr,
    );
    assert_eq!(
        found[1].speaker.as_deref(),
        Some("Le gouvernement"),
        "{found:?}"
    );
    // The antecedent of "qui" before an apposition is the name.
    let found = run(
        "« Au moins dix morts », a déclaré Omar Keita, gouverneur de la ville, qui qualifie l'attaque de « terroriste ».",
        Lang::Fr,
    );
    assert_eq!(found[1].speaker.as_deref(), Some("Omar Keita"), "{found:?}");
    // A quotation with neither cue nor source takes the source of the quotation right after it.
    let found = run(
        "La fusillade a duré dix minutes.\n« J'ai vu des élèves courir dans la rue vers la gare. » « C'était la panique totale », ont confié des témoins.",
        Lang::Fr,
    );
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!(
        found[0].speaker.as_deref(),
        Some("des témoins"),
        "{found:?}"
    );
    // A paragraph that is only a quotation goes on from the person of the paragraph before.
    let found = run(
        "Marc Dion quitte ses fonctions. Il a évoqué des raisons familiales.\n« J'ai choisi ma famille, c'était un choix déchirant. »",
        Lang::Fr,
    );
    assert_eq!(found[0].speaker.as_deref(), Some("Marc Dion"), "{found:?}");
    // "Pour X," opens a clause that X speaks; a pronoun after it continues X.
    let found = run(
        "Les révélations se succèdent. Pour Paul Garnier, il ne s'agit que d'une « opération de déstabilisation ». « Je ne me laisserai pas faire par ces gens-là », répond-il.",
        Lang::Fr,
    );
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!(
        found[1].speaker.as_deref(),
        Some("Paul Garnier"),
        "{found:?}"
    );
    // A statement named alone is the statement an earlier sentence gave an owner.
    let found = run(
        "Une déclaration du FC Valmont a confirmé le départ du joueur. La déclaration explique : « Le joueur a payé sa clause ce matin. »",
        Lang::Fr,
    );
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].speaker.as_deref(), Some("FC Valmont"), "{found:?}");
    // A quotation standing alone after a sentence about someone is that person's.
    let found = run(
        "Le débat a été tendu.\nAnne Caron ne s'est pas laissé impressionner. « Plus ils crieront, plus nous avancerons. »",
        Lang::Fr,
    );
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].speaker.as_deref(), Some("Anne Caron"));
}

#[test]
fn french_exclusions() {
    let rows: &[&str] = &[
        // A label nobody says.
        "Les « gilets jaunes » ont manifesté samedi.",
        // Titles of works and newspapers, operations, nicknames, parties.
        "Il a lu le roman « Le Rouge et le Noir » cet été.",
        "Le quotidien « Le Matin » a publié l'enquête.",
        "L'opération « Tempête du désert » a commencé en 1991.",
        "Il était surnommé « le Boucher de Lyon » par la presse.",
        "La députée du parti « Les Verts » était présente.",
        // A name in marks.
        "Le navire a rejoint le port « Saint-Malo Nord » hier.",
        // A foreign word, a scare quote.
        "Le groupe a effectué ce changement « cosmétique » en juillet.",
        // Organisations, metalinguistic mentions, file labels, lists of titles.
        "L'association « Les Amis du Rail » a porté plainte.",
        "Le mot « crise » revient souvent dans ses discours.",
        "Le suspect était fiché « S » depuis deux ans.",
        "Elle est l'auteure de « Un été à Brest », « Les Vents du large » et « La Marée haute ».",
        // An updated headline.
        "Page actualisée : 3 mai 2024 — « Inondations : le bilan s'alourdit encore dans le Sud »\n",
        // Seconds, not a quotation.
        "Il a couru le 400 m en 43\"18 samedi.",
        // A title in sentence case mid-sentence.
        "Le film « Seul dans la nuit » sort en salles mercredi prochain.",
        // A title after a preposition.
        "Le candidat s'est défendu lors de « L'Heure politique » jeudi soir.",
        // Charges, and a name followed by its acronym.
        "Deux hommes ont été mis en examen pour « association de malfaiteurs » mardi.",
        "Ils sont accusés de « violences volontaires en réunion » et de vol.",
        "La police a activé le « plan de secours renforcé » (PSR) dans la nuit.",
        // "défendre" without "se" reports nothing.
        "Il a changé les positions qu'il défendait, pour adoucir son image « droitière » au sein du parti.",
        // A name as the subject of a verb.
        "« Soir Express » a affirmé que le maire avait menti.",
        // A charge after "placé en détention pour".
        "Le suspect a été placé en détention pour « financement du terrorisme » jeudi.",
        "Il est convoqué en vue d'une mise en examen pour « détournement de fonds publics, abus de biens sociaux, complicité et recel, ainsi que trafic d'influence et manquement aux obligations déclaratives ».",
        "Le parquet a ouvert une enquête pour des « chefs de détournement de fonds publics, abus de biens sociaux et recel ».",
        // A name that says what it names, a compound noun with no cue.
        "Les révélations de l'« affaire Martin Leroy » ont pesé sur la campagne.",
        "Le texte de la « loi pour une Santé durable » est adopté.",
        "Le souvenir de « l'affaire de Val-Claret » hante encore la station.",
        "Un réquisitoire supplétif a été délivré pour « escroquerie aggravée, faux et usage de faux » jeudi.",
        "Cette élection sera un « juge de paix » pour la majorité.",
        "Le robot est passé en « mode sans échec » après la panne.",
        // A quoted fragment in a related-article item.
        "Un premier paragraphe.\n> À lire aussi : Crise : le gouvernement promet une « sortie rapide »\n",
    ];
    for input in rows {
        assert_eq!(run(input, Lang::Fr), [], "{input:?}");
    }
    // A charge in a clause is what someone says: "accusée de « ne pas respecter … »".
    let found = run(
        "Des associations dénoncent cette règle. Elle est accusée de « ne pas respecter la loi ».",
        Lang::Fr,
    );
    assert_eq!(found.len(), 1, "{found:?}");
    // A translation in brackets after the quotation is not a second quotation.
    let found = run(
        "Il a conclu par une devise : « Jusqu'à la victoire, toujours ! » ( « Hasta la victoria, siempre » ).",
        Lang::Fr,
    );
    assert_eq!(found.len(), 1, "{found:?}");
}

#[test]
fn quotes_over_paragraphs_and_with_narrow_spaces() {
    let found = run(
        "Le juge Paul Roy a déclaré : « Le dossier est lourd.\n« Il faudra des mois pour l'instruire. »\n",
        Lang::Fr,
    );
    assert_eq!(found.len(), 1);
    assert_eq!(
        found[0].text,
        "Le dossier est lourd.\n« Il faudra des mois pour l'instruire."
    );
    assert_eq!(found[0].speaker.as_deref(), Some("Paul Roy"));
    let found = run(
        "Selon Ana Costa, le site est «\u{202f}hors service\u{202f}».",
        Lang::Fr,
    );
    assert_eq!(found[0].text, "hors service");
    let found = run(
        "Le maire a dit \"nous rouvrirons l'école\" puis \"pas avant lundi\".",
        Lang::Fr,
    );
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!(found[1].text, "pas avant lundi");
}

#[test]
fn english_cues() {
    let rows: &[Row] = &[
        (
            "\"We will not give up,\" said John Carter.",
            "We will not give up,",
            Some("John Carter"),
            Some("said"),
        ),
        (
            "“The bridge is safe,” the mayor said on Monday.",
            "The bridge is safe,",
            Some("the mayor"),
            Some("said"),
        ),
        (
            "Mary Hall told reporters: “We found nothing unusual in the samples.”",
            "We found nothing unusual in the samples.",
            Some("Mary Hall"),
            Some("told"),
        ),
        (
            "According to Peter Lee, the plan was “doomed from the start”.",
            "doomed from the start",
            Some("Peter Lee"),
            Some("According to"),
        ),
        (
            "Anna Berg runs the clinic. “It has been a long winter for everyone,” she added.",
            "It has been a long winter for everyone,",
            Some("Anna Berg"),
            Some("added"),
        ),
        (
            "The company says the product is “completely safe”.",
            "completely safe",
            Some("The company"),
            Some("says"),
        ),
        (
            "The fire chief, Sam Ortiz, said on Monday that the blaze was “under control”.",
            "under control",
            Some("Sam Ortiz"),
            Some("said"),
        ),
        (
            "“Prices will rise again next year,” warned the central bank.",
            "Prices will rise again next year,",
            Some("the central bank"),
            Some("warned"),
        ),
        (
            "Firefighters arrived at midnight. “The flames were everywhere,” they said.",
            "The flames were everywhere,",
            Some("Firefighters"),
            Some("said"),
        ),
    ];
    check(rows, Lang::En);
    for input in [
        "He read the novel “War and Peace” twice.",
        "The so-called “quiet revolution” began in 1960.",
        "The newspaper “The Morning Star” closed in May.",
        "The word “freedom” appears six times in the speech.",
        "Voters wore “green scarves” at the rally.",
    ] {
        assert_eq!(run(input, Lang::En), [], "{input:?}");
    }
}

/// An entity over the `nth` occurrence of `needle` in the document's text, as the recogniser would give it.
fn entity_at(
    doc: &Document<'_>,
    needle: &str,
    nth: usize,
    kind: crate::analysis::EntityKind,
    canonical: &str,
) -> crate::analysis::Entity {
    let start = doc
        .text
        .match_indices(needle)
        .nth(nth)
        .map(|(i, _)| i)
        .unwrap();
    crate::analysis::Entity {
        span: doc.span(start..start + needle.len()),
        kind,
        canonical: canonical.to_string(),
    }
}

#[test]
fn a_pronoun_prefers_the_person_the_article_is_about_to_one_in_a_complement() {
    use crate::analysis::EntityKind;
    let input = "Paul Roux a prêté serment à midi. Paul Roux a levé la main. La cérémonie a été saluée par des \
                 canons. Le ciel était clair. Il a parlé avec Marc Petit. « Nous allons réussir », a-t-il affirmé.";
    let article = load_str(input, Format::Text, Some(Lang::Fr));
    let doc = Document::new(&article);
    let person =
        |needle: &str, nth: usize| entity_at(&doc, needle, nth, EntityKind::Person, needle);
    let entities = [
        person("Paul Roux", 0),
        person("Paul Roux", 1),
        person("Marc Petit", 0),
    ];
    let found = find(&doc, Lang::Fr, &entities);
    let speaker = found[0].speaker.as_ref().map(|s| s.canonical.as_str());
    assert_eq!(speaker, Some("Paul Roux"), "{found:?}");
}

#[test]
fn a_name_the_recogniser_found_ends_the_complement_before_it() {
    use crate::analysis::EntityKind;
    let input = "Selon ce qu'a confié à France Info Jacques Vidal, préfet de la Manche, « un ventilateur a explosé ».";
    let article = load_str(input, Format::Text, Some(Lang::Fr));
    let doc = Document::new(&article);
    let entities = [
        entity_at(
            &doc,
            "France Info",
            0,
            EntityKind::Organization,
            "France Info",
        ),
        entity_at(
            &doc,
            "Jacques Vidal",
            0,
            EntityKind::Person,
            "Jacques Vidal",
        ),
    ];
    let found = find(&doc, Lang::Fr, &entities);
    let speaker = found[0].speaker.as_ref().map(|s| s.canonical.as_str());
    assert_eq!(speaker, Some("Jacques Vidal"), "{found:?}");
}

#[test]
fn entities_snap_descriptions_to_names_and_give_canonical_names() {
    use crate::analysis::EntityKind;
    let input = "Le porte-parole du ministère, Wang Wenbin, a déclaré : « La visite aura lieu en mars. » \
                 « Elle sera longue », a ajouté Wang. Le Kremlin a indiqué que la rencontre serait « utile ». \
                 La femme de Paul Dubois a dit que le voyage était « une bonne idée ». \
                 L'Écho du Nord a refusé la tribune. Le journal estime qu'elle est « une atteinte à la liberté ».";
    let article = load_str(input, Format::Text, Some(Lang::Fr));
    let doc = Document::new(&article);
    let entity = |needle: &str, nth: usize, kind: EntityKind, canonical: &str| {
        entity_at(&doc, needle, nth, kind, canonical)
    };
    let entities = [
        entity("ministère", 0, EntityKind::Organization, "ministère"),
        entity("Wang Wenbin", 0, EntityKind::Person, "Wang Wenbin"),
        entity("Wang", 1, EntityKind::Person, "Wang Wenbin"),
        entity("Kremlin", 0, EntityKind::Organization, "Kremlin de Moscou"),
        entity("Paul Dubois", 0, EntityKind::Person, "Paul Dubois"),
        entity(
            "Écho du Nord",
            0,
            EntityKind::Organization,
            "L'Écho du Nord",
        ),
    ];
    let found: Vec<(String, String)> = find(&doc, Lang::Fr, &entities)
        .into_iter()
        .map(|q| {
            let s = q.speaker.unwrap();
            (s.span.text(input).to_string(), s.canonical)
        })
        .collect();
    let want = [
        ("Wang Wenbin", "Wang Wenbin"),
        ("Wang", "Wang Wenbin"),
        ("Le Kremlin", "Kremlin de Moscou"),
        ("La femme de Paul Dubois", "femme de Paul Dubois"),
        // A definite description stands for the organisation of its kind named just before.
        ("Le journal", "L'Écho du Nord"),
    ];
    let want: Vec<(String, String)> = want
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect();
    assert_eq!(found, want);
}

#[test]
fn broken_marks_and_odd_text_do_not_panic() {
    for input in [
        "«",
        "»»««",
        "\"",
        "« \n »",
        "« » ( « » )",
        "a-t-il « oui »",
        "— « x »\n— Nom",
        "selon « x » selon",
        "M. « x » M.",
        "L' « x » ' «",
        "« a « b » c » d » e «",
        "\"a\" \"b\" \"c",
        "“ ” ‹ › „ “",
        "Il a dit : « \u{a0}\u{202f} »",
    ] {
        run(input, Lang::Fr);
        run(input, Lang::En);
    }
}

proptest::proptest! {
    #[test]
    fn any_text_with_marks_analyses_without_panic(
        input in "[«»\"“”‹› a-zA-Zéèà,.:;'’()\\-—\n]{0,160}"
    ) {
        run(&input, Lang::Fr);
        run(&input, Lang::En);
    }
}

#[test]
fn english_he_and_she_are_people_of_their_gender() {
    // "he" is neither an organisation nor Mayor Linda Park: no source is better than a wrong one.
    let found = run(
        "“We have never seen water this high,” said Mayor Linda Park.\nAccording to the weather office, “more rain is expected”.\n“It is a disaster,” he told reporters.",
        Lang::En,
    );
    assert_eq!(found.len(), 3, "{found:?}");
    assert_eq!(found[2].speaker, None, "{found:?}");
    // "she" finds the mayor past the office.
    let found = run(
        "“We have never seen water this high,” said Mayor Linda Park.\nAccording to the weather office, “more rain is expected”.\n“It is a disaster,” she told reporters.",
        Lang::En,
    );
    assert_eq!(
        found[2].speaker.as_deref(),
        Some("Mayor Linda Park"),
        "{found:?}"
    );
}
