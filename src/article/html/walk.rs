//! Walking the main content into blocks: paragraphs, headings, blockquotes, list items, and related items.

use std::collections::HashSet;

use scraper::{ElementRef, Html, Node};

use super::super::meta::{self, is_section_label, push_related, resolve_url};
use super::super::{BlockKind, RelatedLink, TextBuilder, sanitize, text};
use super::content::*;

/// Elements beyond this depth are not walked one by one: it bounds the recursion on hostile, deeply nested
/// pages. Their text is still read, flat, by [`push_flat_text`].
pub(super) const MAX_DEPTH: usize = 200;

/// The text under an element, read without recursion (for elements deeper than [`MAX_DEPTH`]): its text nodes
/// in order but those of scripts and styles, a space at each block and a break at each `<br>`.
pub(super) fn push_flat_text(el: ElementRef<'_>, run: &mut Run) {
    for node in el.descendants() {
        match node.value() {
            Node::Text(t) => {
                let hidden = node.parent().and_then(ElementRef::wrap).is_some_and(|p| {
                    matches!(
                        p.value().name(),
                        "script" | "style" | "noscript" | "template"
                    )
                });
                if !hidden {
                    run.text.push_str(t);
                }
            }
            Node::Element(e) if e.name() == "br" => run.text.push(BREAK),
            Node::Element(_) if ElementRef::wrap(node).is_some_and(is_block) => run.text.push(' '),
            _ => {}
        }
    }
}

/// Lines that are page furniture when they stand alone.
pub(super) const FURNITURE_LINES: &[&str] = &[
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
pub(super) const DATELINE_OPENINGS: &[&str] = &[
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

/// The text of an element as one line, without its furniture.
pub(super) fn inline_text(el: ElementRef<'_>) -> String {
    let mut run = Run::default();
    collect_inline(el, &mut run, 0);
    sanitize::clean_line(&run.text.replace(BREAK, " "))
}

pub(super) fn collect_inline(el: ElementRef<'_>, run: &mut Run, depth: usize) {
    if depth > MAX_DEPTH {
        push_flat_text(el, run);
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
pub(super) fn key(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Stands for a `<br>` in a run of inline text: two in a row (`<br><br>`) separate paragraphs.
pub(super) const BREAK: char = '\u{E000}';

/// Inline text gathered between blocks, with the links it holds (byte ranges into `text`).
#[derive(Default)]
pub(super) struct Run {
    pub(super) text: String,
    pub(super) links: Vec<(std::ops::Range<usize>, String)>,
    /// Links still open (their start and address): a block inside a link flushes the run before it closes.
    pub(super) open: Vec<(usize, String)>,
    /// The texts of `<time>` elements: a line made of nothing else is a date stamp, not prose.
    pub(super) times: Vec<String>,
}

#[derive(Clone, Copy, Default)]
pub(super) struct Context {
    /// The kind that paragraphs take here (a blockquote's paragraphs are blockquotes).
    pub(super) kind: Option<BlockKind>,
}

pub(super) struct Walker {
    pub(super) builder: TextBuilder,
    pub(super) related: Vec<RelatedLink>,
    pub(super) base: Option<String>,
    /// The title's key, so that the page's own `<h1>` is not repeated after the title block.
    pub(super) title_key: Option<String>,
    pub(super) bylines: Vec<String>,
    pub(super) promo_site: Option<String>,
    /// A related-section label just seen ("Sur le même sujet"): the links that follow are its items.
    pub(super) pending_label: Option<String>,
    pub(super) prose_blocks: usize,
    pub(super) taken_urls: HashSet<String>,
    /// The paragraph text of the main content, to tell a mislabelled wrapper from furniture.
    pub(super) root_text: usize,
}

impl Walker {
    /// Whether the walk leaves an element out. A furniture class on an element that holds most of the text is
    /// a mislabel (a "paywall" or "commentary" wrapper around the article), so that element stays.
    pub(super) fn is_dropped(&self, el: ElementRef<'_>) -> bool {
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

    pub(super) fn walk(&mut self, el: ElementRef<'_>, ctx: Context, depth: usize) {
        if self.is_dropped(el) {
            return;
        }
        if depth > MAX_DEPTH {
            let mut run = Run::default();
            push_flat_text(el, &mut run);
            self.flush(&mut run, ctx);
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
            // The page's headline repeats the title, sometimes in other words (og:title shorter than <h1>).
            if level == 1
                && self.title_key.is_some()
                && (self.title_key.as_deref() == Some(key(&line).as_str())
                    || self.prose_blocks == 0)
            {
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
    pub(super) fn walk_children(
        &mut self,
        el: ElementRef<'_>,
        ctx: Context,
        run: &mut Run,
        depth: usize,
    ) {
        if depth > MAX_DEPTH {
            push_flat_text(el, run);
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
    pub(super) fn flush(&mut self, open_run: &mut Run, ctx: Context) {
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
    pub(super) fn paragraph(&mut self, raw: &str, links: &[(String, String)], ctx: Context) {
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
                let items = meta::related_links(links, self.base.as_deref());
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
        // A byline opens the article, or, short, closes it.
        if words <= 16
            && (self.prose_blocks <= 3 || words <= 8)
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

    pub(super) fn emit(&mut self, kind: BlockKind, line: &str) {
        if self.builder.push(kind, line).is_some() {
            self.pending_label = None;
            if kind.is_prose() {
                self.prose_blocks += 1;
            }
        }
    }

    pub(super) fn add_bylines(&mut self, names: Vec<String>) {
        for name in names {
            let name = sanitize::clean_line(&name);
            if !name.is_empty() && !self.bylines.contains(&name) {
                self.bylines.push(name);
            }
        }
    }

    /// A related-articles block: each of its links with a title is an item.
    pub(super) fn walk_related(&mut self, el: ElementRef<'_>, label: Option<&str>) {
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

    pub(super) fn related_links(&mut self, label: Option<&str>, links: &[(String, String)]) {
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
    pub(super) fn related_outside(&mut self, doc: &Html, root: ElementRef<'_>) {
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

pub(super) fn has_links(el: ElementRef<'_>) -> bool {
    el.descendent_elements()
        .any(|a| a.value().name() == "a" && a.value().attr("href").is_some())
}

/// The label of a related block: its first heading or short text that reads as one.
pub(super) fn find_label(el: ElementRef<'_>) -> Option<String> {
    el.descendent_elements()
        .take(100)
        .filter(|d| d.value().name() != "a")
        .map(|d| short_text(d, 64))
        .find(|t| is_section_label(t))
}

/// The text of the first nodes of an element, on one line: enough to recognise a label, in bounded time.
pub(super) fn short_text(el: ElementRef<'_>, max_nodes: usize) -> String {
    let mut text = String::new();
    for node in el.descendants().take(max_nodes) {
        if let Node::Text(t) = node.value() {
            text.push_str(t);
        }
    }
    sanitize::clean_line(&text)
}
