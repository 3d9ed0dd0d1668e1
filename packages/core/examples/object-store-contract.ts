// README "Object stores": the contract suite, run here over a store that only renames the in-memory one.
import { MemoryObjectStore } from '@sluice/core';

class MyStore extends MemoryObjectStore {}

// #region readme
import { describeObjectStoreContract } from '@sluice/core/testing';

describeObjectStoreContract('MyStore', async () => ({ store: new MyStore(), cleanup: async () => {} }));
// #endregion
