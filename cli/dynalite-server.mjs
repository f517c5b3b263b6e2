// A dynalite server in its own process, so that the DynamoDB side and the CLI's side of a run use
// separate cores. Started by cli/local-dynamo.ts; prints its port on stdout; exits with its parent.
import { createRequire } from 'node:module';
import dynalite from 'dynalite';

// dynalite reads and decodes the table's description from LevelDB for every item of every request
// (a third of its reads in a local pass). Kept in memory here as JSON, decoded afresh for each read, and
// forgotten whenever any table description is written or deleted.
const require = createRequire(import.meta.url);
const dynaliteDb = require('dynalite/db');
const createStore = dynaliteDb.create;
dynaliteDb.create = (options) => {
  const store = createStore(options);
  const { tableDb } = store;
  const tables = new Map();
  let generation = 0;
  const get = tableDb.get.bind(tableDb);
  tableDb.get = (name, ...rest) => {
    const cb = rest.at(-1);
    if (typeof cb !== 'function' || rest.length > 1) return get(name, ...rest);
    const cached = tables.get(name);
    if (cached !== undefined) return process.nextTick(cb, null, JSON.parse(cached));
    const seen = generation;
    return get(name, (err, table) => {
      if (!err && table?.TableStatus === 'ACTIVE' && seen === generation) tables.set(name, JSON.stringify(table));
      cb(err, table);
    });
  };
  for (const method of ['put', 'del', 'batch']) {
    const write = tableDb[method]?.bind(tableDb);
    if (!write) continue;
    tableDb[method] = (...args) => {
      generation++;
      tables.clear();
      return write(...args);
    };
  }
  return store;
};

const dir = process.argv[2];
const server = dynalite({ ...(dir ? { path: dir } : {}), createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
server.on('error', (err) => {
  process.stderr.write(`dynalite: ${err.message}\n`);
  process.exit(1);
});
server.listen(0, '127.0.0.1', () => process.stdout.write(`${server.address().port}\n`));
const close = () => server.close(() => process.exit(0));
process.on('SIGTERM', close);
process.on('disconnect', close);
// Never outlive the parent, even if it is killed without a chance to stop us.
const parent = process.ppid;
setInterval(() => {
  try {
    process.kill(parent, 0);
  } catch {
    process.exit(0);
  }
}, 1000).unref();
