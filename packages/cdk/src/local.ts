// `@sluice/cdk/local`: what a local run of a synthesized state machine needs at demo time, without
// loading aws-cdk-lib (the demo reads a committed definition; only tests synthesize).
export { ensurePromiseWithResolvers } from './node20.js';
