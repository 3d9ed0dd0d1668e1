// Events (rees46): rows valid for BotEventSchema are counted (kept); others rejected `schema`. Times
// ascend, so no event is late; every row has a user_id, so none is dropped `no-key`.
import { BOM, b, type CorpusCase, counts, HEADER, joined, lf, refused, utf16be } from './case-parts.js';

/** The events handler must settle a file no retry can fix (quarantined whole), not fail it for Lambda to retry. */
const NOT_RETRIED = refused('permanent');
const EH = 'event_time,event_type,product_id,category_id,category_code,brand,price,user_id,user_session';
const event = (second: number, user = '520088904', type = 'view', time?: string) =>
  `${time ?? `2019-11-01 00:00:${String(second).padStart(2, '0')} UTC`},${type},1003461,2053013555631882655,electronics.smartphone,xiaomi,489.07,${user},4d3b30da-a5e4`;

export const eventCases: Omit<CorpusCase, 'domain'>[] = [
  {
    file: 'events-clean.csv',
    quirk: 'the baseline: three valid events',
    bytes: lf(EH, event(1), event(2), event(3, '530496790', 'cart')),
    expected: counts(3, 4),
  },
  {
    file: 'events-bad-event-time.csv',
    quirk: 'an hour 25 and a word where the time should be',
    bytes: lf(
      EH,
      event(1),
      event(2, undefined, 'view', '2019-11-01 25:00:00 UTC'),
      event(3, undefined, 'view', 'yesterday'),
      event(4),
    ),
    expected: counts(2, 5, {}, { schema: 2 }),
  },
  {
    file: 'events-unknown-event-type.csv',
    quirk: 'an event type outside view|cart|remove_from_cart|purchase',
    bytes: lf(EH, event(1, undefined, 'click'), event(2, undefined, 'purchase')),
    expected: counts(1, 3, {}, { schema: 1 }),
  },
  {
    file: 'events-empty-user-id.csv',
    quirk: 'an empty user_id (the schema requires one: rejected, not dropped)',
    bytes: lf(EH, event(1), event(2, ''), event(3)),
    expected: counts(2, 4, {}, { schema: 1 }),
  },
  {
    file: 'events-stray-quote.csv',
    quirk: 'an unterminated quote in a brand on line 3: only that line is lost',
    bytes: lf(EH, event(1), event(2).replace('xiaomi', '"xiaomi'), event(3), event(4)),
    expected: counts(3, 5, {}, { 'unterminated-quote': 1 }),
  },
  {
    file: 'events-lone-cr.csv',
    quirk: 'lone CR line endings',
    bytes: b(joined('\r', [EH, event(1), event(2), event(3)])),
    expected: counts(3, 4),
  },
  {
    file: 'events-crlf-bom.csv',
    quirk: 'byte-order mark and CRLF endings',
    bytes: b(BOM, joined('\r\n', [EH, event(1), event(2)])),
    expected: counts(2, 3),
  },
  {
    file: 'events-quoted-category-code.csv',
    quirk: 'a quoted category_code holding a comma, and a quoted user_id',
    bytes: lf(
      EH,
      event(1).replace('electronics.smartphone', '"electronics,smartphone"'),
      event(2).replace(',520088904,', ',"520088904",'),
    ),
    expected: counts(2, 3),
  },
  {
    file: 'events-19-digit-ids.csv',
    quirk: 'category and product ids of 19 digits (beyond 2^53), kept as text',
    bytes: lf(EH, event(1).replace('1003461', '2053013555631882655'), event(2)),
    expected: counts(2, 3),
  },
  {
    file: 'events-ragged-rows.csv',
    quirk: 'a row missing user_session and one with an extra field',
    bytes: lf(EH, event(1), event(2).replace(',4d3b30da-a5e4', ''), `${event(3)},x`, event(4)),
    expected: counts(2, 5, {}, { 'ragged-row': 2 }),
  },
  {
    file: 'events-utf16be-bom.csv',
    quirk: 'UTF-16 BE with a byte-order mark: transcoded',
    bytes: utf16be(joined('\n', [EH, event(1), event(2)])),
    expected: counts(2, 3),
  },
  {
    file: 'events-duplicate-user-id-columns.csv',
    quirk: '`user_id` and `User ID` normalise to one name: refused naming both',
    bytes: lf(`${EH},User ID`, `${event(1)},1`),
    reader: counts(1, 2),
    expected: refused(HEADER),
    handler: NOT_RETRIED,
  },
  {
    file: 'events-missing-event-time-column.csv',
    quirk: 'no event_time column',
    bytes: lf(EH.replace('event_time,', ''), event(1).replace(/^[^,]*,/, '')),
    reader: counts(1, 2),
    expected: refused('BotEventColumnError'),
    handler: NOT_RETRIED,
  },
  {
    file: 'events-empty.csv',
    quirk: 'zero bytes',
    bytes: b(),
    reader: counts(0, 0),
    expected: refused('BotEventColumnError'),
    handler: NOT_RETRIED,
  },
];
