//! The WebAssembly spec suite against instrumented modules: every module of every script of
//! `../shared/testsuite` is instrumented under the permissive policy and every assertion is
//! checked against the instrumented module on an unmodified wasmtime, with ample gas and stack.
//!
//! - Modules the policy refuses (proposals the engine does not support) are counted with their
//!   reason; assertions on them cannot run and are not counted as passed.
//! - `assert_invalid` and `assert_malformed` modules must be refused.
//! - `assert_exhaustion` may end in the deterministic stack limit instead of the engine's.
//! - A trap expected by `assert_trap` must be the contract's own, not out of gas or stack.
//!
//! Runs as a plain binary, once under each `[gas] trap` setting (their instrumented code
//! differs), and prints for each
//! `spec_suite: F files, M modules instrumented, A assertions passed, R modules refused by policy, X failed`
//! followed by the setting.

use std::collections::{BTreeMap, HashMap};
use std::process::ExitCode;

use baals_bench::Counted;
use baals_instrument::protocol::{self, Limits};
use baals_instrument::{InstrumentError, START_EXPORT, ValidationError, instrument};
use baals_policy::Policy;
use wasmtime::{
    Engine, ExternRef, Func, Global, GlobalType, Instance, Linker, Memory, MemoryType, Module, Mutability, Ref,
    RefType, Store, Table, TableType, Val, ValType,
};
use wast::core::{AbstractHeapType, HeapType, NanPattern, WastArgCore, WastRetCore};
use wast::lexer::Lexer;
use wast::parser::{self, ParseBuffer};
use wast::token::Id;
use wast::{QuoteWat, Wast, WastArg, WastDirective, WastExecute, WastInvoke, WastRet, Wat};

/// Gas for every call: ample, and below 2^62 as the engine requires.
const GAS: i64 = 1 << 60;

#[derive(Default)]
struct Totals {
    files: usize,
    instrumented: usize,
    passed: usize,
    refused: usize,
    refusals: BTreeMap<String, usize>,
    not_applicable: usize,
    failures: Vec<String>,
}

fn main() -> ExitCode {
    let engine = Engine::default();
    let filter = std::env::args().nth(1).filter(|a| !a.starts_with('-'));
    // Under both `[gas] trap` settings: their instrumented code differs (`docs/gas.md`).
    let mut failed = false;
    for policy in [Policy::permissive(), baals_tests::permissive_trap_limit()] {
        let totals = run_suite(&engine, &policy, filter.as_deref());
        failed |= !totals.failures.is_empty();
    }
    if failed { ExitCode::FAILURE } else { ExitCode::SUCCESS }
}

/// Every script (whose name contains `filter`, if given) under `policy`; prints the summary.
fn run_suite(engine: &Engine, policy: &Policy, filter: Option<&str>) -> Totals {
    let mut totals = Totals::default();
    for path in &baals_tests::spec_wast_files() {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        if filter.is_some_and(|f| !name.contains(f)) {
            continue;
        }
        totals.files += 1;
        let text = std::fs::read_to_string(path).unwrap();
        let mut lexer = Lexer::new(&text);
        lexer.allow_confusing_unicode(true);
        let script = ParseBuffer::new_with_lexer(lexer).and_then(|buffer| {
            // The buffer must outlive the script: run inside.
            let script = parser::parse::<Wast>(&buffer)?;
            let mut run = Script::new(engine, policy, &name, &text, &mut totals);
            for directive in script.directives {
                run.directive(directive);
            }
            Ok(())
        });
        if let Err(error) = script {
            totals.failures.push(format!("{name}: cannot parse: {error}"));
        }
    }
    let setting = format!("[gas] trap = \"{}\"", policy.trap_gas().key());
    for failure in &totals.failures {
        eprintln!("FAILED ({setting}) {failure}");
    }
    let reasons: Vec<String> = totals.refusals.iter().map(|(r, n)| format!("{r} {n}")).collect();
    println!("refused by policy: {}", if reasons.is_empty() { "none".to_string() } else { reasons.join(", ") });
    println!(
        "not applicable: {} calls into code of instances whose instantiation failed (the host never \
         received them, so never set their counters: their code traps by design)",
        totals.not_applicable
    );
    println!(
        "spec_suite: {} files, {} modules instrumented, {} assertions passed, {} modules refused by policy, {} failed \
         ({setting})",
        totals.files,
        totals.instrumented,
        totals.passed,
        totals.refused,
        totals.failures.len()
    );
    totals
}

