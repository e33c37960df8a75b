//! A ledger that embeds the engine: it owns a redb database, keeps a table of its own in it,
//! and commits each block's contract changes and its own record of the block in one
//! transaction. Run it with `cargo run -p baals-runtime --example ledger [DB]`.

use baals_policy::Policy;
use baals_runtime::{
    Address, BlockContext, Call, ContractEngine, Deploy, ExecutionStatus, Query, RedbSnapshot, RedbTxn, StateView,
};
use redb::{Database, ReadableDatabase, TableDefinition};

/// The ledger's own table: a line per block.
const BLOCKS: TableDefinition<'static, u64, &'static str> = TableDefinition::new("ledger_blocks");

/// A counter: `increment` adds one to the u64 under "n" and returns it; `get` returns it.
const COUNTER: &str = r#"(module
  (import "env" "baals_storage_read" (func $read (param i32 i32 i32 i32) (result i32)))
  (import "env" "baals_storage_write" (func $write (param i32 i32 i32 i32)))
  (import "env" "baals_set_return_data" (func $return (param i32 i32)))
  (memory (export "memory") 1)
  (data (i32.const 0) "n")
  (func $load (drop (call $read (i32.const 0) (i32.const 1) (i32.const 8) (i32.const 8))))
  (func (export "increment")
    (call $load)
    (i64.store (i32.const 8) (i64.add (i64.load (i32.const 8)) (i64.const 1)))
    (call $write (i32.const 0) (i32.const 1) (i32.const 8) (i32.const 8))
    (call $return (i32.const 8) (i32.const 8)))
  (func (export "get") (call $load) (call $return (i32.const 8) (i32.const 8))))"#;

/// Ten seconds of the default schedule (`docs/gas.md`, "The schedule").
const GAS: u64 = 100_000_000_000;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args().nth(1).unwrap_or_else(|| "ledger-example.redb".to_string());
    let _ = std::fs::remove_file(&path);
    let db = Database::create(&path)?;
    let engine = ContractEngine::new(Policy::default_policy())?;
    let alice = Address([0xa1; 32]);
    let wasm = wat::parse_str(COUNTER)?;

    let mut counter = None;
    for height in 1..=3 {
        // The ledger's transaction; the block reads the state through it.
        let ctx = BlockContext { height, timestamp: 1_700_000_000 + height };
        let mut block = engine.block(ctx, RedbTxn::new(db.begin_write()?));
        let id = match counter {
            Some(id) => id,
            None => {
                let deployed = block.deploy(&Deploy::new(alice, &wasm, GAS))?;
                assert_eq!(deployed.status, ExecutionStatus::Success);
                *counter.insert(deployed.contract_id)
            }
        };
        let result = block.call(&Call::new(alice, id, "increment", GAS))?;
        assert_eq!(result.status, ExecutionStatus::Success);

        // The block's changes go into the ledger's transaction, beside its own record; one
        // commit makes both durable.
        let (changes, mut state) = block.finish()?;
        changes.write_to(&mut state)?;
        let txn = state.into_inner();
        let record = format!("block {height}: {} storage changes, gas {}", changes.storage.len(), result.gas_used);
        txn.open_table(BLOCKS)?.insert(height, record.as_str())?;
        txn.commit()?;
        println!("{record}");
    }

    // Reads of committed state: a query in a block over a snapshot, and the engine's records.
    let id = counter.ok_or("nothing deployed")?;
    let snapshot = RedbSnapshot::new(db.begin_read()?);
    let account = StateView::new(&snapshot).account(&id)?.ok_or("no account")?;
    let mut block = engine.block(BlockContext { height: 4, timestamp: 0 }, snapshot);
    let value = block.query(&Query::new(alice, id, "get", GAS))?;
    println!("counter {id}: {:?}, storage root {}", value.output, baals_abi::hex_encode(&account.storage_root));
    assert_eq!(value.output, 3u64.to_le_bytes());
    let _ = std::fs::remove_file(&path);
    Ok(())
}
