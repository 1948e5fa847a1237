//! Markdown through a CommonMark parser (pulldown-cmark).
//!
//! The first level-1 heading is the title; headings, paragraphs, list items and blockquotes become blocks. A
//! paragraph or list item that opens with a related label and holds a link ("À lire aussi : [Titre](url)",
//! "Read more: [Title](url)"), the links listed under a "## À lire aussi" heading, and `> À lire aussi : Titre`
//! lines as in the plain-text format are related items. A front matter block between `---` lines may give
//! `title`, `date` (or `published`), `author` (or `authors`), `site`, `url` and `lang`.

use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};

use super::meta::{self, is_section_label, push_related};
use super::{Article, BlockKind, Lang, RelatedLink, TextBuilder, sanitize, text};
use crate::error::Result;

pub(crate) fn load(input: &str) -> Result<(Article, Option<Lang>)> {
    let (front, body) = split_front_matter(input);
    let mut loader = Loader {
        builder: TextBuilder::default(),
        related: Vec::new(),
        base: front.url.clone(),
        title: front.title.clone(),
        pending_label: None,
        promo_site: None,
    };
    if let Some(title) = &front.title {
        loader.builder.push(BlockKind::Title, title);
    }
    let mut run = Run::default();
    let mut quote_depth = 0usize;
    let mut heading: Option<HeadingLevel> = None;
    let mut image_depth = 0usize;
    let mut link_starts: Vec<(usize, String)> = Vec::new();
    for event in Parser::new(body) {
        match event {
            Event::Start(tag) => match tag {
                Tag::Heading { level, .. } => {
                    loader.flush(&mut run, quote_depth > 0, None);
                    heading = Some(level);
                }
                Tag::BlockQuote(_) => {
                    loader.flush(&mut run, quote_depth > 0, None);
                    quote_depth += 1;
                }
                Tag::Paragraph
                | Tag::Item
                | Tag::List(_)
                | Tag::CodeBlock(_)
                | Tag::HtmlBlock
                | Tag::Table(_)
                | Tag::TableRow
                | Tag::TableCell
                | Tag::FootnoteDefinition(_) => loader.flush(&mut run, quote_depth > 0, None),
                Tag::Link { dest_url, .. } => {
                    link_starts.push((run.text.len(), dest_url.to_string()))
                }
                Tag::Image { .. } => image_depth += 1,
                _ => {}
            },
            Event::End(end) => match end {
                TagEnd::Heading(_) => {
                    loader.flush(&mut run, quote_depth > 0, heading.take());
                }
                TagEnd::BlockQuote(_) => {
                    loader.flush(&mut run, true, None);
                    quote_depth = quote_depth.saturating_sub(1);
                }
                TagEnd::Paragraph
                | TagEnd::Item
                | TagEnd::List(_)
                | TagEnd::CodeBlock
                | TagEnd::HtmlBlock
                | TagEnd::Table
                | TagEnd::TableRow
                | TagEnd::TableCell
                | TagEnd::FootnoteDefinition => loader.flush(&mut run, quote_depth > 0, None),
                TagEnd::Link => {
                    if let Some((start, url)) = link_starts.pop() {
                        let start = start.min(run.text.len());
                        if run.text.len() > start {
                            run.links.push((run.text[start..].to_string(), url));
                        }
                    }
                }
                TagEnd::Image => image_depth = image_depth.saturating_sub(1),
                _ => {}
            },
            Event::Text(t) | Event::Code(t) if image_depth == 0 => run.text.push_str(&t),
            Event::SoftBreak | Event::HardBreak => run.text.push(' '),
            _ => {}
        }
    }
    loader.flush(&mut run, false, None);

    let title = loader.title.take();
    let site = front.site.or_else(|| loader.promo_site.take());
    let (text, blocks) = loader.builder.finish();
    let article = Article {
        title,
        site,
        url: front.url,
        authors: front.authors,
        published: front.published,
        text,
        blocks,
        related: loader.related,
        ..Article::default()
    };
    Ok((article, front.lang))
}

