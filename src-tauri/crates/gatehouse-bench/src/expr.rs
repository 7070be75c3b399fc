//! Expression-language figures (owned by the gatehouse-expr work): compiling one mapping
//! expression, and evaluating the 15Five default mapping (16 attributes, as in the
//! reference's "15Five User Attributes" table) for 10,000 generated users, including
//! writing each user's attributes as JSON text (what a SCIM request or the preview needs).

use gatehouse_expr::{compile, write_json_str, Env, Program, Schema};
use serde_json::{json, Map, Value};

use crate::report::{median, ms, Goal, Report};

const DISPLAY_NAME: &str = "notNullOrEmpty(jcUser.displayname) ? jcUser.displayname : (notNullOrEmpty(jcUser.lastname) ? jcUser.firstname + ' ' + jcUser.lastname : jcUser.firstname)";

/// The 15Five default mapping: SCIM target and source (direct paths are expressions too).
const MAPPING: [(&str, &str); 16] = [
    ("userName", "jcUser.username"),
    ("$enterpriseUser.organization", "jcUser.company"),
    ("$enterpriseUser.costCenter", "jcUser.costCenter"),
    ("$enterpriseUser.department", "jcUser.department"),
    ("$enterpriseUser.employeeNumber", "jcUser.employeeIdentifier"),
    ("userType", "jcUser.employeeType"),
    ("name.givenName", "jcUser.firstname"),
    ("title", "jcUser.jobTitle"),
    ("name.familyName", "jcUser.lastname"),
    ("displayName", DISPLAY_NAME),
    ("externalId", "notNullOrEmpty(providerUser.externalId) ? providerUser.externalId : jcUser.id"),
    ("locale", "notNullOrEmpty(providerUser.locale) ? providerUser.locale : 'en-US'"),
    ("preferredLanguage", "notNullOrEmpty(providerUser.preferredLanguage) ? providerUser.preferredLanguage : 'en-US'"),
    ("addresses", "toScimAddresses(find(jcUser.addresses, .type == 'work') ?? first(jcUser.addresses))"),
    ("emails", "toScimEmails(jcUser.email)"),
    ("phoneNumbers", "toScimPhoneNumbers(find(jcUser.phoneNumbers, .type == 'work') ?? first(jcUser.phoneNumbers))"),
];

const FIRST: [&str; 8] = ["Ada", "Grace", "Alan", "Katherine", "Linus", "Margaret", "Dennis", "Barbara"];
const LAST: [&str; 8] = ["Lovelace", "Hopper", "Turing", "Johnson", "Torvalds", "Hamilton", "Ritchie", "Liskov"];
const CITIES: [(&str, &str, &str); 4] =
    [("Zurich", "ZH", "CH"), ("Boston", "MA", "US"), ("London", "", "GB"), ("Berlin", "BE", "DE")];

/// A directory user shaped like the vendor's API, with the usual gaps: some have no display
/// name or last name, some only a home address or none, some no phone.
fn user(i: usize) -> Value {
    let first = FIRST[i % FIRST.len()];
    let last = match i % 11 {
        0 => "",
        _ => LAST[(i / 8) % LAST.len()],
    };
    let (city, region, country) = CITIES[i % CITIES.len()];
    let work = json!({"type": "work", "streetAddress": format!("{} Main St", i % 500), "poBox": match i % 9 { 0 => "PO Box 12", _ => "" },
        "locality": city, "region": region, "postalCode": format!("{:05}", i % 99_999), "country": country});
    let home =
        json!({"type": "home", "streetAddress": format!("{} Home Rd", i % 300), "locality": city, "country": country});
    let addresses = match i % 4 {
        0 => json!([home, work]),
        1 => json!([work]),
        2 => json!([home]),
        _ => json!([]),
    };
    let phones = match i % 3 {
        0 => {
            json!([{"type": "mobile", "number": format!("+41 79 {i:07}")}, {"type": "work", "number": format!("+41 44 {i:07}")}])
        }
        1 => json!([{"type": "home", "number": format!("+1 617 {i:07}")}]),
        _ => json!([]),
    };
    json!({
        "id": format!("{:024x}", i * 7919), "username": format!("user{i}"), "email": format!("user{i}@example.com"),
        "firstname": first, "middlename": "", "lastname": last,
        "displayname": match i % 5 { 0 => format!("{first} {last} (IT)"), _ => String::new() },
        "jobTitle": "Engineer", "employeeIdentifier": format!("E{i:06}"), "employeeType": "full-time",
        "department": "R&D", "costCenter": format!("CC{}", i % 40), "company": "Example AG",
        "manager": format!("{:024x}", (i / 10) * 7919), "location": city, "description": "",
        "addresses": addresses, "phoneNumbers": phones, "locale": "en-US", "preferredLanguage": "",
        "state": "ACTIVATED", "customAttributes": {"badge": i}
    })
}

/// Maps one user into `out` as a JSON object of SCIM target → value (nil results left out);
/// returns the number of attributes written.
fn map_user(
    programs: &[(&str, Program)],
    jc_user: &Value,
    provider: &Value,
    out: &mut String,
) -> anyhow::Result<usize> {
    let env = Env::new().with("jcUser", jc_user).with("providerUser", provider);
    out.clear();
    out.push('{');
    let mut n = 0;
    for (target, program) in programs {
        let v = program.eval(&env).map_err(|e| anyhow::anyhow!("{target}: {e}"))?;
        if v.is_nil() {
            continue;
        }
        if n > 0 {
            out.push(',');
        }
        write_json_str(out, target);
        out.push(':');
        v.write_json(out);
        n += 1;
    }
    out.push('}');
    Ok(n)
}

pub fn run(report: &mut Report) -> anyhow::Result<()> {
    let schema = Schema::mapping();

    compile(DISPLAY_NAME, &schema)?;
    let compile_time = median(500, || {
        let _ = std::hint::black_box(compile(std::hint::black_box(DISPLAY_NAME), &schema));
    });
    report.add("expr: compile 15Five displayName expression", compile_time.as_secs_f64() * 1e6, "µs", Goal::None);

    let programs: Vec<(&str, Program)> =
        MAPPING.iter().map(|(t, src)| Ok((*t, compile(src, &schema)?))).collect::<anyhow::Result<_>>()?;
    let users: Vec<Value> = (0..10_000).map(user).collect();
    let empty = json!({});
    let existing = json!({"externalId": "15five-1", "locale": "de-CH"});
    let provider = |i: usize| match i % 2 {
        0 => &empty,
        _ => &existing,
    };

    // One checked pass, so the timed passes cannot silently fail.
    let mut buf = String::with_capacity(4096);
    let mut attributes = 0;
    for (i, u) in users.iter().enumerate() {
        attributes += map_user(&programs, u, provider(i), &mut buf)?;
        serde_json::from_str::<Map<String, Value>>(&buf)?;
    }
    anyhow::ensure!(attributes > 10 * users.len(), "the mapping produced too few attributes: {attributes}");

    let time = median(7, || {
        let mut n = 0;
        for (i, u) in users.iter().enumerate() {
            n += map_user(&programs, u, provider(i), &mut buf).unwrap_or(0);
        }
        std::hint::black_box(n);
    });
    report.add("expr: 15Five default mapping x 10,000 users", ms(time), "ms", Goal::Below(100.0));
    Ok(())
}
