//! One streaming pass over a module: wasmparser's validator, with hooks for the policy's rules.
//!
//! The same loop runs the real validation (with the policy's hooks) and the feature probes
//! (with no hooks), so a probe sees errors in exactly the order the real pass does.
//!
//! Function bodies are validated on several threads when there is enough code: each thread
//! takes a contiguous run of bodies with a fork of the hooks, and the forks are joined back in
//! function order. The first error in function order wins, exactly as in one pass, so the
//! outcome (and the instrumented output) does not depend on the number of threads.

use wasmparser::{
    BinaryReaderError, Encoding, FuncToValidate, FuncValidator, FuncValidatorAllocations, FunctionBody, Operator,
    OperatorsReader, Parser, Payload, ValidPayload, Validator, ValidatorResources, VisitOperator, VisitSimdOperator,
    WasmFeatures, WasmModuleResources,
};

use crate::error::{Feature, Location, ValidationError};

/// Why a scan stopped.
#[derive(Debug)]
pub(crate) enum Failure {
    /// The bytes do not decode, or do not validate.
    Wasm(WasmFailure),
    /// A policy hook refused the module.
    Policy(ValidationError),
}

impl From<ValidationError> for Failure {
    fn from(error: ValidationError) -> Failure {
        Failure::Policy(error)
    }
}

/// An error from wasmparser, with the function it happened in.
#[derive(Debug)]
pub(crate) struct WasmFailure {
    /// Decoding failed (rather than validation).
    pub(crate) malformed: bool,
    pub(crate) error: BinaryReaderError,
    pub(crate) function: Option<u32>,
}

impl WasmFailure {
    pub(crate) fn location(&self) -> Location {
        Location { function: self.function, offset: Some(self.error.offset()) }
    }
}

fn malformed(function: Option<u32>) -> impl Fn(BinaryReaderError) -> Failure {
    move |error| Failure::Wasm(WasmFailure { malformed: true, error, function })
}

fn invalid(function: Option<u32>) -> impl Fn(BinaryReaderError) -> Failure {
    move |error| Failure::Wasm(WasmFailure { malformed: false, error, function })
}

/// What a scan reports to: the policy's limits, and the instrumenter's analysis. Section hooks
/// run before the validator sees the section, so that a count over the policy's limit is
/// reported as that limit even where the validator has a ceiling of its own; they must
/// tolerate entries that fail to decode (the validator reports those next). Operator hooks run
/// after the operator validated, and see the function's validator (operand stack, types).
///
/// The implementations' `operator`s are `#[inline(always)]`: each is instantiated once, in the
/// scan loop, and calling each hook on every instruction (with the registers it saved) was 6%
/// of an instrumentation's instructions.
pub(crate) trait Hooks {
    /// What scans a run of function bodies on another thread: fresh per-function state, the
    /// module-level state it needs copied.
    type Fork: Hooks + Send;

    fn fork(&self) -> Self::Fork;

    /// Takes back what a fork learnt; forks are joined in function order.
    fn join(&mut self, fork: Self::Fork);

