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
    let warnings = reports
        .iter()
        .filter(|r| r.severity() == Some(miette::Severity::Warning))
        .count();
    let errors = reports.len() - warnings;
    let plural = |n: usize| if n == 1 { "" } else { "s" };
    if errors > 0 {
        out.push_str(&format!("{errors} problem{} found\n", plural(errors)));
    }
    if warnings > 0 {
        out.push_str(&format!("{warnings} warning{}\n", plural(warnings)));
    }
    out
}
