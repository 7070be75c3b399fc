//! Array and map functions (`first`, `get`, `keys`, `fromPairs`, `sort`, ...). Maps are
//! visited in key order, so results are deterministic where Go's are random. Sorting uses
//! our own merge sort, which tolerates any comparison result and charges the step budget.

use std::cmp::Ordering;
use std::collections::BTreeMap;

use super::{list_arg, str_arg};
use crate::error::{Fail, Res};
use crate::eval::member;
use crate::limits::Budget;
use crate::ops::{equal_charged, order};
use crate::value::{Key, Value};

pub(super) fn len<'a>(_: &mut Budget, args: &[Value<'a>]) -> Res<Value<'a>> {
    let v = &args[0];
    let n = match v {
        Value::Str(s) => s.chars().count(),
        Value::Bytes(b) => b.len(),
        Value::AnyMap(m) => m.len(),
        _ => match (v.list(), v.obj()) {
            (Some(l), _) => l.len(),
            (_, Some(o)) => o.len(),
            _ => return Err(Fail::ty(format!("invalid argument for len ({})", v.kind_article()))),
        },
    };
    Ok(Value::Int(n as i64))
}

pub(super) fn type_of<'a>(_: &mut Budget, args: &[Value<'a>]) -> Res<Value<'a>> {
    Ok(Value::from(args[0].type_name()))
}

pub(super) fn first<'a>(_: &mut Budget, args: &[Value<'a>]) -> Res<Value<'a>> {
    Ok(member(&args[0], &Value::Int(0)).unwrap_or_default())
}

pub(super) fn last<'a>(_: &mut Budget, args: &[Value<'a>]) -> Res<Value<'a>> {
    Ok(member(&args[0], &Value::Int(-1)).unwrap_or_default())
}

pub(super) fn get<'a>(_: &mut Budget, args: &[Value<'a>]) -> Res<Value<'a>> {
    let (from, key) = (&args[0], &args[1]);
    match from {
        Value::Nil => Ok(Value::Nil),
        Value::Map(_) | Value::JsonObject(_) | Value::AnyMap(_) => member(from, key),
        _ if matches!(from, Value::Str(_) | Value::Bytes(_)) || from.list().is_some() => {
            if !matches!(key, Value::Int(_) | Value::Float(_)) {
                return Err(Fail::ty(format!("cannot index {} with {}", from.kind_article(), key.kind_article())));
            }
            Ok(member(from, key).unwrap_or_default())
        }
        _ => Ok(Value::Nil),
    }
}

pub(super) fn take<'a>(b: &mut Budget, args: &[Value<'a>]) -> Res<Value<'a>> {
    let list = list_arg("take", args, 0)?;
    let n = match &args[1] {
        Value::Int(n) => *n,
        v => return Err(Fail::ty(format!("cannot take {} elements", v.type_name()))),
    };
    if n < 0 {
        return Err(Fail::runtime(format!("cannot take {n} elements")));
    }
    let n = (n as usize).min(list.len());
    b.array(list.iter().take(n).collect())
}

fn entries<'a>(name: &str, b: &mut Budget, v: &Value<'a>) -> Res<Vec<(Value<'a>, Value<'a>)>> {
    // Listing (and, for borrowed JSON, sorting) the entries is work proportional to them.
    b.work(v.obj().map_or(0, |o| o.len() as u64) + 1)?;
    if let Value::AnyMap(m) = v {
        return Ok(m.iter().map(|(k, v)| (k.to_value(), v.clone())).collect());
    }
    match v.obj() {
        Some(o) => Ok(o.entries().into_iter().map(|(k, v)| (Value::Str(k), v)).collect()),
        None => Err(Fail::ty(format!("{name} expects a map, not {}", v.kind_article()))),
    }
}

pub(super) fn keys<'a>(b: &mut Budget, args: &[Value<'a>]) -> Res<Value<'a>> {
    let e = entries("keys", b, &args[0])?;
    b.array(e.into_iter().map(|(k, _)| k).collect())
}

pub(super) fn values<'a>(b: &mut Budget, args: &[Value<'a>]) -> Res<Value<'a>> {
    let e = entries("values", b, &args[0])?;
    b.array(e.into_iter().map(|(_, v)| v).collect())
}

pub(super) fn to_pairs<'a>(b: &mut Budget, args: &[Value<'a>]) -> Res<Value<'a>> {
    let e = entries("toPairs", b, &args[0])?;
    let mut out = Vec::with_capacity(e.len());
    for (k, v) in e {
        out.push(b.array(vec![k, v])?);
    }
    b.array(out)
}

