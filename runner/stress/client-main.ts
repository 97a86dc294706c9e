// Entry of a stress client process (forked by the coordinator with the tsx loader): IPC in, IPC out.
import { runClientProcess } from './client.ts';
import type { FromClient, ToClient } from './ipc.ts';

if (typeof process.send !== 'function') {
  process.stderr.write('runner/stress/client-main.ts is started by `livelab stress` (it needs an IPC channel)\n');
  process.exit(2);
}
const send = (m: FromClient): void => void process.send!(m);
runClientProcess(send, (fn) => process.on('message', (m) => fn(m as ToClient)));
// the coordinator going away ends the client too
process.on('disconnect', () => process.exit(0));
