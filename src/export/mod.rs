//! Exports: the JSON document of the contract (schema 1).

mod json;

pub use json::{Document as JsonDocument, to_json, to_json_line};
