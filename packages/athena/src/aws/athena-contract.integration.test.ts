import { afterAll, beforeAll } from 'vitest';
import { AthenaFake, describeQueryEngineContract, scriptContractOrders } from '../testing/index.js';
import { createAthenaEngine } from './athena-engine.js';

const fake = scriptContractOrders(new AthenaFake());
beforeAll(() => fake.start());
afterAll(() => fake.stop());

describeQueryEngineContract('athena (local fake)', () =>
  createAthenaEngine({
    client: fake.clientConfig(),
    workGroup: 'primary',
    pollBaseDelayMs: 1,
    pollMaxDelayMs: 5,
  }),
);
