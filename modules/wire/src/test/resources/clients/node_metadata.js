// node-postgres: metadata-ish queries with bound parameters (extended protocol) and field descriptions; prints JSON.
const { Client } = require('pg');
const [port, user, password, database] = process.argv.slice(2);
(async () => {
  const c = new Client({ host: '127.0.0.1', port: Number(port), user, password, database, ssl: false });
  await c.connect();
  const out = {};
  let r = await c.query('SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY 1', ['public']);
  out.tables = r.rows.map((x) => x.table_name);
  r = await c.query('SELECT a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod) AS type FROM pg_catalog.pg_attribute a'
    + ' JOIN pg_catalog.pg_class c ON c.oid = a.attrelid WHERE c.relname = $1 AND a.attnum > 0 ORDER BY a.attnum', ['orders']);
  out.orderColumns = r.rows.map((x) => x.attname + ':' + x.type);
  r = await c.query('SELECT typname FROM pg_catalog.pg_type WHERE oid = $1', [1700]);
  out.type1700 = r.rows.map((x) => x.typname);
  r = await c.query('SELECT count(*)::int AS n FROM pg_catalog.pg_stat_activity');
  out.activity = r.rows[0].n;
  try {
    r = await c.query('SELECT * FROM orders ORDER BY id LIMIT 1');
    out.orderFields = r.fields.map((f) => f.name + ':' + f.dataTypeID);
  } catch (e) { out.orderFields = e.code; }
  try {
    await c.query('SELECT c.relname, o.id FROM pg_catalog.pg_class c, orders o');
    out.mixed = 'answered';
  } catch (e) { out.mixed = e.code + '|' + e.hint; }
  console.log(JSON.stringify(out));
  await c.end();
})().catch((e) => { console.error(e); process.exit(1); });
