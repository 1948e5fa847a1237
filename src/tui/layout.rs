//! Where things go: the article wrapped into lines at a width (computed once per width), and the screen's
//! regions for a terminal size, which drawing and mouse handling share.

use std::ops::Range;

use ratatui::layout::{Constraint, Layout, Rect};
use textwrap::WordSeparator;
use textwrap::core::break_words;
use textwrap::wrap_algorithms::wrap_first_fit;

use crate::article::{Article, BlockKind};

/// What one line of the wrapped article shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LineKind {
    /// The space between two blocks.
    Blank,
    /// A run of the article's text, from a block of this kind; `first` on the block's first line.
    Text { kind: BlockKind, first: bool },
    /// The heading of the related items listed after the article.
    RelatedHeading,
    /// Part of a related item's title, after the article; `first` on its first line.
    RelatedTitle { link: usize, first: bool },
    /// A related item's address.
    RelatedUrl { link: usize },
}

/// One line of the wrapped article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VisualLine {
    pub kind: LineKind,
    /// Columns before the text (room for an aside's marker or an item number).
    pub indent: u16,
    /// Bytes of the article's text for `Text` lines; of the link's title or address for related lines.
    pub bytes: Range<usize>,
    /// Where the line stands in the article's text, for ordering (the text's length after the article).
    pub pos: usize,
}

/// The article wrapped at one width.
#[derive(Clone, Debug, Default)]
pub struct TextLayout {
    pub width: u16,
    pub lines: Vec<VisualLine>,
}

/// Columns that set an aside, a blockquote or a related item apart from the text.
pub const ASIDE_INDENT: u16 = 2;
/// Columns before a related item's title after the article (`[1] `).
pub const RELATED_INDENT: u16 = 4;

impl TextLayout {
    /// Wraps the article's blocks at `width` columns, with a blank line between blocks and the related items
    /// listed after the text.
    pub fn new(article: &Article, width: u16) -> Self {
        let width = width.max(1);
        let mut lines = Vec::new();
        for block in &article.blocks {
            let text = article.slice(block.span);
            if text.trim().is_empty() {
                continue;
            }
            if !lines.is_empty() {
                lines.push(VisualLine {
                    kind: LineKind::Blank,
                    indent: 0,
                    bytes: block.span.byte_start..block.span.byte_start,
                    pos: block.span.byte_start,
                });
            }
            let indent = match block.kind {
                BlockKind::Aside
                | BlockKind::Blockquote
                | BlockKind::Related
                | BlockKind::Promo => ASIDE_INDENT,
                _ => 0,
            };
            let inner = usize::from(width.saturating_sub(indent).max(1));
            for (i, range) in wrap(text, inner).into_iter().enumerate() {
                let bytes = block.span.byte_start + range.start..block.span.byte_start + range.end;
                lines.push(VisualLine {
                    kind: LineKind::Text {
                        kind: block.kind,
                        first: i == 0,
                    },
                    indent,
                    pos: bytes.start,
                    bytes,
                });
            }
        }
        if !article.related.is_empty() {
            let end = article.text.len();
            let blank = VisualLine {
                kind: LineKind::Blank,
                indent: 0,
                bytes: end..end,
                pos: end,
            };
            if !lines.is_empty() {
                lines.push(blank.clone());
            }
            lines.push(VisualLine {
                kind: LineKind::RelatedHeading,
                ..blank.clone()
            });
            let inner = usize::from(width.saturating_sub(RELATED_INDENT).max(1));
            for (link, item) in article.related.iter().enumerate() {
                for (i, bytes) in wrap(&item.title, inner).into_iter().enumerate() {
                    lines.push(VisualLine {
                        kind: LineKind::RelatedTitle {
                            link,
                            first: i == 0,
                        },
                        indent: RELATED_INDENT,
                        bytes,
                        pos: end,
                    });
                }
                if let Some(url) = &item.url {
                    for bytes in wrap(url, inner) {
                        lines.push(VisualLine {
                            kind: LineKind::RelatedUrl { link },
                            indent: RELATED_INDENT,
                            bytes,
                            pos: end,
                        });
                    }
                }
            }
        }
        TextLayout { width, lines }
    }

