;; A branch to the function's own label: the body is wrapped in a block, so that the frame is
;; released on that path too.
(module
  (global $out (mut i32) (i32.const 0))
  (func $pick (param i32) (result i32)
    (br_if 0 (i32.const 7) (local.get 0))
    (drop)
    (i32.const 9))
  (func (export "run") (global.set $out (call $pick (global.get $out)))))
