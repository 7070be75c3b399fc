//! Operators on values with expr-lang's rules: int/float mixing (`1 == 1.0`, `5 / 2` is
//! 2.5), wrapping integer arithmetic, `+` on strings, dates and durations, `in` on arrays
//! and maps, and the type errors Go reports (comparing a month with a number, mixing the
//! two kinds of maps).

use std::cmp::Ordering;

use crate::ast::BinOp;
use crate::error::{Fail, Res};
use crate::limits::Budget;
use crate::value::{Key, Value};

fn mismatch(op: &str, a: &Value<'_>, b: &Value<'_>) -> Fail {
    Fail::ty(format!("invalid operation: {} {op} {} (mismatched types)", a.type_name(), b.type_name()))
}

/// `==` as in expr-lang: numbers compare by value across int and float, arrays element by
/// element, maps deeply; values of unrelated types are simply unequal, except the pairs Go
/// rejects (a month or weekday against another type, the two kinds of maps).
pub(crate) fn equal(a: &Value<'_>, b: &Value<'_>) -> Res<bool> {
    eq(a, b, false)
}

fn eq(a: &Value<'_>, b: &Value<'_>, strict: bool) -> Res<bool> {
    use Value::*;
    Ok(match (a, b) {
        (Int(x), Int(y)) => x == y,
        (Float(x), Float(y)) => x == y,
        (Int(x), Float(y)) | (Float(y), Int(x)) => !strict && (*x as f64) == *y,
        (Str(x), Str(y)) => x == y,
        (Bool(x), Bool(y)) => x == y,
        (Nil, Nil) => true,
        (Time(x), Time(y)) => x.instant() == y.instant(),
        (Duration(x), Duration(y)) => x == y,
        (Month(x), Month(y)) | (Weekday(x), Weekday(y)) => x == y,
        (Month(_) | Weekday(_), _) | (_, Month(_) | Weekday(_)) => return Err(mismatch("==", a, b)),
        (AnyMap(_), Map(_) | JsonObject(_)) | (Map(_) | JsonObject(_), AnyMap(_)) => return Err(mismatch("==", a, b)),
        (Bytes(x), Bytes(y)) => x == y,
        (Location(x), Location(y)) => x.same(y) || x.name() == y.name(),
        (AnyMap(x), AnyMap(y)) => {
            if x.len() != y.len() {
                return Ok(false);
            }
            for ((k1, v1), (k2, v2)) in x.iter().zip(y.iter()) {
                if k1 != k2 || !eq(v1, v2, true)? {
                    return Ok(false);
                }
            }
            true
        }
        _ => {
            if let (Some(x), Some(y)) = (a.list(), b.list()) {
                if x.len() != y.len() {
                    return Ok(false);
                }
                for (p, q) in x.iter().zip(y.iter()) {
                    if !eq(&p, &q, strict)? {
                        return Ok(false);
                    }
                }
                return Ok(true);
            }
            if let (Some(x), Some(y)) = (a.obj(), b.obj()) {
                if x.len() != y.len() {
                    return Ok(false);
                }
                for (k, v) in x.entries() {
                    match y.get(&k) {
                        Some(w) if eq(&v, &w, true)? => {}
                        _ => return Ok(false),
                    }
                }
                return Ok(true);
            }
            false
        }
    })
}

/// `equal`, charging the walk when both sides are containers.
pub(crate) fn equal_charged(a: &Value<'_>, b: &Value<'_>, budget: &mut Budget) -> Res<bool> {
    if a.depth() > 0 && b.depth() > 0 {
        // Measuring borrowed JSON walks it, so both sides are charged.
        budget.walk(a)?;
        budget.walk(b)?;
    }
    equal(a, b)
}

