//! Go's `time` package semantics, as far as expressions can reach them: `time.Time` (an
//! instant plus a location), `time.Duration` (nanoseconds), `time.Location` (UTC, fixed
//! offsets, IANA zones read from the system's zoneinfo), calendar arithmetic with Go's
//! normalisation (`2023-01-31` plus one month is `2023-03-03`) and Go's layout strings.

mod duration;
pub(crate) mod format;
pub(crate) mod methods;
pub(crate) mod parse;
mod tz;

use std::fmt;
use std::sync::{Arc, Mutex, OnceLock};

pub(crate) use duration::{duration_string, parse_duration};
use tz::Zone;

pub(crate) const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
pub(crate) const WEEKDAY_NAMES: [&str; 7] =
    ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

pub(crate) const SECOND: i64 = 1_000_000_000;
/// Seconds from 0001-01-01 (Go's zero time) to 1970-01-01.
const ZERO_TO_UNIX: i64 = 62_135_596_800;

/// A time zone.
#[derive(Clone)]
pub struct Location(Arc<LocInner>);

struct LocInner {
    name: String,
    kind: LocKind,
}

enum LocKind {
    Utc,
    Fixed { abbrev: String, offset: i32 },
    Zone(Zone),
}

/// The zone in effect at an instant.
pub(crate) struct ZoneInfo<'l> {
    pub abbrev: &'l str,
    pub offset: i32,
    pub dst: bool,
}

impl fmt::Debug for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Location({:?})", self.0.name)
    }
}

impl Location {
    pub fn utc() -> Location {
        static UTC: OnceLock<Location> = OnceLock::new();
        UTC.get_or_init(|| Location(Arc::new(LocInner { name: "UTC".into(), kind: LocKind::Utc }))).clone()
    }

    pub fn fixed(name: &str, offset: i32) -> Location {
        Location(Arc::new(LocInner { name: name.into(), kind: LocKind::Fixed { abbrev: name.into(), offset } }))
    }

    /// The machine's zone (`TZ`, else `/etc/localtime`, else UTC), named "Local" as in Go.
    pub fn local() -> Location {
        static LOCAL: OnceLock<Location> = OnceLock::new();
        LOCAL
            .get_or_init(|| {
                let zone = match std::env::var("TZ") {
                    Err(_) => tz::read_file("/etc/localtime"),
                    Ok(tz) if tz.is_empty() || tz == "UTC" => None,
                    Ok(tz) => {
                        let tz = tz.trim_start_matches(':');
                        if tz.starts_with('/') {
                            tz::read_file(tz)
                        } else {
                            tz::load(tz)
                        }
                    }
                };
                let kind = zone.map_or(LocKind::Utc, LocKind::Zone);
                Location(Arc::new(LocInner { name: "Local".into(), kind }))
            })
            .clone()
    }

    /// Go's `time.LoadLocation`; loaded zones are cached for the life of the process.
    pub fn load(name: &str) -> Result<Location, String> {
        static CACHE: OnceLock<Mutex<Vec<Location>>> = OnceLock::new();
        match name {
            "" | "UTC" => return Ok(Location::utc()),
            "Local" => return Ok(Location::local()),
            _ => {}
        }
        let bad = || format!("unknown time zone {name}");
        if name.len() > 128 || name.contains("..") || name.starts_with(['/', '\\']) || name.contains('\0') {
            return Err(bad());
        }
        let cache = CACHE.get_or_init(|| Mutex::new(Vec::new()));
        let mut cache = cache.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(l) = cache.iter().find(|l| l.name() == name) {
            return Ok(l.clone());
        }
        let zone = tz::load(name).ok_or_else(bad)?;
        let loc = Location(Arc::new(LocInner { name: name.into(), kind: LocKind::Zone(zone) }));
        if cache.len() < 64 {
            cache.push(loc.clone());
        }
        Ok(loc)
    }

    /// Go's `Location.String()`.
    pub fn name(&self) -> &str {
        &self.0.name
    }

    pub(crate) fn lookup(&self, unix: i64) -> ZoneInfo<'_> {
        match &self.0.kind {
            LocKind::Utc => ZoneInfo { abbrev: "UTC", offset: 0, dst: false },
            LocKind::Fixed { abbrev, offset } => ZoneInfo { abbrev, offset: *offset, dst: false },
            LocKind::Zone(z) => z.lookup(unix),
        }
    }

    /// Offset of the zone abbreviation `abbrev` around `unix` (Go's `lookupName`).
    pub(crate) fn lookup_name(&self, abbrev: &str, unix: i64) -> Option<i32> {
        match &self.0.kind {
            LocKind::Utc => (abbrev == "UTC").then_some(0),
            LocKind::Fixed { abbrev: a, offset } => (a == abbrev).then_some(*offset),
            LocKind::Zone(z) => {
                for t in z.types().iter().filter(|t| t.abbrev == abbrev) {
                    let info = z.lookup(unix - i64::from(t.offset));
                    if info.abbrev == t.abbrev {
                        return Some(info.offset);
                    }
                }
                z.types().iter().find(|t| t.abbrev == abbrev).map(|t| t.offset)
            }
        }
    }

    pub(crate) fn same(&self, other: &Location) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

