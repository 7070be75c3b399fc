//! Assembling the SCIM User resource from mapped values: each value is written at its
//! target's path (`name.givenName` into a `name` object, `emails[type eq "work"].value`
//! into the matching element, `$enterpriseUser.x` into the extension object), then the
//! resource is finished (`active`, primary elements, `schemas`) and either turned into a
//! `serde_json::Value` (previews) or written straight to JSON text (batches, request bodies).
//!
//! The tree is lean on purpose: object keys are the schema's `&'static str` names, texts a
//! direct mapping reads stay borrowed from the directory user until output, an expression's
//! result stays the expression language's own value (written by its `write_json`), and JSON
//! text is written without building a `serde_json::Value` at all.
//!
//! Invariants: only coerced, non-empty values are written; whole-attribute values are
//! written before element and sub-attribute values (the caller orders them), so the result
//! does not depend on the order of the mapping list; keys come out sorted, exactly as in a
//! `serde_json::Value`, so both outputs are the same JSON; `schemas` lists exactly the
//! schemas the resource uses.

use std::borrow::Cow;

use gatehouse_expr::{write_json_str, Value as ExprValue};
use serde_json::Value;

use super::convert::coerce;
use super::scim::{AttrType, Expect, Target, CORE_URN, ENTERPRISE_URN};

type Key = Cow<'static, str>;

/// A value in the resource under construction.
#[derive(Clone, Debug)]
pub enum Node<'u> {
    /// A value borrowed from the directory user (a direct mapping's text).
    Ref(&'u Value),
    Value(Value),
    /// An expression's result, written as it is (its maps are key-ordered like serde_json's,
    /// its texts still borrowed from the user).
    Expr(ExprValue<'u>),
    /// An object built path by path.
    Object(Vec<(Key, Node<'u>)>),
    Array(Vec<Node<'u>>),
    /// A JSON literal known at compile time.
    Raw(&'static str),
}

const SCHEMAS_CORE: &str = "[\"urn:ietf:params:scim:schemas:core:2.0:User\"]";
const SCHEMAS_BOTH: &str = "[\"urn:ietf:params:scim:schemas:core:2.0:User\",\
\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\"]";

/// Converts a value borrowed from the user: a text bound for a text target stays borrowed.
pub fn coerce_ref<'u>(v: &'u Value, target: &Target) -> Result<Option<Node<'u>>, String> {
    match (v, target.expects()) {
        (Value::String(s), Expect::Single(ty)) if ty != AttrType::Boolean => {
            Ok((!s.is_empty()).then_some(Node::Ref(v)))
        }
        _ => coerce(v.clone(), target).map(|o| o.map(Node::Value)),
    }
}

/// Converts an expression's result. The usual shapes (a text for a text attribute, an
/// object for a complex one, a list of objects for a multi-valued one) are kept as they
/// are; anything else goes through [`coerce`].
pub fn coerce_expr<'u>(v: ExprValue<'u>, target: &Target) -> Result<Option<Node<'u>>, String> {
    use ExprValue as E;
    let keep = match (&v, target.expects()) {
        (E::Nil, _) => return Ok(None),
        (E::Str(s), Expect::Single(ty)) if ty != AttrType::Boolean => {
            if s.is_empty() {
                return Ok(None);
            }
            true
        }
        (E::Map(m), Expect::Object) => !m.is_empty(),
        (E::Array(a), Expect::List) => !a.is_empty() && a.iter().all(|e| matches!(e, E::Map(m) if !m.is_empty())),
        _ => false,
    };
    if keep {
        Ok(Some(Node::Expr(v)))
    } else {
        coerce(v.into_json(), target).map(|o| o.map(Node::Value))
    }
}

impl<'u> Node<'u> {
    /// The JSON value, copying what is borrowed.
    pub fn to_value(&self) -> Value {
        match self {
            Node::Expr(v) => v.to_json(),
            other => other.clone().into_value(),
        }
    }

    pub fn into_value(self) -> Value {
        match self {
            Node::Ref(v) => v.clone(),
            Node::Value(v) => v,
            Node::Expr(v) => v.into_json(),
            Node::Object(entries) => {
                Value::Object(entries.into_iter().map(|(k, v)| (k.into_owned(), v.into_value())).collect())
            }
            Node::Array(items) => Value::Array(items.into_iter().map(Node::into_value).collect()),
            Node::Raw(s) => serde_json::from_str(s).expect("a valid JSON literal"),
        }
    }

    /// An expression's result as plain JSON, so that it can be refined in place.
    fn materialize(&mut self) {
        if let Node::Expr(v) = self {
            *self = Node::Value(std::mem::take(v).into_json());
        }
    }

    /// The plain value at `key` of an object (`None` for an unmaterialized expression result).
    fn get(&self, key: &str) -> Option<&Value> {
        match self {
            Node::Object(entries) => match entries.iter().find(|(k, _)| k == key).map(|(_, v)| v) {
                Some(Node::Ref(v)) => Some(v),
                Some(Node::Value(v)) => Some(v),
                _ => None,
            },
            Node::Value(Value::Object(m)) => m.get(key),
            _ => None,
        }
    }

    /// Sets `key` of an object (a non-object becomes one).
    fn insert(&mut self, key: Key, v: Node<'u>) {
        self.materialize();
        match self {
            Node::Object(entries) => match entries.iter_mut().find(|(k, _)| *k == key) {
                Some(slot) => slot.1 = v,
                None => entries.push((key, v)),
            },
            Node::Value(Value::Object(m)) => {
                m.insert(key.into_owned(), v.into_value());
            }
            other => *other = Node::Object(vec![(key, v)]),
        }
    }

    /// Sorts object keys, recursively, as `serde_json::Map` orders them.
    fn sort(&mut self) {
        match self {
            Node::Object(entries) => {
                entries.sort_unstable_by(|a, b| a.0.cmp(&b.0));
                entries.iter_mut().for_each(|(_, v)| v.sort());
            }
            Node::Array(items) => items.iter_mut().for_each(Node::sort),
            _ => {}
        }
    }

    fn write(&self, out: &mut String) {
        match self {
            Node::Ref(v) => write_value(out, v),
            Node::Value(v) => write_value(out, v),
            Node::Expr(v) => v.write_json(out),
            Node::Raw(s) => out.push_str(s),
            Node::Object(entries) => {
                out.push('{');
                for (i, (k, v)) in entries.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    match k {
                        // Schema names need no escaping.
                        Cow::Borrowed(k) => {
                            out.push('"');
                            out.push_str(k);
                            out.push_str("\":");
                        }
                        Cow::Owned(k) => {
                            write_json_str(out, k);
                            out.push(':');
                        }
                    }
                    v.write(out);
                }
                out.push('}');
            }
            Node::Array(items) => {
                out.push('[');
                for (i, v) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    v.write(out);
                }
                out.push(']');
            }
        }
    }
}

