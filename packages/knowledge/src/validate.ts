// Checks the knowledge base and prints its size: `node packages/knowledge/src/validate.ts`.
import { readEvidence } from './evidence.ts';
import { readKnowledge } from './load.ts';

const { data, problems } = readKnowledge();
const evidence = readEvidence(undefined, data);
problems.push(...evidence.problems);
for (const [key, rows] of Object.entries(data)) process.stdout.write(`${key.padEnd(16)} ${rows.length}\n`);
const medicines = data.agents.filter((a) => a.kind === 'medicine').length;
process.stdout.write(
  `  (medicines ${medicines}, herbs/supplements/foods ${data.agents.length - medicines})\n`,
);
process.stdout.write(`${'evidence'.padEnd(16)} ${evidence.rows.length}\n`);
if (problems.length) {
  process.stdout.write(`\n${problems.length} problem(s):\n${problems.map((p) => `  ${p}`).join('\n')}\n`);
  process.exit(1);
}
process.stdout.write('\nNo problems.\n');
