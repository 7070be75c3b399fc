//! Robustness: a seeded random mutator over every conformance expression and the
//! reference mapping expressions (deleting, inserting and swapping characters, splicing
//! pieces of other cases, nesting deeply, swapping in extreme numbers). Every mutant is
//! compiled and evaluated; none may panic, and none may take longer than a second of CPU
//! time (measured on the evaluating thread, so a busy machine does not make it flaky; ten
//! seconds of wall-clock time are the hang detector).
//!
//! Runs for `GATEHOUSE_FUZZ_SECS` seconds (default 20) or `GATEHOUSE_FUZZ_MAX` inputs
//! (default 300,000), whichever comes first; `GATEHOUSE_FUZZ_SEED` picks the seed.
//! A stack overflow would abort the test binary, so it is caught too.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::time::{Duration, Instant};

use gatehouse_expr::{compile, Env, Schema};
use serde_json::json;

/// CPU time used by the current thread (Linux); `None` elsewhere.
fn thread_cpu() -> Option<Duration> {
    let text = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: u64 = text.split_whitespace().next()?.parse().ok()?;
    Some(Duration::from_nanos(ns))
}

/// xorshift64*: small, fast, reproducible.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
    fn pick<'t, T>(&mut self, items: &'t [T]) -> &'t T {
        &items[self.below(items.len())]
    }
}

const REFERENCE: [&str; 8] = [
    "notNullOrEmpty(jcUser.displayname) ? jcUser.displayname : (notNullOrEmpty(jcUser.lastname) ? jcUser.firstname + ' ' + jcUser.lastname : jcUser.firstname)",
    "notNullOrEmpty(providerUser.externalId) ? providerUser.externalId : jcUser.id",
    "notNullOrEmpty(providerUser.locale) ? providerUser.locale : 'en-US'",
    "notNullOrEmpty(providerUser.preferredLanguage) ? providerUser.preferredLanguage : 'en-US'",
    "toScimAddresses(find(jcUser.addresses, .type == 'work') ?? first(jcUser.addresses))",
    "toScimEmails(jcUser.email)",
    "toScimPhoneNumbers(find(jcUser.phoneNumbers, .type == 'work') ?? first(jcUser.phoneNumbers))",
    "jcUser.addresses | filter(.type != 'home') | map({#.locality + ', ' + #.country}) | join('; ')",
];

const PIECES: [&str; 40] = [
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    ".",
    "?.",
    "??",
    "?",
    ":",
    ",",
    ";",
    "#",
    "#acc",
    "#index",
    "|",
    "..",
    "not ",
    " in ",
    " and ",
    "||",
    "!",
    "-",
    "**",
    "^",
    "%",
    "/",
    "'",
    "\"",
    "`",
    "\\",
    "b'",
    "é",
    "🙂",
    "let x = ",
    "if true {",
    "} else {",
    "\n",
    "nil",
];

const NUMBERS: [&str; 9] =
    ["0", "-1", "1e9", "1e308", "9223372036854775807", "-9223372036854775808", "0.5", "1000000", "0x7fffffffffffffff"];

const NESTS: [(&str, &str); 8] = [
    ("(", ")"),
    ("[", "]"),
    ("-", ""),
    ("!", ""),
    ("map(", ", #)"),
    ("{a: ", "}"),
    ("first([", "])"),
    ("reduce(1..3, ", ", 0)"),
];

fn seeds() -> Vec<String> {
    let dir = format!(
        "{}/../../../tests/fixtures/expr-conformance/",
        std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR when it runs tests")
    );
    let mut out: Vec<String> = REFERENCE.iter().map(|s| s.to_string()).collect();
    for file in ["cases.tsv", "errors.tsv"] {
        let text = std::fs::read_to_string(format!("{dir}{file}")).expect("fixture readable");
        for line in text.lines().filter(|l| !l.is_empty() && !l.starts_with('#')) {
            out.push(line.rsplit_once('\t').map_or(line, |(e, _)| e).to_string());
        }
    }
    out
}

