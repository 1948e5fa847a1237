//! Choosing a loader: from a file's extension, or from what its content looks like.

use std::path::Path;

use serde::Serialize;

/// The formats liseuse reads.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Format {
    /// Plain text: one paragraph per line, `> ` asides (see the README).
    #[default]
    Text,
    Html,
    Json,
    Markdown,
}

impl Format {
    /// The format an extension names, or `None` to sniff the content.
    pub fn from_extension(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "html" | "htm" | "xhtml" => Some(Format::Html),
            "json" => Some(Format::Json),
            "md" | "markdown" => Some(Format::Markdown),
            "txt" | "text" => Some(Format::Text),
            _ => None,
        }
    }

    /// The name the JSON output uses.
    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Html => "html",
            Format::Json => "json",
            Format::Markdown => "markdown",
        }
    }

    /// Whether files with this path's extension are articles a library lists.
    pub fn is_article_path(path: &Path) -> bool {
        Format::from_extension(path).is_some()
    }
}

/// Guesses the format of decoded input from its first non-blank characters and its shape.
pub fn sniff_format(input: &str) -> Format {
    let head: String = input.trim_start().chars().take(1024).collect();
    let lower = head.to_ascii_lowercase();
    if lower.starts_with("<!doctype html")
        || lower.starts_with("<html")
        || (lower.starts_with("<!--") && lower.contains("<html"))
        || lower.starts_with("<?xml") && lower.contains("<html")
        || (lower.starts_with('<')
            && [
                "<head",
                "<body",
                "<article",
                "<p>",
                "<p ",
                "<div",
                "<meta",
                "<title",
                "<section",
                "<main",
                "<h1",
                "<h2",
                "<ul",
                "<blockquote",
                "<span",
                "<a href",
            ]
            .iter()
            .any(|tag| lower.contains(tag)))
    {
        return Format::Html;
    }
    if head.starts_with('{') && serde_json::from_str::<serde_json::Value>(input).is_ok() {
        return Format::Json;
    }
    if looks_like_markdown(input) {
        return Format::Markdown;
    }
    Format::Text
}

/// Markdown when an ATX heading opens the text, or several lines use Markdown's own marks.
fn looks_like_markdown(input: &str) -> bool {
    // A front matter block that names a title.
    if let Some(rest) = input.strip_prefix("---\n") {
        let block = rest.split("\n---").next().unwrap_or("");
        if block.len() < rest.len() && block.lines().any(|l| l.starts_with("title:")) {
            return true;
        }
    }
    let mut marks = 0;
    for (n, line) in input.lines().take(200).enumerate() {
        let line = line.trim_start();
        let heading = line.starts_with("# ") || line.starts_with("## ") || line.starts_with("### ");
        if heading && n < 3 {
            return true;
        }
        if heading || line.starts_with("```") || line.starts_with("- [") {
            marks += 1;
        }
        if line.contains("](") && line.contains('[') {
            marks += 1;
        }
        if line.contains("**") || line.starts_with("* ") {
            marks += 1;
        }
    }
    marks >= 2
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffs_each_format() {
        let rows = [
            ("<!DOCTYPE html><html><p>x</p></html>", Format::Html),
            ("  <html lang=fr>", Format::Html),
            ("<div class=a><p>Bonjour</p></div>", Format::Html),
            ("{\"title\": \"T\", \"body\": \"x\"}", Format::Json),
            ("{ pas du JSON", Format::Text),
            ("# Titre\n\nUn paragraphe.", Format::Markdown),
            (
                "Texte avec [un lien](http://a) et **gras**.\n",
                Format::Markdown,
            ),
            (
                "Xi Jinping ira en Russie.\n> À lire aussi : X\n",
                Format::Text,
            ),
            ("< 3 choses à savoir\n", Format::Text),
            ("<!-- généré --><html><body><p>x</p>", Format::Html),
            ("<section><h2>Titre</h2><p>x</p></section>", Format::Html),
            (
                "---\ntitle: T\ndate: 2023-01-01\n---\n\nUn texte.\n",
                Format::Markdown,
            ),
            ("---\n\nUn texte après un filet.\n", Format::Text),
        ];
        for (input, want) in rows {
            assert_eq!(sniff_format(input), want, "{input:?}");
        }
    }

    #[test]
    fn extensions_choose_the_loader() {
        assert_eq!(
            Format::from_extension(Path::new("a/b.HTM")),
            Some(Format::Html)
        );
        assert_eq!(
            Format::from_extension(Path::new("a.md")),
            Some(Format::Markdown)
        );
        assert_eq!(
            Format::from_extension(Path::new("a.json")),
            Some(Format::Json)
        );
        assert_eq!(Format::from_extension(Path::new("a")), None);
    }
}