    /// The line that shows the byte `byte` of the text (the nearest line before it when none does).
    pub fn line_of_byte(&self, byte: usize) -> usize {
        let after = self
            .lines
            .partition_point(|l| l.pos < byte || (l.pos == byte && l.kind == LineKind::Blank));
        let mut i = after;
        // `after` is the first line starting past `byte`, or one starting exactly at it.
        if i < self.lines.len() && self.lines[i].pos == byte {
            return i;
        }
        i = i.saturating_sub(1);
        while i > 0 && self.lines[i].kind == LineKind::Blank {
            i -= 1;
        }
        i
    }

    /// The first line of a related item listed after the article.
    pub fn line_of_related(&self, link: usize) -> Option<usize> {
        self.lines.iter().position(
            |l| matches!(l.kind, LineKind::RelatedTitle { link: k, first: true } if k == link),
        )
    }
}

/// Wraps one paragraph at `width` columns; the ranges are byte ranges of `text`, words never cut unless a word
/// alone is wider than the line.
fn wrap(text: &str, width: usize) -> Vec<Range<usize>> {
    let base = text.as_ptr() as usize;
    let words = break_words(WordSeparator::AsciiSpace.find_words(text), width);
    let mut out = Vec::new();
    for line in wrap_first_fit(&words, &[width as f64]) {
        let (Some(first), Some(last)) = (line.first(), line.last()) else {
            continue;
        };
        // The words are slices of `text`, so their addresses give their offsets.
        let start = first.word.as_ptr() as usize - base;
        let end = last.word.as_ptr() as usize - base + last.word.len();
        if start < end {
            out.push(start..end);
        }
    }
    out
}

/// Which panel has the focus.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Panel {
    #[default]
    Article,
    Quotes,
    Timeline,
    Related,
}

impl Panel {
    pub const ALL: [Panel; 4] = [
        Panel::Article,
        Panel::Quotes,
        Panel::Timeline,
        Panel::Related,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Panel::Article => "Article",
            Panel::Quotes => "Quotes",
            Panel::Timeline => "Timeline",
            Panel::Related => "Related",
        }
    }
}

/// Below this width the side panels become overlays.
pub const NARROW_WIDTH: u16 = 100;
/// Lines longer than this are hard to follow: a very wide terminal leaves the rest of the pane empty.
pub const MAX_TEXT_WIDTH: u16 = 100;
/// Below these sizes only a short message is drawn.
pub const MIN_WIDTH: u16 = 30;
pub const MIN_HEIGHT: u16 = 8;

/// The screen's regions for one terminal size.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Regions {
    pub header: Rect,
    /// The article pane, its gutter included.
    pub article: Rect,
    pub quotes: Option<Rect>,
    pub timeline: Option<Rect>,
    pub related: Option<Rect>,
    pub status: Rect,
    /// In a narrow terminal: the overlay showing the focused side panel.
    pub overlay: Option<Rect>,
    pub narrow: bool,
    pub too_small: bool,
}

impl Regions {
    /// Splits `area`; `focus` decides which overlay a narrow terminal shows, and `related_items` how tall the
    /// Related panel is.
    pub fn new(area: Rect, focus: Panel, related_items: usize) -> Self {
        if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
            return Regions {
                too_small: true,
                ..Regions::default()
            };
        }
        let [header, body, status] = Layout::vertical([
            Constraint::Length(2),
            Constraint::Fill(1),
            Constraint::Length(1),
        ])
        .areas(area);
        if area.width < NARROW_WIDTH {
            let overlay = (focus != Panel::Article).then(|| {
                let margin_x = (body.width / 12).max(1);
                Rect::new(
                    body.x + margin_x,
                    body.y,
                    body.width.saturating_sub(2 * margin_x),
                    body.height,
                )
            });
            return Regions {
                header,
                article: body,
                status,
                overlay,
                narrow: true,
                ..Regions::default()
            };
        }
        let [article, side] =
            Layout::horizontal([Constraint::Fill(2), Constraint::Fill(1)]).areas(body);
        let related_height = (related_items.min(20) as u16 + 6).clamp(6, (body.height / 3).max(6));
        let [quotes, timeline, related] = Layout::vertical([
            Constraint::Fill(1),
            Constraint::Fill(1),
            Constraint::Length(related_height),
        ])
        .areas(side);
        Regions {
            header,
            article,
            quotes: Some(quotes),
            timeline: Some(timeline),
            related: Some(related),
            status,
            overlay: None,
            narrow: false,
            too_small: false,
        }
    }

    /// The rectangle a side panel is drawn in, as a column or as the overlay.
    pub fn panel(&self, panel: Panel) -> Option<Rect> {
        if self.narrow {
            return self.overlay;
        }
        match panel {
            Panel::Article => Some(self.article),
            Panel::Quotes => self.quotes,
            Panel::Timeline => self.timeline,
            Panel::Related => self.related,
        }
    }

    /// The text area of the article pane: a gutter column for the marker on the left, a margin on the right,
    /// and lines no longer than [`MAX_TEXT_WIDTH`] however wide the terminal.
    pub fn article_text(&self) -> Rect {
        let a = self.article;
        Rect::new(
            a.x.saturating_add(2),
            a.y,
            a.width.saturating_sub(4).min(MAX_TEXT_WIDTH),
            a.height,
        )
    }

    /// The panel under a cell, the overlay first.
    pub fn panel_at(&self, column: u16, row: u16) -> Option<Panel> {
        let pos = ratatui::layout::Position::new(column, row);
        if self.overlay.is_some_and(|r| r.contains(pos)) {
            return None;
        }
        if self.article.contains(pos) {
            return Some(Panel::Article);
        }
        for (panel, rect) in [
            (Panel::Quotes, self.quotes),
            (Panel::Timeline, self.timeline),
            (Panel::Related, self.related),
        ] {
            if rect.is_some_and(|r| r.contains(pos)) {
                return Some(panel);
            }
        }
        None
    }
}

