//! The benchmark report: one row per figure (name, value, unit, goal), printed as a table.
//!
//! Every figure is a median of repeated runs unless its name says otherwise; a goal is
//! either "< X" (lower is better) or ">= X" (higher is better) and `met` is computed, never
//! written by hand.

use std::time::{Duration, Instant};

/// How a figure is judged against its goal.
#[derive(Clone, Copy, Debug)]
pub enum Goal {
    /// No goal: the figure is reported for information.
    None,
    /// The value must be strictly below this.
    Below(f64),
    /// The value must be at least this.
    AtLeast(f64),
}

pub struct Row {
    pub name: String,
    pub value: f64,
    pub unit: &'static str,
    pub goal: Goal,
}

impl Row {
    pub fn met(&self) -> Option<bool> {
        match self.goal {
            Goal::None => None,
            Goal::Below(g) => Some(self.value < g),
            Goal::AtLeast(g) => Some(self.value >= g),
        }
    }
}

#[derive(Default)]
pub struct Report {
    pub rows: Vec<Row>,
}

impl Report {
    pub fn add(&mut self, name: impl Into<String>, value: f64, unit: &'static str, goal: Goal) {
        let row = Row { name: name.into(), value, unit, goal };
        eprintln!("  measured {:<58} {:>12.3} {}", row.name, row.value, row.unit);
        self.rows.push(row);
    }

    /// Prints the table; returns false when any goal is missed.
    pub fn print(&self) -> bool {
        println!("{:<60} {:>14} {:<8} {:<12} met", "figure", "value", "unit", "goal");
        println!("{}", "-".repeat(102));
        let mut all_met = true;
        for r in &self.rows {
            let goal = match r.goal {
                Goal::None => "-".to_string(),
                Goal::Below(g) => format!("< {g}"),
                Goal::AtLeast(g) => format!(">= {g}"),
            };
            let met = match r.met() {
                None => "",
                Some(true) => "yes",
                Some(false) => {
                    all_met = false;
                    "NO"
                }
            };
            println!("{:<60} {:>14.3} {:<8} {:<12} {}", r.name, r.value, r.unit, goal, met);
        }
        all_met
    }
}

/// Runs `f` `runs` times (after one warm-up) and returns the median duration.
pub fn median<F: FnMut()>(runs: usize, mut f: F) -> Duration {
    f();
    let mut times: Vec<Duration> = (0..runs.max(1))
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .collect();
    times.sort();
    times[times.len() / 2]
}

pub fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}
