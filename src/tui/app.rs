//! The reader's state, and [`App::update`], the one place it changes.

use std::ops::Range;

use ratatui::layout::Rect;

use super::action::Action;
use super::config::Config;
use super::format;
use super::keymap::Keymap;
use super::layout::{Panel, Regions, TextLayout, list_offset};
use super::library_view::{self, Navigator, Screen};
use super::theme::Theme;
use crate::analysis::Analysis;
use crate::article::{Article, Lang};

/// What the text marks: the item a jump or a list selection went to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mark {
    pub kind: MarkKind,
    /// Bytes of the article's text, when the item stands in it.
    pub bytes: Option<Range<usize>>,
    /// The related item, for a link listed after the article.
    pub related: Option<usize>,
}

/// What kind of item is marked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MarkKind {
    Quote,
    Date,
    Entity,
    Related,
    Match,
}

/// A place to come back to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Position {
    /// The byte of the text at the top of the view (so a resize does not move it).
    pub top: usize,
    /// The line index when the top is past the text (the related items).
    pub line: usize,
    pub mark: Option<Mark>,
}

/// The search: what was typed and where it matches.
#[derive(Clone, Debug, Default)]
pub struct Search {
    pub query: String,
    /// The query is being typed.
    pub editing: bool,
    /// Byte ranges of the matches, in text order.
    pub matches: Vec<Range<usize>>,
    /// The match the view went to.
    pub current: Option<usize>,
}

/// What the event loop must do outside the app after an update: the app itself does no I/O.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Effect {
    /// Put this text on the clipboard (OSC 52).
    Copy(String),
    /// Open this address in the system browser.
    Open(String),
}

/// The reader's whole state: drawn by `impl Widget for &App`, changed only by [`App::update`].
#[derive(Debug)]
pub struct App {
    pub article: Article,
    pub analysis: Analysis,
    pub keymap: Keymap,
    pub theme: Theme,
    /// The terminal's size.
    pub size: (u16, u16),
    /// The article wrapped at the current text width.
    pub layout: TextLayout,
    /// Other widths already wrapped (a few, for resizing back and forth).
    cache: Vec<TextLayout>,
    /// The first line of the layout in view.
    pub scroll: usize,
    pub focus: Panel,
    /// The selected item of each list.
    pub selected_quote: usize,
    pub selected_date: usize,
    pub selected_related: usize,
    pub mark: Option<Mark>,
    pub(crate) history: Vec<Position>,
    pub search: Search,
    /// The help is open, scrolled by this many lines.
    pub help: Option<usize>,
    /// A short message for the status bar, until the next action.
    pub message: Option<String>,
    pub quit: bool,
    /// The byte kept at the top through a run of resizes, so that reflowing back and forth does not drift.
    anchor: Option<usize>,
    /// Timeline entries in text order (the timeline itself is in date order).
    dates_in_text: Vec<usize>,
    /// The library and the history across articles, when the reader has one.
    pub nav: Option<Box<Navigator>>,
}

/// How many wrapped widths are kept besides the current one.
const CACHE_WIDTHS: usize = 3;

impl App {
    /// A reader on an analysed article, for a terminal of 80×24 until told its size.
    pub fn new(article: Article, analysis: Analysis, config: &Config, no_color: bool) -> Self {
        let mut dates_in_text: Vec<usize> = (0..analysis.timeline.len()).collect();
        dates_in_text.sort_by_key(|&i| analysis.timeline[i].span.byte_start);
        let mut app = App {
            keymap: config.keymap.clone(),
            theme: Theme::new(config.theme, no_color),
            size: (0, 0),
            layout: TextLayout::default(),
            cache: Vec::new(),
            scroll: 0,
            focus: Panel::Article,
            selected_quote: 0,
            selected_date: 0,
            selected_related: 0,
            mark: None,
            history: Vec::new(),
            search: Search::default(),
            help: None,
            message: None,
            quit: false,
            anchor: None,
            dates_in_text,
            article,
            analysis,
            nav: None,
        };
        app.resize(80, 24);
        app
    }

    /// The article's language, for dates and quotation marks.
    pub fn lang(&self) -> Lang {
        self.analysis.language
    }

    /// The screen's regions at the current size.
    pub fn regions(&self) -> Regions {
        Regions::new(
            Rect::new(0, 0, self.size.0, self.size.1),
            self.focus,
            self.article.related.len(),
        )
    }

    /// Rows of article text in view.
    pub fn view_height(&self) -> usize {
        usize::from(self.regions().article_text().height).max(1)
    }

    fn max_scroll(&self) -> usize {
        self.layout.lines.len().saturating_sub(self.view_height())
    }

