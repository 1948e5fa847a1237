//! The library in the reader: the list of its articles (filled as the indexing thread sends them), opening an
//! article with its analysis kept in a small cache, following related items, and the history of reading
//! positions across articles (back and forward, as in a browser).
//!
//! [`App`] holds one [`Navigator`] when the reader was opened on a library or on a file of one; everything here
//! changes the app only through [`update`], called from [`App::update`].

use std::collections::HashSet;
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, TryRecvError};

use super::action::Action;
use super::app::{App, Effect, Mark, Position};
use super::layout::Panel;
use crate::analysis::{Analysis, AnalysisOptions, Analyzer};
use crate::article::{self, Article, Lang};
use crate::library::index::{IndexEvent, newest_first, spawn_indexer};
use crate::library::{Library, LibraryEntry, normalize_title};

/// How many analysed articles are kept, so that going back and forth does not analyse them again.
pub const CACHE_ARTICLES: usize = 16;
/// How many positions back (and forward) are remembered.
const MAX_HISTORY: usize = 200;

/// Which screen shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Screen {
    /// The list of the library's articles.
    List,
    /// The article being read.
    Reader,
}

/// A reading position in one article: where to come back to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Place {
    pub path: PathBuf,
    pub title: String,
    pub position: Position,
    pub focus: Panel,
    pub selected_quote: usize,
    pub selected_date: usize,
    pub selected_related: usize,
    /// The jumps made inside the article, for Back there.
    pub jumps: Vec<Position>,
}

/// Loads and analyses articles, keeping the last few.
struct Opener {
    analyzer: Analyzer,
    options: AnalysisOptions,
    lang: Option<Lang>,
    /// Most recently used last.
    cache: Vec<(PathBuf, Article, Analysis)>,
}

impl Opener {
    fn open(&mut self, path: &Path) -> Result<(Article, Analysis), String> {
        let key = canonical(path);
        if let Some(i) = self.cache.iter().position(|(p, ..)| *p == key) {
            let hit = self.cache.remove(i);
            let result = (hit.1.clone(), hit.2.clone());
            self.cache.push(hit);
            return Ok(result);
        }
        let mut article = article::load_path(path).map_err(|e| e.to_string())?;
        if let Some(lang) = self.lang {
            article.language = lang;
        }
        let analysis = self.analyzer.analyze(&article, &self.options);
        self.insert(key, article.clone(), analysis.clone());
        Ok((article, analysis))
    }

    fn insert(&mut self, key: PathBuf, article: Article, analysis: Analysis) {
        self.cache.retain(|(p, ..)| *p != key);
        self.cache.push((key, article, analysis));
        if self.cache.len() > CACHE_ARTICLES {
            self.cache.remove(0);
        }
    }
}

/// The library, its list and the history of what was read.
pub struct Navigator {
    pub library: Library,
    /// The folders of the library, for the list's title.
    pub dirs: Vec<PathBuf>,
    events: Option<Receiver<IndexEvent>>,
    pub screen: Screen,
    /// Entries newest first.
    order: Vec<usize>,
    /// Each entry's title, site and lead folded for the filter.
    folded: Vec<String>,
    /// The entries the list shows (the order, filtered).
    pub shown: Vec<usize>,
    /// The selected row of `shown`.
    pub selected: usize,
    pub filter: String,
    pub filter_editing: bool,
    back: Vec<Place>,
    forward: Vec<Place>,
    /// Articles opened, by canonical path.
    visited: HashSet<PathBuf>,
    /// The article in the reader, when it came from a file.
    pub current: Option<PathBuf>,
    /// The library entry each related item of the current article leads to.
    pub targets: Vec<Option<usize>>,
    /// The library's size when `targets` were computed.
    targets_at: usize,
    opener: Opener,
}

impl fmt::Debug for Navigator {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Navigator")
            .field("entries", &self.library.entries.len())
            .field("screen", &self.screen)
            .field("current", &self.current)
            .field("back", &self.back.len())
            .field("forward", &self.forward.len())
            .finish_non_exhaustive()
    }
}

fn canonical(path: &Path) -> PathBuf {
    path.canonicalize().unwrap_or_else(|_| path.to_path_buf())
}

