// Checks the knowledge base and prints its size: `node packages/knowledge/src/validate.ts`.
import { readKnowledge } from './load.ts';

const { data, problems } = readKnowledge();
for (const [key, rows] of Object.entries(data)) process.stdout.write(`${key.padEnd(16)} ${rows.length}\n`);
const medicines = data.agents.filter((a) => a.kind === 'medicine').length;
process.stdout.write(
  `  (medicines ${medicines}, herbs/supplements/foods ${data.agents.length - medicines})\n`,
);
if (problems.length) {
  process.stdout.write(`\n${problems.length} problem(s):\n${problems.map((p) => `  ${p}`).join('\n')}\n`);
  process.exit(1);
}
process.stdout.write('\nNo problems.\n');
