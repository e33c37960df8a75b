//! Crash safety: a child process (a small ledger, `baals_tests::ledger`) commits blocks to a
//! redb file (durably), each block's contract changes and the ledger's own record of it in one
//! transaction, and is killed with SIGKILL at random points, many times. After every kill the
//! file must hold exactly the state of a prefix of the blocks: every block the child reported
//! committed, at most one more, and nothing of a partial block; storage, storage root and
//! events equal to a replay, and the ledger's records those of the same blocks.

use std::io::Read;
use std::process::{Command, Stdio};
use std::time::Duration;

use baals_policy::Policy;
use baals_runtime::{ContractEngine, MemoryStorage, ReadTxn, StateView, Storage};
use baals_tests::chain_script::{HEIGHT_KEY, commit_block, probe_id};
use baals_tests::ledger::{Ledger, record_of};

const KILLS: usize = 20;

/// Everything observable of the chain: height, the probe's storage, root and events.
fn snapshot(state: &dyn ReadTxn) -> String {
    let (view, id) = (StateView::new(state), probe_id());
    let height = view.latest_height().unwrap();
    let account = view.account(&id).unwrap();
    let storage = view.storage_entries(&id).unwrap();
    let events = view.events(&id).unwrap();
    format!("{height:?}\n{account:?}\n{storage:?}\n{events:?}")
}

#[test]
fn a_killed_writer_leaves_a_prefix_of_committed_blocks() {
    let path = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("crash.redb");
    let _ = std::fs::remove_file(&path);
    let (replay, replay_state) = (ContractEngine::new(Policy::default_policy()).unwrap(), MemoryStorage::new());
    let mut records = Vec::new();
    let mut replayed = 0;
    let mut seed = 0x2545_f491_4f6c_dd1du64;
    let mut reported_total = 0;
    for round in 0..KILLS {
        let mut child = Command::new(env!("CARGO_BIN_EXE_crash-writer"))
            .arg(&path)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        std::thread::sleep(Duration::from_millis(40 + seed % 260));
        child.kill().unwrap();
        child.wait().unwrap();
        let mut out = String::new();
        child.stdout.take().unwrap().read_to_string(&mut out).unwrap();
        let reported = out.lines().filter_map(|l| l.parse::<u64>().ok()).max();

        let ledger = Ledger::open(&path);
        let state = ledger.snapshot();
        let height = StateView::new(&state).latest_height().unwrap().unwrap_or(0);
        assert_eq!(ledger.latest().unwrap_or(0), height, "round {round}: the ledger's records and the engine's state");
        if let Some(reported) = reported {
            assert!(
                height == reported || height == reported + 1,
                "round {round}: reported {reported}, stored {height}"
            );
            reported_total += 1;
        }
        // The last block recorded its own height: no block is half there.
        if height >= 2 {
            let stored = StateView::new(&state).storage_value(&probe_id(), HEIGHT_KEY).unwrap();
            assert_eq!(stored, Some(height.to_le_bytes().to_vec()), "round {round}");
        }
        while replayed < height {
            replayed += 1;
            records.push(record_of(&commit_block(&replay, &replay_state, replayed).unwrap()));
        }
        assert_eq!(
            snapshot(&state),
            snapshot(&replay_state.read().unwrap()),
            "round {round}: state differs from the replay"
        );
        for (height, record) in (1..).zip(&records[..height as usize]) {
            assert_eq!(
                ledger.record(height).as_ref(),
                Some(record),
                "round {round}: the ledger's record of block {height}"
            );
        }
    }
    println!(
        "crash: {KILLS} kills, {replayed} blocks committed and replayed identically, {reported_total} rounds reported commits"
    );
    assert!(replayed > KILLS as u64, "too few blocks committed to mean anything: {replayed}");
}

/// A ledger that abandons a block after the engine's changes were written into its transaction
/// (beside its own record) leaves neither: the engine commits nothing of its own.
#[test]
fn a_ledger_that_aborts_a_block_keeps_none_of_it() {
    let path = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("ledger-abort.redb");
    let _ = std::fs::remove_file(&path);
    let ledger = Ledger::open(&path);
    for height in 1..=3 {
        ledger.apply_block(height, false).unwrap();
    }
    let before = snapshot(&ledger.snapshot());
    let abandoned = ledger.apply_block(4, true).unwrap();
    assert!(!abandoned.storage.is_empty() && !abandoned.events.is_empty(), "block 4 changes state: {abandoned:?}");
    assert_eq!(snapshot(&ledger.snapshot()), before);
    assert_eq!((ledger.latest(), ledger.record(4)), (Some(3), None));
    // The same block applied again commits, records and all.
    let applied = ledger.apply_block(4, false).unwrap();
    assert_eq!(applied, abandoned, "the block's changes do not depend on the attempt before");
    assert_eq!(ledger.record(4), Some(record_of(&applied)));
    assert_eq!(StateView::new(&ledger.snapshot()).latest_height().unwrap(), Some(4));
}
