//! `gatehouse`: the command-line face of the core, for scripts and admins who prefer a shell.
//!
//! Same validation, errors and activity events as the app (both call `Gatehouse`). On error
//! it prints one line `gatehouse: <reason>` to stderr and exits 1 (2 for usage errors);
//! every read command takes `--json`.

mod cmd;
mod output;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use gatehouse_core::{paths, Actor, CoreError, Gatehouse};

#[derive(Parser)]
#[command(name = "gatehouse", version, about = "Gatehouse identity admin console, from the command line")]
struct Cli {
    /// Data folder holding the database (default: GATEHOUSE_DATA_DIR, else the OS app-data folder).
    #[arg(long, global = true, value_name = "DIR")]
    data_dir: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Where the data lives and which version wrote it.
    Info(cmd::info::Args),
    /// Organization settings (name, IdP base URL).
    #[command(subcommand)]
    Settings(cmd::settings::Command),
    /// The connector catalog.
    #[command(subcommand)]
    Catalog(cmd::catalog::Command),
    /// The activity log, newest first.
    Events(cmd::events::Args),
    /// Directory users.
    #[command(subcommand)]
    User(cmd::user::Command),
    /// User groups and their members.
    #[command(subcommand)]
    Group(cmd::group::Command),
    /// Configured applications and the groups bound to them.
    #[command(subcommand)]
    App(cmd::app::Command),
    /// The sample organization.
    #[command(subcommand)]
    Sample(cmd::sample::Command),
    /// Mapping expressions: evaluate one.
    #[command(subcommand)]
    Expr(cmd::expr::Command),
    /// An application's SCIM attribute mappings.
    #[command(subcommand)]
    Mapping(cmd::mapping::Command),
    /// The exact SCIM resource a user would be sent by an application.
    Preview(cmd::preview::Args),
    /// An application's SAML single sign-on: configuration, SP metadata, signed Responses.
    #[command(subcommand)]
    Sso(cmd::sso::Command),
    /// An application's SAML signing certificates.
    #[command(subcommand)]
    Cert(cmd::cert::Command),
    /// An application's IdP metadata.
    #[command(subcommand)]
    Metadata(cmd::metadata::Command),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            let msg = e.to_string().replace('\n', " ");
            eprintln!("gatehouse: {msg}");
            ExitCode::from(1)
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<()> {
    let open = || -> Result<Gatehouse, CoreError> {
        let dir = paths::resolve_data_dir(cli.data_dir.clone())?;
        let _ = gatehouse_core::logging::init(&dir);
        Gatehouse::open(&dir, Actor::Cli)
    };
    match cli.command {
        Command::Info(args) => cmd::info::run(&open()?, args),
        Command::Settings(c) => cmd::settings::run(&open()?, c),
        Command::Catalog(c) => cmd::catalog::run(c),
        Command::Events(args) => cmd::events::run(&open()?, args),
        Command::User(c) => cmd::user::run(&open()?, c),
        Command::Group(c) => cmd::group::run(&open()?, c),
        Command::App(c) => cmd::app::run(&open()?, c),
        Command::Sample(c) => cmd::sample::run(&open()?, c),
        Command::Expr(c) => cmd::expr::run(c),
        Command::Mapping(c) => cmd::mapping::run(&open()?, c),
        Command::Preview(args) => cmd::preview::run(&open()?, args),
        Command::Sso(c) => cmd::sso::run(&open()?, c),
        Command::Cert(c) => cmd::cert::run(&open()?, c),
        Command::Metadata(c) => cmd::metadata::run(&open()?, c),
    }
}
