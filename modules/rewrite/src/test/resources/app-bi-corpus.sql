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

SELECT date_trunc('week', created_at) AS week, count(*) AS orders, sum(amount) AS revenue
FROM orders WHERE status = 'paid' GROUP BY 1 ORDER BY 1

SELECT date_trunc('day', created_at)::date AS day, count(DISTINCT customer_id) AS buyers FROM orders GROUP BY 1 ORDER BY 1

SELECT date_trunc('month', created_at) AS month, status, count(*) FROM orders GROUP BY 1, 2 ORDER BY 1, 2

SELECT date_trunc('month', created_at) AS month, sum(amount) AS revenue
FROM orders GROUP BY 1 HAVING count(*) > 100 ORDER BY revenue DESC

SELECT extract(hour FROM created_at) AS hour, count(*), round(avg(amount), 2) AS avg_amount
FROM orders GROUP BY 1 ORDER BY 1

SELECT to_char(paid_at, 'YYYY-MM-DD') AS day, method, sum(amount) FROM payments GROUP BY 1, 2 ORDER BY 1, 2

SELECT date_trunc('month', c.created_at) AS signup_month, count(*) AS signups FROM customers c GROUP BY 1 ORDER BY 1

SELECT date_trunc('quarter', created_at) AS quarter, sum(amount) FILTER (WHERE status = 'paid') AS paid,
  sum(amount) FILTER (WHERE status = 'cancelled') AS cancelled FROM orders GROUP BY 1 ORDER BY 1

SELECT p.category, date_trunc('month', o.created_at) AS month, sum(i.quantity * i.price) AS revenue
FROM order_items i JOIN orders o ON o.id = i.order_id JOIN products p ON p.id = i.product_id
GROUP BY p.category, date_trunc('month', o.created_at) ORDER BY 2, 1

SELECT customer_id, count(*) AS n, sum(amount) AS total FROM orders
WHERE created_at >= timestamptz '2024-01-15' AND created_at < timestamptz '2024-02-15'
GROUP BY customer_id HAVING sum(amount) > 5000 ORDER BY total DESC, customer_id

WITH firsts AS (
  SELECT customer_id, date_trunc('month', min(created_at)) AS cohort FROM orders GROUP BY customer_id
), activity AS (
  SELECT DISTINCT o.customer_id, date_trunc('month', o.created_at) AS active_month FROM orders o
)
SELECT f.cohort, a.active_month, count(*) AS active_customers
FROM firsts f JOIN activity a ON a.customer_id = f.customer_id GROUP BY 1, 2 ORDER BY 1, 2

WITH cohort AS (
  SELECT c.id, date_trunc('month', c.created_at) AS signup FROM customers c
)
SELECT signup, count(DISTINCT cohort.id) AS customers, count(DISTINCT o.customer_id) AS buyers,
  round(100.0 * count(DISTINCT o.customer_id) / count(DISTINCT cohort.id), 1) AS conversion
FROM cohort LEFT JOIN orders o ON o.customer_id = cohort.id GROUP BY signup ORDER BY signup

WITH steps AS (
  SELECT count(DISTINCT c.id) AS signed_up,
         count(DISTINCT o.customer_id) AS ordered,
         count(DISTINCT CASE WHEN p.id IS NOT NULL THEN o.customer_id END) AS paid
  FROM customers c LEFT JOIN orders o ON o.customer_id = c.id LEFT JOIN payments p ON p.order_id = o.id
)
SELECT signed_up, ordered, paid, round(100.0 * paid / nullif(signed_up, 0), 1) AS funnel_pct FROM steps

SELECT 'orders' AS step, count(DISTINCT customer_id) AS users FROM orders
UNION ALL
SELECT 'paid', count(DISTINCT o.customer_id) FROM orders o JOIN payments p ON p.order_id = o.id
ORDER BY users DESC

WITH per_customer AS (SELECT customer_id, count(*) AS n FROM orders GROUP BY customer_id)
SELECT CASE WHEN n = 1 THEN 'one-time' WHEN n < 5 THEN 'occasional' ELSE 'loyal' END AS segment, count(*)
FROM per_customer GROUP BY 1 ORDER BY 1