/// An instance (by index into `Script::instances`), or the record that the policy refused
/// its module.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Slot {
    Live(usize),
    Refused,
}

/// What running an action produced.
enum Action {
    Values(Vec<Val>),
    Trap(String),
    StackLimit,
    OutOfGas,
    /// The action needs a module the policy refused.
    Skipped,
    /// The action trapped in code of an instance whose instantiation failed: the host never
    /// received that instance, so never set its counters, and its code cannot run.
    FailedInstance,
}

struct Script<'a> {
    policy: &'a Policy,
    name: &'a str,
    text: &'a str,
    totals: &'a mut Totals,
    store: Store<()>,
    linker: Linker<()>,
    current: Option<Slot>,
    named: HashMap<String, Slot>,
    definitions: HashMap<String, Option<Module>>,
    refused_registrations: Vec<String>,
    instances: Vec<Instance>,
    /// Instances whose state a refused module would have changed at its instantiation (data
    /// or element segments into an imported memory or table): assertions on them are skipped.
    tainted: Vec<usize>,
    /// Registered names, with the instance behind each.
    registered: HashMap<String, usize>,
    /// Modules whose instantiation failed.
    failed: Vec<Module>,
}

impl<'a> Script<'a> {
    fn new(engine: &Engine, policy: &'a Policy, name: &'a str, text: &'a str, totals: &'a mut Totals) -> Self {
        let mut store = Store::new(engine, ());
        let linker = spectest(&mut store);
        Script {
            policy,
            name,
            text,
            totals,
            store,
            linker,
            current: None,
            named: HashMap::new(),
            definitions: HashMap::new(),
            refused_registrations: Vec::new(),
            instances: Vec::new(),
            tainted: Vec::new(),
            registered: HashMap::new(),
            failed: Vec::new(),
        }
    }

    fn fail(&mut self, span: wast::token::Span, message: impl std::fmt::Display) {
        let (line, _) = span.linecol_in(self.text);
        self.totals.failures.push(format!("{}:{}: {message}", self.name, line + 1));
    }

