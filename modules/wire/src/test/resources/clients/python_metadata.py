# psycopg2 type loading and SQLAlchemy 1.4 dialect initialise + inspector, through the proxy; prints JSON.
import json, sys
import psycopg2, psycopg2.extras
from sqlalchemy import create_engine, inspect, text

port, user, password, db = sys.argv[1:5]
out = {}
conn = psycopg2.connect(host='127.0.0.1', port=int(port), user=user, password=password, dbname=db, sslmode='disable')
try:
    psycopg2.extras.register_hstore(conn)
    out['hstore'] = 'registered'
except psycopg2.ProgrammingError as e:
    out['hstore'] = str(e).splitlines()[0]
conn.rollback()
out['jsonb'] = [str(o) for o in psycopg2.extras.register_json(conn, name='jsonb')[0].values]
cur = conn.cursor()
cur.execute("SELECT '{\"a\": 1}'::jsonb")
out['jsonb_value'] = cur.fetchone()[0]
cur.execute("SELECT typname FROM pg_catalog.pg_type WHERE typname IN ('json', 'jsonb', 'hstore') ORDER BY 1")
out['types'] = [r[0] for r in cur.fetchall()]
conn.close()

engine = create_engine('postgresql+psycopg2://%s:%s@127.0.0.1:%s/%s?sslmode=disable' % (user, password, port, db))
with engine.connect() as c:
    out['server_version'] = list(engine.dialect.server_version_info)
    out['current_schema'] = c.execute(text('select current_schema()')).scalar()
    out['scs'] = c.execute(text('show standard_conforming_strings')).scalar()
insp = inspect(engine)
out['default_schema'] = insp.default_schema_name
out['schemas'] = insp.get_schema_names()
out['tables'] = sorted(insp.get_table_names())
out['views'] = insp.get_view_names()
out['columns'] = {t: ['%s:%s' % (col['name'], col['type']) for col in insp.get_columns(t)] for t in out['tables']}
out['has_table'] = {t: insp.has_table(t) for t in ('customers', 'orders', 'secrets', 'no_such_table')}
print(json.dumps(out, sort_keys=True))
