//! `gatehouse sso …`: an application's SAML single sign-on: show and set the SSO tab's
//! fields, import the application's SP metadata, and write the signed Response an
//! IdP-initiated sign-in of a user would post. Same validation and events as the app.

use std::io::Write as _;
use std::path::PathBuf;

use gatehouse_core::sso::{
    AcsUrl, NameIdFormat, SamlSigning, SsoAttribute, SsoConfigInput, SsoConstantAttribute, SsoView,
};
use gatehouse_core::Gatehouse;

use super::mapping::resolve_app;
use crate::output;

#[derive(clap::Subcommand)]
pub enum Command {
    /// Show the SSO configuration (the connector's defaults until saved), placeholders and certificates.
    Show {
        /// Application id or label.
        app: String,
        #[arg(long)]
        json: bool,
    },
    /// Change SSO fields; fields not given keep their value. A repeated option
    /// (--acs-url, --attribute, --constant) replaces its whole list.
    Set(SetArgs),
    /// Fill the SP entity ID, ACS URLs and NameID format from the application's SP metadata XML.
    ImportSpMetadata {
        /// Application id or label.
        app: String,
        /// The SP metadata XML file (at most 1 MiB).
        file: PathBuf,
    },
    /// The signed SAML Response an IdP-initiated sign-in of USER would post (XML).
    Response {
        /// Application id or label.
        app: String,
        /// Username or user id.
        #[arg(long, value_name = "USERNAME")]
        user: String,
        /// Write the Response here instead of standard output.
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
}

#[derive(clap::Args)]
pub struct SetArgs {
    /// Application id or label.
    app: String,
    /// The value of the connector's placeholder (YOURDOMAIN, YOUR_ORG_ID, …), replaced
    /// wherever it occurs; TOKEN=VALUE when the connector has several.
    #[arg(long, value_name = "VALUE")]
    placeholder: Vec<String>,
    #[arg(long, value_name = "ID")]
    idp_entity_id: Option<String>,
    #[arg(long, value_name = "ID")]
    sp_entity_id: Option<String>,
    /// An ACS URL; repeat for several. The first is the default.
    #[arg(long = "acs-url", value_name = "URL")]
    acs_urls: Vec<String>,
    /// unspecified, emailAddress, persistent, transient, or the format's URI.
    #[arg(long, value_name = "FORMAT")]
    nameid_format: Option<String>,
    /// The directory field whose value is the NameID (email, username, customAttributes.<name>, …).
    #[arg(long, value_name = "FIELD")]
    nameid_field: Option<String>,
    /// What is signed.
    #[arg(long, value_enum)]
    sign: Option<Sign>,
    /// A user attribute: SP attribute name = directory field; repeat for several.
    #[arg(long = "attribute", value_name = "NAME=FIELD")]
    attributes: Vec<String>,
    /// A constant attribute: name = value; repeat for several.
    #[arg(long = "constant", value_name = "NAME=VALUE")]
    constants: Vec<String>,
    /// Name of the attribute listing the user's groups bound to the application; '' turns it off.
    #[arg(long, value_name = "NAME")]
    group_attribute: Option<String>,
}

#[derive(Clone, Copy, clap::ValueEnum)]
pub enum Sign {
    Assertion,
    Response,
    Both,
}

pub fn run(core: &Gatehouse, cmd: Command) -> anyhow::Result<()> {
    match cmd {
        Command::Show { app, json } => {
            let view = core.sso_config(&resolve_app(core, &app)?)?;
            if json {
                return output::json(&view);
            }
            print_view(&view);
        }
        Command::Set(args) => {
            let id = resolve_app(core, &args.app)?;
            let view = core.sso_config(&id)?;
            let input = edited(&view, args)?;
            let saved = core.save_sso_config(&id, &input)?;
            println!("saved the SSO configuration of {}", saved.app_label);
        }
        Command::ImportSpMetadata { app, file } => {
            let id = resolve_app(core, &app)?;
            let xml = gatehouse_core::sso::read_sp_metadata_file(&file)?;
            let preview = core.preview_sp_metadata(&id, &xml)?;
            if preview.changes.is_empty() {
                println!("nothing to change: the SSO configuration already matches {}", file.display());
                return Ok(());
            }
            let view = core.apply_sp_metadata(&id, &xml)?;
            for c in &preview.changes {
                println!("{}: {} -> {}", c.label, c.before.join(", "), c.after.join(", "));
            }
            println!("imported the SP metadata into {}", view.app_label);
        }
        Command::Response { app, user, out } => {
            let id = resolve_app(core, &app)?;
            let preview = core.assertion_preview(&id, &user, gatehouse_core::sso::OffsetDateTime::now_utc())?;
            match out {
                Some(path) => {
                    write_file(&path, preview.xml.as_bytes())?;
                    println!("wrote the signed Response for {} to {}", preview.username, path.display());
                }
                None => std::io::stdout().write_all(preview.xml.as_bytes())?,
            }
        }
    }
    Ok(())
}

/// Writes `content` to `path`, with a one-line reason on failure.
pub fn write_file(path: &std::path::Path, content: &[u8]) -> anyhow::Result<()> {
    std::fs::write(path, content).map_err(|e| anyhow::anyhow!("cannot write {}: {e}", path.display()))
}

/// The SSO tab as shown, with the options applied.
fn edited(view: &SsoView, a: SetArgs) -> anyhow::Result<SsoConfigInput> {
    let mut input = SsoConfigInput {
        placeholders: view.placeholders.iter().map(|p| (p.token.clone(), p.value.clone())).collect(),
        config: view.config.clone(),
    };
    for p in &a.placeholder {
        let (token, value) = placeholder(view, p)?;
        input.placeholders.insert(token, value);
    }
    let c = &mut input.config;
    if let Some(v) = a.idp_entity_id {
        c.idp_entity_id = v;
    }
    if let Some(v) = a.sp_entity_id {
        c.sp_entity_id = v;
    }
    if !a.acs_urls.is_empty() {
        c.acs_urls = a.acs_urls.into_iter().enumerate().map(|(i, url)| AcsUrl { url, is_default: i == 0 }).collect();
    }
    if let Some(f) = a.nameid_format {
        c.name_id_format = name_id_format(&f)?;
    }
    if let Some(f) = a.nameid_field {
        c.name_id_field = f;
    }
    if let Some(s) = a.sign {
        c.signing = match s {
            Sign::Assertion => SamlSigning::Assertion,
            Sign::Response => SamlSigning::Response,
            Sign::Both => SamlSigning::Both,
        };
    }
    if !a.attributes.is_empty() {
        c.attributes = a
            .attributes
            .iter()
            .map(|kv| pair(kv, "--attribute NAME=FIELD").map(|(name, field)| SsoAttribute { name, field }))
            .collect::<anyhow::Result<_>>()?;
    }
    if !a.constants.is_empty() {
        c.constant_attributes = a
            .constants
            .iter()
            .map(|kv| pair(kv, "--constant NAME=VALUE").map(|(name, value)| SsoConstantAttribute { name, value }))
            .collect::<anyhow::Result<_>>()?;
    }
    if let Some(g) = a.group_attribute {
        c.group_attribute = Some(g).filter(|g| !g.trim().is_empty());
    }
    Ok(input)
}

/// `TOKEN=VALUE`, or `VALUE` for a connector with a single placeholder.
fn placeholder(view: &SsoView, given: &str) -> anyhow::Result<(String, String)> {
    if let Some((token, value)) = given.split_once('=') {
        if view.placeholders.iter().any(|p| p.token == token.trim()) {
            return Ok((token.trim().to_string(), value.to_string()));
        }
    }
    match view.placeholders.as_slice() {
        [one] => Ok((one.token.clone(), given.to_string())),
        [] => anyhow::bail!("{} ({}) has no placeholder to fill", view.app_label, view.connector_name),
        many => {
            let tokens: Vec<&str> = many.iter().map(|p| p.token.as_str()).collect();
            anyhow::bail!(
                "{} has several placeholders ({}): write --placeholder TOKEN=VALUE",
                view.app_label,
                tokens.join(", ")
            )
        }
    }
}

fn pair(kv: &str, usage: &str) -> anyhow::Result<(String, String)> {
    match kv.split_once('=') {
        Some((k, v)) => Ok((k.trim().to_string(), v.to_string())),
        None => anyhow::bail!("'{kv}' is not NAME=VALUE: write {usage}"),
    }
}

fn name_id_format(s: &str) -> anyhow::Result<NameIdFormat> {
    let uri = match s.trim() {
        "unspecified" => "urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified",
        "emailAddress" | "email" => "urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress",
        "persistent" => "urn:oasis:names:tc:SAML:2.0:nameid-format:persistent",
        "transient" => "urn:oasis:names:tc:SAML:2.0:nameid-format:transient",
        other => other,
    };
    serde_json::from_value(serde_json::Value::String(uri.to_string())).map_err(|_| {
        anyhow::anyhow!("unknown NameID format '{s}': use unspecified, emailAddress, persistent or transient")
    })
}

fn word<T: serde::Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        other => format!("{other:?}"),
    }
}

