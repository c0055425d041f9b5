// Texts of the review programme: why developers withdraw, the terms they agree, and what partners
// use early access for (`{system}` is a system of the partner's sector, `{model}` the model).

export const WITHDRAWAL_REASONS: readonly string[] = [
  'Release moved to a later quarter; the final checkpoint will be submitted again.',
  'Superseded by a newer checkpoint submitted separately.',
  'The release timeline could not accommodate the review window.',
  'Training run discontinued after an internal safety evaluation.',
  'Legal review of the evaluation terms is still open.',
  'Capabilities changed materially after fine-tuning; a new submission will follow.',
  'Product cancelled.',
  'The developer disagreed with the proposed scope of early access for this model.',
  'Weights access for evaluators could not be arranged in time.',
];

/** One clause from each list makes a developer's commercial terms. */
export const COMMERCIAL_TERMS: readonly (readonly string[])[] = [
  [
    'Weights stay on the developer\'s infrastructure; evaluators use a dedicated API tenant.',
    'Weights delivered to a government enclave under escrow and deleted after the review.',
    'Hosted evaluation environment, rate-limited to {rate} requests per minute per evaluator.',
    'Air-gapped evaluation appliance shipped to each agency for the duration of the review.',
  ],
  [
    'No fee for government evaluation.',
    'Evaluation compute paid by the developer.',
    'Cost-recovery fee of USD {fee} per review cycle, waived for partners in the early-access programme.',
  ],
  [
    'Findings shared with the developer within five business days; coordinated disclosure after 90 days.',
    'Partner early access limited to named security teams under a non-disclosure agreement.',
    'Developer may review agency reports for trade secrets before they are shared with partners.',
  ],
  [
    'Mutual limitation of liability; no warranty on model outputs.',
    'Governed by the standard federal evaluation agreement, amendment {amendment}.',
    'Early access ends at public release or on withdrawal, whichever comes first.',
  ],
];

export const GRANT_PURPOSES: readonly string[] = [
  'Test {model} against our {system} in an isolated lab before public release.',
  'Red-team exercise of the {system} with {model}; findings go to the coordination hub.',
  'Harden the {system} against the weaknesses {model} finds, ahead of its release.',
  'Validate detection rules for attacks on the {system} that {model} can generate.',
  'Patch prioritisation: run {model} over the {system} code base with the vendor.',
];
