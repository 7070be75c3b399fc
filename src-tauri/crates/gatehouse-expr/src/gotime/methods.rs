//! Methods callable on dates, durations, time zones, months and weekdays
//! (`date(x).Format("2006-01-02")`, `duration("1h").Seconds()`), resolved by name at
//! compile time and dispatched on the receiver's type at run time.

use super::{date, duration_string, format, Location, Time, SECOND};
use crate::error::{Fail, Res};
use crate::value::Value;

macro_rules! methods {
    ($($v:ident $name:literal $arity:literal $doc:literal,)*) => {
        /// A method of Go's `time` types.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum Method { $($v,)* }

        /// (method, name, number of arguments, one-line description)
        pub(crate) const METHODS: &[(Method, &str, usize, &str)] = &[$((Method::$v, $name, $arity, $doc),)*];
    };
}

methods! {
    Year "Year" 0 "year of a date",
    Month "Month" 0 "month of a date (1-12; .String() gives its name)",
    Day "Day" 0 "day of the month",
    Hour "Hour" 0 "hour (0-23)",
    Minute "Minute" 0 "minute",
    Second "Second" 0 "second",
    Nanosecond "Nanosecond" 0 "nanoseconds within the second",
    YearDay "YearDay" 0 "day of the year (1-366)",
    Weekday "Weekday" 0 "day of the week (.String() gives its name)",
    Unix "Unix" 0 "seconds since 1970-01-01 UTC",
    UnixMilli "UnixMilli" 0 "milliseconds since 1970-01-01 UTC",
    UnixMicro "UnixMicro" 0 "microseconds since 1970-01-01 UTC",
    UnixNano "UnixNano" 0 "nanoseconds since 1970-01-01 UTC",
    Format "Format" 1 "formats with a Go layout, e.g. \"2006-01-02\"",
    String "String" 0 "text form",
    In "In" 1 "the same instant in another time zone",
    Utc "UTC" 0 "the same instant in UTC",
    Local "Local" 0 "the same instant in the machine's time zone",
    Location "Location" 0 "time zone of a date",
    Add "Add" 1 "adds a duration",
    Sub "Sub" 1 "duration between two dates",
    AddDate "AddDate" 3 "adds years, months and days",
    Before "Before" 1 "whether a date is before another",
    After "After" 1 "whether a date is after another",
    Equal "Equal" 1 "whether two dates are the same instant",
    Compare "Compare" 1 "-1, 0 or +1",
    Round "Round" 1 "rounds to a multiple of a duration",
    Truncate "Truncate" 1 "rounds down to a multiple of a duration",
    IsZero "IsZero" 0 "whether a date is Go's zero time (0001-01-01)",
    IsDST "IsDST" 0 "whether daylight saving time is in effect",
    Hours "Hours" 0 "duration in hours (float)",
    Minutes "Minutes" 0 "duration in minutes (float)",
    Seconds "Seconds" 0 "duration in seconds (float)",
    Milliseconds "Milliseconds" 0 "duration in whole milliseconds",
    Microseconds "Microseconds" 0 "duration in whole microseconds",
    Nanoseconds "Nanoseconds" 0 "duration in nanoseconds",
    Abs "Abs" 0 "absolute value of a duration",
}

impl Method {
    pub(crate) fn lookup(name: &str) -> Option<(Method, usize)> {
        METHODS.iter().find(|m| m.1 == name).map(|m| (m.0, m.2))
    }
    pub(crate) fn name(self) -> &'static str {
        METHODS.iter().find(|m| m.0 == self).map_or("?", |m| m.1)
    }
}

fn no_method(recv: &Value<'_>, m: Method) -> Fail {
    Fail::ty(format!("{} has no method {}", recv.kind_article(), m.name()))
}