fn print_view(v: &SsoView) {
    let r = &v.resolved;
    output::field("application", format!("{} ({})", v.app_label, v.app_id));
    output::field("connector", &v.connector_name);
    output::field("IdP URL", &v.idp_url);
    output::field("saved", if v.is_default { "no (the connector's defaults)" } else { "yes" });
    for p in &v.placeholders {
        let value = if p.value.is_empty() { "(not filled in)".to_string() } else { p.value.clone() };
        output::field("placeholder", format!("{} ({}) = {value}", p.token, p.label));
    }
    output::field("IdP entity ID", &r.idp_entity_id);
    output::field("SP entity ID", &r.sp_entity_id);
    for a in &r.acs_urls {
        output::field("ACS URL", format!("{}{}", a.url, if a.is_default { " (default)" } else { "" }));
    }
    if v.has_sp_login_url {
        output::field("SP login URL", r.sp_login_url.as_deref().unwrap_or("-"));
    }
    output::field("NameID", format!("{} ({})", r.name_id_field, word(&r.name_id_format)));
    output::field("signing", word(&r.signing));
    for a in &r.attributes {
        output::field("attribute", format!("{} <- {}", a.name, a.field));
    }
    for c in &r.constant_attributes {
        output::field("constant", format!("{} = {}", c.name, c.value));
    }
    if v.group_attribute_supported {
        output::field("group attribute", r.group_attribute.as_deref().unwrap_or("(off)"));
    }
    if !v.unfilled.is_empty() {
        println!("\nto fill in before saving: {}", v.unfilled.join(", "));
    }
    println!();
    super::cert::print_certificates(&v.certificates);
}
