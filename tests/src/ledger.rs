//! A small ledger that embeds the engine as a ledger does: it owns a redb database, keeps a
//! table of its own in it (a record per block), runs each block of the deterministic chain
//! (`crate::chain_script`) over its open write transaction, writes the block's changes into
//! that transaction beside its own record, and commits the two together.

use std::path::Path;

use baals_policy::Policy;
use baals_runtime::{BlockChanges, BlockContext, ContractEngine, EngineError, RedbSnapshot, RedbTxn};
use redb::{Database, ReadableDatabase, ReadableTable, TableDefinition};

/// The ledger's own table: block height to the ledger's record of the block.
const BLOCKS: TableDefinition<'static, u64, &'static [u8]> = TableDefinition::new("ledger_blocks");

/// The ledger's record of a block: what it derives from the block's changes (each changed
/// account's id and new storage root, the count of storage changes and of events), so that a
/// record that does not match its block's effects shows.
pub fn record_of(changes: &BlockChanges) -> Vec<u8> {
    let mut record = Vec::new();
    for account in &changes.accounts {
        record.extend_from_slice(&account.id.0);
        record.extend_from_slice(&account.storage_root);
    }
    record.extend_from_slice(&(changes.storage.len() as u64).to_le_bytes());
    record.extend_from_slice(&(changes.events.len() as u64).to_le_bytes());
    record
}

/// A ledger over one redb file, the engine's tables and its own.
#[derive(Debug)]
pub struct Ledger {
    db: Database,
    engine: ContractEngine,
}

impl Ledger {
    /// Opens (or creates) the ledger's database.
    pub fn open(path: &Path) -> Ledger {
        let db = Database::create(path).unwrap();
        Ledger { db, engine: ContractEngine::new(Policy::default_policy()).unwrap() }
    }

    /// The latest block in the ledger's own table.
    pub fn latest(&self) -> Option<u64> {
        let txn = self.db.begin_read().unwrap();
        let table = match txn.open_table(BLOCKS) {
            Ok(table) => table,
            Err(redb::TableError::TableDoesNotExist(_)) => return None,
            Err(error) => panic!("{error}"),
        };
        table.last().unwrap().map(|(height, _)| height.value())
    }

    /// The ledger's record of block `height`.
    pub fn record(&self, height: u64) -> Option<Vec<u8>> {
        let txn = self.db.begin_read().unwrap();
        let table = txn.open_table(BLOCKS).ok()?;
        table.get(height).unwrap().map(|record| record.value().to_vec())
    }

    /// The committed state, for the engine's reads.
    pub fn snapshot(&self) -> RedbSnapshot {
        RedbSnapshot::new(self.db.begin_read().unwrap())
    }

    /// Applies block `height` of the chain: the engine runs it over the ledger's transaction,
    /// its changes and the ledger's record are written in that transaction, and, unless
    /// `fail_before_commit` (a ledger that finds something wrong at the last moment), committed
    /// together.
    pub fn apply_block(&self, height: u64, fail_before_commit: bool) -> Result<BlockChanges, EngineError> {
        let txn = self.db.begin_write().unwrap();
        let ctx = BlockContext { height, timestamp: 1_000 + height };
        let mut block = self.engine.block(ctx, RedbTxn::new(txn));
        crate::chain_script::run_block(&mut block, height)?;
        let (changes, mut state) = block.finish()?;
        changes.write_to(&mut state)?;
        let txn = state.into_inner();
        {
            let mut blocks = txn.open_table(BLOCKS).unwrap();
            blocks.insert(height, record_of(&changes).as_slice()).unwrap();
        }
        if fail_before_commit {
            txn.abort().unwrap();
        } else {
            txn.commit().unwrap();
        }
        Ok(changes)
    }
}
