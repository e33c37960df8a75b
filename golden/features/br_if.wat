;; Code a br_if skips is its own metering block (wasm-utils #120).
(module
  (global $skip (mut i32) (i32.const 0))
  (global $out (mut i32) (i32.const 0))
  (func (export "run")
    (block $done
      (br_if $done (global.get $skip))
      (global.set $out (i32.mul (global.get $out) (i32.const 3))))))