/// An instant with a location, like Go's `time.Time`.
#[derive(Clone, Debug)]
pub struct Time {
    pub(crate) secs: i64,
    pub(crate) nanos: u32,
    pub(crate) loc: Location,
}

/// Calendar fields of a time in its own location.
pub(crate) struct Civil {
    pub year: i64,
    pub month: u32,
    pub day: u32,
    pub hour: u32,
    pub min: u32,
    pub sec: u32,
    pub yday: u32,
    pub weekday: u32,
}

impl Time {
    pub fn now() -> Time {
        let d = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default();
        Time { secs: d.as_secs() as i64, nanos: d.subsec_nanos(), loc: Location::local() }
    }

    /// (Unix seconds, nanoseconds): the instant, ignoring the location.
    pub fn instant(&self) -> (i64, u32) {
        (self.secs, self.nanos)
    }

    pub(crate) fn with_loc(&self, loc: Location) -> Time {
        Time { secs: self.secs, nanos: self.nanos, loc }
    }

    pub(crate) fn zone(&self) -> ZoneInfo<'_> {
        self.loc.lookup(self.secs)
    }

    pub(crate) fn civil(&self) -> Civil {
        let local = self.secs + i64::from(self.zone().offset);
        let days = local.div_euclid(86_400);
        let rem = local.rem_euclid(86_400) as u32;
        let (year, month, day) = civil_from_days(days);
        Civil {
            year,
            month,
            day,
            hour: rem / 3600,
            min: rem / 60 % 60,
            sec: rem % 60,
            yday: (days - days_from_civil(year, 1, 1) + 1) as u32,
            weekday: (days + 4).rem_euclid(7) as u32,
        }
    }

    /// Nanoseconds since Go's zero time (0001-01-01 UTC), for `Round`/`Truncate`/`IsZero`.
    pub(crate) fn since_zero(&self) -> i128 {
        (i128::from(self.secs) + i128::from(ZERO_TO_UNIX)) * i128::from(SECOND) + i128::from(self.nanos)
    }

    /// Adds nanoseconds; `None` when the result leaves the representable range.
    pub(crate) fn add_nanos(&self, d: i128) -> Option<Time> {
        let total = i128::from(self.secs) * i128::from(SECOND) + i128::from(self.nanos) + d;
        let secs = i64::try_from(total.div_euclid(i128::from(SECOND))).ok()?;
        Some(Time { secs, nanos: total.rem_euclid(i128::from(SECOND)) as u32, loc: self.loc.clone() })
    }

    /// `t - u` in nanoseconds, saturating like Go's `Sub`.
    pub(crate) fn sub(&self, other: &Time) -> i64 {
        let a = i128::from(self.secs) * i128::from(SECOND) + i128::from(self.nanos);
        let b = i128::from(other.secs) * i128::from(SECOND) + i128::from(other.nanos);
        (a - b).clamp(i128::from(i64::MIN), i128::from(i64::MAX)) as i64
    }

    /// Go's `String()`.
    pub fn go_string(&self) -> String {
        format::format(self, "2006-01-02 15:04:05.999999999 -0700 MST")
    }
}

/// Go's `time.Date`: normalises out-of-range fields, then resolves the wall clock in `loc`.
#[allow(clippy::too_many_arguments)] // the fields of Go's `time.Date`, in its order
pub(crate) fn date(
    year: i64,
    month: i64,
    day: i64,
    hour: i64,
    min: i64,
    sec: i64,
    nsec: i64,
    loc: &Location,
) -> Option<Time> {
    let (year, m0) = norm(year, month.checked_sub(1)?, 12);
    let (sec, nsec) = norm(sec, nsec, SECOND);
    let (min, sec) = norm(min, sec, 60);
    let (hour, min) = norm(hour, min, 60);
    let (day, hour) = norm(day, hour, 24);
    if year.abs() > 1_000_000_000 || day.abs() > 1_000_000_000_000 {
        return None;
    }
    let days = days_from_civil(year, m0 as u32 + 1, 1) + day - 1;
    let mut unix = days.checked_mul(86_400)?.checked_add(hour * 3600 + min * 60 + sec)?;
    let offset = i64::from(loc.lookup(unix).offset);
    if offset != 0 {
        let utc = unix - offset;
        unix -= i64::from(loc.lookup(utc).offset);
    }
    Some(Time { secs: unix, nanos: nsec as u32, loc: loc.clone() })
}

fn norm(hi: i64, lo: i64, base: i64) -> (i64, i64) {
    let (mut hi, mut lo) = (hi, lo);
    if lo < 0 {
        let n = (-(lo + 1)) / base + 1;
        hi = hi.saturating_sub(n);
        lo += n * base;
    }
    if lo >= base {
        let n = lo / base;
        hi = hi.saturating_add(n);
        lo -= n * base;
    }
    (hi, lo)
}

/// Days since 1970-01-01 of a proleptic Gregorian date (month 1..=12).
pub(crate) fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

pub(crate) fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

pub(crate) fn is_leap(y: i64) -> bool {
    y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)
}

pub(crate) fn days_in(month: u32, year: i64) -> u32 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_round_trip() {
        for days in [-719_468, -1, 0, 1, 19_583, 2_932_896] {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m, d), days);
        }
        assert_eq!(civil_from_days(19_583), (2023, 8, 14));
    }
}
