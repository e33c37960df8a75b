;; Host functions charge the gas global themselves; the local is resynced after each call.
(module
  (import "env" "baals_storage_read" (func $read (param i32 i32 i32 i32) (result i32)))
  (import "env" "baals_storage_write" (func $write (param i32 i32 i32 i32)))
  (memory (export "memory") 1 1)
  (data (i32.const 0) "n")
  (func (export "increment")
    (drop (call $read (i32.const 0) (i32.const 1) (i32.const 8) (i32.const 8)))
    (i64.store (i32.const 8) (i64.add (i64.load (i32.const 8)) (i64.const 1)))
    (call $write (i32.const 0) (i32.const 1) (i32.const 8) (i32.const 8))))
