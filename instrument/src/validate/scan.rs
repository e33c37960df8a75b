//! One streaming pass over a module: wasmparser's validator, with hooks for the policy's rules.
//!
//! The same loop runs the real validation (with the policy's hooks) and the feature probes
//! (with no hooks), so a probe sees errors in exactly the order the real pass does.

use wasmparser::{
    BinaryReaderError, Encoding, FuncValidator, FuncValidatorAllocations, FunctionBody, Operator, OperatorsReader,
    Parser, Payload, ValidPayload, Validator, ValidatorResources, WasmFeatures,
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
pub(crate) trait Hooks {
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

/// Hooks for a bare validity check.
impl Hooks for () {}

/// Hooks borrowed.
impl<H: Hooks> Hooks for &mut H {
    fn payload(&mut self, payload: &Payload<'_>) -> Result<(), ValidationError> {
        (**self).payload(payload)
    }
    fn function(&mut self, validator: &Func, body: &FunctionBody<'_>) -> Result<(), ValidationError> {
        (**self).function(validator, body)
    }
    fn locals(&mut self, function: u32, count: u32, offset: usize) -> Result<(), ValidationError> {
        (**self).locals(function, count, offset)
    }
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

pub(crate) fn scan(wasm: &[u8], features: WasmFeatures, hooks: &mut impl Hooks) -> Result<(), Failure> {
    let mut validator = Validator::new_with_features(features);
    let mut parser = Parser::new(0);
    parser.set_features(features);
    let mut allocs = FuncValidatorAllocations::default();
    for payload in parser.parse_all(wasm) {
        let payload = payload.map_err(malformed(None))?;
        // wasmparser is built without component support, so no probe could name this.
        if let Payload::Version { encoding: Encoding::Component, range, .. } = &payload {
            let location = Location::at(range.start);
            return Err(ValidationError::FeatureNotAllowed { feature: Feature::ComponentModel, location }.into());
        }
        hooks.payload(&payload)?;
        if let ValidPayload::Func(to_validate, body) = validator.payload(&payload).map_err(invalid(None))? {
            let mut function = to_validate.into_validator(std::mem::take(&mut allocs));
            scan_body(&mut function, &body, features, hooks)?;
            allocs = function.into_allocations();
        }
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
        let (op, offset) = operators.read_with_offset().map_err(&malformed)?;
        validator.op(offset, &op).map_err(&invalid)?;
        hooks.operator(validator, &op, offset, operators.original_position())?;
    }
    operators.finish().map_err(&malformed)?;
    Ok(())
}
