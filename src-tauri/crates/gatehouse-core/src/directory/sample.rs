//! The sample organization a newcomer can load on first run: a few dozen users with full
//! profiles (including the edge cases mappings care about: no display name, no address,
//! only a home address, suspended, password expired) and several groups.

use crate::clock::now_rfc3339;
use crate::directory::groups::{self, GroupDraft};
use crate::directory::model::{Address, PhoneNumber, UserDraft, UserState};
use crate::directory::users;
use crate::error::{CoreError, CoreResult};
use crate::events::NewEvent;
use crate::Gatehouse;

const DOMAIN: &str = "northwind.example";

/// (first, last, title, department)
const PEOPLE: &[(&str, &str, &str, &str)] = &[
    ("Ada", "Lovelace", "Principal Engineer", "Engineering"),
    ("Grace", "Hopper", "VP Engineering", "Engineering"),
    ("Alan", "Turing", "Staff Engineer", "Engineering"),
    ("Katherine", "Johnson", "Data Scientist", "Engineering"),
    ("Linus", "Okafor", "Site Reliability Engineer", "Engineering"),
    ("Margaret", "Hamilton", "Engineering Manager", "Engineering"),
    ("Dennis", "Ritchie", "Senior Engineer", "Engineering"),
    ("Barbara", "Liskov", "Architect", "Engineering"),
    ("Tim", "Berners-Lee", "Engineer", "Engineering"),
    ("Radia", "Perlman", "Network Engineer", "IT"),
    ("Ken", "Thompson", "IT Administrator", "IT"),
    ("Frances", "Allen", "Security Lead", "IT"),
    ("Hedy", "Lamarr", "Account Executive", "Sales"),
    ("Jean", "Bartik", "Sales Director", "Sales"),
    ("Mary", "Jackson", "Account Executive", "Sales"),
    ("Annie", "Easley", "Sales Engineer", "Sales"),
    ("Dorothy", "Vaughan", "Customer Success Manager", "Sales"),
    ("Evelyn", "Boyd", "Head of People", "People"),
    ("Shafi", "Goldwasser", "People Partner", "People"),
    ("Sophie", "Wilson", "Recruiter", "People"),
    ("John", "Backus", "Controller", "Finance"),
    ("Karen", "Spärck Jones", "Financial Analyst", "Finance"),
    ("Claude", "Shannon", "CFO", "Finance"),
    ("Edsger", "Dijkstra", "Product Manager", "Product"),
    ("Donald", "Knuth", "Technical Writer", "Product"),
    ("Lynn", "Conway", "Designer", "Product"),
    ("Whitfield", "Diffie", "Product Designer", "Product"),
    ("Carol", "Shaw", "Marketing Lead", "Marketing"),
    ("Mae", "Jemison", "Content Strategist", "Marketing"),
    ("Ivan", "Sutherland", "Brand Designer", "Marketing"),
    ("Anita", "Borg", "CEO", "Executive"),
    ("Guido", "van Rossum", "CTO", "Executive"),
];

const OFFICES: &[(&str, &str, &str, &str, &str)] = &[
    ("1 Market St", "San Francisco", "CA", "94105", "US"),
    ("20 Fenchurch St", "London", "", "EC3M 3BY", "GB"),
    ("Unter den Linden 5", "Berlin", "", "10117", "DE"),
    ("Kungsgatan 12", "Stockholm", "", "111 43", "SE"),
];

const GROUPS: &[(&str, &str)] = &[
    ("All Staff", "Everyone at Northwind"),
    ("Engineering", "Engineers and engineering managers"),
    ("Sales", "Sales and customer success"),
    ("People Ops", "HR, recruiting and people partners"),
    ("IT Admins", "People who administer company applications"),
    ("Leadership", "Executives and department heads"),
];

