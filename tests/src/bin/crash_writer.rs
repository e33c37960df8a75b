//! Commits blocks of the deterministic chain to a redb file, durably, printing each height once
//! its commit returned, until killed. Used by `tests/crash.rs`.

use baals_policy::Policy;
use baals_runtime::{ContractEngine, RedbStorage};
use std::io::Write;

fn main() {
    let path = std::env::args().nth(1).expect("usage: crash-writer DB");
    let engine =
        ContractEngine::new(RedbStorage::open(path.as_ref()).expect("open"), Policy::default_policy()).expect("engine");
    let mut height = engine.latest_height().expect("height").unwrap_or(0);
    let mut stdout = std::io::stdout().lock();
    loop {
        height += 1;
        baals_tests::chain_script::commit_block(&engine, height).expect("block");
        writeln!(stdout, "{height}").and_then(|()| stdout.flush()).expect("stdout");
    }
}
