//! Runtime values. Data from the environment is *borrowed* (`Str::Borrowed`, `JsonArray`,
//! `JsonObject` point into the caller's `serde_json::Value`), so reading `jcUser.x` never
//! copies the user record; only values the expression produces are owned (shared with
//! `Arc`, so copying a value is cheap and a `Program` stays `Send + Sync`).
//!
//! Invariant: owned containers record their nesting depth, so every recursive walk over a
//! value (equality, printing, conversion, drop) is bounded.

mod containers;
mod convert;
mod format;
mod json_text;
mod key;

use std::borrow::Borrow;
use std::fmt;
use std::ops::Deref;
use std::sync::Arc;

pub use containers::{AnyMap, Array, Map};
pub use json_text::write_json_str;
pub use key::Key;

use containers::json_weight;
pub(crate) use containers::{measure_walked, sort_entries};

pub(crate) use convert::{base64_decode, base64_encode, from_json_owned};
pub(crate) use format::{go_format, go_json};

use crate::gotime::{Location, Time};

/// A value of the language.
#[derive(Clone, Debug, Default)]
pub enum Value<'a> {
    #[default]
    Nil,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(Str<'a>),
    Bytes(Arc<[u8]>),
    Array(Array<'a>),
    /// A map with string keys (map literals, JSON objects made by the expression).
    Map(Map<'a>),
    /// A map with keys of any comparable type (`fromPairs`, `groupBy`), like Go's `map[any]any`.
    AnyMap(AnyMap<'a>),
    /// A JSON array borrowed from the environment.
    JsonArray(&'a Vec<serde_json::Value>),
    /// A JSON object borrowed from the environment.
    JsonObject(&'a serde_json::Map<String, serde_json::Value>),
    Time(Time),
    /// Nanoseconds, like Go's `time.Duration`.
    Duration(i64),
    Location(Location),
    /// 1..=12, like Go's `time.Month`.
    Month(u8),
    /// 0 (Sunday) ..= 6, like Go's `time.Weekday`.
    Weekday(u8),
}

/// A string: borrowed from the environment, shared (constants of a program), or owned
/// (produced by the evaluation; moved, not copied, into the JSON output).
#[derive(Clone)]
pub enum Str<'a> {
    Borrowed(&'a str),
    Shared(Arc<str>),
    Owned(String),
}

impl Deref for Str<'_> {
    type Target = str;
    fn deref(&self) -> &str {
        match self {
            Str::Borrowed(s) => s,
            Str::Shared(s) => s,
            Str::Owned(s) => s,
        }
    }
}

impl Str<'_> {
    /// The text as a `String` (moved when owned).
    pub fn into_string(self) -> String {
        match self {
            Str::Owned(s) => s,
            Str::Borrowed(s) => s.to_owned(),
            Str::Shared(s) => String::from(&*s),
        }
    }

    /// A shared string, cheap to clone (for constants).
    pub fn shared(s: &str) -> Str<'static> {
        Str::Shared(s.into())
    }
}

impl Borrow<str> for Str<'_> {
    fn borrow(&self) -> &str {
        self
    }
}

impl PartialEq for Str<'_> {
    fn eq(&self, other: &Self) -> bool {
        **self == **other
    }
}
impl Eq for Str<'_> {}
impl PartialOrd for Str<'_> {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Str<'_> {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        // Most keys differ in their first byte: decide that without a call to memcmp.
        let (a, b) = (self.as_bytes(), other.as_bytes());
        match (a.first(), b.first()) {
            (Some(x), Some(y)) if x != y => x.cmp(y),
            _ => a.cmp(b),
        }
    }
}
impl std::hash::Hash for Str<'_> {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        (**self).hash(state)
    }
}
impl fmt::Debug for Str<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&**self, f)
    }
}
impl fmt::Display for Str<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self)
    }
}
impl From<String> for Str<'_> {
    fn from(s: String) -> Self {
        Str::Owned(s)
    }
}
impl<'a> From<&'a str> for Str<'a> {
    fn from(s: &'a str) -> Self {
        Str::Borrowed(s)
    }
}

/// A read-only view of an array, owned or borrowed from JSON.
#[derive(Clone, Copy)]
pub(crate) enum List<'v, 'a> {
    Owned(&'v [Value<'a>]),
    Json(&'a [serde_json::Value]),
}

