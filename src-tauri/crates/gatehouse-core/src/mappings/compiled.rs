//! A mapping list made ready to run: targets parsed, direct sources resolved, each distinct
//! expression compiled once, constants converted once. Then [`CompiledMappings::build`]
//! turns one directory user into its SCIM resource, [`CompiledMappings::build_json`] into
//! the resource's JSON text (a request body), and the `_many` forms do it for many users
//! with the same compiled set.
//!
//! Invariants: one failing mapping never stops the others (its error is returned beside
//! the resource, which holds every other value); the user JSON is borrowed, never copied
//! (expressions read it in place, direct mappings keep borrowing the texts they send, each
//! top-level field is looked up once per user).

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::Arc;

use gatehouse_catalog::MappingKind;
use gatehouse_expr::{compile, Env, ExprError, Program, Schema};
use serde_json::Value;

use super::convert::coerce;
use super::resource::{coerce_expr, coerce_ref, Finished, Node, Resource};
use super::scim::{self, Expect, FilterValue, Target};
use super::source::{self, DirectSource};
use super::{Mapping, MappingError, PreviewError};

/// What produces a mapping's value.
#[derive(Debug)]
pub(crate) enum Producer {
    Direct(DirectSource),
    Expr(Arc<Program>),
    /// Already converted to the target's shape; `None` when empty.
    Constant(Option<Value>),
}

#[derive(Debug)]
pub(crate) struct Entry {
    /// The target as the mapping wrote it.
    pub text: String,
    pub target: Result<Target, String>,
    pub producer: Result<Producer, MappingError>,
    /// The `type` an element filter selects (`work` in `addresses[type eq "work"].x`).
    element_type: Option<String>,
    /// For a direct source: its index in `CompiledMappings::fields`.
    field: usize,
}

/// A compiled mapping list. `Send + Sync`: build resources from several threads at once.
#[derive(Debug)]
pub struct CompiledMappings {
    pub(crate) entries: Vec<Entry>,
    /// Entry indexes in assembly order: by top-level key, a whole attribute before its parts.
    order: Vec<usize>,
    has_expressions: bool,
    /// The user's top-level fields direct mappings read, each looked up once per user.
    fields: Vec<&'static str>,
}

/// At most this many distinct top-level fields are looked up in one pass.
const FIELD_SLOTS: usize = 32;

/// One user's resource, with the mappings that failed.
#[derive(Clone, Debug, PartialEq)]
pub struct Built {
    pub resource: Value,
    pub errors: Vec<PreviewError>,
}

/// One user's resource as JSON text (compact, keys sorted), with the mappings that failed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BuiltJson {
    pub json: String,
    pub errors: Vec<PreviewError>,
}

/// One mapping's outcome for one user: its value (`None` when nil or empty) or its error.
pub(crate) type Outcome<'u> = Result<Option<Node<'u>>, MappingError>;

impl MappingError {
    pub(crate) fn plain(message: impl Into<String>) -> MappingError {
        MappingError { message: message.into(), line: None, column: None }
    }

    pub(crate) fn from_expr(e: &ExprError) -> MappingError {
        MappingError { message: e.message.clone(), line: Some(e.line), column: Some(e.column) }
    }

    /// `line:column: message` when the error has a position.
    pub fn located(&self) -> String {
        match (self.line, self.column) {
            (Some(l), Some(c)) => format!("{l}:{c}: {}", self.message),
            _ => self.message.clone(),
        }
    }
}

impl CompiledMappings {
    /// Compiles a mapping list; never fails: each entry keeps its own error.
    pub fn compile(mappings: &[Mapping]) -> CompiledMappings {
        Self::compile_with(mappings, &Schema::mapping())
    }

