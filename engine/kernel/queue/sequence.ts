// One insertion counter per run, shared by every queue of that run, so that (time, seq) is a total
// order across queues: two events at the same virtual time fire in the order they were scheduled.
export class Sequence {
  n = 0;
}
