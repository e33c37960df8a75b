;; A wrapped body with two results needs a [] -> [i32 i32] block type, appended to the types.
(module
  (global $out (mut i32) (i32.const 0))
  (func $pair (param i32) (result i32 i32)
    (br_if 0 (i32.const 1) (i32.const 2) (local.get 0))
    (drop)
    (drop)
    (i32.const 3)
    (i32.const 4))
  (func (export "run") (global.set $out (i32.add (call $pair (i32.const 0))))))
