// An asc transform: the AssemblyScript counterpart of the Rust SDK's `#[contract]`.
//
//   asc assembly/index.ts --transform ./baals-transform.mjs ...
//
// In the entry file, a top-level function marked `@call`, `@query` or `@payable` (a `@call`
// that accepts native value) is a method. The transform
//   - keeps the function, no longer exported, and exports in its place a function of type
//     `[] -> []` (what host ABI v1 calls) that refuses value unless payable, decodes the input
//     as the function's parameters (assembly/abi.ts), calls it, and encodes what it returns as
//     the output;
//   - gives each class marked `@event` (`@event("topic")`; default: its name in snake case) an
//     `emit()` method that emits its fields, encoded in order, under its topic;
//   - writes the ABI (docs/abi-json.md) built from these declarations next to the module:
//     `ABI_OUT` in the environment, or `build/abi.json`. `embed-abi.mjs` embeds it.
//
// Types, by their names as written: u8 u16 u32 u64 i8 i16 i32 i64 bool string, `Uint8Array`
// (bytes) and `Address` (assembly/baals.ts; the 32 bytes of an address). Anything else, a
// method that is not a plain top-level function, or a misplaced decorator, fails the build
// with the file and line.

import { readFileSync } from "node:fs";

const FUNCTION_DECLARATION = 56;
const CLASS_DECLARATION = 52;
const FIELD_DECLARATION = 55;
const NAMED_TYPE = 1;
const USER_ENTRY = 1;
const EXPORT = 2;
const STATIC = 32;

const TYPES = {
  u8: ["u8", "U8"],
  u16: ["u16", "U16"],
  u32: ["u32", "U32"],
  u64: ["u64", "U64"],
  i8: ["i8", "I8"],
  i16: ["i16", "I16"],
  i32: ["i32", "I32"],
  i64: ["i64", "I64"],
  bool: ["bool", "Bool"],
  string: ["string", "String"],
  Uint8Array: ["bytes", "Bytes"],
  Address: ["address", "Address"],
};

class BuildError extends Error {}

function at(node, message) {
  const source = node.range.source;
  const line = source.text.slice(0, node.range.start).split("\n").length;
  return new BuildError(`${source.normalizedPath}:${line}: ${message}`);
}

function decoratorName(decorator) {
  return decorator.name.text ?? null;
}

/** Takes the decorators named in `names` off `node`; returns them. */
function take(node, names) {
  const taken = [];
  if (!node.decorators) return taken;
  node.decorators = node.decorators.filter((decorator) => {
    const name = decoratorName(decorator);
    if (!names.includes(name)) return true;
    taken.push(decorator);
    return false;
  });
  if (node.decorators.length === 0) node.decorators = null;
  return taken;
}

/** The ABI type and the reader/writer suffix of a type node. */
function abiType(node, what) {
  if (!node || node.kind !== NAMED_TYPE || node.name.next || (node.typeArguments && node.typeArguments.length)) {
    throw at(node ?? what, `${what}: not a type the ABI has (u8..u64, i8..i64, bool, string, Uint8Array, Address)`);
  }
  const name = node.name.identifier.text;
  const type = TYPES[name];
  if (!type || node.isNullable) {
    throw at(node, `${what}: \`${name}${node.isNullable ? " | null" : ""}\` is not a type the ABI has (u8..u64, i8..i64, bool, string, Uint8Array, Address)`);
  }
  return { abi: type[0], method: type[1], name };
}

function snakeCase(name) {
  return name.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toLowerCase();
}

function method(declaration, decorators) {
  const kinds = decorators.map(decoratorName);
  if (kinds.includes("query") && kinds.includes("payable")) {
    throw at(declaration.name, "a @query cannot accept value: it changes nothing");
  }
  if (decorators.some((decorator) => decorator.args && decorator.args.length)) {
    throw at(declaration.name, "@call, @query and @payable take no arguments");
  }
  if (declaration.typeParameters && declaration.typeParameters.length) {
    throw at(declaration.name, "a method cannot be generic: its ABI types are fixed");
  }
  const name = declaration.name.text;
  const inputs = declaration.signature.parameters.map((parameter) => ({
    name: parameter.name.text,
    type: abiType(parameter.type, `${name}(${parameter.name.text})`),
  }));
  const returns = declaration.signature.returnType;
  const output =
    returns && returns.kind === NAMED_TYPE && returns.name.identifier.text === "void"
      ? null
      : abiType(returns, `${name}'s result`);
  declaration.flags &= ~EXPORT;
  return {
    name,
    kind: kinds.includes("query") ? "query" : "call",
    payable: kinds.includes("payable"),
    inputs,
    output,
  };
}

function event(declaration, decorators) {
  if (decorators.length !== 1) throw at(declaration.name, "one @event per class");
  const args = decorators[0].args ?? [];
  if (args.length > 1 || (args.length === 1 && typeof args[0].value !== "string")) {
    throw at(declaration.name, '@event takes at most its topic, a string: @event("count")');
  }
  const topic = args.length ? args[0].value : snakeCase(declaration.name.text);
  if (!topic) throw at(declaration.name, "an event's topic cannot be empty");
  const fields = declaration.members
    .filter((member) => member.kind === FIELD_DECLARATION && !(member.flags & STATIC))
    .map((member) => ({
      name: member.name.text,
      type: abiType(member.type, `${declaration.name.text}.${member.name.text}`),
    }));
  return { declaration, topic, fields };
}

