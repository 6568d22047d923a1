//! Reliability figures over the casebook: how often triggered obligations were fulfilled, and
//! how often members acted without a duty, with historical and hypothetical cases kept apart.

use serde::Serialize;

use crate::eval::Evaluation;
use crate::model::{Compliance, DutyKind, ReferenceFigure};

/// Counts over one reading, or summed over a group of readings.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Counts {
    pub readings: usize,
    pub obligations: usize,
    pub fulfilled: usize,
    pub partly_fulfilled: usize,
    pub unfulfilled: usize,
    pub no_documented_response: usize,
    pub prohibitions: usize,
    pub prohibitions_violated: usize,
    pub acted_without_formal_duty: usize,
}

impl Counts {
    fn add(&mut self, other: &Counts) {
        self.readings += other.readings;
        self.obligations += other.obligations;
        self.fulfilled += other.fulfilled;
        self.partly_fulfilled += other.partly_fulfilled;
        self.unfulfilled += other.unfulfilled;
        self.no_documented_response += other.no_documented_response;
        self.prohibitions += other.prohibitions;
        self.prohibitions_violated += other.prohibitions_violated;
        self.acted_without_formal_duty += other.acted_without_formal_duty;
    }

    /// Fulfilled obligations as a share of all triggered obligations, in percent.
    pub fn fulfilment_rate(&self) -> Option<f64> {
        (self.obligations > 0).then(|| 100.0 * self.fulfilled as f64 / self.obligations as f64)
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct ReadingCounts {
    pub scenario: String,
    pub reading: String,
    pub hypothetical: bool,
    pub counts: Counts,
}

#[derive(Debug, Clone, Serialize)]
pub struct Stats {
    pub historical: Counts,
    pub hypothetical: Counts,
    pub readings: Vec<ReadingCounts>,
    pub reference: Vec<ReferenceFigure>,
}

/// Counts every reading of every evaluation; each reading is one case.
pub fn compute(evaluations: &[Evaluation], reference: Vec<ReferenceFigure>) -> Stats {
    let mut stats = Stats {
        historical: Counts::default(),
        hypothetical: Counts::default(),
        readings: Vec::new(),
        reference,
    };
    for e in evaluations {
        for r in &e.readings {
            let mut counts = Counts {
                readings: 1,
                ..Counts::default()
            };
            for d in &r.duties {
                match (d.kind, d.compliance) {
                    (None, _) => counts.acted_without_formal_duty += 1,
                    (Some(DutyKind::Prohibition), c) => {
                        counts.prohibitions += 1;
                        if c == Compliance::ProhibitionViolated {
                            counts.prohibitions_violated += 1;
                        }
                    }
                    (Some(DutyKind::Obligation), c) => {
                        counts.obligations += 1;
                        match c {
                            Compliance::Fulfilled => counts.fulfilled += 1,
                            Compliance::PartlyFulfilled => counts.partly_fulfilled += 1,
                            Compliance::Unfulfilled => counts.unfulfilled += 1,
                            Compliance::NoDocumentedResponse => counts.no_documented_response += 1,
                            Compliance::ActedWithoutFormalDuty
                            | Compliance::ProhibitionViolated => {}
                        }
                    }
                }
            }
            if e.hypothetical {
                stats.hypothetical.add(&counts);
            } else {
                stats.historical.add(&counts);
            }
            stats.readings.push(ReadingCounts {
                scenario: e.id.clone(),
                reading: r.name.clone(),
                hypothetical: e.hypothetical,
                counts,
            });
        }
    }
    stats
}

fn percent(part: usize, whole: usize) -> String {
    if whole == 0 {
        "—".into()
    } else {
        format!("{:.1}%", 100.0 * part as f64 / whole as f64)
    }
}

/// The figures as text: the two groups, the reference figures, then one row per reading.
pub fn render_text(stats: &Stats, citation: &dyn Fn(&str) -> String) -> String {
    use std::fmt::Write;
    let mut out = String::from(
        "Reliability over the casebook: duties of triggered clauses, per bearer, each reading counted as one case\n",
    );
    for (label, c) in [
        ("historical cases", &stats.historical),
        ("hypothetical cases (what-ifs)", &stats.hypothetical),
    ] {
        let _ = writeln!(
            out,
            "\n{label}: {} reading{}",
            c.readings,
            if c.readings == 1 { "" } else { "s" }
        );
        let _ = writeln!(
            out,
            "  obligations triggered   {:>4}\n  fulfilled               {:>4}  {}\n  partly fulfilled        {:>4}  {}\n  unfulfilled             {:>4}  {}\n  no documented response  {:>4}  {}\n  prohibitions violated   {:>4} of {}\n  acted without a duty    {:>4}",
            c.obligations,
            c.fulfilled,
            percent(c.fulfilled, c.obligations),
            c.partly_fulfilled,
            percent(c.partly_fulfilled, c.obligations),
            c.unfulfilled,
            percent(c.unfulfilled, c.obligations),
            c.no_documented_response,
            percent(c.no_documented_response, c.obligations),
            c.prohibitions_violated,
            c.prohibitions,
            c.acted_without_formal_duty,
        );
    }
    if !stats.reference.is_empty() {
        let _ = writeln!(
            out,
            "\nPublished figures, for comparison (they count commitments in wars, not duties per member):"
        );
        for f in &stats.reference {
            let cited: Vec<String> = f.sources.iter().map(|s| citation(s)).collect();
            let _ = writeln!(
                out,
                "  {:>5.1}%  {} [{}]",
                f.percent,
                f.what,
                cited.join("; ")
            );
        }
    }
    let _ = writeln!(
        out,
        "\nPer reading: obligations, fulfilled, partly, unfulfilled, no response, without duty"
    );
    for r in &stats.readings {
        let c = &r.counts;
        let kind = if r.hypothetical {
            "what-if"
        } else {
            "historical"
        };
        let _ = writeln!(
            out,
            "  {:<34} {:<26} {:<10} {:>3} {:>3} {:>3} {:>3} {:>3} {:>3}",
            r.scenario,
            r.reading,
            kind,
            c.obligations,
            c.fulfilled,
            c.partly_fulfilled,
            c.unfulfilled,
            c.no_documented_response,
            c.acted_without_formal_duty
        );
    }
    out
}
