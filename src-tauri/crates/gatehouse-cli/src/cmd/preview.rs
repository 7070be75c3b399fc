//! `gatehouse preview`: the exact SCIM User resource a user's account would be sent by an
//! application, with the mappings that failed for that user. Writes nothing.

use gatehouse_catalog::RuleSeverity;
use gatehouse_core::Gatehouse;

use crate::output;

#[derive(clap::Args)]
pub struct Args {
    /// Application id or label.
    app: String,
    /// Username or id (default: the application's first user).
    #[arg(long, default_value = "")]
    user: String,
    /// Print {"resource": {...}, "errors": [{"target", "message"}]}.
    #[arg(long)]
    json: bool,
}

pub fn run(core: &Gatehouse, args: Args) -> anyhow::Result<()> {
    let app = super::mapping::resolve_app(core, &args.app)?;
    let p = core.preview(&app, &args.user, None)?;
    if args.json {
        return output::json(&serde_json::json!({ "resource": p.resource, "errors": p.errors }));
    }
    println!("{}", serde_json::to_string_pretty(&p.resource)?);
    for e in &p.errors {
        println!("error: {}: {}", e.target, e.message);
    }
    for i in &p.issues {
        let level = if i.severity == RuleSeverity::Error { "error" } else { "warning" };
        println!("{level}: {}: {}", i.target, i.message);
    }
    Ok(())
}
