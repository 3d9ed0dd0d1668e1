// `cdk synth` / `cdk deploy` entry (cdk.json): the stack, checked by cdk-nag's AwsSolutions pack.
import { referenceApp } from '@sluice/cdk';
import { TransactionStreamStack } from './stack.js';

referenceApp(
  (app) =>
    new TransactionStreamStack(app, app.node.tryGetContext('stackName') ?? 'SluiceTransactionStream', {
      env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION },
    }),
);
