//! Jumps through the article, marks, the jump history and the search.

use std::ops::Range;

use super::{App, Mark, MarkKind, Position, Search, find_all, kind_name};
use crate::tui::layout::Panel;

impl App {
    // --- Jumps and marks ---

    pub(crate) fn position(&self) -> Position {
        Position {
            top: self.layout.lines.get(self.scroll).map_or(0, |l| l.pos),
            line: self.scroll,
            width: self.layout.width,
            mark: self.mark.clone(),
        }
    }

    /// Remembers where the view is before a jump, for [`Action::Back`].
    pub(super) fn remember(&mut self) {
        let here = self.position();
        if self.history.last() != Some(&here) {
            self.history.push(here);
        }
        if self.history.len() > 100 {
            self.history.remove(0);
        }
    }

    pub(super) fn back(&mut self) {
        let Some(position) = self.history.pop() else {
            self.message = Some("no earlier position".into());
            return;
        };
        self.restore_position(&position);
    }

    /// Marks an item and scrolls it into view, with some context above it.
    pub(super) fn go_to(&mut self, mark: Mark) {
        self.remember();
        let line = match (&mark.bytes, mark.related) {
            (Some(bytes), _) => self.layout.line_of_byte(bytes.start),
            (None, Some(link)) => self.layout.line_of_related(link).unwrap_or(0),
            (None, None) => self.scroll,
        };
        let height = self.view_height();
        let visible = line >= self.scroll && line + 2 < self.scroll + height;
        if !visible {
            self.scroll = line.saturating_sub(height / 4).min(self.max_scroll());
        }
        self.mark = Some(mark);
    }

    /// The byte jumps start from: the mark when it is of the same kind, else the top of the view.
    pub(super) fn jump_anchor(&self, kind: MarkKind) -> (usize, bool) {
        match &self.mark {
            Some(Mark {
                kind: k,
                bytes: Some(bytes),
                ..
            }) if *k == kind => (bytes.start, true),
            _ => (
                self.layout.lines.get(self.scroll).map_or(0, |l| l.pos),
                false,
            ),
        }
    }

    /// The text positions of the items of one kind, in text order, with their index in their own list. With a
    /// speaker filter, only the quotes kept.
    pub(super) fn targets(&self, kind: MarkKind) -> Vec<(Option<Range<usize>>, usize)> {
        match kind {
            MarkKind::Quote => self
                .shown_quotes()
                .into_iter()
                .filter_map(|i| {
                    self.analysis
                        .quotes
                        .get(i)
                        .map(|q| (Some(q.span.bytes()), i))
                })
                .collect(),
            MarkKind::Date => self
                .dates_in_text
                .iter()
                .map(|&i| (Some(self.analysis.timeline[i].span.bytes()), i))
                .collect(),
            MarkKind::Entity => self
                .analysis
                .entities
                .iter()
                .enumerate()
                .map(|(i, e)| (Some(e.span.bytes()), i))
                .collect(),
            MarkKind::Related => self
                .article
                .related
                .iter()
                .enumerate()
                .map(|(i, r)| (r.span.map(|s| s.bytes()), i))
                .collect(),
            MarkKind::Match => self
                .search
                .matches
                .iter()
                .enumerate()
                .map(|(i, m)| (Some(m.clone()), i))
                .collect(),
        }
    }

    /// Jumps to the next (or previous) item of a kind after (or before) the mark or the top of the view.
    pub(super) fn jump(&mut self, kind: MarkKind, forward: bool) {
        let targets = self.targets(kind);
        if targets.is_empty() {
            self.message = Some(format!("no {} in this article", kind_name(kind)));
            return;
        }
        let current = match (&self.mark, kind) {
            (Some(m), MarkKind::Related) if m.kind == MarkKind::Related => m.related,
            _ => None,
        };
        let index = if let Some(current) = current {
            // Related items may lie outside the text: step through them in list order.
            if forward {
                (current + 1 < targets.len()).then_some(current + 1)
            } else {
                current.checked_sub(1)
            }
        } else {
            let (anchor, strict) = self.jump_anchor(kind);
            let start =
                |t: &(Option<Range<usize>>, usize)| t.0.as_ref().map_or(usize::MAX, |r| r.start);
            if forward {
                targets.iter().position(|t| {
                    if strict {
                        start(t) > anchor
                    } else {
                        start(t) >= anchor
                    }
                })
            } else {
                targets.iter().rposition(|t| start(t) < anchor)
            }
        };
        let Some(index) = index else {
            self.message = Some(format!(
                "no {} {}",
                if forward { "further" } else { "earlier" },
                kind_name(kind)
            ));
            return;
        };
        let (bytes, item) = targets[index].clone();
        self.mark_item(kind, item, bytes);
    }

