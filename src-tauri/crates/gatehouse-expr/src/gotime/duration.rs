//! Go's `time.Duration` text: `ParseDuration` ("1h30m", "-1.5h", "500µs") and `String`
//! ("1h30m0s", "1.5ms", "0s"), exactly as Go writes and reads them.

use super::SECOND;

/// Go's `time.ParseDuration`.
pub(crate) fn parse_duration(orig: &str) -> Result<i64, String> {
    let bad = || format!("time: invalid duration {orig:?}");
    let mut s = orig;
    let mut neg = false;
    if let Some(rest) = s.strip_prefix(['-', '+']) {
        neg = s.starts_with('-');
        s = rest;
    }
    if s == "0" {
        return Ok(0);
    }
    if s.is_empty() {
        return Err(bad());
    }
    let mut total: u128 = 0;
    while !s.is_empty() {
        let int_len = s.bytes().take_while(u8::is_ascii_digit).count();
        let int: u128 = if int_len > 0 { s[..int_len].parse().map_err(|_| bad())? } else { 0 };
        s = &s[int_len..];
        let (mut frac, mut scale, mut has_frac) = (0u128, 1u128, false);
        if let Some(rest) = s.strip_prefix('.') {
            let n = rest.bytes().take_while(u8::is_ascii_digit).count();
            for b in rest[..n].bytes().take(18) {
                frac = frac * 10 + u128::from(b - b'0');
                scale *= 10;
            }
            has_frac = n > 0;
            s = &rest[n..];
        }
        if int_len == 0 && !has_frac {
            return Err(bad());
        }
        let unit_len = s.find(|c: char| c == '.' || c.is_ascii_digit()).unwrap_or(s.len());
        if unit_len == 0 {
            return Err(format!("time: missing unit in duration {orig:?}"));
        }
        let unit: u128 = match &s[..unit_len] {
            "ns" => 1,
            "us" | "µs" | "μs" => 1_000,
            "ms" => 1_000_000,
            "s" => 1_000_000_000,
            "m" => 60_000_000_000,
            "h" => 3_600_000_000_000,
            u => return Err(format!("time: unknown unit {u:?} in duration {orig:?}")),
        };
        s = &s[unit_len..];
        total = total.saturating_add(int.saturating_mul(unit)).saturating_add(frac * unit / scale);
        if total > 1 << 63 {
            return Err(bad());
        }
    }
    if neg {
        return Ok((total as i128).wrapping_neg() as i64);
    }
    i64::try_from(total).map_err(|_| bad())
}

/// Go's `Duration.String()`: `1h30m0s`, `1.5ms`, `500µs`, `0s`.
pub(crate) fn duration_string(d: i64) -> String {
    let neg = d < 0;
    let mut u = d.unsigned_abs();
    let mut out = String::new();
    if u < SECOND as u64 {
        if u == 0 {
            return "0s".into();
        }
        let (prec, unit) = if u < 1_000 {
            (0, "ns")
        } else if u < 1_000_000 {
            (3, "µs")
        } else {
            (6, "ms")
        };
        out = frac_text(&mut u, prec);
        out = format!("{u}{out}{unit}");
    } else {
        let frac = frac_text(&mut u, 9);
        let secs = u % 60;
        u /= 60;
        out.push_str(&format!("{secs}{frac}s"));
        if u > 0 {
            out = format!("{}m{out}", u % 60);
            u /= 60;
            if u > 0 {
                out = format!("{u}h{out}");
            }
        }
    }
    if neg {
        out.insert(0, '-');
    }
    out
}

/// Splits off the low `prec` decimal digits of `v` as ".ddd" without trailing zeros.
fn frac_text(v: &mut u64, prec: u32) -> String {
    let p = 10u64.pow(prec);
    let frac = *v % p;
    *v /= p;
    if frac == 0 {
        return String::new();
    }
    let digits = format!("{frac:0width$}", width = prec as usize);
    format!(".{}", digits.trim_end_matches('0'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_parse_and_print_like_go() {
        assert_eq!(parse_duration("1h30m"), Ok(5_400_000_000_000));
        assert_eq!(parse_duration("-1.5h"), Ok(-5_400_000_000_000));
        assert!(parse_duration("invalid").is_err());
        assert!(parse_duration("1").is_err());
        assert_eq!(duration_string(5_400_000_000_000), "1h30m0s");
        assert_eq!(duration_string(500_000), "500µs");
        assert_eq!(duration_string(-1_500_000), "-1.5ms");
        assert_eq!(duration_string(1), "1ns");
    }
}
