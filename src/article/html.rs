//! HTML pages through an HTML5 parser (html5ever, by way of `scraper`).
//!
//! The metadata come from JSON-LD, Open Graph and `<meta>` tags, the canonical link and the page itself; the
//! text from the page's main content (`[itemprop=articleBody]`, `<article>`, `<main>`, or the element holding
//! the most paragraph text): its headings, paragraphs, list items and blockquotes, in order. Related-article
//! blocks ("À lire aussi", "Sur le même sujet", "Read more"…) are kept as related items with their links;
//! navigation, headers and footers, scripts, forms, advertising, share buttons, comments and captions are not.

use std::collections::HashSet;

use scraper::{ElementRef, Html, Node};
use serde_json::Value;

use super::meta::{self, is_section_label, push_related, resolve_url};
use super::{Article, BlockKind, Lang, RelatedLink, TextBuilder, sanitize, text};
use crate::error::Result;

/// Elements beyond this depth are not read: it bounds the recursion on hostile, deeply nested pages.
const MAX_DEPTH: usize = 200;

/// Elements whose content is never article text.
const DROPPED_TAGS: &[&str] = &[
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
const BLOCK_TAGS: &[&str] = &[
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
const NOISE_WORDS: &[&str] = &[
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
const NOISE_PARTS: &[&str] = &[
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
const RELATED_PARTS: &[&str] = &[
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

/// Lines that are page furniture when they stand alone.
const FURNITURE_LINES: &[&str] = &[
    "publicité",
    "advertisement",
    "pub",
    "annonce",
    "sponsored",
    "contenu sponsorisé",
    "skip advertisement",
    "lire plus tard",
    "partager",
    "share",
    "share this article",
    "ajouter à vos sélections",
    "abonnez-vous",
    "s'abonner",
    "réservé aux abonnés",
    "article réservé aux abonnés",
    "subscribe",
];

/// Openings of short lines that state when the article was published or how long it takes to read.
const DATELINE_OPENINGS: &[&str] = &[
    "publié le",
    "publié aujourd",
    "publié hier",
    "mis à jour",
    "modifié le",
    "publié à",
    "temps de lecture",
    "lecture :",
    "published",
    "updated",
    "last updated",
    "reading time",
];

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

/// Tags that never nest (void elements) or that are closed implicitly, left out of the depth count.
const UNCOUNTED_TAGS: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "tbody",
    "thead", "tfoot", "colgroup", "html", "head", "body", "rb", "rt", "rp", "!doctype",
];

/// html5ever checks element scopes by walking its stack of open elements, so parsing time grows with the
/// square of the nesting depth: a hostile page of 100,000 nested `<div>`s would take minutes. No real page
/// nests more than a few dozen elements, so tags beyond [`MAX_NESTING`] are removed before parsing; their
/// text is kept.
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
        if counted {
            let drop = if closing {
                depth > MAX_NESTING
            } else {
                depth >= MAX_NESTING
            };
            if drop {
                let o = out.get_or_insert_with(|| String::with_capacity(input.len()));
                o.push_str(&input[copied..start]);
                copied = end + 1;
            }
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

/// What the page says about itself outside its text.
#[derive(Default)]
struct PageMeta {
    title: Option<String>,
    page_title: Option<String>,
    site: Option<String>,
    url: Option<String>,
    base: Option<String>,
    authors: Vec<String>,
    published: Option<chrono::NaiveDate>,
    lang: Option<Lang>,
}

impl PageMeta {
    fn read(doc: &Html) -> PageMeta {
        let mut m = PageMeta::default();
        let mut og_title = None;
        let mut og_url = None;
        let mut meta_authors = Vec::new();
        let mut meta_dates = Vec::new();
        let mut locale = None;
        let mut canonical = None;
        let mut app_name = None;
        let mut ld = LdArticle::default();
        let root = doc.root_element();
        if let Some(lang) = root.attr("lang") {
            m.lang = parse_lang(lang);
        }
        for el in root.descendent_elements() {
            let e = el.value();
            match e.name() {
                "meta" => {
                    let key = e
                        .attr("property")
                        .or_else(|| e.attr("name"))
                        .or_else(|| e.attr("itemprop"))
                        .unwrap_or("")
                        .to_ascii_lowercase();
                    let Some(content) = e.attr("content").map(str::trim).filter(|c| !c.is_empty())
                    else {
                        continue;
                    };
                    match key.as_str() {
                        "og:title" | "twitter:title" if og_title.is_none() => {
                            og_title = Some(content.to_string());
                        }
                        "og:site_name" if m.site.is_none() => m.site = Some(content.to_string()),
                        "application-name" if app_name.is_none() => {
                            app_name = Some(content.to_string());
                        }
                        "og:url" if og_url.is_none() => og_url = Some(content.to_string()),
                        "author" | "article:author" | "dc.creator" | "byl" | "parsely-author"
                        | "sailthru.author"
                            if !content.contains("://") =>
                        {
                            let names = content
                                .strip_prefix("By ")
                                .or_else(|| content.strip_prefix("Par "))
                                .unwrap_or(content);
                            meta_authors.extend(meta::split_authors(names));
                        }
                        "article:published_time"
                        | "datepublished"
                        | "og:published_time"
                        | "date"
                        | "pubdate"
                        | "publishdate"
                        | "dc.date"
                        | "dc.date.issued"
                        | "parsely-pub-date"
                        | "sailthru.date" => meta_dates.push(content.to_string()),
                        "og:locale" | "content-language" | "language" => {
                            locale = locale.or_else(|| parse_lang(content));
                        }
                        _ => {}
                    }
                }
                "link" => {
                    let rel = e.attr("rel").unwrap_or("").to_ascii_lowercase();
                    if rel.split_whitespace().any(|r| r == "canonical") && canonical.is_none() {
                        canonical = e.attr("href").map(str::to_string);
                    }
                }
                "base" if m.base.is_none() => {
                    m.base = e.attr("href").map(str::to_string);
                }
                "title" if m.page_title.is_none() => {
                    m.page_title = Some(el.text().collect());
                }
                "script" => {
                    let kind = e.attr("type").unwrap_or("").to_ascii_lowercase();
                    if kind.contains("ld+json") && ld.headline.is_none() {
                        let body: String = el.text().collect();
                        if let Ok(value) = serde_json::from_str::<Value>(body.trim()) {
                            ld.find(&value, 0);
                        }
                    }
                }
                _ => {}
            }
        }
        m.title = og_title.or(ld.headline);
        m.site = m.site.or(ld.publisher).or(app_name);
        // The canonical link is absolute by specification, but some pages write it relative to og:url.
        let url = canonical.or(ld.url).or(og_url.clone());
        m.url = url.and_then(|u| resolve_url(og_url.as_deref(), &u));
        m.authors = if ld.authors.is_empty() {
            meta_authors
        } else {
            ld.authors
        };
        m.published = ld
            .published
            .iter()
            .chain(meta_dates.iter())
            .find_map(|d| meta::parse_date(d));
        m.lang = m.lang.or(locale);
        m
    }
}

fn parse_lang(s: &str) -> Option<Lang> {
    let code = s.trim().to_ascii_lowercase();
    let code = code.split(['-', '_']).next().unwrap_or("");
    match code {
        "fr" => Some(Lang::Fr),
        "en" => Some(Lang::En),
        _ => None,
    }
}

/// The article that a page's JSON-LD describes.
#[derive(Default)]
struct LdArticle {
    headline: Option<String>,
    publisher: Option<String>,
    url: Option<String>,
    authors: Vec<String>,
    published: Option<String>,
}

impl LdArticle {
    /// Looks for the first object whose `@type` is an article, through arrays and `@graph`.
    fn find(&mut self, value: &Value, depth: usize) {
        if depth > 16 || self.headline.is_some() {
            return;
        }
        match value {
            Value::Array(items) => {
                for item in items {
                    self.find(item, depth + 1);
                }
            }
            Value::Object(map) => {
                if is_article_type(map.get("@type")) {
                    self.read(map);
                    return;
                }
                if let Some(graph) = map.get("@graph") {
                    self.find(graph, depth + 1);
                }
                if let Some(main) = map.get("mainEntity") {
                    self.find(main, depth + 1);
                }
            }
            _ => {}
        }
    }

    fn read(&mut self, map: &serde_json::Map<String, Value>) {
        let string = |key: &str| map.get(key).and_then(Value::as_str).map(str::to_string);
        self.headline = string("headline").or_else(|| string("name"));
        self.published = string("datePublished").or_else(|| string("dateCreated"));
        self.url = string("url").or_else(|| match map.get("mainEntityOfPage") {
            Some(Value::String(s)) => Some(s.clone()),
            Some(Value::Object(o)) => o.get("@id").and_then(Value::as_str).map(str::to_string),
            _ => None,
        });
        self.publisher = match map.get("publisher") {
            Some(Value::Object(o)) => o.get("name").and_then(Value::as_str).map(str::to_string),
            Some(Value::String(s)) => Some(s.clone()),
            _ => None,
        };
        let mut authors = Vec::new();
        collect_ld_names(
            map.get("author").or_else(|| map.get("creator")),
            &mut authors,
        );
        self.authors = authors;
    }
}

fn is_article_type(kind: Option<&Value>) -> bool {
    let is = |s: &str| {
        s.ends_with("Article") || matches!(s, "BlogPosting" | "LiveBlogPosting" | "Report")
    };
    match kind {
        Some(Value::String(s)) => is(s),
        Some(Value::Array(kinds)) => kinds.iter().filter_map(Value::as_str).any(is),
        _ => false,
    }
}

fn collect_ld_names(value: Option<&Value>, out: &mut Vec<String>) {
    match value {
        Some(Value::String(s)) if !s.contains("://") => {
            for name in meta::split_authors(s) {
                if !out.contains(&name) {
                    out.push(name);
                }
            }
        }
        Some(Value::Object(o)) => {
            collect_ld_names(o.get("name"), out);
        }
        Some(Value::Array(items)) => {
            for item in items.iter().take(50) {
                collect_ld_names(Some(item), out);
            }
        }
        _ => {}
    }
}

/// "Le titre - Le Site" → "Le titre", when the suffix is the site's name.
fn strip_site_suffix(title: &str, site: Option<&str>) -> String {
    let Some(site) = site.map(sanitize::clean_line).filter(|s| !s.is_empty()) else {
        return title.to_string();
    };
    for sep in [" - ", " | ", " – ", " — ", " : ", " · "] {
        if let Some(rest) = title.strip_suffix(&format!("{sep}{site}"))
            && !rest.trim().is_empty()
        {
            return rest.trim().to_string();
        }
    }
    title.to_string()
}

/// The site's name from a page title that is the article's title followed by it: "Le titre | Le Site".
fn site_from_page_title(page_title: Option<&str>, title: Option<&str>) -> Option<String> {
    let page_title = sanitize::clean_line(page_title?);
    let rest = page_title.strip_prefix(title?)?;
    let site = [" - ", " | ", " – ", " — ", " · "]
        .iter()
        .find_map(|sep| rest.strip_prefix(sep))?
        .trim();
    // The last part names the site when the title carries a section too: "Titre | Culture | Le Site".
    let site = site.rsplit(" | ").next().unwrap_or(site).trim();
    let words = site.split_whitespace().count();
    (words > 0 && words <= 5).then(|| site.to_string())
}

/// The element that holds the article's text.
fn content_root(doc: &Html) -> ElementRef<'_> {
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
fn densest<'a>(elements: &[ElementRef<'a>]) -> Option<ElementRef<'a>> {
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
fn best(candidates: Vec<ElementRef<'_>>) -> Option<(usize, ElementRef<'_>)> {
    candidates
        .into_iter()
        .take(50)
        .map(|e| (paragraph_score(e), e))
        .filter(|(s, _)| *s > 0)
        .max_by_key(|(s, _)| *s)
}

/// How much paragraph text an element holds, outside page furniture.
fn paragraph_score(el: ElementRef<'_>) -> usize {
    el.descendent_elements()
        .filter(|e| {
            e.value().name() == "p" && !is_noise(*e) && !in_discussion_or_furniture(*e, Some(el))
        })
        .map(|p| p.text().map(|t| t.trim().chars().count()).sum::<usize>())
        .sum()
}

/// Whether a paragraph stands in a comment thread or in the page's furniture (navigation, footer, forms): a
/// long discussion must not outweigh the article when looking for the main text. `stop` bounds the search.
fn in_discussion_or_furniture(p: ElementRef<'_>, stop: Option<ElementRef<'_>>) -> bool {
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

fn first_element<'a>(el: ElementRef<'a>, name: &str) -> Option<ElementRef<'a>> {
    el.descendent_elements().find(|e| e.value().name() == name)
}

/// The `datetime` of the publication `<time>`: one marked as such, or else the first.
fn first_time(el: ElementRef<'_>) -> Option<String> {
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
fn class_tokens(el: ElementRef<'_>) -> Vec<String> {
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
fn is_noise(el: ElementRef<'_>) -> bool {
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
fn is_noise_by_class(el: ElementRef<'_>) -> bool {
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
fn raw_paragraph_len(el: ElementRef<'_>) -> usize {
    el.descendent_elements()
        .filter(|e| e.value().name() == "p")
        .map(|p| p.text().map(|t| t.trim().chars().count()).sum::<usize>())
        .sum()
}

fn is_related_container(el: ElementRef<'_>) -> bool {
    class_tokens(el)
        .iter()
        .any(|t| RELATED_PARTS.iter().any(|p| t.contains(p)))
}

fn is_byline_container(el: ElementRef<'_>) -> bool {
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

fn is_block(el: ElementRef<'_>) -> bool {
    BLOCK_TAGS.contains(&el.value().name())
}

fn heading_level(name: &str) -> Option<u8> {
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

/// The text of an element as one line, without its furniture.
fn inline_text(el: ElementRef<'_>) -> String {
    let mut run = Run::default();
    collect_inline(el, &mut run, 0);
    sanitize::clean_line(&run.text.replace(BREAK, " "))
}

fn collect_inline(el: ElementRef<'_>, run: &mut Run, depth: usize) {
    if depth > MAX_DEPTH {
        return;
    }
    for child in el.children() {
        match child.value() {
            Node::Text(t) => run.text.push_str(t),
            Node::Element(e) if e.name() == "br" => run.text.push(BREAK),
            Node::Element(_) => {
                if let Some(child) = ElementRef::wrap(child)
                    && !is_noise(child)
                {
                    collect_inline(child, run, depth + 1);
                }
            }
            _ => {}
        }
    }
}

/// A key to compare titles and headings by: lower case, letters and digits only.
fn key(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Stands for a `<br>` in a run of inline text: two in a row (`<br><br>`) separate paragraphs.
const BREAK: char = '\u{E000}';

/// Inline text gathered between blocks, with the links it holds (byte ranges into `text`).
#[derive(Default)]
struct Run {
    text: String,
    links: Vec<(std::ops::Range<usize>, String)>,
    /// Links still open (their start and address): a block inside a link flushes the run before it closes.
    open: Vec<(usize, String)>,
    /// The texts of `<time>` elements: a line made of nothing else is a date stamp, not prose.
    times: Vec<String>,
}

#[derive(Clone, Copy, Default)]
struct Context {
    /// The kind that paragraphs take here (a blockquote's paragraphs are blockquotes).
    kind: Option<BlockKind>,
}

struct Walker {
    builder: TextBuilder,
    related: Vec<RelatedLink>,
    base: Option<String>,
    /// The title's key, so that the page's own `<h1>` is not repeated after the title block.
    title_key: Option<String>,
    bylines: Vec<String>,
    promo_site: Option<String>,
    /// A related-section label just seen ("Sur le même sujet"): the links that follow are its items.
    pending_label: Option<String>,
    prose_blocks: usize,
    taken_urls: HashSet<String>,
    /// The paragraph text of the main content, to tell a mislabelled wrapper from furniture.
    root_text: usize,
}

impl Walker {
    /// Whether the walk leaves an element out. A furniture class on an element that holds most of the text is
    /// a mislabel (a "paywall" or "commentary" wrapper around the article), so that element stays.
    fn is_dropped(&self, el: ElementRef<'_>) -> bool {
        if !is_noise(el) {
            return false;
        }
        let by_class_only = {
            let markup_noise = DROPPED_TAGS.contains(&el.value().name())
                || el.value().attr("hidden").is_some()
                || el.value().attr("aria-hidden") == Some("true")
                || el.value().attr("role").is_some()
                || el.value().attr("style").is_some()
                || el.value().name() == "header";
            !markup_noise && is_noise_by_class(el)
        };
        !(by_class_only && self.root_text > 0 && raw_paragraph_len(el) * 2 > self.root_text)
    }

    fn walk(&mut self, el: ElementRef<'_>, ctx: Context, depth: usize) {
        if depth > MAX_DEPTH || self.is_dropped(el) {
            return;
        }
        let name = el.value().name();
        if is_related_container(el) && has_links(el) {
            let label = find_label(el);
            self.walk_related(el, label.as_deref());
            return;
        }
        if is_byline_container(el) {
            let line = inline_text(el);
            if line.split_whitespace().count() <= 16 {
                let names = meta::byline_names(&line).unwrap_or_else(|| {
                    el.descendent_elements()
                        .filter(|d| {
                            d.value().attr("itemprop") == Some("name") || d.value().name() == "a"
                        })
                        .map(inline_text)
                        .filter(|n| !n.is_empty() && n.split_whitespace().count() <= 5)
                        .collect()
                });
                let names =
                    if names.is_empty() && !line.is_empty() && line.split_whitespace().count() <= 5
                    {
                        vec![line]
                    } else {
                        names
                    };
                self.add_bylines(names);
            }
            return;
        }
        if let Some(level) = heading_level(name) {
            let line = inline_text(el);
            if is_section_label(&line) {
                self.pending_label = Some(line);
                return;
            }
            if level == 1 && self.title_key.as_deref() == Some(key(&line).as_str()) {
                return;
            }
            if self.title_key.is_none() && level == 1 {
                self.title_key = Some(key(&line));
                self.emit(BlockKind::Title, &line);
                return;
            }
            self.emit(BlockKind::Heading, &line);
            return;
        }
        if let Some(label) = self.pending_label.clone()
            && matches!(name, "ul" | "ol" | "div" | "section" | "p" | "aside" | "li")
            && has_links(el)
        {
            self.walk_related(el, Some(&label));
            return;
        }
        let ctx = match name {
            "blockquote" => Context {
                kind: Some(BlockKind::Blockquote),
            },
            "aside" if ctx.kind.is_none() => Context {
                kind: Some(BlockKind::Aside),
            },
            _ => ctx,
        };
        let mut run = Run::default();
        self.walk_children(el, ctx, &mut run, depth);
        self.flush(&mut run, ctx);
    }

    /// Walks an element's children: inline content gathers into `run`, block children flush it and are
    /// walked in turn.
    fn walk_children(&mut self, el: ElementRef<'_>, ctx: Context, run: &mut Run, depth: usize) {
        if depth > MAX_DEPTH {
            return;
        }
        for child in el.children() {
            match child.value() {
                Node::Text(t) => run.text.push_str(t),
                Node::Element(e) if e.name() == "br" => run.text.push(BREAK),
                Node::Element(_) => {
                    let Some(child) = ElementRef::wrap(child) else {
                        continue;
                    };
                    if self.is_dropped(child) {
                        continue;
                    }
                    if is_block(child) || is_related_container(child) || is_byline_container(child)
                    {
                        self.flush(run, ctx);
                        self.walk(child, ctx, depth + 1);
                    } else if child.value().name() == "a" {
                        let href = child.value().attr("href").unwrap_or("").to_string();
                        run.open.push((run.text.len(), href));
                        self.walk_children(child, ctx, run, depth + 1);
                        if let Some((start, href)) = run.open.pop() {
                            let end = run.text.len();
                            if end > start && !href.is_empty() {
                                run.links.push((start..end, href));
                            }
                        }
                    } else if child.value().name() == "time" {
                        let start = run.text.len();
                        self.walk_children(child, ctx, run, depth + 1);
                        // A block inside the <time> flushes the run: then only what follows it counts.
                        let time = run.text.get(start..).unwrap_or(&run.text).to_string();
                        run.times.push(time);
                    } else {
                        self.walk_children(child, ctx, run, depth + 1);
                    }
                }
                _ => {}
            }
        }
    }

    /// Turns the inline text gathered so far into blocks: one per paragraph (`<br><br>` separates them).
    fn flush(&mut self, open_run: &mut Run, ctx: Context) {
        // Links still open end here for this run, and go on at the start of the next.
        let open: Vec<(usize, String)> = open_run
            .open
            .iter()
            .map(|(_, href)| (0, href.clone()))
            .collect();
        for (start, href) in &open_run.open {
            let end = open_run.text.len();
            if end > *start && !href.is_empty() {
                open_run.links.push((*start..end, href.clone()));
            }
        }
        let run = std::mem::replace(
            open_run,
            Run {
                open,
                ..Run::default()
            },
        );
        if run.text.trim().is_empty() {
            return;
        }
        if !run.times.is_empty() {
            let mut rest = sanitize::clean_line(&run.text.replace(BREAK, " "));
            for time in &run.times {
                rest = rest.replacen(&sanitize::clean_line(time), "", 1);
            }
            if !rest.chars().any(char::is_alphanumeric) {
                return;
            }
        }
        let mut start = 0;
        let bytes = run.text.as_bytes();
        let mut i = 0;
        let mut segments = Vec::new();
        // Split at two breaks separated only by white space.
        while i < run.text.len() {
            if run.text[i..].starts_with(BREAK) {
                let after = i + BREAK.len_utf8();
                let rest = &run.text[after..];
                let gap = rest.len() - rest.trim_start().len();
                if rest[gap..].starts_with(BREAK) {
                    segments.push(start..i);
                    start = after + gap + BREAK.len_utf8();
                    i = start;
                    continue;
                }
            }
            i += 1;
            while i < bytes.len() && !run.text.is_char_boundary(i) {
                i += 1;
            }
        }
        segments.push(start..run.text.len());
        for segment in segments {
            let links: Vec<(String, String)> = run
                .links
                .iter()
                .filter(|(r, _)| r.start >= segment.start && r.end <= segment.end)
                .map(|(r, href)| (run.text[r.clone()].replace(BREAK, " "), href.clone()))
                .collect();
            let line = run.text[segment].replace(BREAK, " ");
            self.paragraph(&line, &links, ctx);
        }
    }

    /// One paragraph of inline text: a related item, a promotion, a byline, furniture, or prose.
    fn paragraph(&mut self, raw: &str, links: &[(String, String)], ctx: Context) {
        let line = sanitize::clean_line(raw);
        if line.is_empty() {
            return;
        }
        if is_section_label(&line) {
            self.pending_label = Some(line);
            return;
        }
        if let Some(label) = self.pending_label.clone()
            && !links.is_empty()
            && line.split_whitespace().count() <= 30
        {
            self.related_links(Some(&label), links);
            return;
        }
        if let Some(rest) = meta::inline_related_title(&line) {
            let link_chars: usize = links
                .iter()
                .map(|(t, _)| sanitize::clean_line(t).chars().count())
                .sum();
            let rest_chars = rest.chars().count();
            if !links.is_empty() && link_chars * 2 >= rest_chars {
                // "Lire aussi Le titre", set apart by markup alone, reads "Lire aussi : Le titre".
                let label = line[..line.len() - rest.len()].trim_end();
                let line = if label.ends_with(|c: char| c.is_alphanumeric()) {
                    meta::join_label(label, rest)
                } else {
                    line.clone()
                };
                let items = links
                    .iter()
                    .map(|(t, href)| (t.clone(), resolve_url(self.base.as_deref(), href)))
                    .filter(|(t, _)| !sanitize::clean_line(t).is_empty())
                    .collect();
                self.pending_label = None;
                push_related(&mut self.builder, &mut self.related, &line, items);
                return;
            }
            if links.is_empty() && ctx.kind == Some(BlockKind::Aside) {
                let title = rest.to_string();
                self.pending_label = None;
                push_related(
                    &mut self.builder,
                    &mut self.related,
                    &line,
                    vec![(title, None)],
                );
                return;
            }
        }
        let words = line.split_whitespace().count();
        // A line of nothing but short links is a list of tags or sections.
        if links.len() >= 2 && links.iter().all(|(t, _)| t.split_whitespace().count() <= 3) {
            let mut rest = line.clone();
            for (t, _) in links {
                rest = rest.replacen(&sanitize::clean_line(t), "", 1);
            }
            if !rest.chars().any(char::is_alphanumeric) {
                return;
            }
        }
        if words <= 30
            && let Some(site) = text::promo_site(&line)
        {
            if self.promo_site.is_none() {
                self.promo_site = Some(site.to_string());
            }
            self.emit(BlockKind::Promo, &line);
            return;
        }
        if words <= 16
            && self.prose_blocks <= 3
            && let Some(names) = meta::byline_names(&line)
        {
            self.add_bylines(names);
            return;
        }
        let lower = line.to_lowercase().replace('’', "'");
        if FURNITURE_LINES.contains(&lower.trim_end_matches(['.', ':', ' ']))
            || (words <= 14 && DATELINE_OPENINGS.iter().any(|d| lower.starts_with(d)))
            || (words <= 6 && lower.ends_with("min read"))
        {
            return;
        }
        self.emit(ctx.kind.unwrap_or(BlockKind::Paragraph), &line);
    }

    fn emit(&mut self, kind: BlockKind, line: &str) {
        if self.builder.push(kind, line).is_some() {
            self.pending_label = None;
            if kind.is_prose() {
                self.prose_blocks += 1;
            }
        }
    }

    fn add_bylines(&mut self, names: Vec<String>) {
        for name in names {
            let name = sanitize::clean_line(&name);
            if !name.is_empty() && !self.bylines.contains(&name) {
                self.bylines.push(name);
            }
        }
    }

    /// A related-articles block: each of its links with a title is an item.
    fn walk_related(&mut self, el: ElementRef<'_>, label: Option<&str>) {
        let mut links = Vec::new();
        for a in el.descendent_elements().filter(|a| a.value().name() == "a") {
            if a.ancestors()
                .filter_map(ElementRef::wrap)
                .take_while(|x| x.id() != el.id())
                .any(|x| DROPPED_TAGS.contains(&x.value().name()) && x.value().name() != "footer")
            {
                continue;
            }
            let Some(href) = a.value().attr("href") else {
                continue;
            };
            // A card's link often wraps a kicker, the title and a summary: its heading is the title.
            let title = a
                .descendent_elements()
                .find(|d| heading_level(d.value().name()).is_some())
                .map(inline_text)
                .unwrap_or_else(|| inline_text(a));
            links.push((title, href.to_string()));
        }
        self.related_links(label, &links);
    }

    fn related_links(&mut self, label: Option<&str>, links: &[(String, String)]) {
        let mut any = false;
        for (title, href) in links {
            let title = sanitize::clean_line(title);
            let words = title.split_whitespace().count();
            if words < 2 || title.chars().count() < 8 || is_section_label(&title) {
                continue;
            }
            let url = resolve_url(self.base.as_deref(), href);
            if let Some(u) = &url
                && !self.taken_urls.insert(u.clone())
            {
                continue;
            }
            let line = match label {
                Some(label) => meta::join_label(label, &title),
                None => title.clone(),
            };
            any |= push_related(
                &mut self.builder,
                &mut self.related,
                &line,
                vec![(title, url)],
            );
        }
        if any {
            self.pending_label = None;
        }
    }

    /// Related-article blocks outside the main content (after it, or beside it), appended at the end.
    fn related_outside(&mut self, doc: &Html, root: ElementRef<'_>) {
        // An explicit stack rather than recursion, and no look up the ancestors per element: deeply nested
        // pages stay linear.
        let mut stack: Vec<ElementRef<'_>> = vec![doc.root_element()];
        while let Some(el) = stack.pop() {
            if el.id() == root.id() {
                continue;
            }
            let name = el.value().name();
            let related = is_related_container(el);
            if matches!(name, "nav" | "footer" | "header" | "form") || (!related && is_noise(el)) {
                continue;
            }
            let label = if related {
                Some(find_label(el))
            } else if matches!(name, "section" | "aside" | "div") {
                // A section headed by a related label.
                el.child_elements()
                    .map(|c| short_text(c, 64))
                    .find(|t| !t.is_empty())
                    .filter(|h| is_section_label(h))
                    .map(Some)
            } else {
                None
            };
            if let Some(label) = label {
                let holds_root = root.ancestors().any(|a| a.id() == el.id());
                if !holds_root && has_links(el) {
                    self.walk_related(el, label.as_deref());
                    continue;
                }
            }
            let children: Vec<_> = el.child_elements().collect();
            stack.extend(children.into_iter().rev());
        }
    }
}

fn has_links(el: ElementRef<'_>) -> bool {
    el.descendent_elements()
        .any(|a| a.value().name() == "a" && a.value().attr("href").is_some())
}

/// The label of a related block: its first heading or short text that reads as one.
fn find_label(el: ElementRef<'_>) -> Option<String> {
    el.descendent_elements()
        .take(100)
        .filter(|d| d.value().name() != "a")
        .map(|d| short_text(d, 64))
        .find(|t| is_section_label(t))
}

/// The text of the first nodes of an element, on one line: enough to recognise a label, in bounded time.
fn short_text(el: ElementRef<'_>, max_nodes: usize) -> String {
    let mut text = String::new();
    for node in el.descendants().take(max_nodes) {
        if let Node::Text(t) = node.value() {
            text.push_str(t);
        }
    }
    sanitize::clean_line(&text)
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
