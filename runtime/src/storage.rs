//! The ledger's view of state: named tables of byte keys and values, read and written in
//! transactions. The engine keeps everything it stores (code, accounts, contract state,
//! balances, events) in these tables; `docs/runtime.md` gives the key encodings.

mod memory;
mod redb;

pub use memory::{MemorySnapshot, MemoryStorage, MemoryTxn};
pub use redb::{RedbSnapshot, RedbStorage, RedbTxn};

/// Keys and values, in key order.
pub type Entries = Vec<(Vec<u8>, Vec<u8>)>;

/// Changes to one table: each key with its new value, or `None` to remove it.
pub type Changes = [(Vec<u8>, Option<Vec<u8>>)];

/// The tables the engine uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum Table {
    /// Original modules, by code hash.
    Originals,
    /// Instrumented modules, by code hash and policy hash.
    Code,
    /// Contract accounts, by contract id.
    Contracts,
    /// Contract state, by contract id and key.
    State,
    /// Native balances, by address.
    Balances,
    /// Deploy counts, by deployer address.
    Nonces,
    /// Events, by contract id, block height, call index and event index.
    Events,
    /// The engine's own bookkeeping: the latest committed height.
    Meta,
    /// Contract ABIs (JSON, `docs/abi-json.md`), by contract id; only for contracts deployed
    /// with one.
    Abis,
}

impl Table {
    /// Every table.
    pub const ALL: [Table; 9] = [
        Table::Originals,
        Table::Code,
        Table::Contracts,
        Table::State,
        Table::Balances,
        Table::Nonces,
        Table::Events,
        Table::Meta,
        Table::Abis,
    ];

    /// The table's position in [`Table::ALL`], which lists the tables in declaration order.
    pub(crate) const fn index(self) -> usize {
        self as usize
    }

    /// The table's name in the database.
    pub const fn name(self) -> &'static str {
        match self {
            Table::Originals => "originals",
            Table::Code => "code",
            Table::Contracts => "contracts",
            Table::State => "state",
            Table::Balances => "balances",
            Table::Nonces => "nonces",
            Table::Events => "events",
            Table::Meta => "meta",
            Table::Abis => "abis",
        }
    }
}

/// A storage failure: the state could not be read or written.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum StorageError {
    /// The database failed (an I/O error, a transaction it refused).
    #[error("storage: the database failed")]
    Database(#[source] crate::error::BoxError),
    /// A stored value does not decode: the database is corrupt, or not the engine's.
    #[error("storage: corrupt {what}")]
    Corrupt {
        /// What did not decode.
        what: String,
    },
    /// A thread panicked while holding the storage's lock.
    #[error("storage: poisoned by a panic")]
    Poisoned,
}

impl StorageError {
    /// A failure of the database, keeping its error as the source.
    pub fn database(error: impl Into<crate::error::BoxError>) -> StorageError {
        StorageError::Database(error.into())
    }

    pub(crate) fn corrupt(what: impl Into<String>) -> StorageError {
        StorageError::Corrupt { what: what.into() }
    }
}

/// Reads of the state: what the engine asks of the ledger. The ledger implements it over
/// whatever holds its state (an open transaction of its database, a snapshot), or uses
/// [`RedbStorage`]'s or [`MemoryStorage`]'s. It is `'static` because a block owns it while
/// calls run (they run on instances that outlive any borrow) and hands it back at the end
/// ([`crate::Block::finish`]).
pub trait ReadTxn: std::any::Any + Send {
    /// The value at `key`.
    fn get(&self, table: Table, key: &[u8]) -> Result<Option<Vec<u8>>, StorageError>;

    /// Every entry whose key starts with `prefix`, in key order.
    fn scan(&self, table: Table, prefix: &[u8]) -> Result<Entries, StorageError>;
}

/// Writes into a transaction the ledger holds open, and commits (or drops) itself: what
/// [`crate::BlockChanges::write_to`] writes through. The engine never commits.
pub trait WriteTxn: ReadTxn {
    /// Sets `key` to `value`.
    fn put(&mut self, table: Table, key: &[u8], value: &[u8]) -> Result<(), StorageError>;

    /// Removes `key`.
    fn delete(&mut self, table: Table, key: &[u8]) -> Result<(), StorageError>;

    /// Applies `changes` to `table` in order: what a `put` or `delete` of each would do. A
    /// block's changes are written through this, table by table, so that a storage can do per
    /// table what it would otherwise do per key (redb opens the table once).
    fn write_all(&mut self, table: Table, changes: &Changes) -> Result<(), StorageError> {
        for (key, value) in changes {
            match value {
                Some(value) => self.put(table, key, value)?,
                None => self.delete(table, key)?,
            }
        }
        Ok(())
    }
}

