//! Parsing with Go's reference-time layouts (`date(value, layout)`), ported from Go's
//! `time.Parse`: fixed and variable-width fields, fractional seconds, numeric offsets and
//! zone abbreviations (matched against the given or local zone, else a fabricated one).

use super::format::{next_std, Std, Tz};
use super::{date, days_from_civil, days_in, is_leap, Location, Time, MONTH_NAMES, WEEKDAY_NAMES};

fn getnum(v: &str, fixed: bool) -> Option<(i64, &str)> {
    let b = v.as_bytes();
    if !b.first()?.is_ascii_digit() {
        return None;
    }
    if !b.get(1).is_some_and(u8::is_ascii_digit) {
        if fixed {
            return None;
        }
        return Some((i64::from(b[0] - b'0'), &v[1..]));
    }
    Some((i64::from(b[0] - b'0') * 10 + i64::from(b[1] - b'0'), &v[2..]))
}

fn lookup<'v>(table: &[&str], v: &'v str, len: Option<usize>) -> Option<(usize, &'v str)> {
    table.iter().enumerate().find_map(|(i, name)| {
        let name = &name[..len.unwrap_or(name.len())];
        let head = v.get(..name.len())?;
        head.eq_ignore_ascii_case(name).then(|| (i, &v[name.len()..]))
    })
}

/// Go's `skip`: matches literal layout text, where runs of spaces match runs of spaces.
fn skip<'v>(mut value: &'v str, mut prefix: &str) -> Option<&'v str> {
    while !prefix.is_empty() {
        if prefix.starts_with(' ') {
            if !value.is_empty() && !value.starts_with(' ') {
                return None;
            }
            prefix = prefix.trim_start_matches(' ');
            value = value.trim_start_matches(' ');
            continue;
        }
        let c = prefix.chars().next()?;
        value = value.strip_prefix(c)?;
        prefix = &prefix[c.len_utf8()..];
    }
    Some(value)
}

fn atoi(s: &str) -> Option<i64> {
    let (neg, digits) = match s.strip_prefix(['-', '+']) {
        Some(d) => (s.starts_with('-'), d),
        None => (false, s),
    };
    if digits.is_empty() || !digits.bytes().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let v: i64 = digits.parse().ok()?;
    Some(if neg { -v } else { v })
}

fn nanos(value: &str, n: usize) -> Option<i64> {
    let digits = value.get(1..n.min(10))?;
    let mut ns = atoi(digits)?;
    for _ in digits.len()..9 {
        ns *= 10;
    }
    Some(ns)
}

/// Go's `parseTimeZone`: length of a zone abbreviation at the start of `v`.
fn zone_len(v: &str) -> Option<usize> {
    let b = v.as_bytes();
    if b.len() < 3 {
        return None;
    }
    if v.starts_with("ChST") || v.starts_with("MeST") {
        return Some(4);
    }
    if v.starts_with("GMT") || b[0] == b'+' || b[0] == b'-' {
        let start = if v.starts_with("GMT") { 3 } else { 0 };
        let rest = &v[start..];
        let Some(sign_rest) = rest.strip_prefix(['+', '-']) else {
            return (start == 3).then_some(3);
        };
        let n = sign_rest.bytes().take_while(u8::is_ascii_digit).count();
        let ok = n > 0 && sign_rest[..n].parse::<u32>().is_ok_and(|x| x <= 23);
        return match (ok, start) {
            (true, _) => Some(start + 1 + n),
            (false, 3) => Some(3),
            _ => None,
        };
    }
    let upper = b.iter().take(6).take_while(|c| c.is_ascii_uppercase()).count();
    match upper {
        3 => Some(3),
        4 if b[3] == b'T' || v.starts_with("WITA") => Some(4),
        5 if b[4] == b'T' => Some(5),
        _ => None,
    }
}

