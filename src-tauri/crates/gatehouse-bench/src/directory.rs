//! Directory figures at 100,000 users: CSV import rate, a users-list page, a search, and
//! the effective users of an application bound to groups totalling 100,000 members.

use std::fmt::Write as _;
use std::time::Instant;

use gatehouse_core::applications::{GeneralInfo, NewApplication};
use gatehouse_core::directory::groups::GroupDraft;
use gatehouse_core::directory::model::{UserQuery, UserSort};
use gatehouse_core::{Actor, Gatehouse};

use crate::report::{median, ms, Goal, Report};

const USERS: usize = 100_000;

fn csv() -> String {
    let first = ["ada", "grace", "alan", "linus", "barbara", "ken", "radia", "edsger", "frances", "donald"];
    let last =
        ["lovelace", "hopper", "turing", "torvalds", "liskov", "thompson", "perlman", "dijkstra", "allen", "knuth"];
    let mut s = String::with_capacity(USERS * 120);
    s.push_str("username,email,firstname,lastname,jobTitle,department,phone.work,address.work.locality\n");
    for i in 0..USERS {
        let f = first[i % first.len()];
        let l = last[(i / 10) % last.len()];
        let _ = writeln!(
            s,
            "{f}.{l}{i},{f}.{l}{i}@bench.example,{f},{l},Engineer,Dept {},+1 555 {:04},City {}",
            i % 40,
            i % 10_000,
            i % 200
        );
    }
    s
}

pub fn run(report: &mut Report) -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let core = Gatehouse::open(dir.path(), Actor::Cli)?;
    let data = csv();
    let t = Instant::now();
    let r = core.import_users_csv(data.as_bytes())?;
    let secs = t.elapsed().as_secs_f64();
    anyhow::ensure!(
        r.imported as usize == USERS && r.errors.is_empty(),
        "bench CSV must import cleanly: {:?}",
        r.errors.first()
    );
    report.add("directory: CSV import of 100,000 users", USERS as f64 / secs, "users/s", Goal::AtLeast(50_000.0));

    let mut page_no = 0u32;
    let page = median(21, || {
        page_no = page_no % 1999 + 1;
        let q = UserQuery { sort: UserSort::Name, page: page_no, page_size: 50, ..Default::default() };
        std::hint::black_box(core.users(&q).expect("page"));
    });
    report.add("directory: users-list page (50, sorted by name) at 100,000", ms(page), "ms", Goal::Below(20.0));

    let terms = ["hopper42", "torvalds", "grace.knuth9", "city 17", "@bench", "lovelace1234"];
    let mut i = 0;
    let search = median(21, || {
        i += 1;
        let q = UserQuery { search: Some(terms[i % terms.len()].into()), page: 1, page_size: 50, ..Default::default() };
        std::hint::black_box(core.users(&q).expect("search"));
    });
    report.add("directory: search (first page of 50) at 100,000", ms(search), "ms", Goal::Below(20.0));

    // Four groups of 25,000 users each, all bound to one application.
    let app = core.create_application(&NewApplication {
        connector_id: "15five".into(),
        general: GeneralInfo { label: "Bench".into(), ..Default::default() },
        idp_url_suffix: String::new(),
    })?;
    let all: Vec<String> = {
        let conn = core.store().conn();
        let mut stmt = conn.prepare("SELECT id FROM users")?;
        let ids = stmt.query_map([], |r| r.get(0))?.collect::<Result<Vec<String>, _>>()?;
        ids
    };
    for (g, chunk) in all.chunks(USERS / 4).enumerate() {
        let group = core.create_group(&GroupDraft { name: format!("Bench {g}"), description: String::new() })?;
        core.add_group_members(&group.id, chunk)?;
        core.bind_group(&app.id, &group.id)?;
    }
    let eff = median(9, || {
        let page = core.effective_users(&app.id, 1, 50).expect("effective users");
        assert_eq!(page.total as usize, USERS);
    });
    report.add("directory: effective users of an app (groups total 100,000)", ms(eff), "ms", Goal::Below(100.0));
    Ok(())
}
