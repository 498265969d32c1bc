import type { SafetyReport } from '@meridian/domain';

/** A safety report as plain text for a terminal: findings grouped by severity, then what was not assessed. */
export function safetyReportText(report: SafetyReport): string {
  const lines: string[] = [];
  const names = new Map(report.resolved.map((r) => [r.id, r.name]));
  lines.push(
    `Checked: ${report.resolved.map((r) => `${r.name} (${r.kind})`).join(', ') || 'nothing recognised'}`,
  );
  for (const u of report.unresolved) {
    const hint = u.suggestions.length ? ` Did you mean ${u.suggestions.join(' or ')}?` : '';
    lines.push(
      `NOT ASSESSED: "${u.input}" is not in Meridian's knowledge base, so it was not checked.${hint}`,
    );
  }
  if (report.findings.length === 0) {
    lines.push(
      '',
      'No interactions or precautions found among the recognised items. Absence of a finding is not proof of safety.',
    );
  }
  for (const f of report.findings) {
    lines.push(
      '',
      `${f.severity.toUpperCase()} · ${f.kind} · ${f.basis}: ${f.items.map((i) => names.get(i) ?? i).join(' + ')}`,
    );
    lines.push(`  ${f.summary}`);
    lines.push(`  Mechanism: ${f.mechanism}`);
    lines.push(`  What to do: ${f.management}`);
    lines.push(`  Evidence: ${f.evidence}`);
    for (const s of f.sources) lines.push(`  Source: ${s}`);
  }
  lines.push('', 'Meridian is decision support for professionals, not medical advice.');
  return `${lines.join('\n')}\n`;
}
