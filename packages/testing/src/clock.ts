/** The instant every test starts at (a Sunday afternoon in all three demo time zones). */
export const testNow = new Date('2026-11-22T20:00:00.000Z');

/** A clock tests can move forward. */
export function fakeClock(start: Date = testNow) {
  let current = start.getTime();
  return {
    now: () => new Date(current),
    advance(ms: number) {
      current += ms;
    },
    set(instant: Date) {
      current = instant.getTime();
    },
  };
}
export type FakeClock = ReturnType<typeof fakeClock>;
