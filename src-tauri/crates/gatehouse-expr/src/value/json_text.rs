//! Writes a value as compact JSON text, byte for byte what `serde_json` writes for it (maps
//! with sorted keys), but faster on strings: most text needs no escaping, and that is
//! checked eight bytes at a time.

use std::fmt::Write;

use super::convert::base64_encode;
use super::{go_format, Value};
use crate::gotime::format::rfc3339_nano;

impl Value<'_> {
    /// Appends the value as compact JSON (the same text as `serde_json::to_string`).
    pub fn write_json(&self, out: &mut String) {
        match self {
            Value::Nil => out.push_str("null"),
            Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            Value::Int(i) | Value::Duration(i) => {
                let _ = write!(out, "{i}");
            }
            Value::Month(m) | Value::Weekday(m) => {
                let _ = write!(out, "{m}");
            }
            Value::Float(_) | Value::JsonArray(_) | Value::JsonObject(_) => {
                out.push_str(&serde_json::to_string(self).unwrap_or_else(|_| "null".into()));
            }
            Value::Str(s) => write_json_str(out, s),
            Value::Bytes(b) => write_json_str(out, &base64_encode(b)),
            Value::Time(t) => write_json_str(out, &rfc3339_nano(t)),
            Value::Location(l) => write_json_str(out, l.name()),
            Value::Array(a) => {
                out.push('[');
                for (i, v) in a.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    v.write_json(out);
                }
                out.push(']');
            }
            Value::Map(m) => {
                out.push('{');
                for (i, (k, v)) in m.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    write_json_str(out, k);
                    out.push(':');
                    v.write_json(out);
                }
                out.push('}');
            }
            Value::AnyMap(m) => {
                out.push('{');
                for (i, (k, v)) in m.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    write_json_str(out, &go_format(&k.to_value()));
                    out.push(':');
                    v.write_json(out);
                }
                out.push('}');
            }
        }
    }

    /// The value as compact JSON text (see [`Value::write_json`]).
    pub fn to_json_string(&self) -> String {
        let mut out = String::new();
        self.write_json(&mut out);
        out
    }
}

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGHS: u64 = 0x8080_8080_8080_8080;

/// Whether any of the eight bytes is a control character, `"` or `\`.
fn needs_escape(w: u64) -> bool {
    let below_space = w.wrapping_sub(ONES * 0x20) & !w;
    let quote = w ^ (ONES * u64::from(b'"'));
    let backslash = w ^ (ONES * u64::from(b'\\'));
    let is_quote = quote.wrapping_sub(ONES) & !quote;
    let is_backslash = backslash.wrapping_sub(ONES) & !backslash;
    (below_space | is_quote | is_backslash) & HIGHS != 0
}

/// The next eight bytes from `i` (the tail padded with a byte that needs no escape).
fn word_at(bytes: &[u8], i: usize) -> u64 {
    let mut word = [b'a'; 8];
    match bytes.get(i..i + 8) {
        Some(chunk) => word.copy_from_slice(chunk),
        None => {
            for (w, b) in word.iter_mut().zip(&bytes[i..]) {
                *w = *b;
            }
        }
    }
    u64::from_le_bytes(word)
}

/// Appends `s` as a JSON string, escaped as `serde_json` escapes it.
pub fn write_json_str(out: &mut String, s: &str) {
    out.reserve(s.len() + 2);
    out.push('"');
    let bytes = s.as_bytes();
    let (mut start, mut i) = (0, 0);
    while i < bytes.len() {
        if !needs_escape(word_at(bytes, i)) {
            i += 8;
            continue;
        }
        // Something in these eight bytes needs escaping: go through them one by one.
        let end = (i + 8).min(bytes.len());
        while i < end {
            let escaped = match bytes[i] {
                b'"' => "\\\"",
                b'\\' => "\\\\",
                b'\n' => "\\n",
                b'\r' => "\\r",
                b'\t' => "\\t",
                0x08 => "\\b",
                0x0c => "\\f",
                c if c < 0x20 => "",
                _ => {
                    i += 1;
                    continue;
                }
            };
            out.push_str(&s[start..i]);
            if escaped.is_empty() {
                let _ = write!(out, "\\u{:04x}", bytes[i]);
            } else {
                out.push_str(escaped);
            }
            i += 1;
            start = i;
        }
    }
    out.push_str(&s[start..]);
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn matches_serde_json_exactly() {
        let texts = [
            "",
            "plain",
            "a\"b",
            "back\\slash",
            "line\nbreak\ttab\r",
            "\u{1}\u{1f}\u{7f}",
            "é🙂 unicode",
            "exactly8",
            "sixteen chars!!!",
            "long text that has a quote \" after sixteen bytes and more",
            "<html> & stuff",
            "\u{8}\u{c}",
        ];
        for t in texts {
            let mut out = String::new();
            write_json_str(&mut out, t);
            assert_eq!(out, serde_json::to_string(t).unwrap(), "{t:?}");
        }
        let j = json!({"b": [1, 2.5, null, true, "x\ny"], "a": {"k": "v"}, "c": -3});
        let v = Value::from(j.clone());
        assert_eq!(v.to_json_string(), serde_json::to_string(&j).unwrap());
        assert_eq!(Value::from_json_ref(&j).to_json_string(), serde_json::to_string(&j).unwrap());
    }
}
