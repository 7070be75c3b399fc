//! Conversions between values and `serde_json::Value`, plus standard base64 (used for byte
//! strings in JSON output and by `toBase64`/`fromBase64`).

use super::{AnyMap, Array, Key, Map, Str, Value};
use crate::gotime::format::rfc3339_nano;

pub(super) fn to_json(v: &Value<'_>) -> serde_json::Value {
    use serde_json::Value as J;
    match v {
        Value::Nil => J::Null,
        Value::Bool(b) => J::Bool(*b),
        Value::Int(i) | Value::Duration(i) => J::from(*i),
        Value::Float(f) => serde_json::Number::from_f64(*f).map_or(J::Null, J::Number),
        Value::Str(s) => J::String(String::from(&**s)),
        Value::Bytes(b) => J::String(base64_encode(b)),
        Value::Array(a) => J::Array(a.iter().map(to_json).collect()),
        Value::Map(m) => {
            let mut o = serde_json::Map::new();
            for (k, v) in m.iter() {
                o.insert(String::from(&**k), to_json(v));
            }
            J::Object(o)
        }
        Value::AnyMap(m) => J::Object(m.iter().map(|(k, v)| (super::go_format(&k.to_value()), to_json(v))).collect()),
        Value::JsonArray(a) => J::Array(a.to_vec()),
        Value::JsonObject(o) => J::Object((*o).clone()),
        Value::Time(t) => J::String(rfc3339_nano(t)),
        Value::Location(l) => J::String(l.name().to_string()),
        Value::Month(m) | Value::Weekday(m) => J::from(*m),
    }
}

pub(super) fn into_json(v: Value<'_>) -> serde_json::Value {
    use serde_json::Value as J;
    match v {
        Value::Str(s) => J::String(s.into_string()),
        Value::Array(a) => J::Array(a.into_inner().into_iter().map(into_json).collect()),
        Value::Map(m) => {
            let mut o = serde_json::Map::new();
            for (k, v) in m.into_inner() {
                o.insert(k.into_string(), into_json(v));
            }
            J::Object(o)
        }
        other => to_json(&other),
    }
}

