import { ClickEventSchema } from '@sluice/transforms/clickstream';
import * as z from 'zod/mini';

/**
 * The request model of `POST /clicks`: the transform's click schema as JSON Schema draft 4 (what API
 * Gateway models use), so the API refuses what the transform would reject for its shape. The
 * schema's one refinement (`created_at` or its alias `createdAt`) has no JSON Schema form in zod and
 * is added as `anyOf`; the date's text is the transform's to repair, not the gateway's to judge.
 *
 * @example new CfnModel(this, 'Click', { restApiId, contentType: 'application/json', schema: clickRequestModel() });
 */
export function clickRequestModel(): Record<string, unknown> {
  const schema = z.toJSONSchema(ClickEventSchema, { target: 'draft-4', io: 'input' }) as Record<
    string,
    unknown
  >;
  return { ...schema, title: 'Click', anyOf: [{ required: ['created_at'] }, { required: ['createdAt'] }] };
}
