//! The one integration-test binary: a module per area, sharing helpers in `support`.

mod cli;
mod decisions;
mod diagnostics;
mod membership;
mod reports;
mod rule_edit;
mod support;
mod versions;