impl Navigator {
    /// A navigator over the folders, indexing them on a thread of its own from now on.
    pub fn new(dirs: Vec<PathBuf>, lang: Option<Lang>, options: AnalysisOptions) -> Self {
        let mut analyzer = Analyzer::builder();
        if let Some(lang) = lang {
            analyzer = analyzer.language(lang);
        }
        Navigator {
            library: Library::default(),
            events: Some(spawn_indexer(dirs.clone())),
            dirs,
            screen: Screen::List,
            order: Vec::new(),
            folded: Vec::new(),
            shown: Vec::new(),
            selected: 0,
            filter: String::new(),
            filter_editing: false,
            back: Vec::new(),
            forward: Vec::new(),
            visited: HashSet::new(),
            current: None,
            targets: Vec::new(),
            targets_at: 0,
            opener: Opener {
                analyzer: analyzer.build(),
                options,
                lang,
                cache: Vec::new(),
            },
        }
    }

    /// Records the article the reader opened on (from a file): it is visited and cached, and its related items
    /// resolve as the library fills.
    pub fn start_with(&mut self, app: &App, path: &Path) {
        self.current = Some(path.to_path_buf());
        self.visited.insert(canonical(path));
        self.opener
            .insert(canonical(path), app.article.clone(), app.analysis.clone());
        self.resolve_targets(app);
    }

    /// Whether the indexing thread is still sending entries.
    pub fn indexing(&self) -> bool {
        self.events.is_some()
    }

    /// Blocks until the whole library is indexed (for tests and scripts).
    pub fn wait_indexed(&mut self) {
        if let Some(events) = self.events.take() {
            for event in events.iter() {
                if let IndexEvent::Entry(entry) = event {
                    self.add(entry);
                }
            }
        }
        self.refilter();
    }

    /// Takes the entries that arrived; returns whether there were any.
    fn drain(&mut self) -> bool {
        let Some(events) = &self.events else {
            return false;
        };
        let mut added = Vec::new();
        let mut done = false;
        loop {
            match events.try_recv() {
                Ok(IndexEvent::Entry(entry)) => added.push(entry),
                Ok(IndexEvent::Done) | Err(TryRecvError::Disconnected) => {
                    done = true;
                    break;
                }
                Err(TryRecvError::Empty) => break,
            }
            if added.len() >= 5000 {
                break;
            }
        }
        if done {
            self.events = None;
        }
        let any = !added.is_empty();
        for entry in added {
            self.add(entry);
        }
        if any {
            self.refilter();
        }
        any || done
    }

    fn add(&mut self, entry: LibraryEntry) {
        let folded = normalize_title(&format!(
            "{} {} {}",
            entry.title,
            entry.site.as_deref().unwrap_or(""),
            entry.lead
        ));
        let i = self.library.push(entry);
        self.folded.push(folded);
        let entries = &self.library.entries;
        let at = self
            .order
            .partition_point(|&j| newest_first(&entries[j], &entries[i]).is_lt());
        self.order.insert(at, i);
    }

    /// Recomputes the rows shown, keeping the selected entry selected.
    fn refilter(&mut self) {
        let keep = self.shown.get(self.selected).copied();
        let words: Vec<String> = normalize_title(&self.filter)
            .split(' ')
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect();
        self.shown = self
            .order
            .iter()
            .copied()
            .filter(|&i| words.iter().all(|w| self.folded[i].contains(w.as_str())))
            .collect();
        self.selected = keep
            .and_then(|k| self.shown.iter().position(|&i| i == k))
            .unwrap_or(if keep.is_some() { 0 } else { self.selected })
            .min(self.shown.len().saturating_sub(1));
    }

    /// The entry of a row of the list.
    pub fn shown_entry(&self, row: usize) -> Option<&LibraryEntry> {
        self.shown
            .get(row)
            .and_then(|&i| self.library.entries.get(i))
    }

    /// Whether an article was opened already.
    pub fn visited(&self, path: &Path) -> bool {
        self.visited.contains(&canonical(path))
    }

    /// The library article a related item of the current article leads to.
    pub fn target(&self, item: usize) -> Option<&LibraryEntry> {
        self.targets
            .get(item)
            .copied()
            .flatten()
            .and_then(|i| self.library.entries.get(i))
    }

    /// Where the reader came from: the title of the place Back returns to.
    pub fn came_from(&self) -> Option<&str> {
        self.back.last().map(|p| p.title.as_str())
    }

    /// How many places Back and Forward can go to.
    pub fn depth(&self) -> (usize, usize) {
        (self.back.len(), self.forward.len())
    }

