;; Calls do not end a metering block. $triple is in a table, so it is not internal: calls of it
;; write the stack units left to the global before, and resync the gas local from the global after.
(module
  (type $unary (func (param i32) (result i32)))
  (table 1 1 funcref)
  (elem (i32.const 0) $triple)
  (global $out (mut i32) (i32.const 0))
  (func $triple (param i32) (result i32) (i32.mul (local.get 0) (i32.const 3)))
  (func (export "run")
    (global.set $out
      (i32.add
        (call $triple (i32.const 7))
        (call_indirect (type $unary) (i32.const 5) (i32.const 0))))))
