import { is } from 'drizzle-orm';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import * as schema from './schema.js';

/** A table of the ledger as a whole-database copy sees it. */
export interface LedgerTable {
  name: string;
  /** The columns a copy writes: every one but those PostgreSQL computes (GENERATED ALWAYS). */
  columns: string[];
}

/**
 * Every table of schema.ts, a table after those its foreign keys point to, so a copy can insert them
 * in this order with the keys checked. Read from the schema rather than listed by hand: a table added
 * there is copied without anyone remembering to (test/integration/moveToPostgres.test.ts compares this
 * with the tables a migrated database actually has).
 */
export function ledgerTables(): LedgerTable[] {
  const configs = Object.values(schema)
    .filter((value) => is(value, PgTable))
    .map((table) => table as PgTable)
    .map((table) => getTableConfig(table))
    .sort((a, b) => a.name.localeCompare(b.name));
  const ordered: LedgerTable[] = [];
  const placed = new Set<string>();
  const place = (config: (typeof configs)[number], path: string[]) => {
    if (placed.has(config.name)) return;
    if (path.includes(config.name)) throw new Error(`foreign keys go round in a circle: ${path.join(' → ')}`);
    for (const key of config.foreignKeys) {
      const referenced = getTableConfig(key.reference().foreignTable);
      if (referenced.name !== config.name)
        place(configs.find((c) => c.name === referenced.name) ?? referenced, [...path, config.name]);
    }
    placed.add(config.name);
    ordered.push({ name: config.name, columns: config.columns.filter((c) => !c.generated).map((c) => c.name) });
  };
  for (const config of configs) place(config, []);
  return ordered;
}
