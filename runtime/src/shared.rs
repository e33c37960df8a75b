//! What every call of an engine shares: the policy, the engine that runs contracts, and its
//! compiled modules.

use std::any::Any;
use std::sync::{Arc, Mutex, MutexGuard};

use baals_instrument::without_trap_write_backs;
use baals_policy::Policy;

use crate::backend::{Engine, Wasmi, Wasmtime};
use crate::cache::{ArtifactStore, Module, ModuleCache};
use crate::error::EngineError;
use crate::keys::code_key;
use crate::state::Execution;
use crate::storage::{StorageError, Table};
use crate::types::{Backend, Code};

pub(crate) struct Shared {
    pub(crate) policy: Policy,
    pub(crate) engines: Engines,
}

/// The engine contracts run on, with its modules: one of the two, each with modules of its own
/// type, so that a module is run by the engine that compiled it.
pub(crate) enum Engines {
    Wasmtime(Modules<Wasmtime>),
    Wasmi(Modules<Wasmi>),
}

/// An engine and the modules it compiled.
pub(crate) struct Modules<E: Engine> {
    pub(crate) engine: E,
    cache: Mutex<ModuleCache<E::Module>>,
    artifacts: Option<Arc<dyn ArtifactStore>>,
    /// The module top-level calls run on first: the copy, unless the engine was configured
    /// without copies.
    pub(crate) first: Module,
    /// The policy, for profiled copies, instrumented from the original when asked for.
    policy: Policy,
}

impl Shared {
    pub(crate) fn new(
        backend: Backend,
        policy: Policy,
        cache_bytes: usize,
        artifacts: Option<Arc<dyn ArtifactStore>>,
        first: Module,
    ) -> Result<Shared, EngineError> {
        let engines = match backend {
            Backend::Wasmtime => Engines::Wasmtime(Modules::new(&policy, cache_bytes, artifacts, first)?),
            Backend::Wasmi => Engines::Wasmi(Modules::new(&policy, cache_bytes, artifacts, first)?),
        };
        Ok(Shared { policy, engines })
    }

    pub(crate) fn backend(&self) -> Backend {
        match &self.engines {
            Engines::Wasmtime(_) => Backend::Wasmtime,
            Engines::Wasmi(_) => Backend::Wasmi,
        }
    }

    /// Compiles code being deployed (or finds it compiled) for the module calls run on first:
    /// whether it exports `name`, and the module, kept with the deployment.
    pub(crate) fn compile_deploying(
        &self,
        code: Code,
        wasm: &[u8],
        name: &str,
    ) -> Result<(bool, Box<dyn Any + Send + Sync>), EngineError> {
        fn on<E: Engine>(modules: &Modules<E>, code: Code, wasm: &[u8], name: &str) -> DeployCompiled {
            let compiled = modules.compile(code, wasm, modules.first)?;
            Ok((E::exports(&compiled, name), Box::new(compiled)))
        }
        match &self.engines {
            Engines::Wasmtime(modules) => on(modules, code, wasm, name),
            Engines::Wasmi(modules) => on(modules, code, wasm, name),
        }
    }
}

type DeployCompiled = Result<(bool, Box<dyn Any + Send + Sync>), EngineError>;

impl<E: Engine> Modules<E> {
    fn new(
        policy: &Policy,
        cache_bytes: usize,
        artifacts: Option<Arc<dyn ArtifactStore>>,
        first: Module,
    ) -> Result<Modules<E>, EngineError> {
        Ok(Modules {
            engine: E::new(policy)?,
            cache: Mutex::new(ModuleCache::new(cache_bytes)),
            artifacts,
            first,
            policy: policy.clone(),
        })
    }