    /// A payload, before validation.
    fn payload(&mut self, _payload: &Payload<'_>) -> Result<(), ValidationError> {
        Ok(())
    }
    /// A function body starts; its locals are not defined yet.
    fn function(&mut self, _validator: &Func, _body: &FunctionBody<'_>) -> Result<(), ValidationError> {
        Ok(())
    }
    /// A run of `count` locals is declared, before validation.
    fn locals(&mut self, _function: u32, _count: u32, _offset: usize) -> Result<(), ValidationError> {
        Ok(())
    }
    /// A valid operator, from `offset` to `end`.
    fn operator(
        &mut self,
        _validator: &Func,
        _op: &Operator<'_>,
        _offset: usize,
        _end: usize,
    ) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// The validator of one function body.
pub(crate) type Func = FuncValidator<ValidatorResources>;

/// The type of the function `validator` checks (`None` only if the module has none for it,
/// which validation has refused before any body is checked).
pub(crate) fn function_type(validator: &Func) -> Option<&wasmparser::FuncType> {
    let resources = validator.resources();
    let id = resources.type_id_of_function(validator.index())?;
    Some(resources.sub_type_at_id(id).unwrap_func())
}

/// Hooks for a bare validity check.
impl Hooks for () {
    type Fork = ();
    fn fork(&self) {}
    fn join(&mut self, _fork: ()) {}
}

/// Hooks borrowed.
impl<H: Hooks> Hooks for &mut H {
    type Fork = H::Fork;
    fn fork(&self) -> H::Fork {
        (**self).fork()
    }
    fn join(&mut self, fork: H::Fork) {
        (**self).join(fork)
    }
    fn payload(&mut self, payload: &Payload<'_>) -> Result<(), ValidationError> {
        (**self).payload(payload)
    }
    fn function(&mut self, validator: &Func, body: &FunctionBody<'_>) -> Result<(), ValidationError> {
        (**self).function(validator, body)
    }
    fn locals(&mut self, function: u32, count: u32, offset: usize) -> Result<(), ValidationError> {
        (**self).locals(function, count, offset)
    }
    #[inline(always)]
    fn operator(
        &mut self,
        validator: &Func,
        op: &Operator<'_>,
        offset: usize,
        end: usize,
    ) -> Result<(), ValidationError> {
        (**self).operator(validator, op, offset, end)
    }
}

/// Both, in order.
impl<A: Hooks, B: Hooks> Hooks for (A, B) {
    type Fork = (A::Fork, B::Fork);
    fn fork(&self) -> Self::Fork {
        (self.0.fork(), self.1.fork())
    }
    fn join(&mut self, fork: Self::Fork) {
        self.0.join(fork.0);
        self.1.join(fork.1);
    }
    fn payload(&mut self, payload: &Payload<'_>) -> Result<(), ValidationError> {
        self.0.payload(payload)?;
        self.1.payload(payload)
    }
    fn function(&mut self, validator: &Func, body: &FunctionBody<'_>) -> Result<(), ValidationError> {
        self.0.function(validator, body)?;
        self.1.function(validator, body)
    }
    fn locals(&mut self, function: u32, count: u32, offset: usize) -> Result<(), ValidationError> {
        self.0.locals(function, count, offset)?;
        self.1.locals(function, count, offset)
    }
    #[inline(always)]
    fn operator(
        &mut self,
        validator: &Func,
        op: &Operator<'_>,
        offset: usize,
        end: usize,
    ) -> Result<(), ValidationError> {
        self.0.operator(validator, op, offset, end)?;
        self.1.operator(validator, op, offset, end)
    }
}

/// Code below this many bytes is validated (and rewritten) on the calling thread: handing
/// a run to another thread costs about what validating a few KiB does here, and 8 or 16 KiB
/// measured no faster on the 13 KB CosmWasm contract; 4 KiB, with the runs on rayon's pool,
/// slower (record 0005). The unit tests lower it so that
/// every corpus contract takes the parallel path.
const PARALLEL_BYTES: usize = if cfg!(test) { 1 << 10 } else { 32 << 10 };

/// The threads worth using: the machine's, up to a few (validation is memory-bound beyond).
/// Asked once per process: on Linux the answer reads cgroup files.
pub(crate) fn threads() -> usize {
    static THREADS: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
    *THREADS.get_or_init(|| std::thread::available_parallelism().map_or(1, |n| n.get()).min(4))
}

/// A function body waiting for validation.
type Pending<'a> = (FuncToValidate<ValidatorResources>, FunctionBody<'a>);

pub(crate) fn scan(wasm: &[u8], features: WasmFeatures, hooks: &mut impl Hooks, threads: usize) -> Result<(), Failure> {
    let mut validator = Validator::new_with_features(features);
    let mut parser = Parser::new(0);
    parser.set_features(features);
    let mut pending = Vec::new();
    for payload in parser.parse_all(wasm) {
        // The bodies come before anything after them, as they would in one pass: they are
        // validated before the next payload is looked at, and before any error is reported.
        let is_body = matches!(payload, Ok(Payload::CodeSectionEntry(_)));
        if !is_body && !pending.is_empty() {
            bodies(std::mem::take(&mut pending), features, hooks, threads)?;
        }
        if let Err(error) = step(payload, &mut validator, hooks, &mut pending) {
            bodies(std::mem::take(&mut pending), features, hooks, threads)?;
            return Err(error);
        }
    }
    bodies(pending, features, hooks, threads)
}

