//! Go's reference-time layouts (`2006-01-02T15:04:05Z07:00`): finding their elements, and
//! `Time.Format`, ported from Go's `time/format.go` element by element (parsing is in
//! `parse`).

use super::{Time, MONTH_NAMES, WEEKDAY_NAMES};

#[derive(Clone, Copy, PartialEq, Debug)]
pub(super) enum Std {
    LongMonth,
    Month,
    NumMonth,
    ZeroMonth,
    LongWeekDay,
    WeekDay,
    Day,
    UnderDay,
    ZeroDay,
    UnderYearDay,
    ZeroYearDay,
    Hour,
    Hour12,
    ZeroHour12,
    Minute,
    ZeroMinute,
    Second,
    ZeroSecond,
    LongYear,
    Year,
    PM,
    Pm,
    TZ,
    Iso(Tz),
    Num(Tz),
    /// Fractional seconds: digits, trailing zeros kept, separator.
    Frac(usize, bool, u8),
}

/// Shapes of numeric offsets: `0700`, `070000`, `07`, `07:00`, `07:00:00`.
#[derive(Clone, Copy, PartialEq, Debug)]
pub(super) enum Tz {
    Hhmm,
    Hhmmss,
    Hh,
    HhColonMm,
    HhColonMmColonSs,
}

fn starts_lower(s: &[u8]) -> bool {
    s.first().is_some_and(u8::is_ascii_lowercase)
}

/// Finds the first layout element: (text before, element, text after).
pub(super) fn next_std(layout: &str) -> (&str, Option<Std>, &str) {
    let l = layout.as_bytes();
    let at = |i: usize, n: usize, std: Std| (&layout[..i], Some(std), &layout[i + n..]);
    let has = |i: usize, s: &str| l.get(i..i + s.len()) == Some(s.as_bytes());
    for i in 0..l.len() {
        match l[i] {
            b'J' if has(i, "Jan") => {
                if has(i, "January") {
                    return at(i, 7, Std::LongMonth);
                }
                if !starts_lower(&l[i + 3..]) {
                    return at(i, 3, Std::Month);
                }
            }
            b'M' if l.len() >= i + 3 => {
                if has(i, "Mon") {
                    if has(i, "Monday") {
                        return at(i, 6, Std::LongWeekDay);
                    }
                    if !starts_lower(&l[i + 3..]) {
                        return at(i, 3, Std::WeekDay);
                    }
                }
                if has(i, "MST") {
                    return at(i, 3, Std::TZ);
                }
            }
            b'0' => {
                if let Some(&c @ b'1'..=b'6') = l.get(i + 1) {
                    let std =
                        [Std::ZeroMonth, Std::ZeroDay, Std::ZeroHour12, Std::ZeroMinute, Std::ZeroSecond, Std::Year]
                            [usize::from(c - b'1')];
                    return at(i, 2, std);
                }
                if has(i, "002") {
                    return at(i, 3, Std::ZeroYearDay);
                }
            }
            b'1' => {
                if l.get(i + 1) == Some(&b'5') {
                    return at(i, 2, Std::Hour);
                }
                return at(i, 1, Std::NumMonth);
            }
            b'2' => {
                if has(i, "2006") {
                    return at(i, 4, Std::LongYear);
                }
                return at(i, 1, Std::Day);
            }
            b'_' => {
                if l.get(i + 1) == Some(&b'2') {
                    if has(i + 1, "2006") {
                        return (&layout[..i + 1], Some(Std::LongYear), &layout[i + 5..]);
                    }
                    return at(i, 2, Std::UnderDay);
                }
                if has(i, "__2") {
                    return at(i, 3, Std::UnderYearDay);
                }
            }
            b'3' => return at(i, 1, Std::Hour12),
            b'4' => return at(i, 1, Std::Minute),
            b'5' => return at(i, 1, Std::Second),
            b'P' if l.get(i + 1) == Some(&b'M') => return at(i, 2, Std::PM),
            b'p' if l.get(i + 1) == Some(&b'm') => return at(i, 2, Std::Pm),
            b'-' | b'Z' => {
                let wrap = |tz| {
                    if l[i] == b'Z' {
                        Std::Iso(tz)
                    } else {
                        Std::Num(tz)
                    }
                };
                for (pat, n, tz) in [
                    ("070000", 7, Tz::Hhmmss),
                    ("07:00:00", 9, Tz::HhColonMmColonSs),
                    ("0700", 5, Tz::Hhmm),
                    ("07:00", 6, Tz::HhColonMm),
                    ("07", 3, Tz::Hh),
                ] {
                    if has(i + 1, pat) {
                        return at(i, n, wrap(tz));
                    }
                }
            }
            c @ (b'.' | b',') if matches!(l.get(i + 1), Some(b'0' | b'9')) => {
                let ch = l[i + 1];
                let mut j = i + 1;
                while j < l.len() && l[j] == ch {
                    j += 1;
                }
                if !l.get(j).is_some_and(u8::is_ascii_digit) {
                    return at(i, j - i, Std::Frac(j - (i + 1), ch == b'0', c));
                }
            }
            _ => {}
        }
    }
    (layout, None, "")
}

