//! The function table: every builtin's name, arity, implementation and one-line
//! documentation (exported through `functions()` for the editor's completion). Arity is
//! checked when an expression is compiled; argument types when it runs.

mod collections;
mod math;
mod predicates;
mod strings;
mod time;

use serde::Serialize;

use crate::ast::Expr;
use crate::error::{Fail, Res};
use crate::eval::Ctx;
use crate::limits::Budget;
use crate::scim;
use crate::value::{List, Value};

pub(crate) use predicates::Kind as PredKind;

/// Documentation of one function, for completion and help in the mapping editor.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct FunctionDoc {
    pub name: &'static str,
    pub signature: &'static str,
    pub doc: &'static str,
}

pub(crate) type PlainFn = for<'a> fn(&mut Budget, &[Value<'a>]) -> Res<Value<'a>>;

#[derive(Clone, Copy)]
pub(crate) enum Imp {
    Plain(PlainFn),
    Pred(PredKind),
}

pub(crate) struct Builtin {
    pub name: &'static str,
    pub min: usize,
    pub max: usize,
    pub imp: Imp,
}

/// A resolved builtin (an index into the table).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Func(u16);

const MANY: usize = usize::MAX;

macro_rules! builtins {
    ($($name:literal $min:literal..$max:tt $imp:expr, $sig:literal, $doc:literal;)*) => {
        static BUILTINS: &[Builtin] = &[$(Builtin { name: $name, min: $min, max: arity!($max), imp: $imp },)*];
        static DOCS: &[FunctionDoc] = &[$(FunctionDoc { name: $name, signature: $sig, doc: $doc },)*];
    };
}

macro_rules! arity {
    (MANY) => {
        MANY
    };
    ($n:literal) => {
        $n
    };
}

use Imp::{Plain, Pred};
use PredKind as K;

