/** A realistic, busy 25-item regimen for an integrative pain patient (benchmarks only). */
export const regimen25 = [
  'warfarin 5 mg daily',
  'sertraline 50 mg',
  'ibuprofen 400 mg prn',
  'omeprazole 20 mg',
  'atorvastatin 40 mg',
  'lisinopril 10 mg',
  'metformin 500 mg bid',
  'levothyroxine 75 mcg',
  'gabapentin 300 mg tid',
  'tramadol 50 mg',
  "St John's wort 300mg TID",
  'ginkgo 120 mg',
  'fish oil 2 g',
  'turmeric 500 mg',
  'magnesium 400 mg',
  'melatonin 3 mg',
  'valerian',
  'green tea extract',
  'vitamin D',
  'calcium 600 mg',
  'therapy:massage',
  'therapy:acupuncture',
  'condition:deep vein thrombosis',
  'condition:osteoporosis',
  'condition:fibromyalgia',
];

/**
 * `count` different regimens of the same shape: regimen25 with 5 of its 20 medicines and supplements
 * swapped for others from `names`, chosen deterministically. Benchmarks use them to measure checks
 * whose answers are not already known.
 */
export function variedRegimens(names: string[], count: number): string[][] {
  const agents = regimen25.filter((item) => !item.includes(':'));
  const rest = regimen25.filter((item) => item.includes(':'));
  const out: string[][] = [];
  for (let i = 0; i < count; i++) {
    const regimen = [...agents];
    for (let k = 0; k < 5; k++)
      regimen[(i * 7 + k * 4) % agents.length] = names[(i * 37 + k * 101) % names.length]!;
    out.push([...regimen, ...rest]);
  }
  return out;
}
