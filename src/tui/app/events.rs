//! Terminal events: resizes (reflowing the text), the mouse wheel and clicks.

use ratatui::layout::Rect;

use super::{App, CACHE_WIDTHS, quote_item_rows, related_list_rows};
use crate::tui::layout::{Panel, TextLayout, list_offset};

impl App {
    // --- Terminal events ---

    pub(super) fn resize(&mut self, width: u16, height: u16) {
        if (width, height) == self.size && !self.layout.lines.is_empty() {
            return;
        }
        let mut top = self.position();
        if let Some(anchor) = self.anchor {
            let line = self.layout.lines.get(self.scroll);
            if line.is_some_and(|l| l.bytes.start <= anchor && anchor < l.bytes.end) {
                top.top = anchor;
            }
        }
        self.anchor = Some(top.top);
        self.size = (width, height);
        if self.regions().too_small && !self.layout.lines.is_empty() {
            // Nothing but a message is drawn: keep the layout for when the terminal grows again.
            return;
        }
        let text_width = self.regions().article_text().width.max(1);
        if text_width != self.layout.width || self.layout.lines.is_empty() {
            let cached = self.cache.iter().position(|l| l.width == text_width);
            let next = match cached {
                Some(i) => self.cache.swap_remove(i),
                None => TextLayout::new(&self.article, text_width),
            };
            let previous = std::mem::replace(&mut self.layout, next);
            if !previous.lines.is_empty() {
                self.cache.push(previous);
                if self.cache.len() > CACHE_WIDTHS {
                    self.cache.remove(0);
                }
            }
            // Keep the line that was at the top there: the paragraph being read stays in view.
            self.scroll = if top.top >= self.article.text.len() {
                top.line
            } else {
                self.layout.line_of_byte(top.top)
            };
        }
        self.scroll = self.scroll.min(self.max_scroll());
    }

    pub(super) fn wheel(&mut self, column: u16, row: u16, delta: i16) {
        let regions = self.regions();
        let panel = if regions
            .overlay
            .is_some_and(|r| r.contains((column, row).into()))
        {
            Some(self.focus)
        } else {
            regions.panel_at(column, row)
        };
        let Some(panel) = panel else { return };
        let saved = self.focus;
        self.focus = panel;
        let lines = if panel == Panel::Article { 3 } else { 1 };
        self.move_by(if delta > 0 { 1 } else { -1 }, lines);
        self.focus = saved;
    }

    pub(super) fn click(&mut self, column: u16, row: u16) {
        let regions = self.regions();
        if let Some(overlay) = regions.overlay {
            if overlay.contains((column, row).into()) {
                self.click_item(self.focus, overlay, row);
            } else {
                self.focus = Panel::Article;
            }
            return;
        }
        let Some(panel) = regions.panel_at(column, row) else {
            return;
        };
        self.focus = panel;
        if let Some(rect) = regions.panel(panel).filter(|_| panel != Panel::Article) {
            self.click_item(panel, rect, row);
        }
    }

    /// Selects the list item drawn at `row` of a panel drawn in `rect`.
    pub(super) fn click_item(&mut self, panel: Panel, rect: Rect, row: u16) {
        let inner_top = rect.y + 1;
        if row < inner_top || row + 1 >= rect.bottom() {
            return;
        }
        let rows = usize::from(rect.height.saturating_sub(2));
        let offset_row = usize::from(row - inner_top);
        let index = match panel {
            Panel::Quotes => {
                let per = quote_item_rows(rows);
                let visible = rows / per;
                let offset = list_offset(self.list_row(panel), self.list_len(panel), visible);
                Some(offset + offset_row / per)
            }
            Panel::Timeline => {
                let lines = self.timeline_rows();
                let selected_row = lines
                    .iter()
                    .position(|r| *r == Some(self.selected_date))
                    .unwrap_or(0);
                let offset = list_offset(selected_row, lines.len(), rows);
                lines.get(offset + offset_row).copied().flatten()
            }
            Panel::Related => {
                let visible = related_list_rows(rect.height);
                let offset = list_offset(self.selected_related, self.list_len(panel), visible);
                (offset_row < visible).then_some(offset + offset_row)
            }
            Panel::Article => None,
        };
        if let Some(index) = index.filter(|&i| i < self.list_len(panel)) {
            self.select_row(panel, index);
        }
    }

    /// The rows of the Timeline panel: each entry, and `None` for the line that marks the reference date,
    /// placed before the first entry that starts after it.
    pub fn timeline_rows(&self) -> Vec<Option<usize>> {
        let reference = self.analysis.reference_date;
        let mut rows = Vec::with_capacity(self.analysis.timeline.len() + 1);
        let mut placed = false;
        for (i, entry) in self.analysis.timeline.iter().enumerate() {
            if !placed && entry.from > reference {
                rows.push(None);
                placed = true;
            }
            rows.push(Some(i));
        }
        if !placed {
            rows.push(None);
        }
        rows
    }
}
