// One `sluice demo` pipeline in a process of its own, started by the demo (a bundle entry beside
// sluice.js): it runs the pipeline its argument names, queries its section of the dashboard and
// sends its log lines, result and section to the parent, so all it held (V8's heap, parquet-wasm's
// memory, which never shrinks) ends with it.
import { DEMO_EXAMPLES } from './commands/demo-examples.js';
import { collectDemoSections } from './commands/demo-page.js';
import type { PipelineMessage, PipelineRequest } from './commands/demo-processes.js';
import { cliMessage } from './errors.js';

const send = (message: PipelineMessage) =>
  new Promise<void>((resolve, reject) =>
    process.send?.(message, undefined, {}, (error) => (error ? reject(error) : resolve())),
  );

async function runRequested(request: PipelineRequest): Promise<number> {
  const example = DEMO_EXAMPLES.find((e) => e.name === request.name);
  try {
    if (!example) throw new Error(`unknown pipeline "${request.name}"`);
    const result = await example.run({ ...request, log: (line) => process.send?.({ log: line }) });
    // The pipeline's time from this process's start: its start-up and loading, not the section's queries.
    const elapsedMs = Math.round(performance.now());
    const reports = { [example.name]: result.reports };
    const page = await collectDemoSections(request.out, [example.section], reports);
    await send({ result, page, elapsedMs });
    return 0;
  } catch (error) {
    await send({ error: cliMessage(error) });
    return 1;
  }
}

// Exits once the result is sent: a handle a pipeline left open must not keep its process alive.
process.exit(await runRequested(JSON.parse(process.argv[2] ?? '{}') as PipelineRequest));
