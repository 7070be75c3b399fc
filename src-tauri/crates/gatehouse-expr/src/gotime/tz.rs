//! Reads IANA time zones from the system's compiled zoneinfo files (TZif, RFC 8536) the way
//! Go does: binary search over the transitions, the POSIX `TZ` rule in the footer for
//! instants after the last transition, Go's choice of zone before the first one.
//! No bundled database: a machine without `/usr/share/zoneinfo` knows only UTC and offsets.

use super::{days_from_civil, days_in, is_leap, ZoneInfo};

#[derive(Clone, Debug)]
pub(crate) struct ZType {
    pub offset: i32,
    pub dst: bool,
    pub abbrev: String,
}

#[derive(Debug)]
pub(crate) struct Zone {
    when: Vec<i64>,
    index: Vec<u8>,
    types: Vec<ZType>,
    extend: Option<Rule>,
}

const DIRS: [&str; 4] = ["/usr/share/zoneinfo/", "/usr/share/lib/zoneinfo/", "/usr/lib/locale/TZ/", "/etc/zoneinfo/"];

pub(crate) fn load(name: &str) -> Option<Zone> {
    if let Ok(dir) = std::env::var("ZONEINFO") {
        if let Some(z) = read_file(&format!("{}/{name}", dir.trim_end_matches('/'))) {
            return Some(z);
        }
    }
    DIRS.iter().find_map(|d| read_file(&format!("{d}{name}")))
}

pub(crate) fn read_file(path: &str) -> Option<Zone> {
    let meta = std::fs::metadata(path).ok()?;
    if !meta.is_file() || meta.len() > 1 << 20 {
        return None;
    }
    parse(&std::fs::read(path).ok()?)
}

struct Reader<'d> {
    data: &'d [u8],
    pos: usize,
}

impl<'d> Reader<'d> {
    fn take(&mut self, n: usize) -> Option<&'d [u8]> {
        let end = self.pos.checked_add(n)?;
        let s = self.data.get(self.pos..end)?;
        self.pos = end;
        Some(s)
    }
    fn be32(&mut self) -> Option<u32> {
        Some(u32::from_be_bytes(self.take(4)?.try_into().ok()?))
    }
}

fn parse(data: &[u8]) -> Option<Zone> {
    let mut r = Reader { data, pos: 0 };
    let header = |r: &mut Reader<'_>| -> Option<(u8, [usize; 6])> {
        if r.take(4)? != b"TZif" {
            return None;
        }
        let version = r.take(16)?[0];
        let mut n = [0usize; 6];
        for x in &mut n {
            *x = r.be32()? as usize;
        }
        Some((version, n))
    };
    let (version, n) = header(&mut r)?;
    let [isut, isstd, leap, time, typ, chars] = n;
    if version >= b'2' {
        // Skip the 32-bit block and read the 64-bit one.
        r.take(time * 5 + typ * 6 + chars + leap * 8 + isstd + isut)?;
        let (_, n2) = header(&mut r)?;
        return body(&mut r, n2, 8, true);
    }
    body(&mut r, n, 4, false)
}

fn body(r: &mut Reader<'_>, n: [usize; 6], width: usize, footer: bool) -> Option<Zone> {
    let [isut, isstd, leap, time, typ, chars] = n;
    if typ == 0 || typ > 256 || time > 100_000 {
        return None;
    }
    let mut when = Vec::with_capacity(time);
    for _ in 0..time {
        let b = r.take(width)?;
        when.push(if width == 8 {
            i64::from_be_bytes(b.try_into().ok()?)
        } else {
            i64::from(i32::from_be_bytes(b.try_into().ok()?))
        });
    }
    let index = r.take(time)?.to_vec();
    let mut raw = Vec::with_capacity(typ);
    for _ in 0..typ {
        let b = r.take(6)?;
        raw.push((i32::from_be_bytes(b[..4].try_into().ok()?), b[4] != 0, b[5] as usize));
    }
    let abbrevs = r.take(chars)?;
    r.take(leap * (width + 4) + isstd + isut)?;
    let types = raw
        .into_iter()
        .map(|(offset, dst, ai)| {
            let tail = abbrevs.get(ai..).unwrap_or_default();
            let end = tail.iter().position(|&c| c == 0).unwrap_or(tail.len());
            ZType { offset, dst, abbrev: String::from_utf8_lossy(&tail[..end]).into_owned() }
        })
        .collect::<Vec<_>>();
    if index.iter().any(|&i| usize::from(i) >= types.len()) {
        return None;
    }
    let extend = if footer {
        let rest = &r.data[r.pos..];
        let text = rest.strip_prefix(b"\n").and_then(|t| t.split(|&c| c == b'\n').next());
        text.and_then(|t| std::str::from_utf8(t).ok()).and_then(Rule::parse)
    } else {
        None
    };
    let (when, index) = if when.is_empty() { (vec![i64::MIN], vec![0]) } else { (when, index) };
    Some(Zone { when, index, types, extend })
}

