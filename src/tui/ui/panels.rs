//! The side panels: Quotes, Timeline and Related, each a bordered list.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Widget};

use crate::tui::app::{App, related_list_rows};
use crate::tui::format::{self, truncate, width};
use crate::tui::layout::{Panel, list_offset};

/// Draws a side panel in `area`: its frame, then its list.
pub fn draw(app: &App, panel: Panel, area: Rect, buf: &mut Buffer) {
    if area.width < 3 || area.height < 3 {
        return;
    }
    let focused = app.focus == panel;
    let count = app.list_len(panel);
    let title = if focused {
        format!(" ▶ {} ({count}) ", panel.label())
    } else {
        format!(" {} ({count}) ", panel.label())
    };
    let block = Block::bordered()
        .title(title)
        .border_type(if focused {
            BorderType::Thick
        } else {
            BorderType::Plain
        })
        .border_style(if focused {
            app.theme.border_focused
        } else {
            app.theme.border
        });
    let inner = block.inner(area);
    block.render(area, buf);
    if inner.width == 0 || inner.height == 0 {
        return;
    }
    match panel {
        Panel::Quotes => quotes(app, inner, buf),
        Panel::Timeline => timeline(app, inner, buf),
        Panel::Related => related(app, inner, buf),
        Panel::Article => {}
    }
}

/// The style of a list row, and its leading marker, so a selection shows without colour.
fn row_style(app: &App, panel: Panel, selected: bool) -> (Style, &'static str) {
    match (selected, app.focus == panel) {
        (true, true) => (app.theme.selected, "▶ "),
        (true, false) => (Style::new().add_modifier(Modifier::BOLD), "▷ "),
        _ => (Style::new(), "  "),
    }
}

fn empty(app: &App, text: &str, area: Rect, buf: &mut Buffer) {
    Line::styled(truncate(text, usize::from(area.width)), app.theme.dim).render(area, buf);
}

fn quotes(app: &App, area: Rect, buf: &mut Buffer) {
    let quotes = &app.analysis.quotes;
    if quotes.is_empty() {
        empty(app, "No quotation found.", area, buf);
        return;
    }
    let cols = usize::from(area.width);
    let visible = (usize::from(area.height) / 2).max(1);
    let offset = list_offset(app.selected_quote, quotes.len(), visible);
    let (open, close) = match app.lang() {
        crate::article::Lang::En => ("“", "”"),
        _ => ("«\u{a0}", "\u{a0}»"),
    };
    for (row, (i, quote)) in quotes.iter().enumerate().skip(offset).enumerate() {
        let y = area.y + (row * 2) as u16;
        if y >= area.bottom() {
            break;
        }
        let (style, marker) = row_style(app, Panel::Quotes, i == app.selected_quote);
        let words = format::one_line(app.article.slice(quote.span));
        let room = cols.saturating_sub(width(marker) + width(open) + width(close));
        let text = format!("{marker}{open}{}{close}", truncate(words.trim(), room));
        let first = Rect::new(area.x, y, area.width, 1);
        buf.set_style(first, style);
        Line::styled(text, style).render(first, buf);
        if y + 1 < area.bottom() {
            let speaker = quote
                .speaker
                .as_ref()
                .map_or("(no source named)".to_string(), |s| {
                    format::one_line(&s.canonical)
                });
            let mut spans = vec![Span::raw("  — "), Span::styled(speaker, app.theme.person)];
            if let Some(cue) = &quote.cue {
                spans.push(Span::styled(
                    format!(" · {}", format::one_line(cue)),
                    app.theme.dim,
                ));
            }
            let second = Rect::new(area.x, y + 1, area.width, 1);
            Line::from(spans).render(second, buf);
        }
    }
}

