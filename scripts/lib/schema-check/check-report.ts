// The check's result as a subgraph team reads it in its CI log.
import { formatProblem } from '../compose';
import type { CoordinateChanges } from './schema-changes';
import type { AssessedFinding, CheckResult } from './run-check';

function changeLines(groups: readonly CoordinateChanges[], mark: string): string[] {
  return groups.flatMap(({ coordinate, changes }) => [
    `  ${mark} ${coordinate}`,
    ...changes.map((change) => `      ${change.type}: ${change.description}`),
  ]);
}

function findingLines(finding: AssessedFinding): string[] {
  const mark = finding.accepted ? '✓' : '✗';
  const accepted = finding.accepted ? '  [accepted with --accept-weaker-access]' : '';
  if (finding.kind === 'classification-lowered') {
    return [`  ${mark} ${finding.coordinate}: classification lowered from ${finding.current} to ${finding.proposed}${accepted}`];
  }
  return [
    `  ${mark} ${finding.coordinate}: access weakened${accepted}`,
    `      now:      ${finding.current}`,
    `      proposed: ${finding.proposed}`,
    `      newly admitted: ${finding.newlyAdmitted}`,
  ];
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function formatCheckReport(result: CheckResult): string {
  const lines = [`Schema check of ${result.subgraph} with ${result.proposedFile}`, ''];
  if (!('breaking' in result)) {
    lines.push(`Composition: FAILED with ${plural(result.composition.length, 'error')}`);
    for (const problem of result.composition) lines.push(...formatProblem(problem).split('\n').map((line) => `  ${line}`));
    lines.push('', 'Result: FAILED (the proposed schema does not compose)');
    return lines.join('\n');
  }
  lines.push('Composition: ok');

  lines.push('', result.breaking.length ? `Breaking changes: ${result.breaking.length} coordinate(s)` : 'Breaking changes: none');
  lines.push(...changeLines(result.breaking, '✗'));
  if (result.dangerous.length) {
    lines.push('', `Dangerous changes (not failing): ${result.dangerous.length} coordinate(s)`);
    lines.push(...changeLines(result.dangerous, '!'));
  }

  const open = result.security.filter((finding) => !finding.accepted);
  lines.push('', result.security.length ? `Security findings: ${result.security.length} (${open.length} not accepted)` : 'Security findings: none');
  for (const finding of result.security) lines.push(...findingLines(finding));
  for (const coordinate of result.unusedOverrides) {
    lines.push(`  ! --accept-weaker-access ${coordinate} matches no finding`);
  }

  if (result.operations) {
    const { checked, broken, alreadyInvalid } = result.operations;
    lines.push('', `Client operations: ${checked} checked, ${broken.length} would break`);
    for (const { operation, errors } of broken) {
      lines.push(`  ✗ ${operation.name} (${operation.origin})`, ...errors.map((error) => `      ${error}`));
    }
    for (const { operation, errors } of alreadyInvalid) {
      lines.push(`  ! ${operation.name} (${operation.origin}) is already invalid: ${errors[0]}`);
    }
  }

  const failures = [
    result.breaking.length ? plural(result.breaking.length, 'breaking change') : null,
    open.length ? plural(open.length, 'security finding') : null,
    result.operations?.broken.length ? plural(result.operations.broken.length, 'broken operation') : null,
  ].filter(Boolean);
  lines.push('', result.passed ? 'Result: PASSED' : `Result: FAILED (${failures.join(', ')})`);
  return lines.join('\n');
}
