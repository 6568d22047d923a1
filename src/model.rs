//! Serde data model of rule packs and scenarios: plain structs that mirror the RON files.

pub mod day;
pub mod expr;
pub mod pack;
pub mod scenario;

pub use day::Day;
pub use expr::{Condition, Term, Value};
pub use pack::*;
pub use scenario::*;