fn timeline(app: &App, area: Rect, buf: &mut Buffer) {
    let entries = &app.analysis.timeline;
    let rows = app.timeline_rows();
    if entries.is_empty() {
        empty(app, "No date found.", area, buf);
    }
    let lang = app.lang();
    let reference = app.analysis.reference_date;
    let selected_row = rows
        .iter()
        .position(|r| *r == Some(app.selected_date))
        .unwrap_or(0);
    let height = usize::from(area.height);
    let offset = if entries.is_empty() {
        0
    } else {
        list_offset(selected_row, rows.len(), height)
    };
    // An empty timeline still shows where the reference date stands, under the message.
    let start_row = usize::from(entries.is_empty());
    for (row, item) in rows.iter().skip(offset).enumerate() {
        let row = row + start_row;
        if row >= height {
            break;
        }
        let line_area = Rect::new(area.x, area.y + row as u16, area.width, 1);
        let cols = usize::from(area.width);
        match item {
            None => {
                let label = format!("── {} · reference date ", format::day(lang, reference));
                let fill = "─".repeat(cols.saturating_sub(width(&label)));
                Line::styled(
                    truncate(&format!("{label}{fill}"), cols),
                    app.theme.reference,
                )
                .render(line_area, buf);
            }
            Some(i) => {
                let entry = &entries[*i];
                let (style, marker) = row_style(app, Panel::Timeline, *i == app.selected_date);
                let date = format::entry_date(lang, entry);
                let date_style = if entry.from > reference {
                    app.theme.future
                } else {
                    Style::new().add_modifier(Modifier::BOLD)
                };
                let event = format::one_line(&entry.event);
                let head = format!("{marker}{date}");
                let room = cols.saturating_sub(width(&head) + 2);
                buf.set_style(line_area, style);
                Line::from(vec![
                    Span::raw(marker),
                    Span::styled(date, date_style),
                    Span::raw("  "),
                    Span::raw(truncate(&event, room)),
                ])
                .style(style)
                .render(line_area, buf);
            }
        }
    }
}

/// Before a related item's title: ✓ when the article it leads to was read, ∅ when it is not in the library.
fn related_mark(app: &App, item: usize) -> &'static str {
    match app.nav.as_ref() {
        None => "",
        Some(nav) => match nav.target(item) {
            Some(entry) if nav.visited(&entry.path) => "✓ ",
            Some(_) => "",
            None => "∅ ",
        },
    }
}

fn related(app: &App, area: Rect, buf: &mut Buffer) {
    let items = &app.article.related;
    if items.is_empty() {
        empty(app, "No related article.", area, buf);
        return;
    }
    let cols = usize::from(area.width);
    let list_rows = related_list_rows(area.height + 2).min(usize::from(area.height));
    let offset = list_offset(app.selected_related, items.len(), list_rows);
    for (row, (i, item)) in items.iter().enumerate().skip(offset).enumerate() {
        if row >= list_rows {
            break;
        }
        let (style, marker) = row_style(app, Panel::Related, i == app.selected_related);
        let text = format!(
            "{marker}[{}] {}{}",
            i + 1,
            related_mark(app, i),
            format::one_line(&item.title)
        );
        let line_area = Rect::new(area.x, area.y + row as u16, area.width, 1);
        buf.set_style(line_area, style);
        Line::styled(truncate(&text, cols), style).render(line_area, buf);
    }
    // The selected item in full: its title and where it leads.
    let Some(item) = items.get(app.selected_related) else {
        return;
    };
    let detail_top = area.y + list_rows as u16;
    if detail_top + 1 >= area.bottom() {
        return;
    }
    buf.set_string(area.x, detail_top, "╌".repeat(cols), app.theme.border);
    let title = format::one_line(&item.title);
    Line::styled(truncate(&title, cols), app.theme.title)
        .render(Rect::new(area.x, detail_top + 1, area.width, 1), buf);
    if detail_top + 2 < area.bottom() {
        let in_library = app.nav.as_ref().map(|n| n.target(app.selected_related));
        let url = match (&item.url, in_library) {
            (_, Some(Some(entry))) => Span::styled(
                truncate(
                    &format!(
                        "→ in library: {}",
                        format::one_line(
                            &entry
                                .path
                                .file_name()
                                .unwrap_or(entry.path.as_os_str())
                                .to_string_lossy()
                        )
                    ),
                    cols,
                ),
                app.theme.dim,
            ),
            (Some(url), Some(None)) => Span::styled(
                truncate(
                    &format!("not in the library · o opens {}", format::one_line(url)),
                    cols,
                ),
                app.theme.dim,
            ),
            (None, Some(None)) => Span::styled("not in the library (no address)", app.theme.dim),
            (url, None) => match url {
                Some(url) => Span::styled(
                    truncate(&format::one_line(url), cols),
                    app.theme.dim.add_modifier(Modifier::UNDERLINED),
                ),
                None => Span::styled("(no address)", app.theme.dim),
            },
        };
        Line::from(url).render(Rect::new(area.x, detail_top + 2, area.width, 1), buf);
    }
}
