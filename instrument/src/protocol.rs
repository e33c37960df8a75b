//! The counter protocol: how a host runs an instrumented module and reads what it used.
//!
//! An instrumented module meters itself into two exported globals (`docs/gas.md`): the host
//! sets them before a call ([`set_counters`]: the gas limit and the policy's stack units,
//! encoded as [`gas_counter`] and [`stack_counter`]), runs `baals_start` (the module's own
//! start function, which the instrumenter exports instead of running at instantiation) and
//! then the method ([`run`]), and reads the counters back whatever the ending
//! ([`read_counters`]). The counters alone decide whether the call ran out of gas or reached
//! the stack limit ([`Ran::metered`]), on every engine. Every host of instrumented code runs
//! this, the runtime's two engines, the tests' harnesses, the benchmarks and the fuzz targets,
//! so that none can read an ending differently.

use std::future::Future;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

use crate::{START_EXPORT, gas_counter, gas_left, stack_counter, stack_left};

/// An instance of an instrumented module, as an engine's host gives it to the protocol.
pub trait Instance {
    /// Why a call of an export did not return: a trap, a host function's reason.
    type Error;

    /// Sets the gas and stack counters (`baals_gas`, `baals_stack`) to these raw values;
    /// false if the module does not export them as mutable globals of their types (it is not
    /// instrumented, or was instrumented before the counters counted up).
    fn set_counters(&mut self, gas: i64, stack: i32) -> bool;

    /// The counters' raw values, if the module exports them.
    fn counters(&mut self) -> Option<(i64, i32)>;

    /// Calls the export `name` (of type `[] -> []` for the start function; a harness may call
    /// any export its own way): `None` if the module exports no such function.
    fn call(&mut self, name: &str) -> impl Future<Output = Option<Result<(), Self::Error>>>;
}

/// What a call may use: its gas and the policy's stack units (`[stack] max-height`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// Gas.
    pub gas: u64,
    /// Stack units.
    pub stack: u32,
}

/// Why a run did not return.
#[derive(Debug, PartialEq, Eq)]
pub enum Failure<E> {
    /// The module does not export the counters.
    NotInstrumented,
    /// The module exports no such method.
    NoMethod,
    /// The start function or the method failed.
    Failed(E),
}

/// A run that ended: how, and the counters as it left them (`None` if they were never set).
#[derive(Debug)]
pub struct Ran<E> {
    /// Whether the method returned.
    pub result: Result<(), Failure<E>>,
    /// The gas left, decoded ([`gas_left`]): negative when the call overdrew it.
    pub gas_left: Option<i64>,
    /// The stack units left, decoded ([`stack_left`]): negative at the stack limit.
    pub stack_left: Option<i32>,
}

/// Sets the counters for a call with `limits`; false if the module does not export them.
pub fn set_counters(instance: &mut impl Instance, limits: Limits) -> bool {
    let gas = i64::try_from(limits.gas).unwrap_or(i64::MAX);
    let stack = i32::try_from(limits.stack).unwrap_or(i32::MAX);
    instance.set_counters(gas_counter(gas), stack_counter(stack))
}

/// The gas and stack units left, decoded.
pub fn read_counters(instance: &mut impl Instance) -> Option<(i64, i32)> {
    instance.counters().map(|(gas, stack)| (gas_left(gas), stack_left(stack)))
}

/// Runs `method` of an instance: sets the counters, runs `baals_start` if the module exports
/// it and then the method, and reads the counters back.
pub async fn run<I: Instance>(instance: &mut I, method: &str, limits: Limits) -> Ran<I::Error> {
    if !set_counters(instance, limits) {
        return Ran { result: Err(Failure::NotInstrumented), gas_left: None, stack_left: None };
    }
    let result = match instance.call(START_EXPORT).await {
        Some(Err(error)) => Err(Failure::Failed(error)),
        Some(Ok(())) | None => match instance.call(method).await {
            Some(result) => result.map_err(Failure::Failed),
            None => Err(Failure::NoMethod),
        },
    };
    let (gas_left, stack_left) = read_counters(instance).unzip();
    Ran { result, gas_left, stack_left }
}

/// Runs a future that never waits to its end: [`run`] on an engine whose calls are
/// synchronous.
pub fn now<F: Future>(future: F) -> F::Output {
    let mut future = pin!(future);
    let mut context = Context::from_waker(Waker::noop());
    loop {
        if let Poll::Ready(value) = future.as_mut().poll(&mut context) {
            return value;
        }
    }
}

