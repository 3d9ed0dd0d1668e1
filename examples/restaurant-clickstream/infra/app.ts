// `cdk synth` / `cdk deploy` entry (cdk.json): the stack, checked by cdk-nag's AwsSolutions pack.
import { referenceApp } from '@sluice/cdk';
import { RestaurantClickstreamStack } from './stack.js';

referenceApp(
  (app) =>
    new RestaurantClickstreamStack(
      app,
      app.node.tryGetContext('stackName') ?? 'SluiceRestaurantClickstream',
      {
        env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION },
      },
    ),
);
