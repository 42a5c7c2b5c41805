/**
 * Generates a migration from the entities: applies the committed migrations to a scratch
 * database, asks TypeORM for the remaining schema diff, and writes it as a new migration class.
 * usage: npm run db:generate -- <Name>
 */
import { writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { createDataSource } from '../../libs/server/src/database/data-source';

const name = process.argv[2];
if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) {
  console.error('usage: npm run db:generate -- <PascalCaseName>');
  process.exit(2);
}
const admin = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function main() {
  const scratch = `ll_gen_${Date.now()}`;
  const c = new Client({ connectionString: admin });
  await c.connect();
  await c.query(`CREATE DATABASE ${scratch}`);
  const url = new URL(admin);
  url.pathname = `/${scratch}`;
  const ds = createDataSource(url.toString());
  try {
    await ds.initialize();
    await ds.runMigrations();
    const log = await ds.driver.createSchemaBuilder().log();
    if (!log.upQueries.length) {
      console.log('No schema changes: nothing to generate.');
      return;
    }
    const ts = Date.now();
    const cls = `${name}${ts}`;
    const q = (s: string) => '`' + s.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${') + '`';
    const up = log.upQueries.map((x) => `    await q.query(${q(x.query)});`).join('\n');
    const down = [...log.downQueries].reverse().map((x) => `    await q.query(${q(x.query)});`).join('\n');
    const file = `import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ${cls} implements MigrationInterface {
  name = '${cls}';

  async up(q: QueryRunner): Promise<void> {
${up}
  }

  async down(q: QueryRunner): Promise<void> {
${down}
  }
}
`;
    const dir = join(__dirname, '../../libs/server/src/database/migrations');
    const fileName = `${ts}-${name.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase()}.ts`;
    writeFileSync(join(dir, fileName), file);
    const indexPath = join(dir, 'index.ts');
    const names = [...readFileSync(indexPath, 'utf8').matchAll(/import \{ (\w+) \} from '\.\/([\w-]+)';/g)].map((m) => [m[1], m[2]]);
    names.push([cls, fileName.replace(/\.ts$/, '')]);
    writeFileSync(
      indexPath,
      names.map(([n, f]) => `import { ${n} } from './${f}';`).join('\n') +
        `\n\n/** Every migration in order. Never edit one that has landed: add a new one. */\nexport const MIGRATIONS = [${names.map(([n]) => n).join(', ')}];\n`,
    );
    console.log(`Wrote ${fileName}`);
  } finally {
    if (ds.isInitialized) await ds.destroy();
    await c.query(`DROP DATABASE IF EXISTS ${scratch}`);
    await c.end();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
