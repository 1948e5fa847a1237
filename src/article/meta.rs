//! What the structured loaders (HTML, JSON, Markdown) share: resolving links, reading dates and author lists,
//! recognising related-article labels, and placing related items in the text with their spans.

use chrono::NaiveDate;

use super::{BlockKind, RelatedLink, Span, TextBuilder, sanitize, text};

/// Labels that head a related-article section or open a related item, lower-case, apostrophes straight.
const SECTION_LABELS: &[&str] = &[
    "à lire aussi",
    "a lire aussi",
    "lire aussi",
    "à lire également",
    "a lire également",
    "lire également",
    "à voir aussi",
    "a voir aussi",
    "voir aussi",
    "sur le même sujet",
    "sur le meme sujet",
    "dans la même rubrique",
    "articles liés",
    "nos articles sur le sujet",
    "read more",
    "read also",
    "also read",
    "see also",
    "related",
    "related articles",
    "related stories",
    "related content",
    "related links",
    "more on this story",
    "more on this topic",
    "more on this subject",
];

/// Labels that are English, so that their items read "Label: title" rather than "Label : title".
const ENGLISH_LABELS: &[&str] = &["read", "also", "see", "related", "more"];

/// Normalises a label for comparison: lower case, straight apostrophes, trailing punctuation removed.
fn normalize_label(s: &str) -> String {
    sanitize::clean_line(s)
        .to_lowercase()
        .replace('’', "'")
        .trim_end_matches([':', '.', '…', '-', '—', '–', '|', '»', '>', ' ', '\u{A0}'])
        .trim_start_matches(['»', '>', '|', '•', ' '])
        .to_string()
}

/// Whether a short text is, by itself, the label of a related-article section ("Sur le même sujet", "Read
/// more:"), not a sentence that happens to start with such words.
pub(crate) fn is_section_label(s: &str) -> bool {
    let label = normalize_label(s);
    if label.is_empty() || label.chars().count() > 40 {
        return false;
    }
    SECTION_LABELS.contains(&label.as_str())
}

/// The separator that joins a section's label and an item's title in the text.
pub(crate) fn join_label(label: &str, title: &str) -> String {
    let label = sanitize::clean_line(label);
    let label = label
        .trim_end_matches([':', ' ', '\u{A0}', '|', '-', '—', '–'])
        .to_string();
    let english = label
        .split_whitespace()
        .next()
        .is_some_and(|w| ENGLISH_LABELS.contains(&w.to_lowercase().as_str()));
    if english {
        format!("{label}: {title}")
    } else {
        format!("{label} : {title}")
    }
}

/// The title part of an inline related item ("À lire aussi : TITLE"), when the line opens with a label.
pub(crate) fn inline_related_title(line: &str) -> Option<&str> {
    text::related_title(line)
}

/// The links of a related-article line as items: their titles with addresses resolved against the base, links
/// without a visible title left out.
pub(crate) fn related_links(
    links: &[(String, String)],
    base: Option<&str>,
) -> Vec<(String, Option<String>)> {
    links
        .iter()
        .map(|(title, href)| (title.clone(), resolve_url(base, href)))
        .filter(|(title, _)| !sanitize::clean_line(title).is_empty())
        .collect()
}

/// An absolute address for a link found in a page, resolved against the page's base or canonical address.
/// Links that lead nowhere useful (fragments, `javascript:`, `mailto:`) give `None`; without a base a relative
/// link is kept as written.
pub(crate) fn resolve_url(base: Option<&str>, href: &str) -> Option<String> {
    let href = sanitize::clean_line(href);
    let href = href.trim();
    if href.is_empty() || href.starts_with('#') {
        return None;
    }
    let lower = href.to_ascii_lowercase();
    if ["javascript:", "mailto:", "tel:", "data:", "about:"]
        .iter()
        .any(|s| lower.starts_with(s))
    {
        return None;
    }
    if has_scheme(href) {
        return Some(href.to_string());
    }
    let Some(base) = base.map(str::trim).filter(|b| has_scheme(b)) else {
        return Some(href.to_string());
    };
    let (scheme, rest) = base.split_once("://").unwrap_or(("https", base));
    let rest = rest.split(['#']).next().unwrap_or("");
    let (authority, path_and_query) = match rest.find('/') {
        Some(i) => (&rest[..i], &rest[i..]),
        None => (rest, "/"),
    };
    let path = path_and_query.split('?').next().unwrap_or("/");
    if let Some(rest) = href.strip_prefix("//") {
        return Some(format!("{scheme}://{rest}"));
    }
    let joined = if href.starts_with('/') {
        href.to_string()
    } else if href.starts_with('?') {
        format!("{path}{href}")
    } else {
        let dir = &path[..path.rfind('/').map_or(0, |i| i + 1)];
        format!("{dir}{href}")
    };
    Some(format!(
        "{scheme}://{authority}{}",
        remove_dot_segments(&joined)
    ))
}

