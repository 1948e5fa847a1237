//! HTML pages through an HTML5 parser (html5ever, by way of `scraper`).
//!
//! The metadata come from JSON-LD, Open Graph and `<meta>` tags, the canonical link and the page itself; the
//! text from the page's main content (`[itemprop=articleBody]`, `<article>`, `<main>`, or the element holding
//! the most paragraph text): its headings, paragraphs, list items and blockquotes, in order. Related-article
//! blocks ("À lire aussi", "Sur le même sujet", "Read more"…) are kept as related items with their links;
//! navigation, headers and footers, scripts, forms, advertising, share buttons, comments and captions are not.

mod content;
mod page;
mod walk;

use std::collections::HashSet;

use scraper::{ElementRef, Html};

use self::content::{
    content_root, first_element, first_time, is_byline_container, is_noise, raw_paragraph_len,
};
use self::page::{PageMeta, site_from_page_title, strip_site_suffix};
use self::walk::{Context, Walker, inline_text, key};
use super::{Article, BlockKind, Lang, TextBuilder, meta, sanitize};
use crate::error::Result;

/// Loads a page: the article, and the language the page declares (`<html lang>`, `og:locale`).
pub(crate) fn load(input: &str) -> Result<(Article, Option<Lang>)> {
    let doc = Html::parse_document(&flatten_deep_nesting(input));
    let meta = PageMeta::read(&doc);
    let root = content_root(&doc);

    let mut article = Article {
        url: meta.url.clone(),
        site: meta.site.clone(),
        ..Article::default()
    };
    let title = meta
        .title
        .clone()
        .or_else(|| {
            first_element(root, "h1")
                .or_else(|| first_element(doc.root_element(), "h1"))
                .map(|h| inline_text(h))
        })
        .or_else(|| meta.page_title.clone())
        .map(|t| strip_site_suffix(&sanitize::clean_line(&t), meta.site.as_deref()))
        .filter(|t| !t.is_empty());

    let mut walker = Walker {
        builder: TextBuilder::default(),
        related: Vec::new(),
        base: meta.base.clone().or_else(|| meta.url.clone()),
        title_key: title.as_deref().map(key),
        bylines: Vec::new(),
        promo_site: None,
        pending_label: None,
        prose_blocks: 0,
        taken_urls: HashSet::new(),
        root_text: raw_paragraph_len(root),
    };
    if let Some(title) = &title {
        walker.builder.push(BlockKind::Title, title);
    }
    walker.walk(root, Context::default(), 0);
    if walker.prose_blocks == 0 && root.id() != doc.root_element().id() {
        walker.walk(doc.root_element(), Context::default(), 0);
    }
    walker.related_outside(&doc, root);

    article.title = title;
    if meta.authors.is_empty() && walker.bylines.is_empty() {
        // A byline outside the main content (above a declared article body).
        for el in doc.root_element().descendent_elements() {
            if is_byline_container(el) && !el.ancestors().filter_map(ElementRef::wrap).any(is_noise)
            {
                walker.walk(el, Context::default(), 0);
                if !walker.bylines.is_empty() {
                    break;
                }
            }
        }
    }
    article.authors = if !meta.authors.is_empty() {
        meta.authors.clone()
    } else {
        walker.bylines.clone()
    };
    article.published = meta.published.or_else(|| {
        first_time(root)
            .or_else(|| first_time(doc.root_element()))
            .and_then(|t| meta::parse_date(&t))
    });
    if article.site.is_none() {
        article.site = walker
            .promo_site
            .take()
            .or_else(|| site_from_page_title(meta.page_title.as_deref(), article.title.as_deref()));
    }
    article.related = walker.related;
    let (text, blocks) = walker.builder.finish();
    article.text = text;
    article.blocks = blocks;
    Ok((article, meta.lang))
}

/// Nesting deeper than this is flattened before parsing.
const MAX_NESTING: usize = 512;

/// A tag with more attributes than this is kept without them.
const MAX_ATTRIBUTES: usize = 256;

/// Roughly how many attributes a tag's inside holds: its runs of characters between white space.
fn attribute_count(inside: &str) -> usize {
    inside.split_ascii_whitespace().count()
}

/// Tags that never nest (void elements) or that are closed implicitly, left out of the depth count.
const UNCOUNTED_TAGS: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "tbody",
    "thead", "tfoot", "colgroup", "html", "head", "body", "rb", "rt", "rp", "!doctype",
];

