//! `MemoryStore`: a `SecretStore` in a `HashMap`, for unit tests only (feature
//! `test-support`). Nothing outlives the process.

use crate::{SecretError, SecretRef, SecretStore, Sensitive};
use std::collections::HashMap;
use std::sync::Mutex;

#[derive(Default)]
pub struct MemoryStore {
    entries: Mutex<HashMap<SecretRef, Sensitive<Vec<u8>>>>,
}

impl MemoryStore {
    pub fn new() -> Self {
        Self::default()
    }

    /// How many secrets are stored; lets tests check that clean-up happened.
    pub fn len(&self) -> usize {
        self.lock().len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<SecretRef, Sensitive<Vec<u8>>>> {
        // A panic in another test thread cannot leave the map half-updated.
        self.entries.lock().unwrap_or_else(|e| e.into_inner())
    }
}

impl SecretStore for MemoryStore {
    fn put(&self, key: &SecretRef, value: &Sensitive<Vec<u8>>) -> Result<(), SecretError> {
        self.lock().insert(key.clone(), value.clone());
        Ok(())
    }

    fn get(&self, key: &SecretRef) -> Result<Option<Sensitive<Vec<u8>>>, SecretError> {
        Ok(self.lock().get(key).cloned())
    }

    fn delete(&self, key: &SecretRef) -> Result<(), SecretError> {
        self.lock().remove(key);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn put_get_delete_round_trip() {
        let store = MemoryStore::new();
        let key = SecretRef::saml_key("app", "cert").unwrap();
        assert!(store.get(&key).unwrap().is_none());
        store.put(&key, &Sensitive::new(vec![7, 8, 9])).unwrap();
        assert_eq!(store.get(&key).unwrap().unwrap().expose(), &vec![7, 8, 9]);
        store.put(&key, &Sensitive::new(vec![1])).unwrap();
        assert_eq!(store.get(&key).unwrap().unwrap().expose(), &vec![1], "put replaces");
        store.delete(&key).unwrap();
        assert!(store.get(&key).unwrap().is_none());
        store.delete(&key).unwrap();
        assert!(store.is_empty());
    }
}