/// Ordering for `<`, `sort`, `max`: numbers, strings, dates, durations. `None` when a NaN
/// is involved (every comparison is then false).
pub(crate) fn order(a: &Value<'_>, b: &Value<'_>) -> Res<Option<Ordering>> {
    use Value::*;
    Ok(match (a, b) {
        (Int(x), Int(y)) | (Duration(x), Duration(y)) => Some(x.cmp(y)),
        (Float(x), Float(y)) => x.partial_cmp(y),
        (Int(x), Float(y)) => (*x as f64).partial_cmp(y),
        (Float(x), Int(y)) => x.partial_cmp(&(*y as f64)),
        (Str(x), Str(y)) => Some(x.cmp(y)),
        (Time(x), Time(y)) => Some(x.instant().cmp(&y.instant())),
        _ => return Err(Fail::ty(format!("cannot compare {} with {}", a.type_name(), b.type_name()))),
    })
}

fn num_op(op: BinOp, a: &Value<'_>, b: &Value<'_>) -> Option<Value<'static>> {
    use Value::*;
    let (x, y) = match (a, b) {
        (Int(x), Int(y)) => {
            return Some(match op {
                BinOp::Add => Int(x.wrapping_add(*y)),
                BinOp::Sub => Int(x.wrapping_sub(*y)),
                BinOp::Mul => Int(x.wrapping_mul(*y)),
                BinOp::Div => Float(*x as f64 / *y as f64),
                BinOp::Pow => Float((*x as f64).powf(*y as f64)),
                _ => return None,
            })
        }
        (Int(x), Float(y)) => (*x as f64, *y),
        (Float(x), Int(y)) => (*x, *y as f64),
        (Float(x), Float(y)) => (*x, *y),
        _ => return None,
    };
    Some(Float(match op {
        BinOp::Add => x + y,
        BinOp::Sub => x - y,
        BinOp::Mul => x * y,
        BinOp::Div => x / y,
        BinOp::Pow => x.powf(y),
        _ => return None,
    }))
}

