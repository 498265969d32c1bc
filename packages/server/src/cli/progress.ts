/** Progress output for long CLI work: a bar on a terminal, plain lines otherwise (logs, CI). */
export function progressReporter(stream: NodeJS.WriteStream = process.stderr) {
  const tty = Boolean(stream.isTTY);
  let lastLabel = '';
  return {
    update(label: string, done: number, total: number) {
      if (tty) {
        const width = 28;
        const filled = total > 0 ? Math.round((done / total) * width) : width;
        const pct = total > 0 ? Math.round((done / total) * 100) : 100;
        stream.write(
          `\r  ${'█'.repeat(filled)}${'░'.repeat(width - filled)} ${String(pct).padStart(3)}%  ${label.padEnd(36).slice(0, 36)}`,
        );
        if (done >= total) stream.write('\n');
      } else if (done >= total && label !== lastLabel) {
        stream.write(`  ${label}: ${done}/${total}\n`);
        lastLabel = label;
      }
    },
  };
}
