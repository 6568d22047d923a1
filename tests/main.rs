//! The one integration-test binary: a module per area, sharing helpers in `support`.

// Tests fail by panicking, and their helpers may too: the no-panic lints guard the library and binary.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "tests fail by panicking"
)]

mod cli;
mod decisions;
mod diagnostics;
mod mechanisms;
mod membership;
mod overlays;
mod reports;
mod rule_edit;
mod support;
mod sweep;
mod versions;
