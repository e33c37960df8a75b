//! From a policy's features to wasmparser's, and back from a validation error to the feature
//! that would have avoided it.

use baals_policy::{Features, FloatMode};
use wasmparser::WasmFeatures as W;

use super::scan::{WasmFailure, scan};
use crate::error::{Feature, ValidationError, one_line};

/// The wasmparser features a policy allows: nothing beyond them validates.
pub(crate) fn wasm_features(features: &Features) -> W {
    let mut flags = W::empty();
    flags.set(W::MUTABLE_GLOBAL, features.mutable_global);
    flags.set(W::SIGN_EXTENSION, features.sign_extension);
    flags.set(W::MULTI_VALUE, features.multi_value);
    flags.set(W::BULK_MEMORY, features.bulk_memory);
    // `externref` needs GC_TYPES as well (no collector: wasmparser's name for "externref exists").
    flags.set(W::REFERENCE_TYPES | W::GC_TYPES, features.reference_types);
    flags.set(W::EXTENDED_CONST, features.extended_const);
    flags.set(W::FLOATS | W::SATURATING_FLOAT_TO_INT, features.floats != FloatMode::Deny);
    flags
}

/// What enabling each feature alone takes, prerequisites included. Policy-controlled features
/// come first: they are what a policy author can act on.
fn probes() -> [(Feature, W); 24] {
    let refs = W::REFERENCE_TYPES | W::GC_TYPES;
    let typed_refs = refs | W::FUNCTION_REFERENCES;
    [
        (Feature::Floats, W::FLOATS | W::SATURATING_FLOAT_TO_INT),
        (Feature::MutableGlobal, W::MUTABLE_GLOBAL),
        (Feature::SignExtension, W::SIGN_EXTENSION),
        (Feature::MultiValue, W::MULTI_VALUE),
        (Feature::BulkMemory, W::BULK_MEMORY),
        (Feature::ReferenceTypes, refs),
        (Feature::ExtendedConst, W::EXTENDED_CONST),
        (Feature::Simd, W::SIMD),
        (Feature::RelaxedSimd, W::SIMD | W::RELAXED_SIMD),
        (Feature::Threads, W::THREADS),
        (Feature::SharedEverythingThreads, W::THREADS | W::SHARED_EVERYTHING_THREADS),
        (Feature::Memory64, W::MEMORY64),
        (Feature::MultiMemory, W::MULTI_MEMORY),
        (Feature::Exceptions, W::EXCEPTIONS | refs),
        (Feature::LegacyExceptions, W::LEGACY_EXCEPTIONS | refs),
        (Feature::TailCall, W::TAIL_CALL),
        (Feature::FunctionReferences, typed_refs),
        (Feature::Gc, typed_refs | W::GC),
        (Feature::CustomPageSizes, W::CUSTOM_PAGE_SIZES),
        (Feature::WideArithmetic, W::WIDE_ARITHMETIC),
        (Feature::StackSwitching, typed_refs | W::EXCEPTIONS | W::STACK_SWITCHING),
        (Feature::MemoryControl, W::MEMORY_CONTROL),
        (Feature::CustomDescriptors, typed_refs | W::GC | W::CUSTOM_DESCRIPTORS),
        (Feature::CompactImports, W::COMPACT_IMPORTS),
    ]
}

/// Turns a wasmparser failure into the rule it broke: the feature whose absence caused it, if
/// enabling one feature makes the module get past this point; otherwise malformed or invalid.
///
/// Probing re-validates the module once per candidate, which costs time only on a refusal.
/// It names features without depending on wasmparser's wording of its messages.
pub(crate) fn classify(wasm: &[u8], allowed: W, failure: WasmFailure) -> ValidationError {
    let failed_at = failure.error.offset();
    let culprit = probes().into_iter().find(|&(_, flags)| {
        !allowed.contains(flags)
            && match scan(wasm, allowed | flags, &mut (), super::scan::threads()) {
                Ok(()) => true,
                Err(super::scan::Failure::Wasm(next)) => next.error.offset() > failed_at,
                Err(super::scan::Failure::Policy(_)) => false,
            }
    });
    let location = failure.location();
    match culprit {
        Some((feature, _)) => ValidationError::FeatureNotAllowed { feature, location },
        None if failure.malformed => {
            ValidationError::Malformed { message: one_line(failure.error.message()), location }
        }
        None => ValidationError::Invalid { message: one_line(failure.error.message()), location },
    }
}