builtins! {
    // Mapping functions (reference: JumpCloud's attribute mapping expressions).
    "notNullOrEmpty" 1..1 Plain(scim::not_null_or_empty), "notNullOrEmpty(v) bool", "false for nil, \"\", [] and {}; true otherwise";
    "toScimEmails" 1..1 Plain(scim::to_scim_emails), "toScimEmails(email) array", "a SCIM emails list with one primary work address (nil for nil or \"\")";
    "toScimAddresses" 1..1 Plain(scim::to_scim_addresses), "toScimAddresses(address) array", "SCIM addresses from a directory address or a list of them (the first is primary)";
    "toScimPhoneNumbers" 1..1 Plain(scim::to_scim_phone_numbers), "toScimPhoneNumbers(phone) array", "SCIM phoneNumbers from a directory phone {type, number} or a list of them";
    // Predicates.
    "all" 2..2 Pred(K::All), "all(array, predicate) bool", "whether every element satisfies the predicate";
    "none" 2..2 Pred(K::None), "none(array, predicate) bool", "whether no element satisfies the predicate";
    "any" 2..2 Pred(K::Any), "any(array, predicate) bool", "whether some element satisfies the predicate";
    "one" 2..2 Pred(K::One), "one(array, predicate) bool", "whether exactly one element satisfies the predicate";
    "filter" 2..2 Pred(K::Filter), "filter(array, predicate) array", "the elements that satisfy the predicate";
    "map" 2..2 Pred(K::Map), "map(array, expr) array", "the expression applied to each element (#)";
    "find" 2..2 Pred(K::Find), "find(array, predicate)", "the first element that satisfies the predicate, or nil";
    "findIndex" 2..2 Pred(K::FindIndex), "findIndex(array, predicate) int", "the index of the first match, or nil";
    "findLast" 2..2 Pred(K::FindLast), "findLast(array, predicate)", "the last element that satisfies the predicate, or nil";
    "findLastIndex" 2..2 Pred(K::FindLastIndex), "findLastIndex(array, predicate) int", "the index of the last match, or nil";
    "count" 1..2 Pred(K::Count), "count(array[, predicate]) int", "how many elements satisfy the predicate (or are true)";
    "sum" 1..2 Pred(K::Sum), "sum(array[, expr])", "the sum of the elements (or of the expression for each)";
    "groupBy" 2..2 Pred(K::GroupBy), "groupBy(array, expr) map", "the elements grouped by the value of the expression";
    "sortBy" 2..3 Pred(K::SortBy), "sortBy(array, expr[, \"asc\"|\"desc\"]) array", "the elements sorted by the value of the expression";
    "reduce" 2..3 Pred(K::Reduce), "reduce(array, expr[, initial])", "folds the array: #acc is the accumulator, # the element";
    // Strings.
    "len" 1..1 Plain(collections::len), "len(v) int", "length of a string (in characters), array or map";
    "upper" 1..1 Plain(strings::upper), "upper(s) string", "upper-case";
    "lower" 1..1 Plain(strings::lower), "lower(s) string", "lower-case";
    "trim" 1..2 Plain(strings::trim), "trim(s[, chars]) string", "removes surrounding white space (or the given characters)";
    "trimPrefix" 1..2 Plain(strings::trim_prefix), "trimPrefix(s[, prefix]) string", "removes a leading prefix (default \" \")";
    "trimSuffix" 1..2 Plain(strings::trim_suffix), "trimSuffix(s[, suffix]) string", "removes a trailing suffix (default \" \")";
    "split" 2..3 Plain(strings::split), "split(s, sep[, n]) array", "splits around sep (at most n parts)";
    "splitAfter" 2..3 Plain(strings::split_after), "splitAfter(s, sep[, n]) array", "splits after each sep (at most n parts)";
    "join" 1..2 Plain(strings::join), "join(array[, sep]) string", "joins strings with sep (default \"\")";
    "replace" 3..4 Plain(strings::replace), "replace(s, old, new[, n]) string", "replaces old with new (the first n times)";
    "repeat" 2..2 Plain(strings::repeat), "repeat(s, n) string", "s repeated n times";
    "indexOf" 2..2 Plain(strings::index_of), "indexOf(s, sub) int", "byte index of the first sub, or -1";
    "lastIndexOf" 2..2 Plain(strings::last_index_of), "lastIndexOf(s, sub) int", "byte index of the last sub, or -1";
    "hasPrefix" 2..2 Plain(strings::has_prefix), "hasPrefix(s, prefix) bool", "whether s starts with prefix";
    "hasSuffix" 2..2 Plain(strings::has_suffix), "hasSuffix(s, suffix) bool", "whether s ends with suffix";
    "string" 1..1 Plain(strings::string), "string(v) string", "text form of any value (as Go prints it)";
    "toJSON" 1..1 Plain(strings::to_json), "toJSON(v) string", "JSON text (indented by two spaces)";
    "fromJSON" 1..1 Plain(strings::from_json), "fromJSON(s)", "parses JSON text (numbers become floats)";
    "toBase64" 1..1 Plain(strings::to_base64), "toBase64(s) string", "standard base64 of a string";
    "fromBase64" 1..1 Plain(strings::from_base64), "fromBase64(s) string", "decodes standard base64";
    // Numbers.
    "abs" 1..1 Plain(math::abs), "abs(n)", "absolute value";
    "ceil" 1..1 Plain(math::ceil), "ceil(n) float", "rounds up";
    "floor" 1..1 Plain(math::floor), "floor(n) float", "rounds down";
    "round" 1..1 Plain(math::round), "round(n) float", "rounds half away from zero";
    "int" 1..1 Plain(math::int), "int(v) int", "converts a number or numeric string to an integer";
    "float" 1..1 Plain(math::float), "float(v) float", "converts a number or numeric string to a float";
    "max" 1..MANY Plain(math::max), "max(n...)", "the largest number (arrays are searched too)";
    "min" 1..MANY Plain(math::min), "min(n...)", "the smallest number (arrays are searched too)";
    "mean" 1..MANY Plain(math::mean), "mean(n...) float", "the average";
    "median" 1..MANY Plain(math::median), "median(n...) float", "the median";
    "bitand" 2..2 Plain(math::bitand), "bitand(a, b) int", "bitwise and";
    "bitor" 2..2 Plain(math::bitor), "bitor(a, b) int", "bitwise or";
    "bitxor" 2..2 Plain(math::bitxor), "bitxor(a, b) int", "bitwise exclusive or";
    "bitnand" 2..2 Plain(math::bitnand), "bitnand(a, b) int", "a and not b";
    "bitnot" 1..1 Plain(math::bitnot), "bitnot(a) int", "bitwise not";
    "bitshl" 2..2 Plain(math::bitshl), "bitshl(a, n) int", "shift left";
    "bitshr" 2..2 Plain(math::bitshr), "bitshr(a, n) int", "arithmetic shift right";
    "bitushr" 2..2 Plain(math::bitushr), "bitushr(a, n) int", "logical shift right";
    // Arrays and maps.
    "type" 1..1 Plain(collections::type_of), "type(v) string", "the type name: nil, bool, int, float, string, array, map, time.Time, ...";
    "first" 1..1 Plain(collections::first), "first(array)", "the first element, or nil";
    "last" 1..1 Plain(collections::last), "last(array)", "the last element, or nil";
    "get" 2..2 Plain(collections::get), "get(v, key)", "an element or field, or nil when missing";
    "take" 2..2 Plain(collections::take), "take(array, n) array", "the first n elements";
    "keys" 1..1 Plain(collections::keys), "keys(map) array", "the keys, sorted";
    "values" 1..1 Plain(collections::values), "values(map) array", "the values, in key order";
    "toPairs" 1..1 Plain(collections::to_pairs), "toPairs(map) array", "[[key, value], ...] in key order";
    "fromPairs" 1..1 Plain(collections::from_pairs), "fromPairs(array) map", "a map from [[key, value], ...]";
    "reverse" 1..1 Plain(collections::reverse), "reverse(array) array", "the elements in reverse order";
    "uniq" 1..1 Plain(collections::uniq), "uniq(array) array", "the elements without repeats";
    "concat" 1..MANY Plain(collections::concat), "concat(array...) array", "the arrays joined";
    "flatten" 1..1 Plain(collections::flatten), "flatten(array) array", "nested arrays flattened";
    "sort" 1..2 Plain(collections::sort), "sort(array[, \"asc\"|\"desc\"]) array", "the elements sorted";
    // Dates.
    "now" 0..1 Plain(time::now), "now([timezone])", "the current date and time";
    "date" 1..4 Plain(time::date), "date(s[, layout[, zone]])", "parses a date; layouts use Go's reference time 2006-01-02 15:04:05";
    "duration" 1..1 Plain(time::duration), "duration(s)", "parses a duration such as \"1h30m\"";
    "timezone" 1..1 Plain(time::timezone), "timezone(name)", "a time zone such as \"Europe/Zurich\"";
}