/// Appends a JSON value as `serde_json` writes it.
fn write_value(out: &mut String, v: &Value) {
    match v {
        Value::String(s) => write_json_str(out, s),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Null => out.push_str("null"),
        // Numbers, and objects or lists from the directory or a constant: rare here.
        v => out.push_str(&v.to_string()),
    }
}

/// The entry `key` of an object's entries, inserted by `make` when absent.
fn slot<'a, 'u>(entries: &'a mut Vec<(Key, Node<'u>)>, key: &'static str, make: fn() -> Node<'u>) -> &'a mut Node<'u> {
    let at = match entries.iter().position(|(k, _)| k == key) {
        Some(i) => i,
        None => {
            entries.push((Cow::Borrowed(key), make()));
            entries.len() - 1
        }
    };
    &mut entries[at].1
}

/// A resource under construction.
#[derive(Default)]
pub struct Resource<'u> {
    root: Vec<(Key, Node<'u>)>,
    /// Multi-valued attributes written element by element: their first element becomes
    /// primary when none is.
    elements: Vec<(bool, &'static str)>,
}

impl<'u> Resource<'u> {
    pub fn with_capacity(n: usize) -> Resource<'u> {
        Resource { root: Vec::with_capacity(n + 2), elements: Vec::new() }
    }

    fn enterprise(&mut self) -> &mut Vec<(Key, Node<'u>)> {
        match slot(&mut self.root, ENTERPRISE_URN, || Node::Object(Vec::new())) {
            Node::Object(entries) => entries,
            other => {
                *other = Node::Object(Vec::new());
                let Node::Object(entries) = other else { unreachable!() };
                entries
            }
        }
    }

    /// Whether the resource has a value at this top-level attribute.
    pub fn has(&self, key: &str) -> bool {
        self.root.iter().any(|(k, _)| k == key)
    }

    /// Writes an already coerced, non-empty value at the target's path.
    pub fn set(&mut self, t: &Target, v: Node<'u>) {
        let root = if t.enterprise { self.enterprise() } else { &mut self.root };
        let name = t.attr.name;
        match (&t.filter, t.sub) {
            (None, None) => match root.iter_mut().find(|(k, _)| k == name) {
                Some(slot) => slot.1 = v,
                None => root.push((Cow::Borrowed(name), v)),
            },
            (None, Some(sub)) => slot(root, name, || Node::Object(Vec::new())).insert(Cow::Borrowed(sub.name), v),
            (Some(filter), sub) => {
                let list = slot(root, name, || Node::Array(Vec::new()));
                list.materialize();
                if let Node::Value(Value::Array(items)) = list {
                    // A whole list written before: its elements become refinable.
                    *list = Node::Array(std::mem::take(items).into_iter().map(Node::Value).collect());
                }
                if !matches!(list, Node::Array(_)) {
                    *list = Node::Array(Vec::new());
                }
                let Node::Array(items) = list else { unreachable!() };
                let at = match items.iter().position(|e| e.get(filter.attr).is_some_and(|v| filter.matches_value(v))) {
                    Some(i) => i,
                    None => {
                        items.push(Node::Object(vec![(Cow::Borrowed(filter.attr), Node::Value(filter.json()))]));
                        items.len() - 1
                    }
                };
                let element = &mut items[at];
                match (sub, v) {
                    (Some(sub), v) => element.insert(Cow::Borrowed(sub.name), v),
                    (None, Node::Value(Value::Object(o))) => {
                        for (k, v) in o {
                            element.insert(Cow::Owned(k), Node::Value(v));
                        }
                    }
                    (None, _) => {}
                }
                if !self.elements.contains(&(t.enterprise, name)) {
                    self.elements.push((t.enterprise, name));
                }
            }
        }
    }

    /// Finishes the resource: `active` from the user's status (an `active` mapping can
    /// only turn it off), primary elements, `schemas`, sorted keys.
    pub fn finish(mut self, user_active: bool) -> Finished<'u> {
        for (enterprise, name) in std::mem::take(&mut self.elements) {
            let root = if enterprise { self.enterprise() } else { &mut self.root };
            if let Some((_, Node::Array(items))) = root.iter_mut().find(|(k, _)| k == name) {
                let primary = items.iter().any(|e| e.get("primary") == Some(&Value::Bool(true)));
                if let (false, Some(first)) = (primary, items.first_mut()) {
                    first.insert(Cow::Borrowed("primary"), Node::Value(Value::Bool(true)));
                }
            }
        }
        let mapped = match self.root.iter().find(|(k, _)| k == "active").map(|(_, v)| v) {
            Some(Node::Value(Value::Bool(b))) => *b,
            _ => true,
        };
        let active = Node::Value(Value::Bool(user_active && mapped));
        match self.root.iter_mut().find(|(k, _)| k == "active") {
            Some(slot) => slot.1 = active,
            None => self.root.push((Cow::Borrowed("active"), active)),
        }
        let enterprise = match self.root.iter().position(|(k, _)| k == ENTERPRISE_URN) {
            Some(i) if matches!(&self.root[i].1, Node::Object(e) if e.is_empty()) => {
                self.root.remove(i);
                false
            }
            Some(_) => true,
            None => false,
        };
        debug_assert!(SCHEMAS_CORE.contains(CORE_URN) && SCHEMAS_BOTH.contains(ENTERPRISE_URN));
        let schemas = if enterprise { SCHEMAS_BOTH } else { SCHEMAS_CORE };
        self.root.push((Cow::Borrowed("schemas"), Node::Raw(schemas)));
        let mut root = Node::Object(self.root);
        root.sort();
        Finished(root)
    }
}