    /// How far through the article the view is, in percent.
    pub fn position_percent(&self) -> usize {
        let total = self.layout.lines.len();
        if total == 0 {
            return 100;
        }
        ((self.scroll + self.view_height()).min(total) * 100) / total
    }

    /// Applies one action: the only place the state changes. Returns what the event loop must do outside.
    pub fn update(&mut self, action: Action) -> Option<Effect> {
        if !matches!(
            action,
            Action::Resize(..) | Action::Notify(_) | Action::Tick
        ) {
            self.message = None;
            self.anchor = None;
        }
        if self.search.editing {
            match action {
                Action::SearchInput(c) => {
                    self.search.query.push(c);
                    return None;
                }
                Action::SearchBackspace => {
                    self.search.query.pop();
                    return None;
                }
                Action::SearchConfirm => {
                    self.search.editing = false;
                    self.run_search();
                    return None;
                }
                Action::Cancel => {
                    self.search = Search::default();
                    return None;
                }
                Action::ForceQuit | Action::Resize(..) | Action::Notify(_) | Action::Tick => {}
                _ => return None,
            }
        }
        if self.help.is_some() {
            match action {
                Action::Help | Action::Quit | Action::Cancel => {
                    self.help = None;
                    return None;
                }
                Action::ScrollDown | Action::Wheel { delta: 1.., .. } => {
                    self.help = self.help.map(|h| h + 1);
                    return None;
                }
                Action::ScrollUp | Action::Wheel { .. } => {
                    self.help = self.help.map(|h| h.saturating_sub(1));
                    return None;
                }
                Action::PageDown | Action::HalfPageDown => {
                    self.help = self.help.map(|h| h + 10);
                    return None;
                }
                Action::PageUp | Action::HalfPageUp | Action::Top => {
                    self.help = Some(0);
                    return None;
                }
                Action::ForceQuit | Action::Resize(..) | Action::Notify(_) | Action::Tick => {}
                _ => return None,
            }
        }
        if let Some(effect) = library_view::update(self, &action) {
            return effect;
        }
        match action {
            Action::ScrollDown => self.move_by(1, 1),
            Action::ScrollUp => self.move_by(-1, 1),
            Action::HalfPageDown => self.move_by(1, self.page() / 2),
            Action::HalfPageUp => self.move_by(-1, self.page() / 2),
            Action::PageDown => self.move_by(1, self.page().saturating_sub(1)),
            Action::PageUp => self.move_by(-1, self.page().saturating_sub(1)),
            Action::Top => self.move_to_end(false),
            Action::Bottom => self.move_to_end(true),
            Action::FocusNext => self.cycle_focus(1),
            Action::FocusPrev => self.cycle_focus(-1),
            Action::ToggleQuotes => self.toggle(Panel::Quotes),
            Action::ToggleTimeline => self.toggle(Panel::Timeline),
            Action::ToggleRelated => self.toggle(Panel::Related),
            Action::Select => self.select_in_text(),
            Action::NextQuote => self.jump(MarkKind::Quote, true),
            Action::PrevQuote => self.jump(MarkKind::Quote, false),
            Action::NextDate => self.jump(MarkKind::Date, true),
            Action::PrevDate => self.jump(MarkKind::Date, false),
            Action::NextEntity => self.jump(MarkKind::Entity, true),
            Action::PrevEntity => self.jump(MarkKind::Entity, false),
            Action::NextRelated => self.jump(MarkKind::Related, true),
            Action::PrevRelated => self.jump(MarkKind::Related, false),
            Action::Back => self.back(),
            Action::Search => {
                self.search = Search {
                    editing: true,
                    ..Search::default()
                };
            }
            Action::SearchNext => self.step_match(true),
            Action::SearchPrev => self.step_match(false),
            Action::Cancel => self.cancel(),
            Action::CopyQuote => return self.copy_quote(),
            Action::OpenLink => return self.open_link(),
            Action::FollowLink => {
                // Following a link into the library comes with the library view; until then, show the item.
                self.message = self.related_summary();
            }
            Action::Help => self.help = Some(0),
            Action::Quit => {
                if self.regions().narrow && self.focus != Panel::Article {
                    self.focus = Panel::Article;
                } else {
                    self.quit = true;
                }
            }
            Action::ForceQuit => self.quit = true,
            Action::Resize(w, h) => self.resize(w, h),
            Action::Wheel { column, row, delta } => self.wheel(column, row, delta),
            Action::Click { column, row } => self.click(column, row),
            Action::Notify(text) => self.message = Some(text),
            Action::Forward | Action::Library | Action::FollowNumber(_) => {
                self.message = Some("no library: open a folder, or give --library".into());
            }
            Action::SearchInput(_)
            | Action::SearchBackspace
            | Action::SearchConfirm
            | Action::Tick => {}
        }
        None
    }

