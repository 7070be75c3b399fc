//! `gatehouse user …`: create, list, show, edit, suspend/activate, delete, CSV import.

use std::path::PathBuf;

use gatehouse_core::directory::model::{UserDraft, UserQuery, UserSort, UserState};
use gatehouse_core::Gatehouse;

use crate::output;

#[derive(clap::Subcommand)]
pub enum Command {
    /// Create a user from flags, or from a JSON file with PRODUCT.md's field names.
    Add(AddArgs),
    /// List users (searched and sorted by the core).
    List {
        /// Matches name, username and email.
        #[arg(long)]
        search: Option<String>,
        #[arg(long, value_enum, default_value_t = SortArg::Name)]
        sort: SortArg,
        #[arg(long)]
        desc: bool,
        #[arg(long, default_value_t = 1)]
        page: u32,
        #[arg(long, default_value_t = 100)]
        page_size: u32,
        #[arg(long)]
        json: bool,
    },
    /// Show one user (by username or id) with their groups.
    Show {
        user: String,
        #[arg(long)]
        json: bool,
    },
    /// Change fields: --field jobTitle="Staff Engineer" (names as in `user show --json`).
    Set {
        user: String,
        #[arg(long = "field", value_name = "NAME=VALUE", required = true)]
        fields: Vec<String>,
    },
    /// Suspend a user: inactive in every application.
    Suspend { user: String },
    /// Return a suspended or password-expired user to active.
    Activate { user: String },
    /// Delete a user.
    Delete { user: String },
    /// Create users from a CSV file (all-or-nothing; bad rows reported with line numbers).
    ImportCsv { file: PathBuf },
}

#[derive(clap::Args)]
pub struct AddArgs {
    #[arg(long, required_unless_present = "from_json")]
    username: Option<String>,
    #[arg(long, required_unless_present = "from_json")]
    email: Option<String>,
    #[arg(long)]
    first: Option<String>,
    #[arg(long)]
    last: Option<String>,
    #[arg(long)]
    display: Option<String>,
    /// A JSON file holding one user object (jobTitle, costCenter, addresses[], phoneNumbers[] …).
    #[arg(long, conflicts_with_all = ["username", "email", "first", "last", "display"])]
    from_json: Option<PathBuf>,
}

#[derive(Clone, Copy, clap::ValueEnum)]
pub enum SortArg {
    Name,
    Username,
    Email,
    State,
    Created,
}

pub fn run(core: &Gatehouse, cmd: Command) -> anyhow::Result<()> {
    match cmd {
        Command::Add(a) => {
            let draft = match a.from_json {
                Some(path) => {
                    let text = std::fs::read_to_string(&path)
                        .map_err(|e| anyhow::anyhow!("cannot read {}: {e}", path.display()))?;
                    serde_json::from_str::<UserDraft>(&text)
                        .map_err(|e| anyhow::anyhow!("{}: not a valid user object: {e}", path.display()))?
                }
                None => UserDraft {
                    username: a.username.unwrap_or_default(),
                    email: a.email.unwrap_or_default(),
                    firstname: a.first.unwrap_or_default(),
                    lastname: a.last.unwrap_or_default(),
                    displayname: a.display.unwrap_or_default(),
                    ..Default::default()
                },
            };
            let u = core.create_user(&draft)?;
            println!("created user {} ({})", u.draft.username, u.id);
            Ok(())
        }
        Command::List { search, sort, desc, page, page_size, json } => {
            let sort = match sort {
                SortArg::Name => UserSort::Name,
                SortArg::Username => UserSort::Username,
                SortArg::Email => UserSort::Email,
                SortArg::State => UserSort::State,
                SortArg::Created => UserSort::Created,
            };
            let p = core.users(&UserQuery { search, group_id: None, sort, descending: desc, page, page_size })?;
            if json {
                return output::json(&p);
            }
            let rows: Vec<Vec<String>> = p
                .items
                .iter()
                .map(|u| {
                    vec![u.username.clone(), u.name.clone(), u.email.clone(), u.state.as_str().into(), u.id.clone()]
                })
                .collect();
            output::table(&["USERNAME", "NAME", "EMAIL", "STATE", "ID"], &rows);
            println!("({} of {} users, page {})", p.items.len(), p.total, p.page);
            Ok(())
        }
        Command::Show { user, json } => {
            let u = core.user(&user)?;
            let groups = core.user_groups(&u.id)?;
            if json {
                let mut v = serde_json::to_value(&u)?;
                v["groups"] = serde_json::to_value(&groups)?;
                return output::json(&v);
            }
            output::field("username", &u.draft.username);
            output::field("name", u.shown_name());
            output::field("email", &u.draft.email);
            output::field("state", u.draft.state.as_str());
            output::field("id", &u.id);
            for (label, v) in [
                ("job title", &u.draft.job_title),
                ("department", &u.draft.department),
                ("employee id", &u.draft.employee_identifier),
                ("company", &u.draft.company),
                ("location", &u.draft.location),
            ] {
                if !v.is_empty() {
                    output::field(label, v);
                }
            }
            let names: Vec<&str> = groups.iter().map(|g| g.name.as_str()).collect();
            output::field("groups", if names.is_empty() { "(none)".to_string() } else { names.join(", ") });
            Ok(())
        }
        Command::Set { user, fields } => {
            let u = core.user(&user)?;
            let mut v = serde_json::to_value(&u.draft)?;
            for f in fields {
                let (name, value) =
                    f.split_once('=').ok_or_else(|| anyhow::anyhow!("--field takes NAME=VALUE, got '{f}'"))?;
                let obj = v.as_object_mut().expect("a user is an object");
                let Some(slot) = obj.get_mut(name) else {
                    anyhow::bail!("unknown field '{name}' (see `gatehouse user show {} --json`)", u.draft.username);
                };
                *slot = if slot.is_string() {
                    serde_json::Value::String(value.to_string())
                } else {
                    serde_json::from_str(value).map_err(|e| anyhow::anyhow!("field '{name}' takes JSON: {e}"))?
                };
            }
            let draft: UserDraft = serde_json::from_value(v).map_err(|e| anyhow::anyhow!("{e}"))?;
            let saved = core.update_user(&u.id, &draft)?;
            println!("updated user {}", saved.draft.username);
            Ok(())
        }
        Command::Suspend { user } => {
            let u = core.set_user_state(&user, UserState::Suspended)?;
            println!("suspended {}", u.draft.username);
            Ok(())
        }
        Command::Activate { user } => {
            let u = core.set_user_state(&user, UserState::Active)?;
            println!("activated {}", u.draft.username);
            Ok(())
        }
        Command::Delete { user } => {
            core.delete_user(&user)?;
            println!("deleted {user}");
            Ok(())
        }
        Command::ImportCsv { file } => {
            let data = std::fs::read(&file).map_err(|e| anyhow::anyhow!("cannot read {}: {e}", file.display()))?;
            let report = core.import_users_csv(&data)?;
            if report.errors.is_empty() {
                println!("imported {} users", report.imported);
                return Ok(());
            }
            for e in &report.errors {
                let field = if e.field.is_empty() { String::new() } else { format!(" [{}]", e.field) };
                eprintln!("{}:{}:{} {}", file.display(), e.line, field, e.message);
            }
            let more = if report.truncated { " (and more)" } else { "" };
            anyhow::bail!("{} bad row(s){more}; nothing was imported", report.errors.len())
        }
    }
}
