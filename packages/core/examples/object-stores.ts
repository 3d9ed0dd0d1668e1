// README "Object stores". Hidden prelude: the body to store, as chunks.
const chunks = (async function* () {
  yield new TextEncoder().encode('id,status\n');
  yield new TextEncoder().encode('1,shipped\n');
})();

// #region readme
import { LocalObjectStore, listAll, type ObjectStore } from '@sluice/core';

const store: ObjectStore = new LocalObjectStore('out/bucket'); // or MemoryObjectStore, or S3ObjectStore from @sluice/sinks/s3
await store.put('raw/orders.csv', chunks); // bytes, a string or async iterable chunks; atomic: staging file + rename
for await (const object of listAll(store, 'raw/')) console.log(object.key, object.size); // raw/orders.csv 20
// #endregion

export const ran = { store };
