/** A database of its own on the given server for one bench run, dropped afterwards. */
export async function createBenchDatabase(serverUrl: string): Promise<{ name: string; url: string; drop(): Promise<void> }> {
  const { default: postgres } = await import('postgres');
  const name = `decision_ledger_bench_${Date.now().toString(36)}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    async drop() {
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end();
    },
  };
}