pub(super) fn into_owned(v: &Value<'_>) -> Value<'static> {
    match v {
        Value::Nil => Value::Nil,
        Value::Bool(b) => Value::Bool(*b),
        Value::Int(i) => Value::Int(*i),
        Value::Float(f) => Value::Float(*f),
        Value::Str(s) => Value::Str(owned_str(s)),
        Value::Bytes(b) => Value::Bytes(b.clone()),
        Value::Array(a) => Value::Array(Array::new(a.iter().map(into_owned).collect())),
        Value::Map(m) => Value::Map(Map::from_entries(m.iter().map(|(k, v)| (owned_str(k), into_owned(v))).collect())),
        Value::AnyMap(m) => Value::AnyMap(AnyMap::new(m.iter().map(|(k, v)| (owned_key(k), into_owned(v))).collect())),
        Value::JsonArray(a) => Value::Array(Array::new(a.iter().map(|j| from_json_owned(j, false)).collect())),
        Value::JsonObject(o) => Value::Map(Map::from_entries(
            o.iter().map(|(k, v)| (Str::Shared(k.as_str().into()), from_json_owned(v, false))).collect(),
        )),
        Value::Time(t) => Value::Time(t.clone()),
        Value::Duration(d) => Value::Duration(*d),
        Value::Location(l) => Value::Location(l.clone()),
        Value::Month(m) => Value::Month(*m),
        Value::Weekday(d) => Value::Weekday(*d),
    }
}

fn owned_str(s: &Str<'_>) -> Str<'static> {
    match s {
        Str::Shared(a) => Str::Shared(a.clone()),
        Str::Owned(o) => Str::Owned(o.clone()),
        Str::Borrowed(b) => Str::Shared((*b).into()),
    }
}

fn owned_key(k: &Key<'_>) -> Key<'static> {
    match k {
        Key::Str(s) => Key::Str(owned_str(s)),
        Key::Nil => Key::Nil,
        Key::Bool(b) => Key::Bool(*b),
        Key::Int(i) => Key::Int(*i),
        Key::Float(f) => Key::Float(*f),
        Key::Time(t) => Key::Time(t.clone()),
        Key::Duration(d) => Key::Duration(*d),
        Key::Month(m) => Key::Month(*m),
        Key::Weekday(d) => Key::Weekday(*d),
    }
}

/// Copies JSON into owned values; `floats` makes every number a float (Go's
/// `json.Unmarshal` into `any`, which `fromJSON` uses).
pub(crate) fn from_json_owned(v: &serde_json::Value, floats: bool) -> Value<'static> {
    use serde_json::Value as J;
    match v {
        J::Null => Value::Nil,
        J::Bool(b) => Value::Bool(*b),
        J::Number(n) => match n.as_i64() {
            Some(i) if !floats => Value::Int(i),
            _ => Value::Float(n.as_f64().unwrap_or(f64::NAN)),
        },
        J::String(s) => Value::Str(Str::Shared(s.as_str().into())),
        J::Array(a) => Value::Array(Array::new(a.iter().map(|x| from_json_owned(x, floats)).collect())),
        J::Object(o) => {
            let m = o.iter().map(|(k, v)| (Str::Shared(k.as_str().into()), from_json_owned(v, floats))).collect();
            Value::Map(Map::from_entries(m))
        }
    }
}

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

pub(crate) fn base64_encode(data: &[u8]) -> String {
    let mut out = String::with_capacity(data.len().div_ceil(3) * 4);
    for chunk in data.chunks(3) {
        let b = [chunk[0], *chunk.get(1).unwrap_or(&0), *chunk.get(2).unwrap_or(&0)];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(B64[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// Strict standard base64 with padding (Go's `base64.StdEncoding`; `\r` and `\n` are ignored).
pub(crate) fn base64_decode(text: &str) -> Option<Vec<u8>> {
    let clean: Vec<u8> = text.bytes().filter(|&c| c != b'\r' && c != b'\n').collect();
    if clean.len() % 4 != 0 {
        return None;
    }
    let mut out = Vec::with_capacity(clean.len() / 4 * 3);
    for (ci, chunk) in clean.chunks(4).enumerate() {
        let last = ci == clean.len() / 4 - 1;
        let pad = chunk.iter().rev().take_while(|&&c| c == b'=').count();
        if pad > 2 || (pad > 0 && !last) {
            return None;
        }
        let mut n = 0u32;
        for &c in &chunk[..4 - pad] {
            let d = B64.iter().position(|&x| x == c)? as u32;
            n = (n << 6) | d;
        }
        n <<= 6 * pad as u32;
        let bytes = [(n >> 16) as u8, (n >> 8) as u8, n as u8];
        let keep = 3 - pad;
        // Go rejects non-zero bits in the padding.
        if bytes[keep..].iter().any(|&b| b != 0) {
            return None;
        }
        out.extend_from_slice(&bytes[..keep]);
    }
    Some(out)
}

/// Serializes like `to_json` (maps in key order, byte strings as base64, dates as RFC 3339
/// text, durations as nanoseconds), straight to any serde format: writing a result as JSON
/// text needs no intermediate `serde_json::Value`.
impl serde::Serialize for Value<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Value::Nil => s.serialize_unit(),
            Value::Bool(b) => s.serialize_bool(*b),
            Value::Int(i) | Value::Duration(i) => s.serialize_i64(*i),
            Value::Float(f) if f.is_finite() => s.serialize_f64(*f),
            Value::Float(_) => s.serialize_unit(),
            Value::Str(x) => s.serialize_str(x),
            Value::Bytes(b) => s.serialize_str(&base64_encode(b)),
            Value::Array(a) => s.collect_seq(a.iter()),
            Value::Map(m) => s.collect_map(m.iter().map(|(k, v)| (&**k, v))),
            Value::AnyMap(m) => s.collect_map(m.iter().map(|(k, v)| (super::go_format(&k.to_value()), v))),
            Value::JsonArray(a) => s.collect_seq(a.iter()),
            Value::JsonObject(o) => s.collect_map(o.iter()),
            Value::Time(t) => s.serialize_str(&rfc3339_nano(t)),
            Value::Location(l) => s.serialize_str(l.name()),
            Value::Month(m) | Value::Weekday(m) => s.serialize_u8(*m),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_round_trips() {
        assert_eq!(base64_encode(b"Hello World"), "SGVsbG8gV29ybGQ=");
        assert_eq!(base64_encode(&[0xff, 0]), "/wA=");
        assert_eq!(base64_decode("SGVsbG8gV29ybGQ=").unwrap(), b"Hello World");
        assert!(base64_decode("SGVsbG8").is_none());
        assert!(base64_decode("a===").is_none());
    }
}
