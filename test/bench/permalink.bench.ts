/**
 * permalink-ms (DESIGN.md 7.3): Node, pure functions. A workshop of 50 areas of 200 vertices and
 * 5 scenes → share link (JSON, raw DEFLATE, base64url) → restored state (inflate, JSON, every part
 * checked as a restore checks it). Median of several runs; the link's length goes to the log.
 */
import { encodeShareFragment, MAX_SHARE_LINK_CHARS } from '../../src/core/session/share-link';
import { readShareFragment } from '../../src/state/workshop-schema';
import { syntheticWorkshop } from '../support/synthetic-workshop';
import { type Benchmark, median } from './bench-kit';

export const benchmarks: Benchmark[] = [
  {
    name: 'permalink-ms',
    async run({ log }) {
      const workshop = syntheticWorkshop(50, 200, 5);
      const times: number[] = [];
      let length = 0;
      const warmUp = 3;
      const runs = 15;
      for (let i = 0; i < warmUp + runs; i++) {
        const start = performance.now();
        const fragment = encodeShareFragment(workshop);
        const read = readShareFragment(fragment);
        const elapsed = performance.now() - start;
        if (!read.ok) throw new Error(`link not read back: ${read.error.code}`);
        const restored = read.value.workshop;
        if (restored.areas.length !== 50 || restored.scenes.length !== 5) {
          throw new Error('restored state incomplete');
        }
        length = fragment.length;
        if (i >= warmUp) times.push(elapsed);
      }
      log(
        `permalink: 50 areas x 200 vertices, 5 scenes: fragment ${length} characters ` +
          `(${length > MAX_SHARE_LINK_CHARS ? 'over' : 'within'} the link limit of ${MAX_SHARE_LINK_CHARS}: ` +
          `${length > MAX_SHARE_LINK_CHARS ? 'the app offers the workshop file' : 'shareable as a link'})`,
      );
      return [
        {
          name: 'permalink-ms',
          value: median(times),
          unit: 'ms',
          baseline: null,
          note: 'workshop → link → restored state, median',
          target: '< 100 ms',
        },
      ];
    },
  },
];
