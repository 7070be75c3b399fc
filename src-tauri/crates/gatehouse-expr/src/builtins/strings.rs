//! String functions with Go's `strings` semantics (byte indexes for `indexOf`, `SplitN`
//! counts, `Replace` with an empty pattern), plus text/JSON/base64 conversions. Every
//! produced string is size-checked before it is built.

use super::{int_arg, list_arg, str_arg};
use crate::error::{Fail, Res};
use crate::limits::Budget;
use crate::value::{base64_decode, base64_encode, from_json_owned, go_format, go_json, Value};

fn map_chars(s: &str, f: impl Fn(char) -> Option<char>) -> String {
    s.chars().map(|c| f(c).unwrap_or(c)).collect()
}

fn single<I: Iterator<Item = char>>(mut it: I) -> Option<char> {
    let c = it.next()?;
    it.next().is_none().then_some(c)
}

pub(super) fn upper<'a>(b: &mut Budget, args: &[Value<'a>]) -> Res<Value<'a>> {
    let s = str_arg("upper", args, 0)?;
    b.string(map_chars(s, |c| single(c.to_uppercase())))
}

pub(super) fn lower<'a>(b: &mut Budget, args: &[Value<'a>]) -> Res<Value<'a>> {
    let s = str_arg("lower", args, 0)?;
    b.string(map_chars(s, |c| single(c.to_lowercase())))
}

/// Returns a substring of argument 0 without copying when it is borrowed.
fn sub<'a>(args: &[Value<'a>], f: impl Fn(&str) -> &str) -> Value<'a> {
    match &args[0] {
        Value::Str(crate::value::Str::Borrowed(s)) => Value::from(f(s)),
        Value::Str(s) => Value::from(f(s).to_string()),
        _ => Value::Nil,
    }
}

pub(super) fn trim<'a>(_: &mut Budget, args: &[Value<'a>]) -> Res<Value<'a>> {
    str_arg("trim", args, 0)?;
    if args.len() == 2 {
        let cut: Vec<char> = str_arg("trim", args, 1)?.chars().collect();
        return Ok(sub(args, |s| s.trim_matches(|c| cut.contains(&c))));
    }
    Ok(sub(args, str::trim))
}

pub(super) fn trim_prefix<'a>(_: &mut Budget, args: &[Value<'a>]) -> Res<Value<'a>> {
    str_arg("trimPrefix", args, 0)?;
    let p = if args.len() == 2 { str_arg("trimPrefix", args, 1)? } else { " " };
    Ok(sub(args, |s| s.strip_prefix(p).unwrap_or(s)))
}

pub(super) fn trim_suffix<'a>(_: &mut Budget, args: &[Value<'a>]) -> Res<Value<'a>> {
    str_arg("trimSuffix", args, 0)?;
    let p = if args.len() == 2 { str_arg("trimSuffix", args, 1)? } else { " " };
    Ok(sub(args, |s| s.strip_suffix(p).unwrap_or(s)))
}

/// Go's `strings.SplitN`/`SplitAfterN` (`n < 0`: all parts; `n == 0`: none).
fn split_impl<'a>(name: &str, b: &mut Budget, args: &[Value<'a>], after: bool) -> Res<Value<'a>> {
    let s = str_arg(name, args, 0)?;
    let sep = str_arg(name, args, 1)?;
    let n = if args.len() == 3 { int_arg(name, args, 2)? } else { -1 };
    if n == 0 {
        return b.array(Vec::new());
    }
    let limit = if n < 0 { usize::MAX } else { n as usize };
    let mut parts: Vec<&str> = Vec::new();
    if sep.is_empty() {
        let mut rest = s;
        while !rest.is_empty() {
            if parts.len() + 1 == limit {
                parts.push(rest);
                break;
            }
            let c = rest.chars().next().map_or(1, char::len_utf8);
            parts.push(&rest[..c]);
            rest = &rest[c..];
        }
    } else {
        let mut rest = s;
        while parts.len() + 1 < limit {
            let Some(i) = rest.find(sep) else { break };
            let cut = if after { i + sep.len() } else { i };
            parts.push(&rest[..cut]);
            rest = &rest[i + sep.len()..];
        }
        parts.push(rest);
    }
    b.check_len(parts.len())?;
    let items = parts.into_iter().map(|p| Value::from(p.to_string())).collect();
    b.array(items)
}

pub(super) fn split<'a>(b: &mut Budget, args: &[Value<'a>]) -> Res<Value<'a>> {
    split_impl("split", b, args, false)
}

pub(super) fn split_after<'a>(b: &mut Budget, args: &[Value<'a>]) -> Res<Value<'a>> {
    split_impl("splitAfter", b, args, true)
}

pub(super) fn join<'a>(b: &mut Budget, args: &[Value<'a>]) -> Res<Value<'a>> {
    let list = list_arg("join", args, 0)?;
    let sep = if args.len() == 2 { str_arg("join", args, 1)? } else { "" };
    let mut out = String::new();
    for (i, item) in list.iter().enumerate() {
        let Some(s) = item.as_str() else {
            return Err(Fail::ty(format!("join expects an array of strings, found {}", item.kind_article())));
        };
        b.check_str(out.len() + sep.len() + s.len())?;
        if i > 0 {
            out.push_str(sep);
        }
        out.push_str(s);
    }
    b.string(out)
}