/// What a front matter block declares.
#[derive(Default)]
struct FrontMatter {
    title: Option<String>,
    site: Option<String>,
    url: Option<String>,
    authors: Vec<String>,
    published: Option<chrono::NaiveDate>,
    lang: Option<Lang>,
}

/// Separates a front matter block (`---` … `---` or `...` at the very start) from the Markdown, and reads its
/// `key: value` lines; a list of authors may be `[A, B]` or `- A` lines.
fn split_front_matter(input: &str) -> (FrontMatter, &str) {
    let mut front = FrontMatter::default();
    let Some(rest) = input.strip_prefix("---\n") else {
        return (front, input);
    };
    let mut end = None;
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        if matches!(line.trim_end(), "---" | "...") {
            end = Some((offset, offset + line.len()));
            break;
        }
        offset += line.len();
    }
    let Some((block_end, body_start)) = end else {
        return (front, input);
    };
    let mut last_key = String::new();
    for line in rest[..block_end].lines() {
        if let Some(item) = line.trim_start().strip_prefix("- ") {
            if matches!(last_key.as_str(), "author" | "authors") {
                front.authors.push(unquote(item).to_string());
            }
            continue;
        }
        let Some((key, value)) = line.split_once(':') else {
            continue;
        };
        let key = key.trim().to_ascii_lowercase();
        let value = unquote(value.trim());
        last_key = key.clone();
        if value.is_empty() {
            continue;
        }
        match key.as_str() {
            "title" => front.title = Some(value.to_string()),
            "site" | "site_name" | "publisher" => front.site = Some(value.to_string()),
            "url" | "canonical" | "link" => front.url = Some(value.to_string()),
            "date" | "published" => front.published = meta::parse_date(value),
            "lang" | "language" => front.lang = value.parse().ok(),
            "author" | "authors" => {
                let list = value.trim_start_matches('[').trim_end_matches(']');
                for name in list.split(',') {
                    front
                        .authors
                        .extend(meta::split_authors(unquote(name.trim())));
                }
            }
            _ => {}
        }
    }
    (front, &rest[body_start..])
}

fn unquote(s: &str) -> &str {
    let s = s.trim();
    for q in ['"', '\''] {
        if let Some(inner) = s.strip_prefix(q).and_then(|r| r.strip_suffix(q)) {
            return inner;
        }
    }
    s
}

/// Inline text gathered for one block, with the links it holds (their text and address).
#[derive(Default)]
struct Run {
    text: String,
    links: Vec<(String, String)>,
}

struct Loader {
    builder: TextBuilder,
    related: Vec<RelatedLink>,
    base: Option<String>,
    title: Option<String>,
    /// A related-section label just seen ("## À lire aussi"): the links that follow are its items.
    pending_label: Option<String>,
    promo_site: Option<String>,
}

