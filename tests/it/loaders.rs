//! The loaders on fixtures written for them: pages shaped like French and English news sites, JSON and
//! Markdown articles, plain text, broken and hostile inputs.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use liseuse::article::{self, sanitize};
use liseuse::{Article, BlockKind, Format};

fn fixture(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(path)
}

fn load(path: &str) -> Article {
    article::load_path(&fixture(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn blocks(a: &Article) -> Vec<(BlockKind, &str)> {
    a.blocks.iter().map(|b| (b.kind, a.slice(b.span))).collect()
}

fn related(a: &Article) -> Vec<(&str, Option<&str>)> {
    a.related
        .iter()
        .map(|r| (r.title.as_str(), r.url.as_deref()))
        .collect()
}

/// What a fixture must load into, written by hand from the fixture.
struct Expected {
    path: &'static str,
    format: Format,
    title: &'static str,
    site: Option<&'static str>,
    url: Option<&'static str>,
    authors: &'static [&'static str],
    published: Option<(i32, u32, u32)>,
    language: &'static str,
    /// Blocks that must appear, in this order (others may come between them).
    blocks: &'static [(BlockKind, &'static str)],
    related: &'static [(&'static str, Option<&'static str>)],
    /// Words from page furniture that must not reach the text.
    absent: &'static [&'static str],
}

use BlockKind::{Blockquote, Heading, Paragraph, Promo, Related, Title};

