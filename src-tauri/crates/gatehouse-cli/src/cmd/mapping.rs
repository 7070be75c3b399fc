//! `gatehouse mapping …`: an application's SCIM attribute mappings: list, set one target,
//! remove an optional one, restore the connector's defaults. Same validation and events
//! as the app's mapping editor.

use gatehouse_catalog::{MappingKind, RuleSeverity};
use gatehouse_core::mappings::Mapping;
use gatehouse_core::Gatehouse;

use crate::output;

#[derive(clap::Subcommand)]
pub enum Command {
    /// List an application's mappings (its connector's defaults until some are saved).
    List {
        /// Application id or label.
        app: String,
        #[arg(long)]
        json: bool,
    },
    /// Add the mapping for a SCIM target, or replace the one it has.
    #[command(group(clap::ArgGroup::new("source").required(true).args(["direct", "expression", "constant"])))]
    Set {
        /// Application id or label.
        app: String,
        /// SCIM attribute path: userName, name.givenName, emails[type eq "work"].value, $enterpriseUser.department.
        #[arg(long)]
        target: String,
        /// A directory field (firstname, jobTitle, addresses.locality, active, a custom attribute).
        #[arg(long, value_name = "FIELD")]
        direct: Option<String>,
        /// An expression over jcUser and providerUser.
        #[arg(long, value_name = "EXPR")]
        expression: Option<String>,
        /// The same text for every user.
        #[arg(long, value_name = "VALUE")]
        constant: Option<String>,
    },
    /// Remove an optional mapping (required ones stay).
    Remove {
        /// Application id or label.
        app: String,
        #[arg(long)]
        target: String,
    },
    /// Back to the connector's default mappings.
    Restore {
        /// Application id or label.
        app: String,
    },
}

/// An application by id, else by its label (case-insensitive, when only one has it).
pub fn resolve_app(core: &Gatehouse, app: &str) -> anyhow::Result<String> {
    if let Ok(a) = core.application(app) {
        return Ok(a.id);
    }
    let apps = core.applications()?;
    let mut found = apps.iter().filter(|a| a.general.label.eq_ignore_ascii_case(app.trim()));
    match (found.next(), found.next()) {
        (Some(a), None) => Ok(a.id.clone()),
        (Some(_), Some(_)) => anyhow::bail!("several applications are labelled '{app}': use the id"),
        (None, _) => anyhow::bail!("application '{app}' not found"),
    }
}

pub fn run(core: &Gatehouse, cmd: Command) -> anyhow::Result<()> {
    match cmd {
        Command::List { app, json } => {
            let set = core.mappings(&resolve_app(core, &app)?)?;
            if json {
                return output::json(&set);
            }
            let rows: Vec<Vec<String>> = set
                .mappings
                .iter()
                .map(|m| {
                    let required = if m.required { "yes" } else { "-" };
                    vec![m.target.clone(), kind_word(m.kind).into(), required.into(), m.source.clone()]
                })
                .collect();
            output::table(&["TARGET", "KIND", "REQUIRED", "SOURCE"], &rows);
            if set.is_default {
                println!("\n(the connector's default mappings)");
            }
            for i in &set.issues {
                let level = if i.severity == RuleSeverity::Error { "error" } else { "warning" };
                println!("{level}: {}: {}", i.target, i.message);
            }
        }
        Command::Set { app, target, direct, expression, constant } => {
            let (kind, source) = match (direct, expression, constant) {
                (Some(f), _, _) => (MappingKind::Direct, f),
                (_, Some(e), _) => (MappingKind::Expression, e),
                (_, _, Some(c)) => (MappingKind::Constant, c),
                _ => anyhow::bail!("give --direct, --expression or --constant"),
            };
            let set = core.set_mapping(&resolve_app(core, &app)?, Mapping { target, kind, source, required: false })?;
            println!("saved {} mappings", set.mappings.len());
            for i in set.issues.iter().filter(|i| i.severity == RuleSeverity::Warning) {
                println!("warning: {}: {}", i.target, i.message);
            }
        }
        Command::Remove { app, target } => {
            let set = core.remove_mapping(&resolve_app(core, &app)?, &target)?;
            println!("removed {target}; {} mappings left", set.mappings.len());
        }
        Command::Restore { app } => {
            let set = core.restore_default_mappings(&resolve_app(core, &app)?)?;
            println!("restored the {} default mappings", set.mappings.len());
        }
    }
    Ok(())
}

fn kind_word(k: MappingKind) -> &'static str {
    match k {
        MappingKind::Direct => "direct",
        MappingKind::Expression => "expression",
        MappingKind::Constant => "constant",
    }
}
