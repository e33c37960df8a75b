/* A counter in C: the third language of the example contracts (docs/abi-json.md for the
 * encoding, sdk/c/baals.h for the host functions). `instantiate` sets the count; `add`
 * raises it by its argument and emits `added`; `get` returns it. Built by the tests with
 * clang's wasm32 target (baals_tests::example_contract("c_counter")). */
#include "baals.h"

BAALS_ABI_FILE("contracts/c/counter.abi.json");

static const char KEY[] = "count";

static uint64_t count(void) {
  uint8_t value[8];
  if (baals_storage_read(KEY, sizeof(KEY) - 1, value, sizeof(value)) != 8) return 0;
  return baals_get_u64(value);
}

static void set_count(uint64_t count) {
  uint8_t value[8];
  baals_put_u64(value, count);
  baals_storage_write(KEY, sizeof(KEY) - 1, value, sizeof(value));
}

/* The call's input, which must be exactly one u64. */
static uint64_t input_u64(void) {
  uint8_t input[8];
  if (baals_get_input_data(input, sizeof(input)) != 8) baals_revert_str("input is not one u64");
  return baals_get_u64(input);
}

BAALS_EXPORT(instantiate) { set_count(input_u64()); }

BAALS_EXPORT(add) {
  uint64_t amount = input_u64();
  uint64_t total = count() + amount;
  if (total < amount) baals_revert_str("the count would overflow");
  set_count(total);
  uint8_t fields[16];
  baals_put_u64(fields, amount);
  baals_put_u64(fields + 8, total);
  baals_emit_event("added", 5, fields, sizeof(fields));
  baals_return_u64(total);
}

BAALS_EXPORT(get) { baals_return_u64(count()); }
