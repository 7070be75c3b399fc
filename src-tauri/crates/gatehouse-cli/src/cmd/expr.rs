//! `gatehouse expr eval`: evaluates a mapping expression, to try one out or to script it.
//!
//! With `--context FILE.json` the file's JSON object keys are the variables; without it,
//! the mapping variables `jcUser` and `providerUser` exist and are empty, so a mapping
//! expression is checked exactly as the editor checks it. Errors are `line:column: message`.

use std::path::PathBuf;

use gatehouse_expr::{compile, Env, Schema};
use serde_json::{json, Value};

use crate::output;

#[derive(clap::Subcommand)]
pub enum Command {
    /// Evaluate an expression and print its result as JSON.
    Eval {
        /// The expression, e.g. "upper(jcUser.firstname)".
        expr: String,
        /// A JSON object whose keys are the variables, e.g. {"jcUser": {...}, "providerUser": {}}.
        #[arg(long, value_name = "FILE.json")]
        context: Option<PathBuf>,
    },
}

pub fn run(cmd: Command) -> anyhow::Result<()> {
    match cmd {
        Command::Eval { expr, context } => {
            let (schema, context) = match context {
                Some(path) => {
                    let text = std::fs::read_to_string(&path)
                        .map_err(|e| anyhow::anyhow!("cannot read {}: {e}", path.display()))?;
                    let value: Value = serde_json::from_str(&text)
                        .map_err(|e| anyhow::anyhow!("{} is not valid JSON: {e}", path.display()))?;
                    anyhow::ensure!(
                        value.is_object(),
                        "{} must hold a JSON object (its keys are the variables)",
                        path.display()
                    );
                    (Schema::from_context(&value), value)
                }
                None => (Schema::mapping(), json!({"jcUser": {}, "providerUser": {}})),
            };
            let program = compile(&expr, &schema)?;
            let mut env = Env::new();
            for (name, value) in context.as_object().into_iter().flatten() {
                env = env.with(name, value);
            }
            output::json(&program.eval_json(&env)?)
        }
    }
}