    /// Marks item `item` of a kind and selects it in its list.
    pub(super) fn mark_item(&mut self, kind: MarkKind, item: usize, bytes: Option<Range<usize>>) {
        match kind {
            MarkKind::Quote => self.selected_quote = item,
            MarkKind::Date => self.selected_date = item,
            MarkKind::Related => self.selected_related = item,
            MarkKind::Match => self.search.current = Some(item),
            MarkKind::Entity => {}
        }
        let related = (kind == MarkKind::Related).then_some(item);
        self.go_to(Mark {
            kind,
            bytes,
            related,
        });
    }

    /// Enter in a list: the selected item, shown and marked in the text.
    pub(super) fn select_in_text(&mut self) {
        let (kind, item) = match self.focus {
            Panel::Article => return,
            Panel::Quotes => (MarkKind::Quote, self.selected_quote),
            Panel::Timeline => (MarkKind::Date, self.selected_date),
            Panel::Related => (MarkKind::Related, self.selected_related),
        };
        let bytes = match kind {
            MarkKind::Quote => self.analysis.quotes.get(item).map(|q| q.span.bytes()),
            MarkKind::Date => self.analysis.timeline.get(item).map(|t| t.span.bytes()),
            _ => match self.article.related.get(item) {
                Some(link) => link.span.map(|s| s.bytes()),
                None => return,
            },
        };
        if kind != MarkKind::Related && bytes.is_none() {
            return;
        }
        self.mark_item(kind, item, bytes);
        if self.regions().narrow {
            // The overlay would hide the text the item was just shown in.
            self.focus = Panel::Article;
        }
    }

    pub(super) fn cancel(&mut self) {
        if self.focus == Panel::Quotes && self.speaker_filter.is_some() {
            self.speaker_filter = None;
            self.message = Some("all quotes".into());
        } else if self.regions().narrow && self.focus != Panel::Article {
            self.focus = Panel::Article;
        } else if !self.search.query.is_empty() {
            self.search = Search::default();
            if self
                .mark
                .as_ref()
                .is_some_and(|m| m.kind == MarkKind::Match)
            {
                self.mark = None;
            }
        } else {
            self.mark = None;
        }
    }

    // --- Search ---

    pub(super) fn run_search(&mut self) {
        let query = self.search.query.trim();
        if query.is_empty() {
            self.search = Search::default();
            return;
        }
        self.search.matches = find_all(&self.article.text, query);
        self.search.current = None;
        if self.search.matches.is_empty() {
            self.message = Some(format!("not found: {query}"));
            return;
        }
        self.mark = None;
        self.jump(MarkKind::Match, true);
        if self.search.current.is_none() {
            // Every match is above the view: wrap around to the first.
            self.mark_item(MarkKind::Match, 0, self.search.matches.first().cloned());
        }
    }

    pub(super) fn step_match(&mut self, forward: bool) {
        let len = self.search.matches.len();
        if len == 0 {
            self.message = Some(if self.search.query.is_empty() {
                "no search (press / to search)".to_string()
            } else {
                format!("not found: {}", self.search.query)
            });
            return;
        }
        let next = match self.search.current {
            Some(i) if forward => (i + 1) % len,
            Some(i) => (i + len - 1) % len,
            None if forward => 0,
            None => len - 1,
        };
        let bytes = self.search.matches.get(next).cloned();
        self.mark_item(MarkKind::Match, next, bytes);
    }
}
