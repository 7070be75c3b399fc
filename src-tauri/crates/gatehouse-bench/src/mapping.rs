//! Attribute-mapping figures (owned by the mappings work): building the SCIM User resources
//! of 10,000 directory users with 15Five's default mapping (one compiled set, the users as
//! the directory serializes them, each resource written as its request body; the same as
//! kept `serde_json` trees for comparison), and the core time of one preview refresh after
//! a keystroke in the mapping editor (compile the edited list, evaluate every mapping for
//! one user read from the store, build the resource).

use gatehouse_core::applications::{GeneralInfo, NewApplication};
use gatehouse_core::directory::model::{Address, PhoneNumber, User, UserDraft, UserState};
use gatehouse_core::{Actor, Gatehouse};
use serde_json::{json, Value};

use crate::report::{median, ms, Goal, Report};

const FIRST: [&str; 8] = ["Ada", "Grace", "Alan", "Katherine", "Linus", "Margaret", "Dennis", "Barbara"];
const LAST: [&str; 8] = ["Lovelace", "Hopper", "Turing", "Johnson", "Torvalds", "Hamilton", "Ritchie", "Liskov"];
const CITIES: [(&str, &str, &str); 4] =
    [("Zurich", "ZH", "CH"), ("Boston", "MA", "US"), ("London", "", "GB"), ("Berlin", "BE", "DE")];

/// A directory user with the usual gaps: some have no display name or last name, some
/// only a home address or none, some no phone, some are suspended.
fn draft(i: usize) -> UserDraft {
    let first = FIRST[i % FIRST.len()];
    let last = if i.is_multiple_of(11) { "" } else { LAST[(i / 8) % LAST.len()] };
    let (city, region, country) = CITIES[i % CITIES.len()];
    let address = |kind: &str, street: String| Address {
        kind: kind.into(),
        street_address: street,
        po_box: if i.is_multiple_of(9) { "PO Box 12".into() } else { String::new() },
        locality: city.into(),
        region: region.into(),
        postal_code: format!("{:05}", i % 99_999),
        country: country.into(),
    };
    let work = address("work", format!("{} Main St", i % 500));
    let home = address("home", format!("{} Home Rd", i % 300));
    let phone = |kind: &str, number: String| PhoneNumber { kind: kind.into(), number };
    UserDraft {
        username: format!("user{i}"),
        email: format!("user{i}@example.com"),
        firstname: first.into(),
        lastname: last.into(),
        displayname: if i.is_multiple_of(5) { format!("{first} {last} (IT)") } else { String::new() },
        job_title: "Engineer".into(),
        employee_identifier: format!("E{i:06}"),
        employee_type: "full-time".into(),
        department: "R&D".into(),
        cost_center: format!("CC{}", i % 40),
        company: "Example AG".into(),
        location: city.into(),
        locale: "en-US".into(),
        addresses: match i % 4 {
            0 => vec![home, work],
            1 => vec![work],
            2 => vec![home],
            _ => vec![],
        },
        phone_numbers: match i % 3 {
            0 => vec![phone("mobile", format!("+41 79 {i:07}")), phone("work", format!("+41 44 {i:07}"))],
            1 => vec![phone("home", format!("+1 617 {i:07}"))],
            _ => vec![],
        },
        state: if i.is_multiple_of(50) { UserState::Suspended } else { UserState::Active },
        ..Default::default()
    }
}

/// The user as `jcUser` sees it: the directory's own serialization.
fn jc_user(i: usize) -> anyhow::Result<Value> {
    let user = User {
        id: format!("{:024x}", i * 7919),
        draft: draft(i),
        created_at: "2024-01-01T00:00:00Z".into(),
        updated_at: "2024-01-01T00:00:00Z".into(),
    };
    Ok(serde_json::to_value(user)?)
}

pub fn run(report: &mut Report) -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let core = Gatehouse::open(dir.path(), Actor::Cli)?;
    let app = core.create_application(&NewApplication {
        connector_id: "15five".into(),
        general: GeneralInfo { label: "15Five".into(), show_in_portal: true, ..Default::default() },
        idp_url_suffix: String::new(),
    })?;

    // 10,000 users, one compiled set; each resource built as its request body.
    let compiled = core.compiled_mappings(&app.id)?;
    let users: Vec<Value> = (0..10_000).map(jc_user).collect::<anyhow::Result<_>>()?;
    let provider = json!({});
    let bodies = compiled.build_many_json(&users, &provider);
    let failures: usize = bodies.iter().map(|b| b.errors.len()).sum();
    anyhow::ensure!(failures == 0, "the default mapping failed {failures} times: {:?}", bodies[0].errors);
    for (user, body) in users.iter().zip(&bodies).step_by(97) {
        let tree = compiled.build(user, &provider).resource;
        anyhow::ensure!(body.json == serde_json::to_string(&tree)?, "the body and the tree differ");
        anyhow::ensure!(tree.as_object().map_or(0, |o| o.len()) >= 10, "too few attributes: {tree}");
    }
    let time = median(7, || {
        std::hint::black_box(compiled.build_many_json(std::hint::black_box(&users), &provider));
    });
    report.add(
        "mapping: 15Five default mapping, 10,000 users (build SCIM resources)",
        ms(time),
        "ms",
        Goal::Below(100.0),
    );
    let time = median(7, || {
        std::hint::black_box(compiled.build_many(std::hint::black_box(&users), &provider));
    });
    report.add("mapping: the same, as 10,000 serde_json trees kept in memory", ms(time), "ms", Goal::None);

    // One keystroke in the displayName expression: the whole preview call.
    core.create_user(&draft(1))?;
    let mut draft_list = core.mappings(&app.id)?.mappings;
    let display = draft_list
        .iter()
        .position(|m| m.target == "displayName")
        .ok_or_else(|| anyhow::anyhow!("15Five maps displayName"))?;
    let base = draft_list[display].source.clone();
    let mut keystroke = 0usize;
    let check = core.preview(&app.id, "user1", Some(draft_list.clone()))?;
    anyhow::ensure!(check.errors.is_empty() && check.resource.get("displayName").is_some(), "{:?}", check.errors);
    let time = median(200, || {
        keystroke += 1;
        // Typing `+ ''` one character at a time: each refresh compiles a new text.
        draft_list[display].source = format!("{base}{}", [" ", " +", " + '", " + ''"][keystroke % 4]);
        let p = core.preview(&app.id, "user1", Some(draft_list.clone()));
        std::hint::black_box(p.map(|p| p.values.len()).unwrap_or(0));
    });
    report.add("mapping: preview refresh after a keystroke (core time)", ms(time), "ms", Goal::Below(5.0));
    Ok(())
}