    fn directive(&mut self, directive: WastDirective<'_>) {
        let span = directive.span();
        match directive {
            WastDirective::Module(module) => {
                let id = module.name().map(|id| id.name().to_string());
                let slot = match self.compile(module, span) {
                    Some(Some(module)) => match self.instantiate(&module) {
                        Ok(instance) => Some(Slot::Live(instance)),
                        Err(error) => {
                            self.fail(span, format!("instantiation failed: {error:#}"));
                            None
                        }
                    },
                    Some(None) => Some(Slot::Refused),
                    None => None,
                };
                if let Some(slot) = slot {
                    self.current = Some(slot);
                    if let Some(id) = id {
                        self.named.insert(id, slot);
                    }
                }
            }
            WastDirective::ModuleDefinition(module) => {
                let id = module.name().map(|id| id.name().to_string());
                if let Some(compiled) = self.compile(module, span)
                    && let Some(id) = id
                {
                    self.definitions.insert(id, compiled);
                }
            }
            WastDirective::ModuleInstance { instance, module, .. } => {
                let definition = module.and_then(|m| self.definitions.get(m.name()).cloned());
                let slot = match definition {
                    Some(Some(module)) => match self.instantiate(&module) {
                        Ok(instance) => Slot::Live(instance),
                        Err(error) => {
                            return self.fail(span, format!("instantiation failed: {error:#}"));
                        }
                    },
                    Some(None) => Slot::Refused,
                    None => return self.fail(span, "unknown module definition"),
                };
                self.current = Some(slot);
                if let Some(id) = instance {
                    self.named.insert(id.name().to_string(), slot);
                }
            }
            WastDirective::Register { name, module, .. } => match self.slot(module) {
                Some(Slot::Live(index)) => {
                    self.registered.insert(name.to_string(), index);
                    let instance = self.instances[index];
                    if let Err(error) = self.linker.instance(&mut self.store, name, instance) {
                        self.fail(span, format!("register: {error:#}"));
                    }
                }
                Some(Slot::Refused) => self.refused_registrations.push(name.to_string()),
                None => self.fail(span, "register: no such module"),
            },
            WastDirective::Invoke(invoke) => match self.invoke(&invoke) {
                Action::Values(_) | Action::Skipped => {}
                Action::FailedInstance => self.totals.not_applicable += 1,
                other => self.fail(span, format!("invoke `{}`: {}", invoke.name, describe(&other))),
            },
            WastDirective::AssertReturn { exec, results, .. } => {
                let action = self.execute(exec, span);
                match action {
                    Action::Skipped => {}
                    Action::FailedInstance => self.totals.not_applicable += 1,
                    Action::Values(values) => match self.matches(&values, &results) {
                        Ok(()) => self.totals.passed += 1,
                        Err(message) => self.fail(span, message),
                    },
                    other => self.fail(span, format!("expected values, got {}", describe(&other))),
                }
            }
            WastDirective::AssertTrap { exec, message, .. } => match self.execute(exec, span) {
                Action::Skipped => {}
                Action::FailedInstance => self.totals.not_applicable += 1,
                Action::Trap(_) => self.totals.passed += 1,
                other => self.fail(span, format!("expected trap `{message}`, got {}", describe(&other))),
            },
            WastDirective::AssertExhaustion { call, message, .. } => match self.invoke(&call) {
                Action::Skipped => {}
                Action::FailedInstance => self.totals.not_applicable += 1,
                Action::StackLimit => self.totals.passed += 1,
                Action::Trap(trap) if trap.contains("call stack exhausted") => self.totals.passed += 1,
                other => self.fail(span, format!("expected exhaustion `{message}`, got {}", describe(&other))),
            },
            WastDirective::AssertInvalid { module, .. } | WastDirective::AssertMalformed { module, .. } => {
                self.must_refuse(module, span);
            }
            WastDirective::AssertUnlinkable { module, .. } => self.must_not_link(module, span),
            // Custom-section annotations, exceptions, stack switching and threads: the policy
            // refuses the modules these act on.
            WastDirective::AssertInvalidCustom { .. }
            | WastDirective::AssertMalformedCustom { .. }
            | WastDirective::AssertException { .. }
            | WastDirective::AssertSuspension { .. }
            | WastDirective::Thread(_)
            | WastDirective::Wait { .. } => {}
        }
    }

    /// Encodes and instruments a module: `Some(Some(module))` when instrumented and compiled,
    /// `Some(None)` when the policy refuses it for a feature the engine does not support.
    fn compile(&mut self, mut module: QuoteWat<'_>, span: wast::token::Span) -> Option<Option<Module>> {
        let bytes = match module.encode() {
            Ok(bytes) => bytes,
            Err(error) => {
                self.fail(span, format!("cannot encode: {error}"));
                return None;
            }
        };
        if self.imports_refused_module(&bytes) {
            self.refuse("imports a refused module");
            return Some(None);
        }
        match instrument(&bytes, self.policy) {
            Ok(instrumented) => match Module::new(self.store.engine(), &instrumented.wasm) {
                Ok(compiled) => {
                    self.totals.instrumented += 1;
                    Some(Some(compiled))
                }
                Err(error) => {
                    self.fail(span, format!("instrumented module does not compile: {error:#}"));
                    None
                }
            },
            Err(InstrumentError::Validation(ValidationError::FeatureNotAllowed { feature, .. }))
                if !feature.is_policy_controlled() =>
            {
                self.refuse(feature.name());
                self.taint_imports(&bytes);
                Some(None)
            }
            Err(error) => {
                self.fail(span, format!("valid module refused: {error}"));
                None
            }
        }
    }

    fn refuse(&mut self, reason: &str) {
        self.totals.refused += 1;
        *self.totals.refusals.entry(reason.to_string()).or_default() += 1;
    }

    /// A refused module cannot change the instances it imports from: those are tainted.
    fn taint_imports(&mut self, bytes: &[u8]) {
        for payload in wasmparser::Parser::new(0).parse_all(bytes).filter_map(Result::ok) {
            if let wasmparser::Payload::ImportSection(reader) = payload {
                for import in reader.into_imports().filter_map(Result::ok) {
                    if let Some(&index) = self.registered.get(import.module) {
                        self.tainted.push(index);
                    }
                }
            }
        }
    }