pub(super) fn replace<'a>(b: &mut Budget, args: &[Value<'a>]) -> Res<Value<'a>> {
    let s = str_arg("replace", args, 0)?;
    let old = str_arg("replace", args, 1)?;
    let new = str_arg("replace", args, 2)?;
    let n = if args.len() == 4 { int_arg("replace", args, 3)? } else { -1 };
    let mut left = if n < 0 { usize::MAX } else { n as usize };
    let mut out = String::new();
    let mut rest = s;
    if old.is_empty() {
        // Go matches at the start and after each character.
        loop {
            if left > 0 {
                out.push_str(new);
                left -= 1;
            }
            let Some(c) = rest.chars().next() else { break };
            out.push(c);
            rest = &rest[c.len_utf8()..];
            b.check_str(out.len())?;
        }
        return b.string(out);
    }
    while left > 0 {
        let Some(i) = rest.find(old) else { break };
        out.push_str(&rest[..i]);
        out.push_str(new);
        rest = &rest[i + old.len()..];
        left -= 1;
        b.check_str(out.len())?;
    }
    out.push_str(rest);
    b.string(out)
}

pub(super) fn repeat<'a>(b: &mut Budget, args: &[Value<'a>]) -> Res<Value<'a>> {
    let s = str_arg("repeat", args, 0)?;
    let n = int_arg("repeat", args, 1)?;
    if n < 0 {
        return Err(Fail::runtime(format!("invalid argument for repeat (expected a positive count, got {n})")));
    }
    let total = (s.len() as u128) * (n as u128);
    b.check_str(total.min(usize::MAX as u128) as usize)?;
    b.string(s.repeat(n as usize))
}

pub(super) fn index_of<'a>(_: &mut Budget, args: &[Value<'a>]) -> Res<Value<'a>> {
    let (s, t) = (str_arg("indexOf", args, 0)?, str_arg("indexOf", args, 1)?);
    Ok(Value::Int(s.find(t).map_or(-1, |i| i as i64)))
}

pub(super) fn last_index_of<'a>(_: &mut Budget, args: &[Value<'a>]) -> Res<Value<'a>> {
    let (s, t) = (str_arg("lastIndexOf", args, 0)?, str_arg("lastIndexOf", args, 1)?);
    Ok(Value::Int(s.rfind(t).map_or(-1, |i| i as i64)))
}

pub(super) fn has_prefix<'a>(_: &mut Budget, args: &[Value<'a>]) -> Res<Value<'a>> {
    let (s, t) = (str_arg("hasPrefix", args, 0)?, str_arg("hasPrefix", args, 1)?);
    Ok(Value::Bool(s.starts_with(t)))
}

pub(super) fn has_suffix<'a>(_: &mut Budget, args: &[Value<'a>]) -> Res<Value<'a>> {
    let (s, t) = (str_arg("hasSuffix", args, 0)?, str_arg("hasSuffix", args, 1)?);
    Ok(Value::Bool(s.ends_with(t)))
}

pub(super) fn string<'a>(b: &mut Budget, args: &[Value<'a>]) -> Res<Value<'a>> {
    if let v @ Value::Str(_) = &args[0] {
        return Ok(v.clone());
    }
    b.walk(&args[0])?;
    b.string(go_format(&args[0]))
}

pub(super) fn to_json<'a>(b: &mut Budget, args: &[Value<'a>]) -> Res<Value<'a>> {
    b.walk(&args[0])?;
    b.string(go_json(&args[0])?)
}

pub(super) fn from_json<'a>(b: &mut Budget, args: &[Value<'a>]) -> Res<Value<'a>> {
    let s = str_arg("fromJSON", args, 0)?;
    b.work(s.len() as u64 / 8)?;
    let j: serde_json::Value = serde_json::from_str(s).map_err(|e| Fail::runtime(format!("invalid JSON: {e}")))?;
    let v = from_json_owned(&j, true);
    if v.depth() > b.limits.max_value_depth || v.weight(u64::MAX) > b.limits.max_value_weight {
        return Err(Fail::limit("the JSON value is too large or nested too deeply"));
    }
    Ok(v)
}

pub(super) fn to_base64<'a>(b: &mut Budget, args: &[Value<'a>]) -> Res<Value<'a>> {
    let s = str_arg("toBase64", args, 0)?;
    b.check_str(s.len() / 3 * 4 + 4)?;
    b.string(base64_encode(s.as_bytes()))
}

pub(super) fn from_base64<'a>(b: &mut Budget, args: &[Value<'a>]) -> Res<Value<'a>> {
    let s = str_arg("fromBase64", args, 0)?;
    let bytes = base64_decode(s).ok_or_else(|| Fail::runtime("illegal base64 data"))?;
    b.string(String::from_utf8_lossy(&bytes).into_owned())
}