/// A ready-made home for the state, for embedders that keep nothing else beside it (the CLI's
/// chain, tests, tools): transactions it opens and commits. A ledger with its own database
/// implements [`ReadTxn`] and [`WriteTxn`] over its own transactions instead.
pub trait Storage: Send + Sync + 'static {
    /// A transaction that sees committed state and can change it.
    type Txn: WriteTxn;
    /// A read-only view of committed state.
    type Snapshot: ReadTxn;

    /// Starts a write transaction. At most one is open at a time (the block being built).
    fn write(&self) -> Result<Self::Txn, StorageError>;

    /// Starts a read-only transaction over committed state.
    fn read(&self) -> Result<Self::Snapshot, StorageError>;

    /// Makes every write of `txn` durable, atomically.
    fn commit(&self, txn: Self::Txn) -> Result<(), StorageError>;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tables_index_is_its_position_in_all() {
        for (position, table) in Table::ALL.into_iter().enumerate() {
            assert_eq!(table.index(), position, "{}", table.name());
        }
    }

    /// `write_all` does what a `put` or `delete` of each change in order does, on both
    /// storages: a later change of a key wins, and removing an absent key is no error.
    #[test]
    fn write_all_is_each_change_in_order() {
        let dir = std::env::temp_dir().join(format!("baals-write-all-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let changes: Vec<(Vec<u8>, Option<Vec<u8>>)> = vec![
            (b"a".to_vec(), Some(b"1".to_vec())),
            (b"b".to_vec(), Some(b"2".to_vec())),
            (b"a".to_vec(), None),
            (b"c".to_vec(), Some(b"3".to_vec())),
            (b"c".to_vec(), Some(b"4".to_vec())),
            (b"missing".to_vec(), None),
            (b"old".to_vec(), None),
        ];
        fn check(name: &str, storage: impl Storage, changes: &Changes) {
            let mut txn = storage.write().unwrap();
            txn.put(Table::State, b"old", b"0").unwrap();
            txn.put(Table::Events, b"a", b"other table").unwrap();
            storage.commit(txn).unwrap();
            let mut txn = storage.write().unwrap();
            txn.write_all(Table::State, changes).unwrap();
            assert_eq!(
                txn.scan(Table::State, b"").unwrap(),
                [(b"b".to_vec(), b"2".to_vec()), (b"c".to_vec(), b"4".to_vec())],
                "{name}, before the commit"
            );
            storage.commit(txn).unwrap();
            let read = storage.read().unwrap();
            let state = read.scan(Table::State, b"").unwrap();
            assert_eq!(state, [(b"b".to_vec(), b"2".to_vec()), (b"c".to_vec(), b"4".to_vec())], "{name}");
            assert_eq!(read.get(Table::Events, b"a").unwrap(), Some(b"other table".to_vec()), "{name}");
        }
        check("memory", MemoryStorage::new(), &changes);
        check("redb", RedbStorage::open(&dir.join("write-all.redb")).unwrap().without_fsync(), &changes);
        std::fs::remove_dir_all(&dir).unwrap();
    }

    /// A fork starts from the committed state, not from a transaction still open, and after it
    /// each side commits without the other seeing it; a clone, by contrast, shares the state.
    #[test]
    fn a_fork_is_independent_of_its_original() {
        let get = |storage: &MemoryStorage, key: &[u8]| storage.read().unwrap().get(Table::State, key).unwrap();
        let put = |storage: &MemoryStorage, key: &[u8], value: &[u8]| {
            let mut txn = storage.write().unwrap();
            txn.put(Table::State, key, value).unwrap();
            storage.commit(txn).unwrap();
        };
        let original = MemoryStorage::new();
        put(&original, b"k", b"before");
        let mut open = original.write().unwrap();
        open.put(Table::State, b"open", b"uncommitted").unwrap();
        let (fork, clone) = (original.fork().unwrap(), original.clone());
        original.commit(open).unwrap();
        assert_eq!(get(&fork, b"k"), Some(b"before".to_vec()));
        assert_eq!(get(&fork, b"open"), None, "the fork was taken before the commit");
        put(&original, b"k", b"original");
        put(&fork, b"k", b"fork");
        put(&fork, b"f", b"only in the fork");
        assert_eq!(get(&original, b"k"), Some(b"original".to_vec()));
        assert_eq!(get(&original, b"f"), None);
        assert_eq!(get(&clone, b"k"), Some(b"original".to_vec()), "a clone shares the state");
        assert_eq!(get(&fork, b"k"), Some(b"fork".to_vec()));
        assert_eq!(get(&fork, b"open"), None);
    }
}
