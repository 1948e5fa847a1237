//! Finding the article in a page: the main content, and what is furniture around it.

use scraper::{ElementRef, Html};

/// Elements whose content is never article text.
pub(super) const DROPPED_TAGS: &[&str] = &[
    "script",
    "style",
    "noscript",
    "template",
    "nav",
    "form",
    "button",
    "input",
    "select",
    "textarea",
    "option",
    "svg",
    "math",
    "iframe",
    "canvas",
    "video",
    "audio",
    "object",
    "embed",
    "map",
    "dialog",
    "figcaption",
    "img",
    "picture",
    "source",
    "head",
    "title",
    "meta",
    "link",
    "footer",
    "menu",
    "label",
    "fieldset",
    "datalist",
    "output",
    "progress",
    "meter",
];

/// Elements that start a new block of text; everything else flows inline.
pub(super) const BLOCK_TAGS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "caption",
    "center",
    "dd",
    "details",
    "div",
    "dl",
    "dt",
    "figure",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "html",
    "li",
    "main",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
];

/// Words of a class or id that mark page furniture, matched whole (`c-ad`, `nav-top`, `sr-only`).
pub(super) const NOISE_WORDS: &[&str] = &[
    "ad",
    "ads",
    "pub",
    "nav",
    "navbar",
    "menu",
    "footer",
    "tags",
    "tag",
    "promo",
    "popup",
    "modal",
    "banner",
    "masthead",
    "toolbar",
    "skip",
    "hidden",
    "popular",
    "trending",
    "recommended",
    "most",
    "sr",
    "print",
    "breadcrumb",
    "breadcrumbs",
    "overlay",
    "reactions",
    "badge",
];

/// Parts of a class or id that mark page furniture wherever they appear (`commentlist`, `cookie-banner`).
pub(super) const NOISE_PARTS: &[&str] = &[
    "comment",
    "cookie",
    "advert",
    "newsletter",
    "outbrain",
    "taboola",
    "disqus",
    "social",
    "sharing",
    "share",
    "paywall",
    "consent",
    "sponsor",
    "mostread",
    "most-read",
    "publicite",
    "subscribe",
    "signup",
    "gdpr",
    "rgpd",
    "partage",
    "abonnement",
];

/// Class or id parts that mark a related-articles block.
pub(super) const RELATED_PARTS: &[&str] = &[
    "related",
    "lire-aussi",
    "lireaussi",
    "read-more",
    "readmore",
    "read-also",
    "see-also",
    "also-read",
    "more-on",
    "meme-sujet",
    "same-topic",
];

/// The element that holds the article's text.
pub(super) fn content_root(doc: &Html) -> ElementRef<'_> {
    let root = doc.root_element();
    let elements: Vec<ElementRef<'_>> = root.descendent_elements().collect();
    let body_score = paragraph_score(root);
    // The declared article body, widened to its <article> so that the standfirst and byline come with it.
    let bodies: Vec<_> = elements
        .iter()
        .copied()
        .filter(|e| {
            e.value()
                .attr("itemprop")
                .is_some_and(|p| p.split_whitespace().any(|w| w == "articleBody"))
        })
        .collect();
    if let Some((_, body)) = best(bodies) {
        let article = body
            .ancestors()
            .filter_map(ElementRef::wrap)
            .find(|a| a.value().name() == "article");
        return article.unwrap_or(body);
    }
    let articles: Vec<_> = elements
        .iter()
        .copied()
        .filter(|e| e.value().name() == "article")
        .collect();
    if let Some((score, article)) = best(articles)
        && score * 10 >= body_score * 3
    {
        return article;
    }
    let mains: Vec<_> = elements
        .iter()
        .copied()
        .filter(|e| e.value().name() == "main" || e.value().attr("role") == Some("main"))
        .collect();
    if let Some((score, main)) = best(mains)
        && score * 10 >= body_score * 3
    {
        return main;
    }
    densest(&elements).unwrap_or(root)
}