pub fn users() -> Vec<UserDraft> {
    PEOPLE
        .iter()
        .enumerate()
        .map(|(i, (first, last, title, dept))| {
            let username =
                format!("{}.{}", first.to_lowercase(), last.to_lowercase().replace([' ', 'ä'], "").replace('-', ""));
            let office = OFFICES[i % OFFICES.len()];
            let mut d = UserDraft {
                email: format!("{username}@{DOMAIN}"),
                username,
                firstname: first.to_string(),
                lastname: last.to_string(),
                displayname: if i % 5 == 3 { String::new() } else { format!("{first} {last}") },
                job_title: title.to_string(),
                employee_identifier: format!("NW-{:04}", 1001 + i),
                employee_type: if i % 9 == 8 { "Contractor".into() } else { "Full-time".into() },
                department: dept.to_string(),
                cost_center: format!("CC-{}", 100 + (dept.len() * 7) % 90),
                company: "Northwind Traders".into(),
                location: office.1.to_string(),
                locale: if office.4 == "DE" { "de-DE".into() } else { "en-US".into() },
                preferred_language: if office.4 == "DE" { "de".into() } else { "en".into() },
                ..Default::default()
            };
            if i % 7 != 6 {
                let kind = if i % 11 == 10 { "home" } else { "work" };
                d.addresses.push(Address {
                    kind: kind.into(),
                    street_address: office.0.into(),
                    locality: office.1.into(),
                    region: office.2.into(),
                    postal_code: office.3.into(),
                    country: office.4.into(),
                    ..Default::default()
                });
            }
            if i % 4 != 2 {
                d.phone_numbers.push(PhoneNumber { kind: "work".into(), number: format!("+1 415 555 {:04}", 100 + i) });
            }
            if i % 3 == 0 {
                d.phone_numbers
                    .push(PhoneNumber { kind: "mobile".into(), number: format!("+1 628 555 {:04}", 300 + i) });
            }
            d.custom_attributes.insert("startYear".into(), format!("{}", 2015 + i % 10));
            d.state = match i {
                19 => UserState::Suspended,
                27 => UserState::PasswordExpired,
                _ => UserState::Active,
            };
            d
        })
        .collect()
}

impl Gatehouse {
    /// True when there are no users, groups or applications: the first-run state.
    pub fn is_empty(&self) -> CoreResult<bool> {
        let conn = self.store().conn();
        let n: i64 = conn.query_row(
            "SELECT (SELECT count(*) FROM users) + (SELECT count(*) FROM groups) + (SELECT count(*) FROM applications)",
            [],
            |r| r.get(0),
        )?;
        Ok(n == 0)
    }

    /// Loads the sample organization into an empty directory.
    pub fn load_sample(&self) -> CoreResult<(usize, usize)> {
        if !self.is_empty()? {
            return Err(CoreError::conflict(
                "sample",
                "The sample organization can only be loaded into an empty directory.",
            ));
        }
        let people = users();
        let now = now_rfc3339();
        self.store().with_tx(|tx| {
            let mut ids = Vec::new();
            for d in &people {
                let d = super::validate::user(d)?;
                let id = users::new_id();
                users::insert(tx, &id, &d, &now)?;
                ids.push((id, d));
            }
            for (name, description) in GROUPS {
                let gid = users::new_id();
                groups::insert(
                    tx,
                    &gid,
                    &GroupDraft { name: name.to_string(), description: description.to_string() },
                    &now,
                )?;
                let members: Vec<String> = ids
                    .iter()
                    .filter(|(_, d)| match *name {
                        "All Staff" => true,
                        "Engineering" => d.department == "Engineering",
                        "Sales" => d.department == "Sales",
                        "People Ops" => d.department == "People",
                        "IT Admins" => d.department == "IT",
                        _ => {
                            d.department == "Executive" || d.job_title.contains("Head") || d.job_title.starts_with("VP")
                        }
                    })
                    .map(|(id, _)| id.clone())
                    .collect();
                groups::add_members(tx, &gid, &members)?;
            }
            let ev = NewEvent::success("sample_load")
                .detail(serde_json::json!({ "users": ids.len(), "groups": GROUPS.len() }));
            self.record(tx, ev)?;
            Ok((ids.len(), GROUPS.len()))
        })
    }
}
