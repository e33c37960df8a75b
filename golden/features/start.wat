;; The start function becomes the baals_start export: the host runs it once gas is set.
(module
  (global $ready (mut i32) (i32.const 0))
  (func $init (global.set $ready (i32.const 1)))
  (start $init)
  (func (export "run") (if (i32.eqz (global.get $ready)) (then unreachable))))
