//! `npm run bench`: measures every figure the issues ask for and prints one table.
//!
//! Each area owns a module with `pub fn run(report: &mut Report) -> anyhow::Result<()>`;
//! the process exits non-zero when a figure misses its goal, so a regression is visible.

mod directory;
mod expr;
mod mapping;
mod report;
mod saml;
mod store;

use report::Report;

/// One group of figures: adds its rows to the report.
type Group = fn(&mut Report) -> anyhow::Result<()>;

fn main() -> anyhow::Result<()> {
    // `gatehouse-bench directory saml` runs only those groups; no argument runs them all.
    let only: Vec<String> = std::env::args().skip(1).collect();
    let wanted = |group: &str| only.is_empty() || only.iter().any(|o| o == group);
    let mut report = Report::default();
    let groups: [(&str, Group); 5] = [
        ("store", store::run),
        ("directory", directory::run),
        ("expr", expr::run),
        ("mapping", mapping::run),
        ("saml", saml::run),
    ];
    for (name, run) in groups {
        if wanted(name) {
            run(&mut report)?;
        }
    }
    let all_met = report.print();
    if !all_met {
        eprintln!("some benchmark figures miss their goal");
        std::process::exit(1);
    }
    Ok(())
}
