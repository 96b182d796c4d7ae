-- Realistic application and BI queries over the Shop catalog (customers, orders, order_items, products,
-- payments, employees). One query per block; blocks are separated by blank lines. Written for this test.

SELECT id, name, email FROM customers WHERE id = $1

SELECT * FROM customers WHERE email = $1 LIMIT 1

SELECT id, name FROM customers ORDER BY created_at DESC LIMIT 20 OFFSET 40

SELECT count(*) FROM customers

SELECT count(*) AS n FROM orders WHERE status = 'paid'

SELECT o.id, o.amount, o.status FROM orders o WHERE o.customer_id = $1 ORDER BY o.created_at DESC

SELECT o.*, c.name AS customer_name FROM orders o JOIN customers c ON c.id = o.customer_id WHERE o.id = $1

SELECT c.name, count(o.id) AS orders, coalesce(sum(o.amount), 0) AS revenue
FROM customers c LEFT JOIN orders o ON o.customer_id = c.id
GROUP BY c.name ORDER BY revenue DESC

SELECT status, count(*), sum(amount), avg(amount), min(amount), max(amount) FROM orders GROUP BY status

SELECT date_trunc('month', created_at) AS month, sum(amount) AS revenue FROM orders GROUP BY 1 ORDER BY 1

SELECT extract(year FROM created_at) AS y, count(*) FROM orders GROUP BY extract(year FROM created_at)

SELECT p.category, sum(i.quantity * i.price) AS revenue
FROM order_items i JOIN products p ON p.id = i.product_id
GROUP BY p.category HAVING sum(i.quantity * i.price) > 1000 ORDER BY revenue DESC

SELECT p.name, sum(i.quantity) AS units FROM order_items i JOIN products p ON p.id = i.product_id
GROUP BY p.name ORDER BY units DESC LIMIT 10

SELECT id, amount, row_number() OVER (PARTITION BY customer_id ORDER BY created_at) AS nth FROM orders

SELECT customer_id, amount, sum(amount) OVER (PARTITION BY customer_id ORDER BY created_at
  ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS running FROM orders

SELECT id, amount, rank() OVER (ORDER BY amount DESC) AS r, dense_rank() OVER (ORDER BY amount DESC) AS dr FROM orders

SELECT id, amount, lag(amount) OVER w AS prev, lead(amount) OVER w AS next FROM orders WINDOW w AS (ORDER BY created_at)

SELECT customer_id, amount FROM (
  SELECT customer_id, amount, row_number() OVER (PARTITION BY customer_id ORDER BY amount DESC) AS rn FROM orders
) ranked WHERE rn = 1

WITH monthly AS (SELECT date_trunc('month', created_at) AS m, sum(amount) AS total FROM orders GROUP BY 1)
SELECT m, total, total - lag(total) OVER (ORDER BY m) AS delta FROM monthly ORDER BY m

WITH top_customers AS (
  SELECT customer_id, sum(amount) AS spent FROM orders GROUP BY customer_id ORDER BY spent DESC LIMIT 5
)
SELECT c.name, t.spent FROM top_customers t JOIN customers c ON c.id = t.customer_id

WITH RECURSIVE org(id, name, manager_id, depth) AS (
  SELECT id, name, manager_id, 0 FROM employees WHERE manager_id IS NULL
  UNION ALL
  SELECT e.id, e.name, e.manager_id, org.depth + 1 FROM employees e JOIN org ON e.manager_id = org.id
)
SELECT * FROM org ORDER BY depth, name

SELECT e.name, m.name AS manager FROM employees e LEFT JOIN employees m ON m.id = e.manager_id

SELECT department, count(*) FROM employees GROUP BY department ORDER BY count(*) DESC

SELECT * FROM products WHERE category = $1 AND price BETWEEN $2 AND $3 ORDER BY price

SELECT * FROM products WHERE name ILIKE '%' || $1 || '%' LIMIT 50

SELECT * FROM products WHERE name LIKE 'Widget%' OR category IN ('tools', 'garden')

SELECT id, name FROM products WHERE id IN (SELECT product_id FROM order_items WHERE order_id = $1)

SELECT c.* FROM customers c WHERE EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = c.id AND o.amount > 500)

SELECT c.id, c.name FROM customers c WHERE NOT EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = c.id)

SELECT c.id FROM customers c LEFT JOIN orders o ON o.customer_id = c.id WHERE o.id IS NULL

SELECT o.id, p.method, p.amount FROM orders o JOIN payments p ON p.order_id = o.id WHERE o.status <> 'cancelled'

SELECT o.id, o.amount - coalesce(sum(p.amount), 0) AS outstanding
FROM orders o LEFT JOIN payments p ON p.order_id = o.id GROUP BY o.id, o.amount HAVING o.amount > coalesce(sum(p.amount), 0)