    /// Whether the library list shows instead of the article.
    pub fn in_library_list(&self) -> bool {
        self.nav.as_ref().is_some_and(|n| n.screen == Screen::List)
    }

    /// Puts another article in the reader, at its start, with nothing marked or selected.
    pub(crate) fn replace_article(&mut self, article: Article, analysis: Analysis) {
        let mut dates_in_text: Vec<usize> = (0..analysis.timeline.len()).collect();
        dates_in_text.sort_by_key(|&i| analysis.timeline[i].span.byte_start);
        self.dates_in_text = dates_in_text;
        self.article = article;
        self.analysis = analysis;
        self.layout = TextLayout::default();
        self.cache.clear();
        self.scroll = 0;
        self.focus = Panel::Article;
        self.selected_quote = 0;
        self.selected_date = 0;
        self.selected_related = 0;
        self.mark = None;
        self.history.clear();
        self.search = Search::default();
        self.anchor = None;
        let (w, h) = self.size;
        self.size = (0, 0);
        self.resize(w, h);
    }

    /// Puts the view back at a position of the current article.
    pub(crate) fn restore_position(&mut self, position: &Position) {
        self.scroll = if position.top >= self.article.text.len() {
            position.line
        } else {
            self.layout.line_of_byte(position.top)
        }
        .min(self.max_scroll());
        self.mark = position.mark.clone();
    }

    fn page(&self) -> usize {
        self.view_height().max(2)
    }

    // --- Scrolling and lists ---

    /// Moves down (`dir` 1) or up (-1) by `n` lines in the article, or by `n` items in a focused list.
    fn move_by(&mut self, dir: i8, n: usize) {
        let n = n.max(1);
        match self.focus {
            Panel::Article => {
                self.scroll = if dir > 0 {
                    (self.scroll + n).min(self.max_scroll())
                } else {
                    self.scroll.saturating_sub(n)
                };
            }
            panel => {
                let len = self.list_len(panel);
                let n = if n > 1 { self.list_page(panel) } else { 1 };
                if let Some(sel) = self.selection_mut(panel) {
                    *sel = if dir > 0 {
                        (*sel + n).min(len.saturating_sub(1))
                    } else {
                        sel.saturating_sub(n)
                    };
                }
            }
        }
    }

    fn move_to_end(&mut self, end: bool) {
        match self.focus {
            Panel::Article => self.scroll = if end { self.max_scroll() } else { 0 },
            panel => {
                let last = self.list_len(panel).saturating_sub(1);
                if let Some(sel) = self.selection_mut(panel) {
                    *sel = if end { last } else { 0 };
                }
            }
        }
    }

    /// The number of items of a list.
    pub fn list_len(&self, panel: Panel) -> usize {
        match panel {
            Panel::Article => 0,
            Panel::Quotes => self.analysis.quotes.len(),
            Panel::Timeline => self.analysis.timeline.len(),
            Panel::Related => self.article.related.len(),
        }
    }

    /// Items a list moves by for a page.
    fn list_page(&self, panel: Panel) -> usize {
        let rows = self
            .regions()
            .panel(panel)
            .map_or(4, |r| usize::from(r.height.saturating_sub(2)));
        let per_item = if panel == Panel::Quotes { 2 } else { 1 };
        (rows / per_item / 2).max(1)
    }

    fn selection_mut(&mut self, panel: Panel) -> Option<&mut usize> {
        match panel {
            Panel::Article => None,
            Panel::Quotes => Some(&mut self.selected_quote),
            Panel::Timeline => Some(&mut self.selected_date),
            Panel::Related => Some(&mut self.selected_related),
        }
    }

    fn cycle_focus(&mut self, step: isize) {
        let all = Panel::ALL;
        let i = all.iter().position(|p| *p == self.focus).unwrap_or(0) as isize;
        let next = (i + step).rem_euclid(all.len() as isize) as usize;
        self.focus = all[next];
    }

    /// Focuses a side panel, or goes back to the article when it already has the focus.
    fn toggle(&mut self, panel: Panel) {
        self.focus = if self.focus == panel {
            Panel::Article
        } else {
            panel
        };
    }

    // --- Jumps and marks ---

    pub(crate) fn position(&self) -> Position {
        Position {
            top: self.layout.lines.get(self.scroll).map_or(0, |l| l.pos),
            line: self.scroll,
            mark: self.mark.clone(),
        }
    }

    /// Remembers where the view is before a jump, for [`Action::Back`].
    fn remember(&mut self) {
        let here = self.position();
        if self.history.last() != Some(&here) {
            self.history.push(here);
        }
        if self.history.len() > 100 {
            self.history.remove(0);
        }
    }

