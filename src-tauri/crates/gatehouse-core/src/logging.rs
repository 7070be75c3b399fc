//! Logs go through `tracing` to `<data dir>/logs/gatehouse.log` (never a secret: secrets are
//! wrapped in types whose Debug/Display print `<redacted>`).

use std::path::{Path, PathBuf};

use tracing_appender::non_blocking::WorkerGuard;
use tracing_subscriber::EnvFilter;

pub fn log_file(data_dir: &Path) -> PathBuf {
    data_dir.join("logs").join("gatehouse.log")
}

/// Installs the global subscriber. Keep the guard alive for the life of the process.
/// Returns None if a subscriber is already installed (e.g. in tests).
pub fn init(data_dir: &Path) -> Option<WorkerGuard> {
    let dir = data_dir.join("logs");
    std::fs::create_dir_all(&dir).ok()?;
    let appender = tracing_appender::rolling::never(&dir, "gatehouse.log");
    let (writer, guard) = tracing_appender::non_blocking(appender);
    let filter = EnvFilter::try_from_env("GATEHOUSE_LOG").unwrap_or_else(|_| EnvFilter::new("info"));
    tracing_subscriber::fmt().with_env_filter(filter).with_writer(writer).with_ansi(false).try_init().ok()?;
    Some(guard)
}