fn arg_time<'v>(args: &'v [Value<'_>], m: Method) -> Res<&'v Time> {
    match args.first() {
        Some(Value::Time(t)) => Ok(t),
        Some(v) => Err(Fail::ty(format!("{} expects a date, not {}", m.name(), v.kind_article()))),
        None => Err(Fail::ty(format!("{} expects a date", m.name()))),
    }
}

fn arg_duration(args: &[Value<'_>], m: Method) -> Res<i64> {
    match args.first() {
        Some(Value::Duration(d)) => Ok(*d),
        Some(v) => Err(Fail::ty(format!("{} expects a duration, not {}", m.name(), v.kind_article()))),
        None => Err(Fail::ty(format!("{} expects a duration", m.name()))),
    }
}

fn arg_int(v: &Value<'_>, m: Method) -> Res<i64> {
    match v {
        Value::Int(i) => Ok(*i),
        v => Err(Fail::ty(format!("{} expects integers, not {}", m.name(), v.kind_article()))),
    }
}

fn out_of_range() -> Fail {
    Fail::runtime("date out of range")
}

pub(crate) fn call<'a>(m: Method, recv: &Value<'a>, args: &[Value<'a>]) -> Res<Value<'a>> {
    match recv {
        Value::Time(t) => time_method(m, t, args).ok_or_else(|| no_method(recv, m))?,
        Value::Duration(d) => duration_method(m, *d, args).ok_or_else(|| no_method(recv, m))?,
        Value::Location(l) if m == Method::String => Ok(Value::from(l.name().to_string())),
        Value::Month(_) | Value::Weekday(_) if m == Method::String => Ok(Value::from(recv.to_string())),
        _ => Err(no_method(recv, m)),
    }
}

fn time_method<'a>(m: Method, t: &Time, args: &[Value<'a>]) -> Option<Res<Value<'a>>> {
    let c = || t.civil();
    let int = |i: i64| Some(Ok(Value::Int(i)));
    let (secs, nanos) = (i128::from(t.secs), i128::from(t.nanos));
    let unix_scaled = |per_sec: i128| {
        let v = secs * per_sec + nanos / (1_000_000_000 / per_sec);
        int(v.clamp(i128::from(i64::MIN), i128::from(i64::MAX)) as i64)
    };
    match m {
        Method::Year => int(c().year),
        Method::Month => Some(Ok(Value::Month(c().month as u8))),
        Method::Day => int(c().day.into()),
        Method::Hour => int(c().hour.into()),
        Method::Minute => int(c().min.into()),
        Method::Second => int(c().sec.into()),
        Method::Nanosecond => int(t.nanos.into()),
        Method::YearDay => int(c().yday.into()),
        Method::Weekday => Some(Ok(Value::Weekday(c().weekday as u8))),
        Method::Unix => int(t.secs),
        Method::UnixMilli => unix_scaled(1_000),
        Method::UnixMicro => unix_scaled(1_000_000),
        Method::UnixNano => unix_scaled(1_000_000_000),
        Method::Format => Some(match args.first().and_then(Value::as_str) {
            Some(layout) => Ok(Value::from(format::format(t, layout))),
            None => Err(Fail::ty("Format expects a layout string")),
        }),
        Method::String => Some(Ok(Value::from(t.go_string()))),
        Method::In => Some(match args.first() {
            Some(Value::Location(l)) => Ok(Value::Time(t.with_loc(l.clone()))),
            _ => Err(Fail::ty("In expects a time zone, e.g. timezone(\"Europe/Zurich\")")),
        }),
        Method::Utc => Some(Ok(Value::Time(t.with_loc(Location::utc())))),
        Method::Local => Some(Ok(Value::Time(t.with_loc(Location::local())))),
        Method::Location => Some(Ok(Value::Location(t.loc.clone()))),
        Method::Add => Some(
            arg_duration(args, m).and_then(|d| t.add_nanos(i128::from(d)).map(Value::Time).ok_or_else(out_of_range)),
        ),
        Method::Sub => Some(arg_time(args, m).map(|u| Value::Duration(t.sub(u)))),
        Method::AddDate => Some((|| {
            let get = |i: usize| args.get(i).unwrap_or(&Value::Nil);
            let (y, mo, d) = (arg_int(get(0), m)?, arg_int(get(1), m)?, arg_int(get(2), m)?);
            let c = t.civil();
            let r = date(
                c.year.saturating_add(y),
                i64::from(c.month).saturating_add(mo),
                i64::from(c.day).saturating_add(d),
                c.hour.into(),
                c.min.into(),
                c.sec.into(),
                t.nanos.into(),
                &t.loc,
            );
            r.map(Value::Time).ok_or_else(out_of_range)
        })()),
        Method::Before | Method::After | Method::Equal | Method::Compare => Some(arg_time(args, m).map(|u| {
            let ord = t.instant().cmp(&u.instant());
            match m {
                Method::Before => Value::Bool(ord.is_lt()),
                Method::After => Value::Bool(ord.is_gt()),
                Method::Equal => Value::Bool(ord.is_eq()),
                _ => Value::Int(ord as i64),
            }
        })),
        Method::Round | Method::Truncate => Some(arg_duration(args, m).and_then(|d| {
            if d <= 0 {
                return Ok(Value::Time(t.clone()));
            }
            let r = t.since_zero().rem_euclid(i128::from(d));
            let delta = if m == Method::Round && (r as u128) * 2 >= d as u128 { i128::from(d) - r } else { -r };
            t.add_nanos(delta).map(Value::Time).ok_or_else(out_of_range)
        })),
        Method::IsZero => Some(Ok(Value::Bool(t.since_zero() == 0))),
        Method::IsDST => Some(Ok(Value::Bool(t.zone().dst))),
        _ => None,
    }
}