SELECT method, count(*), sum(amount) FROM payments GROUP BY method

SELECT date(paid_at) AS day, sum(amount) FROM payments WHERE paid_at >= now() - interval '30 days' GROUP BY 1 ORDER BY 1

SELECT * FROM payments WHERE paid_at > current_date - 7

SELECT id, amount, CASE WHEN amount > 1000 THEN 'large' WHEN amount > 100 THEN 'medium' ELSE 'small' END AS size FROM orders

SELECT CASE status WHEN 'paid' THEN 1 ELSE 0 END AS paid, count(*) FROM orders GROUP BY 1

SELECT count(*) FILTER (WHERE status = 'paid') AS paid, count(*) FILTER (WHERE status = 'open') AS open FROM orders

SELECT customer_id, string_agg(status, ',' ORDER BY created_at) FROM orders GROUP BY customer_id

SELECT customer_id, array_agg(id) AS order_ids FROM orders GROUP BY customer_id

SELECT upper(name), lower(email), length(name), substring(name FROM 1 FOR 3) FROM customers

SELECT trim(name), replace(email, '@', ' at '), split_part(email, '@', 2) AS domain FROM customers

SELECT split_part(email, '@', 2) AS domain, count(*) FROM customers GROUP BY 1 ORDER BY 2 DESC

SELECT coalesce(name, email, 'unknown') FROM customers

SELECT nullif(amount, 0), greatest(amount, 10), least(amount, 1000) FROM orders

SELECT round(avg(amount), 2), round(stddev(amount)::numeric, 2) FROM orders

SELECT id, amount::numeric(10,2), created_at::date FROM orders

SELECT cast(amount AS integer), cast(created_at AS date) FROM orders

SELECT to_char(created_at, 'YYYY-MM') AS ym, count(*) FROM orders GROUP BY ym ORDER BY ym

SELECT * FROM orders WHERE created_at BETWEEN $1 AND $2 ORDER BY created_at

SELECT * FROM orders WHERE created_at >= date_trunc('week', now())

SELECT * FROM orders WHERE status = ANY($1)

SELECT * FROM orders ORDER BY amount DESC NULLS LAST FETCH FIRST 5 ROWS ONLY

SELECT DISTINCT status FROM orders

SELECT DISTINCT ON (customer_id) customer_id, id, created_at FROM orders ORDER BY customer_id, created_at DESC

SELECT count(DISTINCT customer_id) FROM orders

SELECT name FROM customers UNION SELECT name FROM employees

SELECT id FROM customers UNION ALL SELECT customer_id FROM orders

SELECT customer_id FROM orders INTERSECT SELECT id FROM customers

SELECT id FROM customers EXCEPT SELECT customer_id FROM orders

SELECT * FROM (VALUES (1, 'a'), (2, 'b')) AS v(id, label)

SELECT p.id, p.name, v.label FROM products p JOIN (VALUES (1, 'featured'), (2, 'sale')) v(id, label) ON v.id = p.id

SELECT g.d::date, coalesce(sum(o.amount), 0) FROM generate_series(now() - interval '6 days', now(), interval '1 day') AS g(d)
LEFT JOIN orders o ON date_trunc('day', o.created_at) = date_trunc('day', g.d) GROUP BY 1 ORDER BY 1

SELECT c.id, last.amount FROM customers c CROSS JOIN LATERAL (
  SELECT amount FROM orders o WHERE o.customer_id = c.id ORDER BY created_at DESC LIMIT 1) last

SELECT c.name, (SELECT max(o.created_at) FROM orders o WHERE o.customer_id = c.id) AS last_order FROM customers c

SELECT c.name, (SELECT count(*) FROM orders o WHERE o.customer_id = c.id) AS n FROM customers c ORDER BY n DESC

SELECT p.category, percentile_cont(0.5) WITHIN GROUP (ORDER BY p.price) AS median FROM products p GROUP BY p.category

SELECT category, count(*) FROM products GROUP BY ROLLUP (category)

SELECT category, name, sum(price) FROM products GROUP BY GROUPING SETS ((category), (category, name), ())

SELECT o.id FROM orders o JOIN order_items i USING (id)

SELECT * FROM orders NATURAL JOIN payments

SELECT o.id, i.product_id FROM orders o, order_items i WHERE i.order_id = o.id AND o.id = 10

SELECT o.id, c.name, p.name, i.quantity FROM orders o
JOIN customers c ON c.id = o.customer_id
JOIN order_items i ON i.order_id = o.id
JOIN products p ON p.id = i.product_id
WHERE o.created_at > $1

SELECT o.id FROM orders o FULL OUTER JOIN payments p ON p.order_id = o.id WHERE p.id IS NULL OR o.id IS NULL

