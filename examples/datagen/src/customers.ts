import { type DatasetOptions, type Line, resolve } from './options.js';
import { Random } from './random.js';

/** The header of the Kaggle "Ecommerce Consumer Behavior" file, padding of ` Purchase_Amount ` included. */
export const CUSTOMERS_HEADER =
  'Customer_ID,Age,Gender,Income_Level,Marital_Status,Education_Level,Occupation,Location,Purchase_Category, Purchase_Amount ,Frequency_of_Purchase,Purchase_Channel,Brand_Loyalty,Product_Rating,Time_Spent_on_Product_Research(hours),Social_Media_Influence,Discount_Sensitivity,Return_Rate,Customer_Satisfaction,Engagement_with_Ads,Device_Used_for_Shopping,Payment_Method,Time_of_Purchase,Discount_Used,Customer_Loyalty_Program_Member,Purchase_Intent,Shipping_Preference,Time_to_Decision';

const CATEGORIES = [
  'Gardening & Outdoors',
  'Food & Beverages',
  'Electronics',
  'Books',
  'Clothing',
  'Toys & Games',
  'Health Care',
];
const CHANNELS = ['Online', 'In-Store', 'Mixed'];
const CITIES = ['Huocheng', 'Lyon', 'Évry', 'São Paulo', 'Kraków', 'Austin', 'Osaka'];

/**
 * Customers shaped like the real Kaggle file: padded header, amounts like ` $333.80  ` and
 * `"$1,234.50"`, and a share of lines whose `Évry` is a raw Windows-1252 byte inside UTF-8.
 *
 * @example for (const line of customersCsv({ rows: 1000 })) out.write(line);
 */
export function* customersCsv(options: DatasetOptions): Generator<Line> {
  const { rows, seed, dirty } = resolve(options);
  const random = new Random(seed);
  yield `${CUSTOMERS_HEADER}\n`;
  for (let i = 0; i < rows; i++) {
    const row = customer(random);
    if (random.chance(dirty)) row[random.pick([9, 10, 12, 18])] = random.pick(['N/A', 'abc', '']);
    const line = `${row.join(',')}\n`;
    yield line.includes('Évry') && random.chance(0.5) ? Buffer.from(line, 'latin1') : line;
  }
}

function customer(random: Random): string[] {
  const amount = random.normal(300, 180, 5, 1500);
  const money =
    amount >= 1000
      ? `"$${Math.floor(amount / 1000)},${(amount % 1000).toFixed(2).padStart(6, '0')}"`
      : ` $${amount.toFixed(2)}  `;
  return [
    `${random.int(10, 99)}-${random.int(100, 999)}-${random.int(1000, 9999)}`,
    String(random.int(18, 70)),
    random.pick(['Female', 'Male']),
    random.pick(['Low', 'Middle', 'High']),
    random.pick(['Single', 'Married']),
    random.pick(["Bachelor's", 'High School', "Master's"]),
    random.pick(['Low', 'Middle', 'High']),
    random.pick(CITIES),
    random.pick(CATEGORIES),
    money,
    String(random.int(1, 12)),
    random.pick(CHANNELS),
    String(random.int(1, 10)),
    String(random.int(1, 5)),
    String(random.int(0, 5)),
    random.pick(['None', 'Low', 'Medium', 'High']),
    random.pick(['Not Sensitive', 'Somewhat Sensitive', 'Very Sensitive']),
    String(random.int(0, 2)),
    String(random.int(1, 10)),
    random.pick(['None', 'Low', 'Medium', 'High']),
    random.pick(['Tablet', 'Smartphone', 'Desktop']),
    random.pick(['Credit Card', 'PayPal', 'Cash', 'Debit Card']),
    `${random.int(1, 12)}/${random.int(1, 28)}/2024`,
    random.pick(['TRUE', 'FALSE']),
    random.pick(['TRUE', 'FALSE']),
    random.pick(['Need-based', 'Wants-based', 'Impulsive', 'Planned']),
    random.pick(['No Preference', 'Standard', 'Express']),
    String(random.int(1, 14)),
  ];
}
