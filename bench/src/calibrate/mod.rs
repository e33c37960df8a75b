//! The calibration harness: adversarial kernels run through the engine as a ledger runs it
//! (redb with fsync, blocks, commits), each measured as the marginal time per gas between two
//! sizes, so that a policy's prices can be derived from time (`docs/gas.md`, "The schedule").

pub mod chain;
pub mod kernels;
pub mod propose;
pub mod wat;

use std::time::Duration;

pub use chain::{Chain, Sample};
pub use kernels::{Kernel, Price, Setup, kernels};

/// Any failure of the harness: a kernel that did not end as it should, a storage error.
pub type Error = Box<dyn std::error::Error>;

/// What one kernel measured.
#[derive(Clone, Debug)]
pub struct Measured {
    /// The kernel's name.
    pub name: String,
    /// What one operation is.
    pub op: String,
    /// The price it is charged under.
    pub price: Price,
    /// The two sizes, in the kernel's units.
    pub sizes: (u64, u64),
    /// Gas per operation, exact: the difference of the two sizes' gas over that of their
    /// operations.
    pub gas_per_op: f64,
    /// Nanoseconds per operation: the median over rounds of the marginal time.
    pub ns_per_op: f64,
    /// The lowest and highest round's nanoseconds per operation.
    pub ns_per_op_range: (f64, f64),
}

impl Measured {
    /// Nanoseconds per gas: the figure a block's gas limit turns into time.
    pub fn ns_per_gas(&self) -> f64 {
        if self.gas_per_op > 0.0 { self.ns_per_op / self.gas_per_op } else { f64::INFINITY }
    }
}

/// Chooses a kernel's two sizes: the large one the first (growing from four times the
/// kernel's start) whose block takes at least `target` more than a block of the start size,
/// or the kernel's largest; the small one a quarter of it. The fixed costs of a block (its
/// commit, a call's instantiation, a contract that touches its whole memory first) cancel in
/// the difference, and the difference is most of the large block.
pub fn sizes(kernel: &mut Kernel, target: Duration) -> Result<(u64, u64), Error> {
    let target = target * kernel.scale;
    let start = kernel.start.clamp(1, (kernel.max / 4).max(1));
    let base = kernel.run(start)?.time;
    let mut size = (start * 4).min(kernel.max);
    loop {
        let time = kernel.run(size)?.time;
        let extra = time.saturating_sub(base);
        if extra >= target || size >= kernel.max {
            break;
        }
        // Grow towards the target in one step when the sample says how far it is, at most
        // eightfold so that noise in a short sample does not overshoot.
        let factor = (target.as_secs_f64() / extra.as_secs_f64().max(1e-6)).clamp(2.0, 8.0);
        size = ((size as f64 * factor) as u64).min(kernel.max);
    }
    Ok(((size / 4).max(1), size))
}

/// Runs `rounds` rounds over every kernel, each round a small and a large block of each in
/// turn, and takes the median of each kernel's marginal time per operation.
pub fn measure(
    kernels: &mut [Kernel],
    sizes: &[(u64, u64)],
    rounds: usize,
    mut progress: impl FnMut(&str),
) -> Result<Vec<Measured>, Error> {
    let mut marginal: Vec<Vec<f64>> = vec![Vec::new(); kernels.len()];
    let mut gas_per_op = vec![0.0; kernels.len()];
    for round in 0..rounds {
        for (k, kernel) in kernels.iter_mut().enumerate() {
            let (small, large) = sizes[k];
            let a = kernel.run(small)?;
            let b = kernel.run(large)?;
            let ops = b.ops.saturating_sub(a.ops).max(1) as f64;
            let time = b.time.as_secs_f64() * 1e9 - a.time.as_secs_f64() * 1e9;
            marginal[k].push(time / ops);
            gas_per_op[k] = (b.gas as f64 - a.gas as f64) / ops;
        }
        progress(&format!("round {}/{rounds}", round + 1));
    }
    Ok(kernels
        .iter()
        .enumerate()
        .map(|(k, kernel)| {
            let samples = &mut marginal[k];
            samples.sort_by(f64::total_cmp);
            Measured {
                name: kernel.name.clone(),
                op: kernel.op.clone(),
                price: kernel.price,
                sizes: sizes[k],
                gas_per_op: gas_per_op[k],
                ns_per_op: samples[samples.len() / 2],
                ns_per_op_range: (samples[0], samples[samples.len() - 1]),
            }
        })
        .collect())
}

/// The spread of a run: the worst kernel's ns per gas over the median kernel's and over the
/// best's.
#[derive(Clone, Debug)]
pub struct Spread {
    /// max / median.
    pub max_over_median: f64,
    /// max / min.
    pub max_over_min: f64,
    /// The worst kernel.
    pub worst: String,
    /// The best kernel.
    pub best: String,
    /// The median ns per gas.
    pub median: f64,
}

/// The spread over `measured` (kernels with a positive figure).
pub fn spread(measured: &[Measured]) -> Spread {
    let mut figures: Vec<(f64, &str)> =
        measured.iter().map(|m| (m.ns_per_gas(), m.name.as_str())).filter(|(x, _)| x.is_finite() && *x > 0.0).collect();
    figures.sort_by(|a, b| a.0.total_cmp(&b.0));
    let (min, best) = figures.first().copied().unwrap_or((f64::NAN, ""));
    let (max, worst) = figures.last().copied().unwrap_or((f64::NAN, ""));
    let median = figures.get(figures.len() / 2).map_or(f64::NAN, |f| f.0);
    Spread {
        max_over_median: max / median,
        max_over_min: max / min,
        worst: worst.to_string(),
        best: best.to_string(),
        median,
    }
}
