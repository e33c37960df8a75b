//! State in a redb database file: one redb table per [`Table`], byte keys and values.

use std::cell::RefCell;
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
        Ok(Box::new(RedbWrite::new(txn, |txn| OpenTables::new(txn))))
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

type OpenTable<'txn> = redb::Table<'txn, &'static [u8], &'static [u8]>;

/// The tables opened in a write transaction, each opened once and kept open until the
/// transaction commits: opening a table costs more than a lookup in it (about 500 ns against
/// 170 on a small table, `docs/records/0001-gas-schedule.md`), and a block reads a few tables
/// thousands of times.
struct OpenTables<'txn> {
    txn: &'txn redb::WriteTransaction,
    tables: RefCell<[Option<OpenTable<'txn>>; Table::ALL.len()]>,
}

impl<'txn> OpenTables<'txn> {
    fn new(txn: &'txn redb::WriteTransaction) -> OpenTables<'txn> {
        OpenTables { txn, tables: RefCell::new(std::array::from_fn(|_| None)) }
    }

    /// Runs `f` on `table`, opening it the first time.
    fn with<T>(
        &self,
        table: Table,
        f: impl FnOnce(&mut OpenTable<'txn>) -> Result<T, StorageError>,
    ) -> Result<T, StorageError> {
        let mut tables = self.tables.borrow_mut();
        let open = match &mut tables[table.index()] {
            Some(open) => open,
            slot => slot.insert(self.txn.open_table(definition(table)).map_err(StorageError::from)?),
        };
        f(open)
    }
}

self_cell::self_cell!(
    /// A write transaction with the tables opened in it.
    struct RedbWrite {
        owner: redb::WriteTransaction,
        #[not_covariant]
        dependent: OpenTables,
    }
);

impl RedbWrite {
    fn with<T>(
        &self,
        table: Table,
        f: impl FnOnce(&mut OpenTable<'_>) -> Result<T, StorageError>,
    ) -> Result<T, StorageError> {
        self.with_dependent(|_, tables| tables.with(table, f))
    }
}

impl ReadTxn for RedbWrite {
    fn get(&self, table: Table, key: &[u8]) -> Result<Option<Vec<u8>>, StorageError> {
        self.with(table, |table| get_in(table, key))
    }

    fn scan(&self, table: Table, prefix: &[u8]) -> Result<Entries, StorageError> {
        self.with(table, |table| scan_table(table, prefix))
    }
}

impl WriteTxn for RedbWrite {
    fn put(&mut self, table: Table, key: &[u8], value: &[u8]) -> Result<(), StorageError> {
        self.with(table, |table| {
            table.insert(key, value).map_err(StorageError::from)?;
            Ok(())
        })
    }

    fn delete(&mut self, table: Table, key: &[u8]) -> Result<(), StorageError> {
        self.with(table, |table| {
            table.remove(key).map_err(StorageError::from)?;
            Ok(())
        })
    }

    fn write_all(&mut self, table: Table, changes: &Changes) -> Result<(), StorageError> {
        self.with(table, |table| {
            for (key, value) in changes {
                match value {
                    Some(value) => table.insert(key.as_slice(), value.as_slice()).map_err(StorageError::from)?,
                    None => table.remove(key.as_slice()).map_err(StorageError::from)?,
                };
            }
            Ok(())
        })
    }

    fn commit(self: Box<Self>) -> Result<(), StorageError> {
        // The open tables close first: each writes its root back to the transaction.
        self.into_owner().commit().map_err(StorageError::from)
    }
}
