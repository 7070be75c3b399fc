//! `gatehouse catalog list|show ID`.

use gatehouse_catalog::Catalog;

use crate::output;

#[derive(clap::Subcommand)]
pub enum Command {
    /// List the connectors (and any connector file that failed to load).
    List {
        #[arg(long)]
        json: bool,
    },
    /// Show one connector: what it supports, SSO defaults, mappings, setup steps.
    Show {
        id: String,
        #[arg(long)]
        json: bool,
    },
}

pub fn run(cmd: Command) -> anyhow::Result<()> {
    let snapshot = Catalog::from_env_or_embedded();
    match cmd {
        Command::List { json } => {
            if json {
                return output::json(&snapshot);
            }
            let rows: Vec<Vec<String>> = snapshot.connectors.iter().map(|c| vec![c.id.clone(), c.name.clone()]).collect();
            output::table(&["ID", "NAME"], &rows);
            for issue in &snapshot.issues {
                eprintln!("warning: {} {}: {}", issue.file, issue.field, issue.message);
            }
            Ok(())
        }
        Command::Show { id, json } => {
            let Some(c) = snapshot.connectors.iter().find(|c| c.id == id) else {
                anyhow::bail!("connector '{id}' not found (see `gatehouse catalog list`)");
            };
            if json {
                return output::json(c);
            }
            output::field("id", &c.id);
            output::field("name", &c.name);
            Ok(())
        }
    }
}
