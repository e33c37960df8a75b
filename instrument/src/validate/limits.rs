//! The policy's structural limits, checked as the scan goes, and the figures of the module
//! they are checked against.

use baals_policy::{Limit, Policy};
use wasmparser::{
    BinaryReaderError, CompositeInnerType, ExternalKind, FunctionBody, IndirectNameMap, KnownCustom, Name, NameMap,
    NameSectionReader, Operator, Payload, TypeRef,
};

use super::scan::{Func, Hooks, function_type};
use crate::error::{Location, ValidationError};
use crate::info::{Export, Import, MemoryInfo, ModuleInfo};

/// Parameters and locals of one function, together, that wasmparser (and so wasmtime) accepts.
const FORMAT_MAX_LOCALS: u64 = 50_000;

/// The most locals instrumentation adds to a function (`instrument/rewrite.rs`): the gas and
/// stack counters (as locals, or as parameters of an internal function) and three scratch
/// locals (a size operand, an f32, an f64).
const INSTRUMENTATION_LOCALS: u64 = 5;

pub(crate) struct LimitChecker<'p> {
    policy: &'p Policy,
    info: ModuleInfo,
    /// Per function: instructions so far, and open blocks.
    instructions: u64,
    locals: u64,
    /// The function's parameters: they share the format's bound on locals.
    params: u64,
    depth: u64,
    /// `function-instructions`, read once: it is compared at every instruction.
    max_instructions: u64,
}

impl<'p> LimitChecker<'p> {
    pub(crate) fn new(policy: &'p Policy, bytes: u64) -> Self {
        let mut info = ModuleInfo { bytes, ..ModuleInfo::default() };
        info.usage.raise(Limit::ModuleBytes, bytes);
        let max_instructions = policy.limit(Limit::FunctionInstructions);
        LimitChecker { policy, info, instructions: 0, locals: 0, params: 0, depth: 0, max_instructions }
    }

    pub(crate) fn into_info(mut self) -> ModuleInfo {
        self.end_function();
        self.info
    }

    /// Records the finished function's instruction count: once per function, not at every
    /// instruction (a tenth of the scan's time went to that).
    fn end_function(&mut self) {
        self.info.usage.raise(Limit::FunctionInstructions, self.instructions);
    }

    /// Records the module's value for `limit` (the usage keeps the peak) and refuses it past
    /// the policy's maximum.
    fn check(&mut self, limit: Limit, value: u64, location: Location) -> Result<(), ValidationError> {
        self.info.usage.raise(limit, value);
        let max = self.policy.limit(limit);
        if value > max {
            return Err(ValidationError::LimitExceeded { limit, value, max, location });
        }
        Ok(())
    }

    fn check_count(&mut self, limit: Limit, count: u32, offset: usize) -> Result<(), ValidationError> {
        self.check(limit, u64::from(count), Location::at(offset))
    }

    fn table(&mut self, initial: u64, maximum: Option<u64>, offset: usize) -> Result<(), ValidationError> {
        let tables = self.info.usage.get(Limit::Tables) + 1;
        self.check(Limit::Tables, tables, Location::at(offset))?;
        self.check_size(Limit::TableElements, initial, maximum, offset)
    }

    fn memory(
        &mut self,
        initial: u64,
        maximum: Option<u64>,
        imported: bool,
        offset: usize,
    ) -> Result<(), ValidationError> {
        // A second memory is refused by the validator as multi-memory; record only the first.
        if self.info.memory.is_none() {
            self.info.memory = Some(MemoryInfo { initial_pages: initial, maximum_pages: maximum, imported });
        }
        self.check_size(Limit::MemoryPages, initial, maximum, offset)
    }

    /// A table's or memory's size: both its initial size and declared maximum must fit.
    fn check_size(
        &mut self,
        limit: Limit,
        initial: u64,
        maximum: Option<u64>,
        offset: usize,
    ) -> Result<(), ValidationError> {
        self.check(limit, maximum.unwrap_or(initial).max(initial), Location::at(offset))
    }
}

