// In-process speed of the safety engine: a 25-item regimen (medicines, supplements, therapies,
// conditions) resolved and checked, repeated; reports the median and p99 per check.
// Not part of `npm test`. Usage: node bench/safety-in-process.ts  (also run by npm run bench)
import fs from 'node:fs';
import path from 'node:path';
import { safetyCheck } from '@meridian/domain';
import { safetyIndex } from '@meridian/knowledge';
import { regimen25, variedRegimens } from './regimen25.ts';

const index = safetyIndex();
const rounds = 2000;
for (let i = 0; i < 200; i++) safetyCheck(index, regimen25); // warm-up
const times: number[] = [];
let findings = 0;
for (let i = 0; i < rounds; i++) {
  const t0 = performance.now();
  findings = safetyCheck(index, regimen25).findings.length;
  times.push(performance.now() - t0);
}
times.sort((a, b) => a - b);
const median = times[Math.floor(rounds / 2)]!;
const p99 = times[Math.floor(rounds * 0.99)]!;

// Regimens never checked before in this process: pairs not yet known to the engine's per-pair memo.
const varied = variedRegimens(
  index.knowledge.agents.map((a) => a.name),
  rounds,
);
const variedTimes: number[] = [];
for (const regimen of varied) {
  const t0 = performance.now();
  safetyCheck(index, regimen);
  variedTimes.push(performance.now() - t0);
}
variedTimes.sort((a, b) => a - b);
const variedMedian = variedTimes[Math.floor(rounds / 2)]!;
const variedP99 = variedTimes[Math.floor(rounds * 0.99)]!;
const result = {
  at: new Date().toISOString(),
  items: regimen25.length,
  rounds,
  findings,
  medianMs: median,
  p99Ms: p99,
  variedMedianMs: variedMedian,
  variedP99Ms: variedP99,
  node: process.version,
};
const dir = path.join(import.meta.dirname, 'results');
fs.mkdirSync(dir, { recursive: true });
fs.writeFileSync(path.join(dir, 'safety-in-process.json'), `${JSON.stringify(result, null, 2)}\n`);
process.stdout.write(
  `\n# Safety engine in process\n\n${regimen25.length} items, ${findings} findings, ${rounds} checks: median ${median.toFixed(3)} ms, p99 ${p99.toFixed(3)} ms (target: median < 2 ms)\n${rounds} different regimens of the same shape, each checked once: median ${variedMedian.toFixed(3)} ms, p99 ${variedP99.toFixed(3)} ms\n`,
);