/// A finished resource.
pub struct Finished<'u>(Node<'u>);

impl Finished<'_> {
    pub fn into_value(self) -> Value {
        self.0.into_value()
    }

    /// The resource as compact JSON text, keys sorted: the same text as
    /// `serde_json::to_string(&self.into_value())`.
    pub fn to_json(&self) -> String {
        let mut out = String::with_capacity(1024);
        self.0.write(&mut out);
        out
    }

    /// Appends the JSON text of `to_json` to `out`.
    pub fn write_json(&self, out: &mut String) {
        self.0.write(out);
    }
}

#[cfg(test)]
mod tests {
    use super::super::convert::coerce;
    use super::super::scim::parse;
    use super::*;
    use serde_json::json;

    fn build(values: &[(&str, Value)], active: bool) -> Value {
        let mut targets: Vec<(Target, Value)> = values.iter().map(|(t, v)| (parse(t).unwrap(), v.clone())).collect();
        targets.sort_by_key(|(t, _)| t.filter.is_some() || t.sub.is_some());
        let mut r = Resource::default();
        for (t, v) in targets {
            if let Some(v) = coerce(v, &t).unwrap() {
                r.set(&t, Node::Value(v));
            }
        }
        let finished = r.finish(active);
        let text = finished.to_json();
        let value = finished.into_value();
        assert_eq!(text, serde_json::to_string(&value).unwrap(), "both outputs are the same JSON");
        value
    }

