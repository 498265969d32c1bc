import fs from 'node:fs';
import path from 'node:path';

/** Lock files this process holds (a second open in the same process is refused too). */
const held = new Set<string>();

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Claims a PGlite data directory for this process and returns the release. PGlite does not guard its
 * files (its postmaster.pid holds no real process id): a second process opening them, e.g. `meridian
 * backup` beside a running server, starts a second PostgreSQL on the same files, and its recovery and
 * checkpoint make acknowledged writes of the first disappear at the next crash. The lock file sits
 * beside the directory (`<dir>.lock`, holding the process id); one left by a killed process is taken over.
 */
export function lockDataDir(dataDir: string): () => void {
  const file = `${dataDir}.lock`;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  for (let attempt = 1; ; attempt++) {
    let fd: number;
    try {
      fd = fs.openSync(file, 'wx');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 5) throw error;
      let holder = 0;
      try {
        holder = Number.parseInt(fs.readFileSync(file, 'utf8'), 10);
      } catch {
        continue; // released meanwhile
      }
      if (held.has(file) || (holder !== process.pid && holder > 0 && isRunning(holder))) {
        const who = held.has(file)
          ? 'already open in this process'
          : `in use by another process (pid ${holder}), most likely a running Meridian`;
        throw new Error(
          `The database in ${dataDir} is ${who}. The embedded database can be open in one process at a time: ` +
            `stop that process first. If none is running, delete ${file}.`,
        );
      }
      // Left behind by a process that was killed (or by an earlier process that had our id).
      fs.rmSync(file, { force: true });
      continue;
    }
    fs.writeSync(fd, `${process.pid}\n`);
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    held.add(file);
    return () => {
      held.delete(file);
      fs.rmSync(file, { force: true });
    };
  }
}