/// The first item shown in a list of `len` items with room for `visible`, keeping `selected` in view and near
/// the middle.
pub fn list_offset(selected: usize, len: usize, visible: usize) -> usize {
    if visible == 0 || len <= visible {
        return 0;
    }
    selected.saturating_sub(visible / 2).min(len - visible)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{Format, load_str};

    #[test]
    fn wraps_at_the_width_without_cutting_words() {
        let text = "Le port de Brest accueillera un sommet";
        let lines: Vec<&str> = wrap(text, 12).into_iter().map(|r| &text[r]).collect();
        assert_eq!(lines, ["Le port de", "Brest", "accueillera", "un sommet"]);
        let lines: Vec<&str> = wrap("abcdefgh", 3)
            .into_iter()
            .map(|r| &"abcdefgh"[r])
            .collect();
        assert_eq!(lines, ["abc", "def", "gh"]);
    }

    #[test]
    fn lays_out_blocks_with_blank_lines_and_related_items_after() {
        let article = load_str(
            "Un titre court\n\nPremier paragraphe assez long.\n> À lire aussi : Autre article\n",
            Format::Text,
            None,
        );
        let layout = TextLayout::new(&article, 20);
        let kinds: Vec<LineKind> = layout.lines.iter().map(|l| l.kind).collect();
        assert!(matches!(
            kinds[0],
            LineKind::Text {
                kind: BlockKind::Title,
                ..
            }
        ));
        assert_eq!(kinds[1], LineKind::Blank);
        assert!(kinds.contains(&LineKind::RelatedHeading));
        assert_eq!(layout.line_of_related(0), Some(layout.lines.len() - 1));
        let para = article.text.find("Premier").unwrap();
        let line = layout.line_of_byte(para + 9);
        assert_eq!(
            &article.text[layout.lines[line].bytes.clone()],
            "Premier paragraphe"
        );
    }

    #[test]
    fn regions_by_size() {
        let rows: &[((u16, u16), bool, bool, u16)] = &[
            // size, too small, narrow, text width
            ((120, 40), false, false, 76),
            ((80, 24), false, true, 76),
            ((100, 30), false, false, 63),
            ((99, 30), false, true, 95),
            ((240, 60), false, false, MAX_TEXT_WIDTH),
            ((29, 40), true, false, 0),
            ((120, 7), true, false, 0),
        ];
        for &((w, h), too_small, narrow, text) in rows {
            let r = Regions::new(Rect::new(0, 0, w, h), Panel::Article, 1);
            assert_eq!(r.too_small, too_small, "{w}x{h}");
            assert_eq!(r.narrow, narrow, "{w}x{h}");
            assert_eq!(r.article_text().width, text, "{w}x{h}");
        }
        let overlay = Regions::new(Rect::new(0, 0, 80, 24), Panel::Quotes, 1);
        assert!(overlay.overlay.is_some());
        assert_eq!(overlay.panel(Panel::Timeline), overlay.overlay);
    }

    #[test]
    fn list_offset_keeps_the_selection_in_view() {
        assert_eq!(list_offset(0, 3, 10), 0);
        assert_eq!(list_offset(9, 20, 4), 7);
        assert_eq!(list_offset(19, 20, 4), 16);
    }
}
