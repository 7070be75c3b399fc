//! Keys of `AnyMap` (Go's `map[any]any`): only comparable values can be keys, and keys of
//! different types never collide (`1` and `1.0` are two keys), as in Go.

use std::cmp::Ordering;

use super::{Str, Value};
use crate::error::{Fail, Res};
use crate::gotime::Time;

/// A comparable value used as a map key. Ordered by type, then value (the order Go's `fmt`
/// prints map keys in).
#[derive(Clone, Debug)]
pub enum Key<'a> {
    Nil,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(Str<'a>),
    Time(Time),
    Duration(i64),
    Month(u8),
    Weekday(u8),
}

impl<'a> Key<'a> {
    pub(crate) fn from_value(v: &Value<'a>) -> Res<Key<'a>> {
        Ok(match v {
            Value::Nil => Key::Nil,
            Value::Bool(b) => Key::Bool(*b),
            Value::Int(i) => Key::Int(*i),
            Value::Float(f) => Key::Float(if *f == 0.0 { 0.0 } else { *f }),
            Value::Str(s) => Key::Str(s.clone()),
            Value::Time(t) => Key::Time(t.clone()),
            Value::Duration(d) => Key::Duration(*d),
            Value::Month(m) => Key::Month(*m),
            Value::Weekday(d) => Key::Weekday(*d),
            other => {
                return Err(Fail::ty(format!(
                    "cannot use {} as a map key: the type is not comparable",
                    other.kind_article()
                )))
            }
        })
    }

    pub fn to_value(&self) -> Value<'a> {
        match self {
            Key::Nil => Value::Nil,
            Key::Bool(b) => Value::Bool(*b),
            Key::Int(i) => Value::Int(*i),
            Key::Float(f) => Value::Float(*f),
            Key::Str(s) => Value::Str(s.clone()),
            Key::Time(t) => Value::Time(t.clone()),
            Key::Duration(d) => Value::Duration(*d),
            Key::Month(m) => Value::Month(*m),
            Key::Weekday(d) => Value::Weekday(*d),
        }
    }

    fn rank(&self) -> u8 {
        match self {
            Key::Nil => 0,
            Key::Bool(_) => 1,
            Key::Int(_) => 2,
            Key::Float(_) => 3,
            Key::Str(_) => 4,
            Key::Time(_) => 5,
            Key::Duration(_) => 6,
            Key::Month(_) => 7,
            Key::Weekday(_) => 8,
        }
    }
}

impl Ord for Key<'_> {
    fn cmp(&self, other: &Self) -> Ordering {
        match (self, other) {
            (Key::Bool(a), Key::Bool(b)) => a.cmp(b),
            (Key::Int(a), Key::Int(b)) | (Key::Duration(a), Key::Duration(b)) => a.cmp(b),
            (Key::Float(a), Key::Float(b)) => a.total_cmp(b),
            (Key::Str(a), Key::Str(b)) => a.cmp(b),
            (Key::Time(a), Key::Time(b)) => a.instant().cmp(&b.instant()),
            (Key::Month(a), Key::Month(b)) | (Key::Weekday(a), Key::Weekday(b)) => a.cmp(b),
            _ => self.rank().cmp(&other.rank()),
        }
    }
}

impl PartialOrd for Key<'_> {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl PartialEq for Key<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Key<'_> {}
