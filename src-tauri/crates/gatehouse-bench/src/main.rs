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

fn main() -> anyhow::Result<()> {
    let mut report = Report::default();
    store::run(&mut report)?;
    directory::run(&mut report)?;
    expr::run(&mut report)?;
    mapping::run(&mut report)?;
    saml::run(&mut report)?;
    let all_met = report.print();
    if !all_met {
        eprintln!("some benchmark figures miss their goal");
        std::process::exit(1);
    }
    Ok(())
}
