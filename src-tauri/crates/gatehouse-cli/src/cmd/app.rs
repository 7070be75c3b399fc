//! `gatehouse app …`: add from the catalog, list, show (with effective users), bind, delete.

use gatehouse_core::applications::{GeneralInfo, NewApplication};
use gatehouse_core::Gatehouse;

use crate::output;

#[derive(clap::Subcommand)]
pub enum Command {
    /// Add an application from a catalog connector.
    Add {
        /// Connector id (see `gatehouse catalog list`).
        connector_id: String,
        #[arg(long)]
        label: String,
        #[arg(long, default_value = "")]
        description: String,
        /// The {custom_value} of <IdP base>/saml2/{custom_value}; fixed once created.
        #[arg(long)]
        idp_url_suffix: Option<String>,
        /// Hide the application from the user portal.
        #[arg(long)]
        hidden: bool,
    },
    /// List configured applications.
    List {
        #[arg(long)]
        json: bool,
    },
    /// Show an application, its bound groups and effective users.
    Show {
        app: String,
        #[arg(long)]
        json: bool,
    },
    /// Bind a user group: its members gain access.
    Bind { app: String, group: String },
    /// Unbind a user group.
    Unbind { app: String, group: String },
    /// Delete an application (asks nothing: scripts confirm with --yes).
    Delete {
        app: String,
        /// Confirm the deletion.
        #[arg(long)]
        yes: bool,
    },
}

pub fn run(core: &Gatehouse, cmd: Command) -> anyhow::Result<()> {
    match cmd {
        Command::Add { connector_id, label, description, idp_url_suffix, hidden } => {
            let app = core.create_application(&NewApplication {
                connector_id,
                general: GeneralInfo { label, description, show_in_portal: !hidden, ..Default::default() },
                idp_url_suffix: idp_url_suffix.unwrap_or_default(),
            })?;
            println!("created application {} ({}); IdP URL {}", app.general.label, app.id, app.idp_url);
        }
        Command::List { json } => {
            let apps = core.applications()?;
            if json {
                return output::json(&apps);
            }
            let rows: Vec<Vec<String>> = apps
                .iter()
                .map(|a| {
                    vec![
                        a.id.clone(),
                        a.general.label.clone(),
                        a.connector_name.clone(),
                        if a.sso { "yes".into() } else { "-".into() },
                        format!("{:?}", a.provisioning).to_lowercase(),
                        a.groups.len().to_string(),
                    ]
                })
                .collect();
            output::table(&["ID", "LABEL", "CONNECTOR", "SSO", "PROVISIONING", "GROUPS"], &rows);
        }
        Command::Show { app, json } => {
            let a = core.application(&app)?;
            let users = core.effective_users(&a.id, 1, 100_000)?;
            if json {
                let mut v = serde_json::to_value(&a)?;
                v["effectiveUsers"] = serde_json::to_value(&users.items)?;
                return output::json(&v);
            }
            output::field("label", &a.general.label);
            output::field("id", &a.id);
            output::field("connector", &a.connector_name);
            output::field("IdP URL", &a.idp_url);
            let groups: Vec<&str> = a.groups.iter().map(|g| g.name.as_str()).collect();
            output::field(
                "bound groups",
                if groups.is_empty() { "(none: nobody has access)".into() } else { groups.join(", ") },
            );
            output::field("effective users", users.total);
            let rows: Vec<Vec<String>> = users
                .items
                .iter()
                .map(|u| vec![u.username.clone(), u.name.clone(), u.state.as_str().into(), u.granted_by.join(", ")])
                .collect();
            if !rows.is_empty() {
                println!();
                output::table(&["USERNAME", "NAME", "STATE", "GRANTED BY"], &rows);
            }
        }
        Command::Bind { app, group } => {
            let a = core.bind_group(&app, &group)?;
            println!("bound {group} to {}", a.general.label);
        }
        Command::Unbind { app, group } => {
            let a = core.unbind_group(&app, &group)?;
            println!("unbound {group} from {}", a.general.label);
        }
        Command::Delete { app, yes } => {
            if !yes {
                anyhow::bail!("deleting an application cannot be undone: add --yes to confirm");
            }
            core.delete_applications(std::slice::from_ref(&app), "1")?;
            println!("deleted application {app}");
        }
    }
    Ok(())
}
