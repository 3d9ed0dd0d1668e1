// Benchmark runner: `pnpm bench [name…]`. Cases register in bench/cases; see bench/README.md.
const cases: Record<string, () => Promise<void>> = {};
const wanted = process.argv.slice(2);
for (const [name, run] of Object.entries(cases)) {
  if (wanted.length === 0 || wanted.includes(name)) await run();
}
console.log(Object.keys(cases).length === 0 ? 'no benchmark cases yet' : 'done');
