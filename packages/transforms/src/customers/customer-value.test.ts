import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectRejectedNaming } from '../fixtures/outcomes.js';
import { parseAmount } from './amount.js';
import { customerScoring, scoreCustomerValue } from './customer-value.js';
import { InvalidCustomerValueOptionsError } from './errors.js';
import { CustomerSchema, ScoredCustomerSchema } from './schema.js';

const customer = (amount: string, frequency: string, loyalty = '0', satisfaction = '0') => ({
  Customer_ID: '37-611-6911',
  ' Purchase_Amount ': amount,
  Frequency_of_Purchase: frequency,
  Brand_Loyalty: loyalty,
  Customer_Satisfaction: satisfaction,
});

const scored = (input: unknown) => {
  const outcome = scoreCustomerValue(input);
  if (outcome.kind !== 'kept') throw new Error(`expected kept, got ${JSON.stringify(outcome)}`);
  return [outcome.value.customer_value_score, outcome.value.customer_segment];
};

describe('parseAmount', () => {
  it.each([
    [' $333.80  ', 333.8],
    ['$1,234.50', 1234.5],
    ['1,234,567', 1234567],
    ['42', 42],
    ['  7 ', 7],
    ['-$5.25', -5.25],
    ['$ 12.00', 12],
  ])('reads %j as %d', (text, expected) => {
    expect(parseAmount(text)).toBe(expected);
  });

  it.each(['', '  ', 'N/A', '12,5', '1,23', '$', '3.80$', '1e3', '12.3.4', '$$1'])('refuses %j', (text) => {
    expect(parseAmount(text)).toBeUndefined();
  });
});

describe('scoreCustomerValue', () => {
  it.each([
    [customer(' $333.80  ', '4', '5', '7'), 0.4335, 'MEDIUM_VALUE'], // the file's first row
    [customer('0', '10', '10', '10'), 0.6, 'MEDIUM_VALUE'], // exactly 0.6 is not HIGH_VALUE
    [customer('2.50', '10', '10', '10'), 0.601, 'HIGH_VALUE'],
    [customer('$250.00', '10'), 0.4, 'STANDARD'], // exactly 0.4 is not MEDIUM_VALUE
    [customer('$252.50', '10'), 0.401, 'MEDIUM_VALUE'],
    [customer('$1,234.50', '10', '5', '9'), 1, 'HIGH_VALUE'], // 1.0038 by the formula, clamped to 1
    [customer('$2,000.00', '1', '1', '1'), 0.86, 'HIGH_VALUE'], // the amount term is not capped at its 0.4 share
    [customer('$1,100.00', '0', '0', '0'), 0.44, 'MEDIUM_VALUE'],
    [customer('$50,000.00', '99', '99', '99'), 1, 'HIGH_VALUE'],
    [customer('-$20', '0'), 0, 'STANDARD'],
  ])('scores %j as %d (%s)', (input, score, segment) => {
    expect(scored(input)).toEqual([score, segment]);
  });

  it.each([
    [customer('N/A', '4'), 'Purchase_Amount'],
    [customer('$10', 'often'), 'Frequency_of_Purchase'],
    [customer('$10', '4', '', '5'), 'Brand_Loyalty'],
    [{ ...customer('$10', '4'), Customer_Satisfaction: undefined }, 'Customer_Satisfaction'],
    [{ ...customer('$10', '4'), Customer_ID: '' }, 'Customer_ID'],
  ])('rejects %j naming the column %s', (input, column) => {
    expectRejectedNaming(scoreCustomerValue(input), 'invalid-customer', column);
  });

  it('takes weights, scales and thresholds as options', () => {
    const options = {
      weights: { amount: 1, frequency: 0 },
      scales: { amount: 500 },
      thresholds: { high: 0.9 },
    };
    const outcome = scoreCustomerValue(customer('$450', '10'), options);
    expect(outcome).toMatchObject({ value: { customer_value_score: 0.9, customer_segment: 'MEDIUM_VALUE' } });
    const half = scoreCustomerValue(customer('$500', '0'), {
      weights: { amount: 1 },
      thresholds: { medium: 0.5 },
    });
    expect(half).toMatchObject({ value: { customer_value_score: 0.5, customer_segment: 'STANDARD' } });
    expect(() => customerScoring({ thresholds: { high: 0.3 } })).toThrow(InvalidCustomerValueOptionsError);
    expect(() => scoreCustomerValue(customer('$1', '1'), { scales: { amount: 0 } })).toThrow(
      InvalidCustomerValueOptionsError,
    );
  });

  it('always scores in [0,1]', () => {
    fc.assert(
      fc.property(
        fc.tuple(fc.double(), fc.double(), fc.double(), fc.double()),
        ([amount, frequency, loyalty, satisfaction]) => {
          const { customer_value_score: score } = customerScoring()({
            Customer_ID: 'c',
            Purchase_Amount: amount,
            Frequency_of_Purchase: frequency,
            Brand_Loyalty: loyalty,
            Customer_Satisfaction: satisfaction,
          });
          return score >= 0 && score <= 1;
        },
      ),
    );
  });
});

describe('published schemas', () => {
  it('accept the padded Kaggle row and the scored output, as Standard Schema', async () => {
    const input = customer(' $333.80  ', '4', '5', '7');
    const parsed = await CustomerSchema['~standard'].validate(input);
    expect(parsed).toMatchObject({ value: { Purchase_Amount: 333.8 } });
    const outcome = scoreCustomerValue(input);
    if (outcome.kind !== 'kept') throw new Error('expected kept');
    expect((await ScoredCustomerSchema['~standard'].validate(outcome.value)).issues).toBeUndefined();
  });
});
