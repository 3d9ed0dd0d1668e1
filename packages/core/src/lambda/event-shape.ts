import { LambdaEventShapeError } from './errors.js';

/** Reads the fields of an untyped event, naming the trigger and the path when one is wrong. */
export class EventReader {
  constructor(
    readonly source: string,
    path: string | (() => string),
    readonly value: unknown,
  ) {
    this.#path = path;
  }

  // An event's readers are made per record: the path is spelled out only when an error names it.
  #path: string | (() => string);

  get path(): string {
    if (typeof this.#path !== 'string') this.#path = this.#path();
    return this.#path;
  }

  /** The `Records` (or other) array of the event, each element wrapped in a reader. */
  array(key: string): EventReader[] {
    const items = this.#field(key);
    if (!Array.isArray(items)) throw new LambdaEventShapeError(this.source, this.#at(key), 'an array');
    return items.map((item, i) => new EventReader(this.source, () => `${this.#at(key)}[${i}]`, item));
  }

  object(key: string): EventReader {
    const value = this.#field(key);
    if (!isObject(value)) throw new LambdaEventShapeError(this.source, this.#at(key), 'an object');
    return new EventReader(this.source, () => this.#at(key), value);
  }

  string(key: string): string {
    const value = this.#field(key);
    if (typeof value !== 'string') throw new LambdaEventShapeError(this.source, this.#at(key), 'a string');
    return value;
  }

  number(key: string): number {
    const value = this.#field(key);
    if (typeof value !== 'number') throw new LambdaEventShapeError(this.source, this.#at(key), 'a number');
    return value;
  }

  optionalString(key: string): string | undefined {
    return this.#field(key) === undefined ? undefined : this.string(key);
  }

  optionalNumber(key: string): number | undefined {
    return this.#field(key) === undefined ? undefined : this.number(key);
  }

  /** A map of string values (SQS `attributes`); absent means empty. */
  stringMap(key: string): Record<string, string> {
    if (this.#field(key) === undefined) return {};
    const map = this.object(key);
    return Object.fromEntries(Object.keys(map.value as object).map((name) => [name, map.string(name)]));
  }

  #field(key: string): unknown {
    if (!isObject(this.value))
      throw new LambdaEventShapeError(this.source, this.path || 'event', 'an object');
    return this.value[key];
  }

  #at(key: string): string {
    const path = this.path;
    return path ? `${path}.${key}` : key;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
