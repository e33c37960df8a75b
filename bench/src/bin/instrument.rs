//! Instrumentation throughput on the shared corpus: for each module, the median time (and MB/s
//! of input) of validation alone and of the whole instrumentation (validation, analysis,
//! rewrite), under the permissive policy.
//!
//! ```sh
//! cargo run --release -p baals-bench --bin instrument -- [ROUNDS]
//! ```

use baals_bench::{corpus, median, timed};
use baals_instrument::{instrument, validate};
use baals_policy::Policy;

fn main() {
    let rounds: usize = std::env::args().nth(1).map_or(5, |r| r.parse().expect("ROUNDS is a number"));
    let files = corpus(&["cosmwasm", "large"]).expect("../shared/corpus next to the checkout");
    let policy = Policy::permissive();
    println!(
        "{:<22} {:>10} {:>11} {:>9} {:>11} {:>9} {:>9}",
        "module", "KB", "validate", "MB/s", "instrument", "MB/s", "size"
    );
    let (mut bytes, mut validate_total, mut instrument_total) = (0.0, 0.0, 0.0);
    for path in files {
        let wasm = std::fs::read(&path).expect("readable corpus");
        let name = path.file_name().expect("a file").to_string_lossy().into_owned();
        let (mut validations, mut instrumentations) = (Vec::new(), Vec::new());
        let mut overhead = 0.0;
        for _ in 0..rounds {
            let (time, result) = timed(|| validate(&wasm, &policy));
            result.expect("the corpus validates");
            validations.push(time);
            let (time, result) = timed(|| instrument(&wasm, &policy));
            overhead = result.expect("the corpus instruments").report.size_overhead();
            instrumentations.push(time);
        }
        let mb = wasm.len() as f64 / 1e6;
        let (v, i) = (median(&mut validations).as_secs_f64(), median(&mut instrumentations).as_secs_f64());
        bytes += mb;
        validate_total += v;
        instrument_total += i;
        println!(
            "{name:<22} {:>10.0} {:>9.1}ms {:>9.1} {:>9.1}ms {:>9.1} {:>+8.1}%",
            wasm.len() as f64 / 1024.0,
            v * 1e3,
            mb / v,
            i * 1e3,
            mb / i,
            overhead * 100.0
        );
    }
    println!(
        "all: validate {:.1} MB/s, instrument {:.1} MB/s, median of {rounds} rounds",
        bytes / validate_total,
        bytes / instrument_total
    );
}