const CASES: &[Expected] = &[
    Expected {
        path: "html/lemonde-like.html",
        format: Format::Html,
        title: "Exemple liseuse : la ville de Quimperlé rouvre son pont médiéval",
        site: Some("Le Quotidien d'Exemple"),
        url: Some(
            "https://www.quotidien-exemple.fr/regions/article/2023/03/17/pont-medieval_123.html",
        ),
        authors: &["Claire Exemple", "Yann Fictif"],
        published: Some((2023, 3, 17)),
        language: "fr",
        blocks: &[
            (
                Title,
                "Exemple liseuse : la ville de Quimperlé rouvre son pont médiéval",
            ),
            (
                Paragraph,
                "Après deux ans de travaux, l'ouvrage de pierre accueille de nouveau les piétons ce vendredi.",
            ),
            (
                Related,
                "Lire aussi : Le chantier du pont médiéval de Quimperlé prend du retard",
            ),
            (Heading, "Une circulation limitée aux piétons"),
            (
                Blockquote,
                "Nous perdrons des clients de passage, c'est certain.",
            ),
            (
                Paragraph,
                "Une fête est prévue le 8 avril pour célébrer l'ouvrage.",
            ),
            (
                Related,
                "Sur le même sujet : Les ponts anciens de Bretagne sous surveillance",
            ),
        ],
        related: &[
            (
                "Le chantier du pont médiéval de Quimperlé prend du retard",
                Some(
                    "https://www.quotidien-exemple.fr/regions/article/2022/11/02/chantier-du-pont_456.html",
                ),
            ),
            (
                "Les ponts anciens de Bretagne sous surveillance",
                Some(
                    "https://www.quotidien-exemple.fr/regions/article/2021/05/10/ponts-bretons_789.html",
                ),
            ),
            (
                "Patrimoine : des communes financent leurs chantiers",
                Some(
                    "https://www.quotidien-exemple.fr/regions/article/2022/06/01/patrimoine_321.html",
                ),
            ),
        ],
        absent: &[
            "cookies",
            "Accueil",
            "SCRIPT TEXT",
            "dataLayer",
            "color:",
            "PHOTO EXEMPLE",
            "Publicité",
            "Partager",
            "Commentaires",
            "Enfin !",
            "Les plus lus",
            "Mentions légales",
            "Publié le",
            "Bretagne\n",
            "résumé",
        ],
    },
    Expected {
        path: "html/ouestfrance-like.html",
        format: Format::Html,
        title: "Exemple liseuse. À Lorient, un nouveau bateau pour les sauveteurs en mer",
        site: Some("Exemple-Ouest.fr"),
        url: Some("https://www.exemple-ouest.fr/bretagne/lorient/canot-1234"),
        authors: &["Gwenaël Exemple"],
        published: Some((2016, 1, 5)),
        language: "fr",
        blocks: &[
            (
                Title,
                "Exemple liseuse. À Lorient, un nouveau bateau pour les sauveteurs en mer",
            ),
            (
                Paragraph,
                "Le canot tout temps a été baptisé samedi dans le port de pêche, en présence de plusieurs centaines de personnes.",
            ),
            (
                Related,
                "À lire aussi : Les sauveteurs en mer de Lorient recrutent des bénévoles",
            ),
            (
                Paragraph,
                "Le président de la station a salué « un outil formidable » et remercié les donateurs. Le bateau a coûté près de deux millions d'euros.",
            ),
            (Promo, "Toute l'actualité de Lorient sur Exemple-Ouest.fr"),
        ],
        related: &[
            (
                "Les sauveteurs en mer de Lorient recrutent des bénévoles",
                Some("https://www.exemple-ouest.fr/bretagne/lorient/sauveteurs-recrutent-999"),
            ),
            (
                "Tempête : la liaison avec Groix suspendue deux jours",
                Some("https://www.exemple-ouest.fr/bretagne/groix/tempete-888"),
            ),
        ],
        absent: &[
            "Publicité",
            "Facebook",
            "Bravo",
            "réactions",
            "très lu",
            "droits réservés",
            "Par Gwenaël",
        ],
    },
    Expected {
        path: "html/bbc-like.html",
        format: Format::Html,
        title: "Example liseuse: Harbour town votes to ban cars from its old bridge",
        site: Some("Example News"),
        url: Some("https://www.example-news.co.uk/news/uk-12345678"),
        authors: &["Tom Example"],
        published: Some((2023, 3, 14)),
        language: "en",
        blocks: &[
            (
                Title,
                "Example liseuse: Harbour town votes to ban cars from its old bridge",
            ),
            (
                Paragraph,
                "Councillors in a small harbour town have voted to close its eighteenth-century bridge to motor traffic.",
            ),
            (Heading, "Shops worried"),
            (Paragraph, "The bridge will close to cars on 1 June"),
            (Paragraph, "Cyclists will still be allowed to cross"),
            (
                Related,
                "More on this story: Consultation opens on bridge future",
            ),
        ],
        related: &[
            (
                "Consultation opens on bridge future",
                Some("https://www.example-news.co.uk/news/uk-11111111"),
            ),
            (
                "Bridge repairs to cost £2m, council says",
                Some("https://www.example-news.co.uk/news/uk-22222222"),
            ),
        ],
        absent: &[
            "Skip to content",
            "Home",
            "By Tom",
            "Local Democracy Reporter",
            "14 March 2023",
            "built in 1761",
            "Related Topics",
            "Local councils",
            "Top Stories",
            "unrelated",
            "Copyright",
        ],
    },
    Expected {
        path: "html/guardian-like.html",
        format: Format::Html,
        title: "Example liseuse: Museum returns carved stones to island",
        site: Some("The Example Guardian"),
        url: Some("https://www.example-guardian.com/culture/2023/mar/10/museum-stones"),
        authors: &["Priya Example"],
        published: Some((2023, 3, 10)),
        language: "en",
        blocks: &[
            (
                Title,
                "Example liseuse: Museum returns carved stones to island",
            ),
            (
                Paragraph,
                "Objects taken in the 19th century go back after years of talks",
            ),
            (
                Related,
                "Read more: Island renews its claim to carved stones held in museum",
            ),
            (Blockquote, "They belong where they were carved"),
            (
                Paragraph,
                "Islanders have planned a ceremony to welcome them home.",
            ),
            (
                Related,
                "Related stories: Why more museums are sending objects back",
            ),
        ],
        related: &[
            (
                "Island renews its claim to carved stones held in museum",
                Some("https://www.example-guardian.com/culture/2022/jan/05/stones-dispute"),
            ),
            (
                "Why more museums are sending objects back",
                Some("https://www.example-guardian.com/culture/2021/apr/01/other-returns"),
            ),
        ],
        absent: &[
            "subscribe",
            "Culture\n",
            "Arts correspondent",
            "Advertisement",
            "Museums",
            "Share on",
            "Comments",
            "Great news",
            "Analysis",
            "©",
        ],
    },
    Expected {
        path: "html/broken.html",
        format: Format::Html,
        title: "Page cassée : un article sans balises propres",
        site: None,
        url: None,
        authors: &[],
        published: None,
        language: "fr",
        blocks: &[
            (Title, "Page cassée : un article sans balises propres"),
            (Paragraph, "Premier paragraphe sans fin de balise"),
            (
                Paragraph,
                "Deuxième paragraphe avec gras et italique mal fermés.",
            ),
            (
                Paragraph,
                "Un paragraphe dans un span, ce qui est interdit mais fréquent.",
            ),
            (Related, "À lire aussi : Un autre article sur le même thème"),
        ],
        related: &[(
            "Un autre article sur le même thème",
            Some("/autre-article.html"),
        )],
        absent: &["pas du texte", "var x"],
    },
    Expected {
        path: "json/body-string.json",
        format: Format::Json,
        title: "Exemple liseuse : le marché de Noël de Vannes s'installe",
        site: Some("Exemple-Ouest.fr"),
        url: Some("https://www.exemple-ouest.fr/bretagne/vannes/marche-noel-42"),
        authors: &["Loïc Exemple", "Nina Fictive"],
        published: Some((2023, 11, 30)),
        language: "fr",
        blocks: &[
            (
                Title,
                "Exemple liseuse : le marché de Noël de Vannes s'installe",
            ),
            (
                Paragraph,
                "Les premiers chalets ont été montés mercredi sur la place des Lices.",
            ),
            (
                Paragraph,
                "Une quarantaine d'exposants sont attendus jusqu'au 24 décembre.",
            ),
            (
                Related,
                "À lire aussi : Exemple liseuse : les illuminations de Vannes coûteront moins cher",
            ),
            (Paragraph, "Le maire a promis « une édition plus sobre »."),
            (Related, "Exemple liseuse : à Lorient, la patinoire revient"),
        ],
        related: &[
            (
                "Exemple liseuse : les illuminations de Vannes coûteront moins cher",
                Some("https://www.exemple-ouest.fr/bretagne/vannes/illuminations-41"),
            ),
            (
                "Exemple liseuse : à Lorient, la patinoire revient",
                Some("https://www.exemple-ouest.fr/bretagne/lorient/patinoire-40"),
            ),
        ],
        absent: &["\n\n"],
    },
    Expected {
        path: "json/body-blocks.json",
        format: Format::Json,
        title: "Example liseuse: Seaside library lends out fishing rods",
        site: Some("Example News"),
        url: None,
        authors: &["Sam Example"],
        published: Some((2024, 5, 2)),
        language: "en",
        blocks: &[
            (
                Title,
                "Example liseuse: Seaside library lends out fishing rods",
            ),
            (
                Paragraph,
                "A library on the coast has started lending fishing rods alongside its books.",
            ),
            (Heading, "A popular idea"),
            (
                Paragraph,
                "More than sixty rods were borrowed in the first week, the librarian said.",
            ),
            (Blockquote, "People come for a rod and leave with a novel."),
            (
                Related,
                "Example liseuse: Town hall opens its archives to the public",
            ),
        ],
        related: &[(
            "Example liseuse: Town hall opens its archives to the public",
            Some("https://www.example-news.co.uk/news/archives-7"),
        )],
        absent: &[],
    },
    Expected {
        path: "markdown/chronique.md",
        format: Format::Markdown,
        title: "Exemple liseuse : le phare de l'île Vierge se visite à nouveau",
        site: Some("Exemple-Ouest.fr"),
        url: Some("https://www.exemple-ouest.fr/bretagne/plouguerneau/phare-77"),
        authors: &["Morgane Exemple"],
        published: Some((2022, 7, 1)),
        language: "fr",
        blocks: &[
            (
                Title,
                "Exemple liseuse : le phare de l'île Vierge se visite à nouveau",
            ),
            (
                Paragraph,
                "Fermé depuis trois ans, le plus haut phare d'Europe en pierre de taille rouvre ses portes aux visiteurs ce vendredi.",
            ),
            (Heading, "Trois cent soixante-cinq marches"),
            (
                Blockquote,
                "« On ne se lasse jamais de cette vue », confie une guide.",
            ),
            (
                Related,
                "À lire aussi : Exemple liseuse : les phares bretons attirent de plus en plus de visiteurs",
            ),
            (
                Paragraph,
                "Les visites ont lieu tous les jours en juillet et en août.",
            ),
            (
                Related,
                "Read more: Example liseuse: Lighthouse keepers remember",
            ),
        ],
        related: &[
            (
                "Exemple liseuse : les phares bretons attirent de plus en plus de visiteurs",
                Some("https://www.exemple-ouest.fr/bretagne/phares-76"),
            ),
            (
                "Example liseuse: Lighthouse keepers remember",
                Some("https://www.example-news.co.uk/news/keepers-5"),
            ),
        ],
        absent: &["**", "---", "title:", "](", "# "],
    },
    Expected {
        path: "text/depeche.txt",
        format: Format::Text,
        title: "Exemple liseuse : la médiathèque de Morlaix ouvre le dimanche",
        site: Some("Exemple-Ouest.fr"),
        url: None,
        authors: &[],
        published: None,
        language: "fr",
        blocks: &[
            (
                Title,
                "Exemple liseuse : la médiathèque de Morlaix ouvre le dimanche",
            ),
            (
                Related,
                "À lire aussi : Exemple liseuse : à Brest, les bibliothèques prêtent aussi des outils",
            ),
            (
                Paragraph,
                "L'expérience durera six mois avant un premier bilan.",
            ),
            (Promo, "Toute l'actualité du Finistère sur Exemple-Ouest.fr"),
        ],
        related: &[(
            "Exemple liseuse : à Brest, les bibliothèques prêtent aussi des outils",
            None,
        )],
        absent: &[],
    },
];

