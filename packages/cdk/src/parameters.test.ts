import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { glueDatabase, glueTable } from './athena.js';
import { environmentParameters, stackParameters } from './parameters.js';

const synth = (build: (stack: Stack) => unknown) => {
  const stack = new Stack(new App(), 'Parameters');
  const built = build(stack);
  return { template: Template.fromStack(stack).toJSON(), built, stack };
};

describe('stack parameters', () => {
  it('makes a Number parameter with its least value, or a String one, named by its key', () => {
    const { template } = synth((stack) =>
      stackParameters(stack, {
        WindowMs: { default: 10_000, min: 1000, description: 'Window length in ms' },
        TimeZone: { default: 'UTC', description: 'Zone of the dates' },
      }),
    );
    expect(template.Parameters.WindowMs).toEqual({
      Type: 'Number',
      Default: 10_000,
      MinValue: 1000,
      Description: 'Window length in ms',
    });
    expect(template.Parameters.TimeZone).toEqual({
      Type: 'String',
      Default: 'UTC',
      Description: 'Zone of the dates',
    });
  });

  it('gives each environment variable its parameter as a reference', () => {
    const { built, stack } = synth((stack) =>
      environmentParameters(stack, {
        WINDOW_MS: ['WindowMs', { default: 10_000, min: 1000, description: 'Window length in ms' }],
      }),
    );
    expect(stack.resolve((built as Record<string, string>).WINDOW_MS)).toEqual({ Ref: 'WindowMs' });
  });
});

describe('glueTable', () => {
  it('names the table resource after the table and puts it in the database of the stack account', () => {
    const { template } = synth((stack) =>
      glueTable(glueDatabase(stack, 'lake', 'A lake'), {
        name: 'bot_detections',
        tableType: 'EXTERNAL_TABLE',
      }),
    );
    expect(template.Resources.BotDetectionsTable).toMatchObject({
      Type: 'AWS::Glue::Table',
      Properties: { CatalogId: { Ref: 'AWS::AccountId' }, TableInput: { Name: 'bot_detections' } },
    });
  });
});
