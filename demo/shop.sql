-- Sample upstream for the demo: a multi-tenant shop (deterministic: no random()).
CREATE TABLE public.customers (
  id int PRIMARY KEY, tenant text NOT NULL, name text NOT NULL, email text NOT NULL, phone text, ssn text,
  country text NOT NULL, created_at timestamptz NOT NULL);
CREATE TABLE public.products (id int PRIMARY KEY, tenant text NOT NULL, name text NOT NULL, price numeric(10,2) NOT NULL);
CREATE TABLE public.orders (
  id int PRIMARY KEY, tenant text NOT NULL, customer_id int NOT NULL REFERENCES public.customers,
  product_id int NOT NULL REFERENCES public.products, quantity int NOT NULL, amount numeric(12,2) NOT NULL,
  status text NOT NULL, ordered_at timestamptz NOT NULL);
CREATE TABLE public.payments (
  id int PRIMARY KEY, tenant text NOT NULL, order_id int NOT NULL REFERENCES public.orders, card_last4 text NOT NULL,
  paid_at timestamptz NOT NULL);
CREATE SCHEMA hr;
CREATE TABLE hr.employees (id int PRIMARY KEY, tenant text NOT NULL, name text NOT NULL, department text NOT NULL,
  salary numeric(10,2) NOT NULL, manager_id int);

INSERT INTO public.customers
SELECT g, CASE WHEN g % 2 = 0 THEN 'acme' ELSE 'globex' END,
       'Customer ' || g, 'customer' || g || '@' || CASE WHEN g % 2 = 0 THEN 'acme' ELSE 'globex' END || '.example',
       '+1-555-' || lpad((g * 7919 % 10000)::text, 4, '0'),
       lpad((g * 104729 % 1000)::text, 3, '0') || '-' || lpad((g * 31 % 100)::text, 2, '0') || '-' || lpad((g * 17 % 10000)::text, 4, '0'),
       (ARRAY['US','DE','FR','JP','BR'])[1 + g % 5], timestamptz '2024-01-01' + (g || ' hours')::interval
FROM generate_series(1, 20000) g;
INSERT INTO public.products
SELECT g, CASE WHEN g % 2 = 0 THEN 'acme' ELSE 'globex' END, 'Product ' || g, round((5 + (g * 37 % 500))::numeric + 0.99, 2)
FROM generate_series(1, 400) g;
INSERT INTO public.orders
SELECT g, c.tenant, c.id, p.id, 1 + g % 5, round(p.price * (1 + g % 5), 2),
       (ARRAY['new','paid','shipped','returned'])[1 + (g / 3) % 4], timestamptz '2024-06-01' + (g || ' minutes')::interval
FROM generate_series(1, 150000) g
JOIN public.customers c ON c.id = 1 + (g * 7 % 20000)
JOIN public.products p ON p.id = CASE WHEN c.tenant = 'acme' THEN 2 * (1 + g % 200) ELSE 2 * (1 + g % 200) - 1 END;
INSERT INTO public.payments
SELECT o.id, o.tenant, o.id, lpad((o.id * 13 % 10000)::text, 4, '0'), o.ordered_at + interval '5 minutes'
FROM public.orders o WHERE o.status <> 'new';
INSERT INTO hr.employees
SELECT g, CASE WHEN g % 2 = 0 THEN 'acme' ELSE 'globex' END, 'Employee ' || g,
       (ARRAY['sales','support','engineering','finance'])[1 + g % 4], 40000 + (g * 977 % 90000), NULLIF(g / 10, 0)
FROM generate_series(1, 500) g;
CREATE INDEX ON public.orders (tenant, ordered_at);
CREATE INDEX ON public.orders (customer_id);
ANALYZE;
CREATE ROLE br_upstream LOGIN PASSWORD 'demo-upstream-password';
GRANT USAGE ON SCHEMA hr TO br_upstream;
GRANT SELECT ON ALL TABLES IN SCHEMA public, hr TO br_upstream;
