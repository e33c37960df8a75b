//! Metering overhead on real contracts: the calls of `baals_bench::cosmwasm::WORKLOADS`
//! (CosmWasm contracts of the shared corpus) unmetered, instrumented by baals, and on wasmtime
//! with fuel and with epochs, interleaved round by round like the kernels of `baals-bench`
//! (which reports the same lines); medians, as ratios to unmetered. `instructions --
//! --contracts` counts the same calls in instructions.
//!
//! ```sh
//! cargo run --release -p baals-bench --bin contracts -- [ROUNDS]
//! ```

type Result<T> = std::result::Result<T, Box<dyn std::error::Error + Send + Sync>>;

fn main() -> Result<()> {
    let rounds: usize = std::env::args().nth(1).map_or(Ok(9), |r| r.parse())?;
    for line in baals_bench::cosmwasm::overhead(rounds)? {
        println!("{line}");
    }
    println!("median of {rounds} rounds");
    Ok(())
}
