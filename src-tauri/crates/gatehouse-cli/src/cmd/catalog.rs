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
            let rows: Vec<Vec<String>> =
                snapshot.connectors.iter().map(|c| vec![c.id.clone(), c.name.clone()]).collect();
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
            print_connector(c);
            Ok(())
        }
    }
}

fn yes(b: bool) -> &'static str {
    if b {
        "yes"
    } else {
        "no"
    }
}

fn print_connector(c: &gatehouse_catalog::Connector) {
    output::field("id", &c.id);
    output::field("name", &c.name);
    output::field("description", &c.description);
    let s = &c.supports;
    output::field("SSO", yes(s.sso));
    output::field("JIT", yes(s.jit));
    output::field("provisioning", yes(s.provisioning));
    output::field("groups", yes(s.groups));
    if let Some(d) = s.deprovision {
        output::field("on user delete", format!("{d:?}").to_lowercase());
    }
    if let Some(sso) = &c.sso {
        println!("\nSingle sign-on defaults");
        output::field("IdP entity ID", &sso.idp_entity_id_template);
        output::field("SP entity ID", &sso.sp_entity_id_template);
        for acs in &sso.acs_url_templates {
            output::field("ACS URL", acs);
        }
        for p in &sso.placeholders {
            output::field("placeholder", format!("{} ({})", p.token, p.label));
        }
    }
    if let Some(scim) = &c.scim {
        println!("\nAttribute mappings");
        let rows: Vec<Vec<String>> = scim
            .mappings
            .iter()
            .map(|m| {
                vec![
                    if m.required { "required".into() } else { "optional".into() },
                    format!("{:?}", m.kind).to_lowercase(),
                    m.source.clone(),
                    m.target.clone(),
                ]
            })
            .collect();
        output::table(&["", "KIND", "SOURCE", "SCIM ATTRIBUTE"], &rows);
        for r in &scim.rules {
            println!("rule: {}", r.message);
        }
    }
    for (title, steps) in [("SSO setup", &c.setup.sso), ("SCIM setup", &c.setup.scim)] {
        if !steps.is_empty() {
            println!("\n{title}");
            for (i, step) in steps.iter().enumerate() {
                println!("  {}. {step}", i + 1);
            }
        }
    }
}