impl<'p> Hooks for LimitChecker<'p> {
    type Fork = LimitChecker<'p>;

    fn fork(&self) -> LimitChecker<'p> {
        LimitChecker {
            policy: self.policy,
            info: ModuleInfo::default(),
            instructions: 0,
            locals: 0,
            params: 0,
            depth: 0,
            max_instructions: self.max_instructions,
        }
    }

    /// A fork saw function bodies only: their instructions and the peaks of the per-function
    /// limits.
    fn join(&mut self, mut fork: LimitChecker<'p>) {
        fork.end_function();
        self.info.instructions += fork.info.instructions;
        for (limit, value) in fork.info.usage.iter() {
            self.info.usage.raise(limit, value);
        }
    }

    fn payload(&mut self, payload: &Payload<'_>) -> Result<(), ValidationError> {
        match payload {
            Payload::TypeSection(reader) => {
                self.check_count(Limit::Types, reader.count(), reader.range().start)?;
                for group in reader.clone().into_iter_with_offsets() {
                    let Ok((offset, group)) = group else { break };
                    for ty in group.types() {
                        if let CompositeInnerType::Func(func) = &ty.composite_type.inner {
                            let location = Location::at(offset);
                            self.check(Limit::FunctionParams, func.params().len() as u64, location)?;
                            self.check(Limit::FunctionResults, func.results().len() as u64, location)?;
                        }
                    }
                }
            }
            Payload::ImportSection(reader) => {
                let mut count = 0;
                for import in reader.clone().into_imports_with_offsets() {
                    let Ok((offset, import)) = import else { break };
                    count += 1;
                    self.check(Limit::Imports, count, Location::at(offset))?;
                    let kind = match import.ty {
                        TypeRef::Func(_) | TypeRef::FuncExact(_) => {
                            self.info.imported_functions += 1;
                            "func"
                        }
                        TypeRef::Table(table) => {
                            self.table(table.initial, table.maximum, offset)?;
                            "table"
                        }
                        TypeRef::Memory(memory) => {
                            self.memory(memory.initial, memory.maximum, true, offset)?;
                            "memory"
                        }
                        TypeRef::Global(_) => "global",
                        TypeRef::Tag(_) => "tag",
                    };
                    self.info.imports.push(Import {
                        module: import.module.to_string(),
                        name: import.name.to_string(),
                        kind,
                    });
                }
            }
            Payload::FunctionSection(reader) => {
                self.info.functions = reader.count();
                self.check_count(Limit::Functions, reader.count(), reader.range().start)?;
            }
            Payload::TableSection(reader) => {
                for table in reader.clone().into_iter_with_offsets() {
                    let Ok((offset, table)) = table else { break };
                    self.table(table.ty.initial, table.ty.maximum, offset)?;
                }
            }
            Payload::MemorySection(reader) => {
                for memory in reader.clone().into_iter_with_offsets() {
                    let Ok((offset, memory)) = memory else { break };
                    self.memory(memory.initial, memory.maximum, false, offset)?;
                }
            }
            Payload::GlobalSection(reader) => {
                self.check_count(Limit::Globals, reader.count(), reader.range().start)?;
            }
            Payload::ExportSection(reader) => {
                self.check_count(Limit::Exports, reader.count(), reader.range().start)?;
                for export in reader.clone() {
                    let Ok(export) = export else { break };
                    let kind = match export.kind {
                        ExternalKind::Func | ExternalKind::FuncExact => "func",
                        ExternalKind::Table => "table",
                        ExternalKind::Memory => "memory",
                        ExternalKind::Global => "global",
                        ExternalKind::Tag => "tag",
                    };
                    self.info.exports.push(Export { name: export.name.to_string(), kind, index: export.index });
                }
            }
            Payload::StartSection { func, .. } => self.info.start_function = Some(*func),
            Payload::ElementSection(reader) => {
                self.check_count(Limit::ElementSegments, reader.count(), reader.range().start)?;
            }
            Payload::DataSection(reader) => {
                self.check_count(Limit::DataSegments, reader.count(), reader.range().start)?;
                let mut bytes = 0u64;
                for data in reader.clone().into_iter_with_offsets() {
                    let Ok((offset, data)) = data else { break };
                    bytes += data.data.len() as u64;
                    self.check(Limit::DataBytes, bytes, Location::at(offset))?;
                }
            }
            Payload::CustomSection(reader) => {
                let count = self.info.usage.get(Limit::CustomSections) + 1;
                self.check(Limit::CustomSections, count, Location::at(reader.range().start))?;
                if let KnownCustom::Name(names) = reader.as_known() {
                    decode_names(names).map_err(|error| ValidationError::Malformed {
                        message: format!("name section: {}", crate::error::one_line(error.message())),
                        location: Location::at(error.offset()),
                    })?;
                }
            }
            _ => {}
        }
        Ok(())
    }

    fn function(&mut self, validator: &Func, _body: &FunctionBody<'_>) -> Result<(), ValidationError> {
        self.end_function();
        self.instructions = 0;
        self.locals = 0;
        self.depth = 0;
        self.params = function_type(validator).map_or(0, |ty| ty.params().len() as u64);
        Ok(())
    }

    /// The policy's `function-locals`, and room for the locals instrumentation adds: the format
    /// bounds parameters and locals together, so a body the policy allows could otherwise
    /// instrument into one no engine accepts.
    fn locals(&mut self, function: u32, count: u32, offset: usize) -> Result<(), ValidationError> {
        self.locals += u64::from(count);
        let location = Location::in_function(function, offset);
        self.check(Limit::FunctionLocals, self.locals, location)?;
        let max = FORMAT_MAX_LOCALS.saturating_sub(self.params + INSTRUMENTATION_LOCALS);
        if self.locals > max {
            return Err(ValidationError::LimitExceeded {
                limit: Limit::FunctionLocals,
                value: self.locals,
                max,
                location,
            });
        }
        Ok(())
    }

    #[inline(always)]
    fn operator(
        &mut self,
        validator: &Func,
        op: &Operator<'_>,
        offset: usize,
        _end: usize,
    ) -> Result<(), ValidationError> {
        let location = Location::in_function(validator.index(), offset);
        self.instructions += 1;
        self.info.instructions += 1;
        if self.instructions > self.max_instructions {
            return self.check(Limit::FunctionInstructions, self.instructions, location);
        }
        match op {
            Operator::Block { .. } | Operator::Loop { .. } | Operator::If { .. } => {
                self.depth += 1;
                self.check(Limit::BlockDepth, self.depth, location)?;
            }
            // The validator has accepted the `end`, so a block is open (or this ends the body).
            Operator::End => self.depth = self.depth.saturating_sub(1),
            Operator::BrTable { targets } => {
                self.check(Limit::BrTableTargets, u64::from(targets.len()), location)?;
            }
            _ => {}
        }
        Ok(())
    }
}

/// Decodes the whole name section. It is the one custom section instrumentation rewrites (its
/// label and local indices move), so it must decode; engines would skip a malformed one, but a
/// contract is refused rather than deployed with names that mean something else after
/// instrumentation.
fn decode_names(names: NameSectionReader<'_>) -> Result<(), BinaryReaderError> {
    fn map(names: NameMap<'_>) -> Result<(), BinaryReaderError> {
        names.into_iter().try_for_each(|naming| naming.map(drop))
    }
    fn indirect(names: IndirectNameMap<'_>) -> Result<(), BinaryReaderError> {
        names.into_iter().try_for_each(|function| map(function?.names))
    }
    for subsection in names {
        match subsection? {
            Name::Function(names)
            | Name::Type(names)
            | Name::Table(names)
            | Name::Memory(names)
            | Name::Global(names)
            | Name::Element(names)
            | Name::Data(names)
            | Name::Tag(names) => map(names)?,
            Name::Local(names) | Name::Label(names) | Name::Field(names) => indirect(names)?,
            Name::Module { .. } | Name::Unknown { .. } => {}
        }
    }
    Ok(())
}
