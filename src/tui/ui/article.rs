//! The article pane: only the lines in view are styled and drawn.

use std::ops::Range;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::article::BlockKind;
use crate::tui::app::{App, Mark};
use crate::tui::format;
use crate::tui::layout::{LineKind, Regions, TextLayout, VisualLine};
use crate::tui::theme::EntityClass;

/// The marker in the gutter of a line that holds the marked item.
const MARK_GUTTER: &str = "▶";

pub fn draw(app: &App, regions: &Regions, buf: &mut Buffer) {
    let text_area = regions.article_text();
    if text_area.width == 0 || text_area.height == 0 {
        return;
    }
    // The layout is made in `update` for the current size; a frame of another size (which the event loop
    // never draws) wraps on the spot rather than drawing wrong.
    let fresh;
    let (layout, scroll) = if app.layout.width == text_area.width.max(1) {
        (&app.layout, app.scroll)
    } else {
        fresh = TextLayout::new(&app.article, text_area.width);
        let top = app.layout.lines.get(app.scroll).map_or(0, |l| l.pos);
        let line = fresh.line_of_byte(top);
        (&fresh, line)
    };
    let height = usize::from(text_area.height);
    let end = (scroll + height).min(layout.lines.len());
    let visible = layout.lines.get(scroll..end).unwrap_or(&[]);
    for (row, line) in visible.iter().enumerate() {
        let y = text_area.y + row as u16;
        if is_marked(app.mark.as_ref(), line) {
            buf.set_string(regions.article.x, y, MARK_GUTTER, app.theme.mark);
        }
        draw_line(
            app,
            line,
            Rect::new(text_area.x, y, text_area.width, 1),
            buf,
        );
    }
}

/// Whether a line shows (part of) the marked item.
fn is_marked(mark: Option<&Mark>, line: &VisualLine) -> bool {
    let Some(mark) = mark else { return false };
    match line.kind {
        LineKind::Text { .. } => mark
            .bytes
            .as_ref()
            .is_some_and(|b| b.start < line.bytes.end && line.bytes.start < b.end),
        LineKind::RelatedTitle { link, .. } | LineKind::RelatedUrl { link } => {
            mark.bytes.is_none() && mark.related == Some(link)
        }
        LineKind::Blank | LineKind::RelatedHeading => false,
    }
}

fn draw_line(app: &App, line: &VisualLine, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    let indent = line.indent.min(area.width);
    let body = Rect::new(area.x + indent, area.y, area.width - indent, 1);
    match line.kind {
        LineKind::Blank => {}
        LineKind::Text { kind, first } => {
            let base = match kind {
                BlockKind::Title | BlockKind::Heading => theme.title,
                BlockKind::Paragraph => theme.text,
                BlockKind::Blockquote => theme.text.add_modifier(Modifier::ITALIC),
                BlockKind::Aside | BlockKind::Related | BlockKind::Promo => theme.dim,
            };
            if indent > 0 {
                let marker = match (kind, first) {
                    (BlockKind::Related, true) => "↗",
                    _ => "│",
                };
                buf.set_string(area.x, area.y, marker, theme.dim);
            }
            Line::from(text_spans(app, line.bytes.clone(), base)).render(body, buf);
        }
        LineKind::RelatedHeading => {
            let rule = "─".repeat(usize::from(area.width.saturating_sub(18)).min(40));
            Line::from(vec![
                Span::styled("── Related articles ", theme.title),
                Span::styled(rule, theme.dim),
            ])
            .render(area, buf);
        }
        LineKind::RelatedTitle { link, first } => {
            let Some(item) = app.article.related.get(link) else {
                return;
            };
            if first {
                let number = format!("[{}]", link + 1);
                buf.set_stringn(area.x, area.y, number, usize::from(indent), theme.dim);
            }
            let selected = app.mark.as_ref().is_some_and(|m| m.related == Some(link));
            let style = if selected { theme.mark } else { theme.text };
            let title = item.title.get(line.bytes.clone()).unwrap_or("");
            Line::styled(format::one_line(title), style).render(body, buf);
        }
        LineKind::RelatedUrl { link } => {
            let url = app
                .article
                .related
                .get(link)
                .and_then(|l| l.url.as_deref())
                .and_then(|u| u.get(line.bytes.clone()))
                .unwrap_or("");
            Line::styled(
                format::one_line(url),
                theme.dim.add_modifier(Modifier::UNDERLINED),
            )
            .render(body, buf);
        }
    }
}

/// The spans of a run of the text: the base style, patched by entity kind, then search matches, then the mark.
fn text_spans(app: &App, range: Range<usize>, base: Style) -> Vec<Span<'static>> {
    let text = &app.article.text;
    let theme = &app.theme;
    let mut layers: Vec<(Range<usize>, Style)> = Vec::new();
    let entities = &app.analysis.entities;
    let mut i = entities.partition_point(|e| e.span.byte_start < range.start);
    // Step back over entities that begin before the line and run into it (few: mentions are short).
    let mut back = 0;
    while i > 0 && back < 8 {
        i -= 1;
        back += 1;
    }
    for entity in entities[i..]
        .iter()
        .take_while(|e| e.span.byte_start < range.end)
    {
        if entity.span.byte_end > range.start {
            let style = theme.entity(EntityClass::of(entity.kind));
            layers.push((entity.span.bytes(), style));
        }
    }
    let matches = &app.search.matches;
    let first = matches.partition_point(|m| m.end <= range.start);
    for m in matches[first..].iter().take_while(|m| m.start < range.end) {
        layers.push((m.clone(), theme.search));
    }
    if let Some(bytes) = app.mark.as_ref().and_then(|m| m.bytes.clone())
        && bytes.start < range.end
        && range.start < bytes.end
    {
        layers.push((bytes, theme.mark));
    }
    let mut cuts = vec![range.start, range.end];
    for (r, _) in &layers {
        cuts.push(r.start.clamp(range.start, range.end));
        cuts.push(r.end.clamp(range.start, range.end));
    }
    cuts.sort_unstable();
    cuts.dedup();
    let mut spans = Vec::with_capacity(cuts.len());
    for pair in cuts.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        let Some(piece) = text.get(a..b) else {
            continue;
        };
        let style = layers
            .iter()
            .filter(|(r, _)| r.start <= a && b <= r.end)
            .fold(base, |s, (_, layer)| s.patch(*layer));
        spans.push(Span::styled(format::one_line(piece), style));
    }
    spans
}
