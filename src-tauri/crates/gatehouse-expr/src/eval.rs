//! Evaluates a checked tree against an environment. Reads of environment data borrow it;
//! every node visit costs one step of the budget, so evaluation always terminates.
//!
//! Nil-tolerance (a deliberate, documented choice for mappings): reading a field or index of
//! nil gives nil, so `jcUser.manager.email` is nil when there is no manager.

use crate::ast::{BinOp, Expr, ExprKind, Pointer, UnOp};
use crate::builtins;
use crate::error::{Fail, Res};
use crate::gotime::methods;
use crate::limits::Budget;
use crate::ops;
use crate::value::{Key, Str, Value};

/// Variables visible to an expression: names bound to borrowed JSON (or any value).
#[derive(Clone, Debug, Default)]
pub struct Env<'a> {
    vars: Vec<(&'a str, Value<'a>)>,
}

impl<'a> Env<'a> {
    pub fn new() -> Self {
        Env { vars: Vec::new() }
    }

    /// Binds `name` to borrowed JSON; nothing is copied.
    pub fn with(self, name: &'a str, value: &'a serde_json::Value) -> Self {
        self.with_value(name, Value::from_json_ref(value))
    }

    /// Binds `name` to a value (replacing an earlier binding of the same name).
    pub fn with_value(mut self, name: &'a str, value: Value<'a>) -> Self {
        self.vars.retain(|(n, _)| *n != name);
        self.vars.push((name, value));
        self
    }

    pub fn get(&self, name: &str) -> Option<&Value<'a>> {
        self.vars.iter().find(|(n, _)| *n == name).map(|(_, v)| v)
    }
}

/// The iteration state of the innermost predicate (`#`, `#index`, `#acc`).
pub(crate) struct Scope<'a> {
    pub item: Value<'a>,
    pub index: usize,
    pub acc: Value<'a>,
}

pub(crate) struct Ctx<'e, 'a> {
    env: &'e Env<'a>,
    locals: Vec<Value<'a>>,
    pub scopes: Vec<Scope<'a>>,
    pub budget: Budget,
}

fn bool_of(v: &Value<'_>, what: &str) -> Res<bool> {
    match v {
        Value::Bool(b) => Ok(*b),
        other => Err(Fail::ty(format!("{what} must be a boolean, not {}", other.kind_article()))),
    }
}

impl<'e, 'a> Ctx<'e, 'a> {
    pub fn new(env: &'e Env<'a>, budget: Budget) -> Self {
        Ctx { env, locals: Vec::new(), scopes: Vec::new(), budget }
    }

