//! Applying an [`Analysis`]: the module is copied byte for byte, except where code is injected.
//!
//! Original instructions are never re-encoded: function bodies are copied in slices between
//! injection points, and sections that need nothing are copied whole, so the output differs
//! from the input only by what was injected (an auditor's diff shows exactly that) and
//! every encoding choice of the producer (LEB widths, section order, custom sections) survives.
//! Sections that change are re-emitted with their original entries copied raw and the new ones
//! appended: types (internal functions' and wrap blocks'), globals (the gas and stack
//! counters), exports (those counters and the start function), and memories and tables that
//! declare no maximum. Two things are re-encoded: the function section, where internal
//! functions get their new types, and in their bodies the indices of declared locals, which
//! move up past the two counter parameters.

use baals_policy::{Limit, Policy, TrapGas};
use wasm_encoder::{
    ConstExpr, Encode, ExportKind, ExportSection, GlobalSection, GlobalType, MemoryType, TableType, TypeSection,
    ValType,
};
use wasmparser::{
    BinaryReader, CodeSectionReader, MemorySectionReader, Parser, Payload, TableInit, TableSectionReader,
};

use super::analysis::{Analysis, FunctionPlan, INTERNAL_PARAMS, Injection, WrapType, inline_block_type};
use super::snippets::{Slots, Snippet, uleb, val_type};
use super::write_backs::encode_section;
use super::{GAS_GLOBAL, INSTRUMENTED_SECTION, InstrumentError, STACK_GLOBAL, START_EXPORT, TRAP_LIMIT_EXPORT};
use crate::validate::{in_order, parallel_runs};

/// The rewritten module, and each function body's size before and after.
pub(crate) struct Rewritten {
    pub(crate) wasm: Vec<u8>,
    pub(crate) body_sizes: Vec<(u32, u32)>,
}

/// Where one body's trap-only write-backs are: offsets from the start of its contents (after
/// its size), ascending.
type WriteBacks = Vec<u32>;

/// Section ids in the order the binary format requires them.
const ORDER: [u8; 13] = [1, 2, 3, 4, 5, 13, 6, 7, 8, 9, 12, 10, 11];
const TABLE: u8 = 4;
const GLOBAL: u8 = 6;
const EXPORT: u8 = 7;

fn rank(id: u8) -> usize {
    ORDER.iter().position(|&o| o == id).unwrap_or(usize::MAX)
}

struct Writer<'a> {
    wasm: &'a [u8],
    analysis: &'a Analysis,
    policy: &'a Policy,
    out: Vec<u8>,
    globals_written: bool,
    exports_written: bool,
    start: Option<u32>,
    body_sizes: Vec<(u32, u32)>,
    /// Each body's trap-only write-backs, in code section order.
    write_backs: Vec<WriteBacks>,
    /// Threads the bodies may be rewritten on.
    threads: usize,
    /// The hooks of a profiled copy ([`crate::instrument_profiled`]), if this is one.
    profile: Option<Profile>,
    tables_written: bool,
}

/// What a profiled copy adds: a table of two hooks the host fills (slot 0 is called at each
/// function's entry, slot 1 at each exit, with the function's index and its gas counter),
/// their type, and for each function the type of a block around its whole body, so that every
/// exit but `return` passes the exit hook. None of it is charged: the copy's gas is the
/// stored module's.
struct Profile {
    hook_type: u32,
    table: u32,
    /// `[] -> results` types to append after the hook's, for blocks of more than one result.
    block_types: Vec<Vec<ValType>>,
    /// Per defined function, its body's block type.
    bodies: Vec<wasm_encoder::BlockType>,
}

