//! The library's list of articles: two lines an article (title with site and date; the lead), newest first,
//! with the filter typed after `/`.

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::format::{self, truncate, width};
use crate::tui::library_view::{Navigator, list_offset_for};

/// Draws the list screen over the whole area.
pub fn draw(app: &App, nav: &Navigator, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    let cols = usize::from(area.width);
    if area.height < 4 {
        return;
    }
    // Header: the library and its size.
    let top = Rect::new(area.x, area.y, area.width, 1);
    buf.set_style(top, theme.bar);
    let dirs: Vec<String> = nav
        .dirs
        .iter()
        .map(|d| format::one_line(&d.display().to_string()))
        .collect();
    let total = nav.library.entries.len();
    let count = if nav.filter.is_empty() {
        format!(" {total} articles ")
    } else {
        format!(" {} of {total} articles ", nav.shown.len())
    };
    let count = if nav.indexing() {
        format!(" indexing…{count}")
    } else {
        count
    };
    let room = cols.saturating_sub(width(&count) + 1);
    Line::from(vec![
        Span::styled(" Library ", theme.bar.add_modifier(Modifier::BOLD)),
        Span::styled(
            truncate(&dirs.join(", "), room.saturating_sub(9)),
            theme.bar,
        ),
    ])
    .render(top, buf);
    Line::styled(count, theme.bar)
        .alignment(Alignment::Right)
        .render(top, buf);

    // The filter line.
    let second = Rect::new(area.x, area.y + 1, area.width, 1);
    let filter = if nav.filter_editing {
        Line::from(vec![
            Span::styled(" filter: ", theme.dim),
            Span::raw(format!("{}▏", format::one_line(&nav.filter))),
        ])
    } else if !nav.filter.is_empty() {
        Line::from(vec![
            Span::styled(" filter: ", theme.dim),
            Span::raw(format::one_line(&nav.filter)),
            Span::styled("  (Esc clears)", theme.dim),
        ])
    } else {
        Line::styled(" newest first", theme.dim)
    };
    filter.render(second, buf);

    // The list.
    let rows = Navigator::list_rows(app);
    let offset = list_offset_for(nav, app);
    let list_top = area.y + 2;
    if nav.shown.is_empty() {
        let text = if nav.indexing() {
            " Reading the library…"
        } else if nav.filter.is_empty() {
            " No article in this library."
        } else {
            " No article matches the filter."
        };
        Line::styled(text, theme.dim).render(Rect::new(area.x, list_top, area.width, 1), buf);
    }
    for row in 0..rows {
        let index = offset + row;
        let Some(entry) = nav.shown_entry(index) else {
            break;
        };
        let y = list_top + (row * 2) as u16;
        if y + 1 >= area.bottom() {
            break;
        }
        let selected = index == nav.selected;
        let style = if selected {
            theme.selected
        } else {
            ratatui::style::Style::new()
        };
        let marker = if selected { "▶ " } else { "  " };
        let visited = if nav.visited(&entry.path) { "✓ " } else { "" };
        let mut right = Vec::new();
        if let Some(site) = &entry.site {
            right.push(format::one_line(site));
        }
        if let Some(date) = entry.published {
            right.push(date.format("%Y-%m-%d").to_string());
        }
        let right = if right.is_empty() {
            String::new()
        } else {
            format!(" {} ", right.join(" · "))
        };
        let line1 = Rect::new(area.x, y, area.width, 1);
        buf.set_style(line1, style);
        let room = cols.saturating_sub(width(&right) + width(marker) + width(visited) + 1);
        Line::from(vec![
            Span::raw(marker),
            Span::raw(visited),
            Span::styled(
                truncate(&format::one_line(&entry.title), room),
                style.add_modifier(Modifier::BOLD),
            ),
        ])
        .style(style)
        .render(line1, buf);
        Line::styled(right, theme.dim)
            .alignment(Alignment::Right)
            .render(line1, buf);
        let lead = format!("    {}", format::one_line(&entry.lead));
        Line::styled(truncate(&lead, cols), theme.dim)
            .render(Rect::new(area.x, y + 1, area.width, 1), buf);
    }

    // The status bar: what the keys do here.
    let status = Rect::new(area.x, area.bottom() - 1, area.width, 1);
    buf.set_style(status, theme.bar);
    let mut spans = vec![Span::styled(
        " Library ",
        theme.bar.add_modifier(Modifier::BOLD | Modifier::REVERSED),
    )];
    if nav.filter_editing {
        spans.push(Span::styled(
            "  type to filter · Enter keep · Esc clear",
            theme.bar,
        ));
    } else if let Some(message) = &app.message {
        spans.push(Span::styled(format!(" {message}"), theme.bar));
    } else {
        let mut hints = vec![
            (Action::Select, "read"),
            (Action::Search, "filter"),
            (Action::ScrollDown, "down"),
        ];
        if nav.current.is_some() {
            hints.push((Action::Library, "article"));
        }
        hints.extend([(Action::Help, "help"), (Action::Quit, "quit")]);
        for (action, label) in hints {
            if let Some(key) = app.keymap.hint(&action) {
                spans.push(Span::styled(
                    format!(" {key}"),
                    theme.bar.add_modifier(Modifier::BOLD),
                ));
                spans.push(Span::styled(format!(" {label} "), theme.bar));
            }
        }
    }
    let mut used = 0;
    let mut kept = Vec::new();
    for span in spans {
        let w = span.width();
        if used + w > cols {
            break;
        }
        used += w;
        kept.push(span);
    }
    Line::from(kept).render(status, buf);
}