    fn imports_refused_module(&self, bytes: &[u8]) -> bool {
        if self.refused_registrations.is_empty() {
            return false;
        }
        wasmparser::Parser::new(0).parse_all(bytes).filter_map(Result::ok).any(|payload| match payload {
            wasmparser::Payload::ImportSection(reader) => reader
                .into_imports()
                .filter_map(Result::ok)
                .any(|import| self.refused_registrations.iter().any(|name| name == import.module)),
            _ => false,
        })
    }

    /// Instantiates and runs the start function with fresh counters, as the engine does.
    fn instantiate(&mut self, module: &Module) -> wasmtime::Result<usize> {
        let instance = match self.linker.instantiate(&mut self.store, module) {
            Ok(instance) => instance,
            Err(error) => {
                self.failed.push(module.clone());
                return Err(error);
            }
        };
        self.instances.push(instance);
        self.reset_counters();
        if let Some(start) = instance.get_func(&mut self.store, START_EXPORT) {
            start.call(&mut self.store, &[], &mut [])?;
        }
        Ok(self.instances.len() - 1)
    }

    /// Whether `error` trapped in code of a module whose instantiation failed.
    fn in_failed_instance(&self, error: &wasmtime::Error) -> bool {
        let Some(backtrace) = error.downcast_ref::<wasmtime::WasmBacktrace>() else {
            return false;
        };
        backtrace
            .frames()
            .first()
            .is_some_and(|frame| self.failed.iter().any(|failed| Module::same(failed, frame.module())))
    }

    /// Every instance gets ample gas and a full stack before each action: calls cross modules.
    fn reset_counters(&mut self) {
        let limits = Limits { gas: GAS as u64, stack: self.policy.stack().max_height as u32 };
        for instance in self.instances.clone() {
            assert!(protocol::set_counters(&mut Counted { store: &mut self.store, instance }, limits), "counters");
        }
    }

    /// Out of gas or stack, read from the counters of every instance (calls cross modules).
    fn exhausted(&mut self) -> Option<Action> {
        for instance in self.instances.clone() {
            let (gas_left, stack_left) =
                protocol::read_counters(&mut Counted { store: &mut self.store, instance }).expect("counters");
            if gas_left < 0 {
                return Some(Action::OutOfGas);
            }
            if stack_left < 0 {
                return Some(Action::StackLimit);
            }
        }
        None
    }

    fn slot(&self, id: Option<Id<'_>>) -> Option<Slot> {
        let slot = match id {
            Some(id) => self.named.get(id.name()).copied(),
            None => self.current,
        };
        match slot {
            Some(Slot::Live(index)) if self.tainted.contains(&index) => Some(Slot::Refused),
            other => other,
        }
    }

    fn execute(&mut self, exec: WastExecute<'_>, span: wast::token::Span) -> Action {
        match exec {
            WastExecute::Invoke(invoke) => self.invoke(&invoke),
            WastExecute::Get { module, global, .. } => match self.slot(module) {
                Some(Slot::Live(index)) => match self.instances[index].get_global(&mut self.store, global) {
                    Some(g) => Action::Values(vec![g.get(&mut self.store)]),
                    None => Action::Trap(format!("no global `{global}`")),
                },
                _ => Action::Skipped,
            },
            WastExecute::Wat(Wat::Module(mut module)) => {
                let bytes = match module.encode() {
                    Ok(bytes) => bytes,
                    Err(error) => return Action::Trap(format!("cannot encode: {error}")),
                };
                match instrument(&bytes, self.policy) {
                    Ok(instrumented) => {
                        let compiled = match Module::new(self.store.engine(), &instrumented.wasm) {
                            Ok(compiled) => compiled,
                            Err(error) => return Action::Trap(format!("compile: {error:#}")),
                        };
                        self.totals.instrumented += 1;
                        match self.instantiate(&compiled) {
                            Ok(_) => Action::Values(Vec::new()),
                            Err(error) => self.exhausted().unwrap_or(Action::Trap(format!("{error:#}"))),
                        }
                    }
                    Err(InstrumentError::Validation(ValidationError::FeatureNotAllowed { feature, .. }))
                        if !feature.is_policy_controlled() =>
                    {
                        self.refuse(feature.name());
                        self.taint_imports(&bytes);
                        Action::Skipped
                    }
                    Err(error) => {
                        self.fail(span, format!("valid module refused: {error}"));
                        Action::Skipped
                    }
                }
            }
            WastExecute::Wat(Wat::Component(_)) => Action::Skipped,
        }
    }

