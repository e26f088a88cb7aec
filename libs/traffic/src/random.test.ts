import { createRandom } from './random';

describe('createRandom', () => {
  it('repeats its sequence for a seed', () => {
    const a = createRandom('seed');
    const b = createRandom('seed');
    const seqA = Array.from({ length: 50 }, () => a.next());
    expect(Array.from({ length: 50 }, () => b.next())).toEqual(seqA);
    expect(Array.from({ length: 50 }, () => createRandom('other').next())).not.toEqual(seqA);
  });

  it('stays in range and is roughly uniform', () => {
    const random = createRandom(7);
    const buckets = [0, 0, 0, 0];
    for (let i = 0; i < 20_000; i++) {
      const value = random.int(0, 3);
      buckets[value] = (buckets[value] ?? 0) + 1;
      const float = random.next();
      expect(float).toBeGreaterThanOrEqual(0);
      expect(float).toBeLessThan(1);
    }
    for (const count of buckets) expect(count).toBeGreaterThan(4500);
  });

  it('forks independent but reproducible streams', () => {
    expect(createRandom(1).fork('x').next()).toBe(createRandom(1).fork('x').next());
    expect(createRandom(1).fork('x').next()).not.toBe(createRandom(1).fork('y').next());
  });
});