/// The element whose child paragraphs hold the most text (with half credit to grandparents), as readability
/// tools do when a page marks nothing up.
pub(super) fn densest<'a>(elements: &[ElementRef<'a>]) -> Option<ElementRef<'a>> {
    let mut scores: std::collections::HashMap<_, (usize, ElementRef<'a>)> =
        std::collections::HashMap::new();
    for p in elements.iter().filter(|e| e.value().name() == "p") {
        if is_noise(*p) || in_discussion_or_furniture(*p, None) {
            continue;
        }
        let len = p.text().map(|t| t.trim().chars().count()).sum::<usize>();
        let mut parents = p.ancestors().filter_map(ElementRef::wrap);
        if let Some(parent) = parents.next() {
            scores.entry(parent.id()).or_insert((0, parent)).0 += len * 2;
            if let Some(grand) = parents.next() {
                scores.entry(grand.id()).or_insert((0, grand)).0 += len;
            }
        }
    }
    scores
        .into_values()
        .max_by_key(|(s, e)| (*s, std::cmp::Reverse(e.id())))
        .map(|(_, e)| e)
}

/// The candidate holding the most paragraph text, with its score.
pub(super) fn best(candidates: Vec<ElementRef<'_>>) -> Option<(usize, ElementRef<'_>)> {
    candidates
        .into_iter()
        .take(50)
        .map(|e| (paragraph_score(e), e))
        .filter(|(s, _)| *s > 0)
        .max_by_key(|(s, _)| *s)
}

/// How much paragraph text an element holds, outside page furniture.
pub(super) fn paragraph_score(el: ElementRef<'_>) -> usize {
    el.descendent_elements()
        .filter(|e| {
            e.value().name() == "p" && !is_noise(*e) && !in_discussion_or_furniture(*e, Some(el))
        })
        .map(|p| p.text().map(|t| t.trim().chars().count()).sum::<usize>())
        .sum()
}

/// Whether a paragraph stands in a comment thread or in the page's furniture (navigation, footer, forms): a
/// long discussion must not outweigh the article when looking for the main text. `stop` bounds the search.
pub(super) fn in_discussion_or_furniture(p: ElementRef<'_>, stop: Option<ElementRef<'_>>) -> bool {
    p.ancestors()
        .filter_map(ElementRef::wrap)
        .take_while(|a| stop.is_none_or(|s| s.id() != a.id()))
        .any(|a| {
            DROPPED_TAGS.contains(&a.value().name())
                || class_tokens(a).iter().any(|t| {
                    !t.contains("--")
                        && ["comment", "disqus", "reaction", "forum", "discussion"]
                            .iter()
                            .any(|w| t.contains(w))
                })
        })
}

pub(super) fn first_element<'a>(el: ElementRef<'a>, name: &str) -> Option<ElementRef<'a>> {
    el.descendent_elements().find(|e| e.value().name() == name)
}

/// The `datetime` of the publication `<time>`: one marked as such, or else the first.
pub(super) fn first_time(el: ElementRef<'_>) -> Option<String> {
    let times: Vec<_> = el
        .descendent_elements()
        .filter(|e| e.value().name() == "time" && e.value().attr("datetime").is_some())
        .collect();
    times
        .iter()
        .find(|t| {
            t.value().attr("itemprop") == Some("datePublished")
                || t.value().attr("pubdate").is_some()
        })
        .or(times.first())
        .and_then(|t| t.value().attr("datetime"))
        .map(str::to_string)
}

/// The words of an element's class and id attributes, lower-cased.
pub(super) fn class_tokens(el: ElementRef<'_>) -> Vec<String> {
    let e = el.value();
    let mut tokens: Vec<String> = e.classes().map(str::to_ascii_lowercase).collect();
    if let Some(id) = e.id() {
        tokens.push(id.to_ascii_lowercase());
    }
    // Component names that some sites use instead of classes.
    for attr in ["data-component", "data-testid", "data-gu-name"] {
        if let Some(v) = e.attr(attr) {
            tokens.push(v.to_ascii_lowercase());
        }
    }
    tokens
}

