// Worker-thread entry: registers the TypeScript loader in this thread, then imports the real module
// (Node 20 loads a worker's entry before --import hooks apply, so the entry itself must be JavaScript).
import { register } from 'tsx/esm/api';
import { workerData } from 'node:worker_threads';

register();
await import(workerData.entry);
