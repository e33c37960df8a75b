;; A minimal contract: `increment` adds one to a little-endian u64 stored under key "n",
;; and returns the new value.
(module
  (import "env" "baals_storage_read" (func $read (param i32 i32 i32 i32) (result i32)))
  (import "env" "baals_storage_write" (func $write (param i32 i32 i32 i32)))
  (import "env" "baals_set_return_data" (func $return (param i32 i32)))
  (memory (export "memory") 1 1)
  ;; key "n" at 0; the 8-byte value at 8.
  (data (i32.const 0) "n")
  (func (export "increment")
    ;; An absent key reads as -1 and leaves zeroed memory: the counter starts at 0.
    (drop (call $read (i32.const 0) (i32.const 1) (i32.const 8) (i32.const 8)))
    (i64.store (i32.const 8) (i64.add (i64.load (i32.const 8)) (i64.const 1)))
    (call $write (i32.const 0) (i32.const 1) (i32.const 8) (i32.const 8))
    (call $return (i32.const 8) (i32.const 8))))
