//! Builtins that take a predicate (`find(xs, .type == 'work')`, `map(xs, # * 2)`,
//! `reduce(xs, #acc + #, 0)`): the collection is iterated *by reference* (elements of
//! borrowed JSON are not copied), with `#`, `#index` and `#acc` bound per element.
//!
//! Nil-tolerance (a deliberate, documented choice for mappings): a nil collection behaves
//! like an empty array, so `find(jcUser.addresses, ...)` is nil for a user without addresses.

use std::collections::BTreeMap;

use super::collections::{compare, descending, merge_sort};
use crate::ast::{Expr, ExprKind};
use crate::error::{Fail, Res};
use crate::eval::Ctx;
use crate::ops;
use crate::value::{Key, List, Value};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    All,
    None,
    Any,
    One,
    Filter,
    Map,
    Find,
    FindIndex,
    FindLast,
    FindLastIndex,
    Count,
    Sum,
    GroupBy,
    SortBy,
    Reduce,
}

fn body(e: &Expr) -> &Expr {
    match &e.kind {
        ExprKind::Closure(b) => b,
        _ => e,
    }
}

fn truth(v: &Value<'_>) -> Res<bool> {
    match v {
        Value::Bool(b) => Ok(*b),
        other => Err(Fail::ty(format!("a predicate must give a boolean, not {}", other.kind_article()))),
    }
}

pub(crate) fn call<'a>(ctx: &mut Ctx<'_, 'a>, kind: Kind, args: &[Expr]) -> Res<Value<'a>> {
    let coll = ctx.eval(&args[0])?;
    let empty: [Value<'a>; 0] = [];
    let list = match (&coll, coll.list()) {
        (_, Some(l)) => l,
        (Value::Nil, _) => List::Owned(&empty),
        (other, _) => {
            return Err(
                Fail::ty(format!("expected an array to iterate over, not {}", other.kind_article())).at(args[0].span)
            )
        }
    };
    let pred = args.get(1).map(body);
    // Arguments evaluated before the loop, as in expr-lang.
    let extra = match (kind, args.get(2)) {
        (Kind::SortBy | Kind::Reduce, Some(e)) => Some(ctx.eval(e)?),
        _ => None,
    };
    ctx.with_scope(|ctx| run(ctx, kind, list, pred, extra))
}

fn each<'a>(ctx: &mut Ctx<'_, 'a>, list: List<'_, 'a>, i: usize, pred: Option<&Expr>) -> Res<(Value<'a>, Value<'a>)> {
    ctx.budget.tick()?;
    let item = list.get(i).unwrap_or_default();
    ctx.set_item(item.clone(), i);
    let r = match pred {
        Some(p) => ctx.eval(p)?,
        None => item.clone(),
    };
    Ok((item, r))
}

type Pred<'x> = Option<&'x Expr>;

/// Dispatches to one helper per kind, so only the taken one's frame is on the stack.
fn run<'a>(
    ctx: &mut Ctx<'_, 'a>,
    kind: Kind,
    list: List<'_, 'a>,
    pred: Pred<'_>,
    extra: Option<Value<'a>>,
) -> Res<Value<'a>> {
    match kind {
        Kind::All | Kind::None | Kind::Any => quantifier(ctx, kind, list, pred),
        Kind::One | Kind::Count => count(ctx, kind, list, pred),
        Kind::Filter | Kind::Map => collect(ctx, kind, list, pred),
        Kind::Find | Kind::FindIndex | Kind::FindLast | Kind::FindLastIndex => find(ctx, kind, list, pred),
        Kind::Sum => sum(ctx, list, pred),
        Kind::GroupBy => group_by(ctx, list, pred),
        Kind::SortBy => sort_by(ctx, list, pred, extra),
        Kind::Reduce => reduce(ctx, list, pred, extra),
    }
}

/// all: stop at the first false; none/any: stop at the first true.
fn quantifier<'a>(ctx: &mut Ctx<'_, 'a>, kind: Kind, list: List<'_, 'a>, pred: Pred<'_>) -> Res<Value<'a>> {
    let stop_on = kind != Kind::All;
    for i in 0..list.len() {
        let (_, r) = each(ctx, list, i, pred)?;
        if truth(&r)? == stop_on {
            return Ok(Value::Bool(kind == Kind::Any));
        }
    }
    Ok(Value::Bool(kind != Kind::Any))
}

