import * as z from 'zod/mini';

const text = () => z.string({ error: 'must be a string' });

/**
 * One click as API Gateway writes it to Firehose. `createdAt` is accepted as an alias of
 * `created_at`; unknown fields are ignored.
 *
 * @example ClickEventSchema.safeParse({ element_clicked: 'drink_3', time_spent: 14, source_menu: 'restaurant_name', created_at: '2022-09-11 23:00:00' })
 */
export const ClickEventSchema = z
  .object(
    {
      element_clicked: text().check(z.minLength(1, 'is empty')),
      time_spent: z.number({ error: 'must be a finite number' }).check(z.gte(0, 'must be >= 0')),
      source_menu: text(),
      created_at: z.optional(text()),
      createdAt: z.optional(text()),
    },
    { error: 'must be a JSON object' },
  )
  .check(
    z.refine((click) => click.created_at !== undefined || click.createdAt !== undefined, {
      message: 'is missing (nor is createdAt given)',
      path: ['created_at'],
    }),
  );

/** A click as received, before enrichment. */
export type ClickEvent = z.input<typeof ClickEventSchema>;

/**
 * An enriched click: the JSON line Firehose delivers to S3 and Athena reads.
 *
 * @example EnrichedClickSchema.parse(JSON.parse(line))
 */
export const EnrichedClickSchema = z.object({
  element_clicked: z.string(),
  time_spent: z.number().check(z.gte(0)),
  source_menu: z.string(),
  /** ISO 8601 UTC. */
  created_at: z.iso.datetime(),
  item_category: z.string().check(z.minLength(1)),
  item_number: z.int().check(z.gte(0)),
  /** `YYYY/MM/DD/HH`, UTC. */
  datehour: z.string().check(z.regex(/^\d{4}\/\d{2}\/\d{2}\/\d{2}$/)),
});

/** The enriched click written downstream. */
export type EnrichedClick = z.output<typeof EnrichedClickSchema>;
