;; An internal function (only direct calls reach it) takes the counters after its parameters, so
;; its declared locals move up two; the name section's local names follow them.
(module
  (func $sum (param $n i32) (result i32) (local $acc i32)
    (loop $again
      (local.set $acc (i32.add (local.get $acc) (local.get $n)))
      (br_if $again (local.tee $n (i32.sub (local.get $n) (i32.const 1)))))
    (local.get $acc))
  (global $out (mut i32) (i32.const 0))
  (func (export "run") (global.set $out (call $sum (i32.const 10)))))
