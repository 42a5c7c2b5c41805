/** npm run bench -- [pull|webhooks|all] */
import { pullBench } from './pull.bench';
import { webhooksBench } from './webhooks.bench';

const BENCHES: Record<string, () => Promise<unknown>> = { pull: pullBench, webhooks: webhooksBench };

async function main() {
  const which = process.argv[2] ?? 'all';
  const names = which === 'all' ? Object.keys(BENCHES) : [which];
  for (const n of names) {
    const bench = BENCHES[n];
    if (!bench) {
      console.error(`unknown bench ${n}; choose one of: ${Object.keys(BENCHES).join(', ')}, all`);
      process.exit(2);
    }
    await bench();
  }
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
