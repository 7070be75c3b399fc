//! The language as the mapping editor uses it: the reference's 15Five expressions on real
//! shaped users, error positions and "did you mean" hints, and the safety limits (each
//! limit test must end in an error quickly, never a panic, a hang or a stack overflow).

use std::time::{Duration, Instant};

use gatehouse_expr::{compile, functions, Env, ErrorKind, ExprError, Schema, Value};
use serde_json::{json, Value as J};

// ---- the 15Five default mapping (reference: "15Five User Attributes") ----

const DISPLAY_NAME: &str = "notNullOrEmpty(jcUser.displayname) ? jcUser.displayname : (notNullOrEmpty(jcUser.lastname) ? jcUser.firstname + ' ' + jcUser.lastname : jcUser.firstname)";
const EXTERNAL_ID: &str = "notNullOrEmpty(providerUser.externalId) ? providerUser.externalId : jcUser.id";
const LOCALE: &str = "notNullOrEmpty(providerUser.locale) ? providerUser.locale : 'en-US'";
const ADDRESSES: &str = "toScimAddresses(find(jcUser.addresses, .type == 'work') ?? first(jcUser.addresses))";
const EMAILS: &str = "toScimEmails(jcUser.email)";
const PHONES: &str = "toScimPhoneNumbers(find(jcUser.phoneNumbers, .type == 'work') ?? first(jcUser.phoneNumbers))";

fn map(expr: &str, user: &J, provider: &J) -> J {
    let program = compile(expr, &Schema::mapping()).unwrap_or_else(|e| panic!("{expr}: {e}"));
    let env = Env::new().with("jcUser", user).with("providerUser", provider);
    program.eval_json(&env).unwrap_or_else(|e| panic!("{expr}: {e}"))
}

fn ada() -> J {
    json!({
        "id": "5f1a", "username": "ada", "email": "ada@example.com",
        "firstname": "Ada", "lastname": "Lovelace", "displayname": "",
        "addresses": [
            {"type": "home", "streetAddress": "12 Home Rd", "locality": "London", "postalCode": "N1", "country": "GB"},
            {"type": "work", "streetAddress": "1 Analytical St", "poBox": "PO Box 7", "locality": "London",
             "region": "Greater London", "postalCode": "EC1", "country": "GB"}
        ],
        "phoneNumbers": [{"type": "mobile", "number": "+44 7700 900000"}, {"type": "work", "number": "+44 20 7946 0000"}]
    })
}

#[test]
fn display_name_prefers_displayname_then_first_and_last_name() {
    let mut user = ada();
    assert_eq!(map(DISPLAY_NAME, &user, &json!({})), json!("Ada Lovelace"), "empty displayname falls back");
    user["displayname"] = json!("Countess Lovelace");
    assert_eq!(map(DISPLAY_NAME, &user, &json!({})), json!("Countess Lovelace"));
    let only_first = json!({"firstname": "Ada", "lastname": ""});
    assert_eq!(map(DISPLAY_NAME, &only_first, &json!({})), json!("Ada"), "no lastname: first name alone");
    let missing_keys = json!({"firstname": "Ada"});
    assert_eq!(map(DISPLAY_NAME, &missing_keys, &json!({})), json!("Ada"), "missing keys read nil");
}

#[test]
fn external_id_keeps_the_applications_value_once_it_exists() {
    assert_eq!(map(EXTERNAL_ID, &ada(), &json!({})), json!("5f1a"), "before the account exists");
    assert_eq!(map(EXTERNAL_ID, &ada(), &json!({"externalId": "15f-99"})), json!("15f-99"));
    assert_eq!(map(LOCALE, &ada(), &json!({})), json!("en-US"));
    assert_eq!(map(LOCALE, &ada(), &json!({"locale": "fr-CH"})), json!("fr-CH"));
}

#[test]
fn addresses_prefer_the_work_address() {
    let out = map(ADDRESSES, &ada(), &json!({}));
    assert_eq!(
        out,
        json!([{
            "type": "work", "primary": true,
            "streetAddress": "1 Analytical St\nPO Box 7", "locality": "London", "region": "Greater London",
            "postalCode": "EC1", "country": "GB",
            "formatted": "1 Analytical St\nPO Box 7\nLondon, Greater London EC1\nGB"
        }])
    );
}

