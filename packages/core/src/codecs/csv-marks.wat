;; The byte classifier behind CsvMarks (csv-marks.ts), 16 bytes at a time. Assembled into
;; csv-marks-wasm.ts by `pnpm wasm` (scripts/wasm.ts); a test checks that the two agree.
(module
  ;; [0, 16 KiB): the bytes to classify; [16 KiB, 80 KiB): their marks, one i32 each.
  (memory (export "memory") 2)
  ;; classify(length, delimiter, base): for every byte i of [0, length) that is the delimiter, LF,
  ;; CR or a quote, in order, writes base + i as an i32 from byte 16384 on. Returns how many.
  (func (export "classify") (param $length i32) (param $delimiter i32) (param $base i32) (result i32)
    (local $i i32) (local $n i32) (local $mask i32) (local $byte i32) (local $block v128)
    (local $d v128) (local $lf v128) (local $cr v128) (local $quote v128)
    (local.set $d (i8x16.splat (local.get $delimiter)))
    (local.set $lf (i8x16.splat (i32.const 10)))
    (local.set $cr (i8x16.splat (i32.const 13)))
    (local.set $quote (i8x16.splat (i32.const 34)))
    (block $blocksDone
      (loop $blocks
        (br_if $blocksDone (i32.gt_u (i32.add (local.get $i) (i32.const 16)) (local.get $length)))
        (local.set $block (v128.load (local.get $i)))
        (local.set $mask (i8x16.bitmask
          (v128.or
            (v128.or (i8x16.eq (local.get $block) (local.get $d)) (i8x16.eq (local.get $block) (local.get $lf)))
            (v128.or (i8x16.eq (local.get $block) (local.get $cr)) (i8x16.eq (local.get $block) (local.get $quote))))))
        (block $bitsDone
          (loop $bits
            (br_if $bitsDone (i32.eqz (local.get $mask)))
            (i32.store offset=16384 (i32.shl (local.get $n) (i32.const 2))
              (i32.add (local.get $base) (i32.add (local.get $i) (i32.ctz (local.get $mask)))))
            (local.set $n (i32.add (local.get $n) (i32.const 1)))
            (local.set $mask (i32.and (local.get $mask) (i32.sub (local.get $mask) (i32.const 1))))
            (br $bits)))
        (local.set $i (i32.add (local.get $i) (i32.const 16)))
        (br $blocks)))
    (block $tailDone
      (loop $tail
        (br_if $tailDone (i32.ge_u (local.get $i) (local.get $length)))
        (local.set $byte (i32.load8_u (local.get $i)))
        (if (i32.or
              (i32.or (i32.eq (local.get $byte) (local.get $delimiter)) (i32.eq (local.get $byte) (i32.const 10)))
              (i32.or (i32.eq (local.get $byte) (i32.const 13)) (i32.eq (local.get $byte) (i32.const 34))))
          (then
            (i32.store offset=16384 (i32.shl (local.get $n) (i32.const 2)) (i32.add (local.get $base) (local.get $i)))
            (local.set $n (i32.add (local.get $n) (i32.const 1)))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $tail)))
    (local.get $n)))
