import { describe, expect, it } from 'vitest';
import { cvssBaseScore, severityOfScore } from '../../../scripts/seed/build/cvss';

describe('CVSS scores of seeded vulnerabilities', () => {
  it('computes the base scores that NVD publishes for well-known vectors', () => {
    expect(cvssBaseScore('CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H')).toBe(9.8);
    expect(cvssBaseScore('CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N')).toBe(6.1);
    expect(cvssBaseScore('CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H')).toBe(7.8);
    expect(cvssBaseScore('CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H')).toBe(7.5);
  });

  it('rates scores on the CVSS v3.1 qualitative scale', () => {
    expect([0, 0.1, 3.9, 4, 6.9, 7, 8.9, 9, 10].map(severityOfScore)).toEqual([
      'INFORMATIONAL', 'LOW', 'LOW', 'MEDIUM', 'MEDIUM', 'HIGH', 'HIGH', 'CRITICAL', 'CRITICAL',
    ]);
  });

  it('refuses a vector that lacks base metrics', () => {
    expect(() => cvssBaseScore('CVSS:3.1/AV:N/AC:L')).toThrow(/not a complete CVSS v3.1 base vector/);
  });
});
