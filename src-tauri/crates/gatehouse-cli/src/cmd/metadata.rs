//! `gatehouse metadata export`: an application's IdP metadata XML (entity ID, SSO endpoint,
//! signing certificates: the active one and, during a rollover, the next one).

use std::path::PathBuf;

use gatehouse_core::Gatehouse;

use super::mapping::resolve_app;
use super::sso::write_file;

#[derive(clap::Subcommand)]
pub enum Command {
    /// Write the IdP metadata XML to give the application.
    Export {
        /// Application id or label.
        app: String,
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
}

pub fn run(core: &Gatehouse, cmd: Command) -> anyhow::Result<()> {
    match cmd {
        Command::Export { app, out } => {
            let xml = core.idp_metadata_xml(&resolve_app(core, &app)?)?;
            write_file(&out, xml.as_bytes())?;
            println!("wrote the IdP metadata to {}", out.display());
        }
    }
    Ok(())
}
