//! What instrumentation did to a module, function by function.

/// The instrumenter's account of one module.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Report {
    /// One entry per function defined by the module, in index order.
    pub functions: Vec<FunctionReport>,
    /// Size of the original module in bytes.
    pub original_bytes: u64,
    /// Size of the instrumented module in bytes.
    pub instrumented_bytes: u64,
}

impl Report {
    /// Metering points over all functions.
    pub fn metering_points(&self) -> u64 {
        self.functions.iter().map(|f| u64::from(f.metering_points)).sum()
    }

    /// Injected checks over all functions.
    pub fn checks(&self) -> u64 {
        self.functions.iter().map(|f| u64::from(f.checks)).sum()
    }

    /// Growth of the module, as a fraction of its original size (0.1 is 10% larger).
    pub fn size_overhead(&self) -> f64 {
        if self.original_bytes == 0 {
            return 0.0;
        }
        (self.instrumented_bytes as f64 - self.original_bytes as f64) / self.original_bytes as f64
    }
}

/// The static cost summary of one function.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct FunctionReport {
    /// Index in the function index space.
    pub index: u32,
    /// Metering blocks: places where gas is charged.
    pub metering_points: u32,
    /// Injected checks that trap on exhaustion (gas at entry, loop headers and dynamic
    /// charges; stack at entry).
    pub checks: u32,
    /// The most expensive metering block: the most gas charged at once, for the longest
    /// straight-line run of code.
    pub max_block_cost: u64,
    /// The frame's height in stack units. What the function reserves on entry: its own frame
    /// plus the largest among the leaves it calls that its callers reserve for; for such a
    /// leaf, its own frame, which it does not reserve (`docs/gas.md`).
    pub frame: u32,
    /// Whether the function is internal: nothing but a direct `call` reaches it, so the gas
    /// and stack counters come in as its last two parameters and the gas goes back as its
    /// last result, instead of through the exported globals (`docs/gas.md`).
    pub internal: bool,
    /// Size of the body before instrumentation, in bytes.
    pub original_bytes: u32,
    /// Size after.
    pub instrumented_bytes: u32,
}
