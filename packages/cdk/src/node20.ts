/**
 * Gives Node 20 the `Promise.withResolvers` of Node 22, which `aws-local-stepfunctions` 3 calls in
 * every Task state (it declares Node ≥ 22; the workspace supports Node 20). A no-op on Node 22.
 *
 * @example ensurePromiseWithResolvers(); await new StateMachine(definition).run(input).result;
 */
export function ensurePromiseWithResolvers(): void {
  const promise = Promise as unknown as { withResolvers?: () => unknown };
  promise.withResolvers ??= () => {
    let resolve: (value: unknown) => void = () => {};
    let reject: (reason?: unknown) => void = () => {};
    const created = new Promise((res, rej) => {
      resolve = res;
      reject = rej;
    });
    return { promise: created, resolve, reject };
  };
}