    /// `module` of `code`, compiled (`docs/runtime.md`, "Traps run twice"): from memory, else
    /// from a stored artifact, else compiled from the instrumented module in the state (and
    /// its artifact stored). The copy and the stored module are cached and stored apart.
    pub(crate) fn compiled(
        &self,
        exec: &Arc<Mutex<Execution>>,
        code: Code,
        module: Module,
    ) -> Result<E::Module, EngineError> {
        let key = (code, module);
        if let Some(compiled) = self.cache_lock()?.get(&key) {
            return Ok(compiled);
        }
        let exec = exec.lock().map_err(|_| EngineError::Internal("execution state poisoned by a panic"))?;
        // Code being deployed is in no state until its `instantiate` succeeds; its copy was
        // compiled for the deployment, and is kept with it.
        if let Some(deploying) = &exec.deploying
            && deploying.code == code
        {
            if module == self.first
                && let Some(compiled) = deploying.compiled.downcast_ref::<E::Module>()
            {
                return Ok(compiled.clone());
            }
            let wasm = Arc::clone(&deploying.wasm);
            drop(exec);
            // Code being deployed has no original in the state yet: a profile of its
            // `instantiate` runs on the stored module, without hooks, and is not cached.
            if module == Module::Profiled {
                return self.engine.compile(&wasm);
            }
            return self.compile(code, &wasm, module);
        }
        if module == Module::Profiled {
            // The hooks are added to the original under the engine's policy: code stored under
            // another one would charge otherwise.
            if code.policy_hash != self.policy.hash() {
                return Err(EngineError::Internal("a profile needs code instrumented under the engine's policy"));
            }
            let original = exec.read(Table::Originals, &code.code_hash.0)?.ok_or_else(|| {
                StorageError::corrupt(format!("account without its original code {}", code.code_hash))
            })?;
            drop(exec);
            let profiled = baals_instrument::instrument_profiled(&original, &self.policy)
                .map_err(|error| EngineError::Compile { backend: E::BACKEND, source: Box::new(error) })?;
            let compiled = self.engine.compile(&profiled.wasm)?;
            return self.cache(key, compiled, profiled.wasm.len());
        }
        if let Some(compiled) = self.load_artifact(&code, module) {
            drop(exec);
            return Ok(compiled);
        }
        let wasm = exec
            .read(Table::Code, &code_key(&code))?
            .ok_or_else(|| StorageError::corrupt(format!("account without its code {}", code.code_hash)))?;
        drop(exec);
        self.compile(code, &wasm, module)
    }

    /// A stored artifact of `module` of `code`, loaded into the memory cache. One that does not
    /// load (another build wrote it, the file was damaged) is a miss: the code is compiled.
    fn load_artifact(&self, code: &Code, module: Module) -> Option<E::Module> {
        let key = self.artifact_key(code, module)?;
        let bytes = self.artifacts.as_ref()?.get(&key)?;
        let compiled = self.engine.load_artifact(&bytes).ok()??;
        self.cache((*code, module), compiled, bytes.len()).ok()
    }

    /// Compiles `module` of instrumented code, into the cache, and stores its artifact.
    pub(crate) fn compile(&self, code: Code, wasm: &[u8], module: Module) -> Result<E::Module, EngineError> {
        let key = (code, module);
        if let Some(compiled) = self.cache_lock()?.get(&key) {
            return Ok(compiled);
        }
        let compiled = self.engine.compile(&module_of::<E>(wasm, module)?)?;
        if let (Some(store), Some(artifact_key)) = (&self.artifacts, self.artifact_key(&code, module))
            && let Some(artifact) = E::artifact(&compiled)?
        {
            store.put(&artifact_key, &artifact);
        }
        self.cache(key, compiled, wasm.len())
    }

    fn cache(&self, key: (Code, Module), compiled: E::Module, wasm_len: usize) -> Result<E::Module, EngineError> {
        let size = E::size(&compiled, wasm_len);
        self.cache_lock()?.insert(key, compiled.clone(), size);
        Ok(compiled)
    }

    fn cache_lock(&self) -> Result<MutexGuard<'_, ModuleCache<E::Module>>, EngineError> {
        self.cache.lock().map_err(|_| EngineError::Internal("module cache poisoned by a panic"))
    }

    /// Where this engine's compiled artifact of `module` of `code` is kept, if its engine has
    /// artifacts: the code, the policy, the engine build and the module.
    fn artifact_key(&self, code: &Code, module: Module) -> Option<Vec<u8>> {
        // Profiled copies are for the odd call: compiled again after a restart.
        if module == Module::Profiled {
            return None;
        }
        let fingerprint = self.engine.fingerprint()?;
        let mut key = code_key(code);
        key.extend_from_slice(fingerprint);
        key.push(module.artifact_mark());
        Some(key)
    }
}

/// `module` of the stored instrumented `wasm`: the stored module itself, or the copy without
/// the write-backs only traps read (`baals_instrument::without_trap_write_backs`), which is
/// the module itself when it has none.
fn module_of<E: Engine>(wasm: &[u8], module: Module) -> Result<std::borrow::Cow<'_, [u8]>, EngineError> {
    match module {
        Module::Stored | Module::Profiled => Ok(wasm.into()),
        Module::Copy => match without_trap_write_backs(wasm) {
            Ok(Some(copy)) => Ok(copy.into()),
            Ok(None) => Ok(wasm.into()),
            Err(error) => Err(EngineError::Compile { backend: E::BACKEND, source: Box::new(error) }),
        },
    }
}
