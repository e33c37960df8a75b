//! State in a redb database file: one redb table per [`Table`], byte keys and values.

use std::path::Path;

use redb::{Database, Durability, ReadableDatabase, ReadableTable, TableDefinition};

use super::{Changes, Entries, ReadTxn, Storage, StorageError, Table, WriteTxn};

fn definition(table: Table) -> TableDefinition<'static, &'static [u8], &'static [u8]> {
    TableDefinition::new(table.name())
}

/// Storage in a redb database: every committed block is durable and atomic (redb's
/// copy-on-write commit), so a crash leaves the state of a prefix of committed blocks.
pub struct RedbStorage {
    db: Database,
    durability: Durability,
}

impl std::fmt::Debug for RedbStorage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RedbStorage").finish_non_exhaustive()
    }
}

impl RedbStorage {
    /// Opens the database at `path`, creating it (and the engine's tables) if needed. Commits
    /// are durable: each waits for the disk.
    pub fn open(path: &Path) -> Result<RedbStorage, StorageError> {
        let db = Database::create(path).map_err(StorageError::from)?;
        let txn = db.begin_write().map_err(StorageError::from)?;
        for table in Table::ALL {
            txn.open_table(definition(table)).map_err(StorageError::from)?;
        }
        txn.commit().map_err(StorageError::from)?;
        Ok(RedbStorage { db, durability: Durability::Immediate })
    }

    /// Commits that do not wait for the disk: for benchmarks and tests; a crash may lose the
    /// latest blocks (never part of one).
    pub fn without_fsync(mut self) -> RedbStorage {
        self.durability = Durability::None;
        self
    }
}

impl Storage for RedbStorage {
    fn write(&self) -> Result<Box<dyn WriteTxn>, StorageError> {
        let mut txn = self.db.begin_write().map_err(StorageError::from)?;
        txn.set_durability(self.durability).map_err(StorageError::from)?;
        Ok(Box::new(RedbWrite { txn }))
    }

    fn read(&self) -> Result<Box<dyn ReadTxn>, StorageError> {
        Ok(Box::new(RedbRead { txn: self.db.begin_read().map_err(StorageError::from)? }))
    }
}

struct RedbRead {
    txn: redb::ReadTransaction,
}

fn get_in(
    table: &impl ReadableTable<&'static [u8], &'static [u8]>,
    key: &[u8],
) -> Result<Option<Vec<u8>>, StorageError> {
    Ok(table.get(key).map_err(StorageError::from)?.map(|v| v.value().to_vec()))
}

fn scan_table(
    table: &impl ReadableTable<&'static [u8], &'static [u8]>,
    prefix: &[u8],
) -> Result<Entries, StorageError> {
    let mut out = Vec::new();
    for entry in table.range(prefix..).map_err(StorageError::from)? {
        let (key, value) = entry.map_err(StorageError::from)?;
        if !key.value().starts_with(prefix) {
            break;
        }
        out.push((key.value().to_vec(), value.value().to_vec()));
    }
    Ok(out)
}

impl ReadTxn for RedbRead {
    fn get(&self, table: Table, key: &[u8]) -> Result<Option<Vec<u8>>, StorageError> {
        get_in(&self.txn.open_table(definition(table)).map_err(StorageError::from)?, key)
    }

    fn scan(&self, table: Table, prefix: &[u8]) -> Result<Entries, StorageError> {
        let table = self.txn.open_table(definition(table)).map_err(StorageError::from)?;
        scan_table(&table, prefix)
    }
}

struct RedbWrite {
    txn: redb::WriteTransaction,
}

impl ReadTxn for RedbWrite {
    fn get(&self, table: Table, key: &[u8]) -> Result<Option<Vec<u8>>, StorageError> {
        get_in(&self.txn.open_table(definition(table)).map_err(StorageError::from)?, key)
    }

    fn scan(&self, table: Table, prefix: &[u8]) -> Result<Entries, StorageError> {
        let table = self.txn.open_table(definition(table)).map_err(StorageError::from)?;
        scan_table(&table, prefix)
    }
}

impl WriteTxn for RedbWrite {
    fn put(&mut self, table: Table, key: &[u8], value: &[u8]) -> Result<(), StorageError> {
        let mut table = self.txn.open_table(definition(table)).map_err(StorageError::from)?;
        table.insert(key, value).map_err(StorageError::from)?;
        Ok(())
    }

    fn delete(&mut self, table: Table, key: &[u8]) -> Result<(), StorageError> {
        let mut table = self.txn.open_table(definition(table)).map_err(StorageError::from)?;
        table.remove(key).map_err(StorageError::from)?;
        Ok(())
    }

    fn write_all(&mut self, table: Table, changes: &Changes) -> Result<(), StorageError> {
        let mut table = self.txn.open_table(definition(table)).map_err(StorageError::from)?;
        for (key, value) in changes {
            match value {
                Some(value) => table.insert(key.as_slice(), value.as_slice()).map_err(StorageError::from)?,
                None => table.remove(key.as_slice()).map_err(StorageError::from)?,
            };
        }
        Ok(())
    }

    fn commit(self: Box<Self>) -> Result<(), StorageError> {
        self.txn.commit().map_err(StorageError::from)
    }
}
