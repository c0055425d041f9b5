// One DateTime scalar for all three agencies: ISO 8601 with offset, always emitted in UTC.
import { DateTimeResolver } from 'graphql-scalars';

export const DateTime = DateTimeResolver;