    fn resolve_targets(&mut self, app: &App) {
        self.targets = app
            .article
            .related
            .iter()
            .map(|link| {
                let entry = self.library.resolve(link)?;
                // The entry's index: resolve hands out a reference into `entries`.
                self.library
                    .entries
                    .iter()
                    .position(|e| std::ptr::eq(e, entry))
            })
            .collect();
        self.targets_at = self.library.entries.len();
    }

    fn place(&self, app: &App) -> Option<Place> {
        let path = self.current.clone()?;
        Some(Place {
            path,
            title: app.article.display_title(),
            position: app.position(),
            focus: app.focus,
            selected_quote: app.selected_quote,
            selected_date: app.selected_date,
            selected_related: app.selected_related,
            jumps: app.history.clone(),
        })
    }

    /// Ticks the articles read in earlier sessions (by canonical path).
    pub fn seed_visited<'a>(&mut self, paths: impl Iterator<Item = &'a str>) {
        self.visited.extend(paths.map(PathBuf::from));
    }

    /// Opens an article in the reader, where it was left in an earlier session or at its start.
    fn open(&mut self, app: &mut App, path: &Path) -> Result<(), String> {
        let (article, analysis) = self.opener.open(path)?;
        // The article left is remembered where it was, for the next session.
        app.remember_place(self.current.as_deref());
        app.replace_article(article, analysis);
        app.recall();
        self.current = Some(path.to_path_buf());
        self.visited.insert(canonical(path));
        self.screen = Screen::Reader;
        self.resolve_targets(app);
        Ok(())
    }

    /// Opens a place and puts the view back where it was.
    fn restore(&mut self, app: &mut App, place: &Place) -> Result<(), String> {
        self.open(app, &place.path)?;
        app.focus = place.focus;
        app.selected_quote = place.selected_quote;
        app.selected_date = place.selected_date;
        app.selected_related = place.selected_related;
        app.restore_position(&place.position);
        app.history = place.jumps.clone();
        Ok(())
    }

    /// Opens a new article, remembering the current place for Back.
    fn go(&mut self, app: &mut App, path: &Path) {
        let here = self.place(app);
        match self.open(app, path) {
            Ok(()) => {
                if let Some(here) = here
                    && canonical(&here.path) != canonical(path)
                {
                    self.back.push(here);
                    if self.back.len() > MAX_HISTORY {
                        self.back.remove(0);
                    }
                }
                self.forward.clear();
            }
            Err(e) => {
                app.message = Some(format!(
                    "could not open {}: {e}",
                    crate::article::sanitize::display_path(path)
                ))
            }
        }
    }

    /// Back (`forward` false) or Forward through the places read.
    fn step(&mut self, app: &mut App, forward: bool) {
        let place = if forward {
            self.forward.pop()
        } else {
            self.back.pop()
        };
        let Some(place) = place else {
            app.message = Some(if forward {
                "no later article".into()
            } else {
                "no earlier position".into()
            });
            return;
        };
        let here = self.place(app);
        match self.restore(app, &place) {
            Ok(()) => {
                if let Some(here) = here {
                    if forward {
                        self.back.push(here);
                    } else {
                        self.forward.push(here);
                    }
                }
            }
            Err(e) => {
                app.message = Some(format!(
                    "could not open {}: {e}",
                    crate::article::sanitize::display_path(&place.path)
                ));
                if forward {
                    self.forward.push(place);
                } else {
                    self.back.push(place);
                }
            }
        }
    }

    /// Follows related item `item` of the current article into the library.
    fn follow(&mut self, app: &mut App, item: usize) {
        let Some(link) = app.article.related.get(item) else {
            app.message = Some(format!("no related item {}", item + 1));
            return;
        };
        app.selected_related = item;
        match self.target(item).map(|e| e.path.clone()) {
            Some(path) => self.go(app, &path),
            None => {
                let mut note = format!("[{}] is not in the library", item + 1);
                if self.indexing() {
                    note.push_str(" (still indexing)");
                }
                let open = app.keymap.hint(&Action::OpenLink);
                if let (Some(_), Some(key)) = (&link.url, open) {
                    note.push_str(&format!(": {key} opens its address outside"));
                }
                app.message = Some(note);
            }
        }
    }

    fn move_selection(&mut self, delta: isize) {
        let last = self.shown.len().saturating_sub(1) as isize;
        self.selected = (self.selected as isize + delta).clamp(0, last.max(0)) as usize;
    }

    /// Rows of the list in view (two lines an entry, below two header lines and above the status bar).
    pub fn list_rows(app: &App) -> usize {
        (usize::from(app.size.1).saturating_sub(3) / 2).max(1)
    }

    /// Actions on the list screen; every action is taken here.
    fn update_list(&mut self, app: &mut App, action: &Action) -> Option<Effect> {
        if self.filter_editing {
            match action {
                Action::SearchInput(c) => {
                    self.filter.push(*c);
                    self.selected = 0;
                    self.shown.clear();
                    self.refilter();
                    return None;
                }
                Action::SearchBackspace => {
                    self.filter.pop();
                    self.refilter();
                    return None;
                }
                Action::SearchConfirm => {
                    self.filter_editing = false;
                    return None;
                }
                Action::Cancel => {
                    self.filter_editing = false;
                    self.filter.clear();
                    self.refilter();
                    return None;
                }
                _ => {}
            }
        }
        let page = Self::list_rows(app) as isize;
        match action {
            Action::ScrollDown => self.move_selection(1),
            Action::ScrollUp => self.move_selection(-1),
            Action::HalfPageDown => self.move_selection((page / 2).max(1)),
            Action::HalfPageUp => self.move_selection(-(page / 2).max(1)),
            Action::PageDown => self.move_selection((page - 1).max(1)),
            Action::PageUp => self.move_selection(-(page - 1).max(1)),
            Action::Top => self.selected = 0,
            Action::Bottom => self.selected = self.shown.len().saturating_sub(1),
            Action::Select | Action::FollowLink => match self.shown_entry(self.selected) {
                Some(entry) => {
                    let path = entry.path.clone();
                    self.go(app, &path);
                }
                None => app.message = Some("no article to read".into()),
            },
            Action::Search => {
                self.filter_editing = true;
                self.filter.clear();
                self.refilter();
            }
            Action::Cancel if !self.filter.is_empty() => {
                self.filter.clear();
                self.refilter();
            }
            Action::Library | Action::Back if self.current.is_some() => {
                self.screen = Screen::Reader;
            }
            Action::Forward => self.step(app, true),
            Action::Quit | Action::ForceQuit => app.quit = true,
            Action::Help => app.help = Some(0),
            Action::Wheel { delta, .. } => self.move_selection(isize::from(*delta)),
            Action::Click { row, .. } => {
                let first = list_offset_for(self, app);
                let row = usize::from(*row);
                if row >= 2 {
                    let target = first + (row - 2) / 2;
                    if target < self.shown.len() {
                        self.selected = target;
                    }
                }
            }
            _ => {}
        }
        None
    }
}

