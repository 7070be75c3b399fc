//! Owned containers: arrays, string-keyed maps (a sorted vector) and any-keyed maps. Each
//! records its nesting depth and expanded weight when built, so that limits can be checked
//! in constant time and every walk over a value is bounded.

use std::collections::BTreeMap;
use std::ops::Deref;
use std::sync::Arc;

use super::{Key, Str, Value};

macro_rules! container {
    ($(#[$doc:meta])* $name:ident, $inner:ident, $ty:ty) => {
        $(#[$doc])*
        #[derive(Clone, Debug)]
        pub struct $name<'a>(Arc<$inner<'a>>);

        #[derive(Debug)]
        struct $inner<'a> {
            items: $ty,
            depth: u32,
            weight: u64,
        }

        impl<'a> Deref for $name<'a> {
            type Target = $ty;
            fn deref(&self) -> &$ty {
                &self.0.items
            }
        }

        impl<'a> $name<'a> {
            /// Nesting depth: 1 plus the deepest element.
            pub fn depth(&self) -> u32 {
                self.0.depth
            }
            /// Expanded size: what printing or converting the value walks (see `Value::weight`).
            pub fn weight(&self) -> u64 {
                self.0.weight
            }
            /// The elements, copied out if this value is shared.
            pub fn into_inner(self) -> $ty {
                match Arc::try_unwrap(self.0) {
                    Ok(inner) => inner.items,
                    Err(shared) => shared.items.clone(),
                }
            }
        }
    };
}

container!(
    /// An owned array.
    Array, ArrayInner, Vec<Value<'a>>
);
/// An owned map with string keys: entries sorted by key, unique (a sorted vector: small
/// maps, which are the common case, cost one allocation and no searching to build).
#[derive(Clone, Debug)]
pub struct Map<'a>(Arc<MapInner<'a>>);

#[derive(Debug)]
struct MapInner<'a> {
    items: Vec<(Str<'a>, Value<'a>)>,
    depth: u32,
    weight: u64,
}
container!(
    /// An owned map with keys of any comparable type, sorted by key.
    AnyMap, AnyMapInner, BTreeMap<Key<'a>, Value<'a>>
);

impl<'a> Array<'a> {
    pub fn new(items: Vec<Value<'a>>) -> Self {
        let (depth, weight) = measure(items.iter(), u64::MAX);
        Array(Arc::new(ArrayInner { items, depth, weight }))
    }
    pub(crate) fn with_measure(items: Vec<Value<'a>>, (depth, weight): (u32, u64)) -> Self {
        Array(Arc::new(ArrayInner { items, depth, weight }))
    }
}

impl<'a> Map<'a> {
    pub fn new(items: BTreeMap<Str<'a>, Value<'a>>) -> Self {
        Map::from_entries(items.into_iter().collect())
    }
    /// A map from entries in any order; for a repeated key the last entry wins.
    pub fn from_entries(items: Vec<(Str<'a>, Value<'a>)>) -> Self {
        let items = sort_entries(items);
        let (depth, weight) = measure(items.iter().map(|e| &e.1), u64::MAX);
        Map(Arc::new(MapInner { items, depth, weight }))
    }
    /// `items` must be sorted by key without repeats.
    pub(crate) fn with_measure(items: Vec<(Str<'a>, Value<'a>)>, (depth, weight): (u32, u64)) -> Self {
        debug_assert!(items.windows(2).all(|w| w[0].0 < w[1].0), "map entries must be sorted");
        Map(Arc::new(MapInner { items, depth, weight }))
    }
    pub fn depth(&self) -> u32 {
        self.0.depth
    }
    /// Expanded size (see `Value::weight`).
    pub fn weight(&self) -> u64 {
        self.0.weight
    }
    pub fn get(&self, key: &str) -> Option<&Value<'a>> {
        let items = &self.0.items;
        items.binary_search_by(|(k, _)| (**k).cmp(key)).ok().map(|i| &items[i].1)
    }
    pub fn contains_key(&self, key: &str) -> bool {
        self.get(key).is_some()
    }
    pub fn len(&self) -> usize {
        self.0.items.len()
    }
    pub fn is_empty(&self) -> bool {
        self.0.items.is_empty()
    }
    /// Entries in key order.
    pub fn iter(&self) -> impl Iterator<Item = (&Str<'a>, &Value<'a>)> {
        self.0.items.iter().map(|(k, v)| (k, v))
    }
    pub fn values(&self) -> impl Iterator<Item = &Value<'a>> {
        self.0.items.iter().map(|(_, v)| v)
    }
    /// The entries, copied out if this value is shared.
    pub fn into_inner(self) -> Vec<(Str<'a>, Value<'a>)> {
        match Arc::try_unwrap(self.0) {
            Ok(inner) => inner.items,
            Err(shared) => shared.items.clone(),
        }
    }
}

/// Sorts entries by key; for a repeated key the last one wins.
pub(crate) fn sort_entries<'a>(mut items: Vec<(Str<'a>, Value<'a>)>) -> Vec<(Str<'a>, Value<'a>)> {
    if items.windows(2).all(|w| w[0].0 < w[1].0) {
        return items;
    }
    items.reverse();
    items.sort_by(|a, b| a.0.cmp(&b.0));
    items.dedup_by(|later, earlier| later.0 == earlier.0);
    items
}

impl<'a> AnyMap<'a> {
    pub fn new(items: BTreeMap<Key<'a>, Value<'a>>) -> Self {
        let (depth, weight) = measure(items.values(), u64::MAX);
        AnyMap(Arc::new(AnyMapInner { items, depth, weight }))
    }
    pub(crate) fn with_measure(items: BTreeMap<Key<'a>, Value<'a>>, (depth, weight): (u32, u64)) -> Self {
        AnyMap(Arc::new(AnyMapInner { items, depth, weight }))
    }
}

/// (depth, weight) of a container holding `items`; the weight stops growing past `cap`.
pub(crate) fn measure<'v, 'a: 'v>(items: impl Iterator<Item = &'v Value<'a>>, cap: u64) -> (u32, u64) {
    let (depth, weight, _) = measure_walked(items, cap);
    (depth, weight)
}

/// Like `measure`, also returning how many borrowed-JSON nodes were walked to find out
/// (owned elements cost nothing: their weight is recorded).
pub(crate) fn measure_walked<'v, 'a: 'v>(items: impl Iterator<Item = &'v Value<'a>>, cap: u64) -> (u32, u64, u64) {
    let (mut depth, mut weight, mut walked) = (0u32, 1u64, 0u64);
    for v in items {
        depth = depth.max(v.depth());
        let w = v.weight(cap.saturating_sub(weight));
        if matches!(v, Value::JsonArray(_) | Value::JsonObject(_)) {
            walked = walked.saturating_add(w);
        }
        weight = weight.saturating_add(w);
        if weight > cap {
            break;
        }
    }
    (depth + 1, weight, walked)
}

/// Node count of borrowed JSON (strings weigh one per 16 bytes), counting at most to `cap`.
pub(super) fn json_weight(j: &serde_json::Value, cap: u64) -> u64 {
    let mut total = 0u64;
    let mut stack = vec![j];
    while let Some(v) = stack.pop() {
        total += 1;
        match v {
            serde_json::Value::String(s) => total += s.len() as u64 / 16,
            serde_json::Value::Array(a) => stack.extend(a.iter()),
            serde_json::Value::Object(o) => stack.extend(o.values()),
            _ => {}
        }
        if total > cap {
            break;
        }
    }
    total
}
