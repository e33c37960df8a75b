//! State in a redb database file: one redb table per [`Table`], byte keys and values.

use std::cell::RefCell;
use std::path::Path;

use redb::{Database, Durability, ReadableDatabase, ReadableTable, TableDefinition};

use super::{Changes, Entries, ReadTxn, Storage, StorageError, Table, WriteTxn};

fn failed(error: impl Into<crate::error::BoxError>) -> StorageError {
    StorageError::database(error)
}

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
        RedbStorage::new(Database::create(path).map_err(failed)?)
    }

    /// The engine's state in `db`, which may hold other tables beside the engine's (whose
    /// names are [`Table::name`]s).
    pub fn new(db: Database) -> Result<RedbStorage, StorageError> {
        let txn = db.begin_write().map_err(failed)?;
        for table in Table::ALL {
            txn.open_table(definition(table)).map_err(failed)?;
        }
        txn.commit().map_err(failed)?;
        Ok(RedbStorage { db, durability: Durability::Immediate })
    }

    /// Commits that do not wait for the disk: for benchmarks and tests; a crash may lose the
    /// latest blocks (never part of one).
    pub fn without_fsync(mut self) -> RedbStorage {
        self.durability = Durability::None;
        self
    }

    /// The database, for an embedder that keeps tables of its own in it.
    pub fn database(&self) -> &Database {
        &self.db
    }
}

impl Storage for RedbStorage {
    type Txn = RedbTxn;
    type Snapshot = RedbSnapshot;

    fn write(&self) -> Result<RedbTxn, StorageError> {
        let mut txn = self.db.begin_write().map_err(failed)?;
        txn.set_durability(self.durability).map_err(failed)?;
        Ok(RedbTxn::new(txn))
    }

    fn read(&self) -> Result<RedbSnapshot, StorageError> {
        Ok(RedbSnapshot::new(self.db.begin_read().map_err(failed)?))
    }

    fn commit(&self, txn: RedbTxn) -> Result<(), StorageError> {
        txn.into_inner().commit().map_err(failed)
    }
}

type ReadOnlyTable = redb::ReadOnlyTable<&'static [u8], &'static [u8]>;

/// The engine's tables in a redb read transaction: committed state as it was when the
/// transaction began. A table the database does not have yet reads as empty.
pub struct RedbSnapshot {
    txn: redb::ReadTransaction,
}

impl RedbSnapshot {
    /// The engine's tables in `txn`.
    pub fn new(txn: redb::ReadTransaction) -> RedbSnapshot {
        RedbSnapshot { txn }
    }

    fn table(&self, table: Table) -> Result<Option<ReadOnlyTable>, StorageError> {
        match self.txn.open_table(definition(table)) {
            Ok(table) => Ok(Some(table)),
            Err(redb::TableError::TableDoesNotExist(_)) => Ok(None),
            Err(error) => Err(failed(error)),
        }
    }
}

impl std::fmt::Debug for RedbSnapshot {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RedbSnapshot").finish_non_exhaustive()
    }
}

fn get_in(
    table: &impl ReadableTable<&'static [u8], &'static [u8]>,
    key: &[u8],
) -> Result<Option<Vec<u8>>, StorageError> {
    Ok(table.get(key).map_err(failed)?.map(|v| v.value().to_vec()))
}

fn scan_table(
    table: &impl ReadableTable<&'static [u8], &'static [u8]>,
    prefix: &[u8],
) -> Result<Entries, StorageError> {
    let mut out = Vec::new();
    for entry in table.range(prefix..).map_err(failed)? {
        let (key, value) = entry.map_err(failed)?;
        if !key.value().starts_with(prefix) {
            break;
        }
        out.push((key.value().to_vec(), value.value().to_vec()));
    }
    Ok(out)
}

impl ReadTxn for RedbSnapshot {
    fn get(&self, table: Table, key: &[u8]) -> Result<Option<Vec<u8>>, StorageError> {
        match self.table(table)? {
            Some(table) => get_in(&table, key),
            None => Ok(None),
        }
    }

    fn scan(&self, table: Table, prefix: &[u8]) -> Result<Entries, StorageError> {
        match self.table(table)? {
            Some(table) => scan_table(&table, prefix),
            None => Ok(Vec::new()),
        }
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
            slot => slot.insert(self.txn.open_table(definition(table)).map_err(failed)?),
        };
        f(open)
    }
}

self_cell::self_cell!(
    /// A write transaction with the tables opened in it.
    struct OpenTxn {
        owner: redb::WriteTransaction,
        #[not_covariant]
        dependent: OpenTables,
    }
);

/// The engine's tables in a redb write transaction, each opened the first time it is used and
/// kept open until [`RedbTxn::into_inner`] gives the transaction back. A ledger that keeps its
/// own tables in the same database begins the transaction, lets a block's changes be written
/// through this, takes the transaction back, writes its own records and commits: both are
/// durable together or not at all.
pub struct RedbTxn(OpenTxn);

impl RedbTxn {
    /// The engine's tables in `txn`.
    pub fn new(txn: redb::WriteTransaction) -> RedbTxn {
        RedbTxn(OpenTxn::new(txn, |txn| OpenTables::new(txn)))
    }

    /// The transaction, its engine tables closed (each writes its root back to it): to write
    /// tables of the ledger's own, then commit or abort.
    pub fn into_inner(self) -> redb::WriteTransaction {
        self.0.into_owner()
    }

    fn with<T>(
        &self,
        table: Table,
        f: impl FnOnce(&mut OpenTable<'_>) -> Result<T, StorageError>,
    ) -> Result<T, StorageError> {
        self.0.with_dependent(|_, tables| tables.with(table, f))
    }
}

impl ReadTxn for RedbTxn {
    fn get(&self, table: Table, key: &[u8]) -> Result<Option<Vec<u8>>, StorageError> {
        self.with(table, |table| get_in(table, key))
    }

    fn scan(&self, table: Table, prefix: &[u8]) -> Result<Entries, StorageError> {
        self.with(table, |table| scan_table(table, prefix))
    }
}

impl WriteTxn for RedbTxn {
    fn put(&mut self, table: Table, key: &[u8], value: &[u8]) -> Result<(), StorageError> {
        self.with(table, |table| {
            table.insert(key, value).map_err(failed)?;
            Ok(())
        })
    }

    fn delete(&mut self, table: Table, key: &[u8]) -> Result<(), StorageError> {
        self.with(table, |table| {
            table.remove(key).map_err(failed)?;
            Ok(())
        })
    }

    fn write_all(&mut self, table: Table, changes: &Changes) -> Result<(), StorageError> {
        self.with(table, |table| {
            for (key, value) in changes {
                match value {
                    Some(value) => table.insert(key.as_slice(), value.as_slice()).map_err(failed)?,
                    None => table.remove(key.as_slice()).map_err(failed)?,
                };
            }
            Ok(())
        })
    }
}

impl std::fmt::Debug for RedbTxn {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RedbTxn").finish_non_exhaustive()
    }
}