/// Arithmetic and string operators (everything but the short-circuit ones).
pub(crate) fn binary<'a>(op: BinOp, a: Value<'a>, b: &Value<'a>, budget: &mut Budget) -> Res<Value<'a>> {
    use Value::*;
    if let Some(v) = num_op(op, &a, b) {
        return Ok(v);
    }
    if let (BinOp::Add, Str(crate::value::Str::Owned(_)), Str(y)) = (op, &a, b) {
        // Appends in place: `a + b + c` builds one string.
        let Str(crate::value::Str::Owned(mut s)) = a else { unreachable!("matched above") };
        budget.check_str(s.len() + y.len())?;
        s.push_str(y);
        return Ok(Value::from(s));
    }
    let out_of_range = || Fail::runtime("date out of range");
    Ok(match (op, &a, b) {
        (BinOp::Add, Str(x), Str(y)) => {
            budget.check_str(x.len() + y.len())?;
            let mut s = String::with_capacity(x.len() + y.len());
            s.push_str(x);
            s.push_str(y);
            Value::from(s)
        }
        (BinOp::Add, Time(t), Duration(d)) | (BinOp::Add, Duration(d), Time(t)) => {
            Time(t.add_nanos(i128::from(*d)).ok_or_else(out_of_range)?)
        }
        (BinOp::Sub, Time(t), Duration(d)) => Time(t.add_nanos(-i128::from(*d)).ok_or_else(out_of_range)?),
        (BinOp::Sub, Time(t), Time(u)) => Duration(t.sub(u)),
        (BinOp::Add, Duration(x), Duration(y)) => Duration(x.wrapping_add(*y)),
        (BinOp::Sub, Duration(x), Duration(y)) => Duration(x.wrapping_sub(*y)),
        (BinOp::Mul, Duration(x), Int(y) | Duration(y)) | (BinOp::Mul, Int(x), Duration(y)) => {
            Duration(x.wrapping_mul(*y))
        }
        (BinOp::Mul, Duration(x), Float(y)) | (BinOp::Mul, Float(y), Duration(x)) => Float(*x as f64 * y),
        (BinOp::Mod, Int(x), Int(y)) => {
            if *y == 0 {
                return Err(Fail::runtime("integer divide by zero"));
            }
            Int(x.wrapping_rem(*y))
        }
        (BinOp::In, _, _) => Bool(contains_item(b, &a, budget)?),
        (BinOp::Contains | BinOp::StartsWith | BinOp::EndsWith, _, _) => {
            if a.is_nil() || b.is_nil() {
                return Ok(Bool(false));
            }
            let (Some(x), Some(y)) = (a.as_str(), b.as_str()) else {
                return Err(mismatch(op.symbol(), &a, b));
            };
            Bool(match op {
                BinOp::Contains => x.contains(y),
                BinOp::StartsWith => x.starts_with(y),
                _ => x.ends_with(y),
            })
        }
        (BinOp::Matches, _, _) => {
            if a.is_nil() || b.is_nil() {
                return Ok(Bool(false));
            }
            let (Some(x), Some(p)) = (a.as_str(), b.as_str()) else {
                return Err(mismatch("matches", &a, b));
            };
            budget.work(p.len() as u64 * 16 + x.len() as u64 / 16)?;
            Bool(compile_regex(p)?.is_match(x))
        }
        (BinOp::Range, Int(x), Int(y)) => {
            let n = if y < x { 0 } else { (*y as i128 - *x as i128 + 1).min(usize::MAX as i128) as usize };
            budget.check_len(n)?;
            budget.work(n as u64 / 8)?;
            let items = (0..n as i64).map(|i| Int(x + i)).collect();
            budget.array(items)?
        }
        (BinOp::Eq, _, _) => Bool(equal_charged(&a, b, budget)?),
        (BinOp::Ne, _, _) => Bool(!equal_charged(&a, b, budget)?),
        (BinOp::Lt, _, _) => Bool(order(&a, b)? == Some(Ordering::Less)),
        (BinOp::Gt, _, _) => Bool(order(&a, b)? == Some(Ordering::Greater)),
        (BinOp::Le, _, _) => Bool(matches!(order(&a, b)?, Some(Ordering::Less | Ordering::Equal))),
        (BinOp::Ge, _, _) => Bool(matches!(order(&a, b)?, Some(Ordering::Greater | Ordering::Equal))),
        _ => return Err(mismatch(op.symbol(), &a, b)),
    })
}

/// Compiles a regular expression with RE2 syntax and bounded size.
pub(crate) fn compile_regex(pattern: &str) -> Res<regex::Regex> {
    regex::RegexBuilder::new(pattern)
        .size_limit(1 << 20)
        .dfa_size_limit(1 << 20)
        .nest_limit(64)
        .build()
        .map_err(|e| Fail::runtime(format!("invalid regular expression: {}", first_line(&e.to_string()))))
}

fn first_line(s: &str) -> String {
    s.lines().rfind(|l| !l.trim().is_empty()).unwrap_or(s).trim().to_string()
}

/// `needle in haystack`.
pub(crate) fn contains_item(haystack: &Value<'_>, needle: &Value<'_>, budget: &mut Budget) -> Res<bool> {
    if haystack.is_nil() {
        return Ok(false);
    }
    if let Some(list) = haystack.list() {
        for item in list.iter() {
            budget.tick()?;
            if equal_charged(&item, needle, budget)? {
                return Ok(true);
            }
        }
        return Ok(false);
    }
    if let Some(obj) = haystack.obj() {
        return match needle {
            Value::Str(k) => Ok(obj.get(k).is_some()),
            Value::Nil => Ok(false),
            other => Err(Fail::ty(format!("cannot look up {} in a map whose keys are strings", other.kind_article()))),
        };
    }
    if let Value::AnyMap(m) = haystack {
        return Ok(m.contains_key(&Key::from_value(needle)?));
    }
    Err(Fail::ty(format!("operator \"in\" is not defined on {}", haystack.kind_article())))
}
