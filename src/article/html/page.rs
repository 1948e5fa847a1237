//! What a page says about itself outside its text: Open Graph and `<meta>` tags, JSON-LD, the canonical link.

use scraper::Html;
use serde_json::Value;

use super::super::meta::resolve_url;
use super::super::{Lang, meta, sanitize};

/// What the page says about itself outside its text.
#[derive(Default)]
pub(super) struct PageMeta {
    pub(super) title: Option<String>,
    pub(super) page_title: Option<String>,
    pub(super) site: Option<String>,
    pub(super) url: Option<String>,
    pub(super) base: Option<String>,
    pub(super) authors: Vec<String>,
    pub(super) published: Option<chrono::NaiveDate>,
    pub(super) lang: Option<Lang>,
}

impl PageMeta {
    pub(super) fn read(doc: &Html) -> PageMeta {
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

pub(super) fn parse_lang(s: &str) -> Option<Lang> {
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
pub(super) struct LdArticle {
    pub(super) headline: Option<String>,
    pub(super) publisher: Option<String>,
    pub(super) url: Option<String>,
    pub(super) authors: Vec<String>,
    pub(super) published: Option<String>,
}

impl LdArticle {
    /// Looks for the first object whose `@type` is an article, through arrays and `@graph`.
    pub(super) fn find(&mut self, value: &Value, depth: usize) {
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

    pub(super) fn read(&mut self, map: &serde_json::Map<String, Value>) {
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

pub(super) fn is_article_type(kind: Option<&Value>) -> bool {
    let is = |s: &str| {
        s.ends_with("Article") || matches!(s, "BlogPosting" | "LiveBlogPosting" | "Report")
    };
    match kind {
        Some(Value::String(s)) => is(s),
        Some(Value::Array(kinds)) => kinds.iter().filter_map(Value::as_str).any(is),
        _ => false,
    }
}

pub(super) fn collect_ld_names(value: Option<&Value>, out: &mut Vec<String>) {
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
pub(super) fn strip_site_suffix(title: &str, site: Option<&str>) -> String {
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
pub(super) fn site_from_page_title(
    page_title: Option<&str>,
    title: Option<&str>,
) -> Option<String> {
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
