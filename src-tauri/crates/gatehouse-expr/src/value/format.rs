//! Text forms that must match Go byte for byte: `fmt.Sprint` (what `string(x)` returns,
//! e.g. `map[a:1 b:2]`, `1e+06`, `<nil>`) and `json.MarshalIndent(x, "", "  ")` (what
//! `toJSON` returns, with Go's HTML-safe escaping and float notation).

use std::fmt::Write;

use super::{List, Obj, Value};
use crate::error::{Fail, Res};
use crate::gotime::format::rfc3339_nano;
use crate::gotime::{duration_string, MONTH_NAMES, WEEKDAY_NAMES};

/// Go's `fmt.Sprint(x)`.
pub(crate) fn go_format(v: &Value<'_>) -> String {
    let mut out = String::new();
    write_go(&mut out, v);
    out
}

fn write_go(out: &mut String, v: &Value<'_>) {
    match v {
        Value::Nil => out.push_str("<nil>"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Int(i) => {
            let _ = write!(out, "{i}");
        }
        Value::Float(f) => out.push_str(&go_float(*f)),
        Value::Str(s) => out.push_str(s),
        Value::Bytes(b) => {
            out.push('[');
            for (i, x) in b.iter().enumerate() {
                if i > 0 {
                    out.push(' ');
                }
                let _ = write!(out, "{x}");
            }
            out.push(']');
        }
        Value::Array(_) | Value::JsonArray(_) => {
            let list = v.list().expect("array");
            out.push('[');
            for (i, item) in list.iter().enumerate() {
                if i > 0 {
                    out.push(' ');
                }
                write_go(out, &item);
            }
            out.push(']');
        }
        Value::Map(_) | Value::JsonObject(_) => {
            out.push_str("map[");
            for (i, (k, item)) in v.obj().expect("map").entries().iter().enumerate() {
                if i > 0 {
                    out.push(' ');
                }
                out.push_str(k);
                out.push(':');
                write_go(out, item);
            }
            out.push(']');
        }
        Value::AnyMap(m) => {
            out.push_str("map[");
            for (i, (k, item)) in m.iter().enumerate() {
                if i > 0 {
                    out.push(' ');
                }
                write_go(out, &k.to_value());
                out.push(':');
                write_go(out, item);
            }
            out.push(']');
        }
        Value::Time(t) => out.push_str(&t.go_string()),
        Value::Duration(d) => out.push_str(&duration_string(*d)),
        Value::Location(l) => out.push_str(l.name()),
        Value::Month(m) => out.push_str(MONTH_NAMES.get(usize::from(*m).wrapping_sub(1)).unwrap_or(&"%!Month")),
        Value::Weekday(d) => out.push_str(WEEKDAY_NAMES.get(usize::from(*d)).unwrap_or(&"%!Weekday")),
    }
}

/// Splits Rust's shortest `{:e}` form into (mantissa, exponent).
fn shortest_exp(f: f64) -> (String, i32) {
    let s = format!("{f:e}");
    let (m, e) = s.split_once('e').expect("exponent form");
    (m.to_string(), e.parse().unwrap_or(0))
}

fn exp_form(f: f64, pad_negative: bool) -> String {
    let (m, e) = shortest_exp(f);
    let sign = if e < 0 { '-' } else { '+' };
    if e < 0 && !pad_negative {
        format!("{m}e{sign}{}", e.abs())
    } else {
        format!("{m}e{sign}{:02}", e.abs())
    }
}

/// Go's `strconv.FormatFloat(f, 'g', -1, 64)`, which `fmt.Sprint` uses for floats.
pub(crate) fn go_float(f: f64) -> String {
    if f.is_nan() {
        return "NaN".into();
    }
    if f.is_infinite() {
        return if f > 0.0 { "+Inf".into() } else { "-Inf".into() };
    }
    if f == 0.0 {
        return if f.is_sign_negative() { "-0".into() } else { "0".into() };
    }
    let (_, e) = shortest_exp(f);
    if !(-4..6).contains(&e) {
        exp_form(f, true)
    } else {
        format!("{f}")
    }
}

/// Go's `encoding/json` float notation.
pub(crate) fn go_float_json(f: f64) -> String {
    let a = f.abs();
    if a != 0.0 && !(1e-6..1e21).contains(&a) {
        exp_form(f, false)
    } else {
        format!("{f}")
    }
}

/// Go's `json.MarshalIndent(x, "", "  ")`.
pub(crate) fn go_json(v: &Value<'_>) -> Res<String> {
    let mut out = String::new();
    write_json(&mut out, v, 0)?;
    Ok(out)
}

fn newline(out: &mut String, level: usize) {
    out.push('\n');
    for _ in 0..level {
        out.push_str("  ");
    }
}

fn write_json(out: &mut String, v: &Value<'_>, level: usize) -> Res<()> {
    match v {
        Value::Nil => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Int(i) | Value::Duration(i) => {
            let _ = write!(out, "{i}");
        }
        Value::Month(m) | Value::Weekday(m) => {
            let _ = write!(out, "{m}");
        }
        Value::Float(f) => {
            if !f.is_finite() {
                return Err(Fail::runtime(format!("json: unsupported value: {}", go_float(*f))));
            }
            out.push_str(&go_float_json(*f));
        }
        Value::Str(s) => json_string(out, s),
        Value::Bytes(b) => json_string(out, &super::convert::base64_encode(b)),
        Value::Time(t) => json_string(out, &rfc3339_nano(t)),
        Value::Location(_) => out.push_str("{}"),
        Value::Array(_) | Value::JsonArray(_) => {
            let list: List<'_, '_> = v.list().expect("array");
            if list.len() == 0 {
                out.push_str("[]");
                return Ok(());
            }
            out.push('[');
            for (i, item) in list.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                newline(out, level + 1);
                write_json(out, &item, level + 1)?;
            }
            newline(out, level);
            out.push(']');
        }
        Value::Map(_) | Value::JsonObject(_) => {
            let obj: Obj<'_, '_> = v.obj().expect("map");
            if obj.len() == 0 {
                out.push_str("{}");
                return Ok(());
            }
            out.push('{');
            for (i, (k, item)) in obj.entries().iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                newline(out, level + 1);
                json_string(out, k);
                out.push_str(": ");
                write_json(out, item, level + 1)?;
            }
            newline(out, level);
            out.push('}');
        }
        Value::AnyMap(_) => {
            return Err(Fail::ty("json: unsupported type: map[interface {}]interface {}"));
        }
    }
    Ok(())
}

fn json_string(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            '<' | '>' | '&' | '\u{2028}' | '\u{2029}' => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn floats_print_like_go() {
        assert_eq!(go_float(1.5), "1.5");
        assert_eq!(go_float(1e6), "1e+06");
        assert_eq!(go_float(123456.0), "123456");
        assert_eq!(go_float(0.00012), "0.00012");
        assert_eq!(go_float(0.00001), "1e-05");
        assert_eq!(go_float(f64::INFINITY), "+Inf");
        assert_eq!(go_float_json(1e21), "1e+21");
        assert_eq!(go_float_json(1e-7), "1e-7");
        assert_eq!(go_float_json(2.5), "2.5");
        assert_eq!(go_float_json(1000.0), "1000");
    }
}
