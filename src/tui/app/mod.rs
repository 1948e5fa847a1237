//! The reader's state, and [`App::update`], the one place it changes.

mod events;
mod jump;

use std::ops::Range;

use ratatui::layout::Rect;

use super::action::Action;
use super::config::Config;
use super::format;
use super::keymap::Keymap;
use super::layout::{LineKind, Panel, Regions, TextLayout};
use super::library_view::{self, Navigator, Screen};
use super::theme::Theme;
use crate::analysis::Analysis;
use crate::article::{Article, Lang};
use crate::library::state::{self, ReadingState};

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
    /// The line index, which is exact while the width is the same (and past the text, in the related items).
    pub line: usize,
    /// The width the line index counts at.
    pub width: u16,
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

/// The Quotes panel showing only the quotes of one speaker.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SpeakerFilter {
    /// The speaker's canonical name, or `None` for the quotes with no source named.
    pub speaker: Option<String>,
    /// The quotes kept (indices into the analysis's quotes, in their order).
    pub quotes: Vec<usize>,
}

/// What the event loop must do outside the app after an update: the app itself does no I/O.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Effect {
    /// Put this text on the clipboard (OSC 52).
    Copy(String),
    /// Open this address in the system browser.
    Open(String),
    /// Give the terminal back and stop the process until the shell's `fg`.
    Suspend,
}

/// The reader's whole state: drawn by `impl Widget for &App`, changed only by [`App::update`].
#[derive(Debug)]
pub struct App {
    pub(crate) article: Article,
    pub(crate) analysis: Analysis,
    pub(crate) keymap: Keymap,
    pub(crate) theme: Theme,
    /// The terminal's size.
    pub(crate) size: (u16, u16),
    /// The article wrapped at the current text width.
    pub(crate) layout: TextLayout,
    /// Other widths already wrapped (a few, for resizing back and forth).
    cache: Vec<TextLayout>,
    /// The first line of the layout in view.
    pub(crate) scroll: usize,
    pub(crate) focus: Panel,
    /// The selected item of each list.
    pub(crate) selected_quote: usize,
    pub(crate) selected_date: usize,
    pub(crate) selected_related: usize,
    /// The Quotes panel lists only one speaker's quotes.
    pub(crate) speaker_filter: Option<SpeakerFilter>,
    pub(crate) mark: Option<Mark>,
    pub(crate) history: Vec<Position>,
    pub(crate) search: Search,
    /// The help is open, scrolled by this many lines.
    pub(crate) help: Option<usize>,
    /// A short message for the status bar, until the next action.
    pub(crate) message: Option<String>,
    pub(crate) quit: bool,
    /// The byte kept at the top through a run of resizes, so that reflowing back and forth does not drift.
    anchor: Option<usize>,
    /// Timeline entries in text order (the timeline itself is in date order).
    dates_in_text: Vec<usize>,
    /// The library and the history across articles, when the reader has one.
    pub nav: Option<Box<Navigator>>,
    /// What is remembered between sessions, when it is (the event loop reads and writes the file).
    pub(crate) memory: Option<ReadingState>,
    /// The article's key in the memory ([`state::article_key`]).
    article_key: String,
}

/// How many wrapped widths are kept besides the current one.
const CACHE_WIDTHS: usize = 3;