    fn back(&mut self) {
        let Some(position) = self.history.pop() else {
            self.message = Some("no earlier position".into());
            return;
        };
        self.scroll = if position.top >= self.article.text.len() {
            position.line
        } else {
            self.layout.line_of_byte(position.top)
        }
        .min(self.max_scroll());
        self.mark = position.mark;
    }

    /// Marks an item and scrolls it into view, with some context above it.
    fn go_to(&mut self, mark: Mark) {
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
    fn jump_anchor(&self, kind: MarkKind) -> (usize, bool) {
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

    /// The text positions of the items of one kind, in text order, with their index in their own list.
    fn targets(&self, kind: MarkKind) -> Vec<(Option<Range<usize>>, usize)> {
        match kind {
            MarkKind::Quote => self
                .analysis
                .quotes
                .iter()
                .enumerate()
                .map(|(i, q)| (Some(q.span.bytes()), i))
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
    fn jump(&mut self, kind: MarkKind, forward: bool) {
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
    fn mark_item(&mut self, kind: MarkKind, item: usize, bytes: Option<Range<usize>>) {
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
    fn select_in_text(&mut self) {
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

    fn cancel(&mut self) {
        if self.regions().narrow && self.focus != Panel::Article {
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

    fn run_search(&mut self) {
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

    fn step_match(&mut self, forward: bool) {
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

    // --- Effects ---

    fn copy_quote(&mut self) -> Option<Effect> {
        let Some(quote) = self.analysis.quotes.get(self.selected_quote) else {
            self.message = Some("no quote to copy".into());
            return None;
        };
        let words = format::one_line(self.article.slice(quote.span));
        let (open, close) = match self.lang() {
            Lang::En => ("“", "”"),
            _ => ("« ", " »"),
        };
        let mut text = format!("{open}{}{close}", words.trim());
        if let Some(speaker) = &quote.speaker {
            text.push_str(" — ");
            text.push_str(&format::one_line(&speaker.canonical));
        }
        self.message = Some("quote copied".into());
        Some(Effect::Copy(text))
    }

    fn open_link(&mut self) -> Option<Effect> {
        let Some(link) = self.article.related.get(self.selected_related) else {
            self.message = Some("no related item".into());
            return None;
        };
        let Some(url) = link.url.clone() else {
            self.message = Some("this related item has no address".into());
            return None;
        };
        if !openable(&url) {
            self.message = Some("only http, https and file addresses are opened".into());
            return None;
        }
        self.message = Some(format!("opening {}", format::one_line(&url)));
        Some(Effect::Open(url))
    }

    /// The selected related item, in one line.
    fn related_summary(&self) -> Option<String> {
        self.article.related.get(self.selected_related).map(|l| {
            let url = l.url.as_deref().unwrap_or("no address");
            format!("{} — {}", format::one_line(&l.title), format::one_line(url))
        })
    }

    // --- Terminal events ---

    fn resize(&mut self, width: u16, height: u16) {
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

    fn wheel(&mut self, column: u16, row: u16, delta: i16) {
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

    fn click(&mut self, column: u16, row: u16) {
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
    fn click_item(&mut self, panel: Panel, rect: Rect, row: u16) {
        let inner_top = rect.y + 1;
        if row < inner_top || row + 1 >= rect.bottom() {
            return;
        }
        let rows = usize::from(rect.height.saturating_sub(2));
        let offset_row = usize::from(row - inner_top);
        let index = match panel {
            Panel::Quotes => {
                let visible = rows / 2;
                let offset = list_offset(self.selected_quote, self.list_len(panel), visible);
                Some(offset + offset_row / 2)
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
        if let Some(index) = index.filter(|&i| i < self.list_len(panel))
            && let Some(sel) = self.selection_mut(panel)
        {
            *sel = index;
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

/// Rows of the Related panel's list: the rest shows the selected item's title and address.
pub fn related_list_rows(height: u16) -> usize {
    usize::from(height.saturating_sub(2))
        .saturating_sub(3)
        .max(1)
}

fn kind_name(kind: MarkKind) -> &'static str {
    match kind {
        MarkKind::Quote => "quote",
        MarkKind::Date => "date",
        MarkKind::Entity => "entity",
        MarkKind::Related => "related item",
        MarkKind::Match => "match",
    }
}

/// Whether an address may be handed to the system browser.
pub fn openable(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    (lower.starts_with("http://") || lower.starts_with("https://") || lower.starts_with("file://"))
        && !url.chars().any(|c| c.is_control() || c.is_whitespace())
}

/// Every match of `query` in `text`, ignoring case.
pub fn find_all(text: &str, query: &str) -> Vec<Range<usize>> {
    let pattern = regex::RegexBuilder::new(&regex::escape(query))
        .case_insensitive(true)
        .build();
    match pattern {
        Ok(re) => re.find_iter(text).map(|m| m.range()).collect(),
        Err(_) => Vec::new(),
    }
}