SELECT c.name, o.id FROM customers c RIGHT JOIN orders o ON o.customer_id = c.id

SELECT id, email FROM customers WHERE email ~* '@example\.com$'

SELECT id FROM customers WHERE email IS NOT NULL AND name IS DISTINCT FROM email

SELECT id, name FROM customers WHERE name SIMILAR TO '(A|B)%'

SELECT id FROM orders WHERE amount > (SELECT avg(amount) FROM orders)

SELECT id FROM orders WHERE amount >= ALL (SELECT amount FROM orders)

SELECT id FROM orders WHERE customer_id IN (1, 2, 3) AND status NOT IN ('cancelled', 'refunded')

SELECT * FROM orders WHERE (status, customer_id) = ('paid', 5)

SELECT sum(amount) / nullif(count(*), 0) AS avg_ticket FROM orders WHERE created_at >= $1

SELECT 100.0 * count(*) FILTER (WHERE status = 'cancelled') / count(*) AS cancel_rate FROM orders

SELECT date_part('dow', created_at) AS dow, count(*) FROM orders GROUP BY 1 ORDER BY 1

SELECT customer_id, min(created_at) AS first_order, max(created_at) AS last_order FROM orders GROUP BY customer_id

WITH firsts AS (SELECT customer_id, min(created_at) AS first_at FROM orders GROUP BY customer_id)
SELECT date_trunc('month', first_at) AS cohort, count(*) FROM firsts GROUP BY 1 ORDER BY 1

WITH a AS (SELECT id FROM customers), b AS (SELECT customer_id FROM orders)
SELECT count(*) FROM a JOIN b ON b.customer_id = a.id

SELECT p.name, coalesce(s.units, 0) FROM products p LEFT JOIN (
  SELECT product_id, sum(quantity) AS units FROM order_items GROUP BY product_id) s ON s.product_id = p.id

SELECT * FROM employees WHERE department = 'sales' ORDER BY name

SELECT id, name FROM employees WHERE manager_id = $1

SELECT e.department, count(*) FILTER (WHERE e.manager_id IS NULL) AS heads FROM employees e GROUP BY e.department

SELECT now(), current_timestamp, current_date

SELECT 1

SELECT $1::int + 1

SELECT id, name FROM products WHERE price > 10 ORDER BY price ASC, name DESC

SELECT id FROM products WHERE price IS NULL

SELECT count(*), category FROM products WHERE name NOT LIKE '%test%' GROUP BY category HAVING count(*) >= 2

SELECT p.* FROM products p WHERE p.id = $1

SELECT o.id, json_build_object('id', o.id, 'amount', o.amount) FROM orders o WHERE o.id = $1

SELECT row_to_json(c) FROM customers c WHERE c.id = $1

SELECT id, amount, ntile(4) OVER (ORDER BY amount) AS quartile FROM orders

SELECT id, amount, amount - avg(amount) OVER () AS diff FROM orders

SELECT id, first_value(amount) OVER (PARTITION BY customer_id ORDER BY created_at) FROM orders

SELECT id FROM orders ORDER BY created_at DESC, id DESC LIMIT $1 OFFSET $2

SELECT id FROM orders WHERE created_at < $1 OR (created_at = $1 AND id < $2) ORDER BY created_at DESC, id DESC LIMIT 50

SELECT c.name, sum(o.amount) FILTER (WHERE o.status = 'paid') AS paid FROM customers c JOIN orders o ON o.customer_id = c.id GROUP BY c.name

SELECT *, amount * 1.2 AS gross FROM orders WHERE id = 7

SELECT count(*) FROM (SELECT DISTINCT customer_id FROM orders) AS d

SELECT x.status, x.n FROM (SELECT status, count(*) AS n FROM orders GROUP BY status) x ORDER BY x.n DESC

SELECT i.order_id, sum(i.quantity * i.price) AS total FROM order_items i GROUP BY i.order_id HAVING count(*) > 1

SELECT coalesce(c.name, '(none)') AS customer, o.amount FROM orders o LEFT OUTER JOIN customers c ON c.id = o.customer_id WHERE o.amount > 100

SELECT id, created_at AT TIME ZONE 'UTC' AS utc FROM orders

SELECT id, created_at + interval '1 day' AS due FROM orders WHERE status = 'open'

SELECT age(now(), created_at) FROM customers

SELECT id FROM customers WHERE created_at::date = current_date

SELECT id, E'line\nbreak' AS note FROM products

SELECT id, $$raw 'text'$$ AS note FROM products

SELECT "id", "name" FROM "products" WHERE "category" = 'x'

SELECT Id, NAME FROM Products

SELECT public.orders.id FROM public.orders WHERE public.orders.amount > 5

TABLE products

VALUES (1), (2)

SELECT * FROM customers c WHERE c.id = ANY (ARRAY[1, 2, 3])