fn count<'a>(ctx: &mut Ctx<'_, 'a>, kind: Kind, list: List<'_, 'a>, pred: Pred<'_>) -> Res<Value<'a>> {
    let mut n = 0i64;
    for i in 0..list.len() {
        let (_, r) = each(ctx, list, i, pred)?;
        n += i64::from(truth(&r)?);
    }
    Ok(if kind == Kind::One { Value::Bool(n == 1) } else { Value::Int(n) })
}

fn collect<'a>(ctx: &mut Ctx<'_, 'a>, kind: Kind, list: List<'_, 'a>, pred: Pred<'_>) -> Res<Value<'a>> {
    let mut out = Vec::new();
    for i in 0..list.len() {
        let (item, r) = each(ctx, list, i, pred)?;
        if kind == Kind::Map {
            out.push(r);
        } else if truth(&r)? {
            out.push(item);
        }
    }
    ctx.budget.array(out)
}

fn find<'a>(ctx: &mut Ctx<'_, 'a>, kind: Kind, list: List<'_, 'a>, pred: Pred<'_>) -> Res<Value<'a>> {
    let n = list.len();
    let backwards = matches!(kind, Kind::FindLast | Kind::FindLastIndex);
    for k in 0..n {
        let i = if backwards { n - 1 - k } else { k };
        let (item, r) = each(ctx, list, i, pred)?;
        if truth(&r)? {
            return Ok(match kind {
                Kind::Find | Kind::FindLast => item,
                _ => Value::Int(i as i64),
            });
        }
    }
    Ok(Value::Nil)
}

fn sum<'a>(ctx: &mut Ctx<'_, 'a>, list: List<'_, 'a>, pred: Pred<'_>) -> Res<Value<'a>> {
    let mut acc = Value::Int(0);
    for i in 0..list.len() {
        let (_, r) = each(ctx, list, i, pred)?;
        acc = ops::binary(crate::ast::BinOp::Add, r, &acc, &mut ctx.budget)?;
    }
    Ok(acc)
}

fn group_by<'a>(ctx: &mut Ctx<'_, 'a>, list: List<'_, 'a>, pred: Pred<'_>) -> Res<Value<'a>> {
    let mut groups: BTreeMap<Key<'a>, Vec<Value<'a>>> = BTreeMap::new();
    for i in 0..list.len() {
        let (item, r) = each(ctx, list, i, pred)?;
        groups.entry(Key::from_value(&r)?).or_default().push(item);
    }
    let mut out = BTreeMap::new();
    for (k, items) in groups {
        out.insert(k, ctx.budget.array(items)?);
    }
    ctx.budget.any_map(out)
}

fn sort_by<'a>(ctx: &mut Ctx<'_, 'a>, list: List<'_, 'a>, pred: Pred<'_>, order: Option<Value<'a>>) -> Res<Value<'a>> {
    let desc = descending("sortBy", order.as_ref())?;
    let mut pairs = Vec::with_capacity(list.len());
    for i in 0..list.len() {
        pairs.push(each(ctx, list, i, pred)?);
    }
    merge_sort(&mut ctx.budget, &mut pairs, &mut |x, y| compare(&x.1, &y.1, desc))?;
    ctx.budget.array(pairs.into_iter().map(|p| p.0).collect())
}

fn reduce<'a>(ctx: &mut Ctx<'_, 'a>, list: List<'_, 'a>, pred: Pred<'_>, init: Option<Value<'a>>) -> Res<Value<'a>> {
    let (mut acc, start) = match init {
        Some(init) => (init, 0),
        None if list.len() == 0 => return Err(Fail::runtime("reduce of empty array with no initial value")),
        None => (list.get(0).unwrap_or_default(), 1),
    };
    for i in start..list.len() {
        ctx.set_acc(acc);
        let (_, r) = each(ctx, list, i, pred)?;
        acc = r;
    }
    Ok(acc)
}
