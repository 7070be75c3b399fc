//! The mapping functions of the reference's attribute tables, which turn directory data
//! into SCIM 2.0 multi-valued attributes (RFC 7643 §4.1.2). Exact behaviour:
//!
//! - `notNullOrEmpty(x)`: `false` for nil, `""`, `[]` and `{}`; `true` for anything else
//!   (including `0`, `false` and `" "`).
//! - `toScimEmails(email)`: nil or `""` → nil; a string →
//!   `[{"value": email, "type": "work", "primary": true}]`; an array of strings → one entry
//!   per non-empty string, only the first primary (nil if none remain).
//! - `toScimAddresses(address)`: nil → nil; a directory address
//!   `{type, streetAddress, poBox, locality, region, postalCode, country}` →
//!   `[{"type", "streetAddress", "locality", "region", "postalCode", "country", "formatted",
//!   "primary": true}]` where `type` defaults to `"work"`, a `poBox` is folded into
//!   `streetAddress` as a second line, `formatted` joins the non-empty lines
//!   `streetAddress`, `"locality, region postalCode"` and `country` with `"\n"`, and empty
//!   fields are omitted. An address with no content at all is dropped. An array maps every
//!   address, the first kept one being primary; nil if none remain.
//! - `toScimPhoneNumbers(phone)`: nil → nil; `{type, number}` →
//!   `[{"type": type or "work", "value": number, "primary": true}]` (dropped when the number
//!   is empty); a plain string is a work number; an array maps each, the first primary.
//!
//! Field values are borrowed from the directory user, never copied, until output.

use std::collections::BTreeMap;

use crate::error::{Fail, Res};
use crate::limits::Budget;
use crate::value::{Obj, Str, Value};

pub(crate) fn not_null_or_empty<'a>(_: &mut Budget, args: &[Value<'a>]) -> Res<Value<'a>> {
    let v = &args[0];
    let empty = match v {
        Value::Nil => true,
        Value::Str(s) => s.is_empty(),
        Value::Bytes(b) => b.is_empty(),
        Value::AnyMap(m) => m.is_empty(),
        _ => match (v.list(), v.obj()) {
            (Some(l), _) => l.len() == 0,
            (_, Some(o)) => o.len() == 0,
            _ => false,
        },
    };
    Ok(Value::Bool(!empty))
}

type Entry<'a> = BTreeMap<Str<'a>, Value<'a>>;

/// Maps one element or an array of elements to SCIM entries, marking the first primary.
fn multi<'a>(
    name: &str,
    b: &mut Budget,
    v: &Value<'a>,
    one: &dyn Fn(&Value<'a>) -> Res<Option<Entry<'a>>>,
) -> Res<Value<'a>> {
    let mut entries = Vec::new();
    match v.list() {
        Some(list) => {
            b.work(list.len() as u64)?;
            for item in list.iter() {
                if let Some(e) = one(&item).map_err(|f| Fail::ty(format!("{name}: {}", f.message)))? {
                    entries.push(e);
                }
            }
        }
        None => entries.extend(one(v).map_err(|f| Fail::ty(format!("{name}: {}", f.message)))?),
    }
    if entries.is_empty() {
        return Ok(Value::Nil);
    }
    let mut out = Vec::with_capacity(entries.len());
    for (i, mut e) in entries.into_iter().enumerate() {
        e.insert(Str::Borrowed("primary"), Value::Bool(i == 0));
        out.push(b.map(e)?);
    }
    b.array(out)
}

/// A non-empty text field (numbers are accepted and printed).
fn text<'a>(o: Obj<'_, 'a>, key: &str) -> Option<Value<'a>> {
    match o.get(key)? {
        Value::Str(s) if s.trim().is_empty() => None,
        v @ Value::Str(_) => Some(v),
        v @ (Value::Int(_) | Value::Float(_)) => Some(Value::from(v.to_string())),
        _ => None,
    }
}

fn entry_type<'a>(o: Obj<'_, 'a>) -> Value<'a> {
    text(o, "type").unwrap_or(Value::Str(Str::Borrowed("work")))
}

pub(crate) fn to_scim_emails<'a>(b: &mut Budget, args: &[Value<'a>]) -> Res<Value<'a>> {
    multi("toScimEmails", b, &args[0], &|v| match v {
        Value::Nil => Ok(None),
        Value::Str(s) if s.is_empty() => Ok(None),
        Value::Str(_) => Ok(Some(Entry::from([
            (Str::Borrowed("value"), v.clone()),
            (Str::Borrowed("type"), Value::Str(Str::Borrowed("work"))),
        ]))),
        other => Err(Fail::ty(format!("expected an email address (a string), not {}", other.kind_article()))),
    })
}

pub(crate) fn to_scim_phone_numbers<'a>(b: &mut Budget, args: &[Value<'a>]) -> Res<Value<'a>> {
    multi("toScimPhoneNumbers", b, &args[0], &|v| {
        let (kind, number) = match (v, v.obj()) {
            (Value::Nil, _) => return Ok(None),
            (Value::Str(s), _) if s.trim().is_empty() => return Ok(None),
            (Value::Str(_), _) => (Value::Str(Str::Borrowed("work")), v.clone()),
            (_, Some(o)) => match text(o, "number") {
                Some(n) => (entry_type(o), n),
                None => return Ok(None),
            },
            (other, None) => {
                return Err(Fail::ty(format!("expected a phone number {{type, number}}, not {}", other.kind_article())))
            }
        };
        Ok(Some(Entry::from([(Str::Borrowed("type"), kind), (Str::Borrowed("value"), number)])))
    })
}

pub(crate) fn to_scim_addresses<'a>(b: &mut Budget, args: &[Value<'a>]) -> Res<Value<'a>> {
    multi("toScimAddresses", b, &args[0], &|v| {
        let o = match (v, v.obj()) {
            (Value::Nil, _) => return Ok(None),
            (_, Some(o)) => o,
            (other, None) => {
                return Err(Fail::ty(format!("expected an address object, not {}", other.kind_article())))
            }
        };
        Ok(address(o))
    })
}

fn address<'a>(o: Obj<'_, 'a>) -> Option<Entry<'a>> {
    let street = match (text(o, "streetAddress"), text(o, "poBox")) {
        (Some(s), Some(p)) => Some(Value::from(format!("{}\n{}", s.as_str()?, p.as_str()?))),
        (s, p) => s.or(p),
    };
    let locality = text(o, "locality");
    let region = text(o, "region");
    let postal = text(o, "postalCode");
    let country = text(o, "country");
    let s = |v: &Option<Value<'a>>| v.as_ref().and_then(|v| v.as_str().map(str::to_string));
    let region_postal = [s(&region), s(&postal)].into_iter().flatten().collect::<Vec<_>>().join(" ");
    let city_line = [s(&locality), Some(region_postal).filter(|x| !x.is_empty())]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(", ");
    let lines: Vec<String> =
        [s(&street), Some(city_line).filter(|x| !x.is_empty()), s(&country)].into_iter().flatten().collect();
    if lines.is_empty() {
        return None;
    }
    let mut e = Entry::new();
    e.insert(Str::Borrowed("type"), entry_type(o));
    e.insert(Str::Borrowed("formatted"), Value::from(lines.join("\n")));
    for (key, v) in [
        ("streetAddress", street),
        ("locality", locality),
        ("region", region),
        ("postalCode", postal),
        ("country", country),
    ] {
        if let Some(v) = v {
            e.insert(Str::Borrowed(key), v);
        }
    }
    Some(e)
}