fn has_scheme(s: &str) -> bool {
    match s.find("://") {
        Some(i) if i > 0 => s[..i]
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.')),
        _ => false,
    }
}

/// Resolves `.` and `..` in the path part of a reference (RFC 3986, section 5.2.4), keeping its query.
fn remove_dot_segments(reference: &str) -> String {
    let split = reference.find(['?', '#']).unwrap_or(reference.len());
    let (path, tail) = reference.split_at(split);
    let mut out: Vec<&str> = Vec::new();
    let segments: Vec<&str> = path.split('/').collect();
    let last = segments.len().saturating_sub(1);
    for (i, segment) in segments.iter().enumerate() {
        match *segment {
            "." => {
                if i == last {
                    out.push("");
                }
            }
            ".." => {
                if out.len() > 1 {
                    out.pop();
                }
                if i == last {
                    out.push("");
                }
            }
            s => out.push(s),
        }
    }
    let mut path = out.join("/");
    if !path.starts_with('/') {
        path.insert(0, '/');
    }
    path + tail
}

/// A calendar date from the ways pages write one: ISO 8601 dates and date-times (`2023-03-17`,
/// `2023-03-17T10:00:00+01:00`), `2023/03/17`, `20230317`, or RFC 2822 (`Fri, 17 Mar 2023 10:00:00 +0100`).
/// The date is the one written, in the writer's own time zone.
pub(crate) fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    let head: String = s.chars().take(10).collect();
    for format in ["%Y-%m-%d", "%Y/%m/%d"] {
        if let Ok(date) = NaiveDate::parse_from_str(&head, format) {
            return Some(date);
        }
    }
    if s.len() >= 8 && s.as_bytes()[..8].iter().all(u8::is_ascii_digit) {
        let digits = s.get(..8)?;
        if s.len() == 8 || !s.as_bytes()[8].is_ascii_digit() {
            return NaiveDate::parse_from_str(digits, "%Y%m%d").ok();
        }
    }
    chrono::DateTime::parse_from_rfc2822(s)
        .ok()
        .map(|d| d.date_naive())
}

/// Splits a list of names as sites write it: "A, B et C", "A and B", "A & B", "A; B".
pub(crate) fn split_authors(s: &str) -> Vec<String> {
    let clean = sanitize::clean_line(s);
    let mut names = Vec::new();
    for part in clean.split([',', ';', '&', '/', '|']) {
        for name in split_words(part, &[" et ", " and ", " avec ", " with "]) {
            let name = name.trim().trim_matches(['.', ':', '-', '—', '–']).trim();
            if !name.is_empty() && !names.iter().any(|n: &String| n == name) {
                names.push(name.to_string());
            }
        }
    }
    names
}

fn split_words<'a>(s: &'a str, separators: &[&str]) -> Vec<&'a str> {
    let mut parts = vec![s];
    for sep in separators {
        parts = parts.into_iter().flat_map(|p| p.split(sep)).collect();
    }
    parts
}