impl<'v, 'a> List<'v, 'a> {
    pub fn len(self) -> usize {
        match self {
            List::Owned(v) => v.len(),
            List::Json(v) => v.len(),
        }
    }
    pub fn get(self, i: usize) -> Option<Value<'a>> {
        match self {
            List::Owned(v) => v.get(i).cloned(),
            List::Json(v) => v.get(i).map(Value::from_json_ref),
        }
    }
    pub fn iter(self) -> impl Iterator<Item = Value<'a>> + 'v {
        (0..self.len()).map(move |i| self.get(i).unwrap_or_default())
    }
}

/// A read-only view of a string-keyed map, owned or borrowed from JSON.
#[derive(Clone, Copy)]
pub(crate) enum Obj<'v, 'a> {
    Owned(&'v Map<'a>),
    Json(&'a serde_json::Map<String, serde_json::Value>),
}

impl<'v, 'a> Obj<'v, 'a> {
    pub fn len(self) -> usize {
        match self {
            Obj::Owned(m) => m.len(),
            Obj::Json(m) => m.len(),
        }
    }
    pub fn get(self, key: &str) -> Option<Value<'a>> {
        match self {
            Obj::Owned(m) => m.get(key).cloned(),
            Obj::Json(m) => m.get(key).map(Value::from_json_ref),
        }
    }
    /// Visits every entry (in no particular order), without copying.
    pub fn for_each(self, mut f: impl FnMut(&str, Value<'a>)) {
        match self {
            Obj::Owned(m) => m.iter().for_each(|(k, v)| f(k, v.clone())),
            Obj::Json(m) => m.iter().for_each(|(k, v)| f(k, Value::from_json_ref(v))),
        }
    }
    /// Entries in key order.
    pub fn entries(self) -> Vec<(Str<'a>, Value<'a>)> {
        match self {
            Obj::Owned(m) => m.iter().map(|(k, v)| (k.clone(), v.clone())).collect(),
            Obj::Json(m) => {
                let mut v: Vec<_> =
                    m.iter().map(|(k, v)| (Str::Borrowed(k.as_str()), Value::from_json_ref(v))).collect();
                v.sort_by(|a, b| a.0.cmp(&b.0));
                v
            }
        }
    }
}

impl<'a> Value<'a> {
    /// Reads borrowed JSON: scalars become values, strings/arrays/objects are borrowed.
    pub fn from_json_ref(v: &'a serde_json::Value) -> Value<'a> {
        match v {
            serde_json::Value::Null => Value::Nil,
            serde_json::Value::Bool(b) => Value::Bool(*b),
            serde_json::Value::Number(n) => match n.as_i64() {
                Some(i) => Value::Int(i),
                None => Value::Float(n.as_f64().unwrap_or(f64::NAN)),
            },
            serde_json::Value::String(s) => Value::Str(Str::Borrowed(s)),
            serde_json::Value::Array(a) => Value::JsonArray(a),
            serde_json::Value::Object(o) => Value::JsonObject(o),
        }
    }

    pub fn is_nil(&self) -> bool {
        matches!(self, Value::Nil)
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::Str(s) => Some(s),
            _ => None,
        }
    }

    pub(crate) fn list(&self) -> Option<List<'_, 'a>> {
        match self {
            Value::Array(a) => Some(List::Owned(a)),
            Value::JsonArray(a) => Some(List::Json(a)),
            _ => None,
        }
    }

    pub(crate) fn obj(&self) -> Option<Obj<'_, 'a>> {
        match self {
            Value::Map(m) => Some(Obj::Owned(m)),
            Value::JsonObject(m) => Some(Obj::Json(m)),
            _ => None,
        }
    }

    /// Nesting depth of containers (borrowed JSON counts as one level).
    pub fn depth(&self) -> u32 {
        match self {
            Value::Array(a) => a.depth(),
            Value::Map(m) => m.depth(),
            Value::AnyMap(m) => m.depth(),
            Value::JsonArray(_) | Value::JsonObject(_) => 1,
            _ => 0,
        }
    }