fn duration_method<'a>(m: Method, d: i64, args: &[Value<'a>]) -> Option<Res<Value<'a>>> {
    let per = |unit: i64| (d / unit) as f64 + (d % unit) as f64 / unit as f64;
    Some(Ok(match m {
        Method::Hours => Value::Float(per(3600 * SECOND)),
        Method::Minutes => Value::Float(per(60 * SECOND)),
        Method::Seconds => Value::Float(per(SECOND)),
        Method::Milliseconds => Value::Int(d / 1_000_000),
        Method::Microseconds => Value::Int(d / 1_000),
        Method::Nanoseconds => Value::Int(d),
        Method::String => Value::from(duration_string(d)),
        Method::Abs => Value::Duration(if d == i64::MIN { i64::MAX } else { d.abs() }),
        Method::Truncate => match arg_duration(args, m) {
            Ok(u) if u <= 0 => Value::Duration(d),
            Ok(u) => Value::Duration(d - d % u),
            Err(e) => return Some(Err(e)),
        },
        Method::Round => match arg_duration(args, m) {
            Ok(u) => Value::Duration(round_duration(d, u)),
            Err(e) => return Some(Err(e)),
        },
        _ => return None,
    }))
}

/// Go's `Duration.Round`: halfway values round away from zero; saturates on overflow.
fn round_duration(d: i64, m: i64) -> i64 {
    if m <= 0 {
        return d;
    }
    let mut r = d % m;
    if d < 0 {
        r = -r;
        if (r as u64) + (r as u64) < m as u64 {
            return d + r;
        }
        return d.checked_sub(m - r).unwrap_or(i64::MIN);
    }
    if (r as u64) + (r as u64) < m as u64 {
        return d - r;
    }
    d.checked_add(m - r).unwrap_or(i64::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn duration_rounding_matches_go() {
        let h = 3600 * SECOND;
        assert_eq!(round_duration(89 * 60 * SECOND, h), h);
        assert_eq!(round_duration(90 * 60 * SECOND, h), 2 * h);
        assert_eq!(round_duration(-90 * 60 * SECOND, h), -2 * h);
    }
}