/// One payload: its hooks, then the validator; a body is queued.
fn step<'a>(
    payload: Result<Payload<'a>, BinaryReaderError>,
    validator: &mut Validator,
    hooks: &mut impl Hooks,
    pending: &mut Vec<Pending<'a>>,
) -> Result<(), Failure> {
    let payload = payload.map_err(malformed(None))?;
    // wasmparser is built without component support, so no probe could name this.
    if let Payload::Version { encoding: Encoding::Component, range, .. } = &payload {
        let location = Location::at(range.start);
        return Err(ValidationError::FeatureNotAllowed { feature: Feature::ComponentModel, location }.into());
    }
    hooks.payload(&payload)?;
    if let ValidPayload::Func(to_validate, body) = validator.payload(&payload).map_err(invalid(None))? {
        pending.push((to_validate, body));
    }
    Ok(())
}

/// Validates queued bodies, on several threads when there is enough code.
fn bodies<H: Hooks>(
    pending: Vec<Pending<'_>>,
    features: WasmFeatures,
    hooks: &mut H,
    threads: usize,
) -> Result<(), Failure> {
    // Contiguous runs of about equal size, so that joining them in order is function order.
    let ranges = parallel_runs(pending.iter().map(|(_, body)| body.range().len()), threads);
    if ranges.len() < 2 {
        return run(pending, features, hooks);
    }
    let mut items = pending.into_iter();
    let runs: Vec<(Vec<Pending<'_>>, H::Fork)> =
        ranges.iter().map(|range| (items.by_ref().take(range.len()).collect(), hooks.fork())).collect();
    let forks = in_order(runs, |(bodies, mut fork)| {
        let result = run(bodies, features, &mut fork);
        (fork, result)
    });
    for (fork, result) in forks {
        result?;
        hooks.join(fork);
    }
    Ok(())
}

/// Validates each operator as it is decoded, and hands it back: what `read` then `op` do, with
/// one dispatch on the opcode instead of two (that second dispatch, through an `Operator`,
/// was about a tenth of the scan). An error from decoding is the outer one, from validation
/// the inner.
struct Tee<'v> {
    validator: &'v mut Func,
    offset: usize,
}

macro_rules! tee {
    ($visitor:ident; $( @$proposal:ident $op:ident $({ $($arg:ident: $argty:ty),* })? => $visit:ident ($($ann:tt)*))*) => {
        $(
            fn $visit(&mut self $($(,$arg: $argty)*)?) -> Self::Output {
                self.validator.$visitor(self.offset).$visit($($($arg.clone()),*)?)?;
                Ok(Operator::$op $({ $($arg),* })?)
            }
        )*
    };
}

macro_rules! tee_operator {
    ($($body:tt)*) => { tee!(visitor; $($body)*); };
}

macro_rules! tee_simd_operator {
    ($($body:tt)*) => { tee!(simd_visitor; $($body)*); };
}

#[allow(clippy::clone_on_copy)]
impl<'a> VisitOperator<'a> for Tee<'_> {
    type Output = Result<Operator<'a>, BinaryReaderError>;

    fn simd_visitor(&mut self) -> Option<&mut dyn VisitSimdOperator<'a, Output = Self::Output>> {
        Some(self)
    }

    wasmparser::for_each_visit_operator!(tee_operator);
}

#[allow(clippy::clone_on_copy)]
impl<'a> VisitSimdOperator<'a> for Tee<'_> {
    wasmparser::for_each_visit_simd_operator!(tee_simd_operator);
}

/// `work` applied to each run, and the results in the runs' order: the first run on the
/// calling thread, whose caches hold the module it has just parsed, the others on rayon's
/// global pool (the threads wasmtime compiles on), which outlive the call where a thread
/// started per run did not (`docs/instrumentation.md`, "Bodies on a pool").
pub(crate) fn in_order<T: Send, R: Send>(runs: Vec<T>, work: impl Fn(T) -> R + Sync) -> Vec<R> {
    if runs.len() <= 1 {
        return runs.into_iter().map(work).collect();
    }
    let mut results: Vec<Option<R>> = runs.iter().map(|_| None).collect();
    let work = &work;
    rayon_core::in_place_scope(|scope| {
        let mut slots = results.iter_mut();
        let mut runs = runs.into_iter();
        let first = runs.next().zip(slots.next());
        for (run, slot) in runs.zip(slots) {
            scope.spawn(move |_| *slot = Some(work(run)));
        }
        if let Some((run, slot)) = first {
            *slot = Some(work(run));
        }
    });
    results.into_iter().flatten().collect()
}