    /// Expanded size: one per node, strings one more per 16 bytes, shared parts counted every
    /// time they appear. Bounds the work of printing, comparing or converting the value.
    /// Borrowed JSON is measured by walking it, up to `cap`.
    pub fn weight(&self, cap: u64) -> u64 {
        match self {
            Value::Array(a) => a.weight(),
            Value::Map(m) => m.weight(),
            Value::AnyMap(m) => m.weight(),
            Value::Str(s) => 1 + s.len() as u64 / 16,
            Value::Bytes(b) => 1 + b.len() as u64 / 16,
            Value::JsonArray(a) => a.iter().fold(1u64, |w, j| if w > cap { w } else { w + json_weight(j, cap - w) }),
            Value::JsonObject(o) => o.values().fold(1u64, |w, j| if w > cap { w } else { w + json_weight(j, cap - w) }),
            _ => 1,
        }
    }

    /// The name `type(x)` returns, as in expr-lang.
    pub fn type_name(&self) -> &'static str {
        match self {
            Value::Nil => "nil",
            Value::Bool(_) => "bool",
            Value::Int(_) => "int",
            Value::Float(_) => "float",
            Value::Str(_) => "string",
            Value::Bytes(_) | Value::Array(_) | Value::JsonArray(_) => "array",
            Value::Map(_) | Value::AnyMap(_) | Value::JsonObject(_) => "map",
            Value::Time(_) => "time.Time",
            Value::Duration(_) => "time.Duration",
            Value::Location(_) => "time.Location",
            Value::Month(_) => "time.Month",
            Value::Weekday(_) => "time.Weekday",
        }
    }

    /// A short description for error messages ("a string", "an array", ...).
    pub(crate) fn kind_article(&self) -> &'static str {
        match self {
            Value::Nil => "nil",
            Value::Bool(_) => "a boolean",
            Value::Int(_) => "an integer",
            Value::Float(_) => "a float",
            Value::Str(_) => "a string",
            Value::Bytes(_) => "a byte string",
            Value::Array(_) | Value::JsonArray(_) => "an array",
            Value::Map(_) | Value::JsonObject(_) | Value::AnyMap(_) => "a map",
            Value::Time(_) => "a date",
            Value::Duration(_) => "a duration",
            Value::Location(_) => "a time zone",
            Value::Month(_) => "a month",
            Value::Weekday(_) => "a weekday",
        }
    }

    /// Converts to JSON for output: maps sort their keys, byte strings become base64,
    /// dates RFC 3339 strings, durations nanoseconds.
    pub fn to_json(&self) -> serde_json::Value {
        convert::to_json(self)
    }

    /// Like `to_json`, but moves owned strings and unshared containers instead of copying.
    pub fn into_json(self) -> serde_json::Value {
        convert::into_json(self)
    }

    /// Copies out any borrowed data, so the value no longer borrows the environment.
    pub fn into_owned(self) -> Value<'static> {
        convert::into_owned(&self)
    }
}

impl From<&Value<'_>> for serde_json::Value {
    fn from(v: &Value<'_>) -> Self {
        v.to_json()
    }
}

impl From<serde_json::Value> for Value<'static> {
    /// Takes ownership of JSON data (numbers that fit stay integers).
    fn from(v: serde_json::Value) -> Self {
        convert::from_json_owned(&v, false)
    }
}

impl<'a> From<&'a serde_json::Value> for Value<'a> {
    fn from(v: &'a serde_json::Value) -> Self {
        Value::from_json_ref(v)
    }
}

impl From<String> for Value<'_> {
    fn from(s: String) -> Self {
        Value::Str(Str::Owned(s))
    }
}

impl<'a> From<&'a str> for Value<'a> {
    fn from(s: &'a str) -> Self {
        Value::Str(Str::Borrowed(s))
    }
}

impl From<bool> for Value<'_> {
    fn from(b: bool) -> Self {
        Value::Bool(b)
    }
}

impl From<i64> for Value<'_> {
    fn from(i: i64) -> Self {
        Value::Int(i)
    }
}

impl From<f64> for Value<'_> {
    fn from(f: f64) -> Self {
        Value::Float(f)
    }
}

impl fmt::Display for Value<'_> {
    /// Formats like Go's `fmt.Sprint` (what `string(x)` returns).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&go_format(self))
    }
}
