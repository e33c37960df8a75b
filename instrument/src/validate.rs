//! Deploy-time validation: is this module a contract the policy accepts?

mod features;
mod interface;
mod limits;
mod scan;

use baals_policy::{Limit, Policy};

use crate::error::{Location, ValidationError};
use crate::info::ModuleInfo;
use limits::LimitChecker;
use scan::{Failure, scan};
pub(crate) use scan::{Func, Hooks, function_type, in_order, parallel_runs, threads};

/// Checks `wasm` against `policy` and describes the module if it is accepted.
///
/// The rules run in a fixed order, and the first broken one is reported:
/// 1. the module's size (`limits.module-bytes`), before reading anything;
/// 2. the interface: imports against the host ABI, exports against the export rule;
/// 3. one streaming pass over the module: decoding and validation with exactly the features the
///    policy allows, and every other limit, each section and function in module order.
///
/// A module that fails to decode or validate is reported as needing a feature when allowing
/// that feature alone would get it past the failing point, and as malformed or invalid
/// otherwise. Never panics, whatever the bytes.
pub fn validate(wasm: &[u8], policy: &Policy) -> Result<ModuleInfo, ValidationError> {
    validate_with(wasm, policy, &mut (), scan::threads())
}

/// [`validate`], with `hooks` riding on the same pass after the policy's (the instrumenter's
/// analysis).
pub(crate) fn validate_with(
    wasm: &[u8],
    policy: &Policy,
    hooks: &mut impl Hooks,
    threads: usize,
) -> Result<ModuleInfo, ValidationError> {
    let bytes = wasm.len() as u64;
    let max = policy.limit(Limit::ModuleBytes);
    if bytes > max {
        return Err(ValidationError::LimitExceeded {
            limit: Limit::ModuleBytes,
            value: bytes,
            max,
            location: Location::default(),
        });
    }
    interface::check(wasm, policy)?;
    let allowed = features::wasm_features(policy.features());
    let mut checks = (LimitChecker::new(policy, bytes), hooks);
    match scan(wasm, allowed, &mut checks, threads) {
        Ok(()) => Ok(checks.0.into_info()),
        Err(Failure::Policy(error)) => Err(error),
        Err(Failure::Wasm(failure)) => Err(features::classify(wasm, allowed, failure)),
    }
}