/** The export of a method, as source text. */
function exportOf(m) {
  const lines = [`function __baals_export_${m.name}(): void {`];
  if (m.kind === "call" && !m.payable) lines.push("  __baals_refuse_value();");
  lines.push(`  const __reader = new __baals_AbiReader(__baals_input(), "${m.name}");`);
  const args = m.inputs.map((input, i) => {
    lines.push(`  const __arg${i} = __reader.read${input.type.method}();`);
    return `__arg${i}`;
  });
  lines.push("  __reader.finish();");
  const call = `${m.name}(${args.join(", ")})`;
  if (m.output) {
    lines.push(`  __baals_output(__baals_writer().write${m.output.method}(${call}).finish());`);
  } else {
    lines.push(`  ${call};`);
  }
  lines.push("}");
  lines.push(`export { __baals_export_${m.name} as ${m.name} };`);
  return lines.join("\n");
}

/** The `emit()` of an event class, as the text of a class holding it. */
function emitOf(e) {
  const writes = e.fields.map((field) => `.write${field.type.method}(this.${field.name})`).join("");
  return `class __baals_event { emit(): void { __baals_emit(${JSON.stringify(e.topic)}, __baals_writer()${writes}.finish()); } }`;
}

function fieldsJson(fields) {
  return fields.map((field) => ({ name: field.name, type: field.type.abi }));
}

export default class BaalsTransform {
  async afterParse(parser) {
    try {
      const abi = this.generate(parser);
      if (abi) await this.writeFile(abi.path, abi.text, this.baseDir);
    } catch (error) {
      if (error instanceof BuildError) {
        // One line: the file, the line, what is wrong.
        error.stack = `baals-transform: ${error.message}`;
      }
      throw error;
    }
  }

  generate(parser) {
    const entries = parser.sources.filter((source) => source.sourceKind === USER_ENTRY);
    for (const source of entries) {
      const methods = [];
      const events = [];
      for (const statement of source.statements) {
        if (statement.kind === FUNCTION_DECLARATION) {
          const decorators = take(statement, ["call", "query", "payable"]);
          if (decorators.length) methods.push(method(statement, decorators));
        } else if (statement.kind === CLASS_DECLARATION) {
          const decorators = take(statement, ["event"]);
          if (decorators.length) events.push(event(statement, decorators));
        }
        for (const stray of ["call", "query", "payable", "event"]) {
          const found = (statement.decorators ?? []).find((decorator) => decoratorName(decorator) === stray);
          if (found) throw at(found, `@${stray} goes on a top-level ${stray === "event" ? "class" : "function"}`);
        }
      }
      if (!methods.length) continue;
      const seen = new Set();
      for (const m of methods) {
        if (seen.has(m.name)) throw at(source, `two methods are named ${m.name}`);
        seen.add(m.name);
      }

      // The generated code, parsed as a file of its own beside the entry (so that its imports
      // resolve alike), then moved into the entry, whose exports are the module's.
      const dir = source.normalizedPath.replace(/[^/]*$/, "");
      const text = [
        'import { AbiReader as __baals_AbiReader } from "./abi";',
        "import {",
        "  emit as __baals_emit, input as __baals_input, output as __baals_output,",
        "  refuseValue as __baals_refuse_value, writer as __baals_writer,",
        '} from "./baals";',
        ...methods.map(exportOf),
        ...events.map(emitOf),
      ].join("\n");
      const path = `${dir}__baals_generated.ts`;
      parser.parseFile(text, path, false);
      const generated = parser.sources.find((s) => s.normalizedPath === path);
      if (!generated) throw new Error(`baals-transform: ${path} was not parsed`);
      for (const statement of generated.statements) {
        if (statement.kind === CLASS_DECLARATION && statement.name.text === "__baals_event") continue;
        source.statements.push(statement);
      }
      const holders = generated.statements.filter(
        (statement) => statement.kind === CLASS_DECLARATION && statement.name.text === "__baals_event",
      );
      events.forEach((e, i) => e.declaration.members.push(...holders[i].members));
      generated.statements = [];

      return this.abi({
        methods: methods.map((m) => {
          const entry = { name: m.name, kind: m.kind };
          if (m.payable) entry.payable = true;
          if (m.inputs.length) entry.inputs = fieldsJson(m.inputs);
          if (m.output) entry.output = m.output.abi;
          return entry;
        }),
        events: events.map((e) => ({ topic: e.topic, fields: fieldsJson(e.fields) })),
        payable: methods.every((m) => m.kind === "query" || m.payable),
      });
    }
  }

  abi({ methods, events, payable }) {
    const project = JSON.parse(readFileSync("package.json", "utf8"));
    const module = project.baals?.module ?? "build/contract.wasm";
    const abi = {
      abi: 1,
      name: module.replace(/^.*\//, "").replace(/\.wasm$/, ""),
      version: project.version ?? "0.0.0",
      methods,
    };
    if (events.length) abi.events = events;
    if (!payable) abi.errors = [{ name: "not_payable", message: "method is not payable" }];
    return { path: process.env.ABI_OUT ?? "build/abi.json", text: `${JSON.stringify(abi, null, 2)}\n` };
  }
}
