//! Every command the reader understands. Keys map to these (see [`super::keymap`]); the event loop also turns
//! mouse events, resizes and search typing into them, and [`super::App::update`] is the one place that acts.

use serde::{Deserialize, Serialize};

/// One user command. The names in `snake_case` are the ones the configuration file binds keys to.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// Scroll the article down one line, or select the next item of a focused list.
    ScrollDown,
    /// Scroll the article up one line, or select the previous item of a focused list.
    ScrollUp,
    /// Scroll down half a page (or move half a page of items in a list).
    HalfPageDown,
    /// Scroll up half a page (or move half a page of items in a list).
    HalfPageUp,
    /// Scroll down one page.
    PageDown,
    /// Scroll up one page.
    PageUp,
    /// Go to the start of the article, or the first item of a list.
    Top,
    /// Go to the end of the article, or the last item of a list.
    Bottom,
    /// Move the focus to the next panel (in a narrow terminal, show it as an overlay).
    FocusNext,
    /// Move the focus to the previous panel.
    FocusPrev,
    /// In a list: scroll the article to the selected item and mark it there.
    Select,
    /// From the article: jump to the next quotation, mark it and select it in the Quotes panel.
    NextQuote,
    /// From the article: jump to the previous quotation.
    PrevQuote,
    /// From the article: jump to the next date of the timeline, in text order.
    NextDate,
    /// From the article: jump to the previous date.
    PrevDate,
    /// From the article: jump to the next named entity.
    NextEntity,
    /// From the article: jump to the previous named entity.
    PrevEntity,
    /// From the article: jump to the next related-article item and select it in the Related panel.
    NextRelated,
    /// From the article: jump to the previous related-article item.
    PrevRelated,
    /// Start typing a search.
    Search,
    /// Go to the next match of the search.
    SearchNext,
    /// Go to the previous match of the search.
    SearchPrev,
    /// Close the help or an overlay, or else clear the search, or else the mark.
    Cancel,
    /// Jump back to where the article was before the last jump, or else to the article read before.
    Back,
    /// Go forward again to the article Back left.
    Forward,
    /// Show the library's list of articles (and from the list, go back to the article).
    Library,
    /// Copy the selected quotation with its speaker to the clipboard (OSC 52).
    CopyQuote,
    /// Keep in the Quotes panel only the quotes of the selected quote's speaker (the quote jumps then visit
    /// only these), or show all the quotes again.
    FilterSpeaker,
    /// Open the selected related item's address in the system browser.
    OpenLink,
    /// Follow the selected related item into the library.
    FollowLink,
    /// Show or hide the Quotes panel (an overlay in a narrow terminal).
    ToggleQuotes,
    /// Show or hide the Timeline panel.
    ToggleTimeline,
    /// Show or hide the Related panel.
    ToggleRelated,
    /// Show or hide the list of every key binding.
    Help,
    /// Close the help or an overlay, or quit the reader.
    Quit,
    /// Quit the reader at once, whatever is open.
    ForceQuit,
    /// Suspend the reader and give the terminal back to the shell, as Ctrl-z does in less and vim; the shell's
    /// `fg` brings it back where it was.
    Suspend,

    // What the event loop sends for events that are not key bindings; they cannot be bound in the
    // configuration file.
    /// The terminal now has this many columns and rows.
    #[serde(skip)]
    Resize(u16, u16),
    /// The mouse wheel turned over the cell at column, row: positive scrolls down.
    #[serde(skip)]
    Wheel { column: u16, row: u16, delta: i16 },
    /// A mouse click on the cell at column, row.
    #[serde(skip)]
    Click { column: u16, row: u16 },
    /// A character typed into the search field.
    #[serde(skip)]
    SearchInput(char),
    /// Delete the last character of the search field.
    #[serde(skip)]
    SearchBackspace,
    /// Run the search typed so far and leave the search field.
    #[serde(skip)]
    SearchConfirm,
    /// Show a short message in the status bar (what happened after a copy or an open); empty clears it.
    #[serde(skip)]
    Notify(String),
    /// Follow related item number n (1 to 9), as its number key does.
    #[serde(skip)]
    FollowNumber(u8),
    /// Time passes: take the articles the library's indexing has read since.
    #[serde(skip)]
    Tick,
}

impl Action {
    /// A short description for the help overlay and the status bar.
    pub fn describe(&self) -> &'static str {
        match self {
            Action::ScrollDown => "line down / next item",
            Action::ScrollUp => "line up / previous item",
            Action::HalfPageDown => "half page down",
            Action::HalfPageUp => "half page up",
            Action::PageDown => "page down",
            Action::PageUp => "page up",
            Action::Top => "top / first item",
            Action::Bottom => "end / last item",
            Action::FocusNext => "next panel",
            Action::FocusPrev => "previous panel",
            Action::Select => "show item in the text / read",
            Action::NextQuote => "next quote",
            Action::PrevQuote => "previous quote",
            Action::NextDate => "next date",
            Action::PrevDate => "previous date",
            Action::NextEntity => "next entity",
            Action::PrevEntity => "previous entity",
            Action::NextRelated => "next related link",
            Action::PrevRelated => "previous related link",
            Action::Search => "search",
            Action::SearchNext => "next match",
            Action::SearchPrev => "previous match",
            Action::Cancel => "close / clear search",
            Action::Back => "back: before a jump, or previous article",
            Action::Forward => "forward to the next article again",
            Action::Library => "library list (and back to the article)",
            Action::CopyQuote => "copy quote",
            Action::FilterSpeaker => "only this speaker's quotes / all quotes",
            Action::OpenLink => "open link in browser",
            Action::FollowLink => "read the related article (also 1–9)",
            Action::ToggleQuotes => "quotes panel",
            Action::ToggleTimeline => "timeline panel",
            Action::ToggleRelated => "related panel",
            Action::Help => "help",
            Action::Quit => "close / quit",
            Action::ForceQuit => "quit at once",
            Action::Suspend => "suspend (fg resumes)",
            Action::Resize(..)
            | Action::Wheel { .. }
            | Action::Click { .. }
            | Action::SearchInput(_)
            | Action::SearchBackspace
            | Action::SearchConfirm
            | Action::Notify(_)
            | Action::FollowNumber(_)
            | Action::Tick => "",
        }
    }

    /// The configuration name of a bindable action (`scroll_down`).
    pub fn name(&self) -> String {
        serde_json::to_value(self)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default()
    }

    /// The action a configuration name stands for, if any.
    pub fn from_name(name: &str) -> Option<Action> {
        serde_json::from_value(serde_json::Value::String(name.to_string())).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_snake_case_and_round_trip() {
        for (action, name) in [
            (Action::ScrollDown, "scroll_down"),
            (Action::NextQuote, "next_quote"),
            (Action::CopyQuote, "copy_quote"),
            (Action::ForceQuit, "force_quit"),
        ] {
            assert_eq!(action.name(), name);
            assert_eq!(Action::from_name(name), Some(action));
        }
        assert_eq!(Action::from_name("resize"), None);
        assert_eq!(Action::from_name("scroll_sideways"), None);
    }
}