#[test]
fn addresses_fall_back_to_the_first_and_to_nil() {
    let mut user = ada();
    user["addresses"] = json!([{"type": "home", "streetAddress": "12 Home Rd", "locality": "London", "country": "GB"}]);
    let out = map(ADDRESSES, &user, &json!({}));
    assert_eq!(
        out,
        json!([{"type": "home", "primary": true, "streetAddress": "12 Home Rd", "locality": "London",
                "country": "GB", "formatted": "12 Home Rd\nLondon\nGB"}]),
        "only a home address: it is used, empty fields omitted"
    );
    user["addresses"] = json!([]);
    assert_eq!(map(ADDRESSES, &user, &json!({})), J::Null, "no address: nil (attribute not sent)");
    user.as_object_mut().unwrap().remove("addresses");
    assert_eq!(map(ADDRESSES, &user, &json!({})), J::Null, "missing addresses read nil");
}

#[test]
fn phone_numbers_prefer_work_then_first_then_nil() {
    let mut user = ada();
    assert_eq!(map(PHONES, &user, &json!({})), json!([{"type": "work", "value": "+44 20 7946 0000", "primary": true}]));
    user["phoneNumbers"] = json!([{"type": "mobile", "number": "+44 7700 900000"}]);
    assert_eq!(
        map(PHONES, &user, &json!({})),
        json!([{"type": "mobile", "value": "+44 7700 900000", "primary": true}])
    );
    user["phoneNumbers"] = json!([{"number": "555"}]);
    assert_eq!(map(PHONES, &user, &json!({})), json!([{"type": "work", "value": "555", "primary": true}]));
    user["phoneNumbers"] = json!([]);
    assert_eq!(map(PHONES, &user, &json!({})), J::Null);
}

#[test]
fn emails_become_one_primary_work_email() {
    assert_eq!(map(EMAILS, &ada(), &json!({})), json!([{"value": "ada@example.com", "type": "work", "primary": true}]));
    assert_eq!(map(EMAILS, &json!({"email": ""}), &json!({})), J::Null);
    assert_eq!(map(EMAILS, &json!({}), &json!({})), J::Null);
}

#[test]
fn not_null_or_empty_is_false_only_for_empty_things() {
    let cases = [
        ("nil", false),
        ("''", false),
        ("[]", false),
        ("{}", false),
        ("0", true),
        ("false", true),
        ("' '", true),
        ("[nil]", true),
    ];
    for (src, want) in cases {
        let v = compile(&format!("notNullOrEmpty({src})"), &Schema::open()).unwrap().eval_json(&Env::new()).unwrap();
        assert_eq!(v, json!(want), "notNullOrEmpty({src})");
    }
}

#[test]
fn reading_the_user_borrows_it() {
    let user = ada();
    let program = compile("jcUser.addresses", &Schema::mapping()).unwrap();
    let env = Env::new().with("jcUser", &user);
    match program.eval(&env).unwrap() {
        Value::JsonArray(a) => assert!(std::ptr::eq(a, user["addresses"].as_array().unwrap())),
        other => panic!("expected borrowed JSON, got {other:?}"),
    }
    match compile("jcUser.firstname", &Schema::mapping()).unwrap().eval(&env).unwrap() {
        Value::Str(gatehouse_expr::Str::Borrowed(s)) => {
            assert!(std::ptr::eq(s, user["firstname"].as_str().unwrap()))
        }
        other => panic!("expected a borrowed string, got {other:?}"),
    }
}

#[test]
fn programs_can_be_shared_between_threads() {
    fn shareable<T: Send + Sync>() {}
    shareable::<gatehouse_expr::Program>();
}

// ---- diagnostics ----

fn err(src: &str, schema: &Schema) -> ExprError {
    match compile(src, schema) {
        Err(e) => e,
        Ok(p) => p.eval(&Env::new()).expect_err(src),
    }
}

#[test]
fn misspelt_field_is_a_compile_error_with_a_suggestion() {
    let e = compile("upper(jcUser.fristname)", &Schema::mapping()).unwrap_err();
    assert_eq!(e.kind, ErrorKind::UnknownName);
    assert_eq!(e.to_string(), "1:14: unknown field jcUser.fristname — did you mean firstname?");
    assert_eq!((e.line, e.column, e.end_line, e.end_column), (1, 14, 1, 23));
    let e = compile("jcUser.jobtitle", &Schema::mapping()).unwrap_err();
    assert_eq!(e.message, "unknown field jcUser.jobtitle — did you mean jobTitle?", "case-only difference");
    let e = compile("jcUser['lastnme']", &Schema::mapping()).unwrap_err();
    assert!(e.message.ends_with("did you mean lastname?"), "{e}");
    assert!(compile("providerUser.anything", &Schema::mapping()).is_ok(), "providerUser is open");
}