    pub fn eval(&mut self, e: &Expr) -> Res<Value<'a>> {
        self.budget.tick().map_err(|f| f.at(e.span))?;
        self.eval_kind(e).map_err(|f| f.at(e.span))
    }

    fn eval_kind(&mut self, e: &Expr) -> Res<Value<'a>> {
        match &e.kind {
            ExprKind::Const(v) => Ok(v.clone()),
            ExprKind::Var(name) => Ok(self.env.get(name).cloned().unwrap_or_default()),
            ExprKind::Local(slot) => Ok(self.locals.get(*slot as usize).cloned().unwrap_or_default()),
            ExprKind::Pointer(p) => Ok(self.pointer(*p)),
            ExprKind::Field { base, name, .. } => {
                let b = self.eval(base)?;
                member(&b, name)
            }
            ExprKind::Member { base, key, .. } => {
                let b = self.eval(base)?;
                let k = self.eval(key)?;
                member(&b, &k)
            }
            ExprKind::Slice { base, from, to } => {
                let b = self.eval(base)?;
                let from = from.as_ref().map(|f| self.eval(f)).transpose()?;
                let to = to.as_ref().map(|t| self.eval(t)).transpose()?;
                slice(&b, from.as_ref(), to.as_ref(), &mut self.budget)
            }
            ExprKind::Unary(op, operand) => {
                let v = self.eval(operand)?;
                unary(*op, v)
            }
            ExprKind::Binary(op, left, right) => self.binary(*op, left, right),
            ExprKind::Cond(cond, yes, no) => {
                let c = self.eval(cond)?;
                if bool_of(&c, "a condition").map_err(|f| f.at(cond.span))? {
                    self.eval(yes)
                } else {
                    self.eval(no)
                }
            }
            ExprKind::LetSlot { value, body, .. } => {
                let v = self.eval(value)?;
                self.locals.push(v);
                let r = self.eval(body);
                self.locals.pop();
                r
            }
            ExprKind::Seq(items) => {
                let mut last = Value::Nil;
                for item in items {
                    last = self.eval(item)?;
                }
                Ok(last)
            }
            ExprKind::Array(items) => {
                self.budget.check_len(items.len())?;
                let mut out = Vec::with_capacity(items.len());
                for item in items {
                    out.push(self.eval(item)?);
                }
                self.budget.array(out)
            }
            ExprKind::Map(pairs) => {
                let mut out = std::collections::BTreeMap::new();
                for (k, v) in pairs {
                    let key = match self.eval(k)? {
                        Value::Str(s) => s,
                        other => {
                            return Err(Fail::ty(format!("a map key must be a string, not {}", other.kind_article()))
                                .at(k.span))
                        }
                    };
                    let value = self.eval(v)?;
                    out.insert(key, value);
                }
                self.budget.map(out)
            }
            ExprKind::Builtin { func, args } => builtins::call(self, *func, args),
            ExprKind::Method { base, method, args, optional } => {
                let recv = self.eval(base)?;
                if recv.is_nil() && *optional {
                    return Ok(Value::Nil);
                }
                let mut vals = Vec::with_capacity(args.len());
                for a in args {
                    vals.push(self.eval(a)?);
                }
                methods::call(*method, &recv, &vals)
            }
            ExprKind::MatchesConst(left, re) => {
                let v = self.eval(left)?;
                match &v {
                    Value::Nil => Ok(Value::Bool(false)),
                    Value::Str(s) => {
                        self.budget.work(s.len() as u64 / 16)?;
                        Ok(Value::Bool(re.is_match(s)))
                    }
                    other => Err(Fail::ty(format!("matches needs a string, not {}", other.kind_article()))),
                }
            }
            ExprKind::Closure(_)
            | ExprKind::Ident(_)
            | ExprKind::PointerName(_)
            | ExprKind::Call { .. }
            | ExprKind::MethodCall { .. }
            | ExprKind::Let { .. } => Err(Fail::runtime("internal error: expression was not checked")),
        }
    }

    fn pointer(&self, p: Pointer) -> Value<'a> {
        let Some(s) = self.scopes.last() else { return Value::Nil };
        match p {
            Pointer::Item => s.item.clone(),
            Pointer::Index => Value::Int(s.index as i64),
            Pointer::Acc => s.acc.clone(),
        }
    }

    fn binary(&mut self, op: BinOp, left: &Expr, right: &Expr) -> Res<Value<'a>> {
        match op {
            BinOp::And | BinOp::Or => {
                let l = self.eval(left)?;
                let l = bool_of(&l, &format!("the left side of `{}`", op.symbol())).map_err(|f| f.at(left.span))?;
                if l == (op == BinOp::Or) {
                    return Ok(Value::Bool(l));
                }
                let r = self.eval(right)?;
                let r = bool_of(&r, &format!("the right side of `{}`", op.symbol())).map_err(|f| f.at(right.span))?;
                Ok(Value::Bool(r))
            }
            BinOp::Coalesce => {
                let l = self.eval(left)?;
                if l.is_nil() {
                    self.eval(right)
                } else {
                    Ok(l)
                }
            }
            _ => {
                let l = self.eval(left)?;
                let r = self.eval(right)?;
                ops::binary(op, l, r, &mut self.budget)
            }
        }
    }

    /// Runs `body` once per element with `#` bound; used by the predicate builtins.
    pub fn with_scope<T>(&mut self, f: impl FnOnce(&mut Self) -> Res<T>) -> Res<T> {
        self.scopes.push(Scope { item: Value::Nil, index: 0, acc: Value::Nil });
        let r = f(self);
        self.scopes.pop();
        r
    }

    pub fn scope(&mut self) -> &mut Scope<'a> {
        self.scopes.last_mut().expect("inside with_scope")
    }
}

fn unary<'a>(op: UnOp, v: Value<'a>) -> Res<Value<'a>> {
    match (op, v) {
        (UnOp::Not, Value::Bool(b)) => Ok(Value::Bool(!b)),
        (UnOp::Neg, Value::Int(i)) => Ok(Value::Int(i.wrapping_neg())),
        (UnOp::Neg, Value::Float(f)) => Ok(Value::Float(-f)),
        (UnOp::Plus, v @ (Value::Int(_) | Value::Float(_))) => Ok(v),
        (op, v) => {
            let sym = match op {
                UnOp::Not => "not",
                UnOp::Neg => "-",
                UnOp::Plus => "+",
            };
            Err(Fail::ty(format!("invalid operation: {sym} {}", v.type_name())))
        }
    }
}

