//! `gatehouse sample load`: the sample organization, for trying every screen at once.

use gatehouse_core::Gatehouse;

#[derive(clap::Subcommand)]
pub enum Command {
    /// Load a sample organization into an empty directory.
    Load,
}

pub fn run(core: &Gatehouse, cmd: Command) -> anyhow::Result<()> {
    match cmd {
        Command::Load => {
            let (users, groups) = core.load_sample()?;
            println!("loaded the sample organization: {users} users, {groups} groups");
        }
    }
    Ok(())
}