impl Profile {
    fn new(wasm: &[u8], analysis: &Analysis) -> Result<Profile, InstrumentError> {
        // The hook table comes after the imported tables and the defined ones.
        let mut tables = 0;
        for payload in Parser::new(0).parse_all(wasm) {
            match payload.map_err(internal)? {
                Payload::ImportSection(reader) => {
                    for import in reader.into_imports() {
                        if matches!(import.map_err(internal)?.ty, wasmparser::TypeRef::Table(_)) {
                            tables += 1;
                        }
                    }
                }
                Payload::TableSection(reader) => tables += reader.count(),
                Payload::CodeSectionStart { .. } => break,
                _ => {}
            }
        }
        // After the module's types and those the rewrite appends.
        let hook_type = u32::try_from(analysis.type_count()).map_err(internal)?;
        let mut block_types: Vec<Vec<ValType>> = Vec::new();
        let mut bodies = Vec::with_capacity(analysis.results.len());
        for results in &analysis.results {
            let results: Vec<ValType> = results.iter().filter_map(|&ty| val_type(ty)).collect();
            bodies.push(match results.as_slice() {
                [] => wasm_encoder::BlockType::Empty,
                [one] => wasm_encoder::BlockType::Result(*one),
                _ => {
                    let at = match block_types.iter().position(|known| *known == results) {
                        Some(at) => at,
                        None => {
                            block_types.push(results);
                            block_types.len() - 1
                        }
                    };
                    wasm_encoder::BlockType::FunctionType(hook_type + 1 + at as u32)
                }
            });
        }
        Ok(Profile { hook_type, table: tables, block_types, bodies })
    }

    fn table() -> TableType {
        TableType {
            element_type: wasm_encoder::RefType::FUNCREF,
            table64: false,
            minimum: 2,
            maximum: Some(2),
            shared: false,
        }
    }

    /// A hook's call: the function's index, its gas counter (less `owed`, the entry charge
    /// its caller paid for it), the slot.
    fn hook(&self, function: u32, counter: Counter, owed: u64, slot: i32, out: &mut Vec<u8>) {
        use wasm_encoder::Instruction::{CallIndirect, GlobalGet, I32Const, I64Const, I64Sub, LocalGet};
        I32Const(function as i32).encode(out);
        match counter {
            Counter::Local(local) => LocalGet(local).encode(out),
            Counter::Global(global) => GlobalGet(global).encode(out),
        }
        if owed > 0 {
            I64Const(owed as i64).encode(out);
            I64Sub.encode(out);
        }
        I32Const(slot).encode(out);
        CallIndirect { type_index: self.hook_type, table_index: self.table }.encode(out);
    }
}

/// Where a hook reads the gas counter.
#[derive(Clone, Copy)]
enum Counter {
    Local(u32),
    Global(u32),
}

/// The slots of the profile table.
const ENTER: i32 = 0;
const EXIT: i32 = 1;