fn index_of(key: &Value<'_>, len: usize, what: &str) -> Res<usize> {
    let i = match key {
        Value::Int(i) => *i,
        Value::Float(f) => *f as i64,
        other => {
            return Err(Fail::ty(format!("cannot index {what} with {}", other.kind_article())));
        }
    };
    let j = if i < 0 { i.saturating_add(len as i64) } else { i };
    if j < 0 || j as usize >= len {
        return Err(Fail::runtime(format!("index out of range: {i} ({what} length is {len})")));
    }
    Ok(j as usize)
}

/// `base.key` and `base[key]`.
pub(crate) fn member<'a>(base: &Value<'a>, key: &Value<'a>) -> Res<Value<'a>> {
    match base {
        Value::Nil => Ok(Value::Nil),
        Value::Map(_) | Value::JsonObject(_) => match key {
            Value::Str(k) => Ok(base.obj().and_then(|o| o.get(k)).unwrap_or_default()),
            Value::Nil => Ok(Value::Nil),
            other => Err(Fail::ty(format!(
                "cannot look up {} in a map whose keys are strings",
                other.kind_article()
            ))),
        },
        Value::AnyMap(m) => Ok(m.get(&Key::from_value(key)?).cloned().unwrap_or_default()),
        Value::Array(_) | Value::JsonArray(_) => {
            let list = base.list().expect("array");
            let i = index_of(key, list.len(), "array")?;
            Ok(list.get(i).unwrap_or_default())
        }
        Value::Str(s) => Ok(Value::Int(s.as_bytes()[index_of(key, s.len(), "string")?].into())),
        Value::Bytes(b) => Ok(Value::Int(b[index_of(key, b.len(), "byte string")?].into())),
        other => match key {
            Value::Str(k) if methods::Method::lookup(k).is_some() => {
                Err(Fail::ty(format!("{k} is a method; call it as {k}()")))
            }
            _ => Err(Fail::ty(format!(
                "cannot read {} of {}",
                match key {
                    Value::Str(k) => format!("field {k}"),
                    _ => "an element".to_string(),
                },
                other.kind_article()
            ))),
        },
    }
}

fn bound(v: Option<&Value<'_>>, default: i64) -> Res<i64> {
    match v {
        None => Ok(default),
        Some(Value::Int(i)) => Ok(*i),
        Some(Value::Float(f)) => Ok(*f as i64),
        Some(other) => Err(Fail::ty(format!("a slice bound must be a number, not {}", other.kind_article()))),
    }
}

/// `base[from:to]`, clamped to the bounds like expr-lang (strings and byte strings slice bytes).
pub(crate) fn slice<'a>(
    base: &Value<'a>,
    from: Option<&Value<'a>>,
    to: Option<&Value<'a>>,
    budget: &mut Budget,
) -> Res<Value<'a>> {
    let len = match base {
        Value::Nil => return Ok(Value::Nil),
        Value::Str(s) => s.len(),
        Value::Bytes(b) => b.len(),
        _ => match base.list() {
            Some(l) => l.len(),
            None => return Err(Fail::ty(format!("cannot slice {}", base.kind_article()))),
        },
    } as i64;
    let fix = |i: i64| (if i < 0 { i.saturating_add(len) } else { i }).clamp(0, len);
    let b = fix(bound(to, len)?);
    let a = fix(bound(from, 0)?).min(b);
    let (a, b) = (a as usize, b as usize);
    match base {
        Value::Str(s) => match (s.get(a..b), s) {
            (Some(_), Str::Borrowed(r)) => Ok(Value::Str(Str::Borrowed(&r[a..b]))),
            (Some(sub), _) => Ok(Value::from(sub.to_string())),
            (None, _) => budget.string(String::from_utf8_lossy(&s.as_bytes()[a..b]).into_owned()),
        },
        Value::Bytes(bytes) => Ok(Value::Bytes(bytes[a..b].into())),
        _ => {
            let list = base.list().expect("array");
            budget.work((b - a) as u64 / 8)?;
            budget.array((a..b).filter_map(|i| list.get(i)).collect())
        }
    }
}
