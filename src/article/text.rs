//! The plain-text format: one paragraph per line, blank lines ignored, `> ` asides.
//!
//! `> À lire aussi : TITLE` (and its variants) is a related-article item, `> Toute l'actualité … sur SITE` a
//! promotion that names the site; any other `> ` line is an aside. A short first line followed by a blank line
//! and without a closing full stop is the title. The text is the input itself, so offsets index the file.

use super::{Article, Block, BlockKind, CharIndex, RelatedLink};

/// Labels that open a related-article item, lower-cased and without accents on the capital.
const RELATED_LABELS: &[&str] = &[
    "à lire aussi",
    "a lire aussi",
    "lire aussi",
    "à lire également",
    "lire également",
    "à voir aussi",
    "a voir aussi",
    "voir aussi",
    "sur le même sujet",
    "read more",
    "read also",
    "related",
    "see also",
];

pub(crate) fn load(input: &str) -> Article {
    let index = CharIndex::new(input);
    let mut article = Article {
        text: input.to_string(),
        ..Article::default()
    };
    let mut offset = 0;
    let lines: Vec<(usize, &str)> = input
        .split_inclusive('\n')
        .map(|line| {
            let start = offset;
            offset += line.len();
            (start, line.trim_end_matches(['\n', '\r']))
        })
        .collect();
    let first_content = lines.iter().position(|(_, l)| !l.trim().is_empty());
    for (n, &(start, line)) in lines.iter().enumerate() {
        let content = line.trim();
        if content.is_empty() {
            continue;
        }
        let lead = line.len() - line.trim_start().len();
        let mut begin = start + lead;
        let end = begin + content.len();
        let kind;
        if let Some(rest) = content.strip_prefix('>') {
            let body = rest.trim_start();
            begin = end - body.len();
            kind = classify_aside(body);
            match kind {
                BlockKind::Related => {
                    let title = related_title(body).unwrap_or(body);
                    let title_start = end - title.len();
                    article.related.push(RelatedLink {
                        title: title.to_string(),
                        url: None,
                        span: Some(index.span(input, title_start..end)),
                    });
                }
                BlockKind::Promo if article.site.is_none() => {
                    article.site = promo_site(body).map(str::to_string);
                }
                _ => {}
            }
        } else if Some(n) == first_content && is_title_line(content, lines.get(n + 1).map(|l| l.1))
        {
            kind = BlockKind::Title;
            article.title = Some(content.to_string());
        } else {
            kind = BlockKind::Paragraph;
        }
        if begin < end {
            article.blocks.push(Block {
                kind,
                span: index.span(input, begin..end),
            });
        }
    }
    article
}

/// A first line is a title when a blank line follows it and it does not read as a sentence.
fn is_title_line(line: &str, next: Option<&str>) -> bool {
    let followed_by_blank = next.is_some_and(|l| l.trim().is_empty());
    let sentence_end = line.ends_with(['.', '!', '?', ':', ';', ',']);
    followed_by_blank && !sentence_end && line.chars().count() <= 200
}

fn classify_aside(body: &str) -> BlockKind {
    if related_title(body).is_some() {
        BlockKind::Related
    } else if promo_site(body).is_some() {
        BlockKind::Promo
    } else {
        BlockKind::Aside
    }
}

/// The title of a related-article item: what follows its label and separator.
pub(crate) fn related_title(body: &str) -> Option<&str> {
    let lower = body.to_lowercase();
    for label in RELATED_LABELS {
        if !lower.starts_with(label) {
            continue;
        }
        // Lower-casing may change byte lengths only for rare letters; map back through char counts.
        let label_chars = label.chars().count();
        let after: usize = body.chars().take(label_chars).map(char::len_utf8).sum();
        if body[after..].starts_with(char::is_alphanumeric) {
            continue;
        }
        let rest = body[after..].trim_start();
        let rest = rest
            .strip_prefix([':', '-', '—', '–', '|'])
            .map(str::trim_start)
            .unwrap_or(rest);
        if !rest.is_empty() && rest.len() < body.len() {
            return Some(rest);
        }
    }
    None
}

/// The site a promotion line names: "Toute l'actualité … sur SITE", "All the latest … on SITE".
pub(crate) fn promo_site(body: &str) -> Option<&str> {
    let lower = body.to_lowercase();
    let is_promo = [
        "toute l'actualité",
        "toute l’actualité",
        "toutes les actualités",
        "all the latest",
        "more news",
    ]
    .iter()
    .any(|p| lower.starts_with(p));
    if !is_promo {
        return None;
    }
    let cut = body
        .rfind(" sur ")
        .map(|i| i + 5)
        .or_else(|| body.rfind(" on ").map(|i| i + 4))?;
    let site = body[cut..].trim().trim_end_matches(['.', '!']);
    (!site.is_empty()).then_some(site)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn asides_are_classified() {
        let input = "Un paragraphe.\n> À lire aussi : Un autre titre\n> Toute l’actualité internationale sur EXEMPLE.fr\n> Une note\n";
        let a = load(input);
        let kinds: Vec<_> = a.blocks.iter().map(|b| b.kind).collect();
        assert_eq!(
            kinds,
            [
                BlockKind::Paragraph,
                BlockKind::Related,
                BlockKind::Promo,
                BlockKind::Aside
            ]
        );
        assert_eq!(a.related[0].title, "Un autre titre");
        assert_eq!(a.related[0].span.unwrap().text(input), "Un autre titre");
        assert_eq!(a.site.as_deref(), Some("EXEMPLE.fr"));
        assert_eq!(
            a.blocks[1].span.text(input),
            "À lire aussi : Un autre titre"
        );
    }

    #[test]
    fn related_labels_vary() {
        assert_eq!(
            related_title("Read more: The next story"),
            Some("The next story")
        );
        assert_eq!(related_title("LIRE AUSSI - Titre"), Some("Titre"));
        assert_eq!(related_title("Sur le même sujet : Titre"), Some("Titre"));
        assert_eq!(related_title("Relatedness is not a label"), None);
    }

    #[test]
    fn a_short_first_line_before_a_blank_line_is_the_title() {
        let a = load("Un titre court\n\n1er mars 2016 . –\nLe texte commence.\n");
        assert_eq!(a.title.as_deref(), Some("Un titre court"));
        assert_eq!(a.blocks[0].kind, BlockKind::Title);
        let b = load("Une phrase complète qui ouvre le texte.\n\nSuite.\n");
        assert_eq!(b.title, None);
    }

    #[test]
    fn offsets_index_the_input_itself() {
        let input = "  Été à Paris.  \n\n> Lire aussi : Noël\n";
        let a = load(input);
        assert_eq!(a.text, input);
        assert_eq!(a.blocks[0].span.text(input), "Été à Paris.");
        let chars: Vec<char> = input.chars().collect();
        let s = a.blocks[1].span;
        assert_eq!(
            chars[s.char_start..s.char_end].iter().collect::<String>(),
            "Lire aussi : Noël"
        );
    }
}
