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

/// The fields of one SCIM entry, sorted by name, without `primary`.
type Fields<'a> = Vec<(Str<'a>, Value<'a>)>;

/// Builds one entry from fields listed in key order, adding `primary` in its place.
fn entry<'a>(b: &mut Budget, fields: Fields<'a>, primary: bool) -> Res<Value<'a>> {
    let mut entries = fields;
    let at = entries.partition_point(|(k, _)| &**k < "primary");
    entries.insert(at, (Str::Borrowed("primary"), Value::Bool(primary)));
    b.map_sorted(entries)
}

/// Maps one element or an array of elements to SCIM entries, marking the first primary.
fn multi<'a>(
    name: &str,
    b: &mut Budget,
    v: &Value<'a>,
    one: &dyn Fn(&Value<'a>) -> Res<Option<Fields<'a>>>,
) -> Res<Value<'a>> {
    let wrap = |f: Fail| Fail::ty(format!("{name}: {}", f.message));
    let Some(list) = v.list() else {
        // One element: no intermediate list.
        let Some(fields) = one(v).map_err(wrap)? else {
            return Ok(Value::Nil);
        };
        let e = entry(b, fields, true)?;
        return b.array(vec![e]);
    };
    b.work(list.len() as u64)?;
    let mut out = Vec::new();
    for item in list.iter() {
        if let Some(fields) = one(&item).map_err(wrap)? {
            let primary = out.is_empty();
            out.push(entry(b, fields, primary)?);
        }
    }
    if out.is_empty() {
        return Ok(Value::Nil);
    }
    b.array(out)
}

fn blank(s: &str) -> bool {
    // Fast path: text starting with a visible ASCII character is not blank.
    !s.as_bytes().first().is_some_and(|b| b.is_ascii_graphic()) && s.trim().is_empty()
}

/// A non-empty text field (numbers are accepted and printed).
fn text(v: Value<'_>) -> Option<Value<'_>> {
    match v {
        Value::Str(s) if blank(&s) => None,
        v @ Value::Str(_) => Some(v),
        v @ (Value::Int(_) | Value::Float(_)) => Some(Value::from(v.to_string())),
        _ => None,
    }
}

/// The present fields, listed in key order, with room for `primary`.
fn fields<'a, const N: usize>(list: [(&'static str, Option<Value<'a>>); N]) -> Fields<'a> {
    let mut out = Vec::with_capacity(N + 1);
    for (k, v) in list {
        if let Some(v) = v {
            out.push((Str::Borrowed(k), v));
        }
    }
    out
}

fn work<'a>() -> Value<'a> {
    Value::Str(Str::Borrowed("work"))
}

pub(crate) fn to_scim_emails<'a>(b: &mut Budget, args: &[Value<'a>]) -> Res<Value<'a>> {
    multi("toScimEmails", b, &args[0], &|v| match v {
        Value::Nil => Ok(None),
        Value::Str(s) if s.is_empty() => Ok(None),
        Value::Str(_) => Ok(Some(fields([("type", Some(work())), ("value", Some(v.clone()))]))),
        other => Err(Fail::ty(format!("expected an email address (a string), not {}", other.kind_article()))),
    })
}

pub(crate) fn to_scim_phone_numbers<'a>(b: &mut Budget, args: &[Value<'a>]) -> Res<Value<'a>> {
    multi("toScimPhoneNumbers", b, &args[0], &|v| {
        let (kind, number) = match (v, v.obj()) {
            (Value::Nil, _) => return Ok(None),
            (Value::Str(s), _) if blank(s) => return Ok(None),
            (Value::Str(_), _) => (None, Some(v.clone())),
            (_, Some(o)) => {
                let (mut kind, mut number) = (None, None);
                o.for_each(|k, v| match k {
                    "type" => kind = text(v),
                    "number" => number = text(v),
                    _ => {}
                });
                (kind, number)
            }
            (other, None) => {
                return Err(Fail::ty(format!("expected a phone number {{type, number}}, not {}", other.kind_article())))
            }
        };
        Ok(number.map(|n| fields([("type", Some(kind.unwrap_or_else(work))), ("value", Some(n))])))
    })
}

pub(crate) fn to_scim_addresses<'a>(b: &mut Budget, args: &[Value<'a>]) -> Res<Value<'a>> {
    multi("toScimAddresses", b, &args[0], &|v| match (v, v.obj()) {
        (Value::Nil, _) => Ok(None),
        (_, Some(o)) => Ok(address(o)),
        (other, None) => Err(Fail::ty(format!("expected an address object, not {}", other.kind_article()))),
    })
}

#[derive(Default)]
struct Address<'a> {
    kind: Option<Value<'a>>,
    street: Option<Value<'a>>,
    po_box: Option<Value<'a>>,
    locality: Option<Value<'a>>,
    region: Option<Value<'a>>,
    postal: Option<Value<'a>>,
    country: Option<Value<'a>>,
}

fn address<'a>(o: Obj<'_, 'a>) -> Option<Fields<'a>> {
    let mut a = Address::default();
    o.for_each(|k, v| {
        let slot = match k {
            "type" => &mut a.kind,
            "streetAddress" => &mut a.street,
            "poBox" => &mut a.po_box,
            "locality" => &mut a.locality,
            "region" => &mut a.region,
            "postalCode" => &mut a.postal,
            "country" => &mut a.country,
            _ => return,
        };
        *slot = text(v);
    });
    let street = match (a.street, a.po_box) {
        (Some(s), Some(p)) => Some(Value::from(format!("{}\n{}", s.as_str()?, p.as_str()?))),
        (s, p) => s.or(p),
    };
    let formatted = formatted(&street, &a.locality, &a.region, &a.postal, &a.country)?;
    Some(fields([
        ("country", a.country),
        ("formatted", Some(Value::from(formatted))),
        ("locality", a.locality),
        ("postalCode", a.postal),
        ("region", a.region),
        ("streetAddress", street),
        ("type", Some(a.kind.unwrap_or_else(work))),
    ]))
}

/// "street\nlocality, region postalCode\ncountry" without the empty parts; `None` if all are.
fn formatted(
    street: &Option<Value<'_>>,
    locality: &Option<Value<'_>>,
    region: &Option<Value<'_>>,
    postal: &Option<Value<'_>>,
    country: &Option<Value<'_>>,
) -> Option<String> {
    let s = |v: &Option<Value<'_>>| v.as_ref().and_then(|v| v.as_str().map(str::len)).unwrap_or(0);
    let mut out = String::with_capacity(s(street) + s(locality) + s(region) + s(postal) + s(country) + 6);
    let text = |v: &Option<Value<'_>>, out: &mut String| {
        if let Some(t) = v.as_ref().and_then(Value::as_str) {
            out.push_str(t);
        }
    };
    let line = |out: &mut String, parts: &dyn Fn(&mut String)| {
        let before = out.len();
        if before > 0 {
            out.push('\n');
        }
        let start = out.len();
        parts(out);
        if out.len() == start {
            out.truncate(before);
        }
    };
    line(&mut out, &|o| text(street, o));
    line(&mut out, &|o| {
        text(locality, o);
        if s(region) + s(postal) > 0 {
            if s(locality) > 0 {
                o.push_str(", ");
            }
            text(region, o);
            if s(region) > 0 && s(postal) > 0 {
                o.push(' ');
            }
            text(postal, o);
        }
    });
    line(&mut out, &|o| text(country, o));
    (!out.is_empty()).then_some(out)
}
