//! The environment of an evaluation: variable names bound to borrowed data. Binding copies
//! nothing; a bound JSON object gets a flat index of its keys, so a mapping's many field
//! reads on the same user are cheap.

use crate::error::Res;
use crate::eval::member;
use crate::value::Value;

/// Variables visible to an expression: names bound to borrowed JSON (or any value).
///
/// A JSON object bound with [`Env::with`] (of up to 64 keys) is flattened once, so the many
/// `jcUser.field` reads of a mapping are short scans that compare bytes only for keys of
/// the right length.
#[derive(Clone, Debug, Default)]
pub struct Env<'a> {
    vars: Vec<Binding<'a>>,
}

#[derive(Clone, Debug)]
struct Binding<'a> {
    name: &'a str,
    value: Value<'a>,
    index: Option<LenIndex<'a>>,
}

/// An object's entries in a flat vector: a lookup scans it comparing key lengths (no call
/// to compare bytes unless the lengths match), which for objects of a few dozen keys beats
/// walking the object's tree of keys with a byte comparison at every step.
#[derive(Clone, Debug)]
struct LenIndex<'a>(Vec<(&'a str, &'a serde_json::Value)>);

impl<'a> LenIndex<'a> {
    fn new(o: &'a serde_json::Map<String, serde_json::Value>) -> Option<LenIndex<'a>> {
        (o.len() <= 64).then(|| LenIndex(o.iter().map(|(k, v)| (k.as_str(), v)).collect()))
    }

    fn get(&self, key: &str) -> Option<&'a serde_json::Value> {
        self.0.iter().find(|(k, _)| same(k, key)).map(|(_, v)| *v)
    }
}

/// String equality that rejects most mismatches (length, first byte) without a call.
#[inline]
fn same(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.as_bytes().first() == b.as_bytes().first() && a == b
}

impl<'a> Env<'a> {
    pub fn new() -> Self {
        Env { vars: Vec::new() }
    }

    /// Binds `name` to borrowed JSON; nothing is copied.
    pub fn with(mut self, name: &'a str, value: &'a serde_json::Value) -> Self {
        let index = value.as_object().and_then(LenIndex::new);
        self.vars.retain(|b| b.name != name);
        self.vars.push(Binding { name, value: Value::from_json_ref(value), index });
        self
    }

    /// Binds `name` to a value (replacing an earlier binding of the same name).
    pub fn with_value(mut self, name: &'a str, value: Value<'a>) -> Self {
        self.vars.retain(|b| b.name != name);
        self.vars.push(Binding { name, value, index: None });
        self
    }

    pub fn get(&self, name: &str) -> Option<&Value<'a>> {
        self.vars.iter().find(|b| same(b.name, name)).map(|b| &b.value)
    }

    /// `name.key`, through the index when there is one.
    pub(crate) fn field(&self, name: &str, key: &Value<'static>) -> Res<Value<'a>> {
        let Some(b) = self.vars.iter().find(|b| same(b.name, name)) else {
            return Ok(Value::Nil);
        };
        match (key.as_str(), &b.index) {
            (Some(k), Some(index)) => Ok(index.get(k).map(Value::from_json_ref).unwrap_or_default()),
            _ => member(&b.value, key),
        }
    }
}
