//! Number functions as in expr-lang: `max`/`min` keep the winning value's type and search
//! nested arrays, `ceil`/`floor`/`round` always give floats, integer conversions follow Go,
//! bit functions take integers only.

use std::cmp::Ordering;

use crate::error::{Fail, Res};
use crate::limits::Budget;
use crate::ops::order;
use crate::value::Value;

fn not_number(name: &str, v: &Value<'_>) -> Fail {
    Fail::ty(format!("invalid argument for {name} ({})", v.kind_article()))
}

pub(super) fn abs<'a>(_: &mut Budget, args: &[Value<'a>]) -> Res<Value<'a>> {
    match &args[0] {
        Value::Int(i) => Ok(Value::Int(i.wrapping_abs())),
        Value::Float(f) => Ok(Value::Float(f.abs())),
        v => Err(not_number("abs", v)),
    }
}

fn rounding<'a>(name: &str, args: &[Value<'a>], f: fn(f64) -> f64) -> Res<Value<'a>> {
    match &args[0] {
        Value::Int(i) => Ok(Value::Float(*i as f64)),
        Value::Float(x) => Ok(Value::Float(f(*x))),
        v => Err(not_number(name, v)),
    }
}

pub(super) fn ceil<'a>(_: &mut Budget, args: &[Value<'a>]) -> Res<Value<'a>> {
    rounding("ceil", args, f64::ceil)
}

pub(super) fn floor<'a>(_: &mut Budget, args: &[Value<'a>]) -> Res<Value<'a>> {
    rounding("floor", args, f64::floor)
}

pub(super) fn round<'a>(_: &mut Budget, args: &[Value<'a>]) -> Res<Value<'a>> {
    rounding("round", args, f64::round)
}

pub(super) fn int<'a>(_: &mut Budget, args: &[Value<'a>]) -> Res<Value<'a>> {
    Ok(Value::Int(match &args[0] {
        Value::Int(i) | Value::Duration(i) => *i,
        Value::Float(f) => *f as i64,
        Value::Month(m) | Value::Weekday(m) => i64::from(*m),
        Value::Str(s) => {
            let digits = s.strip_prefix(['+', '-']).unwrap_or(s);
            if digits.is_empty() || !digits.bytes().all(|c| c.is_ascii_digit()) {
                return Err(Fail::runtime(format!("invalid operation: int({s})")));
            }
            s.parse().map_err(|_| Fail::runtime(format!("invalid operation: int({s}): out of range")))?
        }
        v => return Err(Fail::ty(format!("invalid operation: int({})", v.type_name()))),
    }))
}

pub(super) fn float<'a>(_: &mut Budget, args: &[Value<'a>]) -> Res<Value<'a>> {
    Ok(Value::Float(match &args[0] {
        Value::Int(i) => *i as f64,
        Value::Float(f) => *f,
        Value::Str(s) => s.parse().map_err(|_| Fail::runtime(format!("invalid operation: float({s})")))?,
        v => return Err(Fail::ty(format!("invalid operation: float({})", v.type_name()))),
    }))
}

/// Walks numbers in the arguments and nested arrays.
fn each_number<'a>(
    name: &str,
    b: &mut Budget,
    v: &Value<'a>,
    depth: u32,
    f: &mut dyn FnMut(&Value<'a>) -> Res<()>,
) -> Res<()> {
    b.tick()?;
    match v {
        Value::Int(_) | Value::Float(_) => f(v),
        _ => match v.list() {
            Some(list) if depth < 64 => {
                for item in list.iter() {
                    each_number(name, b, &item, depth + 1, f)?;
                }
                Ok(())
            }
            _ => Err(not_number(name, v)),
        },
    }
}

fn extreme<'a>(name: &str, b: &mut Budget, args: &[Value<'a>], want: Ordering) -> Res<Value<'a>> {
    if let [single] = args {
        if !matches!(single, Value::Int(_) | Value::Float(_)) && single.list().is_none() {
            return Ok(single.clone());
        }
    }
    let mut best: Option<Value<'a>> = None;
    for a in args {
        each_number(name, b, a, 0, &mut |x| {
            let replace = match &best {
                None => true,
                Some(cur) => order(x, cur)? == Some(want),
            };
            if replace {
                best = Some(x.clone());
            }
            Ok(())
        })?;
    }
    Ok(best.unwrap_or_default())
}