    fn invoke(&mut self, invoke: &WastInvoke<'_>) -> Action {
        let instance = match self.slot(invoke.module) {
            Some(Slot::Live(index)) => self.instances[index],
            Some(Slot::Refused) => return Action::Skipped,
            None => return Action::Trap("no module to invoke".to_string()),
        };
        let Some(func) = instance.get_func(&mut self.store, invoke.name) else {
            return Action::Trap(format!("no export `{}`", invoke.name));
        };
        let mut args = Vec::with_capacity(invoke.args.len());
        for arg in &invoke.args {
            match self.arg(arg) {
                Some(value) => args.push(value),
                None => return Action::Skipped,
            }
        }
        self.reset_counters();
        let ty = func.ty(&self.store);
        let mut results: Vec<Val> = ty.results().map(|t| Val::default_for_ty(&t).unwrap_or(Val::I32(0))).collect();
        let result = func.call(&mut self.store, &args, &mut results);
        if let Some(exhausted) = self.exhausted() {
            return exhausted;
        }
        match result {
            Ok(()) => Action::Values(results),
            Err(error) if self.in_failed_instance(&error) => Action::FailedInstance,
            Err(error) => Action::Trap(format!("{error:#}")),
        }
    }

    fn arg(&mut self, arg: &WastArg<'_>) -> Option<Val> {
        let WastArg::Core(arg) = arg else { return None };
        Some(match arg {
            WastArgCore::I32(v) => Val::I32(*v),
            WastArgCore::I64(v) => Val::I64(*v),
            WastArgCore::F32(v) => Val::F32(v.bits),
            WastArgCore::F64(v) => Val::F64(v.bits),
            WastArgCore::RefNull(HeapType::Abstract { ty: AbstractHeapType::Func, .. }) => Val::FuncRef(None),
            WastArgCore::RefNull(HeapType::Abstract { ty: AbstractHeapType::Extern, .. }) => Val::ExternRef(None),
            WastArgCore::RefExtern(n) => Val::ExternRef(Some(ExternRef::new(&mut self.store, *n).ok()?)),
            _ => return None,
        })
    }