/// The names of a byline ("Par Jean Dupont et Marie Martin", "By Jane Doe, Political editor"), or `None`
/// when the line does not read as one.
pub(crate) fn byline_names(line: &str) -> Option<Vec<String>> {
    let line = sanitize::clean_line(line);
    if line.split_whitespace().count() > 16 {
        return None;
    }
    let rest = [
        "Par ",
        "par ",
        "PAR ",
        "By ",
        "by ",
        "BY ",
        "Written by ",
        "Texte : ",
    ]
    .iter()
    .find_map(|p| line.strip_prefix(p))?;
    // The names end where a role, a date or a place begins.
    let mut end = rest.len();
    for stop in [
        " - ",
        " – ",
        " — ",
        " | ",
        "•",
        " le ",
        " Le ",
        " à ",
        " in ",
        " publié",
        " Publié",
        " Published",
        " published",
        " Updated",
        " updated",
        " Mis à jour",
        " Photo",
        "(",
    ] {
        if let Some(i) = rest.find(stop) {
            end = end.min(i);
        }
    }
    let mut names = Vec::new();
    for part in split_words(&rest[..end], &[" et ", " and ", " & ", " avec ", " with "]) {
        for (i, piece) in part.split(',').enumerate() {
            let piece = piece.trim();
            // After a comma a word in lower case starts a role: "Jean Dupont, envoyé spécial".
            if i > 0 && !piece.starts_with(char::is_uppercase) {
                break;
            }
            if is_name(piece) {
                names.push(piece.to_string());
            } else if i > 0 {
                break;
            }
        }
    }
    (!names.is_empty()).then_some(names)
}

fn is_name(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    // Every word of a name is capitalised but its particles ("Charles de Gaulle", "Ludwig van Beethoven").
    const PARTICLES: &[&str] = &[
        "de", "du", "des", "d'", "van", "von", "der", "den", "da", "di", "le", "la", "bin", "ben",
        "al", "el",
    ];
    !words.is_empty()
        && words.len() <= 5
        && words[0].starts_with(char::is_uppercase)
        && words.iter().all(|w| {
            w.starts_with(char::is_uppercase)
                || PARTICLES.contains(w)
                || w.starts_with("d'")
                || w.starts_with("d’")
        })
        && !s.chars().any(|c| c.is_ascii_digit())
}

/// Appends a related-article block whose text is `line`, and one related item per `(title, url)`, each with
/// the span of its title inside the block (or the whole block when the title cannot be found in it).
pub(crate) fn push_related(
    builder: &mut TextBuilder,
    related: &mut Vec<RelatedLink>,
    line: &str,
    items: Vec<(String, Option<String>)>,
) -> bool {
    let Some(block) = builder.push(BlockKind::Related, line) else {
        return false;
    };
    let block_text = block.text(&builder.text).to_string();
    let mut cursor = 0;
    for (title, url) in items {
        let title = sanitize::clean_line(&title);
        if title.is_empty() {
            continue;
        }
        let span = match block_text[cursor..].find(&title) {
            Some(i) => {
                let start = cursor + i;
                cursor = start + title.len();
                sub_span(&block_text, block, start..cursor)
            }
            None => block,
        };
        // Past the cap the item stays in the text only, which also bounds this scan for duplicates.
        let duplicate = related.len() >= super::MAX_RELATED
            || related
                .iter()
                .any(|r| r.title == title && (r.url == url || url.is_none()));
        if !duplicate {
            related.push(RelatedLink {
                title,
                url,
                span: Some(span),
            });
        }
    }
    true
}