    fn compile_with(mappings: &[Mapping], schema: &Schema) -> CompiledMappings {
        let mut cache: HashMap<String, Result<Arc<Program>, ExprError>> = HashMap::new();
        let mut program = |text: &str| -> Result<Arc<Program>, MappingError> {
            if let Some(r) = cache.get(text) {
                return r.clone().map_err(|e| MappingError::from_expr(&e));
            }
            let r = compile(text, schema).map(Arc::new);
            cache.insert(text.to_string(), r.clone());
            r.map_err(|e| MappingError::from_expr(&e))
        };
        let mut entries = Vec::with_capacity(mappings.len());
        let mut fields: Vec<&'static str> = Vec::new();
        for m in mappings {
            let target = scim::parse(&m.target);
            let element_type = target.as_ref().ok().and_then(|t| match &t.filter {
                Some(f) if f.attr == "type" => match &f.value {
                    FilterValue::Text(s) => Some(s.clone()),
                    FilterValue::Bool(_) => None,
                },
                _ => None,
            });
            let producer = match m.kind {
                MappingKind::Direct => {
                    source::parse(&m.source).map_err(MappingError::plain).and_then(|s| match s.list_expression() {
                        Some(expr) => program(expr).map(Producer::Expr),
                        None => Ok(Producer::Direct(s)),
                    })
                }
                MappingKind::Expression if m.source.trim().is_empty() => {
                    Err(MappingError::plain("Write the expression that computes this attribute."))
                }
                MappingKind::Expression => program(&m.source).map(Producer::Expr),
                MappingKind::Constant => constant(&m.source, target.as_ref().ok()),
            };
            let field = match &producer {
                Ok(Producer::Direct(s)) => match fields.iter().position(|f| *f == s.top_field()) {
                    Some(i) => i,
                    None => {
                        fields.push(s.top_field());
                        fields.len() - 1
                    }
                },
                _ => usize::MAX,
            };
            entries.push(Entry { text: m.target.clone(), target, producer, element_type, field });
        }
        let mut order: Vec<usize> = (0..entries.len()).collect();
        // Whole attributes before their parts; by attribute otherwise, so the resource's keys
        // arrive almost sorted.
        order.sort_by_key(|&i| match &entries[i].target {
            Ok(t) => (
                false,
                if t.enterprise { scim::ENTERPRISE_URN } else { t.attr.name },
                t.filter.is_some() || t.sub.is_some(),
            ),
            Err(_) => (true, "", true),
        });
        let has_expressions = entries.iter().any(|e| matches!(e.producer, Ok(Producer::Expr(_))));
        CompiledMappings { entries, order, has_expressions, fields }
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Evaluates every mapping for one user, in list order.
    pub(crate) fn evaluate<'u>(&self, user: &'u Value, provider: &'u Value) -> Vec<Outcome<'u>> {
        let mut out = Vec::with_capacity(self.entries.len());
        self.evaluate_into(user, provider, &mut out);
        out
    }

    /// `evaluate` into a reused list.
    fn evaluate_into<'u>(&self, user: &'u Value, provider: &'u Value, out: &mut Vec<Outcome<'u>>) {
        let env = if self.has_expressions {
            Env::new().with("jcUser", user).with("providerUser", provider)
        } else {
            Env::new()
        };
        // One pass over the user's fields instead of a tree search per direct mapping.
        let mut tops: [Option<&'u Value>; FIELD_SLOTS] = [None; FIELD_SLOTS];
        let indexed = self.fields.len() <= FIELD_SLOTS;
        if let (true, Some(obj)) = (indexed, user.as_object()) {
            for (k, v) in obj {
                if let Some(i) = self.fields.iter().position(|f| f.len() == k.len() && *f == k) {
                    tops[i] = Some(v);
                }
            }
        }
        let top = |e: &Entry| match (&e.producer, indexed) {
            (Ok(Producer::Direct(_)), true) => tops[e.field],
            (Ok(Producer::Direct(s)), false) => user.get(s.top_field()),
            _ => None,
        };
        out.clear();
        out.extend(self.entries.iter().map(|e| e.evaluate(top(e), &env)));
    }

    /// Assembles the resource from `evaluate`'s outcomes (taken, not copied).
    pub(crate) fn assemble<'u>(&self, outcomes: &mut [Outcome<'u>], user: &Value) -> (Finished<'u>, Vec<PreviewError>) {
        let mut resource = Resource::with_capacity(self.entries.len());
        for &i in &self.order {
            if let (Ok(t), Ok(v @ Some(_))) = (&self.entries[i].target, &mut outcomes[i]) {
                resource.set(t, v.take().expect("matched Some"));
            }
        }
        let mut errors = Vec::new();
        for (e, o) in self.entries.iter().zip(outcomes.iter()) {
            if let Err(err) = o {
                errors.push(PreviewError { target: e.text.clone(), message: err.located() });
            }
        }
        if !resource.has("userName") && !errors.iter().any(|e| is_user_name(&e.target)) {
            errors.push(PreviewError {
                target: "userName".into(),
                message: "SCIM requires userName, and no mapping gives this user one.".into(),
            });
        }
        (resource.finish(source::is_active(user)), errors)
    }

    /// One user's SCIM resource.
    pub fn build(&self, user: &Value, provider: &Value) -> Built {
        let mut outcomes = self.evaluate(user, provider);
        let (resource, errors) = self.assemble(&mut outcomes, user);
        Built { resource: resource.into_value(), errors }
    }

    /// One user's SCIM resource as JSON text, written without building a JSON tree.
    pub fn build_json(&self, user: &Value, provider: &Value) -> BuiltJson {
        let mut outcomes = self.evaluate(user, provider);
        let (resource, errors) = self.assemble(&mut outcomes, user);
        BuiltJson { json: resource.to_json(), errors }
    }

    /// Resources for many users with this one compiled set (`provider` is the same
    /// application account for all, `{}` before provisioning).
    pub fn build_many(&self, users: &[Value], provider: &Value) -> Vec<Built> {
        users.iter().map(|u| self.build(u, provider)).collect()
    }

    /// Request bodies for many users with this one compiled set: each resource as JSON
    /// text, a fraction of the memory of keeping every tree.
    pub fn build_many_json<'u>(&self, users: &'u [Value], provider: &'u Value) -> Vec<BuiltJson> {
        let mut outcomes = Vec::with_capacity(self.entries.len());
        let mut last = 1024;
        users
            .iter()
            .map(|user| {
                self.evaluate_into(user, provider, &mut outcomes);
                let (resource, errors) = self.assemble(&mut outcomes, user);
                // Sized from the previous body, so most bodies never grow.
                let mut json = String::with_capacity(last + last / 8 + 64);
                resource.write_json(&mut json);
                last = json.len();
                BuiltJson { json, errors }
            })
            .collect()
    }
}