impl Loader {
    fn flush(&mut self, run: &mut Run, quoted: bool, heading: Option<HeadingLevel>) {
        let run = std::mem::take(run);
        let line = sanitize::clean_line(&run.text);
        if line.is_empty() {
            return;
        }
        if let Some(level) = heading {
            if is_section_label(&line) {
                self.pending_label = Some(line);
                return;
            }
            self.pending_label = None;
            if level == HeadingLevel::H1 {
                match &self.title {
                    None => {
                        self.title = Some(line.clone());
                        self.builder.push(BlockKind::Title, &line);
                        return;
                    }
                    Some(title) if sanitize::clean_line(title) == line => return,
                    Some(_) => {}
                }
            }
            self.builder.push(BlockKind::Heading, &line);
            return;
        }
        if is_section_label(&line) {
            self.pending_label = Some(line);
            return;
        }
        if let Some(label) = self.pending_label.clone() {
            if !run.links.is_empty() && line.split_whitespace().count() <= 30 {
                for (title, url) in meta::related_links(&run.links, self.base.as_deref()) {
                    let joined = meta::join_label(&label, &sanitize::clean_line(&title));
                    push_related(
                        &mut self.builder,
                        &mut self.related,
                        &joined,
                        vec![(title, url)],
                    );
                }
                return;
            }
            self.pending_label = None;
        }
        if let Some(rest) = meta::inline_related_title(&line) {
            let link_chars: usize = run
                .links
                .iter()
                .map(|(t, _)| sanitize::clean_line(t).chars().count())
                .sum();
            if !run.links.is_empty() && link_chars * 2 >= rest.chars().count() {
                let items = meta::related_links(&run.links, self.base.as_deref());
                push_related(&mut self.builder, &mut self.related, &line, items);
                return;
            }
            if run.links.is_empty() && quoted {
                let title = rest.to_string();
                push_related(
                    &mut self.builder,
                    &mut self.related,
                    &line,
                    vec![(title, None)],
                );
                return;
            }
        }
        if let Some(site) = text::promo_site(&line)
            && line.split_whitespace().count() <= 30
        {
            if self.promo_site.is_none() {
                self.promo_site = Some(site.to_string());
            }
            self.builder.push(BlockKind::Promo, &line);
            return;
        }
        let kind = if quoted {
            BlockKind::Blockquote
        } else {
            BlockKind::Paragraph
        };
        self.builder.push(kind, &line);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load_md(s: &str) -> Article {
        load(s).unwrap().0
    }

    fn texts(a: &Article) -> Vec<(BlockKind, &str)> {
        a.blocks.iter().map(|b| (b.kind, a.slice(b.span))).collect()
    }

    #[test]
    fn headings_paragraphs_lists_and_quotes() {
        let a = load_md(
            "# Le titre\n\nUn *premier* paragraphe\nsur deux lignes.\n\n## Intertitre\n\n- un\n- deux\n\n> Une citation.\n\n![image](x.png)\n",
        );
        assert_eq!(
            texts(&a),
            [
                (BlockKind::Title, "Le titre"),
                (
                    BlockKind::Paragraph,
                    "Un premier paragraphe sur deux lignes."
                ),
                (BlockKind::Heading, "Intertitre"),
                (BlockKind::Paragraph, "un"),
                (BlockKind::Paragraph, "deux"),
                (BlockKind::Blockquote, "Une citation."),
            ]
        );
        assert_eq!(a.title.as_deref(), Some("Le titre"));
    }

    #[test]
    fn related_items_inline_in_sections_and_in_asides() {
        let a = load_md(
            "---\ntitle: \"T\"\nurl: https://exemple.fr/a/b\ndate: 2023-03-17\nauthors:\n  - Ann Lee\n  - Bob Stone\n---\n\n\
             Texte.\n\nÀ lire aussi : [Un autre titre](/c)\n\n> Lire aussi : Sans lien\n\n## Sur le même sujet\n\n\
             - [Premier lien ici](d)\n- [Second lien là](https://autre.org/e)\n\n## Suite\n\nFin.\n",
        );
        let titles: Vec<_> = a
            .related
            .iter()
            .map(|r| (r.title.as_str(), r.url.as_deref()))
            .collect();
        assert_eq!(
            titles,
            [
                ("Un autre titre", Some("https://exemple.fr/c")),
                ("Sans lien", None),
                ("Premier lien ici", Some("https://exemple.fr/a/d")),
                ("Second lien là", Some("https://autre.org/e")),
            ]
        );
        assert_eq!(a.authors, ["Ann Lee", "Bob Stone"]);
        assert_eq!(a.published, chrono::NaiveDate::from_ymd_opt(2023, 3, 17));
        assert_eq!(a.title.as_deref(), Some("T"));
        let kinds: Vec<_> = a.blocks.iter().map(|b| b.kind).collect();
        assert_eq!(
            kinds,
            [
                BlockKind::Title,
                BlockKind::Paragraph,
                BlockKind::Related,
                BlockKind::Related,
                BlockKind::Related,
                BlockKind::Related,
                BlockKind::Heading,
                BlockKind::Paragraph,
            ]
        );
    }

    #[test]
    fn front_matter_without_end_is_text() {
        let a = load_md("---\ntitle: x\n\nTexte.\n");
        assert_eq!(a.title, None);
    }
}
