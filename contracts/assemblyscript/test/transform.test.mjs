// Checks baals-transform.mjs: what it generates for every ABI type (inputs decoded, output
// encoded, the ABI written) and each misuse refused with the file and line. Run by `npm test`.

import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync, copyFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const project = join(here, "..");
const asc = join(project, "node_modules/.bin/asc");

/** Builds `source` as the entry of a project like this one; returns the ABI or the error. */
function build(source) {
  const dir = mkdtempSync(join(tmpdir(), "baals-transform-"));
  try {
    mkdirSync(join(dir, "assembly"));
    for (const file of ["abi.ts", "baals.ts"]) copyFileSync(join(project, "assembly", file), join(dir, "assembly", file));
    writeFileSync(join(dir, "assembly/index.ts"), source);
    writeFileSync(join(dir, "package.json"), JSON.stringify({ version: "1.2.3", baals: { module: "build/t.wasm" } }));
    try {
      execFileSync(
        asc,
        ["assembly/index.ts", "--outFile", "build/t.wasm", "--runtime", "stub", "--noAssert",
          "--use", "abort=assembly/baals/onAbort", "--transform", join(project, "baals-transform.mjs")],
        { cwd: dir, stdio: "pipe" },
      );
    } catch (error) {
      const text = String(error.stderr);
      return { error: text.match(/baals-transform: (.*)/)?.[1] ?? text };
    }
    const wasm = readFileSync(join(dir, "build/t.wasm"));
    const exports = WebAssembly.Module.exports(new WebAssembly.Module(wasm));
    return { abi: JSON.parse(readFileSync(join(dir, "build/abi.json"), "utf8")), exports };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const every = `import { Address } from "./baals";
@event("moved")
class Moved { from: Address; amount: u64; constructor(from: Address, amount: u64) { this.from = from; this.amount = amount; } }
@call
export function all(a: u8, b: u16, c: u32, d: u64, e: i8, f: i16, g: i32, h: i64, i: bool, j: string, k: Uint8Array, l: Address): u64 {
  new Moved(l, d).emit();
  return d;
}
@payable
export function pay(): void {}
@query
export function name(): string { return "t"; }
`;
const types = ["u8", "u16", "u32", "u64", "i8", "i16", "i32", "i64", "bool", "string", "bytes", "address"];
const cases = [
  ["every type, each method's export and the ABI", build(every), {
    abi: {
      abi: 1, name: "t", version: "1.2.3",
      methods: [
        { name: "all", kind: "call", inputs: types.map((type, i) => ({ name: "abcdefghijkl"[i], type })), output: "u64" },
        { name: "pay", kind: "call", payable: true },
        { name: "name", kind: "query", output: "string" },
      ],
      events: [{ topic: "moved", fields: [{ name: "from", type: "address" }, { name: "amount", type: "u64" }] }],
      errors: [{ name: "not_payable", message: "method is not payable" }],
    },
    exports: [{ name: "all", kind: "function" }, { name: "pay", kind: "function" }, { name: "name", kind: "function" }, { name: "memory", kind: "memory" }],
  }],
  ["a type the ABI has not", build("@call\nexport function f(x: f64): void {}\n"),
    { error: "assembly/index.ts:2: f(x): `f64` is not a type the ABI has (u8..u64, i8..i64, bool, string, Uint8Array, Address)" }],
  ["a nullable type", build("@query\nexport function f(): string | null { return null; }\n"),
    { error: "assembly/index.ts:2: f's result: `string | null` is not a type the ABI has (u8..u64, i8..i64, bool, string, Uint8Array, Address)" }],
  ["a query that takes value", build("@query @payable\nexport function f(): void {}\n"),
    { error: "assembly/index.ts:2: a @query cannot accept value: it changes nothing" }],
  ["a method with arguments to its decorator", build("@call(1)\nexport function f(): void {}\n"),
    { error: "assembly/index.ts:2: @call, @query and @payable take no arguments" }],
  ["an event's topic that is not a string", build("@event(3)\nclass E { x: u8 = 0; }\n@call\nexport function f(): void {}\n"),
    { error: 'assembly/index.ts:2: @event takes at most its topic, a string: @event("count")' }],
];
let failed = 0;
for (const [name, got, want] of cases) {
  const ok = JSON.stringify(got) === JSON.stringify(want);
  if (!ok) failed++;
  console.log(`${ok ? "ok  " : "FAIL"} ${name}${ok ? "" : `: ${JSON.stringify(got)}, expected ${JSON.stringify(want)}`}`);
}
console.log(failed ? `${failed} failed` : "all passed");
process.exit(failed ? 1 : 0);
