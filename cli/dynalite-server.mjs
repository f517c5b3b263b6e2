// A dynalite server in its own process, so that the DynamoDB side and the CLI's side of a run use
// separate cores. Started by cli/local-dynamo.ts; prints its port on stdout; exits with its parent.
import dynalite from 'dynalite';

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