pub(crate) fn rewrite(
    wasm: &[u8],
    analysis: &Analysis,
    policy: &Policy,
    start: Option<u32>,
    tag: &str,
    threads: usize,
    profile: bool,
) -> Result<Rewritten, InstrumentError> {
    let mut writer = Writer {
        wasm,
        analysis,
        policy,
        // Instrumented code is about half as large again as the original.
        out: Vec::with_capacity(wasm.len() * 2),
        globals_written: false,
        exports_written: false,
        start,
        body_sizes: Vec::with_capacity(analysis.functions.len()),
        write_backs: Vec::with_capacity(analysis.functions.len()),
        threads,
        profile: if profile { Some(Profile::new(wasm, analysis)?) } else { None },
        tables_written: false,
    };
    writer.out.extend_from_slice(&wasm[..8.min(wasm.len())]);
    // The end of the previous section: a section's header lies between it and its contents.
    let mut previous_end = 8;
    for payload in Parser::new(0).parse_all(wasm) {
        let payload = payload.map_err(internal)?;
        if let Payload::End(_) = payload {
            writer.missing_sections(usize::MAX)?;
            break;
        }
        // Code entries are handled with their section.
        if let Payload::CodeSectionEntry(_) = payload {
            continue;
        }
        let Some((id, range)) = payload.as_section() else {
            continue;
        };
        let whole = &wasm[previous_end..range.end];
        let contents = &wasm[range.clone()];
        previous_end = range.end;
        if id != 0 {
            writer.missing_sections(rank(id))?;
        }
        match payload {
            Payload::TypeSection(_) if !analysis.extra_types.is_empty() || writer.profile.is_some() => {
                let mut types = TypeSection::new();
                for (params, results) in &analysis.extra_types {
                    let params: Vec<ValType> = params.iter().filter_map(|&t| val_type(t)).collect();
                    let results: Vec<ValType> = results.iter().filter_map(|&t| val_type(t)).collect();
                    types.ty().function(params, results);
                }
                if let Some(profile) = &writer.profile {
                    types.ty().function([ValType::I32, ValType::I64], []);
                    for results in &profile.block_types {
                        types.ty().function([], results.iter().copied());
                    }
                }
                writer.extend_section(1, contents, &types)?;
            }
            Payload::FunctionSection(reader) if analysis.call_types.iter().any(Option::is_some) => {
                let mut functions = wasm_encoder::FunctionSection::new();
                for (ty, call_type) in reader.into_iter().zip(&analysis.call_types) {
                    functions.function(call_type.unwrap_or(ty.map_err(internal)?));
                }
                writer.encoded_section(3, &functions)?;
            }
            Payload::TableSection(reader) => {
                writer.tables_written = true;
                writer.tables(whole, reader)?
            }
            Payload::MemorySection(reader) => writer.memories(whole, reader)?,
            Payload::GlobalSection(_) => {
                writer.extend_section(GLOBAL, contents, &counters())?;
                writer.globals_written = true;
            }
            Payload::ExportSection(_) => {
                let exports = writer.exports();
                writer.extend_section(EXPORT, contents, &exports)?;
                writer.exports_written = true;
            }
            // Replaced by the `baals_start` export: the host runs it once gas is set.
            Payload::StartSection { .. } => {}
            Payload::CodeSectionStart { range, .. } => writer.code(range.start, contents)?,
            // A profiled copy's functions are named from the original module.
            Payload::CustomSection(section) if section.name() == "name" && writer.profile.is_some() => {}
            Payload::CustomSection(section) if section.name() == "name" => {
                writer.name_section(section.data(), section.data_offset())?;
            }
            _ => writer.out.extend_from_slice(whole),
        }
    }
    let mut section = Vec::new();
    INSTRUMENTED_SECTION.encode(&mut section);
    section.extend_from_slice(tag.as_bytes());
    writer.section(0, &section);
    if let Some(section) = encode_section(&writer.write_backs) {
        writer.section(0, &section);
    }
    Ok(Rewritten { wasm: writer.out, body_sizes: writer.body_sizes })
}

/// The gas counter (i64) and the stack counter (i32), both mutable and starting at zero: code
/// that runs before the host sets them traps at its first check.
fn counters() -> GlobalSection {
    let mut globals = GlobalSection::new();
    let ty = |val_type| GlobalType { val_type, mutable: true, shared: false };
    globals.global(ty(ValType::I64), &ConstExpr::i64_const(0));
    globals.global(ty(ValType::I32), &ConstExpr::i32_const(0));
    globals
}