/// Every function an expression may call, with its signature and a one-line description.
pub fn functions() -> &'static [FunctionDoc] {
    DOCS
}

impl Func {
    pub(crate) fn lookup(name: &str) -> Option<Func> {
        BUILTINS.iter().position(|b| b.name == name).map(|i| Func(i as u16))
    }
    pub(crate) fn name(self) -> &'static str {
        BUILTINS[self.0 as usize].name
    }
    pub(crate) fn arity(self) -> (usize, usize) {
        let b = &BUILTINS[self.0 as usize];
        (b.min, b.max)
    }
}

pub(crate) fn names() -> impl Iterator<Item = &'static str> {
    BUILTINS.iter().map(|b| b.name)
}

pub(crate) fn call<'a>(ctx: &mut Ctx<'_, 'a>, func: Func, args: &[Expr]) -> Res<Value<'a>> {
    match BUILTINS[func.0 as usize].imp {
        Imp::Pred(kind) => predicates::call(ctx, kind, args),
        Imp::Plain(f) => {
            let v = plain(ctx, f, args)?;
            // Work proportional to what was produced (copying, scanning, formatting).
            ctx.budget.work(output_cost(&v))?;
            Ok(v)
        }
    }
}

fn output_cost(v: &Value<'_>) -> u64 {
    match v {
        Value::Str(crate::value::Str::Shared(s)) => s.len() as u64 / 32,
        Value::Array(a) => a.len() as u64 / 4,
        Value::Map(m) => m.len() as u64 / 4,
        Value::AnyMap(m) => m.len() as u64 / 4,
        _ => 0,
    }
}

fn plain<'a>(ctx: &mut Ctx<'_, 'a>, f: PlainFn, args: &[Expr]) -> Res<Value<'a>> {
    if args.len() <= 4 {
        let mut buf: [Value<'a>; 4] = Default::default();
        for (slot, a) in buf.iter_mut().zip(args) {
            *slot = ctx.eval(a)?;
        }
        return f(&mut ctx.budget, &buf[..args.len()]);
    }
    let mut vals = Vec::with_capacity(args.len());
    for a in args {
        vals.push(ctx.eval(a)?);
    }
    f(&mut ctx.budget, &vals)
}

// ---- argument helpers shared by the implementations ----

fn arg_error(name: &str, i: usize, want: &str, got: &Value<'_>) -> Fail {
    Fail::ty(format!("{name} expects {want} as argument {}, not {}", i + 1, got.kind_article()))
}

pub(crate) fn str_arg<'v>(name: &str, args: &'v [Value<'_>], i: usize) -> Res<&'v str> {
    match args.get(i) {
        Some(Value::Str(s)) => Ok(s),
        Some(v) => Err(arg_error(name, i, "a string", v)),
        None => Err(Fail::ty(format!("{name} needs argument {}", i + 1))),
    }
}

pub(crate) fn int_arg(name: &str, args: &[Value<'_>], i: usize) -> Res<i64> {
    match args.get(i) {
        Some(Value::Int(n)) => Ok(*n),
        Some(Value::Float(f)) => Ok(*f as i64),
        Some(v) => Err(arg_error(name, i, "a number", v)),
        None => Err(Fail::ty(format!("{name} needs argument {}", i + 1))),
    }
}

pub(crate) fn list_arg<'v, 'a>(name: &str, args: &'v [Value<'a>], i: usize) -> Res<List<'v, 'a>> {
    match args.get(i) {
        Some(v) => v.list().ok_or_else(|| arg_error(name, i, "an array", v)),
        None => Err(Fail::ty(format!("{name} needs argument {}", i + 1))),
    }
}