fn mutate(rng: &mut Rng, seeds: &[String], src: &str) -> String {
    let mut chars: Vec<char> = src.chars().collect();
    for _ in 0..1 + rng.below(4) {
        let at = rng.below(chars.len() + 1);
        match rng.below(9) {
            0 if !chars.is_empty() => {
                let n = 1 + rng.below(5);
                let end = (at + n).min(chars.len());
                chars.drain(at.min(end)..end);
            }
            1 => {
                let piece: Vec<char> = rng.pick(&PIECES).chars().collect();
                chars.splice(at..at, piece);
            }
            2 if chars.len() > 1 => {
                let (i, j) = (at.min(chars.len() - 1), rng.below(chars.len()));
                chars.swap(i, j);
            }
            3 => {
                let other: Vec<char> = rng.pick(seeds).chars().collect();
                let from = rng.below(other.len() + 1);
                let to = (from + 1 + rng.below(12)).min(other.len());
                chars.splice(at..at, other[from.min(to)..to].iter().copied());
            }
            4 => {
                let (open, close) = *rng.pick(&NESTS);
                let depth = [2, 10, 50, 200, 5000][rng.below(5)];
                let mut s = open.repeat(depth);
                s.extend(chars.iter());
                s.push_str(&close.repeat(depth));
                chars = s.chars().collect();
            }
            5 => {
                let n: Vec<char> = rng.pick(&NUMBERS).chars().collect();
                chars.splice(at..at, n);
            }
            6 => {
                let other = rng.pick(seeds);
                let op = rng.pick(&[" + ", " ?? ", " | ", " == ", " in ", "; ", " ? 1 : "]);
                chars.extend(op.chars().chain(other.chars()));
            }
            7 if !chars.is_empty() => {
                let end = (at + 1 + rng.below(20)).min(chars.len());
                let dup: Vec<char> = chars[at.min(end)..end].to_vec();
                chars.splice(at..at, dup);
            }
            _ => {
                let c = char::from_u32(rng.below(0x250) as u32).unwrap_or('x');
                chars.insert(at, c);
            }
        }
    }
    chars.into_iter().collect()
}

#[test]
fn random_mutants_never_panic_or_hang() {
    let secs: u64 = std::env::var("GATEHOUSE_FUZZ_SECS").ok().and_then(|s| s.parse().ok()).unwrap_or(20);
    let max: u64 = std::env::var("GATEHOUSE_FUZZ_MAX").ok().and_then(|s| s.parse().ok()).unwrap_or(300_000);
    let seed: u64 =
        std::env::var("GATEHOUSE_FUZZ_SEED").ok().and_then(|s| s.parse().ok()).unwrap_or(0x9E37_79B9_7F4A_7C15);
    let seeds = seeds();
    let user = json!({
        "id": "u1", "firstname": "Ada", "lastname": "Lovelace", "email": "ada@example.com",
        "addresses": [{"type": "work", "streetAddress": "1 Main St", "locality": "Zurich", "country": "CH"}],
        "phoneNumbers": [{"type": "work", "number": "+41 44 000 00 00"}],
        "customAttributes": {"costCenter": 42}
    });
    let provider = json!({});
    let env = Env::new().with("jcUser", &user).with("providerUser", &provider);
    let schemas = [Schema::open(), Schema::mapping()];

    let mut rng = Rng(seed | 1);
    let deadline = Instant::now() + Duration::from_secs(secs);
    let (mut runs, mut compiled, mut evaluated) = (0u64, 0u64, 0u64);
    let mut panics: Vec<String> = Vec::new();
    let mut slow: Vec<(String, Duration)> = Vec::new();
    while Instant::now() < deadline && runs < max {
        let base = rng.pick(&seeds).clone();
        let src = mutate(&mut rng, &seeds, &base);
        let schema = &schemas[rng.below(2)];
        let (start, cpu_start) = (Instant::now(), thread_cpu());
        let outcome = catch_unwind(AssertUnwindSafe(|| match compile(&src, schema) {
            Ok(p) => (true, p.eval(&env).map(|v| v.to_json()).is_ok()),
            Err(_) => (false, false),
        }));
        let wall = start.elapsed();
        let cpu = thread_cpu().zip(cpu_start).map(|(end, begin)| end.saturating_sub(begin));
        runs += 1;
        match outcome {
            Ok((c, e)) => {
                compiled += u64::from(c);
                evaluated += u64::from(e);
            }
            Err(_) => panics.push(src.clone()),
        }
        let took = cpu.unwrap_or(wall);
        if took > Duration::from_secs(1) || wall > Duration::from_secs(10) {
            slow.push((src, took));
        }
    }
    println!(
        "fuzz: {runs} inputs (seed {seed}): {compiled} compiled, {evaluated} evaluated without error, {} panics, {} slow",
        panics.len(),
        slow.len()
    );
    assert!(runs >= 1000.min(max), "too few inputs ran: {runs}");
    for (src, took) in &slow {
        println!("slow ({took:?} CPU): {src}");
    }
    assert!(
        panics.is_empty(),
        "inputs that panicked:\n{}",
        panics.iter().take(10).cloned().collect::<Vec<_>>().join("\n")
    );
    assert!(slow.is_empty(), "inputs over 1 s of CPU: {:?}", slow.iter().take(5).collect::<Vec<_>>());
}