fn info(t: &ZType) -> ZoneInfo<'_> {
    ZoneInfo { abbrev: t.abbrev.as_str(), offset: t.offset, dst: t.dst }
}

impl Zone {
    pub fn types(&self) -> &[ZType] {
        &self.types
    }

    pub fn lookup(&self, unix: i64) -> ZoneInfo<'_> {
        if unix < self.when[0] {
            return info(&self.types[self.first_zone()]);
        }
        let lo = self.when.partition_point(|&w| w <= unix) - 1;
        if lo == self.when.len() - 1 {
            if let Some(rule) = &self.extend {
                return rule.lookup(unix);
            }
        }
        info(&self.types[usize::from(self.index[lo])])
    }

    /// Go's `lookupFirstZone`: the zone for instants before the first transition.
    fn first_zone(&self) -> usize {
        let first_used = self.index.contains(&0);
        if !first_used {
            return 0;
        }
        let first = usize::from(self.index[0]);
        if self.types[first].dst {
            if let Some(i) = (0..first).rev().find(|&i| !self.types[i].dst) {
                return i;
            }
        }
        self.types.iter().position(|t| !t.dst).unwrap_or(0)
    }
}

/// A POSIX `TZ` rule such as `CET-1CEST,M3.5.0,M10.5.0/3`.
#[derive(Debug)]
struct Rule {
    std: ZType,
    dst: Option<(ZType, Day, Day)>,
}

#[derive(Debug, Clone, Copy)]
enum DayKind {
    Julian(i64),
    Doy(i64),
    MonthWeekDay(u32, u32, u32),
}

#[derive(Debug, Clone, Copy)]
struct Day {
    kind: DayKind,
    time: i64,
}

impl Rule {
    fn parse(s: &str) -> Option<Rule> {
        let mut p = s;
        let std_name = name(&mut p)?;
        let std_off = -offset(&mut p)?;
        let std = ZType { offset: std_off, dst: false, abbrev: std_name };
        if p.is_empty() {
            return Some(Rule { std, dst: None });
        }
        let dst_name = name(&mut p)?;
        let dst_off = if p.is_empty() || p.starts_with(',') { std_off + 3600 } else { -offset(&mut p)? };
        let dst = ZType { offset: dst_off, dst: true, abbrev: dst_name };
        if p.is_empty() {
            p = ",M3.2.0,M11.1.0";
        }
        let start = day(p.strip_prefix(',')?, &mut p)?;
        let end = day(p.strip_prefix(',')?, &mut p)?;
        if !p.is_empty() {
            return None;
        }
        Some(Rule { std, dst: Some((dst, start, end)) })
    }

    fn lookup(&self, unix: i64) -> ZoneInfo<'_> {
        let Some((dst, start_rule, end_rule)) = &self.dst else {
            return info(&self.std);
        };
        let (year, _, _) = super::civil_from_days(unix.div_euclid(86_400));
        let jan1 = days_from_civil(year, 1, 1) * 86_400;
        let mut start = jan1 + start_rule.seconds(year) - i64::from(self.std.offset);
        let mut end = jan1 + end_rule.seconds(year) - i64::from(dst.offset);
        let (mut std_t, mut dst_t) = (&self.std, dst);
        if end < start {
            std::mem::swap(&mut start, &mut end);
            std::mem::swap(&mut std_t, &mut dst_t);
        }
        if unix < start || unix >= end {
            info(std_t)
        } else {
            info(dst_t)
        }
    }
}

