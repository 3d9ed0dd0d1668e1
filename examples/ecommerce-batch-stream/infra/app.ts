// `cdk synth` / `cdk deploy` entry (cdk.json): the stack, checked by cdk-nag's AwsSolutions pack.
import { referenceApp } from '@sluice/cdk';
import { EcommerceBatchStreamStack } from './stack.js';

referenceApp(
  (app) =>
    new EcommerceBatchStreamStack(app, app.node.tryGetContext('stackName') ?? 'SluiceEcommerceBatchStream', {
      env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION },
    }),
);
