# psqlODBC (unixODBC + pyodbc): SQLTables, SQLColumns and SQLPrimaryKeys through the proxy; prints JSON.
import json, sys
import pyodbc

port, user, password, db = sys.argv[1:5]
c = pyodbc.connect('DRIVER={PostgreSQL Unicode};SERVER=127.0.0.1;PORT=%s;DATABASE=%s;UID=%s;PWD=%s;SSLmode=disable'
                   % (port, db, user, password), autocommit=True)
cur = c.cursor()
out = {'tables': sorted(r.table_name for r in cur.tables(schema='public', tableType='TABLE'))}
out['columns'] = {t: [r.column_name for r in cur.columns(table=t, schema='public')] for t in out['tables']}
out['primary_keys'] = {t: [[r.column_name, r.key_seq, r.pk_name] for r in cur.primaryKeys(t, schema='public')]
                     for t in ('customers', 'orders', 'secrets')}
print(json.dumps(out, sort_keys=True))
