//! `casus members --at DATE`: the parties to a treaty and their status on a date.

use casus::model::Day;
use casus::render::{Format, json, text};

use super::{Exit, Inputs, emit, error, report};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The date, as YYYY-MM-DD.
    #[arg(long, value_name = "DATE")]
    at: String,
    /// The treaty (rule pack id); may be left out when only one pack is loaded.
    #[arg(long)]
    treaty: Option<String>,
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
}

pub fn run(inputs: &Inputs, args: Args) -> Exit {
    let day = match Day::parse(&args.at) {
        Ok(day) => day,
        Err(message) => {
            error(
                &format!("--at: {message}"),
                Some("for example `--at 2008-01-01`"),
            );
            return Exit::InvalidInput;
        }
    };
    let rules = match inputs.rules() {
        Ok(rules) => rules,
        Err(exit) => return exit,
    };
    let packs = match rules.packs {
        Ok(packs) => packs,
        Err(reports) => {
            report(&reports);
            return Exit::InvalidInput;
        }
    };
    let pack = match &args.treaty {
        Some(id) => packs.get(id),
        None if packs.len() == 1 => packs.values().next(),
        None => {
            let ids: Vec<&str> = packs.keys().map(String::as_str).collect();
            error(
                "several treaties are loaded",
                Some(&format!("choose one with `--treaty`: {}", ids.join(", "))),
            );
            return Exit::InvalidInput;
        }
    };
    let Some(pack) = pack else {
        let id = args.treaty.unwrap_or_default();
        let help = casus::suggest::did_you_mean(&id, packs.keys().map(String::as_str));
        error(&format!("unknown treaty `{id}`"), Some(&help));
        return Exit::InvalidInput;
    };
    let roll = casus::membership::roll(pack, day);
    let output = match args.format {
        Format::Json => json::members(pack.id(), &day.to_string(), &roll),
        Format::Text | Format::Markdown => {
            let mut out = format!("Parties to `{}` on {day}\n", pack.id());
            if roll.is_empty() {
                out.push_str("  no state had signed by this date\n");
            }
            text::members_table(&mut out, &roll, "  ", true);
            out
        }
    };
    emit(&output, None)
}
