import { Stack } from 'aws-cdk-lib';
import { type IGrantable, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { CfnBucket, IBucket } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { acknowledge } from './nag.js';

/** The key prefixes (`raw/`, `processed/`) a grantee reads and writes in one bucket. */
export interface ObjectAccess {
  read?: readonly string[];
  write?: readonly string[];
}

/**
 * Grants exactly the object calls a Sluice handler makes, per prefix: `s3:GetObject` on the read
 * prefixes with `s3:ListBucket` limited to them (a missing key is then a 404, not a 403), and
 * `s3:PutObject` + `s3:AbortMultipartUpload` on the write prefixes. Unlike `bucket.grantRead` it names
 * no wildcard action; the prefix wildcards it needs are acknowledged to cdk-nag here, one per prefix.
 *
 * @example grantObjects(filter, bucket, { read: ['raw/'], write: ['processed/', 'quarantine/'] });
 */
export function grantObjects(grantee: IGrantable, bucket: IBucket, access: ObjectAccess): void {
  const read = access.read ?? [];
  const write = access.write ?? [];
  const objects = (prefixes: readonly string[]) =>
    prefixes.map((prefix) => bucket.arnForObjects(`${prefix}*`));
  const add = (statement: PolicyStatement) => grantee.grantPrincipal.addToPrincipalPolicy(statement);
  if (read.length > 0) {
    add(new PolicyStatement({ actions: ['s3:GetObject'], resources: objects(read) }));
    add(
      new PolicyStatement({
        actions: ['s3:ListBucket'],
        resources: [bucket.bucketArn],
        conditions: { StringLike: { 's3:prefix': read.map((prefix) => `${prefix}*`) } },
      }),
    );
  }
  if (write.length > 0) {
    add(
      new PolicyStatement({
        actions: ['s3:PutObject', 's3:AbortMultipartUpload'],
        resources: objects(write),
      }),
    );
  }
  if (grantee.grantPrincipal instanceof Construct) {
    const id = Stack.of(bucket).resolve(Stack.of(bucket).getLogicalId(bucket.node.defaultChild as CfnBucket));
    acknowledge(
      grantee.grantPrincipal,
      'Object ARNs under one key prefix of the stack bucket: the narrowest S3 resource for keys the pipeline names at run time',
      ...[...new Set([...read, ...write])].map(
        (prefix) => `AwsSolutions-IAM5[Resource::<${id}.Arn>/${prefix}*]`,
      ),
    );
  }
}
