import type { Command, OptionSpec } from './command.js';

const HELP_OPTION = '  -h, --help';

/** The one-line synopsis: required options spelled out, the rest in brackets. */
export function usageLine(command: Command): string {
  const positional = command.positional ? ` <${command.positional.choices.join('|')}>` : '';
  const options = Object.entries(command.options).map(([name, spec]) => {
    const text = `--${name}${spec.value ? ` ${spec.value}` : ''}${spec.multiple ? ' …' : ''}`;
    return spec.required ? text : `[${text}]`;
  });
  return `sluice ${command.name}${positional} ${options.join(' ')}`;
}

/** `sluice <command> --help`: usage, then every option with its default and meaning. */
export function commandHelp(command: Command): string {
  const rows = Object.entries(command.options).map(([name, spec]) => [
    `  --${name}${spec.value ? ` ${spec.value}` : ''}`,
    `${spec.description}${defaultOf(spec)}`,
  ]);
  rows.push([HELP_OPTION, 'print this help']);
  const width = Math.max(...rows.map(([left]) => (left ?? '').length)) + 2;
  return [
    `usage: ${usageLine(command)}`,
    '',
    `${command.summary}.`,
    '',
    'options:',
    ...rows.map(([left = '', right]) => `${left.padEnd(width)}${right}`),
    ...(command.notes ?? []).flatMap((note) => ['', note]),
    '',
    'Prints its result as one JSON object on the last line of stdout; progress goes to stderr.',
  ].join('\n');
}

function defaultOf(spec: OptionSpec): string {
  if (spec.required) return ' (required)';
  if (spec.default !== undefined) return ` (default: ${spec.default})`;
  if (spec.defaultText !== undefined) return ` (default: ${spec.defaultText})`;
  return spec.type === 'boolean' ? ' (default: off)' : '';
}

/** `sluice --help`: every command with what it does. */
export function overview(commands: readonly Command[]): string {
  const width = Math.max(...commands.map((c) => c.name.length)) + 4;
  return [
    'usage: sluice <command> [options]',
    '',
    'commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}${c.summary}`),
    '',
    '`sluice help <command>` or `sluice <command> --help` lists its options and their defaults.',
    'Each command prints its result as one JSON object on the last line of stdout.',
    'Exit codes: 0 done, 1 unreadable input or failed run, 2 bad arguments.',
  ].join('\n');
}
