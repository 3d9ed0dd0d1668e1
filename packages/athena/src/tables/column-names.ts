/**
 * The Athena-safe column name Glue would give a header: trimmed, lower-case, runs of anything but
 * letters and digits turned into one `_`, no leading/trailing `_`, never starting with a digit.
 *
 * @example athenaColumnName(' Purchase_Amount ($) ') // 'purchase_amount'
 */
export function athenaColumnName(raw: string): string {
  const name = raw
    .trim()
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  return /^\d/.test(name) ? `_${name}` : name;
}

/**
 * Normalises every header with {@link athenaColumnName} and makes the names unique (`name`,
 * `name_2`…); an empty header becomes `col_<position>` (1-based).
 *
 * @example athenaColumnNames(['Order ID', 'order-id', '']) // ['order_id', 'order_id_2', 'col_3']
 */
export function athenaColumnNames(headers: readonly string[]): string[] {
  const taken = new Set<string>();
  return headers.map((header, index) => {
    const base = athenaColumnName(header) || `col_${index + 1}`;
    let name = base;
    for (let n = 2; taken.has(name); n++) name = `${base}_${n}`;
    taken.add(name);
    return name;
  });
}
