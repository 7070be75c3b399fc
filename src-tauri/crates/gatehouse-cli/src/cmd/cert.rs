//! `gatehouse cert …`: an application's SAML signing certificates: generate (the private
//! key goes to the OS keychain), list, complete a rollover, export `certificate.pem`.

use std::path::PathBuf;

use gatehouse_core::sso::{CertificateRecord, ExpiryLevel, KeyAlgorithm, DEFAULT_VALIDITY_DAYS};
use gatehouse_core::Gatehouse;

use super::mapping::resolve_app;
use super::sso::write_file;
use crate::output;

#[derive(clap::Subcommand)]
pub enum Command {
    /// Generate a key pair and self-signed certificate. The first becomes active; with
    /// --next it is published beside the active one until `cert activate-next`.
    Generate {
        /// Application id or label.
        app: String,
        #[arg(long, value_enum, default_value = "rsa2048")]
        alg: Alg,
        /// Validity in days (1 to 3650).
        #[arg(long, default_value_t = DEFAULT_VALIDITY_DAYS)]
        days: u32,
        /// Prepare a rollover: the new certificate becomes the next one.
        #[arg(long)]
        next: bool,
    },
    /// List the certificates: active, next, retired.
    List {
        /// Application id or label.
        app: String,
        #[arg(long)]
        json: bool,
    },
    /// Finish a rollover: the next certificate becomes active, the active one is retired.
    ActivateNext {
        /// Application id or label.
        app: String,
    },
    /// Write the active certificate as PEM (certificate.pem); never a private key.
    Export {
        /// Application id or label.
        app: String,
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
}

#[derive(Clone, Copy, clap::ValueEnum)]
pub enum Alg {
    Rsa2048,
    Rsa3072,
    Rsa4096,
    P256,
}

pub fn run(core: &Gatehouse, cmd: Command) -> anyhow::Result<()> {
    match cmd {
        Command::Generate { app, alg, days, next } => {
            let alg = match alg {
                Alg::Rsa2048 => KeyAlgorithm::Rsa2048,
                Alg::Rsa3072 => KeyAlgorithm::Rsa3072,
                Alg::Rsa4096 => KeyAlgorithm::Rsa4096,
                Alg::P256 => KeyAlgorithm::P256,
            };
            let c = core.generate_certificate(&resolve_app(core, &app)?, alg, days, next)?;
            println!(
                "generated {} certificate {} (serial {}, valid until {}); the private key is in the OS keychain",
                status_word(&c),
                c.id,
                c.info.serial_hex,
                c.info.not_after
            );
        }
        Command::List { app, json } => {
            let list = core.certificates(&resolve_app(core, &app)?)?;
            if json {
                return output::json(&list);
            }
            print_certificates(&list);
        }
        Command::ActivateNext { app } => {
            let c = core.activate_next_certificate(&resolve_app(core, &app)?)?;
            println!("certificate {} (serial {}) is now active; the previous one is retired", c.id, c.info.serial_hex);
        }
        Command::Export { app, out } => {
            let pem = core.certificate_pem(&resolve_app(core, &app)?)?;
            write_file(&out, pem.as_bytes())?;
            println!("wrote the active certificate to {}", out.display());
        }
    }
    Ok(())
}

fn status_word(c: &CertificateRecord) -> String {
    word(&c.status)
}

fn word<T: serde::Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        _ => "-".into(),
    }
}

fn expiry_word(e: Option<ExpiryLevel>) -> &'static str {
    match e {
        None => "-",
        Some(ExpiryLevel::Days60) => "within 60 days",
        Some(ExpiryLevel::Days30) => "within 30 days",
        Some(ExpiryLevel::Days7) => "within 7 days",
        Some(ExpiryLevel::Expired) => "EXPIRED",
    }
}

/// The certificates as a table (or a line saying there are none).
pub fn print_certificates(list: &[CertificateRecord]) {
    if list.is_empty() {
        println!("no certificate yet: gatehouse cert generate APP");
        return;
    }
    let rows: Vec<Vec<String>> = list
        .iter()
        .map(|c| {
            vec![
                status_word(c),
                word(&c.info.algorithm),
                c.info.serial_hex.clone(),
                c.info.not_after.clone(),
                expiry_word(c.expiry).into(),
                c.info.sha256_fingerprint.clone(),
            ]
        })
        .collect();
    output::table(&["STATUS", "ALGORITHM", "SERIAL", "NOT AFTER", "EXPIRES", "SHA-256"], &rows);
}