impl Writer<'_> {
    fn gas_global(&self) -> u32 {
        self.analysis.globals
    }

    fn exports(&self) -> ExportSection {
        let mut exports = ExportSection::new();
        exports.export(GAS_GLOBAL, ExportKind::Global, self.gas_global());
        exports.export(STACK_GLOBAL, ExportKind::Global, self.gas_global() + 1);
        if let Some(start) = self.start {
            exports.export(START_EXPORT, ExportKind::Func, start);
        }
        if self.policy.trap_gas() == TrapGas::Limit {
            exports.export(TRAP_LIMIT_EXPORT, ExportKind::Global, self.gas_global());
        }
        if let Some(profile) = &self.profile {
            exports.export(crate::PROFILE_TABLE, ExportKind::Table, profile.table);
        }
        exports
    }

    /// Writes the sections the module lacks and the rewrite needs, before a section of rank
    /// `before`.
    fn missing_sections(&mut self, before: usize) -> Result<(), InstrumentError> {
        if self.profile.is_some() && !self.tables_written && before > rank(TABLE) {
            self.tables_written = true;
            let mut tables = wasm_encoder::TableSection::new();
            tables.table(Profile::table());
            self.encoded_section(TABLE, &tables)?;
        }
        if !self.globals_written && before > rank(GLOBAL) {
            self.globals_written = true;
            self.extend_section(GLOBAL, &[0], &counters())?;
        }
        if !self.exports_written && before > rank(EXPORT) {
            self.exports_written = true;
            let exports = self.exports();
            self.extend_section(EXPORT, &[0], &exports)?;
        }
        Ok(())
    }

    fn section(&mut self, id: u8, contents: &[u8]) {
        self.out.push(id);
        (contents.len() as u32).encode(&mut self.out);
        self.out.extend_from_slice(contents);
    }

    /// Writes section `id`: the entries of `original` (count, then entries) followed by those
    /// of `extra`, an encoded section of the same kind.
    fn extend_section(&mut self, id: u8, original: &[u8], extra: &impl Encode) -> Result<(), InstrumentError> {
        let (count, entries) = split_count(original)?;
        let mut encoded = Vec::new();
        extra.encode(&mut encoded);
        // A section encodes as its size, then its count and entries.
        let (_, added) = split_count(&encoded)?;
        let (extra_count, extra_entries) = split_count(added)?;
        let mut contents = Vec::with_capacity(original.len() + extra_entries.len() + 5);
        (count + extra_count).encode(&mut contents);
        contents.extend_from_slice(entries);
        contents.extend_from_slice(extra_entries);
        self.section(id, &contents);
        Ok(())
    }

    /// Memories without a declared maximum get the policy's.
    fn memories(&mut self, whole: &[u8], reader: MemorySectionReader<'_>) -> Result<(), InstrumentError> {
        let memories: Vec<_> = reader.into_iter().collect::<Result<_, _>>().map_err(internal)?;
        if memories.iter().all(|m| m.maximum.is_some()) {
            self.out.extend_from_slice(whole);
            return Ok(());
        }
        let max_pages = self.policy.limit(Limit::MemoryPages);
        let mut section = wasm_encoder::MemorySection::new();
        for memory in memories {
            section.memory(MemoryType {
                minimum: memory.initial,
                maximum: Some(memory.maximum.unwrap_or(max_pages)),
                memory64: memory.memory64,
                shared: memory.shared,
                page_size_log2: memory.page_size_log2,
            });
        }
        self.encoded_section(5, &section)
    }

    /// Tables without a declared maximum get the policy's `table-elements`.
    fn tables(&mut self, whole: &[u8], reader: TableSectionReader<'_>) -> Result<(), InstrumentError> {
        let tables: Vec<_> = reader.into_iter().collect::<Result<_, _>>().map_err(internal)?;
        if tables.iter().all(|t| t.ty.maximum.is_some()) && self.profile.is_none() {
            self.out.extend_from_slice(whole);
            return Ok(());
        }
        let max = self.policy.limit(Limit::TableElements);
        let mut section = wasm_encoder::TableSection::new();
        let mut reencoder = wasm_encoder::reencode::RoundtripReencoder;
        for table in tables {
            use wasm_encoder::reencode::Reencode;
            let element_type = reencoder.ref_type(table.ty.element_type).map_err(internal)?;
            let ty = TableType {
                element_type,
                table64: table.ty.table64,
                minimum: table.ty.initial,
                maximum: Some(table.ty.maximum.unwrap_or(max)),
                shared: table.ty.shared,
            };
            match table.init {
                TableInit::RefNull => section.table(ty),
                TableInit::Expr(expr) => {
                    let init = reencoder.const_expr(expr).map_err(internal)?;
                    section.table_with_init(ty, &init)
                }
            };
        }
        if self.profile.is_some() {
            section.table(Profile::table());
        }
        self.encoded_section(TABLE, &section)
    }

    fn encoded_section(&mut self, id: u8, section: &impl Encode) -> Result<(), InstrumentError> {
        let mut encoded = Vec::new();
        section.encode(&mut encoded);
        let (_, contents) = split_count(&encoded)?;
        self.section(id, contents);
        Ok(())
    }

    /// The name section, with label indices moved past the injected blocks and the local
    /// indices of internal functions past their counter parameters. Other subsections are
    /// copied as they are: function and global indices do not change.
    fn name_section(&mut self, data: &[u8], offset: usize) -> Result<(), InstrumentError> {
        const LOCALS: u8 = 2;
        const LABELS: u8 = 3;
        let mut contents = Vec::with_capacity(data.len() + 8);
        "name".encode(&mut contents);
        let mut reader = BinaryReader::new(data, offset);
        while !reader.eof() {
            let start = reader.current_position();
            let id = reader.read_u8().map_err(internal)?;
            let size = reader.read_var_u32().map_err(internal)?;
            let bytes = reader.read_bytes(size as usize).map_err(internal)?;
            if id != LABELS && id != LOCALS {
                contents.extend_from_slice(&data[start..reader.current_position()]);
                continue;
            }
            let subsection_offset = reader.original_position() - bytes.len();
            let map =
                wasmparser::IndirectNameMap::new(BinaryReader::new(bytes, subsection_offset)).map_err(internal)?;
            let mut renamed = wasm_encoder::IndirectNameMap::new();
            // A function may be listed any number of times: its shifts are computed once, or a
            // crafted section could make each listing walk the whole body again.
            let functions = &self.analysis.functions;
            let mut label_shifts: Vec<Option<Vec<u32>>> = vec![None; if id == LABELS { functions.len() } else { 0 }];
            for function in map {
                let function = function.map_err(internal)?;
                let at = functions.binary_search_by_key(&function.index, |plan| plan.report.index).ok();
                let plan = at.map(|at| &functions[at]);
                let shifts: &[u32] = match at {
                    Some(at) if id == LABELS => label_shifts[at].get_or_insert_with(|| functions[at].label_shifts()),
                    _ => &[],
                };
                let mut names = wasm_encoder::NameMap::new();
                for naming in function.names {
                    let naming = naming.map_err(internal)?;
                    let index = match plan {
                        // A name past the last possible local names nothing: it is dropped.
                        Some(plan) if id == LOCALS && plan.internal && naming.index >= plan.params => {
                            naming.index.checked_add(INTERNAL_PARAMS)
                        }
                        _ if id == LABELS => {
                            naming.index.checked_add(shifts.get(naming.index as usize).copied().unwrap_or(0))
                        }
                        _ => Some(naming.index),
                    };
                    if let Some(index) = index {
                        names.append(index, naming.name);
                    }
                }
                renamed.append(function.index, &names);
            }
            let mut encoded = Vec::new();
            renamed.encode(&mut encoded);
            contents.push(id);
            (encoded.len() as u32).encode(&mut contents);
            contents.extend_from_slice(&encoded);
        }
        self.section(0, &contents);
        Ok(())
    }

    /// The code section, its bodies rewritten on several threads when there is enough code:
    /// each thread takes a contiguous run of bodies and the runs are concatenated in order, so
    /// the bytes do not depend on the number of threads. The first run is written in place,
    /// the others after it: every byte written to fresh memory costs a page fault per 4 KiB,
    /// which was the most of what copying the code from buffer to buffer cost.
    fn code(&mut self, offset: usize, contents: &[u8]) -> Result<(), InstrumentError> {
        let reader = CodeSectionReader::new(BinaryReader::new(contents, offset)).map_err(internal)?;
        let count = reader.count();
        let bodies: Vec<_> = reader.into_iter().collect::<Result<_, _>>().map_err(internal)?;
        if bodies.len() != self.analysis.functions.len() {
            return Err(InstrumentError::Internal(format!(
                "{count} function bodies but {} plans",
                self.analysis.functions.len()
            )));
        }
        let sizes = bodies.iter().map(|body| body.range().len());
        let runs = parallel_runs(sizes, self.threads);
        let mut out = std::mem::take(&mut self.out);
        out.push(10);
        let size_at = out.len();
        let size_width = SizePrefix::at_least(contents.len(), &mut out);
        count.encode(&mut out);
        let this = &*self;
        let mut first = Some(&mut out);
        let runs: Vec<_> = runs.into_iter().map(|run| (run, first.take())).collect();
        let encoded = in_order(runs, |(run, out)| {
            let mut bytes = Vec::new();
            let out = out.unwrap_or(&mut bytes);
            let (sizes, write_backs) = this.bodies(&bodies[run.clone()], run.start, out)?;
            Ok::<_, InstrumentError>((bytes, sizes, write_backs))
        });
        let mut body_sizes = Vec::with_capacity(bodies.len());
        let mut write_backs = Vec::with_capacity(bodies.len());
        for run in encoded {
            let (bytes, sizes, run_write_backs) = run?;
            out.extend_from_slice(&bytes);
            body_sizes.extend(sizes);
            write_backs.extend(run_write_backs);
        }
        SizePrefix::finish(&mut out, size_at, size_width);
        self.out = out;
        self.body_sizes.extend(body_sizes);
        self.write_backs.extend(write_backs);
        Ok(())
    }

    /// Appends the bodies of functions `first..` to `out`, each as its size then its bytes;
    /// returns each one's size before and after, and where its trap-only write-backs are.
    #[allow(clippy::type_complexity)]
    fn bodies(
        &self,
        bodies: &[wasmparser::FunctionBody<'_>],
        first: usize,
        out: &mut Vec<u8>,
    ) -> Result<(Vec<(u32, u32)>, Vec<WriteBacks>), InstrumentError> {
        let original: usize = bodies.iter().map(|body| body.range().len()).sum();
        // Instrumented code is about half as large again as the original.
        out.reserve(original + original / 2);
        let mut sizes = Vec::with_capacity(bodies.len());
        let mut write_backs = Vec::with_capacity(bodies.len());
        for (defined, (body, plan)) in bodies.iter().zip(&self.analysis.functions[first..]).enumerate() {
            let size_at = out.len();
            let size_width = SizePrefix::at_least(body.range().len(), out);
            write_backs.push(self.body(body, plan, first + defined, out)?);
            let size = SizePrefix::finish(out, size_at, size_width);
            sizes.push((body.range().len() as u32, size as u32));
        }
        Ok((sizes, write_backs))
    }

    /// Writes `body` rewritten by `plan` to `out`; returns where its trap-only write-backs
    /// are.
    fn body(
        &self,
        body: &wasmparser::FunctionBody<'_>,
        plan: &FunctionPlan,
        defined: usize,
        out: &mut Vec<u8>,
    ) -> Result<WriteBacks, InstrumentError> {
        let range = body.range();
        let contents_start = out.len();
        let mut write_backs = WriteBacks::new();
        let mut locals = body.get_locals_reader().map_err(internal)?;
        let groups = locals.get_count();
        let groups_start = locals.original_position();
        for _ in 0..groups {
            locals.read().map_err(internal)?;
        }
        let operators_start = locals.original_position();

        // The counters: the last two parameters of an internal function, the first two
        // injected locals of any other.
        let (counters, mut added) =
            if plan.internal { (plan.params, Vec::new()) } else { (plan.locals, vec![ValType::I64, ValType::I32]) };
        let mut slots = Slots {
            gas_global: self.gas_global(),
            stack_global: self.gas_global() + 1,
            gas: counters,
            stack: counters + 1,
            size: 0,
            f32: 0,
            f64: 0,
        };
        let mut next = plan.locals + INTERNAL_PARAMS;
        for (needed, slot, ty) in [
            (plan.needs_size, &mut slots.size, ValType::I32),
            (plan.needs_f32, &mut slots.f32, ValType::F32),
            (plan.needs_f64, &mut slots.f64, ValType::F64),
        ] {
            if needed {
                *slot = next;
                next += 1;
                added.push(ty);
            }
        }

        out.reserve(range.len() + plan.injections.len() * 12 + 8);
        (groups + added.len() as u32).encode(out);
        out.extend_from_slice(&self.wasm[groups_start..operators_start]);
        for ty in &added {
            1u32.encode(out);
            ty.encode(out);
        }
        let mut copied = operators_start;
        let hooks = match &self.profile {
            Some(profile) => self.profile_hooks(profile, body, plan, defined, operators_start, &slots)?,
            None => Vec::new(),
        };
        let mut hooks = hooks.into_iter().peekable();
        for &(position, injection) in &plan.injections {
            // A profile's hooks go before the plan's injections at the same place, but for
            // those after the body's last instruction.
            while let Some((_, hook)) = hooks.next_if(|(at, _)| at.0 < position || (at.0 == position && !at.1)) {
                out.extend_from_slice(&self.wasm[copied..hook.0]);
                copied = hook.0;
                out.extend_from_slice(&hook.1);
            }
            out.extend_from_slice(&self.wasm[copied..position]);
            copied = position;
            let snippet = match injection {
                Injection::Local { index, end } => {
                    // The opcode (one byte for the local instructions), then the new index.
                    out.push(self.wasm[position]);
                    uleb(index, out);
                    copied = end;
                    continue;
                }
                Injection::Snippet(snippet) => snippet,
                Injection::WrapStart(WrapType::Index(index)) => {
                    Snippet::WrapStart(wasm_encoder::BlockType::FunctionType(index))
                }
                Injection::WrapStart(WrapType::Inline(result)) => {
                    let block_type = inline_block_type(result)
                        .ok_or_else(|| InstrumentError::Internal(format!("unsupported block result {result:?}")))?;
                    Snippet::WrapStart(block_type)
                }
            };
            snippet.encode(&slots, out);
            if snippet.ends_with_trap_only_write_back() {
                // The snippet ends with it: an instruction on the gas local, then `global.set`.
                let length = 2 + leb_width(slots.gas as usize) + leb_width(slots.gas_global as usize);
                write_backs.push((out.len() - length - contents_start) as u32);
            }
        }
        for (_, (at, bytes)) in hooks {
            out.extend_from_slice(&self.wasm[copied..at]);
            copied = at;
            out.extend_from_slice(&bytes);
        }
        out.extend_from_slice(&self.wasm[copied..range.end]);
        Ok(write_backs)
    }

    /// The hooks of a profiled body, in order, each as ((offset, after the plan's injections
    /// there), (offset, code)): at the entry, before the plan's code, a block around the body
    /// and the entry hook; before each `return` and the final `end`, after the plan's code
    /// there, the exit hook (at the end, after the block's end).
    #[allow(clippy::type_complexity)]
    fn profile_hooks(
        &self,
        profile: &Profile,
        body: &wasmparser::FunctionBody<'_>,
        plan: &FunctionPlan,
        defined: usize,
        operators_start: usize,
        slots: &Slots,
    ) -> Result<Vec<((usize, bool), (usize, Vec<u8>))>, InstrumentError> {
        let function = self.analysis.imported_functions + defined as u32;
        let block_type = profile.bodies.get(defined).copied().ok_or_else(|| internal("no profile block type"))?;
        let (entry_counter, exit_counter) = if plan.internal {
            (Counter::Local(slots.gas), Counter::Local(slots.gas))
        } else {
            (Counter::Global(slots.gas_global), Counter::Global(slots.gas_global))
        };
        let mut hooks = Vec::new();
        let mut entry = Vec::new();
        wasm_encoder::Instruction::Block(block_type).encode(&mut entry);
        profile.hook(function, entry_counter, plan.entry_charge.unwrap_or(0), ENTER, &mut entry);
        hooks.push(((operators_start, false), (operators_start, entry)));
        let mut exit = Vec::new();
        profile.hook(function, exit_counter, 0, EXIT, &mut exit);
        let mut reader = body.get_operators_reader().map_err(internal)?;
        let mut last = operators_start;
        while !reader.eof() {
            let offset = reader.original_position();
            // After the plan's code at the `return`: it may charge the block the `return` is in
            // (the entry's, when the body starts with it), and it leaves the gas local as is.
            if let wasmparser::Operator::Return = reader.read().map_err(internal)? {
                hooks.push(((offset, true), (offset, exit.clone())));
            }
            last = offset;
        }
        let mut end = Vec::new();
        wasm_encoder::Instruction::End.encode(&mut end);
        end.extend_from_slice(&exit);
        hooks.push(((last, true), (last, end)));
        Ok(hooks)
    }
}