impl App {
    /// A reader on an analysed article, for a terminal of 80×24 until told its size.
    pub fn new(article: Article, analysis: Analysis, config: &Config, no_color: bool) -> Self {
        let mut dates_in_text: Vec<usize> = (0..analysis.timeline.len()).collect();
        dates_in_text.sort_by_key(|&i| analysis.timeline[i].span.byte_start);
        let article_key = state::article_key(&article);
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
            speaker_filter: None,
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
            memory: None,
            article_key,
        };
        app.resize(80, 24);
        app
    }

    /// Gives the reader what was remembered in earlier sessions: the article in view goes back to where it was
    /// left, and the library list ticks the articles read before. Without this, nothing is remembered.
    pub fn set_memory(&mut self, memory: ReadingState) {
        if let Some(nav) = self.nav.as_mut() {
            nav.seed_visited(memory.entries().iter().filter_map(|e| e.path.as_deref()));
        }
        self.memory = Some(memory);
        self.recall();
    }

    /// What is remembered between sessions, when it is.
    pub fn memory(&self) -> Option<&ReadingState> {
        self.memory.as_ref()
    }

    /// Remembers where the article in view is being read (from `path`, when it came from a file).
    pub(crate) fn remember_place(&mut self, path: Option<&std::path::Path>) {
        if self.article.text.is_empty() {
            return;
        }
        // The first line of text in view (not a blank line between paragraphs, which would map back to the
        // paragraph before at another width).
        let offset = self
            .layout
            .lines
            .iter()
            .skip(self.scroll)
            .take(self.view_height())
            .find(|l| l.kind != LineKind::Blank)
            .map_or_else(|| self.position().top, |l| l.pos)
            .min(self.article.text.len());
        let path = path.map(|p| p.canonicalize().unwrap_or_else(|_| p.to_path_buf()));
        let key = &self.article_key;
        if let Some(memory) = self.memory.as_mut() {
            memory.record(key, path.as_deref(), offset, state::now());
        }
    }

    /// Scrolls the article in view to where it was left in an earlier session.
    pub(crate) fn recall(&mut self) {
        let offset = self
            .memory
            .as_ref()
            .and_then(|m| m.get(&self.article_key))
            .map(|e| e.offset);
        if let Some(offset) = offset {
            let offset = offset.min(self.article.text.len());
            self.scroll = self.layout.line_of_byte(offset).min(self.max_scroll());
            // Kept through the resizes that may follow (the terminal's real size, at start), so that the line
            // holding this byte comes to the top, not the start of the line holding it at this width.
            self.anchor = Some(offset);
        }
    }

    /// Remembers the place of the article in view, with the path it was read from.
    fn remember_here(&mut self) {
        let path = self.nav.as_ref().and_then(|n| n.current.clone());
        self.remember_place(path.as_deref());
    }

    /// The article's language, for dates and quotation marks.
    pub fn lang(&self) -> Lang {
        self.analysis.language
    }

    /// The article being read.
    pub fn article(&self) -> &Article {
        &self.article
    }

    /// What the analysis found in it.
    pub fn analysis(&self) -> &Analysis {
        &self.analysis
    }

    /// The key bindings in force.
    pub fn keymap(&self) -> &Keymap {
        &self.keymap
    }

    /// The terminal's size, as last told by [`Action::Resize`].
    pub fn size(&self) -> (u16, u16) {
        self.size
    }

    /// The article wrapped at the current text width.
    pub fn layout(&self) -> &TextLayout {
        &self.layout
    }

    /// The first line of the layout in view.
    pub fn scroll(&self) -> usize {
        self.scroll
    }

    /// The panel with the focus.
    pub fn focus(&self) -> Panel {
        self.focus
    }

    /// The selected quote, timeline entry and related item (indices into their lists).
    pub fn selected(&self) -> (usize, usize, usize) {
        (
            self.selected_quote,
            self.selected_date,
            self.selected_related,
        )
    }

    /// The speaker the Quotes panel is filtered on, if it is.
    pub fn speaker_filter(&self) -> Option<&SpeakerFilter> {
        self.speaker_filter.as_ref()
    }

    /// The quotes the Quotes panel lists (indices into the analysis's quotes): those of the speaker filtered
    /// on, or all of them.
    pub fn shown_quotes(&self) -> Vec<usize> {
        match &self.speaker_filter {
            Some(filter) => filter.quotes.clone(),
            None => (0..self.analysis.quotes.len()).collect(),
        }
    }

    /// The item marked in the text.
    pub fn mark(&self) -> Option<&Mark> {
        self.mark.as_ref()
    }

    /// The search.
    pub fn search(&self) -> &Search {
        &self.search
    }

    /// Whether the help is open.
    pub fn help_open(&self) -> bool {
        self.help.is_some()
    }

    /// The message of the status bar, if any.
    pub fn message(&self) -> Option<&str> {
        self.message.as_deref()
    }

    /// Whether the user asked to quit.
    pub fn should_quit(&self) -> bool {
        self.quit
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
        let was_quitting = self.quit;
        let effect = self.apply(action);
        if self.quit && !was_quitting {
            self.remember_here();
        }
        effect
    }

    fn apply(&mut self, action: Action) -> Option<Effect> {
        if action == Action::Suspend {
            // Whatever is open, as Ctrl-c quits: the place is remembered in case the reader is never resumed.
            self.remember_here();
            return Some(Effect::Suspend);
        }
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
            Action::FilterSpeaker => self.filter_speaker(),
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
            Action::Notify(text) => self.message = (!text.is_empty()).then_some(text),
            Action::Forward | Action::Library | Action::FollowNumber(_) => {
                self.message = Some("no library: open a folder, or give --library".into());
            }
            Action::SearchInput(_)
            | Action::SearchBackspace
            | Action::SearchConfirm
            | Action::Suspend
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
        self.article_key = state::article_key(&article);
        self.article = article;
        self.analysis = analysis;
        self.layout = TextLayout::default();
        self.cache.clear();
        self.scroll = 0;
        self.focus = Panel::Article;
        self.selected_quote = 0;
        self.selected_date = 0;
        self.selected_related = 0;
        self.speaker_filter = None;
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
        self.scroll =
            if position.width == self.layout.width || position.top >= self.article.text.len() {
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
                let row = self.list_row(panel);
                let row = if dir > 0 {
                    (row + n).min(len.saturating_sub(1))
                } else {
                    row.saturating_sub(n)
                };
                self.select_row(panel, row);
            }
        }
    }

    fn move_to_end(&mut self, end: bool) {
        match self.focus {
            Panel::Article => {
                // As in less and vim, going to either end is a jump that Back returns from.
                self.remember();
                self.scroll = if end { self.max_scroll() } else { 0 };
            }
            panel => {
                let last = self.list_len(panel).saturating_sub(1);
                self.select_row(panel, if end { last } else { 0 });
            }
        }
    }

    /// The number of items a list shows.
    pub fn list_len(&self, panel: Panel) -> usize {
        match panel {
            Panel::Article => 0,
            Panel::Quotes => self
                .speaker_filter
                .as_ref()
                .map_or(self.analysis.quotes.len(), |f| f.quotes.len()),
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
        let per_item = if panel == Panel::Quotes {
            quote_item_rows(rows)
        } else {
            1
        };
        (rows / per_item / 2).max(1)
    }

    /// The row of a list the selection stands on (with a speaker filter, among the quotes kept).
    pub fn list_row(&self, panel: Panel) -> usize {
        match (panel, &self.speaker_filter) {
            (Panel::Quotes, Some(filter)) => filter
                .quotes
                .iter()
                .position(|&i| i == self.selected_quote)
                .unwrap_or(0),
            (Panel::Quotes, None) => self.selected_quote,
            (Panel::Timeline, _) => self.selected_date,
            (Panel::Related, _) => self.selected_related,
            (Panel::Article, _) => 0,
        }
    }

    /// Selects the item on row `row` of a list (with a speaker filter, among the quotes kept).
    fn select_row(&mut self, panel: Panel, row: usize) {
        let item = match (panel, &self.speaker_filter) {
            (Panel::Quotes, Some(filter)) => match filter.quotes.get(row) {
                Some(&i) => i,
                None => return,
            },
            _ => row,
        };
        if let Some(sel) = self.selection_mut(panel) {
            *sel = item;
        }
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

    /// Filters the Quotes panel on the selected quote's speaker, or shows all the quotes again.
    fn filter_speaker(&mut self) {
        if self.speaker_filter.take().is_some() {
            self.message = Some("all quotes".into());
            return;
        }
        let quotes = &self.analysis.quotes;
        let Some(selected) = quotes.get(self.selected_quote) else {
            self.message = Some("no quote to filter on".into());
            return;
        };
        let speaker = selected.speaker.as_ref().map(|s| s.canonical.clone());
        let kept: Vec<usize> = quotes
            .iter()
            .enumerate()
            .filter(|(_, q)| q.speaker.as_ref().map(|s| &s.canonical) == speaker.as_ref())
            .map(|(i, _)| i)
            .collect();
        self.message = Some(format!(
            "quotes of {}: {} of {}",
            speaker
                .as_deref()
                .map_or_else(|| "no source named".to_string(), format::one_line),
            kept.len(),
            quotes.len()
        ));
        self.speaker_filter = Some(SpeakerFilter {
            speaker,
            quotes: kept,
        });
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
}

/// Rows of the Related panel's list: the rest shows the selected item's title and address.
pub fn related_list_rows(height: u16) -> usize {
    usize::from(height.saturating_sub(2))
        .saturating_sub(RELATED_DETAIL_ROWS)
        .max(1)
}

/// Rows each quote takes in a Quotes panel with `rows` inner rows: two lines of words and the speaker when
/// there is room, else one line of words.
pub fn quote_item_rows(rows: usize) -> usize {
    if rows >= 9 { 3 } else { 2 }
}

/// Rows under the Related list for the selected item: a rule, two lines of title, the address.
pub const RELATED_DETAIL_ROWS: usize = 4;

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

/// Every match of `query` in `text`, ignoring case, and ignoring accents where the query has none: `etat`
/// finds `État`, while `été` finds only `été`. Quotation marks and apostrophes match their typographic forms.
pub fn find_all(text: &str, query: &str) -> Vec<Range<usize>> {
    let mut pattern = String::new();
    for c in query.chars() {
        let variants = match c.to_ascii_lowercase() {
            'a' => "aàâäáã",
            'c' => "cç",
            'e' => "eéèêë",
            'i' => "iîïíì",
            'o' => "oôöóò",
            'u' => "uùûüú",
            'y' => "yÿ",
            'n' => "nñ",
            '\'' => "'’‘",
            '"' => "\"«»“”",
            _ => "",
        };
        if variants.is_empty() {
            pattern.push_str(&regex::escape(&c.to_string()));
        } else {
            pattern.push('[');
            for v in variants.chars() {
                pattern.push_str(&regex::escape(&v.to_string()));
            }
            pattern.push(']');
        }
    }
    let pattern = regex::RegexBuilder::new(&pattern)
        .case_insensitive(true)
        .build();
    match pattern {
        Ok(re) => re
            .find_iter(text)
            .filter(|m| !m.is_empty())
            .map(|m| m.range())
            .collect(),
        Err(_) => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn search_ignores_case_and_accents_the_query_leaves_out() {
        let text = "L'État et les états. Été comme hiver, l’été.";
        let rows: &[(&str, &[&str])] = &[
            ("etat", &["État", "état"]),
            ("ÉTAT", &["État", "état"]),
            ("été", &["Été", "été"]),
            ("ete", &["Été", "été"]),
            ("l'été", &["l’été"]),
            ("hiver,", &["hiver,"]),
            ("neige", &[]),
        ];
        for (query, expected) in rows {
            let found: Vec<&str> = find_all(text, query)
                .into_iter()
                .map(|r| &text[r])
                .collect();
            assert_eq!(&found, expected, "query {query:?}");
        }
    }

    /// An analysis of `text` with one quote per (words, speaker) pair.
    fn quoted(text: &str, quotes: &[(&str, Option<&str>)]) -> (Article, Analysis) {
        use crate::analysis::{Quote, Speaker};
        use crate::article::{CharIndex, Format, load_str};
        let index = CharIndex::new(text);
        let at = |needle: &str| {
            let start = text.find(needle).unwrap();
            index.span(text, start..start + needle.len())
        };
        let quotes = quotes
            .iter()
            .map(|(words, speaker)| Quote {
                span: at(words),
                speaker: speaker.map(|name| Speaker {
                    span: at(name),
                    canonical: name.into(),
                }),
                cue: None,
            })
            .collect();
        let analysis = Analysis {
            language: Lang::Fr,
            reference_date: chrono::NaiveDate::from_ymd_opt(2024, 2, 2).unwrap(),
            reference_date_source: crate::analysis::DateSource::Text,
            entities: Vec::new(),
            quotes,
            timeline: Vec::new(),
        };
        (load_str(text, Format::Text, None), analysis)
    }

    #[test]
    fn opening_another_article_clears_the_speaker_filter() {
        let text = "« Oui », dit Anne Roux. « Non », dit Paul Bras. « Peut-être », dit Anne Roux.";
        let (article, analysis) = quoted(
            text,
            &[("Oui", Some("Anne Roux")), ("Non", Some("Paul Bras"))],
        );
        let mut app = App::new(article, analysis, &Config::default(), true);
        app.update(Action::FilterSpeaker);
        assert_eq!(app.list_len(Panel::Quotes), 1);
        let (article, analysis) = quoted(
            text,
            &[
                ("Oui", Some("Anne Roux")),
                ("Non", Some("Paul Bras")),
                ("Peut-être", Some("Anne Roux")),
            ],
        );
        app.replace_article(article, analysis);
        assert!(app.speaker_filter().is_none());
        assert_eq!(app.list_len(Panel::Quotes), 3);
    }

    #[test]
    fn regex_characters_in_a_query_are_literal() {
        assert_eq!(find_all("a.b (c) a*b", "(c)"), vec![4..7]);
        assert_eq!(find_all("a.b axb", "a.b"), vec![0..3]);
    }
}
