import { registerEnumType } from 'type-graphql';

export enum DisclosureStatus {
  REPORTED = 'REPORTED',
  VENDOR_NOTIFIED = 'VENDOR_NOTIFIED',
  MITIGATION_AVAILABLE = 'MITIGATION_AVAILABLE',
  PUBLICLY_DISCLOSED = 'PUBLICLY_DISCLOSED',
}

/** Disclosure only moves forward. */
export const DISCLOSURE_ORDER: readonly DisclosureStatus[] = Object.values(DisclosureStatus);

export enum VulnerabilitySortField {
  REPORTED_AT = 'reportedAt',
  SEVERITY = 'severityRank',
  CVSS = 'cvssScore',
}

registerEnumType(DisclosureStatus, {
  name: 'DisclosureStatus',
  description: 'Where coordinated disclosure of a vulnerability stands; it only moves forward.',
  valuesConfig: {
    REPORTED: { description: 'Reported to the national cyber office.' },
    VENDOR_NOTIFIED: { description: 'The affected vendors or operators were told.' },
    MITIGATION_AVAILABLE: { description: 'A patch or mitigation exists.' },
    PUBLICLY_DISCLOSED: { description: 'Published.' },
  },
});

registerEnumType(VulnerabilitySortField, {
  name: 'VulnerabilitySortField',
  description: 'What to order vulnerabilities by.',
  valuesConfig: {
    REPORTED_AT: { description: 'When it was reported.' },
    SEVERITY: { description: 'Severity.' },
    CVSS: { description: 'CVSS base score.' },
  },
});
