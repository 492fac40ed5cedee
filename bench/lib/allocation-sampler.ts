/**
 * Preloaded into a server by bench/allocation-profile.ts (node --import): V8's sampling heap
 * profiler, told to keep the objects that minor and major collections free, so it samples what
 * is allocated rather than what survives. The first SIGUSR2 starts it, the second writes the
 * profile to $ALLOCATION_PROFILE (a .heapprofile, which Chrome's DevTools open).
 */
import { renameSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';

const out = process.env.ALLOCATION_PROFILE;
if (!out) throw new Error('allocation-sampler: set ALLOCATION_PROFILE to the file to write');
const session = new Session();
session.connect();
let sampling = false;

process.on('SIGUSR2', () => {
  const step = sampling
    ? session.post('HeapProfiler.stopSampling').then(({ profile }) => {
        // Under another name first: the tool waits for `out`, and must not read it half written.
        writeFileSync(`${out}.partial`, JSON.stringify(profile));
        renameSync(`${out}.partial`, out);
        process.stderr.write(`allocation-sampler: wrote ${out}\n`);
      })
    : session
        .post('HeapProfiler.enable')
        .then(() =>
          session.post('HeapProfiler.startSampling', {
            samplingInterval: 4096,
            includeObjectsCollectedByMajorGC: true,
            includeObjectsCollectedByMinorGC: true,
          }),
        )
        .then(() => process.stderr.write('allocation-sampler: sampling\n'));
  sampling = !sampling;
  step.catch((error: unknown) => process.stderr.write(`allocation-sampler: ${String(error)}\n`));
});
