/* Host ABI v1 of the baals contract engine (docs/abi.md), and the canonical encoding of
 * contract ABIs (docs/abi-json.md), for contracts written in C and built with clang's wasm32
 * target:
 *
 *   clang --target=wasm32 -O2 -nostdlib -ffreestanding -fno-builtin \
 *     -Wl,--no-entry -Wl,--strip-debug -I sdk/c -o contract.wasm contract.c
 *
 * (from the repository's root, for the ABI file's path: BAALS_ABI_FILE).
 *
 * A contract exports its methods (functions of type [] -> []) with BAALS_EXPORT, reads its
 * input with baals_get_input_data, and returns with baals_set_return_data; a failure is
 * baals_revert. Numbers are little-endian; an address is 32 bytes; bytes and strings are a u32
 * length, then the bytes. Everything here is a declaration or a static inline function: the
 * header adds no code a contract does not use. */
#ifndef BAALS_H
#define BAALS_H

#include <stdint.h>

#define BAALS_IMPORT(name) __attribute__((import_module("env"), import_name(#name)))
/* Exports a method under its C name. */
#define BAALS_EXPORT(name) __attribute__((export_name(#name))) void name(void)
/* Puts the file at `path` (the contract's ABI, JSON: docs/abi-json.md) in the module as its
 * `baals.abi` custom section, which the engine checks against the exports at deployment and the
 * CLI calls by. The path is the assembler's, relative to where clang runs. (A `section`
 * attribute on a C array makes a data segment on wasm, not a custom section.) */
#define BAALS_ABI_FILE(path) __asm__(".section .custom_section.baals.abi,\"\",@\n.incbin \"" path "\"\n.text\n")

/* Storage of the contract. A read returns the value's length (and copies at most `value_cap`
 * bytes), or -1 if the key is not set. */
BAALS_IMPORT(baals_storage_read)
int32_t baals_storage_read(const void *key, uint32_t key_len, void *value, uint32_t value_cap);
BAALS_IMPORT(baals_storage_write)
void baals_storage_write(const void *key, uint32_t key_len, const void *value, uint32_t value_len);
BAALS_IMPORT(baals_storage_remove)
void baals_storage_remove(const void *key, uint32_t key_len);

/* The call: its sender and this contract (32 bytes each), the block, the input, the output. */
BAALS_IMPORT(baals_get_sender) void baals_get_sender(void *out32);
BAALS_IMPORT(baals_get_contract_id) void baals_get_contract_id(void *out32);
BAALS_IMPORT(baals_get_block_timestamp) int64_t baals_get_block_timestamp(void);
BAALS_IMPORT(baals_get_block_index) int64_t baals_get_block_index(void);
BAALS_IMPORT(baals_get_input_data) int32_t baals_get_input_data(void *out, uint32_t cap);
BAALS_IMPORT(baals_set_return_data) void baals_set_return_data(const void *data, uint32_t len);

/* Native value: what the call was sent, this contract's balance, and a transfer out of it
 * (0 done, 1 refused). */
BAALS_IMPORT(baals_get_value) int64_t baals_get_value(void);
BAALS_IMPORT(baals_get_balance) int64_t baals_get_balance(void);
BAALS_IMPORT(baals_transfer) int32_t baals_transfer(const void *account32, int64_t amount);

/* sha256 into 32 bytes at `out32`; ed25519 with strict rules: 1 valid, 0 not. */
BAALS_IMPORT(baals_hash_sha256) void baals_hash_sha256(const void *data, uint32_t len, void *out32);
BAALS_IMPORT(baals_verify_signature)
int32_t baals_verify_signature(const void *key, uint32_t key_len, const void *message, uint32_t message_len,
                               const void *signature, uint32_t signature_len);

/* Another contract's method: the result's length, or -1 if it failed (its reason is then the
 * result); baals_read_call_result copies the result. */
BAALS_IMPORT(baals_call_contract)
int32_t baals_call_contract(const void *id, uint32_t id_len, const void *method, uint32_t method_len,
                            const void *payload, uint32_t payload_len, int64_t value);
BAALS_IMPORT(baals_read_call_result) int32_t baals_read_call_result(void *out, uint32_t cap);

/* An event: its topic (by convention the event's name) and its fields, encoded. */
BAALS_IMPORT(baals_emit_event)
void baals_emit_event(const void *topic, uint32_t topic_len, const void *data, uint32_t data_len);
/* Ends the call as reverted with `message`: nothing it did is kept. */
BAALS_IMPORT(baals_revert) __attribute__((noreturn)) void baals_revert(const void *message, uint32_t len);

/* The canonical encoding: little-endian numbers. */
static inline uint64_t baals_get_u64(const uint8_t *in) {
  uint64_t value = 0;
  for (int i = 7; i >= 0; i--) value = (value << 8) | in[i];
  return value;
}

static inline void baals_put_u64(uint8_t *out, uint64_t value) {
  for (int i = 0; i < 8; i++) out[i] = (uint8_t)(value >> (8 * i));
}

static inline uint32_t baals_get_u32(const uint8_t *in) {
  return (uint32_t)in[0] | (uint32_t)in[1] << 8 | (uint32_t)in[2] << 16 | (uint32_t)in[3] << 24;
}

static inline void baals_put_u32(uint8_t *out, uint32_t value) {
  for (int i = 0; i < 4; i++) out[i] = (uint8_t)(value >> (8 * i));
}

/* The length of a NUL-terminated string, for messages and topics. */
static inline uint32_t baals_strlen(const char *text) {
  uint32_t len = 0;
  while (text[len]) len++;
  return len;
}

/* Reverts with a text message: the ABI's errors name such messages. */
__attribute__((noreturn)) static inline void baals_revert_str(const char *message) {
  baals_revert(message, baals_strlen(message));
}

/* Returns a u64, encoded. */
static inline void baals_return_u64(uint64_t value) {
  uint8_t out[8];
  baals_put_u64(out, value);
  baals_set_return_data(out, 8);
}

#endif
