//! Drawing: a pure function of `&App` (no I/O, no state change), one file per part of the screen.

mod article;
mod library;
mod panels;

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Paragraph, Widget, Wrap};

use super::action::Action;
use super::app::App;
use super::format::{self, truncate, width};
use super::layout::{Panel, Regions};
use super::theme::EntityClass;
use crate::analysis::DateSource;

impl Widget for &App {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let regions = Regions::new(area, self.focus, self.article.related.len());
        if let Some(nav) = self.nav.as_deref().filter(|_| self.in_library_list())
            && !regions.too_small
        {
            library::draw(self, nav, area, buf);
            if let Some(scroll) = self.help {
                help(self, scroll, area, buf);
            }
            return;
        }
        if regions.too_small {
            Paragraph::new("Terminal too small: enlarge it, or press q to quit.")
                .wrap(Wrap { trim: true })
                .render(area, buf);
            return;
        }
        header(self, regions.header, buf);
        article::draw(self, &regions, buf);
        if regions.narrow {
            if let Some(overlay) = regions.overlay {
                Clear.render(overlay, buf);
                panels::draw(self, self.focus, overlay, buf);
            }
        } else {
            for panel in [Panel::Quotes, Panel::Timeline, Panel::Related] {
                if let Some(rect) = regions.panel(panel) {
                    panels::draw(self, panel, rect, buf);
                }
            }
        }
        status(self, &regions, regions.status, buf);
        if let Some(scroll) = self.help {
            help(self, scroll, area, buf);
        }
    }
}

/// Two lines: the title and reading position; the site, the date and the entity legend.
fn header(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    let cols = usize::from(area.width);
    let top = Rect::new(area.x, area.y, area.width, 1);
    buf.set_style(top, theme.bar);
    let percent = format!(" {}% ", app.position_percent());
    let title = format::one_line(&app.article.display_title());
    let room = cols.saturating_sub(width(&percent) + 1);
    Line::from(vec![
        Span::styled(" ", theme.bar),
        Span::styled(
            truncate(&title, room),
            theme.bar.add_modifier(Modifier::BOLD),
        ),
    ])
    .render(top, buf);
    Line::styled(percent, theme.bar)
        .alignment(Alignment::Right)
        .render(top, buf);

    if area.height < 2 {
        return;
    }
    let second = Rect::new(area.x, area.y + 1, area.width, 1);
    let mut left = Vec::new();
    if let Some(site) = &app.article.site {
        left.push(format::one_line(site));
    }
    let lang = app.lang();
    if let Some(date) = app.article.published {
        left.push(format!("published {}", format::day(lang, date)));
    }
    if app.article.published != Some(app.analysis.reference_date) {
        // Where the date that "hier" and "la semaine prochaine" count from was found.
        let source = match app.analysis.reference_date_source {
            DateSource::Option => " (given)",
            DateSource::Metadata => "",
            DateSource::Text => " (from the text)",
            DateSource::Today => " (today)",
        };
        left.push(format!(
            "reference date {}{source}",
            format::day(lang, app.analysis.reference_date)
        ));
    }
    if let Some(from) = app.nav.as_ref().and_then(|n| n.came_from()) {
        left.insert(
            0,
            format!("← from: {}", truncate(&format::one_line(from), 48)),
        );
    }
    let left = format!(" {}", left.join(" · "));
    let mut legend = vec![Span::styled("entities: ", theme.dim)];
    for (i, class) in EntityClass::ALL.into_iter().enumerate() {
        if i > 0 {
            legend.push(Span::raw(" "));
        }
        legend.push(Span::styled(class.label(), theme.entity(class)));
    }
    legend.push(Span::raw(" "));
    let legend_width: usize = legend.iter().map(|s| s.width()).sum();
    let show_legend = cols >= width(&left) + legend_width + 2;
    Line::styled(truncate(&left, cols), theme.dim).render(second, buf);
    if show_legend {
        Line::from(legend)
            .alignment(Alignment::Right)
            .render(second, buf);
    }
}

/// Short labels for the status-bar hints.
fn hint_label(action: &Action) -> &'static str {
    match action {
        Action::ScrollDown => "down",
        Action::PageDown => "page",
        Action::NextQuote => "quote",
        Action::NextDate => "date",
        Action::NextEntity => "entity",
        Action::Search => "search",
        Action::FocusNext => "panel",
        Action::Select => "show",
        Action::CopyQuote => "copy",
        Action::FilterSpeaker => "speaker",
        Action::OpenLink => "open",
        Action::ToggleQuotes => "quotes",
        Action::ToggleTimeline => "timeline",
        Action::ToggleRelated => "related",
        Action::Back => "back",
        Action::Help => "help",
        Action::Quit => "quit",
        Action::Cancel => "close",
        other => other.describe(),
    }
}

/// The actions the status bar suggests, for the focused panel.
fn hint_actions(app: &App, narrow: bool) -> Vec<Action> {
    let mut actions = match app.focus {
        Panel::Article => vec![
            Action::PageDown,
            Action::NextQuote,
            Action::NextDate,
            Action::NextEntity,
            Action::Search,
        ],
        Panel::Quotes => vec![
            Action::ScrollDown,
            Action::Select,
            Action::CopyQuote,
            Action::FilterSpeaker,
        ],
        Panel::Timeline => vec![Action::ScrollDown, Action::Select],
        Panel::Related => vec![Action::ScrollDown, Action::Select, Action::OpenLink],
    };
    if narrow && app.focus == Panel::Article {
        actions.extend([
            Action::ToggleQuotes,
            Action::ToggleTimeline,
            Action::ToggleRelated,
        ]);
    } else if narrow {
        actions.push(Action::Cancel);
    } else {
        actions.push(Action::FocusNext);
    }
    actions.extend([Action::Help, Action::Quit]);
    actions
}

