// Validates an AsyncAPI document with @asyncapi/parser (the parser and rules behind `asyncapi validate`),
// offline: no telemetry, no remote references. Exits 1 on any error or warning.
//   cd docs/api && npm ci && node validate.mjs asyncapi.yaml
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Parser, DiagnosticSeverity } from '@asyncapi/parser';

const file = resolve(process.argv[2] ?? 'asyncapi.yaml');
const { document, diagnostics } = await new Parser().parse(await readFile(file, 'utf8'), { source: file });

const counts = { Error: 0, Warning: 0, Information: 0, Hint: 0 };
for (const diagnostic of diagnostics) {
  const severity = DiagnosticSeverity[diagnostic.severity];
  counts[severity] += 1;
  const { line, character } = diagnostic.range.start;
  console.log(`${file}:${line + 1}:${character + 1} ${severity.toLowerCase()} ${diagnostic.code} ${diagnostic.message}`);
}
const summary = `${counts.Error} errors, ${counts.Warning} warnings, ${counts.Information} infos, ${counts.Hint} hints`;
if (document === undefined || counts.Error > 0 || counts.Warning > 0) {
  console.log(`${file}: not valid AsyncAPI ${document?.version() ?? ''} (${summary})`);
  process.exit(1);
}
console.log(`${file}: valid AsyncAPI ${document.version()}, ${document.channels().length} channels,`
  + ` ${document.operations().length} operations (${summary})`);