#[test]
fn every_format_loads_its_fixtures() {
    for case in CASES {
        let a = load(case.path);
        let path = case.path;
        assert_eq!(a.format, case.format, "{path}: format");
        assert_eq!(a.title.as_deref(), Some(case.title), "{path}: title");
        assert_eq!(a.site.as_deref(), case.site, "{path}: site");
        assert_eq!(a.url.as_deref(), case.url, "{path}: url");
        assert_eq!(a.authors, case.authors, "{path}: authors");
        let published = case
            .published
            .and_then(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d));
        assert_eq!(a.published, published, "{path}: published");
        assert_eq!(a.language.code(), case.language, "{path}: language");
        assert_eq!(related(&a), case.related, "{path}: related");
        // The expected blocks come in order; the title block comes first.
        assert_eq!(blocks(&a).first().map(|b| b.0), Some(Title), "{path}");
        let got = blocks(&a);
        let mut from = 0;
        for want in case.blocks {
            let at = got[from..].iter().position(|b| b == want);
            let Some(at) = at else {
                panic!("{path}: block {want:?} missing or out of order in {got:#?}");
            };
            from += at + 1;
        }
        for word in case.absent {
            assert!(
                !a.text.contains(word),
                "{path}: {word:?} should not be in the text:\n{}",
                a.text
            );
        }
    }
}

