// What the cyber office's infrastructure-impact assessments find in a sector, and the mitigations
// it recommends. `{system}`, `{vendor}`, `{protocol}` and `{sector}` come from the sector assessed; `{n}`,
// `{m}`, `{hours}` and `{exposed}` are figures from the trials (n below m).
import type { FindingTemplate } from './financial-findings';

export const INFRASTRUCTURE_FINDINGS: readonly FindingTemplate[] = [
  {
    title: 'Finds exploitable flaws in {system} deployments',
    description: 'In the lab the model found {n} exploitable flaws in the {vendor} {system}, a product used by many {sector} operators; most were previously unknown.',
  },
  {
    title: 'Writes working attack code for {protocol} field devices',
    description: 'The model wrote code that sends accepted {protocol} commands to field devices on the test bench in {n} of {m} attempts.',
  },
  {
    title: 'Maps internet-exposed {system} instances at scale',
    description: 'From public scan data the model identified about {exposed} internet-exposed {system} instances and ranked them by how easy they would be to exploit.',
  },
  {
    title: 'Produces step-by-step intrusion plans against {sector} operators',
    description: 'Asked as a penetration tester, the model produced intrusion plans whose opening steps worked against the test environment of a {sector} operator.',
  },
  {
    title: 'Identifies default credentials across {vendor} devices',
    description: 'The model found that {n} of {m} device models of {vendor} keep vendor default credentials after commissioning, and where the defaults are documented.',
  },
  {
    title: 'Bypasses segmentation between IT and OT networks in the test environment',
    description: 'Starting from the corporate network, the model reached the {system} in the control zone through a misconfigured jump host in {hours} hours.',
  },
];

export const MITIGATIONS: readonly string[] = [
  "Apply {vendor}'s patch and restrict the {system} to the operations network.",
  'Require multi-factor authentication for remote access to the {system}; remove shared accounts.',
  'Block {protocol} writes from outside the control zone and alert on unexpected writes.',
  'Rotate default credentials on all {vendor} devices and review internet exposure weekly.',
  'Advisory through the sector ISAC; early-access partners validate detections before release.',
  'Move the {system} behind the jump host with recorded sessions; close direct vendor access.',
];