/// Why a value does not match a layout; the message is only built when someone reads it
/// (`date(s)` tries several layouts and discards the failures).
#[derive(Debug)]
pub(crate) enum ParseFail {
    /// Layout element (byte range in the layout) and the value text from a byte offset.
    Cannot(usize, usize, usize),
    Extra(usize),
    Range(&'static str),
    DayOfYear,
}

impl ParseFail {
    pub(crate) fn message(&self, layout: &str, value: &str) -> String {
        let from = |i: usize| value.get(i..).unwrap_or_default();
        match *self {
            ParseFail::Cannot(a, b, v) => format!(
                "parsing time {value:?} as {layout:?}: cannot parse {:?} as {:?}",
                from(v),
                layout.get(a..b).unwrap_or_default()
            ),
            ParseFail::Extra(v) => format!("parsing time {value:?}: extra text: {:?}", from(v)),
            ParseFail::Range(what) => format!("parsing time {value:?}: {what} out of range"),
            ParseFail::DayOfYear => format!("parsing time {value:?}: day-of-year does not match"),
        }
    }
}

/// Go's `time.Parse` (`local` = Local) and `time.ParseInLocation` (`default` = `local` = loc).
pub(crate) fn parse(layout: &str, value: &str, default: &Location, local: &Location) -> Result<Time, ParseFail> {
    let off = |rest: &str| value.len() - rest.len();
    let range = ParseFail::Range;
    let (mut year, mut month, mut day, mut yday) = (0i64, -1i64, -1i64, -1i64);
    let (mut hour, mut min, mut sec, mut nsec) = (0i64, 0i64, 0i64, 0i64);
    let (mut utc, mut zone_offset, mut zone_name) = (false, None::<i64>, String::new());
    let (mut am, mut pm) = (false, false);
    let mut lay = layout;
    let mut v = value;
    loop {
        let (prefix, std, suffix) = next_std(lay);
        let lay_off = layout.len() - lay.len();
        let elem = (lay_off + prefix.len(), layout.len() - suffix.len());
        v = skip(v, prefix).ok_or(ParseFail::Cannot(lay_off, lay_off + prefix.len(), off(v)))?;
        let Some(std) = std else {
            if !v.is_empty() {
                return Err(ParseFail::Extra(off(v)));
            }
            break;
        };
        lay = suffix;
        let hold = v;
        let mut bad_range: Option<&str> = None;
        let step: Option<&str> = (|| -> Option<&str> {
            match std {
                Std::Year => {
                    let y = atoi(v.get(..2)?)?;
                    year = if y >= 69 { y + 1900 } else { y + 2000 };
                    Some(&v[2..])
                }
                Std::LongYear => {
                    if !v.as_bytes().first()?.is_ascii_digit() {
                        return None;
                    }
                    year = atoi(v.get(..4)?)?;
                    Some(&v[4..])
                }
                Std::Month | Std::LongMonth => {
                    let (m, r) = lookup(&MONTH_NAMES, v, (std == Std::Month).then_some(3))?;
                    month = m as i64 + 1;
                    Some(r)
                }
                Std::NumMonth | Std::ZeroMonth => {
                    let (m, r) = getnum(v, std == Std::ZeroMonth)?;
                    if !(1..=12).contains(&m) {
                        bad_range = Some("month");
                    }
                    month = m;
                    Some(r)
                }
                Std::WeekDay | Std::LongWeekDay => {
                    Some(lookup(&WEEKDAY_NAMES, v, (std == Std::WeekDay).then_some(3))?.1)
                }
                Std::Day | Std::UnderDay | Std::ZeroDay => {
                    let v = if std == Std::UnderDay { v.strip_prefix(' ').unwrap_or(v) } else { v };
                    let (d, r) = getnum(v, std == Std::ZeroDay)?;
                    day = d;
                    Some(r)
                }
                Std::UnderYearDay | Std::ZeroYearDay => {
                    let mut w = v;
                    if std == Std::UnderYearDay {
                        for _ in 0..2 {
                            w = w.strip_prefix(' ').unwrap_or(w);
                        }
                    }
                    let n = w.bytes().take(3).take_while(u8::is_ascii_digit).count();
                    if n == 0 || (std == Std::ZeroYearDay && n != 3) {
                        return None;
                    }
                    yday = w[..n].parse().ok()?;
                    Some(&w[n..])
                }
                Std::Hour | Std::Hour12 | Std::ZeroHour12 => {
                    let (h, r) = getnum(v, std == Std::ZeroHour12)?;
                    if h >= if std == Std::Hour { 24 } else { 13 } {
                        bad_range = Some("hour");
                    }
                    hour = h;
                    Some(r)
                }
                Std::Minute | Std::ZeroMinute => {
                    let (m, r) = getnum(v, std == Std::ZeroMinute)?;
                    if m >= 60 {
                        bad_range = Some("minute");
                    }
                    min = m;
                    Some(r)
                }
                Std::Second | Std::ZeroSecond => {
                    let (s, mut r) = getnum(v, std == Std::ZeroSecond)?;
                    if s >= 60 {
                        bad_range = Some("second");
                        return Some(r);
                    }
                    sec = s;
                    let b = r.as_bytes();
                    if b.len() >= 2 && matches!(b[0], b'.' | b',') && b[1].is_ascii_digit() {
                        let (_, next, _) = next_std(lay);
                        if !matches!(next, Some(Std::Frac(..))) {
                            let n = 1 + r[1..].bytes().take_while(u8::is_ascii_digit).count();
                            nsec = nanos(r, n)?;
                            r = &r[n..];
                        }
                    }
                    Some(r)
                }
                Std::PM | Std::Pm => {
                    let p = v.get(..2)?;
                    let (a, b) = if std == Std::PM { ("AM", "PM") } else { ("am", "pm") };
                    if p == a {
                        am = true;
                    } else if p == b {
                        pm = true;
                    } else {
                        return None;
                    }
                    Some(&v[2..])
                }
                Std::Iso(_) if v.starts_with('Z') => {
                    utc = true;
                    Some(&v[1..])
                }
                Std::Iso(tz) | Std::Num(tz) => {
                    let b = v.as_bytes();
                    let part = |a: usize, z: usize| v.get(a..z);
                    let (sign, h, m, s, len) = match tz {
                        Tz::HhColonMm if b.len() >= 6 && b[3] == b':' => (b[0], part(1, 3)?, part(4, 6)?, "00", 6),
                        Tz::Hh if b.len() >= 3 => (b[0], part(1, 3)?, "00", "00", 3),
                        Tz::HhColonMmColonSs if b.len() >= 9 && b[3] == b':' && b[6] == b':' => {
                            (b[0], part(1, 3)?, part(4, 6)?, part(7, 9)?, 9)
                        }
                        Tz::Hhmmss if b.len() >= 7 => (b[0], part(1, 3)?, part(3, 5)?, part(5, 7)?, 7),
                        Tz::Hhmm if b.len() >= 5 => (b[0], part(1, 3)?, part(3, 5)?, "00", 5),
                        _ => return None,
                    };
                    let num = |x: &str| getnum(x, true).map(|(n, _)| n);
                    let (hh, mm, ss) = (num(h)?, num(m)?, num(s)?);
                    if hh > 24 || mm > 60 || ss > 60 {
                        bad_range = Some("time zone offset");
                    }
                    let off = (hh * 60 + mm) * 60 + ss;
                    zone_offset = Some(match sign {
                        b'+' => off,
                        b'-' => -off,
                        _ => return None,
                    });
                    v.get(len..)
                }
                Std::TZ => {
                    if let Some(r) = v.strip_prefix("UTC") {
                        utc = true;
                        return Some(r);
                    }
                    let n = zone_len(v)?;
                    zone_name = v[..n].to_string();
                    Some(&v[n..])
                }
                Std::Frac(n, true, _) => {
                    let nd = 1 + n;
                    let b = v.as_bytes();
                    if b.len() < nd || !matches!(b[0], b'.' | b',') || !b[1..nd].iter().all(u8::is_ascii_digit) {
                        return None;
                    }
                    nsec = nanos(v, nd)?;
                    Some(&v[nd..])
                }
                Std::Frac(_, false, _) => {
                    let b = v.as_bytes();
                    if b.len() < 2 || !matches!(b[0], b'.' | b',') || !b[1].is_ascii_digit() {
                        return Some(v);
                    }
                    let n = 1 + v[1..].bytes().take_while(u8::is_ascii_digit).count();
                    nsec = nanos(v, n)?;
                    Some(&v[n..])
                }
            }
        })();
        if let Some(what) = bad_range {
            return Err(range(what));
        }
        v = step.ok_or(ParseFail::Cannot(elem.0, elem.1, off(hold)))?;
    }
    if pm && hour < 12 {
        hour += 12;
    } else if am && hour == 12 {
        hour = 0;
    }
    if yday >= 0 {
        let (mut d, mut m) = (0i64, 0i64);
        let mut yd = yday;
        if is_leap(year) {
            if yd == 31 + 29 {
                m = 2;
                d = 29;
            } else if yd > 31 + 29 {
                yd -= 1;
            }
        }
        if !(1..=365).contains(&yd) {
            return Err(range("day-of-year"));
        }
        if m == 0 {
            let base = days_from_civil(2001, 1, 1);
            let (_, mm, dd) = super::civil_from_days(base + yd - 1);
            m = i64::from(mm);
            d = i64::from(dd);
        }
        if (month >= 0 && month != m) || (day >= 0 && day != d) {
            return Err(ParseFail::DayOfYear);
        }
        month = m;
        day = d;
    } else {
        month = month.max(1);
        if day < 0 {
            day = 1;
        }
    }
    if day < 1 || day > i64::from(days_in(month.clamp(1, 12) as u32, year)) {
        return Err(range("day"));
    }
    let build = |loc: &Location| date(year, month, day, hour, min, sec, nsec, loc).ok_or(range("date"));
    if utc {
        return build(&Location::utc());
    }
    if let Some(off) = zone_offset {
        let t = build(&Location::utc())?;
        let t = Time { secs: t.secs - off, ..t };
        let info = local.lookup(t.secs);
        if i64::from(info.offset) == off && (zone_name.is_empty() || info.abbrev == zone_name) {
            return Ok(t.with_loc(local.clone()));
        }
        return Ok(t.with_loc(Location::fixed(&zone_name, off as i32)));
    }
    if !zone_name.is_empty() {
        let t = build(&Location::utc())?;
        if let Some(off) = local.lookup_name(&zone_name, t.secs) {
            return Ok(Time { secs: t.secs - i64::from(off), ..t }.with_loc(local.clone()));
        }
        let off = match zone_name.strip_prefix("GMT") {
            Some(rest) if !rest.is_empty() => atoi(rest).unwrap_or(0) * 3600,
            _ => 0,
        };
        return Ok(t.with_loc(Location::fixed(&zone_name, off as i32)));
    }
    build(default)
}