/// Every block is one line of the text, blocks follow each other, and related items lie within related blocks.
#[test]
fn spans_index_the_text_in_bytes_and_chars() {
    for case in CASES {
        let a = load(case.path);
        let chars: Vec<char> = a.text.chars().collect();
        let mut last_end = 0;
        for block in &a.blocks {
            let by_bytes = a.slice(block.span);
            let by_chars: String = chars[block.span.chars()].iter().collect();
            assert_eq!(by_bytes, by_chars, "{}", case.path);
            assert!(!by_bytes.trim().is_empty(), "{}", case.path);
            assert!(block.span.char_start >= last_end, "{}", case.path);
            last_end = block.span.char_end;
        }
        for item in &a.related {
            let span = item.span.expect("related items in the text have a span");
            let by_chars: String = chars[span.chars()].iter().collect();
            assert_eq!(by_chars, item.title, "{}", case.path);
            assert!(
                a.blocks
                    .iter()
                    .any(|b| b.kind == Related && b.span.contains(&span)),
                "{}: {:?} is not inside a related block",
                case.path,
                item.title
            );
        }
    }
}

#[test]
fn structured_formats_are_sniffed_on_standard_input() {
    let rows = [
        ("html/lemonde-like.html", Format::Html),
        ("html/broken.html", Format::Html),
        ("json/body-blocks.json", Format::Json),
        ("markdown/chronique.md", Format::Markdown),
        ("text/depeche.txt", Format::Text),
    ];
    for (path, want) in rows {
        let bytes = std::fs::read(fixture(path)).unwrap();
        let a = article::load_bytes(&bytes, None).unwrap();
        assert_eq!(a.format, want, "{path}");
    }
}

#[test]
fn json_that_is_not_an_article_is_a_parse_error() {
    for path in ["broken/wrong-body-type.json", "broken/truncated.json"] {
        let err = article::load_path(&fixture(path)).unwrap_err();
        assert!(
            matches!(err.kind(), liseuse::ErrorKind::Parse { format: "json", .. }),
            "{path}: {err}"
        );
        assert!(!err.to_string().contains('\n'), "{path}: one line");
    }
    let err = article::load_path(&fixture("broken/wrong-body-type.json")).unwrap_err();
    assert_eq!(
        err.to_string(),
        "invalid json: \"body\" must be a string or a list of paragraphs, found a number"
    );
}

