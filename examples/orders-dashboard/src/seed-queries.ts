/**
 * The five Athena queries of the seed 000 write-up ("Amazon Athena Queries"), verbatim — trailing
 * spaces included — so the dashboard runs exactly the SQL the original ran on Athena. They are
 * constants, not files, so a bundled Lambda carries them.
 *
 * @example const [totalsByCustomer] = seedQueryTexts();
 */
export function seedQueryTexts(): [string, string, string, string, string] {
  return [
    TOTAL_SALES_BY_CUSTOMER,
    MONTHLY_ORDER_VOLUME,
    ORDER_STATUS_DASHBOARD,
    AVERAGE_ORDER_VALUE,
    LARGEST_ORDERS_OF_MONTH,
  ];
}

const TOTAL_SALES_BY_CUSTOMER = `SELECT 
    customerid,
    SUM(amount) AS total_spent,
    COUNT(orderid) AS total_orders
FROM processed
GROUP BY customerid
ORDER BY total_spent DESC`;

const MONTHLY_ORDER_VOLUME = `SELECT 
    DATE_FORMAT(DATE_PARSE(orderdate, '%Y-%m-%d'), '%Y-%m') AS month,
    COUNT(orderid) AS total_orders,
    SUM(amount) AS total_revenue,
    AVG(amount) AS avg_order_value
FROM processed
GROUP BY DATE_FORMAT(DATE_PARSE(orderdate, '%Y-%m-%d'), '%Y-%m')
ORDER BY month DESC`;

const ORDER_STATUS_DASHBOARD = `SELECT 
    status,
    COUNT(orderid) AS order_count,
    SUM(amount) AS total_revenue,
    ROUND(AVG(amount), 2) AS avg_order_value
FROM processed
GROUP BY status
ORDER BY order_count DESC`;

const AVERAGE_ORDER_VALUE = `SELECT 
    customerid,
    COUNT(orderid) AS number_of_orders,
    SUM(amount) AS total_spent,
    ROUND(AVG(amount), 2) AS avg_order_value
FROM processed
GROUP BY customerid
HAVING COUNT(orderid) >= 2
ORDER BY avg_order_value DESC`;

const LARGEST_ORDERS_OF_MONTH = `SELECT 
    orderid,
    customerid,
    orderdate,
    status,
    amount
FROM processed
WHERE orderdate >= '2025-02-01' 
    AND orderdate < '2025-03-01'
ORDER BY amount DESC
LIMIT 10`;