/// A size written before what it measures: room is left for the LEB128 of a lower bound of
/// the size, and the size is written there once known, moving what follows only when its
/// encoding is longer (a body that grew past 127 bytes, or 16 KiB). The encoding is the
/// shortest, as if the size had been known first.
struct SizePrefix;

impl SizePrefix {
    /// Leaves room in `out` for the size, at least `lower_bound`; returns the room's width.
    fn at_least(lower_bound: usize, out: &mut Vec<u8>) -> usize {
        let width = leb_width(lower_bound);
        out.resize(out.len() + width, 0);
        width
    }

    /// Writes the size of what follows the room at `at` of `width` bytes; returns the size.
    fn finish(out: &mut Vec<u8>, at: usize, width: usize) -> usize {
        let size = out.len() - at - width;
        let mut encoded = [0; 5];
        let length = leb_width(size);
        let mut rest = size;
        for byte in &mut encoded[..length] {
            *byte = (rest & 0x7f) as u8 | 0x80;
            rest >>= 7;
        }
        encoded[length - 1] &= 0x7f;
        if length == width {
            out[at..at + width].copy_from_slice(&encoded[..length]);
        } else {
            out.splice(at..at + width, encoded[..length].iter().copied());
        }
        size
    }
}

/// The length of `value`'s unsigned LEB128.
fn leb_width(value: usize) -> usize {
    (usize::BITS - (value | 1).leading_zeros()).div_ceil(7) as usize
}

