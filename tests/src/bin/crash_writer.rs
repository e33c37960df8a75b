//! Applies blocks of the deterministic chain through the small ledger of
//! `baals_tests::ledger` (the engine's changes and the ledger's own record in one redb
//! transaction, committed durably), printing each height once its commit returned, until
//! killed. Used by `tests/crash.rs`.

use std::io::Write;

use baals_tests::ledger::Ledger;

fn main() {
    let path = std::env::args().nth(1).expect("usage: crash-writer DB");
    let ledger = Ledger::open(path.as_ref());
    let mut height = ledger.latest().unwrap_or(0);
    let mut stdout = std::io::stdout().lock();
    loop {
        height += 1;
        ledger.apply_block(height, false).expect("block");
        writeln!(stdout, "{height}").and_then(|()| stdout.flush()).expect("stdout");
    }
}
