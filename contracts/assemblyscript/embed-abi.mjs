// Embeds the contract's ABI (docs/abi-json.md) in the module built by asc, as its `baals.abi`
// custom section: id 0, the section's size (LEB128), the name's length (LEB128), the name, then
// the JSON's bytes as they are in the file. Run after asc (`npm run build`); dependency-free.
//
//   node embed-abi.mjs [MODULE [ABI]]     defaults: build/counter.wasm, build/abi.json (what
//                                         baals-transform.mjs writes)
//
// A `baals.abi` section already in the module is replaced, so running it twice changes nothing.

import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const [modulePath = join(here, "build/counter.wasm"), abiPath = join(here, "build/abi.json")] = process.argv.slice(2);
const NAME = "baals.abi";
const MAX_ABI = 64 * 1024;

function fail(message) {
  console.error(`embed-abi: ${message}`);
  process.exit(1);
}

function leb128(value) {
  const out = [];
  do {
    let byte = value & 0x7f;
    value = Math.floor(value / 128);
    if (value !== 0) byte |= 0x80;
    out.push(byte);
  } while (value !== 0);
  return Buffer.from(out);
}

function readLeb128(bytes, at) {
  let value = 0;
  let scale = 1;
  for (;;) {
    if (at >= bytes.length) fail(`${modulePath}: a LEB128 runs past the end`);
    const byte = bytes[at++];
    value += (byte & 0x7f) * scale;
    scale *= 128;
    if (byte < 0x80) return [value, at];
    if (scale > 2 ** 35) fail(`${modulePath}: a LEB128 is too long`);
  }
}

const wasm = readFileSync(modulePath);
const abi = readFileSync(abiPath);
try {
  JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(abi));
} catch (error) {
  fail(`${abiPath}: not UTF-8 JSON: ${error.message}`);
}
if (abi.length > MAX_ABI) fail(`${abiPath}: ${abi.length} bytes, more than 64 KiB`);
if (wasm.length < 8 || wasm.readUInt32BE(0) !== 0x0061736d || wasm.readUInt32LE(4) !== 1) {
  fail(`${modulePath}: not a WebAssembly module`);
}

// Keep every section but an earlier `baals.abi`, byte for byte.
const kept = [wasm.subarray(0, 8)];
let at = 8;
while (at < wasm.length) {
  const start = at;
  const id = wasm[at++];
  let size;
  [size, at] = readLeb128(wasm, at);
  const end = at + size;
  if (end > wasm.length) fail(`${modulePath}: section ${id} at byte ${start} runs past the end`);
  let isAbi = false;
  if (id === 0) {
    const [nameLength, nameStart] = readLeb128(wasm, at);
    isAbi = nameStart + nameLength <= end && wasm.toString("utf8", nameStart, nameStart + nameLength) === NAME;
  }
  if (!isAbi) kept.push(wasm.subarray(start, end));
  at = end;
}

const name = Buffer.from(NAME, "utf8");
const payload = Buffer.concat([leb128(name.length), name, abi]);
const section = Buffer.concat([Buffer.from([0]), leb128(payload.length), payload]);
writeFileSync(modulePath, Buffer.concat([...kept, section]));
