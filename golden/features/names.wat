;; Label names follow their labels past the injected blocks (the name section is rewritten).
(module
  (global $n (mut i32) (i32.const 3))
  (func $countdown (export "run")
    (block $exit
      (loop $again
        (br_if $exit (i32.eqz (global.get $n)))
        (global.set $n (i32.sub (global.get $n) (i32.const 1)))
        (br $again)))))
