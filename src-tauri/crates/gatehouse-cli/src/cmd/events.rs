//! `gatehouse events [--app ID] [--name NAME] [--outcome success|failure] [--json]`.

use gatehouse_core::{EventQuery, Gatehouse, Outcome};

use crate::output;

#[derive(clap::Args)]
pub struct Args {
    /// Only events of this application id.
    #[arg(long)]
    app: Option<String>,
    /// Only events with this name (e.g. settings_update).
    #[arg(long)]
    name: Option<String>,
    /// Only this outcome.
    #[arg(long, value_parser = ["success", "failure"])]
    outcome: Option<String>,
    /// How many events (newest first).
    #[arg(long, default_value_t = 50)]
    limit: u32,
    #[arg(long)]
    json: bool,
}

pub fn run(core: &Gatehouse, args: Args) -> anyhow::Result<()> {
    let outcome = args.outcome.as_deref().map(|o| if o == "failure" { Outcome::Failure } else { Outcome::Success });
    let page =
        core.events(&EventQuery { app_id: args.app, name: args.name, outcome, page: 1, page_size: args.limit })?;
    if args.json {
        return output::json(&page.items);
    }
    let rows: Vec<Vec<String>> = page
        .items
        .iter()
        .map(|e| {
            vec![
                e.at.clone(),
                e.name.clone(),
                e.app_label.clone().unwrap_or_default(),
                e.subject.as_ref().map(|s| format!("{} {}", s.kind, s.label)).unwrap_or_default(),
                format!("{:?}", e.outcome).to_lowercase(),
                format!("{:?}", e.actor).to_lowercase(),
            ]
        })
        .collect();
    output::table(&["TIME", "EVENT", "APPLICATION", "SUBJECT", "OUTCOME", "ACTOR"], &rows);
    if page.total > page.items.len() as u32 {
        println!("({} of {} events; use --limit for more)", page.items.len(), page.total);
    }
    Ok(())
}