pub(super) fn max<'a>(b: &mut Budget, args: &[Value<'a>]) -> Res<Value<'a>> {
    extreme("max", b, args, Ordering::Greater)
}

pub(super) fn min<'a>(b: &mut Budget, args: &[Value<'a>]) -> Res<Value<'a>> {
    extreme("min", b, args, Ordering::Less)
}

fn floats(name: &str, b: &mut Budget, args: &[Value<'_>]) -> Res<Vec<f64>> {
    let mut out = Vec::new();
    for a in args {
        each_number(name, b, a, 0, &mut |x| {
            out.push(match x {
                Value::Int(i) => *i as f64,
                Value::Float(f) => *f,
                _ => 0.0,
            });
            Ok(())
        })?;
    }
    Ok(out)
}

pub(super) fn mean<'a>(b: &mut Budget, args: &[Value<'a>]) -> Res<Value<'a>> {
    let v = floats("mean", b, args)?;
    if v.is_empty() {
        return Ok(Value::Float(0.0));
    }
    Ok(Value::Float(v.iter().sum::<f64>() / v.len() as f64))
}

pub(super) fn median<'a>(b: &mut Budget, args: &[Value<'a>]) -> Res<Value<'a>> {
    let mut v = floats("median", b, args)?;
    if v.is_empty() {
        return Ok(Value::Float(0.0));
    }
    v.sort_by(f64::total_cmp);
    let n = v.len();
    Ok(Value::Float(if n % 2 == 1 { v[n / 2] } else { (v[n / 2 - 1] + v[n / 2]) / 2.0 }))
}

fn ints(name: &str, args: &[Value<'_>]) -> Res<(i64, i64)> {
    let get = |i: usize| match args.get(i) {
        Some(Value::Int(n)) => Ok(*n),
        Some(v) => Err(Fail::ty(format!("{name} expects integers, not {}", v.kind_article()))),
        None => Ok(0),
    };
    Ok((get(0)?, get(1)?))
}

fn shift(name: &str, args: &[Value<'_>]) -> Res<(i64, u32)> {
    let (x, y) = ints(name, args)?;
    if y < 0 {
        return Err(Fail::runtime(format!("invalid operation: negative shift count {y}")));
    }
    Ok((x, y.min(64) as u32))
}

pub(super) fn bitand<'a>(_: &mut Budget, args: &[Value<'a>]) -> Res<Value<'a>> {
    let (x, y) = ints("bitand", args)?;
    Ok(Value::Int(x & y))
}

pub(super) fn bitor<'a>(_: &mut Budget, args: &[Value<'a>]) -> Res<Value<'a>> {
    let (x, y) = ints("bitor", args)?;
    Ok(Value::Int(x | y))
}

pub(super) fn bitxor<'a>(_: &mut Budget, args: &[Value<'a>]) -> Res<Value<'a>> {
    let (x, y) = ints("bitxor", args)?;
    Ok(Value::Int(x ^ y))
}

pub(super) fn bitnand<'a>(_: &mut Budget, args: &[Value<'a>]) -> Res<Value<'a>> {
    let (x, y) = ints("bitnand", args)?;
    Ok(Value::Int(x & !y))
}

pub(super) fn bitnot<'a>(_: &mut Budget, args: &[Value<'a>]) -> Res<Value<'a>> {
    let (x, _) = ints("bitnot", args)?;
    Ok(Value::Int(!x))
}

pub(super) fn bitshl<'a>(_: &mut Budget, args: &[Value<'a>]) -> Res<Value<'a>> {
    let (x, y) = shift("bitshl", args)?;
    Ok(Value::Int(x.checked_shl(y).unwrap_or(0)))
}

pub(super) fn bitshr<'a>(_: &mut Budget, args: &[Value<'a>]) -> Res<Value<'a>> {
    let (x, y) = shift("bitshr", args)?;
    Ok(Value::Int(x.checked_shr(y).unwrap_or(if x < 0 { -1 } else { 0 })))
}

pub(super) fn bitushr<'a>(_: &mut Budget, args: &[Value<'a>]) -> Res<Value<'a>> {
    let (x, y) = shift("bitushr", args)?;
    Ok(Value::Int((x as u64).checked_shr(y).unwrap_or(0) as i64))
}
