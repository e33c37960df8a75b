//! The module's interface to the world: its imports and exports, checked against the host ABI
//! and the policy before anything else.
//!
//! The interface is what a contract author gets wrong first (a module built for another chain
//! imports another host API), so it is checked in a pass of its own, ahead of the full
//! validation: a CosmWasm contract is refused for `env.db_read`, not for whatever feature its
//! code section happens to use first. The pass reads only the sections before the code; any
//! decoding or validity problem is left to the full validation, which reports it properly.

use baals_policy::{AbiType, ExportRule, HOST_MODULE, HostFunction, ImportRule, Policy, RESERVED_PREFIX};
use wasmparser::{CompositeInnerType, ExternalKind, FuncType, Parser, Payload, TypeRef, ValType};

use crate::error::{ExportRefusal, ImportRefusal, Location, ValidationError};

pub(crate) fn check(wasm: &[u8], policy: &Policy) -> Result<(), ValidationError> {
    let mut interface = Interface::default();
    for payload in Parser::new(0).parse_all(wasm) {
        let Ok(payload) = payload else { return Ok(()) };
        let complete = match payload {
            Payload::TypeSection(reader) => interface.types(reader),
            Payload::ImportSection(reader) => interface.imports(reader, policy)?,
            Payload::FunctionSection(reader) => interface.functions(reader),
            Payload::GlobalSection(reader) => interface.globals(reader),
            Payload::ExportSection(reader) => interface.exports(reader, policy)?,
            Payload::CodeSectionStart { .. } | Payload::End(_) => return Ok(()),
            _ => true,
        };
        if !complete {
            return Ok(());
        }
    }
    Ok(())
}

/// What the pass has learnt so far; `None` marks a type that is not a function type.
#[derive(Default)]
struct Interface {
    types: Vec<Option<FuncType>>,
    function_types: Vec<u32>,
    /// Whether each global (imports first) is mutable.
    mutable_globals: Vec<bool>,
}

impl Interface {
    fn function_type(&self, type_index: u32) -> Option<&FuncType> {
        self.types.get(type_index as usize)?.as_ref()
    }

    /// Returns false when a type does not decode: the full validation will report it.
    fn types(&mut self, reader: wasmparser::TypeSectionReader<'_>) -> bool {
        for group in reader {
            let Ok(group) = group else { return false };
            for ty in group.types() {
                self.types.push(match &ty.composite_type.inner {
                    CompositeInnerType::Func(func) => Some(func.clone()),
                    _ => None,
                });
            }
        }
        true
    }

    fn functions(&mut self, reader: wasmparser::FunctionSectionReader<'_>) -> bool {
        for ty in reader {
            let Ok(ty) = ty else { return false };
            self.function_types.push(ty);
        }
        true
    }

    fn globals(&mut self, reader: wasmparser::GlobalSectionReader<'_>) -> bool {
        for global in reader {
            let Ok(global) = global else { return false };
            self.mutable_globals.push(global.ty.mutable);
        }
        true
    }

    fn imports(
        &mut self,
        reader: wasmparser::ImportSectionReader<'_>,
        policy: &Policy,
    ) -> Result<bool, ValidationError> {
        for import in reader.into_imports_with_offsets() {
            let Ok((offset, import)) = import else {
                return Ok(false);
            };
            match import.ty {
                TypeRef::Func(ty) | TypeRef::FuncExact(ty) => self.function_types.push(ty),
                TypeRef::Global(global) => self.mutable_globals.push(global.mutable),
                _ => {}
            }
            if policy.imports() == ImportRule::Any {
                continue;
            }
            let refuse = |reason| ValidationError::ImportNotAllowed {
                module: import.module.to_string(),
                name: import.name.to_string(),
                reason,
                location: Location::at(offset),
            };
            if import.module != HOST_MODULE {
                return Err(refuse(ImportRefusal::NotHostModule));
            }
            let ty = match import.ty {
                TypeRef::Func(ty) | TypeRef::FuncExact(ty) => ty,
                TypeRef::Table(_) => return Err(refuse(ImportRefusal::NotAFunction("table"))),
                TypeRef::Memory(_) => return Err(refuse(ImportRefusal::NotAFunction("memory"))),
                TypeRef::Global(_) => return Err(refuse(ImportRefusal::NotAFunction("global"))),
                TypeRef::Tag(_) => return Err(refuse(ImportRefusal::NotAFunction("tag"))),
            };
            let Some(function) = HostFunction::from_name(import.name) else {
                return Err(refuse(ImportRefusal::UnknownFunction));
            };
            if let Some(found) = self.function_type(ty)
                && !matches_abi(found, function)
            {
                return Err(refuse(ImportRefusal::WrongSignature { function, found: signature(found) }));
            }
        }
        Ok(true)
    }

    fn exports(
        &mut self,
        reader: wasmparser::ExportSectionReader<'_>,
        policy: &Policy,
    ) -> Result<bool, ValidationError> {
        for export in reader.into_iter_with_offsets() {
            let Ok((offset, export)) = export else {
                return Ok(false);
            };
            let refuse = |reason| ValidationError::ExportNotAllowed {
                name: export.name.to_string(),
                reason,
                location: Location::at(offset),
            };
            if export.name.starts_with(RESERVED_PREFIX) {
                return Err(refuse(ExportRefusal::ReservedName));
            }
            if policy.exports() == ExportRule::Any {
                continue;
            }
            match export.kind {
                ExternalKind::Func | ExternalKind::FuncExact => {
                    let ty = self.function_types.get(export.index as usize).and_then(|&ty| self.function_type(ty));
                    if let Some(ty) = ty
                        && !(ty.params().is_empty() && ty.results().is_empty())
                    {
                        return Err(refuse(ExportRefusal::NotAnEntryPoint(signature(ty))));
                    }
                }
                ExternalKind::Memory if export.name == "memory" => {}
                ExternalKind::Memory => return Err(refuse(ExportRefusal::MemoryName)),
                ExternalKind::Table => return Err(refuse(ExportRefusal::KindNotAllowed("table"))),
                // rustc exports the constants `__heap_base` and `__data_end` from every
                // wasm32-unknown-unknown cdylib: constants expose nothing anyone could change.
                ExternalKind::Global if self.mutable_globals.get(export.index as usize) == Some(&false) => {}
                ExternalKind::Global => return Err(refuse(ExportRefusal::KindNotAllowed("mutable global"))),
                ExternalKind::Tag => return Err(refuse(ExportRefusal::KindNotAllowed("tag"))),
            }
        }
        Ok(true)
    }
}

fn matches_abi(ty: &FuncType, function: HostFunction) -> bool {
    let abi = |t: AbiType| match t {
        AbiType::I32 => ValType::I32,
        AbiType::I64 => ValType::I64,
    };
    ty.params().iter().copied().eq(function.params().iter().map(|p| abi(p.ty)))
        && ty.results().iter().copied().eq(function.result().map(abi))
}

/// A function type in the ABI's notation: `(param i32 i32) (result i32)`.
pub(crate) fn signature(ty: &FuncType) -> String {
    let list = |types: &[ValType]| types.iter().map(|t| format!(" {t}")).collect::<String>();
    let mut out = format!("(param{})", list(ty.params()));
    if !ty.results().is_empty() {
        out.push_str(&format!(" (result{})", list(ty.results())));
    }
    out
}
