import type { ValueFormat } from './model.js';

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat('en-US', { minimumFractionDigits: 0, maximumFractionDigits: 2 });
const score = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const currency = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });
const percent = new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 1 });

/**
 * Escapes text for HTML element content and double- or single-quoted attribute values.
 *
 * @example escapeHtml('<b a="1">') // '&lt;b a=&quot;1&quot;&gt;'
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * A value as the page writes it: thousands separators, money in dollars and cents, shares as
 * percentages, scores to two decimals; null as an em dash. Text is returned as is (escape it).
 *
 * @example formatValue(4603.909999999999, 'currency') // '$4,603.91'
 */
export function formatValue(value: unknown, format: ValueFormat): string {
  if (value === null || value === undefined) return '—';
  if (value instanceof Date)
    return value
      .toISOString()
      .replace('T', ' ')
      .replace(/\.000Z$/, 'Z');
  const n = typeof value === 'bigint' ? Number(value) : value;
  if (typeof n !== 'number' || format === 'text') return typeof n === 'string' ? n : String(n);
  if (!Number.isFinite(n)) return String(n);
  return FORMATTERS[format](n);
}

const FORMATTERS: Readonly<Record<Exclude<ValueFormat, 'text'>, (n: number) => string>> = {
  integer: (n) => integer.format(n),
  decimal: (n) => decimal.format(n),
  currency: (n) => currency.format(n),
  percent: (n) => percent.format(n),
  score: (n) => score.format(n),
  seconds: (n) => `${decimal.format(n)} s`,
};

/** The d3-format string Vega-Lite axes and tooltips use for a format, so charts read like tables. */
export function d3Format(format: ValueFormat): string | undefined {
  return D3_FORMATS[format];
}

const D3_FORMATS: Readonly<Partial<Record<ValueFormat, string>>> = {
  integer: ',.0f',
  decimal: ',.2~f',
  currency: '$,.2~f',
  percent: '.1~%',
  score: '.2f',
  seconds: ',.1~f',
};
