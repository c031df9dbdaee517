import { describe, expect, it } from 'vitest';
import { isValidTimeZone } from '../../src/domain/timeZones.js';

describe('isValidTimeZone', () => {
  it('knows IANA zones and their links, and says the same the second time', () => {
    for (let round = 0; round < 2; round++) {
      expect(isValidTimeZone('Europe/Berlin')).toBe(true);
      expect(isValidTimeZone('US/Eastern')).toBe(true);
      expect(isValidTimeZone('UTC')).toBe(true);
    }
  });

  it('refuses what is no zone, however many typos it has seen before', () => {
    for (let i = 0; i < 5000; i++) expect(isValidTimeZone(`Mars/Crater${i}`)).toBe(false);
    expect(isValidTimeZone('Europe/Berlin')).toBe(true);
    expect(isValidTimeZone('')).toBe(false);
    expect(isValidTimeZone('Europe/Nowhere')).toBe(false);
  });
});
