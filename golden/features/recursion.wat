;; $down is internal (only direct calls reach it): the gas and stack counters come in as its last
;; parameters and the gas goes back as its last result. It reserves its frame from the stack
;; parameter; nothing is released, since each caller still holds its own count.
(module
  (global $depth (mut i32) (i32.const 10))
  (func $down (param i32) (result i32)
    (if (result i32) (local.get 0)
      (then (i32.add (i32.const 1) (call $down (i32.sub (local.get 0) (i32.const 1)))))
      (else (i32.const 0))))
  (func (export "run") (global.set $depth (call $down (global.get $depth)))))