/// The runs to split items of the given sizes into for `threads` threads: one below
/// [`PARALLEL_BYTES`] in all, else [`split_runs`]'s. Bodies are scanned, rewritten and searched
/// for calls in these runs.
pub(crate) fn parallel_runs(sizes: impl Iterator<Item = usize> + Clone, threads: usize) -> Vec<std::ops::Range<usize>> {
    let threads = if sizes.clone().sum::<usize>() < PARALLEL_BYTES { 1 } else { threads };
    split_runs(sizes, threads)
}

/// Splits items of the given sizes into at most `threads` contiguous ranges of about equal
/// total size, covering them all in order.
fn split_runs(sizes: impl Iterator<Item = usize> + Clone, threads: usize) -> Vec<std::ops::Range<usize>> {
    let total: usize = sizes.clone().sum();
    let share = total.div_ceil(threads.max(1));
    let mut runs = Vec::with_capacity(threads);
    let (mut start, mut end, mut run_bytes) = (0, 0, 0);
    for (index, size) in sizes.enumerate() {
        if run_bytes >= share && runs.len() + 1 < threads {
            runs.push(start..index);
            (start, run_bytes) = (index, 0);
        }
        run_bytes += size;
        end = index + 1;
    }
    runs.push(start..end);
    runs
}

/// Validates `bodies` in order with `hooks`, stopping at the first error.
fn run(bodies: Vec<Pending<'_>>, features: WasmFeatures, hooks: &mut impl Hooks) -> Result<(), Failure> {
    let mut allocs = FuncValidatorAllocations::default();
    for (to_validate, body) in bodies {
        let mut function = to_validate.into_validator(allocs);
        scan_body(&mut function, &body, features, hooks)?;
        allocs = function.into_allocations();
    }
    Ok(())
}

fn scan_body(
    validator: &mut Func,
    body: &FunctionBody<'_>,
    features: WasmFeatures,
    hooks: &mut impl Hooks,
) -> Result<(), Failure> {
    let index = validator.index();
    let malformed = malformed(Some(index));
    let invalid = invalid(Some(index));
    hooks.function(validator, body)?;
    let mut locals = body.get_locals_reader().map_err(&malformed)?;
    for _ in 0..locals.get_count() {
        let offset = locals.original_position();
        let (count, ty) = locals.read().map_err(&malformed)?;
        hooks.locals(index, count, offset)?;
        validator.define_locals(offset, count, ty).map_err(&invalid)?;
    }
    let mut reader = locals.get_binary_reader();
    reader.set_features(features);
    let mut operators = OperatorsReader::new(reader);
    while !operators.eof() {
        let offset = operators.original_position();
        // The hooks get the operator where the decoder wrote it. Moving it out of the nested
        // result first copied its 56 bytes in pieces that the loads after the call could not
        // take from the store buffer: a fifth of a validation's time (record 0005).
        match operators.visit_operator(&mut Tee { validator, offset }) {
            Ok(Ok(ref op)) => hooks.operator(validator, op, offset, operators.original_position())?,
            Ok(Err(error)) => return Err(invalid(error)),
            Err(error) => return Err(malformed(error)),
        }
    }
    operators.finish().map_err(&malformed)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::split_runs;

    #[test]
    #[allow(clippy::single_range_in_vec_init)] // a single run is an answer here
    fn runs_cover_every_item_in_order() {
        let split = |sizes: &[usize], threads| split_runs(sizes.iter().copied(), threads);
        assert_eq!(split(&[5, 5, 5, 5], 2), [0..2, 2..4]);
        assert_eq!(split(&[5, 5, 5, 5], 1), [0..4]);
        assert_eq!(split(&[1, 1, 10, 1], 2), [0..3, 3..4]);
        assert_eq!(split(&[10, 1, 1, 1], 3), [0..1, 1..4]);
        assert_eq!(split(&[3, 3], 4), [0..1, 1..2]);
        assert_eq!(split(&[], 2), [0..0]);
    }
}