pub(super) fn from_pairs<'a>(b: &mut Budget, args: &[Value<'a>]) -> Res<Value<'a>> {
    let list = list_arg("fromPairs", args, 0)?;
    let mut out = BTreeMap::new();
    for pair in list.iter() {
        b.tick()?;
        let p = pair
            .list()
            .filter(|p| p.len() == 2)
            .ok_or_else(|| Fail::ty(format!("fromPairs expects [key, value] pairs, found {}", pair.kind_article())))?;
        let key = Key::from_value(&p.get(0).unwrap_or_default())?;
        out.insert(key, p.get(1).unwrap_or_default());
    }
    b.any_map(out)
}

pub(super) fn reverse<'a>(b: &mut Budget, args: &[Value<'a>]) -> Res<Value<'a>> {
    let list = list_arg("reverse", args, 0)?;
    let mut items: Vec<_> = list.iter().collect();
    items.reverse();
    b.array(items)
}

pub(super) fn uniq<'a>(b: &mut Budget, args: &[Value<'a>]) -> Res<Value<'a>> {
    let list = list_arg("uniq", args, 0)?;
    let mut out: Vec<Value<'a>> = Vec::new();
    for item in list.iter() {
        b.work(out.len() as u64 + 1)?;
        let mut seen = false;
        for o in &out {
            if equal_charged(&item, o, b)? {
                seen = true;
                break;
            }
        }
        if !seen {
            out.push(item);
        }
    }
    b.array(out)
}

pub(super) fn concat<'a>(b: &mut Budget, args: &[Value<'a>]) -> Res<Value<'a>> {
    let mut total = 0;
    for i in 0..args.len() {
        total += list_arg("concat", args, i)?.len();
    }
    b.check_len(total)?;
    b.work(total as u64 / 8)?;
    let mut out = Vec::with_capacity(total);
    for i in 0..args.len() {
        out.extend(list_arg("concat", args, i)?.iter());
    }
    b.array(out)
}

fn flatten_into<'a>(b: &mut Budget, v: &Value<'a>, out: &mut Vec<Value<'a>>) -> Res<()> {
    for item in v.list().expect("array").iter() {
        b.tick()?;
        if item.list().is_some() {
            flatten_into(b, &item, out)?;
        } else {
            out.push(item);
            if out.len() > b.limits.max_array_len {
                b.check_len(out.len())?;
            }
        }
    }
    Ok(())
}

pub(super) fn flatten<'a>(b: &mut Budget, args: &[Value<'a>]) -> Res<Value<'a>> {
    list_arg("flatten", args, 0)?;
    let mut out = Vec::new();
    flatten_into(b, &args[0], &mut out)?;
    b.array(out)
}

/// Whether `order` is "desc" (for `sort` and `sortBy`); anything but "asc"/"desc" is an error.
pub(super) fn descending(name: &str, order: Option<&Value<'_>>) -> Res<bool> {
    match order {
        None => Ok(false),
        Some(Value::Str(s)) if &**s == "asc" => Ok(false),
        Some(Value::Str(s)) if &**s == "desc" => Ok(true),
        Some(v) => Err(Fail::ty(format!("{name}: the order must be \"asc\" or \"desc\", not {v}"))),
    }
}

pub(super) fn sort<'a>(b: &mut Budget, args: &[Value<'a>]) -> Res<Value<'a>> {
    let list = list_arg("sort", args, 0)?;
    if args.len() == 2 {
        str_arg("sort", args, 1)?;
    }
    let desc = descending("sort", args.get(1))?;
    let mut items: Vec<Value<'a>> = list.iter().collect();
    merge_sort(b, &mut items, &mut |x, y| compare(x, y, desc))?;
    b.array(items)
}

/// Comparison for sorting: an error for values that cannot be ordered together.
pub(super) fn compare(x: &Value<'_>, y: &Value<'_>, desc: bool) -> Res<Ordering> {
    let o = order(x, y)?.unwrap_or(Ordering::Equal);
    Ok(if desc { o.reverse() } else { o })
}

/// A stable merge sort with a fallible comparison; one step per comparison.
pub(super) fn merge_sort<T: Clone>(
    b: &mut Budget,
    v: &mut Vec<T>,
    cmp: &mut dyn FnMut(&T, &T) -> Res<Ordering>,
) -> Res<()> {
    let n = v.len();
    let mut width = 1;
    let mut buf: Vec<T> = Vec::with_capacity(n);
    while width < n {
        buf.clear();
        let mut start = 0;
        while start < n {
            let mid = (start + width).min(n);
            let end = (start + 2 * width).min(n);
            let (mut i, mut j) = (start, mid);
            while i < mid && j < end {
                b.tick()?;
                if cmp(&v[j], &v[i])? == Ordering::Less {
                    buf.push(v[j].clone());
                    j += 1;
                } else {
                    buf.push(v[i].clone());
                    i += 1;
                }
            }
            buf.extend_from_slice(&v[i..mid]);
            buf.extend_from_slice(&v[j..end]);
            start = end;
        }
        std::mem::swap(v, &mut buf);
        width *= 2;
    }
    Ok(())
}
