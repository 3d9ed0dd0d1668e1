import { MemoryNotifier } from './notifier.js';
import { describeNotifier } from './notifier-contract.js';

describeNotifier('memory', async () => {
  const notifier = new MemoryNotifier();
  return { notifier, read: async () => notifier.sent.map((n) => n.message) };
});
