import { registerEnumType } from 'type-graphql';

export enum Participation {
  IN_REVIEW = 'IN_REVIEW',
  WITHDRAWN = 'WITHDRAWN',
  RELEASED = 'RELEASED',
}

export enum PartnerKind {
  BANK = 'BANK',
  INSURER = 'INSURER',
  PAYMENT_PROCESSOR = 'PAYMENT_PROCESSOR',
  EXCHANGE = 'EXCHANGE',
  HOSPITAL = 'HOSPITAL',
  UTILITY = 'UTILITY',
  WATER_UTILITY = 'WATER_UTILITY',
  TELECOM = 'TELECOM',
  NETWORK_VENDOR = 'NETWORK_VENDOR',
  CLOUD_PROVIDER = 'CLOUD_PROVIDER',
  SOFTWARE_VENDOR = 'SOFTWARE_VENDOR',
  MANUFACTURER = 'MANUFACTURER',
  TRANSPORT_OPERATOR = 'TRANSPORT_OPERATOR',
  DEFENSE_CONTRACTOR = 'DEFENSE_CONTRACTOR',
}

export enum FinancialMarket {
  BANKING = 'BANKING',
  PAYMENTS = 'PAYMENTS',
  CAPITAL_MARKETS = 'CAPITAL_MARKETS',
  INSURANCE = 'INSURANCE',
  MARKET_INFRASTRUCTURE = 'MARKET_INFRASTRUCTURE',
}

export enum ModelSortField {
  SUBMITTED_AT = 'submittedAt',
  PLANNED_RELEASE_AT = 'plannedReleaseAt',
  NAME = 'name',
}

registerEnumType(Participation, {
  name: 'Participation',
  description: "A model's place in the voluntary review. The developer may withdraw at any time; a review never blocks a release.",
  valuesConfig: {
    IN_REVIEW: { description: 'Submitted and not yet released.' },
    WITHDRAWN: { description: 'The developer opted out.' },
    RELEASED: { description: 'The planned release time has passed.' },
  },
});

registerEnumType(PartnerKind, { name: 'PartnerKind', description: 'What kind of organisation a trusted partner is.' });

registerEnumType(FinancialMarket, {
  name: 'FinancialMarket',
  description: 'A part of the financial system a finding affects.',
});

registerEnumType(ModelSortField, { name: 'ModelSortField', description: 'What to order models by.' });
