//! `gatehouse info`: data folder, database, log file, versions.

use gatehouse_core::Gatehouse;

use crate::output;

#[derive(clap::Args)]
pub struct Args {
    /// Print JSON.
    #[arg(long)]
    json: bool,
}

pub fn run(core: &Gatehouse, args: Args) -> anyhow::Result<()> {
    let info = core.info();
    if args.json {
        return output::json(&info);
    }
    output::field("version", &info.version);
    output::field("data folder", &info.data_dir);
    output::field("database", &info.database_path);
    output::field("schema version", info.schema_version);
    output::field("log file", &info.log_file);
    Ok(())
}