#[test]
fn unknown_names_and_functions_are_compile_errors() {
    let e = compile("jcUsr.id", &Schema::mapping()).unwrap_err();
    assert_eq!(e.to_string(), "1:1: unknown name jcUsr — did you mean jcUser?");
    let e = compile("toUpper(jcUser.id)", &Schema::mapping()).unwrap_err();
    assert_eq!(e.kind, ErrorKind::UnknownName);
    let e = compile("date('2023-01-01').format('2006')", &Schema::mapping()).unwrap_err();
    assert!(e.message.contains("did you mean Format?"), "{e}");
    let e = compile("upper('a', 'b')", &Schema::mapping()).unwrap_err();
    assert_eq!(e.kind, ErrorKind::Type);
    let ctx = json!({"user": {"name": "x"}});
    assert!(compile("user.name", &Schema::from_context(&ctx)).is_ok());
    assert!(compile("other.name", &Schema::from_context(&ctx)).is_err());
}

#[test]
fn positions_are_lines_and_character_columns() {
    let src = "notNullOrEmpty(jcUser.email)\n  ? jcUser.emial\n  : ''";
    let e = compile(src, &Schema::mapping()).unwrap_err();
    assert_eq!((e.line, e.column), (2, 12), "{e}");
    let e = compile("'é🙂' + jcUsr", &Schema::mapping()).unwrap_err();
    assert_eq!((e.line, e.column), (1, 8), "columns count characters, not bytes");
    let e = err("1 +", &Schema::open());
    assert_eq!((e.kind, e.line, e.column), (ErrorKind::Syntax, 1, 4));
    let e = err("(1 + 2", &Schema::open());
    assert_eq!(e.kind, ErrorKind::Syntax);
    assert!(e.message.contains("expected `)`"), "{e}");
    let e = err("'abc' + 1", &Schema::open());
    assert_eq!((e.kind, e.line, e.column), (ErrorKind::Type, 1, 1));
    let e = err("[1, 2][5]", &Schema::open());
    assert_eq!(e.kind, ErrorKind::Runtime);
    assert!(e.message.contains("index out of range"), "{e}");
}

#[test]
fn errors_serialize_for_the_ui() {
    let e = compile("jcUser.fristname", &Schema::mapping()).unwrap_err();
    let j = serde_json::to_value(&e).unwrap();
    assert_eq!(j["kind"], "unknownName");
    assert_eq!(j["line"], 1);
    assert_eq!(j["column"], 8);
    assert_eq!(j["endColumn"], 17);
}

#[test]
fn the_editor_can_list_functions_and_fields() {
    let names: Vec<&str> = functions().iter().map(|f| f.name).collect();
    for required in ["notNullOrEmpty", "toScimAddresses", "find", "first", "upper", "date", "len"] {
        assert!(names.contains(&required), "{required} missing from functions()");
    }
    assert!(functions().iter().all(|f| !f.doc.is_empty() && f.signature.starts_with(f.name)));
    let fields = Schema::mapping().fields("jcUser").unwrap().to_vec();
    assert_eq!(fields.len(), 22);
    assert!(fields.contains(&"customAttributes".to_string()));
    assert!(Schema::mapping().fields("providerUser").is_none());
}

// ---- limits ----

/// CPU time of this thread (Linux), so that a busy machine does not fail a time bound.
fn thread_cpu() -> Option<Duration> {
    let text = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    Some(Duration::from_nanos(text.split_whitespace().next()?.parse().ok()?))
}

/// Runs `f`, asserting it took under `limit` of CPU (or of wall time where CPU time is not
/// available); twenty seconds of wall time catch a hang in any case.
fn within<T>(what: &str, limit: Duration, f: impl FnOnce() -> T) -> T {
    let (wall, cpu) = (Instant::now(), thread_cpu());
    let out = f();
    let cpu = thread_cpu().zip(cpu).map(|(end, start)| end.saturating_sub(start));
    let took = cpu.unwrap_or_else(|| wall.elapsed());
    assert!(took < limit && wall.elapsed() < Duration::from_secs(20), "{what} took {took:?}");
    out
}

fn quick_error(src: &str) -> ExprError {
    within(src, Duration::from_secs(2), || err(src, &Schema::open()))
}

#[test]
fn deep_nesting_is_refused() {
    for src in [
        format!("{}1{}", "(".repeat(10_000), ")".repeat(10_000)),
        format!("{}1{}", "[".repeat(500), "]".repeat(500)),
        format!("{}true", "!".repeat(10_000)),
        format!("{}1", "-".repeat(10_000)),
        vec!["1"; 10_000].join("+"),
        format!("x{}", ".a".repeat(10_000)),
        format!("{}1{}", "f(".repeat(1000), ")".repeat(1000)),
    ] {
        assert_eq!(quick_error(&src).kind, ErrorKind::Limit, "{}", &src[..40.min(src.len())]);
    }
    let long = format!("'{}'", "x".repeat(70_000));
    assert_eq!(quick_error(&long).kind, ErrorKind::Limit);
}

