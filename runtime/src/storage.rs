//! The ledger's view of state: named tables of byte keys and values, read and written in
//! transactions. The engine keeps everything it stores (code, accounts, contract state,
//! balances, events) in these tables; `docs/runtime.md` gives the key encodings.

mod memory;
mod redb;

pub use memory::MemoryStorage;
pub use redb::RedbStorage;

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
    /// Compiled modules, by code hash, policy hash and engine fingerprint.
    Artifacts,
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
    pub const ALL: [Table; 10] = [
        Table::Originals,
        Table::Code,
        Table::Artifacts,
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
            Table::Artifacts => "artifacts",
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

/// A storage failure: the database could not be read or written.
#[derive(Debug, thiserror::Error)]
#[error("storage: {0}")]
pub struct StorageError(pub String);

impl StorageError {
    pub(crate) fn from(error: impl std::fmt::Display) -> StorageError {
        StorageError(error.to_string())
    }
}

/// Where the engine keeps its state.
pub trait Storage: Send + Sync + 'static {
    /// Starts a transaction that sees committed state and can change it. At most one is open
    /// at a time (the block being built).
    fn write(&self) -> Result<Box<dyn WriteTxn>, StorageError>;

    /// Starts a read-only transaction over committed state.
    fn read(&self) -> Result<Box<dyn ReadTxn>, StorageError>;
}

/// Reads, within a transaction.
pub trait ReadTxn: Send {
    /// The value at `key`.
    fn get(&self, table: Table, key: &[u8]) -> Result<Option<Vec<u8>>, StorageError>;

    /// Every entry whose key starts with `prefix`, in key order.
    fn scan(&self, table: Table, prefix: &[u8]) -> Result<Entries, StorageError>;
}

/// Writes, within a transaction that commits or is dropped (aborted) as a whole.
pub trait WriteTxn: ReadTxn {
    /// Sets `key` to `value`.
    fn put(&mut self, table: Table, key: &[u8], value: &[u8]) -> Result<(), StorageError>;

    /// Removes `key`.
    fn delete(&mut self, table: Table, key: &[u8]) -> Result<(), StorageError>;

    /// Applies `changes` to `table` in order: what a `put` or `delete` of each would do. A
    /// block's commit writes through this, table by table, so that a storage can do per
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

    /// Makes every write of the transaction durable, atomically.
    fn commit(self: Box<Self>) -> Result<(), StorageError>;
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
        let storages: [(&str, Box<dyn Storage>); 2] = [
            ("memory", Box::new(MemoryStorage::new())),
            ("redb", Box::new(RedbStorage::open(&dir.join("write-all.redb")).unwrap().without_fsync())),
        ];
        for (name, storage) in storages {
            let mut txn = storage.write().unwrap();
            txn.put(Table::State, b"old", b"0").unwrap();
            txn.put(Table::Events, b"a", b"other table").unwrap();
            txn.commit().unwrap();
            let mut txn = storage.write().unwrap();
            txn.write_all(Table::State, &changes).unwrap();
            assert_eq!(
                txn.scan(Table::State, b"").unwrap(),
                [(b"b".to_vec(), b"2".to_vec()), (b"c".to_vec(), b"4".to_vec())],
                "{name}, before the commit"
            );
            txn.commit().unwrap();
            let read = storage.read().unwrap();
            let state = read.scan(Table::State, b"").unwrap();
            assert_eq!(state, [(b"b".to_vec(), b"2".to_vec()), (b"c".to_vec(), b"4".to_vec())], "{name}");
            assert_eq!(read.get(Table::Events, b"a").unwrap(), Some(b"other table".to_vec()), "{name}");
        }
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
            txn.commit().unwrap();
        };
        let original = MemoryStorage::new();
        put(&original, b"k", b"before");
        let mut open = original.write().unwrap();
        open.put(Table::State, b"open", b"uncommitted").unwrap();
        let (fork, clone) = (original.fork().unwrap(), original.clone());
        open.commit().unwrap();
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
