import { Capability } from '../../kit/schema/enums';
import { NationalSecurityPriority } from '../types/defense-enums';

const IMMEDIATE = new Set([Capability.EXPLOIT_DEVELOPMENT, Capability.NETWORK_OPERATIONS, Capability.CBRN_KNOWLEDGE]);
const PRIORITY = new Set([Capability.VULNERABILITY_DISCOVERY, Capability.MALWARE_ANALYSIS, Capability.AUTONOMOUS_OPERATION]);

/** How urgently Defense must look at a model, from the capabilities Treasury recorded at intake. */
export function priorityOf(capabilities: readonly Capability[]): NationalSecurityPriority {
  if (capabilities.some((c) => IMMEDIATE.has(c))) return NationalSecurityPriority.IMMEDIATE;
  if (capabilities.some((c) => PRIORITY.has(c))) return NationalSecurityPriority.PRIORITY;
  return NationalSecurityPriority.ROUTINE;
}