fn is_user_name(target: &str) -> bool {
    scim::parse(target).is_ok_and(|t| !t.enterprise && t.attr.name == "userName")
}

/// A constant, converted once to the target's shape.
fn constant(text: &str, target: Option<&Target>) -> Result<Producer, MappingError> {
    if text.is_empty() {
        return Err(MappingError::plain("Enter the value to send."));
    }
    let Some(t) = target else {
        return Ok(Producer::Constant(Some(Value::String(text.to_string()))));
    };
    if matches!(t.expects(), Expect::List | Expect::Object) {
        return Err(MappingError::plain(format!(
            "A constant is one text, and {t} takes {}: map one of its sub-attributes instead.",
            if t.expects() == Expect::List { "a list" } else { "an object" }
        )));
    }
    coerce(Value::String(text.to_string()), t).map(Producer::Constant).map_err(MappingError::plain)
}

impl Entry {
    /// `top` is the user's value at a direct source's `top_field()`.
    fn evaluate<'u>(&self, top: Option<&'u Value>, env: &Env<'u>) -> Outcome<'u> {
        let target = self.target.as_ref().map_err(|e| MappingError::plain(e.clone()))?;
        let converted = match self.producer.as_ref().map_err(Clone::clone)? {
            Producer::Direct(s) => match s.read_from(top, self.element_type.as_deref()) {
                Some(Cow::Borrowed(v)) => coerce_ref(v, target),
                Some(Cow::Owned(v)) => coerce(v, target).map(|o| o.map(Node::Value)),
                None => return Ok(None),
            },
            Producer::Expr(p) => {
                let v = p.eval(env).map_err(|e| MappingError::from_expr(&e))?;
                coerce_expr(v, target)
            }
            Producer::Constant(v) => return Ok(v.clone().map(Node::Value)),
        };
        converted.map_err(MappingError::plain)
    }

    /// Whether an expression fails for a sample user, for checking its shape before saving.
    pub(crate) fn sample_error(&self, user: &Value, provider: &Value) -> Option<MappingError> {
        match &self.producer {
            Ok(Producer::Expr(_)) => {
                let env = Env::new().with("jcUser", user).with("providerUser", provider);
                self.evaluate(None, &env).err()
            }
            _ => None,
        }
    }
}
