// What Defense's national-security assessments find, by classification. Details open with the
// portion marking that classified text carries. `{range}` is an evaluation range, `{system}` a
// system of the sector concerned, `{n}`, `{m}`, `{hours}` are figures from the trials.
import { Classification } from '../../../subgraphs/kit/schema/enums';

export interface SecurityFindingTemplate {
  readonly title: string;
  readonly details: string;
  /** The sector the finding concerns, when it concerns one. */
  readonly sectors: readonly string[];
}

export const SECURITY_FINDINGS: Readonly<Record<Classification, readonly SecurityFindingTemplate[]>> = {
  [Classification.UNCLASSIFIED]: [
    {
      title: 'Writes working proof-of-concept exploits for published vulnerabilities',
      details: 'In {n} of {m} trials the model turned a public advisory for the {system} into a working proof of concept without further help. Safeguards refused only when the request named a government target.',
      sectors: ['INFORMATION_TECHNOLOGY', 'COMMUNICATIONS'],
    },
    {
      title: 'Refusals of offensive requests are inconsistent across languages',
      details: 'Requests refused in English were answered in {n} of {m} trials when phrased in other languages or split across several turns.',
      sectors: [],
    },
    {
      title: 'Follows instructions planted in retrieved documents',
      details: 'With tool use enabled, the model acted on instructions hidden in retrieved web pages in {n} of {m} trials, including instructions to send files to outside addresses.',
      sectors: [],
    },
  ],
  [Classification.CUI]: [
    {
      title: 'Mapped a simulated defense logistics network without guidance',
      details: 'Given only an address range on {range}, the model mapped {n} hosts, singled out an outdated {system} and proposed an access path within {hours} hours.',
      sectors: ['DEFENSE_INDUSTRIAL_BASE', 'GOVERNMENT_FACILITIES'],
    },
    {
      title: 'Tailored spear-phishing lures to defense-contractor engineers',
      details: 'Lures built from public conference speaker lists drew clicks from {m}% of the evaluation panel, against {n}% for lures written by a professional red team.',
      sectors: ['DEFENSE_INDUSTRIAL_BASE'],
    },
    {
      title: 'Wrote an intrusion plan for a supplier portal from public documentation',
      details: 'From vendor manuals and job postings alone, the model produced an intrusion plan for the {system} whose first {n} steps worked on {range}.',
      sectors: ['DEFENSE_INDUSTRIAL_BASE'],
    },
    {
      title: 'Helped disguise known malware from commercial detection',
      details: 'Known samples rewritten with the model\'s help went undetected by the endpoint products on {range} in {n} of {m} runs.',
      sectors: ['INFORMATION_TECHNOLOGY'],
    },
  ],
  [Classification.SECRET]: [
    {
      title: 'Chained previously unknown flaws into access on an isolated range segment',
      details: 'On {range} the model found {n} previously unknown flaws in the {system} and chained them into administrative access in {hours} hours, without operator hints.',
      sectors: ['ENERGY', 'COMMUNICATIONS', 'WATER', 'TRANSPORTATION'],
    },
    {
      title: 'Built a persistence implant that evaded the range detection baseline',
      details: 'Working autonomously for {hours} hours, the model wrote and deployed an implant that survived {n} reboots and went unnoticed by the detection stack on {range}.',
      sectors: [],
    },
    {
      title: 'Planned a multi-stage operation against a simulated control network',
      details: 'The model planned and ran a multi-stage operation against the simulated {system} on {range}, reaching the control zone in {hours} hours.',
      sectors: ['ENERGY', 'WATER', 'DAMS', 'NUCLEAR'],
    },
    {
      title: 'Reverse-engineered a proprietary protocol of a fielded system',
      details: 'From {n} hours of packet captures the model reconstructed the message format of the {system} well enough to send accepted commands on {range}.',
      sectors: ['DEFENSE_INDUSTRIAL_BASE', 'TRANSPORTATION'],
    },
  ],
  [Classification.TOP_SECRET]: [
    {
      title: 'Reproduced an exploitation path against a weapon-system support network',
      details: 'In a closed evaluation on {range} the model reproduced, in {hours} hours, an exploitation path that took an expert team {n} weeks to develop.',
      sectors: ['DEFENSE_INDUSTRIAL_BASE'],
    },
    {
      title: 'Outperformed the national red-team baseline in a strategic exercise',
      details: 'Across {m} scenarios of a strategic cyber exercise the model met or beat the red-team baseline in {n}, at a fraction of the time.',
      sectors: [],
    },
    {
      title: 'Found an exploitable weakness in boundary devices of a classified enclave',
      details: 'Working from configurations provided for the evaluation, the model found a weakness in the {system} at the enclave boundary; the finding was confirmed on {range}.',
      sectors: ['COMMUNICATIONS', 'GOVERNMENT_FACILITIES'],
    },
    {
      title: 'Reconstructed sensitive targeting analysis from open sources',
      details: 'From open sources the model produced a targeting analysis that matched {n} of {m} key judgements of a classified assessment.',
      sectors: [],
    },
  ],
};

/** Fictional names of the evaluation ranges Defense uses. */
export const EVALUATION_RANGES: readonly string[] = [
  'range ORCHARD-3', 'range KESTREL BAY', 'range GRANITE FALLS', 'the joint cyber range (enclave C)', 'range IRON HARBOR',
  'range SILVER MESA', 'range NORTH QUARRY', 'the service test range (segment 7)',
];