/// html5ever checks element scopes by walking its stack of open elements, so parsing time grows with the
/// square of the nesting depth: a hostile page of 100,000 nested `<div>`s would take minutes. No real page
/// nests more than a few dozen elements, so tags beyond [`MAX_NESTING`] are removed before parsing; their
/// text is kept. A tag with more than [`MAX_ATTRIBUTES`] attributes loses them, for the same reason.
fn flatten_deep_nesting(input: &str) -> std::borrow::Cow<'_, str> {
    let mut depth = 0usize;
    let mut out: Option<String> = None;
    let mut copied = 0;
    let mut i = 0;
    while let Some(offset) = input[i..].find('<') {
        let start = i + offset;
        let after = &input[start + 1..];
        let closing = after.starts_with('/');
        let name_from = start + 1 + usize::from(closing);
        let name_len = input[name_from..]
            .bytes()
            .take_while(|b| b.is_ascii_alphanumeric() || *b == b'!')
            .count();
        if name_len == 0 {
            i = start + 1;
            continue;
        }
        let Some(end) = input[name_from..].find('>').map(|e| name_from + e) else {
            break;
        };
        let name = input[name_from..name_from + name_len].to_ascii_lowercase();
        let self_closing = input[..end].ends_with('/');
        let counted = !self_closing && !UNCOUNTED_TAGS.contains(&name.as_str());
        let drop = counted
            && if closing {
                depth > MAX_NESTING
            } else {
                depth >= MAX_NESTING
            };
        if drop {
            let o = out.get_or_insert_with(|| String::with_capacity(input.len()));
            o.push_str(&input[copied..start]);
            copied = end + 1;
        } else if end - start > 2048
            && attribute_count(&input[name_from + name_len..end]) > MAX_ATTRIBUTES
        {
            // html5ever compares each attribute with those before it: a tag with 100,000 attributes takes
            // seconds. No real tag has more than a few dozen: the tag is kept without its attributes.
            let o = out.get_or_insert_with(|| String::with_capacity(input.len()));
            o.push_str(&input[copied..name_from + name_len]);
            o.push_str(if self_closing { "/>" } else { ">" });
            copied = end + 1;
        }
        if counted {
            if closing {
                depth = depth.saturating_sub(1);
            } else {
                depth += 1;
            }
        }
        i = end + 1;
    }
    match out {
        None => std::borrow::Cow::Borrowed(input),
        Some(mut o) => {
            o.push_str(&input[copied..]);
            std::borrow::Cow::Owned(o)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load_html(s: &str) -> Article {
        load(s).unwrap().0
    }

    fn texts(a: &Article) -> Vec<(BlockKind, String)> {
        a.blocks
            .iter()
            .map(|b| (b.kind, a.slice(b.span).to_string()))
            .collect()
    }

    #[test]
    fn paragraphs_headings_quotes_and_lists_in_order() {
        let a = load_html(
            "<html><body><article><h1>Le titre</h1><p>Un <b>premier</b> paragraphe.</p>\
             <h2>Un intertitre</h2><blockquote><p>Une citation.</p></blockquote>\
             <ul><li>Point un</li><li>Point deux</li></ul></article></body></html>",
        );
        assert_eq!(
            texts(&a),
            [
                (BlockKind::Title, "Le titre".to_string()),
                (BlockKind::Paragraph, "Un premier paragraphe.".to_string()),
                (BlockKind::Heading, "Un intertitre".to_string()),
                (BlockKind::Blockquote, "Une citation.".to_string()),
                (BlockKind::Paragraph, "Point un".to_string()),
                (BlockKind::Paragraph, "Point deux".to_string()),
            ]
        );
        assert_eq!(a.title.as_deref(), Some("Le titre"));
    }

    #[test]
    fn a_headline_worded_differently_from_og_title_is_not_repeated() {
        let a = load_html(
            "<head><meta property=og:title content='Titre court'></head><body><article>\
             <h1>Un titre plus long pour la page</h1><p>Le texte.</p><h1>Une seconde partie</h1></article></body>",
        );
        assert_eq!(
            texts(&a),
            [
                (BlockKind::Title, "Titre court".to_string()),
                (BlockKind::Paragraph, "Le texte.".to_string()),
                (BlockKind::Heading, "Une seconde partie".to_string()),
            ]
        );
    }

    #[test]
    fn a_related_heading_makes_the_links_after_it_related_items() {
        let a = load_html(
            "<head><link rel=canonical href='https://exemple.fr/rubrique/article.html'></head><body><article>\
             <h1>Titre</h1><p>Le texte de l'article.</p><h2>Sur le même sujet</h2>\
             <ul><li><a href='autre.html'>Un article voisin du premier</a></li>\
             <li><a href='/ailleurs/x.html'>Un second article voisin</a></li></ul>\
             <h2>La suite</h2><p>Fin du texte.</p></article></body>",
        );
        assert_eq!(
            texts(&a),
            [
                (BlockKind::Title, "Titre".to_string()),
                (BlockKind::Paragraph, "Le texte de l'article.".to_string()),
                (
                    BlockKind::Related,
                    "Sur le même sujet : Un article voisin du premier".to_string()
                ),
                (
                    BlockKind::Related,
                    "Sur le même sujet : Un second article voisin".to_string()
                ),
                (BlockKind::Heading, "La suite".to_string()),
                (BlockKind::Paragraph, "Fin du texte.".to_string()),
            ]
        );
        let urls: Vec<_> = a.related.iter().map(|r| r.url.as_deref()).collect();
        assert_eq!(
            urls,
            [
                Some("https://exemple.fr/rubrique/autre.html"),
                Some("https://exemple.fr/ailleurs/x.html")
            ]
        );
    }

    #[test]
    fn double_breaks_separate_paragraphs() {
        let a = load_html("<div>Premier texte assez long.<br><br>Second texte.<br>suite</div>");
        assert_eq!(
            texts(&a),
            [
                (
                    BlockKind::Paragraph,
                    "Premier texte assez long.".to_string()
                ),
                (BlockKind::Paragraph, "Second texte. suite".to_string()),
            ]
        );
    }

    #[test]
    fn site_suffix_leaves_the_title() {
        assert_eq!(
            strip_site_suffix("Un titre - Le Site", Some("Le Site")),
            "Un titre"
        );
        assert_eq!(
            strip_site_suffix("Un titre | Autre", Some("Le Site")),
            "Un titre | Autre"
        );
    }

    #[test]
    fn deep_nesting_is_flattened_and_shallow_pages_left_alone() {
        let page = "<div class=a><p>x<br>y</p></div>";
        assert!(matches!(
            flatten_deep_nesting(page),
            std::borrow::Cow::Borrowed(_)
        ));
        let deep = format!(
            "{}fond{}<p>Un paragraphe.</p>",
            "<div>".repeat(2000),
            "</div>".repeat(2000)
        );
        let flat = flatten_deep_nesting(&deep);
        assert_eq!(flat.matches("<div>").count(), MAX_NESTING);
        assert_eq!(flat.matches("</div>").count(), MAX_NESTING);
        let a = load_html(&deep);
        assert!(a.text.contains("Un paragraphe."));
        // A tag with a flood of attributes keeps its name and its content.
        let attributes: Vec<String> = (0..1000).map(|i| format!("a{i}=x")).collect();
        let flood = format!(
            "<div {}><p>Un texte.</p></div><img {}/>",
            attributes.join(" "),
            attributes.join(" ")
        );
        assert_eq!(
            flatten_deep_nesting(&flood),
            "<div><p>Un texte.</p></div><img/>"
        );
    }

    #[test]
    fn site_from_the_page_title() {
        let rows = [
            ("Un titre - Le Site", "Un titre", Some("Le Site")),
            (
                "Un titre | Culture | The Site",
                "Un titre",
                Some("The Site"),
            ),
            ("Un titre", "Un titre", None),
            ("Autre chose - Le Site", "Un titre", None),
        ];
        for (page, title, want) in rows {
            assert_eq!(
                site_from_page_title(Some(page), Some(title)).as_deref(),
                want,
                "{page}"
            );
        }
    }

    #[test]
    fn a_furniture_class_on_the_text_itself_is_ignored() {
        let a = load_html(
            "<article><h1>T</h1><div class='paywall-content'><p>Le premier paragraphe de l'article, long.</p>\
             <p>Le second paragraphe de l'article, long aussi.</p></div><div class='paywall'><p>Abonnez-vous.</p></div></article>",
        );
        assert!(a.text.contains("Le second paragraphe"), "{}", a.text);
        assert!(!a.text.contains("Abonnez"), "{}", a.text);
    }

    #[test]
    fn a_long_comment_thread_does_not_outweigh_the_article() {
        let comment = "<div class='comment'><p>Un commentaire très long qui parle de tout et de rien, encore et encore.</p></div>";
        let page = format!(
            "<body><div class='texte'><p>Le seul paragraphe de l'article.</p><p>Et un second.</p></div>\
             <div id='discussion'>{}</div></body>",
            comment.repeat(20)
        );
        let a = load_html(&page);
        assert!(a.text.contains("Le seul paragraphe"), "{}", a.text);
        assert!(!a.text.contains("commentaire"), "{}", a.text);
    }

    #[test]
    fn noise_classes() {
        let doc = Html::parse_fragment(
            "<div class='c-ad'>x</div><div class='article--with-share'>y</div><div class='comment-list'>z</div>\
             <div class='shadow'>w</div>",
        );
        let noise: Vec<bool> = doc.root_element().child_elements().map(is_noise).collect();
        assert_eq!(noise, [true, false, true, false]);
    }
}