/// Hostile inputs: the payloads must be gone from every string the article holds, whatever the format.
#[test]
fn hostile_fixtures_are_sanitised_in_every_string() {
    // Each with a sentence around the payloads that must come through whole.
    for (path, kept) in [
        ("hostile/hostile.txt", "le presse-papiers ici."),
        (
            "hostile/hostile.html",
            "Presse-papiers écrit. Écran effacé.",
        ),
        ("hostile/hostile.json", "Un paragraphe ici."),
        ("hostile/hostile.md", "Un paragraphe ici et là."),
    ] {
        let a = load(path);
        let mut strings: Vec<&str> = vec![&a.text];
        strings.extend(a.title.as_deref());
        strings.extend(a.site.as_deref());
        strings.extend(a.url.as_deref());
        strings.extend(a.authors.iter().map(String::as_str));
        for r in &a.related {
            strings.push(&r.title);
            strings.extend(r.url.as_deref());
        }
        for s in strings {
            assert_clean(path, s);
            for payload in ["52;c", "]0;", "]2;", "[2J", "pwned", "owned"] {
                assert!(!s.contains(payload), "{path}: {payload:?} in {s:?}");
            }
        }
        assert!(
            a.text.contains(kept),
            "{path}: {kept:?} not in {:?}",
            a.text
        );
    }
}

/// No escape, no C0 control but newline and tab, no C1 control, no bidirectional control.
pub fn assert_clean(what: &str, s: &str) {
    for c in s.chars() {
        let c0 = (c as u32) < 0x20 && c != '\n' && c != '\t';
        let c1 = (0x7F..=0x9F).contains(&(c as u32));
        assert!(
            !c0 && !c1 && !sanitize::is_bidi_control(c),
            "{what}: forbidden {:?} (U+{:04X}) in {s:?}",
            c,
            c as u32
        );
    }
}

mod any_input {
    use liseuse::article::{self, Format};
    use proptest::prelude::*;

    /// Pieces of markup, labels and escape sequences that loaders must survive in any order.
    const PIECES: &[&str] = &[
        "<div>",
        "</div>",
        "<p>",
        "</p>",
        "<article>",
        "</article>",
        "<h1>",
        "</h1>",
        "<h2>",
        "<a href=\"/x\">",
        "<a href=../y>",
        "</a>",
        "<ul><li>",
        "</li>",
        "<br>",
        "<blockquote>",
        "<aside class=related>",
        "<nav>",
        "<script>",
        "</script>",
        "<time datetime=2023-03-17>",
        "<meta property=og:title content=T>",
        "À lire aussi : ",
        "Read more: ",
        "Par Jean Dupont ",
        "Toute l'actualité sur X ",
        "\u{1b}]52;c;eA==\u{7}",
        "\u{1b}[2J",
        "\u{202e}",
        "\u{9b}1m",
        "é",
        " ",
        "\n",
        "\n\n",
        "Un mot.",
        "{",
        "}",
        "[",
        "]",
        "\"body\": ",
        "\"title\": ",
        "\"x\"",
        ",",
        ":",
        "# ",
        "## ",
        "> ",
        "- ",
        "[t](u)",
        "---\n",
        "title: T\n",
        "&#27;",
        "&lt;",
    ];

    fn pieces() -> impl Strategy<Value = String> {
        prop::collection::vec(prop::sample::select(PIECES), 0..80).prop_map(|v| v.concat())
    }

    fn check(input: &str) {
        for format in [Format::Text, Format::Html, Format::Json, Format::Markdown] {
            let Ok(a) = article::try_load_str(input, format, None) else {
                assert_eq!(format, Format::Json, "only JSON may refuse its input");
                continue;
            };
            let chars: Vec<char> = a.text.chars().collect();
            for block in &a.blocks {
                let by_chars: String = chars[block.span.chars()].iter().collect();
                assert_eq!(a.slice(block.span), by_chars);
            }
            for item in &a.related {
                if let Some(span) = item.span {
                    assert!(span.char_end <= chars.len());
                }
                super::assert_clean("related", &item.title);
                super::assert_clean("related url", item.url.as_deref().unwrap_or(""));
            }
            super::assert_clean("text", &a.text);
            for s in [&a.title, &a.site, &a.url].into_iter().flatten() {
                super::assert_clean("metadata", s);
            }
            for s in &a.authors {
                super::assert_clean("author", s);
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]

        #[test]
        fn markup_pieces_in_any_order_load_without_panic(input in pieces()) {
            check(&input);
        }

        #[test]
        fn arbitrary_strings_load_without_panic(input in any::<String>()) {
            check(&input);
        }
    }
}
