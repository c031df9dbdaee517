import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * Every user-facing mention of the slash command goes through COMMAND (src/domain/command.ts), so
 * renaming the command is one edit. Comments and log messages (the second argument of a logger
 * call) are for operators and may say /decide; command.ts itself defines it.
 */
const ROOT = new URL('../../', import.meta.url).pathname;
const SCANNED = ['src/slack', 'src/jobs', 'src/domain', 'src/app', 'src/cli'];
const DEFINES_COMMAND = 'src/domain/command.ts';

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** A call like `logger.warn(…)` or `deps.logger.info(…)`. */
function isLoggerCall(node: ts.Node): boolean {
  if (!ts.isCallExpression(node) || !ts.isPropertyAccessExpression(node.expression)) return false;
  const target = node.expression.expression;
  return (
    (ts.isIdentifier(target) && target.text === 'logger') ||
    (ts.isPropertyAccessExpression(target) && target.name.text === 'logger')
  );
}

/** The text of every string and template literal of a file that is not a module path or inside a logger call. */
function literalsOf(path: string, code: string): { line: number; text: string }[] {
  const source = ts.createSourceFile(path, code, ts.ScriptTarget.Latest, true);
  const found: { line: number; text: string }[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node) || isLoggerCall(node)) return;
    const texts =
      ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)
        ? [node.text]
        : ts.isTemplateExpression(node)
          ? [node.head.text, ...node.templateSpans.map((span) => span.literal.text)]
          : [];
    for (const text of texts)
      found.push({ line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1, text });
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('mentions of the slash command', () => {
  it('no string or template in src/slack, jobs, domain, app or cli spells /decide out; they use COMMAND', () => {
    const files = SCANNED.flatMap((dir) => filesUnder(join(ROOT, dir))).filter(
      (path) => relative(ROOT, path) !== DEFINES_COMMAND,
    );
    expect(files.length).toBeGreaterThan(50);
    const spelled = files.flatMap((path) =>
      literalsOf(path, readFileSync(path, 'utf8'))
        .filter(({ text }) => text.includes('/decide'))
        .map(({ line, text }) => `${relative(ROOT, path)}:${line}: ${text.slice(0, 80)}`),
    );
    expect(spelled).toEqual([]);
  });

  it('tells a spelled-out /decide in a string from one in a comment, an import or a log message', () => {
    const probe = [
      '// `/decide list` in a comment is fine',
      "import { decideCommand } from './commands/decide/decideCommand.js';",
      "logger.warn({ failure }, 'users.info failed; /decide llm refused');",
      "deps.logger.info('the /decide command');",
      "const hint = 'Run `/decide list`.';",
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the probe is source text holding a template literal
      'const other = `Run \\`/decide show ${ref}\\` there.`;',
    ].join('\n');
    const spelled = literalsOf('probe.ts', probe).filter(({ text }) => text.includes('/decide'));
    expect(spelled).toEqual([
      { line: 5, text: 'Run `/decide list`.' },
      { line: 6, text: 'Run `/decide show ' },
    ]);
  });
});