/// Splits a vector's encoding into its count and the bytes of its entries.
fn split_count(bytes: &[u8]) -> Result<(u32, &[u8]), InstrumentError> {
    let mut reader = BinaryReader::new(bytes, 0);
    let count = reader.read_var_u32().map_err(internal)?;
    Ok((count, &bytes[reader.current_position()..]))
}

fn internal(error: impl std::fmt::Display) -> InstrumentError {
    InstrumentError::Internal(error.to_string())
}

#[cfg(test)]
mod tests {
    use super::{SizePrefix, leb_width};
    use wasm_encoder::Encode;

    /// A size written after what it measures is the shortest LEB128 of it, as if it had been
    /// written first, whether the room left was enough or not.
    #[test]
    fn sizes_are_the_shortest_encoding_wherever_they_land() {
        for (lower_bound, size) in
            [(0, 0), (5, 5), (100, 127), (100, 128), (127, 16_384), (20_000, 20_000), (1, 1 << 21)]
        {
            let mut out = vec![0xaa];
            let at = out.len();
            let width = SizePrefix::at_least(lower_bound, &mut out);
            out.extend(std::iter::repeat_n(0x55, size));
            assert_eq!(SizePrefix::finish(&mut out, at, width), size);
            let mut expected = vec![0xaa];
            (size as u32).encode(&mut expected);
            expected.extend(std::iter::repeat_n(0x55, size));
            assert!(out == expected, "lower bound {lower_bound}, size {size}");
        }
        assert_eq!([0, 127, 128, 16_383, 16_384, u32::MAX as usize].map(leb_width), [1, 1, 2, 2, 3, 5]);
    }
}
