//! `now`, `date`, `duration`, `timezone`: the date builtins of expr-lang. `date(s)` tries
//! the same layouts in the same order as expr-lang (date, time, date and time, RFC 3339,
//! RFC 822, RFC 850, RFC 1123); `date(s, layout[, zone])` parses with a Go layout.

use super::str_arg;
use crate::error::{Fail, Res};
use crate::gotime::{parse, parse_duration, Location, Time};
use crate::limits::Budget;
use crate::value::Value;

const LAYOUTS: [&str; 7] = [
    "2006-01-02",
    "15:04:05",
    "2006-01-02 15:04:05",
    "2006-01-02T15:04:05Z07:00",
    "02 Jan 06 15:04 MST",
    "Monday, 02-Jan-06 15:04:05 MST",
    "Mon, 02 Jan 2006 15:04:05 MST",
];

pub(super) fn now<'a>(_: &mut Budget, args: &[Value<'a>]) -> Res<Value<'a>> {
    match args.first() {
        None => Ok(Value::Time(Time::now())),
        Some(Value::Location(l)) => Ok(Value::Time(Time::now().with_loc(l.clone()))),
        Some(v) => Err(Fail::ty(format!("now expects a time zone, not {}", v.kind_article()))),
    }
}

pub(super) fn duration<'a>(_: &mut Budget, args: &[Value<'a>]) -> Res<Value<'a>> {
    let s = str_arg("duration", args, 0)?;
    parse_duration(s).map(Value::Duration).map_err(Fail::runtime)
}

pub(super) fn timezone<'a>(b: &mut Budget, args: &[Value<'a>]) -> Res<Value<'a>> {
    let s = str_arg("timezone", args, 0)?;
    b.work(10)?;
    Location::load(s).map(Value::Location).map_err(Fail::runtime)
}

pub(super) fn date<'a>(b: &mut Budget, args: &[Value<'a>]) -> Res<Value<'a>> {
    let (zone, args) = match args.first() {
        Some(Value::Location(l)) => (Some(l.clone()), &args[1..]),
        _ => (None, args),
    };
    if args.is_empty() || args.len() > 3 {
        return Err(Fail::ty("date expects a date string, then optionally a layout and a time zone name"));
    }
    let value = str_arg("date", args, 0)?;
    // Parsing is costly next to other steps: weigh it so loops of dates stay bounded in time.
    b.work(20 + value.len() as u64)?;
    let parse = |layout: &str, zone: &Option<Location>| match zone {
        Some(l) => parse::parse(layout, value, l, l),
        None => parse::parse(layout, value, &Location::utc(), &Location::local()),
    };
    fn failed<'l>(layout: &'l str, value: &'l str) -> impl Fn(parse::ParseFail) -> Fail + 'l {
        move |f| Fail::runtime(f.message(layout, value))
    }
    let t = match args.len() {
        2 => {
            let layout = str_arg("date", args, 1)?;
            parse(layout, &zone).map_err(failed(layout, value))?
        }
        3 => {
            let name = str_arg("date", args, 2)?;
            let l = Location::load(name).map_err(|_| Fail::runtime(format!("unknown time zone {name}")))?;
            let layout = str_arg("date", args, 1)?;
            parse(layout, &Some(l)).map_err(failed(layout, value))?
        }
        _ => LAYOUTS
            .iter()
            .find_map(|layout| parse(layout, &zone).ok())
            .ok_or_else(|| Fail::runtime(format!("invalid date {value}")))?,
    };
    Ok(Value::Time(t))
}
