import { registerEnumType } from 'type-graphql';

export enum NationalSecurityPriority {
  ROUTINE = 'ROUTINE',
  PRIORITY = 'PRIORITY',
  IMMEDIATE = 'IMMEDIATE',
}

registerEnumType(NationalSecurityPriority, {
  name: 'NationalSecurityPriority',
  description: 'How urgently Defense must assess a model.',
  valuesConfig: {
    ROUTINE: { description: 'No capability of national-security concern.' },
    PRIORITY: { description: 'Finds weaknesses, analyses malware or acts autonomously.' },
    IMMEDIATE: { description: 'Develops exploits, runs network operations or holds CBRN knowledge.' },
  },
});
