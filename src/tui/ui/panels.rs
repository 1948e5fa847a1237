//! The side panels: Quotes, Timeline and Related, each a bordered list.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Widget};

use crate::tui::app::{App, quote_item_rows, related_list_rows};
use crate::tui::format::{self, truncate, width};
use crate::tui::layout::{Panel, list_offset};

/// Draws a side panel in `area`: its frame, then its list.
pub fn draw(app: &App, panel: Panel, area: Rect, buf: &mut Buffer) {
    if area.width < 3 || area.height < 3 {
        return;
    }
    let focused = app.focus == panel;
    let count = app.list_len(panel);
    let lead = if focused { " ▶ " } else { " " };
    let title = match app.speaker_filter().filter(|_| panel == Panel::Quotes) {
        // Filtered on a speaker: the name, cut to leave the counts room, and how many of all are shown.
        Some(filter) => {
            let counts = format!(" ({count}/{}) ", app.analysis.quotes.len());
            let head = format!("{lead}{} · ", panel.label());
            let room = usize::from(area.width)
                .saturating_sub(2 + width(&head) + width(&counts))
                .max(1);
            let name = filter
                .speaker
                .as_deref()
                .map_or_else(|| "no source named".to_string(), format::one_line);
            format!("{head}{}{counts}", truncate(&name, room))
        }
        None => format!("{lead}{} ({count}) ", panel.label()),
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
    if app.analysis.quotes.is_empty() {
        empty(app, "No quotation found.", area, buf);
        return;
    }
    // The quotes listed: all, or those of the speaker filtered on.
    let quotes: Vec<(usize, &crate::analysis::Quote)> = app
        .shown_quotes()
        .into_iter()
        .filter_map(|i| app.analysis.quotes.get(i).map(|q| (i, q)))
        .collect();
    let cols = usize::from(area.width);
    let per = quote_item_rows(usize::from(area.height));
    let visible = (usize::from(area.height) / per).max(1);
    let offset = list_offset(app.list_row(Panel::Quotes), quotes.len(), visible);
    let (open, close) = match app.lang() {
        crate::article::Lang::En => ("“", "”"),
        _ => ("«\u{a0}", "\u{a0}»"),
    };
    for (row, &(i, quote)) in quotes.iter().skip(offset).enumerate() {
        let top = area.y + (row * per) as u16;
        if top >= area.bottom() {
            break;
        }
        let (style, marker) = row_style(app, Panel::Quotes, i == app.selected_quote);
        let words = format::one_line(app.article.slice(quote.span));
        let quoted = format!("{open}{}{close}", words.trim());
        // The words over the lines there are, the last one cut with an ellipsis.
        let room = cols.saturating_sub(width(marker)).max(1);
        let text_rows = per - 1;
        let mut lines: Vec<String> = textwrap::wrap(&quoted, room)
            .into_iter()
            .map(|l| l.into_owned())
            .collect();
        if lines.len() > text_rows {
            let rest = lines[text_rows - 1..].join(" ");
            lines.truncate(text_rows - 1);
            let cut = truncate(&rest, room.saturating_sub(width(close)));
            lines.push(if cut.ends_with('…') {
                format!("{cut}{close}")
            } else {
                cut
            });
        }
        for (k, line) in lines.iter().enumerate() {
            let y = top + k as u16;
            if y >= area.bottom() {
                break;
            }
            let lead = if k == 0 { marker } else { "  " };
            let line_area = Rect::new(area.x, y, area.width, 1);
            buf.set_style(line_area, style);
            Line::styled(format!("{lead}{line}"), style).render(line_area, buf);
        }
        // The source right under the words; what rows are left separate the items.
        let y = top + lines.len().min(text_rows) as u16;
        if y < area.bottom() {
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
            Line::from(spans).render(Rect::new(area.x, y, area.width, 1), buf);
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
    let dates: Vec<String> = entries
        .iter()
        .map(|e| format::entry_date(lang, e))
        .collect();
    // Dates in a column as wide as the widest, unless that would leave the events too little room.
    let date_column = dates
        .iter()
        .map(|d| width(d))
        .max()
        .unwrap_or(0)
        .min(usize::from(area.width) / 2);
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
                let date = &dates[*i];
                let pad = " ".repeat(date_column.saturating_sub(width(date)));
                let date_style = if entry.from > reference {
                    app.theme.future
                } else {
                    Style::new().add_modifier(Modifier::BOLD)
                };
                let event = format::one_line(&entry.event);
                let head = format!("{marker}{date}{pad}");
                let room = cols.saturating_sub(width(&head) + 2);
                buf.set_style(line_area, style);
                Line::from(vec![
                    Span::raw(marker),
                    Span::styled(date.clone(), date_style),
                    Span::raw(pad),
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
    let mut y = detail_top + 1;
    // The address keeps the last row; the title takes what is left, up to two lines.
    let title_rows = usize::from(area.bottom().saturating_sub(y + 1)).clamp(1, 2);
    let title = format::one_line(&item.title);
    let mut lines: Vec<String> = textwrap::wrap(&title, cols.max(1))
        .into_iter()
        .map(|l| l.into_owned())
        .collect();
    if lines.len() > title_rows {
        let rest = lines[title_rows - 1..].join(" ");
        lines.truncate(title_rows - 1);
        lines.push(truncate(&rest, cols));
    }
    for line in lines {
        if y >= area.bottom() {
            return;
        }
        Line::styled(line, app.theme.title).render(Rect::new(area.x, y, area.width, 1), buf);
        y += 1;
    }
    if y < area.bottom() {
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
        Line::from(url).render(Rect::new(area.x, y, area.width, 1), buf);
    }
}
