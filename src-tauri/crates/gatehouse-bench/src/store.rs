//! Store figures: opening an existing database, and inserting 100,000 rows in one write.

use std::time::Instant;

use gatehouse_core::events::{self, NewEvent};
use gatehouse_core::store::Store;
use gatehouse_core::{Actor, CoreError};

use crate::report::{median, ms, Goal, Report};

pub fn run(report: &mut Report) -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let store = Store::open(dir.path())?;
    let t = Instant::now();
    store.with_tx(|tx| -> Result<(), CoreError> {
        for i in 0..100_000u32 {
            let ev = NewEvent::success("user_update_provision")
                .app("bench-app", "Bench")
                .subject("user", format!("u{i}"), format!("user{i}@example.com"))
                .detail(serde_json::json!({ "fields": ["title"] }));
            events::record(tx, Actor::Sync, &ev)?;
        }
        Ok(())
    })?;
    report.add("store: insert 100,000 activity rows (one transaction)", ms(t.elapsed()), "ms", Goal::Below(1500.0));
    drop(store);

    let open = median(15, || {
        let s = Store::open(dir.path()).expect("reopen");
        std::hint::black_box(s.schema_version());
    });
    report.add("store: open an existing database (100,000 rows)", ms(open), "ms", Goal::Below(50.0));
    Ok(())
}
