//! State in memory, for tests and tools: the same semantics as the redb storage, nothing
//! durable.

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex, MutexGuard};

use super::{Entries, ReadTxn, Storage, StorageError, Table, WriteTxn};

type Tables = BTreeMap<(Table, Vec<u8>), Vec<u8>>;

/// Storage in memory. Cloning shares the state.
#[derive(Clone, Debug, Default)]
pub struct MemoryStorage {
    tables: Arc<Mutex<Arc<Tables>>>,
}

impl MemoryStorage {
    /// Empty storage.
    pub fn new() -> MemoryStorage {
        MemoryStorage::default()
    }

    /// An independent copy of the committed state: what either commits afterwards, the other
    /// does not see. Cheap: the two share the state until one of them commits. Fuzzers and
    /// simulations start many runs from one prepared state this way.
    pub fn fork(&self) -> Result<MemoryStorage, StorageError> {
        Ok(MemoryStorage { tables: Arc::new(Mutex::new(self.snapshot()?)) })
    }

    fn snapshot(&self) -> Result<Arc<Tables>, StorageError> {
        Ok(Arc::clone(&*lock(&self.tables)?))
    }
}

fn lock<T>(mutex: &Mutex<T>) -> Result<MutexGuard<'_, T>, StorageError> {
    mutex.lock().map_err(|_| StorageError::Poisoned)
}

impl Storage for MemoryStorage {
    type Txn = MemoryTxn;
    type Snapshot = MemorySnapshot;

    fn write(&self) -> Result<MemoryTxn, StorageError> {
        Ok(MemoryTxn { base: self.snapshot()?, changes: BTreeMap::new() })
    }

    fn read(&self) -> Result<MemorySnapshot, StorageError> {
        Ok(MemorySnapshot { tables: self.snapshot()? })
    }

    /// Applies the transaction's changes over the state committed now: memory storage has no
    /// conflicts to detect, since a ledger writes one block at a time.
    fn commit(&self, txn: MemoryTxn) -> Result<(), StorageError> {
        let mut current = lock(&self.tables)?;
        let mut tables = (**current).clone();
        for (key, change) in txn.changes {
            match change {
                Some(value) => tables.insert(key, value),
                None => tables.remove(&key),
            };
        }
        *current = Arc::new(tables);
        Ok(())
    }
}

/// The committed state of a [`MemoryStorage`] when it was taken.
#[derive(Debug)]
pub struct MemorySnapshot {
    tables: Arc<Tables>,
}

fn scan_tables(tables: &Tables, table: Table, prefix: &[u8]) -> Entries {
    tables
        .range((table, prefix.to_vec())..)
        .take_while(|((t, key), _)| *t == table && key.starts_with(prefix))
        .map(|((_, key), value)| (key.clone(), value.clone()))
        .collect()
}

impl ReadTxn for MemorySnapshot {
    fn get(&self, table: Table, key: &[u8]) -> Result<Option<Vec<u8>>, StorageError> {
        Ok(self.tables.get(&(table, key.to_vec())).cloned())
    }

    fn scan(&self, table: Table, prefix: &[u8]) -> Result<Entries, StorageError> {
        Ok(scan_tables(&self.tables, table, prefix))
    }
}

/// A write transaction of a [`MemoryStorage`]: changes over a snapshot, applied by
/// [`Storage::commit`].
#[derive(Debug)]
pub struct MemoryTxn {
    base: Arc<Tables>,
    changes: BTreeMap<(Table, Vec<u8>), Option<Vec<u8>>>,
}

impl ReadTxn for MemoryTxn {
    fn get(&self, table: Table, key: &[u8]) -> Result<Option<Vec<u8>>, StorageError> {
        let key = (table, key.to_vec());
        Ok(match self.changes.get(&key) {
            Some(change) => change.clone(),
            None => self.base.get(&key).cloned(),
        })
    }

    fn scan(&self, table: Table, prefix: &[u8]) -> Result<Entries, StorageError> {
        let mut merged: BTreeMap<Vec<u8>, Vec<u8>> = scan_tables(&self.base, table, prefix).into_iter().collect();
        for ((t, key), change) in self.changes.range((table, prefix.to_vec())..) {
            if *t != table || !key.starts_with(prefix) {
                break;
            }
            match change {
                Some(value) => merged.insert(key.clone(), value.clone()),
                None => merged.remove(key),
            };
        }
        Ok(merged.into_iter().collect())
    }
}

impl WriteTxn for MemoryTxn {
    fn put(&mut self, table: Table, key: &[u8], value: &[u8]) -> Result<(), StorageError> {
        self.changes.insert((table, key.to_vec()), Some(value.to_vec()));
        Ok(())
    }

    fn delete(&mut self, table: Table, key: &[u8]) -> Result<(), StorageError> {
        self.changes.insert((table, key.to_vec()), None);
        Ok(())
    }
}
