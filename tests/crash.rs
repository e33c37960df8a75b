//! Crash safety: a child process commits blocks to a redb file (durably) and is killed with
//! SIGKILL at random points, many times. After every kill the file must hold exactly the state
//! of a prefix of the blocks: every block the child reported committed, at most one more, and
//! nothing of a partial block; storage, storage root and events equal to a replay.

use std::io::Read;
use std::process::{Command, Stdio};
use std::time::Duration;

use baals_policy::Policy;
use baals_runtime::{ContractEngine, MemoryStorage, RedbStorage};
use baals_tests::chain_script::{HEIGHT_KEY, commit_block, probe_id};

const KILLS: usize = 20;

/// Everything observable of the chain: height, the probe's storage, root and events.
fn snapshot(engine: &ContractEngine) -> String {
    let id = probe_id();
    let height = engine.latest_height().unwrap();
    let account = engine.contract(&id).unwrap();
    let storage = engine.storage_entries(&id).unwrap();
    let events = engine.events(&id).unwrap();
    format!("{height:?}\n{account:?}\n{storage:?}\n{events:?}")
}

#[test]
fn a_killed_writer_leaves_a_prefix_of_committed_blocks() {
    let path = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("crash.redb");
    let _ = std::fs::remove_file(&path);
    let replay = ContractEngine::new(MemoryStorage::new(), Policy::default_policy()).unwrap();
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

        let engine = ContractEngine::new(RedbStorage::open(&path).unwrap(), Policy::default_policy()).unwrap();
        let height = engine.latest_height().unwrap().unwrap_or(0);
        if let Some(reported) = reported {
            assert!(
                height == reported || height == reported + 1,
                "round {round}: reported {reported}, stored {height}"
            );
            reported_total += 1;
        }
        // The last block recorded its own height: no block is half there.
        if height >= 2 {
            let stored = engine.storage_value(&probe_id(), HEIGHT_KEY).unwrap();
            assert_eq!(stored, Some(height.to_le_bytes().to_vec()), "round {round}");
        }
        while replayed < height {
            replayed += 1;
            commit_block(&replay, replayed).unwrap();
        }
        assert_eq!(snapshot(&engine), snapshot(&replay), "round {round}: state differs from the replay");
    }
    println!(
        "crash: {KILLS} kills, {replayed} blocks committed and replayed identically, {reported_total} rounds reported commits"
    );
    assert!(replayed > KILLS as u64, "too few blocks committed to mean anything: {replayed}");
}