impl Day {
    /// Seconds from the start of `year` (local standard time) to this transition.
    fn seconds(&self, year: i64) -> i64 {
        let d = match self.kind {
            DayKind::Julian(n) => n - 1 + i64::from(is_leap(year) && n >= 60),
            DayKind::Doy(n) => n,
            DayKind::MonthWeekDay(m, w, wd) => {
                let first = days_from_civil(year, m, 1);
                let dow = (first + 4).rem_euclid(7);
                let mut d = (i64::from(wd) - dow).rem_euclid(7);
                for _ in 1..w {
                    if d + 7 >= i64::from(days_in(m, year)) {
                        break;
                    }
                    d += 7;
                }
                first - days_from_civil(year, 1, 1) + d
            }
        };
        d * 86_400 + self.time
    }
}

fn name(p: &mut &str) -> Option<String> {
    if let Some(rest) = p.strip_prefix('<') {
        let end = rest.find('>')?;
        let n = rest[..end].to_string();
        *p = &rest[end + 1..];
        return Some(n);
    }
    let end = p.find(|c: char| !c.is_ascii_alphabetic()).unwrap_or(p.len());
    if end < 3 {
        return None;
    }
    let n = p[..end].to_string();
    *p = &p[end..];
    Some(n)
}

/// `[+-]hh[:mm[:ss]]` in seconds (POSIX sign: positive is west of Greenwich).
fn offset(p: &mut &str) -> Option<i32> {
    let mut sign = 1;
    if let Some(rest) = p.strip_prefix(['+', '-']) {
        if p.starts_with('-') {
            sign = -1;
        }
        *p = rest;
    }
    Some(sign * clock(p)?)
}

fn clock(p: &mut &str) -> Option<i32> {
    let mut total = 0i32;
    for (i, mult) in [3600, 60, 1].into_iter().enumerate() {
        if i > 0 {
            match p.strip_prefix(':') {
                Some(rest) => *p = rest,
                None => break,
            }
        }
        let n = p.bytes().take_while(u8::is_ascii_digit).count();
        if n == 0 || n > 3 {
            return None;
        }
        total += p[..n].parse::<i32>().ok()? * mult;
        *p = &p[n..];
    }
    Some(total)
}

fn day<'s>(s: &'s str, rest: &mut &'s str) -> Option<Day> {
    let mut p = s;
    let num = |p: &mut &str| -> Option<i64> {
        let n = p.bytes().take_while(u8::is_ascii_digit).count();
        let v = p.get(..n)?.parse().ok()?;
        *p = &p[n..];
        Some(v)
    };
    let kind = if let Some(r) = p.strip_prefix('J') {
        p = r;
        DayKind::Julian(num(&mut p)?.clamp(1, 365))
    } else if let Some(r) = p.strip_prefix('M') {
        p = r;
        let m = num(&mut p)?;
        p = p.strip_prefix('.')?;
        let w = num(&mut p)?;
        p = p.strip_prefix('.')?;
        let d = num(&mut p)?;
        if !(1..=12).contains(&m) || !(1..=5).contains(&w) || d > 6 {
            return None;
        }
        DayKind::MonthWeekDay(m as u32, w as u32, d as u32)
    } else {
        DayKind::Doy(num(&mut p)?.min(365))
    };
    let mut time = 7200;
    if let Some(r) = p.strip_prefix('/') {
        p = r;
        time = i64::from(offset(&mut p)?);
    }
    *rest = p;
    Some(Day { kind, time })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn posix_rule_switches_at_the_right_instants() {
        let r = Rule::parse("CET-1CEST,M3.5.0,M10.5.0/3").unwrap();
        // 2023-03-26T01:00:00Z is the switch to summer time in Europe.
        assert_eq!(r.lookup(1_679_792_399).abbrev, "CET");
        assert_eq!(r.lookup(1_679_792_400).abbrev, "CEST");
        assert_eq!(r.lookup(1_679_792_400).offset, 7200);
        let utc = Rule::parse("UTC0").unwrap();
        assert_eq!(utc.lookup(0).offset, 0);
    }
}