/// The first row of the list in view.
pub fn list_offset_for(nav: &Navigator, app: &App) -> usize {
    super::layout::list_offset(nav.selected, nav.shown.len(), Navigator::list_rows(app))
}

/// The library's part of [`App::update`]: `Some` when the action was handled here (with what the event loop
/// must do), `None` to let the reader handle it.
pub fn update(app: &mut App, action: &Action) -> Option<Option<Effect>> {
    let mut nav = app.nav.take()?;
    let handled = handle(&mut nav, app, action);
    app.nav = Some(nav);
    handled
}

fn handle(nav: &mut Navigator, app: &mut App, action: &Action) -> Option<Option<Effect>> {
    if *action == Action::Tick {
        nav.drain();
        if nav.targets_at < nav.library.entries.len() && nav.current.is_some() {
            nav.resolve_targets(app);
        }
        return Some(None);
    }
    if nav.screen == Screen::List {
        if matches!(action, Action::Resize(..) | Action::Notify(_)) {
            return None;
        }
        return Some(nav.update_list(app, action));
    }
    match action {
        Action::Library => {
            nav.screen = Screen::List;
            if let Some(current) = &nav.current {
                let current = canonical(current);
                if let Some(row) = nav
                    .shown
                    .iter()
                    .position(|&i| canonical(&nav.library.entries[i].path) == current)
                {
                    nav.selected = row;
                }
            }
        }
        Action::Back if app.history.is_empty() => nav.step(app, false),
        Action::Forward => nav.step(app, true),
        Action::FollowNumber(n) => nav.follow(app, usize::from(*n).saturating_sub(1)),
        Action::FollowLink => nav.follow(app, app.selected_related),
        Action::Select if app.focus == Panel::Related => nav.follow(app, app.selected_related),
        Action::Select
            if app.focus == Panel::Article
                && app.mark.as_ref().and_then(|m: &Mark| m.related).is_some() =>
        {
            let item = app.mark.as_ref().and_then(|m| m.related).unwrap_or(0);
            nav.follow(app, item);
        }
        _ => return None,
    }
    Some(None)
}
