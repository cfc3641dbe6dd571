// A graphql-inspector diff rule (`--rule`): a breaking change that docs/SCHEMA-CHANGES.md lists with a reason becomes
// "dangerous" (still reported, marked as listed) so the gate passes; every other breaking change stays breaking and
// fails it. See docs/SCHEMA-CHANGES.md for how an entry matches. SCHEMA_CHANGES_FILE overrides the file (tests).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const file = process.env.SCHEMA_CHANGES_FILE ?? join(import.meta.dirname, '..', '..', 'docs', 'SCHEMA-CHANGES.md');

/** The rows of the table under "## Breaking changes since the baseline": coordinate and reason. */
export function readEntries(markdown) {
  const section = markdown.split(/^## Breaking changes since the baseline\s*$/m)[1];
  if (section === undefined) throw new Error(`${file}: no "## Breaking changes since the baseline" section`);
  const entries = [];
  for (const line of section.split(/^## /m)[0].split('\n')) {
    const cells = line.trim().replace(/^\||\|$/g, '').split('|').map((c) => c.trim());
    if (!line.trim().startsWith('|') || cells.length < 3 || /^-+$/.test(cells[0]) || cells[0] === 'Coordinate') continue;
    const coordinate = cells[0].match(/^`([_A-Za-z][_A-Za-z0-9]*(?:\.[_A-Za-z][_A-Za-z0-9]*){0,2})`$/)?.[1];
    if (!coordinate) throw new Error(`${file}: "${cells[0]}" is not a schema coordinate in backticks (Type, Type.field or Type.field.argument)`);
    const reason = cells[cells.length - 1];
    if (!reason) throw new Error(`${file}: the entry for ${coordinate} gives no reason`);
    entries.push({ coordinate, reason, used: 0 });
  }
  return entries;
}

function covers(entry, change) {
  const path = change.path ?? '';
  if (path === entry.coordinate || path.startsWith(`${entry.coordinate}.`)) return true;
  if (entry.coordinate.includes('.')) return false;
  return new RegExp(`(^|[^_A-Za-z0-9])${entry.coordinate}([^_A-Za-z0-9]|$)`).test(change.message);
}

export default function listedChanges({ changes }) {
  const entries = readEntries(readFileSync(file, 'utf8'));
  const result = changes.map((change) => {
    if (change.criticality.level !== 'BREAKING') return change;
    const entry = entries.find((e) => covers(e, change));
    if (!entry) return change;
    entry.used++;
    return {
      ...change,
      message: `${change.message} — listed in docs/SCHEMA-CHANGES.md (${entry.coordinate})`,
      criticality: { level: 'DANGEROUS', reason: entry.reason },
    };
  });
  for (const entry of entries.filter((e) => e.used === 0)) {
    console.log(`[info] docs/SCHEMA-CHANGES.md: ${entry.coordinate} covers no breaking change (released already? remove it at the next release)`);
  }
  return result;
}