/// The span of a byte range of a block's text, in the article's coordinates.
fn sub_span(block_text: &str, block: Span, bytes: std::ops::Range<usize>) -> Span {
    let char_start = block.char_start + block_text[..bytes.start].chars().count();
    let char_end = char_start + block_text[bytes.clone()].chars().count();
    Span::new(
        block.byte_start + bytes.start..block.byte_start + bytes.end,
        char_start..char_end,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_resolve_against_the_base() {
        let base = Some("https://www.exemple.fr/monde/article/2023/03/17/xi.html?x=1#top");
        let rows = [
            (
                "/politique/a.html",
                "https://www.exemple.fr/politique/a.html",
            ),
            (
                "b.html",
                "https://www.exemple.fr/monde/article/2023/03/17/b.html",
            ),
            (
                "../16/c.html",
                "https://www.exemple.fr/monde/article/2023/03/16/c.html",
            ),
            (
                "./d.html?p=2",
                "https://www.exemple.fr/monde/article/2023/03/17/d.html?p=2",
            ),
            ("//cdn.exemple.net/e", "https://cdn.exemple.net/e"),
            (
                "?page=2",
                "https://www.exemple.fr/monde/article/2023/03/17/xi.html?page=2",
            ),
            ("http://autre.org/f", "http://autre.org/f"),
            ("../../../../../../g", "https://www.exemple.fr/g"),
        ];
        for (href, want) in rows {
            assert_eq!(resolve_url(base, href).as_deref(), Some(want), "{href}");
        }
        assert_eq!(resolve_url(base, "#comments"), None);
        assert_eq!(resolve_url(base, "javascript:void(0)"), None);
        assert_eq!(resolve_url(None, "/a.html").as_deref(), Some("/a.html"));
        assert_eq!(
            resolve_url(Some("https://exemple.fr"), "a").as_deref(),
            Some("https://exemple.fr/a")
        );
    }

    #[test]
    fn dates_in_the_forms_pages_use() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day);
        let rows = [
            ("2023-03-17", d(2023, 3, 17)),
            ("2023-03-17T23:30:00+01:00", d(2023, 3, 17)),
            (" 2016/01/05 ", d(2016, 1, 5)),
            ("20230317", d(2023, 3, 17)),
            ("Fri, 17 Mar 2023 10:00:00 +0100", d(2023, 3, 17)),
            ("17 mars 2023", None),
            ("2023-02-30", None),
            ("", None),
        ];
        for (input, want) in rows {
            assert_eq!(parse_date(input), want, "{input:?}");
        }
    }

    #[test]
    fn bylines_give_names() {
        let rows: [(&str, Option<Vec<&str>>); 8] = [
            ("Par Jean Dupont", Some(vec!["Jean Dupont"])),
            (
                "Par Jean Dupont et Marie Martin",
                Some(vec!["Jean Dupont", "Marie Martin"]),
            ),
            ("By Jane Doe, Political editor", Some(vec!["Jane Doe"])),
            (
                "Par Jean Dupont - Publié le 17 mars",
                Some(vec!["Jean Dupont"]),
            ),
            ("Par ailleurs, la ville a voté.", None),
            ("Jean Dupont", None),
            ("Par Le Monde avec AFP", Some(vec!["Le Monde", "AFP"])),
            (
                "By Ann Lee and Bob Stone, in Kyiv",
                Some(vec!["Ann Lee", "Bob Stone"]),
            ),
        ];
        for (input, want) in rows {
            let want = want.map(|v| v.iter().map(|s| s.to_string()).collect::<Vec<_>>());
            assert_eq!(byline_names(input), want, "{input:?}");
        }
    }

    #[test]
    fn author_lists_split() {
        assert_eq!(
            split_authors("Jean Dupont, Marie Martin et Luc Roy"),
            ["Jean Dupont", "Marie Martin", "Luc Roy"]
        );
        assert_eq!(
            split_authors("Ann Lee & Bob Stone"),
            ["Ann Lee", "Bob Stone"]
        );
    }

    #[test]
    fn section_labels() {
        for label in [
            "Sur le même sujet",
            "À lire aussi :",
            "LIRE AUSSI",
            "Read more",
            "More on this story",
        ] {
            assert!(is_section_label(label), "{label}");
        }
        for text in [
            "Related topics are many",
            "Lire aussi le rapport complet sur le site du ministère",
            "",
        ] {
            assert!(!is_section_label(text), "{text}");
        }
        assert_eq!(join_label("Read more:", "T"), "Read more: T");
        assert_eq!(join_label("Lire aussi", "T"), "Lire aussi : T");
    }

    #[test]
    fn related_items_get_spans_inside_their_block() {
        let mut builder = TextBuilder::default();
        builder.push(BlockKind::Paragraph, "Été.");
        let mut related = Vec::new();
        push_related(
            &mut builder,
            &mut related,
            "À lire aussi : Noël à Brest ; L’été",
            vec![
                ("Noël à Brest".into(), Some("u1".into())),
                ("L’été".into(), None),
            ],
        );
        let (text, _) = builder.finish();
        let chars: Vec<char> = text.chars().collect();
        for (item, want) in related.iter().zip(["Noël à Brest", "L’été"]) {
            let span = item.span.unwrap();
            assert_eq!(span.text(&text), want);
            let by_chars: String = chars[span.char_start..span.char_end].iter().collect();
            assert_eq!(by_chars, want);
        }
    }
}
