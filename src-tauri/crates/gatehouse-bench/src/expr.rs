//! Expression-language figures (owned by the gatehouse-expr work).

use crate::report::Report;

pub fn run(_report: &mut Report) -> anyhow::Result<()> {
    Ok(())
}