fn pad(out: &mut String, v: i64, width: usize) {
    if v < 0 {
        out.push('-');
    }
    out.push_str(&format!("{:0width$}", v.unsigned_abs()));
}

/// `Time.Format(layout)`.
pub(crate) fn format(t: &Time, layout: &str) -> String {
    let zone = t.zone();
    let (abbrev, offset) = (zone.abbrev.to_string(), zone.offset);
    let c = t.civil();
    let mut out = String::with_capacity(layout.len() + 10);
    let mut rest = layout;
    loop {
        let (prefix, std, suffix) = next_std(rest);
        out.push_str(prefix);
        let Some(std) = std else { break };
        rest = suffix;
        match std {
            Std::Year => pad(&mut out, c.year.abs() % 100, 2),
            Std::LongYear => pad(&mut out, c.year, 4),
            Std::Month => out.push_str(&MONTH_NAMES[c.month as usize - 1][..3]),
            Std::LongMonth => out.push_str(MONTH_NAMES[c.month as usize - 1]),
            Std::NumMonth => pad(&mut out, c.month.into(), 0),
            Std::ZeroMonth => pad(&mut out, c.month.into(), 2),
            Std::WeekDay => out.push_str(&WEEKDAY_NAMES[c.weekday as usize][..3]),
            Std::LongWeekDay => out.push_str(WEEKDAY_NAMES[c.weekday as usize]),
            Std::Day => pad(&mut out, c.day.into(), 0),
            Std::UnderDay => {
                if c.day < 10 {
                    out.push(' ');
                }
                pad(&mut out, c.day.into(), 0);
            }
            Std::ZeroDay => pad(&mut out, c.day.into(), 2),
            Std::UnderYearDay => out.push_str(&format!("{:>3}", c.yday)),
            Std::ZeroYearDay => pad(&mut out, c.yday.into(), 3),
            Std::Hour => pad(&mut out, c.hour.into(), 2),
            Std::Hour12 | Std::ZeroHour12 => {
                let h = if c.hour % 12 == 0 { 12 } else { c.hour % 12 };
                pad(&mut out, h.into(), if std == Std::Hour12 { 0 } else { 2 });
            }
            Std::Minute => pad(&mut out, c.min.into(), 0),
            Std::ZeroMinute => pad(&mut out, c.min.into(), 2),
            Std::Second => pad(&mut out, c.sec.into(), 0),
            Std::ZeroSecond => pad(&mut out, c.sec.into(), 2),
            Std::PM => out.push_str(if c.hour >= 12 { "PM" } else { "AM" }),
            Std::Pm => out.push_str(if c.hour >= 12 { "pm" } else { "am" }),
            Std::Iso(_) if offset == 0 => out.push('Z'),
            Std::Iso(tz) | Std::Num(tz) => {
                let a = offset.unsigned_abs();
                out.push(if offset < 0 { '-' } else { '+' });
                pad(&mut out, (a / 3600).into(), 2);
                if matches!(tz, Tz::HhColonMm | Tz::HhColonMmColonSs) {
                    out.push(':');
                }
                if tz != Tz::Hh {
                    pad(&mut out, (a / 60 % 60).into(), 2);
                }
                if matches!(tz, Tz::Hhmmss | Tz::HhColonMmColonSs) {
                    if tz == Tz::HhColonMmColonSs {
                        out.push(':');
                    }
                    pad(&mut out, (a % 60).into(), 2);
                }
            }
            Std::TZ if !abbrev.is_empty() => out.push_str(&abbrev),
            Std::TZ => {
                let m = offset / 60;
                out.push(if m < 0 { '-' } else { '+' });
                pad(&mut out, (m.abs() / 60).into(), 2);
                pad(&mut out, (m.abs() % 60).into(), 2);
            }
            Std::Frac(n, keep_zeros, sep) => {
                if !keep_zeros && (n == 0 || t.nanos == 0) {
                    continue;
                }
                let digits = format!("{:09}", t.nanos);
                let mut s = digits[..n.min(9)].to_string();
                if !keep_zeros {
                    s = s.trim_end_matches('0').to_string();
                    if s.is_empty() {
                        continue;
                    }
                }
                out.push(sep as char);
                out.push_str(&s);
            }
        }
    }
    out
}

/// Go's JSON form of a time (`RFC3339Nano`).
pub(crate) fn rfc3339_nano(t: &Time) -> String {
    format(t, "2006-01-02T15:04:05.999999999Z07:00")
}