/// How a run ended, as its counters say: the same reading on every engine.
#[derive(Debug, PartialEq, Eq)]
pub enum Metered<E> {
    /// The gas counter was overdrawn, whatever else happened; the call used its whole limit.
    OutOfGas,
    /// The method returned, having used `gas_used`.
    Returned {
        /// Gas used: the limit less what is left.
        gas_used: u64,
    },
    /// The method did not return.
    Failed {
        /// Why.
        failure: Failure<E>,
        /// Gas charged up to the failure (see [`trap_gas`] for what a trap is charged).
        gas_used: u64,
        /// Whether the stack counter went below zero: the deterministic stack limit, whatever
        /// the engine reported.
        stack_exhausted: bool,
    },
}

impl<E> Ran<E> {
    /// The run read by its counters, for a call limited to `limit` gas. Gas left above the
    /// limit could only come from the counter wrapping past `i64::MAX`, which instrumentation
    /// rules out; were it to happen, the call would be out of gas, never credited.
    pub fn metered(self, limit: u64) -> Metered<E> {
        let gas_left = self.gas_left.unwrap_or(i64::try_from(limit).unwrap_or(i64::MAX));
        if gas_left < 0 || gas_left as u64 > limit {
            return Metered::OutOfGas;
        }
        let gas_used = limit - gas_left as u64;
        match self.result {
            Ok(()) => Metered::Returned { gas_used },
            Err(failure) => {
                Metered::Failed { failure, gas_used, stack_exhausted: self.stack_left.is_some_and(|left| left < 0) }
            }
        }
    }
}

/// What a trap is charged: the gas charged up to it, or the whole limit where the module was
/// instrumented under `[gas] trap = "limit"` (it exports [`crate::TRAP_LIMIT_EXPORT`]). A
/// revert, which is no trap, is always charged what it used.
pub fn trap_gas(limit: u64, gas_used: u64, traps_use_limit: bool) -> u64 {
    if traps_use_limit { limit } else { gas_used }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An instance whose counters are plain fields and whose exports each charge a fixed
    /// amount, trap or overdraw: enough to check the protocol's order and its reading.
    #[derive(Default)]
    struct Fake {
        counters: Option<(i64, i32)>,
        calls: Vec<String>,
        start: Option<Result<i64, ()>>,
        method: Option<Result<i64, ()>>,
        stack_after: i32,
    }

    impl Instance for Fake {
        type Error = ();

        fn set_counters(&mut self, gas: i64, stack: i32) -> bool {
            self.counters = Some((gas, stack));
            true
        }

        fn counters(&mut self) -> Option<(i64, i32)> {
            self.counters
        }

        async fn call(&mut self, name: &str) -> Option<Result<(), ()>> {
            self.calls.push(name.to_string());
            let outcome = if name == START_EXPORT { self.start? } else { self.method? };
            let (gas, _) = self.counters?;
            let charge = outcome.unwrap_or(0);
            // The counter holds the complement of what is left: charging adds.
            self.counters = Some((gas + charge, stack_counter(self.stack_after)));
            Some(outcome.map(|_| ()))
        }
    }

    #[test]
    fn start_runs_before_the_method_and_the_counters_decide() {
        let limits = Limits { gas: 100, stack: 10 };
        let mut fake = Fake { start: Some(Ok(5)), method: Some(Ok(20)), stack_after: 10, ..Fake::default() };
        let ran = now(run(&mut fake, "m", limits));
        assert_eq!(fake.calls, [START_EXPORT, "m"]);
        assert_eq!(ran.metered(100), Metered::Returned { gas_used: 25 });

        let mut overdrawn = Fake { method: Some(Ok(101)), stack_after: 10, ..Fake::default() };
        assert_eq!(now(run(&mut overdrawn, "m", limits)).metered(100), Metered::OutOfGas);

        let mut deep = Fake { method: Some(Err(())), stack_after: -1, ..Fake::default() };
        let metered = now(run(&mut deep, "m", limits)).metered(100);
        assert_eq!(metered, Metered::Failed { failure: Failure::Failed(()), gas_used: 0, stack_exhausted: true });

        let mut failed_start = Fake { start: Some(Err(())), method: Some(Ok(1)), ..Fake::default() };
        let ran = now(run(&mut failed_start, "m", limits));
        assert_eq!(failed_start.calls, [START_EXPORT], "the method does not run after a failed start");
        assert!(matches!(ran.result, Err(Failure::Failed(()))));

        let mut missing = Fake::default();
        assert!(matches!(now(run(&mut missing, "m", limits)).result, Err(Failure::NoMethod)));
        assert_eq!((trap_gas(100, 7, false), trap_gas(100, 7, true)), (7, 100));
    }
}