/// Whether an element is page furniture: navigation, advertising, sharing, comments, cookie banners, hidden.
pub(super) fn is_noise(el: ElementRef<'_>) -> bool {
    let e = el.value();
    let name = e.name();
    if DROPPED_TAGS.contains(&name) {
        return true;
    }
    if e.attr("hidden").is_some() || e.attr("aria-hidden") == Some("true") {
        return true;
    }
    if e.attr("style").is_some_and(|s| {
        let s = s.to_ascii_lowercase().replace(' ', "");
        s.contains("display:none") || s.contains("visibility:hidden")
    }) {
        return true;
    }
    if let Some(role) = e.attr("role") {
        let role = role.to_ascii_lowercase();
        if matches!(
            role.as_str(),
            "navigation"
                | "banner"
                | "contentinfo"
                | "search"
                | "dialog"
                | "alertdialog"
                | "menu"
                | "menubar"
                | "toolbar"
        ) {
            return true;
        }
    }
    if name == "header" {
        // An article's own header holds its title and standfirst; the page's header holds the site's menus.
        let in_article = el
            .ancestors()
            .filter_map(ElementRef::wrap)
            .any(|a| a.value().name() == "article");
        let has_nav = el.descendent_elements().any(|d| d.value().name() == "nav");
        if !in_article || has_nav {
            return true;
        }
    }
    is_noise_by_class(el)
}

/// Whether an element's class, id or component name marks it as furniture ("c-ad", "comment-list").
pub(super) fn is_noise_by_class(el: ElementRef<'_>) -> bool {
    let e = el.value();
    if matches!(e.name(), "article" | "main" | "body" | "html")
        || e.attr("itemprop")
            .is_some_and(|p| p.contains("articleBody"))
    {
        return false;
    }
    class_tokens(el).iter().any(|token| {
        // State modifiers ("has-comments", "article--with-share") describe the element, not its content.
        if token.contains("--")
            || ["has-", "with-", "no-", "is-"]
                .iter()
                .any(|p| token.starts_with(p))
        {
            return false;
        }
        token
            .split(['-', '_'])
            .any(|word| NOISE_WORDS.contains(&word))
            || NOISE_PARTS.iter().any(|part| token.contains(part))
    })
}

/// All the paragraph text under an element, furniture or not.
pub(super) fn raw_paragraph_len(el: ElementRef<'_>) -> usize {
    el.descendent_elements()
        .filter(|e| e.value().name() == "p")
        .map(|p| p.text().map(|t| t.trim().chars().count()).sum::<usize>())
        .sum()
}

pub(super) fn is_related_container(el: ElementRef<'_>) -> bool {
    class_tokens(el)
        .iter()
        .any(|t| RELATED_PARTS.iter().any(|p| t.contains(p)))
}

pub(super) fn is_byline_container(el: ElementRef<'_>) -> bool {
    let e = el.value();
    e.attr("rel") == Some("author")
        || e.attr("itemprop").is_some_and(|p| p == "author")
        || class_tokens(el).iter().any(|t| {
            t.split(['-', '_']).any(|w| {
                matches!(
                    w,
                    "byline" | "author" | "authors" | "auteur" | "auteurs" | "signature"
                )
            })
        })
}

pub(super) fn is_block(el: ElementRef<'_>) -> bool {
    BLOCK_TAGS.contains(&el.value().name())
}

pub(super) fn heading_level(name: &str) -> Option<u8> {
    match name {
        "h1" => Some(1),
        "h2" => Some(2),
        "h3" => Some(3),
        "h4" => Some(4),
        "h5" => Some(5),
        "h6" => Some(6),
        _ => None,
    }
}