    fn matches(&mut self, values: &[Val], expected: &[WastRet<'_>]) -> Result<(), String> {
        if values.len() != expected.len() {
            return Err(format!("expected {} values, got {}", expected.len(), values.len()));
        }
        for (value, expected) in values.iter().zip(expected) {
            let WastRet::Core(expected) = expected else {
                return Err("component value".to_string());
            };
            if !self.matches_one(value, expected) {
                return Err(format!("expected {expected:?}, got {value:?}"));
            }
        }
        Ok(())
    }

    fn matches_one(&mut self, value: &Val, expected: &WastRetCore<'_>) -> bool {
        match (value, expected) {
            (Val::I32(v), WastRetCore::I32(e)) => v == e,
            (Val::I64(v), WastRetCore::I64(e)) => v == e,
            (Val::F32(bits), WastRetCore::F32(pattern)) => match pattern {
                NanPattern::CanonicalNan => bits & 0x7fff_ffff == 0x7fc0_0000,
                NanPattern::ArithmeticNan => bits & 0x7fc0_0000 == 0x7fc0_0000,
                NanPattern::Value(e) => *bits == e.bits,
            },
            (Val::F64(bits), WastRetCore::F64(pattern)) => match pattern {
                NanPattern::CanonicalNan => bits & 0x7fff_ffff_ffff_ffff == 0x7ff8_0000_0000_0000,
                NanPattern::ArithmeticNan => bits & 0x7ff8_0000_0000_0000 == 0x7ff8_0000_0000_0000,
                NanPattern::Value(e) => *bits == e.bits,
            },
            (Val::FuncRef(f), WastRetCore::RefNull(_)) => f.is_none(),
            (Val::ExternRef(r), WastRetCore::RefNull(_)) => r.is_none(),
            (Val::FuncRef(f), WastRetCore::RefFunc(_)) => f.is_some(),
            (Val::ExternRef(Some(r)), WastRetCore::RefExtern(e)) => match e {
                None => true,
                Some(e) => {
                    let data = r.data(&self.store).ok().flatten();
                    data.and_then(|d| d.downcast_ref::<u32>()).is_some_and(|d| d == e)
                }
            },
            (_, WastRetCore::Either(options)) => options.iter().any(|o| self.matches_one(value, o)),
            _ => false,
        }
    }

    fn must_refuse(&mut self, mut module: QuoteWat<'_>, span: wast::token::Span) {
        let refused = match module.encode() {
            Err(_) => true,
            Ok(bytes) => instrument(&bytes, self.policy).is_err(),
        };
        if refused {
            self.totals.passed += 1;
        } else {
            self.fail(span, "invalid module instrumented");
        }
    }

    fn must_not_link(&mut self, mut module: Wat<'_>, span: wast::token::Span) {
        let Ok(bytes) = module.encode() else {
            return self.fail(span, "cannot encode");
        };
        match instrument(&bytes, self.policy) {
            Ok(instrumented) => match Module::new(self.store.engine(), &instrumented.wasm) {
                Ok(compiled) => match self.linker.instantiate(&mut self.store, &compiled) {
                    Ok(_) => self.fail(span, "unlinkable module linked"),
                    Err(_) => self.totals.passed += 1,
                },
                Err(error) => self.fail(span, format!("instrumented module does not compile: {error:#}")),
            },
            Err(InstrumentError::Validation(ValidationError::FeatureNotAllowed { feature, .. }))
                if !feature.is_policy_controlled() =>
            {
                self.refuse(feature.name());
                self.taint_imports(&bytes);
            }
            Err(error) => self.fail(span, format!("valid module refused: {error}")),
        }
    }
}

fn describe(action: &Action) -> String {
    match action {
        Action::Values(values) => format!("values {values:?}"),
        Action::Trap(message) => format!("trap: {message}"),
        Action::StackLimit => "the stack limit".to_string(),
        Action::OutOfGas => "out of gas".to_string(),
        Action::Skipped => "nothing (skipped)".to_string(),
        Action::FailedInstance => "a trap in a failed instance".to_string(),
    }
}

/// The `spectest` module every script may import from.
fn spectest(store: &mut Store<()>) -> Linker<()> {
    let mut linker = Linker::new(store.engine());
    let engine = store.engine().clone();
    for (name, params) in [
        ("print", vec![]),
        ("print_i32", vec![ValType::I32]),
        ("print_i64", vec![ValType::I64]),
        ("print_f32", vec![ValType::F32]),
        ("print_f64", vec![ValType::F64]),
        ("print_i32_f32", vec![ValType::I32, ValType::F32]),
        ("print_f64_f64", vec![ValType::F64, ValType::F64]),
    ] {
        let ty = wasmtime::FuncType::new(&engine, params, []);
        let func = Func::new(&mut *store, ty, |_, _, _| Ok(()));
        linker.define(&mut *store, "spectest", name, func).expect("fresh linker");
    }
    let globals = [
        ("global_i32", ValType::I32, Val::I32(666)),
        ("global_i64", ValType::I64, Val::I64(666)),
        ("global_f32", ValType::F32, Val::F32(666.6f32.to_bits())),
        ("global_f64", ValType::F64, Val::F64(666.6f64.to_bits())),
    ];
    for (name, ty, value) in globals {
        let global = Global::new(&mut *store, GlobalType::new(ty, Mutability::Const), value).expect("global");
        linker.define(&mut *store, "spectest", name, global).expect("fresh linker");
    }
    let table =
        Table::new(&mut *store, TableType::new(RefType::FUNCREF, 10, Some(20)), Ref::Func(None)).expect("table");
    linker.define(&mut *store, "spectest", "table", table).expect("fresh linker");
    let memory = Memory::new(&mut *store, MemoryType::new(1, Some(2))).expect("memory");
    linker.define(&mut *store, "spectest", "memory", memory).expect("fresh linker");
    linker
}