    #[test]
    fn paths_nest_filter_and_extend() {
        let r = build(
            &[
                ("emails[type eq \"work\"].value", json!("a@x.com")),
                ("name.givenName", json!("Ada")),
                ("name.familyName", json!("")),
                ("$enterpriseUser.department", json!("R&D")),
                ("addresses[type eq \"work\"].locality", json!("Zurich")),
                ("addresses[type eq \"work\"].country", json!("CH")),
                ("userName", json!("ada \"the\" first")),
            ],
            true,
        );
        assert_eq!(
            r,
            json!({
                "schemas": [CORE_URN, ENTERPRISE_URN],
                "userName": "ada \"the\" first",
                "active": true,
                "name": {"givenName": "Ada"},
                "emails": [{"type": "work", "value": "a@x.com", "primary": true}],
                "addresses": [{"type": "work", "locality": "Zurich", "country": "CH", "primary": true}],
                ENTERPRISE_URN: {"department": "R&D"}
            })
        );
    }

    #[test]
    fn element_paths_refine_a_whole_list_whatever_the_order() {
        let r = build(
            &[
                ("emails[type eq \"work\"].display", json!("Ada")),
                ("emails", json!([{"type": "work", "value": "a@x.com", "primary": true}])),
                ("name.givenName", json!("Ada")),
                ("name", json!({"familyName": "Lovelace", "givenName": "A."})),
            ],
            false,
        );
        assert_eq!(r["emails"], json!([{"type": "work", "value": "a@x.com", "primary": true, "display": "Ada"}]));
        assert_eq!(r["name"], json!({"familyName": "Lovelace", "givenName": "Ada"}));
        assert_eq!(r["active"], json!(false));
        assert_eq!(r["schemas"], json!([CORE_URN]));
    }

    #[test]
    fn an_active_mapping_can_only_turn_the_account_off() {
        assert_eq!(build(&[("active", json!(false))], true)["active"], json!(false));
        assert_eq!(build(&[("active", json!(true))], false)["active"], json!(false));
        assert_eq!(build(&[("active", json!(true))], true)["active"], json!(true));
    }

    #[test]
    fn keys_from_expressions_are_escaped() {
        let r = build(&[("name", json!({"giv\"en\\": "x"})), ("name.familyName", json!("L"))], true);
        assert_eq!(r["name"], json!({"giv\"en\\": "x", "familyName": "L"}));
    }

    #[test]
    fn borrowed_texts_stay_borrowed() {
        let t = parse("title").unwrap();
        let v = json!("Analyst");
        assert!(matches!(coerce_ref(&v, &t), Ok(Some(Node::Ref(_)))));
        assert!(matches!(coerce_ref(&json!(""), &t), Ok(None)));
        let active = parse("active").unwrap();
        assert_eq!(coerce_ref(&json!("TRUE"), &active).unwrap().unwrap().to_value(), json!(true));
    }

    #[test]
    fn expression_results_keep_their_usual_shapes() {
        let user = json!({"email": "a@x.com", "n": 7});
        let env = gatehouse_expr::Env::new().with("u", &user);
        let eval = |src: &str| {
            let schema = gatehouse_expr::Schema::new().with_variable("u");
            gatehouse_expr::compile(src, &schema).unwrap().eval(&env).unwrap()
        };
        let t = |s: &str| parse(s).unwrap();
        let kept = |src: &str, target: &str| matches!(coerce_expr(eval(src), &t(target)), Ok(Some(Node::Expr(_))));
        assert!(kept("u.email", "userName"));
        assert!(kept("toScimEmails(u.email)", "emails"));
        assert!(kept("{'givenName': 'Ada'}", "name"));
        assert_eq!(coerce_expr(eval("u.n"), &t("title")).unwrap().unwrap().to_value(), json!("7"));
        assert_eq!(coerce_expr(eval("'true'"), &t("active")).unwrap().unwrap().to_value(), json!(true));
        assert!(matches!(coerce_expr(eval("''"), &t("title")), Ok(None)));
        assert!(matches!(coerce_expr(eval("{}"), &t("name")), Ok(None)));
        assert!(coerce_expr(eval("toScimEmails(u.email)"), &t("userName")).unwrap_err().contains("single value"));
        assert!(coerce_expr(eval("u.email"), &t("emails")).unwrap_err().contains("multi-valued"));
        let mut r = Resource::default();
        r.set(&t("emails"), coerce_expr(eval("toScimEmails(u.email)"), &t("emails")).unwrap().unwrap());
        r.set(&t("emails[type eq \"work\"].display"), Node::Value(json!("Ada")));
        let done = r.finish(true);
        assert_eq!(done.to_json(), serde_json::to_string(&done.into_value()).unwrap());
    }
}
