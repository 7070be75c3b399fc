//! `gatehouse settings show|set`.

use gatehouse_core::Gatehouse;

use crate::output;

#[derive(clap::Subcommand)]
pub enum Command {
    /// Show the organization settings.
    Show {
        #[arg(long)]
        json: bool,
    },
    /// Change one or more settings.
    Set {
        #[arg(long)]
        organization_name: Option<String>,
        /// e.g. https://sso.example.com — application IdP URLs are <base>/saml2/<value>.
        #[arg(long)]
        idp_base_url: Option<String>,
    },
}

pub fn run(core: &Gatehouse, cmd: Command) -> anyhow::Result<()> {
    match cmd {
        Command::Show { json } => {
            let s = core.settings()?;
            if json {
                return output::json(&s);
            }
            output::field("organization", &s.organization_name);
            output::field("IdP base URL", &s.idp_base_url);
            Ok(())
        }
        Command::Set { organization_name, idp_base_url } => {
            let mut s = core.settings()?;
            if let Some(v) = organization_name {
                s.organization_name = v;
            }
            if let Some(v) = idp_base_url {
                s.idp_base_url = v;
            }
            let saved = core.update_settings(&s)?;
            println!("saved: {} ({})", saved.organization_name, saved.idp_base_url);
            Ok(())
        }
    }
}
