//! Diagnostics rendered like a compiler's: message, `file:line:column`, the line, a caret, help.

use miette::{GraphicalReportHandler, GraphicalTheme};

/// Renders every report; `color` only on a terminal.
pub fn render(reports: &[miette::Report], color: bool) -> String {
    let theme = if color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let handler = GraphicalReportHandler::new_themed(theme).with_width(100);
    let mut out = String::new();
    for report in reports {
        if handler.render_report(&mut out, report.as_ref()).is_err() {
            out.push_str(&format!("{report}\n"));
        }
        out.push('\n');
    }
    let count = reports.len();
    out.push_str(&format!(
        "{count} problem{} found\n",
        if count == 1 { "" } else { "s" }
    ));
    out
}
