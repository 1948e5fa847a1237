//! Integration tests: one binary, a module per area.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod cli;
mod entities;
mod hostile;
#[cfg(feature = "tui")]
mod library;
#[cfg(unix)]
mod limits;
mod loaders;
mod quotes;
mod robustness;
#[cfg(feature = "tui")]
mod tui;
#[cfg(feature = "tui")]
mod tui_config;
#[cfg(feature = "tui")]
mod tui_state;
#[cfg(feature = "tui")]
mod tui_tmux;
