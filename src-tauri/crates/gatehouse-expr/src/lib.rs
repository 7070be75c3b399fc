//! The mapping expression language: our own implementation of the Expr language
//! (expr-lang, the Go library) as used in attribute mappings, e.g.
//! `notNullOrEmpty(jcUser.displayname) ? jcUser.displayname : jcUser.firstname` or
//! `toScimAddresses(find(jcUser.addresses, .type == 'work') ?? first(jcUser.addresses))`.
//!
//! # Why our own implementation
//! The `expr-lang` crate (2.1) cannot be used as is: its grammar reads `notNullOrEmpty(x)`
//! as `not NullOrEmpty(x)` (no word boundary after `not`, nor after `nil`/`true`/`false`),
//! it lacks the `.field` predicate shorthand (`.type == 'work'` meaning `#.type == 'work'`),
//! it panics on some map literals, and every `jcUser.x` access copies the whole user. This
//! crate parses with expr-lang's Go grammar, checks names against a [`Schema`] at compile
//! time, and evaluates against *borrowed* JSON: `Env::new().with("jcUser", &user)` copies
//! nothing, and only the values an expression produces are owned.
//!
//! # Use
//! ```
//! use gatehouse_expr::{compile, Env, Schema};
//! let program = compile("upper(jcUser.firstname)", &Schema::mapping()).unwrap();
//! let user = serde_json::json!({"firstname": "Ada"});
//! let out = program.eval(&Env::new().with("jcUser", &user)).unwrap();
//! assert_eq!(out.to_json(), serde_json::json!("ADA"));
//! ```
//! Compile once, evaluate many times; a [`Program`] is `Send + Sync`.
//!
//! # Mapping functions
//! The reference's mapping functions turn directory data into SCIM 2.0 attributes:
//! - `notNullOrEmpty(x)`: `false` for nil, `""`, `[]` and `{}`; `true` for anything else
//!   (including `0`, `false` and `" "`).
//! - `toScimEmails(email)`: nil or `""` → nil; a string →
//!   `[{"value": email, "type": "work", "primary": true}]`; an array of strings → one entry
//!   per non-empty string, only the first primary (nil if none remain).
//! - `toScimAddresses(address)`: nil → nil; a directory address
//!   `{type, streetAddress, poBox, locality, region, postalCode, country}` →
//!   `[{"type", "streetAddress", "locality", "region", "postalCode", "country", "formatted",
//!   "primary": true}]`: `type` defaults to `"work"`, a `poBox` becomes a second line of
//!   `streetAddress`, `formatted` joins the non-empty lines `streetAddress`,
//!   `"locality, region postalCode"` and `country` with `"\n"`, empty fields are omitted,
//!   and an address with no content at all is dropped. An array maps every address, the
//!   first kept one being primary; nil if none remain.
//! - `toScimPhoneNumbers(phone)`: nil → nil; `{type, number}` →
//!   `[{"type": type or "work", "value": number, "primary": true}]` (dropped when the number
//!   is empty); a plain string is a work number; an array maps each, the first primary.
//!
//! # Semantics
//! As expr-lang v1.17 (its conformance cases all pass): missing map keys read nil; `??`
//! takes the right side only for nil; `+` joins strings; `int / int` is a float (`1 / 0` is
//! `+Inf`, as in Go), `%` by zero is an error; `1 == 1.0`; `and`/`or` short-circuit and need
//! booleans; integer arithmetic wraps; dates, durations and Go layouts (`date(x).Format(...)`)
//! behave as Go's `time`. Deliberate differences, chosen for mappings: reading a field or
//! index of nil gives nil (Go errors), and the predicate builtins treat a nil collection as
//! empty. Maps are visited in key order (Go's order is random). Time zones come from the
//! system's zoneinfo.
//!
//! # Output
//! [`Value::to_json`] / [`Value::into_json`] (which moves instead of copying) give a
//! `serde_json::Value`; [`Value::write_json`] writes compact JSON text directly (the same
//! bytes as `serde_json`, faster), and `Value` implements `serde::Serialize` for any other
//! format. Maps come out with sorted keys.
//!
//! # Safety
//! Source length (64 KiB), nesting depth (128, or less in unoptimised builds where a stack
//! guard trips first), evaluation steps, allocation and the size and depth of produced
//! values are bounded ([`Limits`]): no input panics, hangs or overflows the stack.

mod ast;
mod builtins;
mod check;
mod env;
mod error;
mod eval;
mod gotime;
mod lexer;
mod limits;
mod ops;
mod parser;
mod schema;
mod scim;
mod value;

use std::sync::{Arc, OnceLock};

pub use builtins::{functions, FunctionDoc};
pub use env::Env;
pub use error::{ErrorKind, ExprError};
pub use gotime::{Location, Time};
pub use limits::{Limits, MAX_SOURCE_LEN};
pub use schema::{suggest, Schema, Variable, DIRECTORY_USER_FIELDS};
pub use value::{write_json_str, AnyMap, Array, Key, Map, Str, Value};

/// A compiled expression.
#[derive(Debug)]
pub struct Program {
    root: ast::Expr,
    source: String,
    variables: Vec<Arc<str>>,
}

/// Parses and checks `src` against `schema`.
pub fn compile(src: &str, schema: &Schema) -> Result<Program, ExprError> {
    if src.len() > MAX_SOURCE_LEN {
        let f = error::Fail::limit(format!(
            "the expression is {} bytes long; at most {MAX_SOURCE_LEN} are allowed",
            src.len()
        ));
        return Err(f.at(error::Span::new(0, 0)).into_error(src));
    }
    let tree = parser::parse(src).map_err(|f| f.into_error(src))?;
    let mut checker = check::Checker::new(schema);
    let root = checker.check(tree).map_err(|f| f.into_error(src))?;
    Ok(Program { root, source: src.to_string(), variables: checker.used })
}

impl Program {
    /// Evaluates with the default [`Limits`].
    pub fn eval<'a>(&self, env: &Env<'a>) -> Result<Value<'a>, ExprError> {
        self.eval_with_limits(env, Limits::default())
    }

    /// Evaluates with explicit limits.
    pub fn eval_with_limits<'a>(&self, env: &Env<'a>, limits: Limits) -> Result<Value<'a>, ExprError> {
        let mut ctx = eval::Ctx::new(env, limits::Budget::new(limits));
        ctx.eval(&self.root).map_err(|f| f.into_error(&self.source))
    }

    /// Evaluates and converts the result to JSON.
    pub fn eval_json(&self, env: &Env<'_>) -> Result<serde_json::Value, ExprError> {
        self.eval(env).map(Value::into_json)
    }

    /// The source text.
    pub fn source(&self) -> &str {
        &self.source
    }

    /// The variables the expression reads, in order of first use.
    pub fn variables(&self) -> impl Iterator<Item = &str> {
        self.variables.iter().map(|v| &**v)
    }
}

/// Methods callable on dates, durations and time zones (`date(x).Format(layout)`), for
/// completion in the editor.
pub fn methods() -> &'static [FunctionDoc] {
    static DOCS: OnceLock<Vec<FunctionDoc>> = OnceLock::new();
    DOCS.get_or_init(|| {
        gotime::methods::METHODS
            .iter()
            .map(|(_, name, arity, doc)| FunctionDoc {
                name,
                signature: match arity {
                    0 => "()",
                    1 => "(x)",
                    _ => "(years, months, days)",
                },
                doc,
            })
            .collect()
    })
}