WITH ordered AS (
  SELECT customer_id, created_at, lag(created_at) OVER (PARTITION BY customer_id ORDER BY created_at) AS prev_at
  FROM orders
)
SELECT customer_id, avg(created_at - prev_at) AS avg_gap FROM ordered WHERE prev_at IS NOT NULL
GROUP BY customer_id ORDER BY customer_id

SELECT id, customer_id, amount, sum(amount) OVER (PARTITION BY customer_id ORDER BY created_at) AS lifetime_value
FROM orders WHERE customer_id = 7

SELECT id, amount, avg(amount) OVER (ORDER BY created_at ROWS BETWEEN 6 PRECEDING AND CURRENT ROW) AS moving_avg
FROM orders WHERE customer_id = 3 ORDER BY created_at

SELECT id, name, price, rank() OVER (PARTITION BY category ORDER BY price DESC) AS price_rank FROM products

SELECT category, name, price FROM (
  SELECT category, name, price, dense_rank() OVER (PARTITION BY category ORDER BY price DESC) AS r FROM products
) t WHERE r <= 3 ORDER BY category, r

SELECT id, amount, percent_rank() OVER (ORDER BY amount) AS pr, cume_dist() OVER (ORDER BY amount) AS cd
FROM orders WHERE customer_id = 11

SELECT customer_id, total, ntile(10) OVER (ORDER BY total DESC, customer_id) AS decile
FROM (SELECT customer_id, sum(amount) AS total FROM orders GROUP BY customer_id) s

SELECT id, created_at, amount, amount - lag(amount, 1, 0) OVER (ORDER BY created_at) AS change
FROM orders WHERE customer_id = 2

SELECT id, paid_at, lead(paid_at) OVER (PARTITION BY order_id ORDER BY paid_at) - paid_at AS until_next FROM payments

