;; Each arm is its own metering block; the end of the if is a join.
(module
  (global $flag (mut i32) (i32.const 1))
  (global $out (mut i32) (i32.const 0))
  (func (export "run")
    (global.set $out
      (if (result i32) (global.get $flag)
        (then (i32.const 10))
        (else (i32.add (i32.const 1) (i32.const 2)))))))
