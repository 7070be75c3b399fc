//! Bounds on compilation and evaluation, so that no input can hang the app or exhaust its
//! memory: source length and nesting at compile time; a step budget, a cumulative
//! allocation budget and caps on the size and depth of produced values at run time.
//! Every check happens *before* the corresponding allocation.

use std::collections::BTreeMap;

use crate::error::{Fail, Res};
use crate::value::{measure_walked, sort_entries, AnyMap, Array, Key, Map, Str, Value};

/// Longest accepted source text, in bytes.
pub const MAX_SOURCE_LEN: usize = 64 * 1024;

/// Run-time limits of one evaluation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// Evaluation steps (one per node visited and per loop iteration, plus bulk work).
    pub max_steps: u64,
    /// Cumulative allocation, in units of one array element or map entry or 8 string bytes.
    pub max_memory: u64,
    /// Longest array (or map) a single operation may produce.
    pub max_array_len: usize,
    /// Longest string a single operation may produce, in bytes.
    pub max_string_bytes: usize,
    /// Deepest nesting of arrays and maps a value may have.
    pub max_value_depth: u32,
    /// Largest expanded size of a value (nodes, shared parts counted each time they appear;
    /// strings one per 16 bytes): bounds what printing or converting a result can cost.
    pub max_value_weight: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_steps: 1_000_000,
            max_memory: 10_000_000,
            max_array_len: 1_000_000,
            max_string_bytes: 4 << 20,
            max_value_depth: 128,
            max_value_weight: 2_000_000,
        }
    }
}

/// What is left of the limits during one evaluation.
pub(crate) struct Budget {
    steps: u64,
    memory: u64,
    pub limits: Limits,
}

impl Budget {
    pub fn new(limits: Limits) -> Budget {
        Budget { steps: limits.max_steps, memory: limits.max_memory, limits }
    }

    #[inline]
    pub fn tick(&mut self) -> Res<()> {
        if self.steps == 0 {
            return Err(self.out_of_steps());
        }
        self.steps -= 1;
        Ok(())
    }

    #[cold]
    fn out_of_steps(&self) -> Fail {
        Fail::limit(format!("evaluation stopped after {} steps (the expression loops too long)", self.limits.max_steps))
    }

    /// Charges work proportional to a size (sorting, copying, scanning).
    pub fn work(&mut self, steps: u64) -> Res<()> {
        if self.steps < steps {
            self.steps = 0;
            return Err(self.out_of_steps());
        }
        self.steps -= steps;
        Ok(())
    }

    fn alloc(&mut self, units: u64) -> Res<()> {
        if self.memory < units {
            self.memory = 0;
            return Err(Fail::limit(format!(
                "evaluation stopped: it allocates more than its memory budget ({} units)",
                self.limits.max_memory
            )));
        }
        self.memory -= units;
        Ok(())
    }

    /// Checks (and charges) an array or map of `n` elements before it is built.
    pub fn check_len(&mut self, n: usize) -> Res<()> {
        if n > self.limits.max_array_len {
            return Err(Fail::limit(format!(
                "the result would have {n} elements; at most {} are allowed",
                self.limits.max_array_len
            )));
        }
        self.alloc(n as u64)
    }

    /// Checks (and charges) a string of `bytes` bytes before it is built.
    pub fn check_str(&mut self, bytes: usize) -> Res<()> {
        if bytes > self.limits.max_string_bytes {
            return Err(Fail::limit(format!(
                "the result would be a string of {bytes} bytes; at most {} are allowed",
                self.limits.max_string_bytes
            )));
        }
        self.alloc(bytes as u64 / 8 + 1)
    }

    /// Measures a new container's elements, refusing too deep or too heavy results; the
    /// measuring of borrowed JSON is charged as work.
    fn measure<'v, 'a: 'v>(&mut self, items: impl Iterator<Item = &'v Value<'a>>) -> Res<(u32, u64)> {
        let (depth, weight, walked) = measure_walked(items, self.limits.max_value_weight);
        self.work(walked)?;
        if depth > self.limits.max_value_depth {
            return Err(Fail::limit(format!(
                "the result would nest arrays or maps {depth} levels deep; at most {} are allowed",
                self.limits.max_value_depth
            )));
        }
        if weight > self.limits.max_value_weight {
            return Err(Fail::limit(format!(
                "the result would be too large (more than {} elements once expanded)",
                self.limits.max_value_weight
            )));
        }
        Ok((depth, weight))
    }

    /// Charges the work of walking a whole value (printing, comparing, converting).
    pub fn walk(&mut self, v: &Value<'_>) -> Res<()> {
        let w = v.weight(self.steps);
        self.work(w)
    }

    pub fn array<'a>(&mut self, items: Vec<Value<'a>>) -> Res<Value<'a>> {
        self.check_len(items.len())?;
        let m = self.measure(items.iter())?;
        Ok(Value::Array(Array::with_measure(items, m)))
    }

    /// A map from entries in any order (for a repeated key the last wins).
    pub fn map<'a>(&mut self, items: Vec<(Str<'a>, Value<'a>)>) -> Res<Value<'a>> {
        self.check_len(items.len())?;
        let items = sort_entries(items);
        let m = self.measure(items.iter().map(|e| &e.1))?;
        Ok(Value::Map(Map::with_measure(items, m)))
    }

    /// A map from entries already sorted by key, without repeats.
    pub fn map_sorted<'a>(&mut self, items: Vec<(Str<'a>, Value<'a>)>) -> Res<Value<'a>> {
        self.check_len(items.len())?;
        let m = self.measure(items.iter().map(|e| &e.1))?;
        Ok(Value::Map(Map::with_measure(items, m)))
    }

    pub fn any_map<'a>(&mut self, items: BTreeMap<Key<'a>, Value<'a>>) -> Res<Value<'a>> {
        self.check_len(items.len())?;
        let m = self.measure(items.values())?;
        Ok(Value::AnyMap(AnyMap::with_measure(items, m)))
    }

    pub fn string<'a>(&mut self, s: String) -> Res<Value<'a>> {
        self.check_str(s.len())?;
        Ok(Value::from(s))
    }
}

/// Stack a compilation or an evaluation may use below its entry point. The structural
/// limits (`MAX_DEPTH`, value depth) bound recursion; this guard bounds its *size*, which
/// matters in unoptimised builds where frames are large. It trips long before a 1 MiB
/// thread stack (the smallest in common use) could overflow.
pub(crate) const STACK_BUDGET: usize = 384 * 1024;

/// Measures stack use from where it was created.
#[derive(Clone, Copy)]
pub(crate) struct StackGuard {
    base: usize,
}

#[inline(always)]
fn stack_pointer() -> usize {
    let marker = 0u8;
    std::hint::black_box(&marker) as *const u8 as usize
}

impl StackGuard {
    #[inline(never)]
    pub fn new() -> StackGuard {
        StackGuard { base: stack_pointer() }
    }

    #[inline(always)]
    pub fn check(self) -> Res<()> {
        if self.base.abs_diff(stack_pointer()) > STACK_BUDGET {
            return Err(deep());
        }
        Ok(())
    }
}

#[cold]
fn deep() -> Fail {
    Fail::limit("the expression is nested too deeply")
}
