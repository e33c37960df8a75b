//! Heap allocations per warm token transfer inside a block, counted by a global allocator: a
//! figure that does not move with the machine's load, for comparing builds of the call path.
//!
//! ```sh
//! cargo run -p baals-cli -- build contracts/token
//! cargo run --release -p baals-bench --bin allocations
//! ```

use std::alloc::{GlobalAlloc, Layout, System};
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};

use baals_policy::Policy;
use baals_runtime::{Address, BlockContext, Call, ContractEngine, Deploy, ExecutionStatus, MemoryStorage, Storage};

/// The system allocator, counting the allocations (and reallocations) it serves.
struct Counting;

static ALLOCATIONS: AtomicU64 = AtomicU64::new(0);

// SAFETY: every call is the system allocator's, with the same arguments.
#[allow(unsafe_code)]
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

const TOKEN: &str = "target/baals/token.wasm";
const ALICE: Address = Address([0xa1; 32]);
const BOB: Address = Address([0xb0; 32]);
const GAS: u64 = 100_000_000_000;
const CALLS: u64 = 1_000;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..");
    let token = std::fs::read(root.join(TOKEN))
        .map_err(|e| format!("{TOKEN}: {e} (build it first: baals build contracts/token)"))?;
    let engine = ContractEngine::new(Policy::default_policy())?;
    let storage = MemoryStorage::new();
    let ctx = BlockContext { height: 1, timestamp: 0 };
    let supply = 1_000_000_000u64.to_le_bytes();
    let deploy = Deploy::new(ALICE, &token, GAS).with_input(&supply);
    let (deployed, _) = engine.commit_block(&storage, ctx, |block| block.deploy(&deploy))?;
    let input = [&BOB.0[..], &1u64.to_le_bytes()].concat();
    let transfer = Call::new(ALICE, deployed.contract_id, "transfer", GAS).with_input(&input);
    let mut block = engine.block(BlockContext { height: 2, timestamp: 0 }, storage.write()?);
    // Warm: the module compiled, the block's frame holding both balances.
    for _ in 0..10 {
        assert_eq!(block.call(&transfer)?.status, ExecutionStatus::Success);
    }
    let before = ALLOCATIONS.load(Ordering::Relaxed);
    for _ in 0..CALLS {
        block.call(&transfer)?;
    }
    let calls = ALLOCATIONS.load(Ordering::Relaxed) - before;
    let (changes, mut txn) = block.finish()?;
    let before = ALLOCATIONS.load(Ordering::Relaxed);
    changes.write_to(&mut txn)?;
    storage.commit(txn)?;
    let commit = ALLOCATIONS.load(Ordering::Relaxed) - before;
    println!("allocations per warm transfer: {:.1}", calls as f64 / CALLS as f64);
    println!("allocations to write and commit the block (memory storage), per call: {:.1}", commit as f64 / 1_010.0);
    Ok(())
}
