import { App, type AppProps, type Stack, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';

/**
 * A reference-deployment app: the stack `create` builds, checked by cdk-nag's AwsSolutions pack at
 * synth, so `cdk synth` fails on any error not acknowledged in code with its reason
 * (`Validations.of(construct).acknowledge({ id, reason })`).
 *
 * @example
 * const { app } = referenceApp((app) => new OrdersDashboardStack(app, 'SluiceOrdersDashboard'));
 * app.synth();
 */
export function referenceApp<S extends Stack>(
  create: (app: App) => S,
  props: AppProps = {},
): { app: App; stack: S } {
  const app = new App(props);
  const stack = create(app);
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
  return { app, stack };
}

/**
 * cdk-nag AwsSolutions errors nobody acknowledged, one line each (`AwsSolutions-S1 Bucket: …`).
 *
 * @example expect(awsSolutionsErrors(stack)).toEqual([]);
 */
export function awsSolutionsErrors(scope: IConstruct): string[] {
  const report = new AwsSolutionsChecks().validateScope(scope);
  return report.violations
    .filter((violation) => violation.severity === 'error')
    .flatMap((violation) =>
      violation.violatingResources.map(
        (resource) => `${violation.ruleName} ${resource.resourceLogicalId}: ${violation.description}`,
      ),
    );
}

/** One acknowledgement per finding (cdk-nag 3 has no rule-wide suppression), all with the same reason. */
export function acknowledge(scope: IConstruct, reason: string, ...ids: string[]): void {
  for (const id of ids) Validations.of(scope).acknowledge({ id, reason });
}