#[test]
fn huge_values_are_refused_before_they_are_built() {
    for src in [
        "1..1000000000",
        "repeat('x', 1e9)",
        "repeat('abc', 2000000)",
        "join(map(1..1000000, 'xxxxxxxxxx'), '')",
        "reduce(1..100000, #acc + 'xxxxxxxxxx', '')",
        "reduce(1..1000, [#acc], [])",
        "map(1..1000000, 1..1000000)",
        "toJSON(map(1..900000, {{a: #}}))",
        // Sharing makes these cheap to build but huge to print, compare or convert.
        "let a = 1..1000; let b = [a,a,a,a,a,a,a,a,a,a]; let c = [b,b,b,b,b,b,b,b,b,b]; let d = [c,c,c,c,c,c,c,c,c,c]; [d,d,d]",
        "let a = 1..1000; let b = [a,a,a,a,a,a,a,a,a,a]; let c = [b,b,b,b,b,b,b,b,b,b]; let d = [c,c,c,c,c,c,c,c,c,c]; d == d",
        "let a = 1..1000; let b = [a,a,a,a,a,a,a,a,a,a]; let c = [b,b,b,b,b,b,b,b,b,b]; let d = [c,c,c,c,c,c,c,c,c,c]; string(d)",
        "let s = repeat('x', 4000000); [s,s,s,s,s,s,s,s,s,s,s,s,s,s,s,s,s,s,s,s]",
    ] {
        assert_eq!(quick_error(src).kind, ErrorKind::Limit, "{src}");
    }
}

#[test]
fn long_loops_stop() {
    for src in [
        "map(1..100000, map(1..100000, #))",
        "count(1..1000000, # > 0) + count(1..1000000, # > 0)",
        "sort(map(1..500000, -#))",
        "uniq(1..100000)",
    ] {
        assert_eq!(quick_error(src).kind, ErrorKind::Limit, "{src}");
    }
}

#[test]
fn big_borrowed_data_is_walked_only_within_the_budget() {
    // A large context (as the CLI's `expr eval` may bind): 200,000 nodes.
    let ctx = json!({
        "list": (0..100_000).collect::<Vec<_>>(),
        "obj": (0..50_000).map(|i| (format!("k{i}"), json!(i))).collect::<serde_json::Map<_, _>>(),
    });
    let schema = Schema::from_context(&json!({"ctx": {}}));
    for src in [
        "map(1..100000, [ctx])",
        "map(1..100000, ctx == [1])",
        "map(1..100000, ctx.list in [[1]])",
        "map(1..10000, keys(ctx.obj))",
        "map(1..10000, string(ctx.list))",
    ] {
        let e = within(src, Duration::from_secs(3), || {
            compile(src, &schema).unwrap().eval(&Env::new().with("ctx", &ctx)).expect_err(src)
        });
        assert_eq!(e.kind, ErrorKind::Limit, "{src}: {e}");
    }
}

#[test]
fn nested_expressions_run_on_a_small_stack_and_deeper_ones_fail_cleanly() {
    // 20 nested calls/arrays (40 levels) is far beyond real mappings; it must work even in
    // unoptimised builds, where frames are largest.
    let ok = |n: usize| {
        vec![
            format!("{}1{}", "1 + (".repeat(n), ")".repeat(n)),
            format!("{}true{}", "!(".repeat(n), ")".repeat(n)),
            format!("{}1{}", "len([".repeat(n), "])".repeat(n)),
            format!("{}[1]{}", "map(".repeat(n), ", #)".repeat(n)),
            format!("{}x{}", "first([".repeat(n), "])".repeat(n)),
        ]
    };
    let deep: Vec<String> = ok(2000).into_iter().chain(ok(130)).collect();
    let handle = std::thread::Builder::new()
        .stack_size(1 << 20)
        .spawn(move || {
            for src in ok(20) {
                let p = compile(&src, &Schema::open()).unwrap_or_else(|e| panic!("{e}"));
                p.eval(&Env::new()).unwrap_or_else(|e| panic!("{e}"));
            }
            for src in deep {
                let e = err(&src, &Schema::open());
                assert_eq!(e.kind, ErrorKind::Limit, "{}", &src[..30]);
            }
        })
        .unwrap();
    handle.join().expect("no stack overflow on a 1 MiB stack");
}
