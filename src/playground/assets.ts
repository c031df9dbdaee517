import { readdirSync, readFileSync } from 'node:fs';

/**
 * The page's files, from src/playground/web/: its HTML, its CSS, and its TypeScript modules,
 * served as JavaScript. Each is read when asked for (an edit shows on reload), and a module is
 * transpiled by the TypeScript compiler the project already has (types are checked by
 * `npm run typecheck`, not here): the page needs no front-end build step.
 */

export interface PageAsset {
  path: string;
  type: string;
  body: () => Promise<string>;
}

const WEB = new URL('./web/', import.meta.url);

export function pageAssets(): PageAsset[] {
  const modules = readdirSync(WEB).filter((name) => name.endsWith('.ts') && !name.endsWith('.d.ts'));
  return [
    { path: '/playground', type: 'text/html; charset=utf-8', body: async () => read('index.html') },
    { path: '/playground/style.css', type: 'text/css; charset=utf-8', body: async () => read('style.css') },
    ...modules.map((name) => ({
      path: `/playground/${name.replace(/\.ts$/, '.js')}`,
      type: 'text/javascript; charset=utf-8',
      body: () => transpile(read(name), name),
    })),
  ];
}

function read(name: string): string {
  return readFileSync(new URL(name, WEB), 'utf8');
}

async function transpile(source: string, fileName: string): Promise<string> {
  const { default: ts } = await import('typescript');
  return ts.transpileModule(source, {
    fileName,
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ES2022, sourceMap: false },
  }).outputText;
}
