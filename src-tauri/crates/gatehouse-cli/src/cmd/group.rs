//! `gatehouse group …`: create, list, show, rename, describe, delete, members.

use gatehouse_core::directory::groups::GroupDraft;
use gatehouse_core::directory::model::UserQuery;
use gatehouse_core::Gatehouse;

use crate::output;

#[derive(clap::Subcommand)]
pub enum Command {
    /// Create a user group.
    Add {
        name: String,
        #[arg(long, default_value = "")]
        description: String,
    },
    /// List groups with member counts and bound applications.
    List {
        #[arg(long)]
        search: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Show a group (by name or id) and its members.
    Show {
        group: String,
        #[arg(long)]
        json: bool,
    },
    /// Rename a group.
    Rename { group: String, new_name: String },
    /// Change a group's description.
    Describe { group: String, description: String },
    /// Delete a group.
    Delete { group: String },
    /// Add or remove members.
    #[command(subcommand)]
    Members(Members),
}

#[derive(clap::Subcommand)]
pub enum Members {
    /// Add users (usernames or ids) to a group.
    Add {
        group: String,
        #[arg(required = true)]
        users: Vec<String>,
    },
    /// Remove users (usernames or ids) from a group.
    Remove {
        group: String,
        #[arg(required = true)]
        users: Vec<String>,
    },
}

pub fn run(core: &Gatehouse, cmd: Command) -> anyhow::Result<()> {
    match cmd {
        Command::Add { name, description } => {
            let g = core.create_group(&GroupDraft { name, description })?;
            println!("created group {} ({})", g.name, g.id);
        }
        Command::List { search, json } => {
            let groups = core.groups(search.as_deref())?;
            if json {
                return output::json(&groups);
            }
            let rows: Vec<Vec<String>> = groups
                .iter()
                .map(|g| {
                    let apps: Vec<&str> = g.applications.iter().map(|a| a.label.as_str()).collect();
                    vec![g.name.clone(), g.member_count.to_string(), apps.join(", "), g.id.clone()]
                })
                .collect();
            output::table(&["NAME", "MEMBERS", "APPLICATIONS", "ID"], &rows);
        }
        Command::Show { group, json } => {
            let g = core.group(&group)?;
            let members =
                core.users(&UserQuery { group_id: Some(g.id.clone()), page: 1, page_size: 500, ..Default::default() })?;
            if json {
                let mut v = serde_json::to_value(&g)?;
                v["members"] = serde_json::to_value(&members.items)?;
                return output::json(&v);
            }
            output::field("name", &g.name);
            output::field("description", &g.description);
            output::field("id", &g.id);
            output::field("members", g.member_count);
            let apps: Vec<&str> = g.applications.iter().map(|a| a.label.as_str()).collect();
            output::field("applications", if apps.is_empty() { "(none)".into() } else { apps.join(", ") });
            let rows: Vec<Vec<String>> =
                members.items.iter().map(|u| vec![u.username.clone(), u.name.clone(), u.email.clone()]).collect();
            if !rows.is_empty() {
                println!();
                output::table(&["USERNAME", "NAME", "EMAIL"], &rows);
            }
        }
        Command::Rename { group, new_name } => {
            let g = core.group(&group)?;
            let saved = core.update_group(&g.id, &GroupDraft { name: new_name, description: g.description })?;
            println!("renamed {} to {}", g.name, saved.name);
        }
        Command::Describe { group, description } => {
            let g = core.group(&group)?;
            core.update_group(&g.id, &GroupDraft { name: g.name.clone(), description })?;
            println!("updated {}", g.name);
        }
        Command::Delete { group } => {
            core.delete_group(&group)?;
            println!("deleted group {group}");
        }
        Command::Members(Members::Add { group, users }) => {
            let n = core.add_group_members(&group, &users)?;
            println!("added {n} member(s) to {group}");
        }
        Command::Members(Members::Remove { group, users }) => {
            let n = core.remove_group_members(&group, &users)?;
            println!("removed {n} member(s) from {group}");
        }
    }
    Ok(())
}
