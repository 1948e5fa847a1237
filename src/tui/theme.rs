//! Styles. Every distinction drawn in colour is also drawn with a modifier (bold, underline, italics, reverse)
//! or a marker, so the monochrome theme and `NO_COLOR` lose nothing but colour.

use ratatui::style::{Color, Modifier, Style};

use crate::analysis::EntityKind;

/// The themes a configuration can name.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ThemeName {
    /// For dark backgrounds.
    #[default]
    Dark,
    /// For light backgrounds.
    Light,
    /// No colour at all.
    Mono,
}

/// The entity kinds the text distinguishes: the rest are shown as "other".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EntityClass {
    Person,
    Place,
    Organization,
    Other,
}

impl EntityClass {
    pub const ALL: [EntityClass; 4] = [
        EntityClass::Person,
        EntityClass::Place,
        EntityClass::Organization,
        EntityClass::Other,
    ];

    pub fn of(kind: EntityKind) -> Self {
        match kind {
            EntityKind::Person => EntityClass::Person,
            EntityKind::Place => EntityClass::Place,
            EntityKind::Organization => EntityClass::Organization,
            _ => EntityClass::Other,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            EntityClass::Person => "person",
            EntityClass::Place => "place",
            EntityClass::Organization => "organization",
            EntityClass::Other => "other",
        }
    }
}

/// The styles the reader draws with.
#[derive(Clone, Debug)]
pub struct Theme {
    pub name: ThemeName,
    pub text: Style,
    pub title: Style,
    /// Header and status bar.
    pub bar: Style,
    /// Asides, blockquotes, related items, secondary text.
    pub dim: Style,
    pub border: Style,
    pub border_focused: Style,
    /// The selected item of a list.
    pub selected: Style,
    /// The quote, date, entity or link marked in the text.
    pub mark: Style,
    pub search: Style,
    /// Timeline entries after the reference date.
    pub future: Style,
    pub reference: Style,
    pub person: Style,
    pub place: Style,
    pub organization: Style,
    pub other: Style,
}

impl Theme {
    /// The theme of a name; `no_color` (the `NO_COLOR` convention) forces the monochrome one.
    pub fn new(name: ThemeName, no_color: bool) -> Self {
        if no_color {
            return Theme::mono();
        }
        match name {
            ThemeName::Dark => Theme::colored(ThemeName::Dark),
            ThemeName::Light => Theme::colored(ThemeName::Light),
            ThemeName::Mono => Theme::mono(),
        }
    }

    /// Modifiers alone: what every theme starts from.
    fn mono() -> Self {
        let bold = Style::new().add_modifier(Modifier::BOLD);
        let underlined = Style::new().add_modifier(Modifier::UNDERLINED);
        Theme {
            name: ThemeName::Mono,
            text: Style::new(),
            title: bold,
            bar: Style::new().add_modifier(Modifier::REVERSED),
            dim: Style::new().add_modifier(Modifier::DIM),
            border: Style::new().add_modifier(Modifier::DIM),
            border_focused: bold,
            selected: Style::new().add_modifier(Modifier::REVERSED),
            mark: Style::new().add_modifier(Modifier::REVERSED),
            search: Style::new().add_modifier(Modifier::REVERSED | Modifier::ITALIC),
            future: bold,
            reference: bold.add_modifier(Modifier::UNDERLINED),
            person: bold,
            place: underlined,
            organization: bold.add_modifier(Modifier::UNDERLINED),
            other: Style::new().add_modifier(Modifier::ITALIC),
        }
    }

    /// The mono theme with colours chosen for a dark or a light background. Only the 16 ANSI colours are used,
    /// which terminals tune to their own background.
    fn colored(name: ThemeName) -> Self {
        let base = Theme::mono();
        let dark = name == ThemeName::Dark;
        let pick = |on_dark: Color, on_light: Color| if dark { on_dark } else { on_light };
        Theme {
            name,
            bar: Style::new()
                .fg(pick(Color::Black, Color::White))
                .bg(pick(Color::Gray, Color::Blue)),
            border: Style::new().fg(Color::DarkGray),
            border_focused: base.border_focused.fg(pick(Color::LightCyan, Color::Blue)),
            selected: base.selected,
            mark: base.mark,
            search: Style::new()
                .fg(Color::Black)
                .bg(Color::Yellow)
                .add_modifier(Modifier::ITALIC),
            future: base.future.fg(pick(Color::LightCyan, Color::Blue)),
            reference: base.reference.fg(pick(Color::LightYellow, Color::Red)),
            person: base.person.fg(pick(Color::LightCyan, Color::Blue)),
            place: base.place.fg(pick(Color::LightGreen, Color::Green)),
            organization: base
                .organization
                .fg(pick(Color::LightMagenta, Color::Magenta)),
            other: base.other.fg(pick(Color::LightYellow, Color::Red)),
            ..base
        }
    }

    /// The style of an entity class in the text and the legend.
    pub fn entity(&self, class: EntityClass) -> Style {
        match class {
            EntityClass::Person => self.person,
            EntityClass::Place => self.place,
            EntityClass::Organization => self.organization,
            EntityClass::Other => self.other,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_entity_class_differs_without_colour() {
        let theme = Theme::new(ThemeName::Dark, true);
        let mods: Vec<Modifier> = EntityClass::ALL
            .iter()
            .map(|c| theme.entity(*c).add_modifier)
            .collect();
        for (i, a) in mods.iter().enumerate() {
            assert!(!a.is_empty());
            for b in &mods[i + 1..] {
                assert_ne!(a, b);
            }
        }
        assert_eq!(theme.person.fg, None);
    }
}