SELECT DISTINCT customer_id, last_value(amount) OVER (PARTITION BY customer_id ORDER BY created_at
  ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS latest_amount FROM orders

SELECT id, nth_value(amount, 2) OVER (PARTITION BY customer_id ORDER BY created_at
  ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS second_amount FROM orders WHERE customer_id < 4

SELECT customer_id, amount, 100.0 * amount / sum(amount) OVER (PARTITION BY customer_id) AS share
FROM orders WHERE customer_id BETWEEN 10 AND 12

SELECT id, method, amount, count(*) OVER (PARTITION BY method) AS per_method,
  sum(amount) OVER (PARTITION BY method ORDER BY paid_at) AS method_running FROM payments

SELECT month, revenue, sum(revenue) OVER (ORDER BY month) AS cumulative FROM (
  SELECT date_trunc('month', created_at) AS month, sum(amount) AS revenue FROM orders GROUP BY 1) m

WITH daily AS (
  SELECT date_trunc('day', created_at) AS d, sum(amount) AS revenue FROM orders GROUP BY 1
), ranked AS (
  SELECT d, revenue, row_number() OVER (ORDER BY revenue DESC, d) AS rn FROM daily
)
SELECT d, revenue FROM ranked WHERE rn <= 5 ORDER BY rn

WITH paid AS (
  SELECT o.id, o.customer_id, o.amount FROM orders o WHERE o.status = 'paid'
), per_customer AS (
  SELECT customer_id, count(*) AS n, sum(amount) AS total FROM paid GROUP BY customer_id
), enriched AS (
  SELECT c.name, pc.n, pc.total FROM per_customer pc JOIN customers c ON c.id = pc.customer_id
)
SELECT name, n, total, round(total / n, 2) AS avg_order FROM enriched ORDER BY total DESC, name LIMIT 10

WITH item_totals AS (
  SELECT order_id, sum(quantity * price) AS items_total, sum(quantity) AS units FROM order_items GROUP BY order_id
)
SELECT o.id, o.amount, t.items_total, t.units FROM orders o JOIN item_totals t ON t.order_id = o.id
WHERE t.units >= 3 ORDER BY o.id LIMIT 25

WITH RECURSIVE chain(id, manager_id, path) AS (
  SELECT id, manager_id, name FROM employees WHERE id = 12
  UNION ALL
  SELECT e.id, e.manager_id, chain.path || ' > ' || e.name FROM employees e JOIN chain ON e.id = chain.manager_id
)
SELECT path FROM chain WHERE manager_id IS NULL

WITH RECURSIVE reports(id) AS (
  SELECT id FROM employees WHERE manager_id = 1
  UNION
  SELECT e.id FROM employees e JOIN reports r ON e.manager_id = r.id
)
SELECT count(*) FROM reports

SELECT p.id, p.name FROM products p WHERE NOT EXISTS (SELECT 1 FROM order_items i WHERE i.product_id = p.id)

SELECT o.id, o.amount FROM orders o WHERE o.status = 'paid'
AND NOT EXISTS (SELECT 1 FROM payments p WHERE p.order_id = o.id) ORDER BY o.id LIMIT 20

SELECT c.id, c.name FROM customers c WHERE c.id IN (
  SELECT o.customer_id FROM orders o JOIN order_items i ON i.order_id = o.id
  JOIN products p ON p.id = i.product_id WHERE p.category = 'garden')

SELECT id, name FROM products WHERE id NOT IN (SELECT product_id FROM order_items WHERE product_id IS NOT NULL)

SELECT c.id FROM customers c WHERE EXISTS (
  SELECT 1 FROM orders o WHERE o.customer_id = c.id AND o.status = 'paid')
AND NOT EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = c.id AND o.status = 'cancelled')

SELECT p.id, p.name FROM products p LEFT JOIN order_items i ON i.product_id = p.id WHERE i.id IS NULL

SELECT o.id FROM orders o LEFT JOIN payments p ON p.order_id = o.id
WHERE p.id IS NULL AND o.status = 'paid' ORDER BY o.id LIMIT 100

SELECT o.id, o.amount FROM orders o WHERE o.amount > (
  SELECT avg(o2.amount) FROM orders o2 WHERE o2.customer_id = o.customer_id) AND o.customer_id = 5

SELECT e.name AS employee, m.name AS manager, mm.name AS skip_level FROM employees e
LEFT JOIN employees m ON m.id = e.manager_id LEFT JOIN employees mm ON mm.id = m.manager_id ORDER BY e.id

SELECT m.name, count(e.id) AS direct_reports FROM employees m JOIN employees e ON e.manager_id = m.id
GROUP BY m.name ORDER BY direct_reports DESC, m.name

SELECT a.id AS first_order, b.id AS next_order FROM orders a JOIN orders b
ON b.customer_id = a.customer_id AND b.created_at > a.created_at AND b.created_at < a.created_at + interval '1 day'
WHERE a.customer_id = 9

SELECT p1.name, p2.name FROM products p1 JOIN products p2 ON p1.category = p2.category AND p1.id < p2.id
WHERE p1.category = 'toys'

SELECT i1.product_id AS a, i2.product_id AS b, count(*) AS together FROM order_items i1
JOIN order_items i2 ON i2.order_id = i1.order_id AND i2.product_id > i1.product_id
GROUP BY 1, 2 ORDER BY together DESC, a, b LIMIT 10

SELECT name, email FROM customers WHERE created_at >= timestamptz '2024-02-01'
UNION
SELECT c.name, c.email FROM customers c JOIN orders o ON o.customer_id = c.id WHERE o.amount > 900

SELECT customer_id FROM orders WHERE status = 'paid'
INTERSECT
SELECT customer_id FROM orders WHERE status = 'cancelled'

SELECT o.customer_id FROM orders o
EXCEPT
SELECT o.customer_id FROM orders o JOIN payments p ON p.order_id = o.id

SELECT product_id FROM order_items EXCEPT ALL SELECT id FROM products

SELECT name FROM products WHERE category = 'tools' UNION ALL SELECT name FROM products WHERE price > 60 ORDER BY 1

SELECT 'customer' AS kind, id, name FROM customers WHERE name ILIKE 'cust1%'
UNION ALL
SELECT 'employee', id, name FROM employees WHERE name ILIKE 'emp1%'

SELECT customer_id,
  sum(CASE WHEN status = 'paid' THEN amount ELSE 0 END) AS paid,
  sum(CASE WHEN status = 'open' THEN amount ELSE 0 END) AS open,
  sum(CASE WHEN status = 'cancelled' THEN amount ELSE 0 END) AS cancelled
FROM orders GROUP BY customer_id ORDER BY customer_id

SELECT p.category,
  count(*) FILTER (WHERE o.status = 'paid') AS paid_lines,
  count(*) FILTER (WHERE o.status = 'open') AS open_lines
FROM order_items i JOIN orders o ON o.id = i.order_id JOIN products p ON p.id = i.product_id GROUP BY p.category

SELECT department, count(CASE WHEN manager_id IS NULL THEN 1 END) AS top_level,
  count(CASE WHEN manager_id IS NOT NULL THEN 1 END) AS managed FROM employees GROUP BY department

SELECT method, sum(CASE WHEN extract(dow FROM paid_at) IN (0, 6) THEN amount ELSE 0 END) AS weekend,
  sum(CASE WHEN extract(dow FROM paid_at) BETWEEN 1 AND 5 THEN amount ELSE 0 END) AS weekday
FROM payments GROUP BY method

SELECT c.id, coalesce(nullif(trim(c.name), ''), c.email, '(anonymous)') AS display_name FROM customers c

SELECT o.id, coalesce(sum(p.amount), 0) AS paid, o.amount - coalesce(sum(p.amount), 0) AS due,
  round(100 * coalesce(sum(p.amount), 0) / nullif(o.amount, 0), 1) AS pct
FROM orders o LEFT JOIN payments p ON p.order_id = o.id WHERE o.id <= 50 GROUP BY o.id, o.amount

SELECT id, initcap(name) AS name, lower(split_part(email, '@', 1)) AS login, left(name, 1) || '.' AS initial FROM customers

SELECT id, concat_ws(' / ', name, email) AS label, char_length(email) AS len FROM customers WHERE position('@' IN email) > 0

SELECT id, regexp_replace(email, '^[^@]+', '***') AS masked_email FROM customers

SELECT id, lpad(id::text, 6, '0') AS code, rpad(name, 12, '.') AS padded FROM products

SELECT id, format('%s (%s)', name, category) AS label FROM products ORDER BY id

SELECT id, reverse(name), repeat('*', length(name)) FROM products WHERE starts_with(name, 'Widget 1')

SELECT id, substr(email, strpos(email, '@') + 1) AS domain, md5(email) AS email_hash FROM customers

SELECT id, translate(name, 'aeiou', 'AEIOU'), btrim(name, 'c') FROM customers

SELECT category, string_agg(name, ', ' ORDER BY name) AS names FROM products GROUP BY category ORDER BY category

SELECT category, count(*) FROM products WHERE lower(name) LIKE 'widget 2%' GROUP BY category

SELECT id, name FROM customers ORDER BY name, id LIMIT 10 OFFSET 10

SELECT id, amount FROM orders WHERE status = 'open' ORDER BY amount DESC, id LIMIT 5

SELECT id, paid_at FROM payments ORDER BY paid_at DESC LIMIT 10 OFFSET 5

SELECT name, price FROM products ORDER BY price DESC NULLS LAST, name OFFSET 3 LIMIT 3

SELECT DISTINCT ON (method) method, id, amount FROM payments ORDER BY method, amount DESC, id

SELECT DISTINCT ON (p.category) p.category, p.name, p.price FROM products p ORDER BY p.category, p.price

SELECT DISTINCT ON (o.customer_id) o.customer_id, o.id AS biggest_order, o.amount
FROM orders o WHERE o.status <> 'cancelled' ORDER BY o.customer_id, o.amount DESC, o.id

SELECT DISTINCT ON (i.order_id) i.order_id, p.name FROM order_items i JOIN products p ON p.id = i.product_id
ORDER BY i.order_id, i.price DESC, p.id

SELECT o.id, o.status, o.amount FROM orders o WHERE o.customer_id = $1 AND o.status = $2 ORDER BY o.created_at DESC LIMIT $3

SELECT count(*) AS n, coalesce(sum(amount), 0) AS total FROM orders WHERE customer_id = $1 AND created_at >= $2

SELECT p.id, p.name, p.price FROM products p WHERE p.category = ANY($1) ORDER BY p.price LIMIT 20

SELECT e.id, e.name FROM employees e WHERE e.department = $1 AND e.name ILIKE $2 || '%'

SELECT json_build_object('customer', c.name, 'orders', count(o.id), 'total', coalesce(sum(o.amount), 0)) AS doc
FROM customers c LEFT JOIN orders o ON o.customer_id = c.id GROUP BY c.id, c.name

SELECT o.id, jsonb_build_object('status', o.status, 'amount', o.amount) ->> 'status' AS status FROM orders o WHERE o.id < 20

SELECT i.order_id, json_agg(json_build_object('product', i.product_id, 'qty', i.quantity) ORDER BY i.id) AS lines
FROM order_items i WHERE i.order_id < 40 GROUP BY i.order_id

SELECT category, jsonb_agg(name ORDER BY id) AS products FROM products GROUP BY category

SELECT c.id, jsonb_build_array(c.name, c.email) AS pair FROM customers c ORDER BY c.id LIMIT 5

SELECT method, json_object_agg(id, amount ORDER BY id) FROM payments WHERE id <= 10 GROUP BY method

SELECT id, to_jsonb(p) - 'price' AS doc FROM products p WHERE id < 5

SELECT u.status, count(*) FROM orders o, unnest(ARRAY[o.status]) AS u(status) GROUP BY u.status

SELECT d::date AS day, count(o.id) AS orders FROM generate_series(timestamptz '2024-01-01', timestamptz '2024-01-10', interval '1 day') AS d
LEFT JOIN orders o ON o.created_at >= d AND o.created_at < d + interval '1 day' GROUP BY d ORDER BY d

SELECT width_bucket(amount, 0, 1000, 10) AS bucket, count(*) FROM orders GROUP BY 1 ORDER BY 1

SELECT date_bin(interval '6 hours', created_at, timestamptz '2024-01-01') AS slot, count(*) FROM orders
WHERE created_at < timestamptz '2024-01-05' GROUP BY 1 ORDER BY 1

SELECT category, mode() WITHIN GROUP (ORDER BY name) AS first_name, percentile_disc(0.9) WITHIN GROUP (ORDER BY price) AS p90
FROM products GROUP BY category

SELECT method, bool_and(amount > 1) AS all_above_one, bool_or(amount > 40) AS any_large FROM payments GROUP BY method

SELECT status, count(*) FROM orders GROUP BY CUBE (status) ORDER BY status NULLS FIRST

SELECT p.category, o.status, count(*), grouping(p.category, o.status) AS g FROM order_items i
JOIN orders o ON o.id = i.order_id JOIN products p ON p.id = i.product_id
GROUP BY ROLLUP (p.category, o.status) ORDER BY 1, 2

SELECT c.id, c.name, recent.n FROM customers c JOIN LATERAL (
  SELECT count(*) AS n FROM orders o WHERE o.customer_id = c.id AND o.created_at > c.created_at
) recent ON true WHERE recent.n > 0 ORDER BY c.id

SELECT c.id, top.id AS order_id, top.amount FROM customers c LEFT JOIN LATERAL (
  SELECT o.id, o.amount FROM orders o WHERE o.customer_id = c.id ORDER BY o.amount DESC, o.id LIMIT 3
) top ON true ORDER BY c.id, top.amount DESC, top.id

SELECT id, amount FROM orders WHERE amount > ANY (SELECT amount * 10 FROM payments WHERE method = 'cash') AND id < 100

SELECT id, created_at FROM customers WHERE created_at >= date_trunc('month', timestamptz '2024-02-10')
AND created_at < date_trunc('month', timestamptz '2024-02-10') + interval '1 month'

SELECT id, justify_interval(now() - created_at) AS since, extract(epoch FROM (now() - created_at)) > 86400 AS old
FROM customers WHERE id < 5

SELECT id, make_date(extract(year FROM created_at)::int, 1, 1) AS year_start FROM orders WHERE id < 5

SELECT o.id, o.created_at::date AS day, to_char(o.amount, 'FM999990.00') AS amount_text FROM orders o WHERE o.id BETWEEN 100 AND 110

SELECT abs(amount - 500) AS distance, id FROM orders WHERE customer_id = 1 ORDER BY 1, 2 LIMIT 3

SELECT floor(amount / 100) * 100 AS band, count(*), min(amount), max(amount) FROM orders GROUP BY 1 ORDER BY 1

SELECT id, ceil(price), trunc(price, 0), mod(id, 7), power(2, id % 5) FROM products

SELECT count(*) FILTER (WHERE amount IS NULL) AS missing, num_nonnulls(amount, status) FROM orders GROUP BY 2

SELECT c.name, o.id, o.amount FROM customers c JOIN orders o ON o.customer_id = c.id
WHERE (c.name, o.amount) IN (SELECT c2.name, max(o2.amount) FROM customers c2 JOIN orders o2 ON o2.customer_id = c2.id GROUP BY c2.name)
ORDER BY c.name, o.id

SELECT id, amount FROM orders WHERE status IS NOT DISTINCT FROM 'open' AND amount NOT BETWEEN 100 AND 900 AND id < 200

SELECT CASE WHEN amount >= 500 THEN 'high' ELSE 'low' END AS tier, status, count(*) FROM orders
GROUP BY 1, 2 HAVING count(*) > 10 ORDER BY 1, 2

SELECT x.customer_id, x.total, c.email FROM (
  SELECT customer_id, sum(amount) AS total FROM orders GROUP BY customer_id
) x JOIN customers c ON c.id = x.customer_id WHERE x.total > (SELECT avg(amount) * 100 FROM orders)

SELECT c.id, c.ssn, c.email FROM customers c WHERE c.id = $1

SELECT count(*) FROM order_items i WHERE EXISTS (
  SELECT 1 FROM orders o WHERE o.id = i.order_id AND o.status = 'paid' AND EXISTS (
    SELECT 1 FROM customers c WHERE c.id = o.customer_id AND c.email LIKE '%@example.com'))

-- PostgreSQL spellings Babel cannot read as written: aggregate ORDER BY, keyword labels, named windows, LATERAL
-- functions, array slices, unnest in a select list, ONLY, TABLESAMPLE.

SELECT c.id, c.name, jsonb_agg(jsonb_build_object('id', o.id, 'amount', o.amount) ORDER BY o.created_at DESC, o.id) AS recent
FROM customers c JOIN orders o ON o.customer_id = c.id WHERE c.id <= 5 GROUP BY c.id, c.name

SELECT p.category, string_agg(p.name, ', ' ORDER BY p.name) AS names, json_agg(p.price ORDER BY p.price DESC, p.id) AS prices
FROM products p GROUP BY p.category

SELECT department, json_object_agg(name, id ORDER BY id) AS ids, count(DISTINCT manager_id ORDER BY manager_id) AS managers
FROM employees GROUP BY department

SELECT o.customer_id, (array_agg(o.amount ORDER BY o.created_at DESC, o.id))[1:3] AS last_three
FROM orders o WHERE o.customer_id <= 10 GROUP BY o.customer_id

SELECT id, (string_to_array(email, '@'))[2:2] AS domain, (string_to_array(name, 't'))[:1] AS head FROM customers WHERE id < 20

SELECT date_trunc('day', created_at)::date AS date, count(*) AS value FROM orders GROUP BY 1 ORDER BY 1 LIMIT 10

SELECT id, lag(id) OVER (ORDER BY id) AS prev, lead(id) OVER (ORDER BY id) AS next FROM payments WHERE id <= 20

SELECT id, amount, sum(amount) OVER w AS running, rank() OVER w AS position FROM payments
WINDOW w AS (PARTITION BY method ORDER BY paid_at, id) ORDER BY id LIMIT 50

SELECT o.id, s.step FROM orders o, LATERAL generate_series(1, o.id % 3 + 1) AS s(step) WHERE o.id <= 12 ORDER BY o.id, s.step

SELECT c.id, part FROM customers c CROSS JOIN LATERAL regexp_split_to_table(c.email, '@') AS part WHERE c.id <= 5

SELECT id, unnest(ARRAY[name, category]) AS label FROM products WHERE id <= 4

SELECT p.id, unnest(string_to_array(p.name, ' ')) AS word FROM products p ORDER BY 1, 2

SELECT count(*) FROM ONLY orders WHERE status = 'paid'

SELECT c.name, sum(o.amount) AS total FROM ONLY customers c JOIN ONLY orders o ON o.customer_id = c.id GROUP BY c.name ORDER BY 2 DESC

SELECT count(*) FROM orders TABLESAMPLE SYSTEM (100)

SELECT status, count(*) FROM orders TABLESAMPLE BERNOULLI (10) REPEATABLE (7) GROUP BY status