/// One line: the focused panel, then the search field or a message or key hints, and the match counter.
fn status(app: &App, regions: &Regions, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    buf.set_style(area, theme.bar);
    let cols = usize::from(area.width);
    let label = format!(" {} ", app.focus.label());
    let mut spans = vec![Span::styled(
        label.clone(),
        theme.bar.add_modifier(Modifier::BOLD | Modifier::REVERSED),
    )];
    let mut right = String::new();
    if !app.search.matches.is_empty() {
        let current = app.search.current.map_or(0, |c| c + 1);
        right = format!(" {current}/{} ", app.search.matches.len());
    }
    if app.search.editing {
        spans.push(Span::styled(
            format!(" /{}▏", format::one_line(&app.search.query)),
            theme.bar,
        ));
        spans.push(Span::styled("  Enter search · Esc cancel", theme.bar));
    } else if let Some(message) = &app.message {
        spans.push(Span::styled(format!(" {message}"), theme.bar));
    } else {
        for action in hint_actions(app, regions.narrow) {
            if let Some(key) = app.keymap.hint(&action) {
                spans.push(Span::styled(
                    format!(" {key}"),
                    theme.bar.add_modifier(Modifier::BOLD),
                ));
                // With a library, Enter on a related item reads it.
                let label =
                    if action == Action::Select && app.focus == Panel::Related && app.nav.is_some()
                    {
                        "read"
                    } else if action == Action::FilterSpeaker && app.speaker_filter().is_some() {
                        "all quotes"
                    } else {
                        hint_label(&action)
                    };
                spans.push(Span::styled(format!(" {label} "), theme.bar));
            }
        }
    }
    // Cut the hints so the counter on the right always shows.
    let room = cols.saturating_sub(width(&right));
    let mut used = 0;
    let mut kept = Vec::new();
    for span in spans {
        let w = span.width();
        if used + w > room {
            let rest = room.saturating_sub(used);
            if rest > 0 {
                kept.push(Span::styled(truncate(&span.content, rest), span.style));
            }
            break;
        }
        used += w;
        kept.push(span);
    }
    Line::from(kept).render(area, buf);
    if !right.is_empty() {
        Line::styled(right, theme.bar.add_modifier(Modifier::BOLD))
            .alignment(Alignment::Right)
            .render(area, buf);
    }
}

/// The lines of the help: every binding of the keymap, then the mouse and the legend.
pub fn help_lines(app: &App) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    for (action, keys) in app.keymap.bindings() {
        if keys.is_empty() {
            continue;
        }
        let keys: Vec<String> = keys.iter().map(|k| super::keymap::show_keys(k)).collect();
        let keys = keys.join(", ");
        lines.push(Line::from(vec![
            Span::styled(
                format!(" {keys:<20} "),
                Style::new().add_modifier(Modifier::BOLD),
            ),
            Span::raw(action.describe()),
        ]));
    }
    lines.push(Line::from(vec![
        Span::styled(
            format!(" {:<20} ", "1 … 9"),
            Style::new().add_modifier(Modifier::BOLD),
        ),
        Span::raw("read related article n (Enter on it too)"),
    ]));
    lines.push(Line::raw(""));
    lines.push(Line::raw(
        " Mouse: the wheel scrolls the pane under the pointer; a click focuses a panel or selects an item.",
    ));
    let mut legend = vec![Span::raw(" Entities: ")];
    for (i, class) in EntityClass::ALL.into_iter().enumerate() {
        if i > 0 {
            legend.push(Span::raw(", "));
        }
        legend.push(Span::styled(class.label(), app.theme.entity(class)));
    }
    lines.push(Line::from(legend));
    lines.push(Line::raw(
        " ▶ in the margin marks the quote, date, entity or match you went to.",
    ));
    lines.push(Line::raw(
        " Keys and theme: liseuse/config.toml in your configuration folder, or --config PATH.",
    ));
    lines
}

fn help(app: &App, scroll: usize, area: Rect, buf: &mut Buffer) {
    let width = area.width.saturating_sub(4).min(72);
    let height = area.height.saturating_sub(2);
    if width < 10 || height < 3 {
        return;
    }
    let popup = Rect::new(
        area.x + (area.width - width) / 2,
        area.y + (area.height - height) / 2,
        width,
        height,
    );
    Clear.render(popup, buf);
    let lines = help_lines(app);
    let inner_height = usize::from(height.saturating_sub(2));
    let scroll = scroll.min(lines.len().saturating_sub(inner_height));
    let close = app
        .keymap
        .hint(&Action::Help)
        .unwrap_or_else(|| "Esc".into());
    let block = Block::bordered()
        .border_type(BorderType::Double)
        .border_style(app.theme.border_focused)
        .title(if lines.len() > inner_height {
            let down = app.keymap.hint(&Action::ScrollDown).unwrap_or_default();
            let up = app.keymap.hint(&Action::ScrollUp).unwrap_or_default();
            format!(" Keys — {close} or Esc closes · {down}/{up} scroll ")
        } else {
            format!(" Keys — {close} or Esc closes ")
        });
    Paragraph::new(lines)
        .block(block)
        .scroll((scroll.min(usize::from(u16::MAX)) as u16, 0))
        .render(popup, buf);
}
