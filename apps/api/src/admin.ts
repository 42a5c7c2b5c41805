import { parseArgs } from 'node:util';
import { NestFactory } from '@nestjs/core';
import { type DynamicModule, Module } from '@nestjs/common';
import { AuthModule, AuthService, CoreModule, JsonLogger, loadConfig, prepareDatabase } from '@ledgerlink/server';

const USAGE = `usage: npm run admin -- create-client --name NAME [--email EMAIL --password PASSWORD]`;

@Module({})
class AdminModule {
  static forRoot(config: ReturnType<typeof loadConfig>, logger: JsonLogger): DynamicModule {
    return { module: AdminModule, imports: [CoreModule.forRoot({ config, logger, service: 'admin' }), AuthModule] };
  }
}

/** Operator commands, run inside the API bundle so they share its config, entities and migrations. */
export async function runAdmin(argv: string[], env: Record<string, string | undefined>): Promise<number> {
  const [command, ...rest] = argv;
  if (command !== 'create-client') {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const { values } = parseArgs({ args: rest, options: { name: { type: 'string' }, email: { type: 'string' }, password: { type: 'string' } } });
  if (!values.name || Boolean(values.email) !== Boolean(values.password) || (values.password && values.password.length < 8)) {
    process.stderr.write(`${USAGE}\n(--email and --password go together; the password needs at least 8 characters)\n`);
    return 2;
  }
  const config = loadConfig(env);
  const logger = new JsonLogger('admin', 'warn');
  const ctx = await NestFactory.createApplicationContext(AdminModule.forRoot(config, logger), { logger });
  try {
    await prepareDatabase(ctx);
    const created = await ctx.get(AuthService).createClient({ name: values.name, email: values.email, password: values.password });
    process.stdout.write(`Client: ${created.clientId}\nAPI key: ${created.apiKey}\n`);
    if (values.email) process.stdout.write(`Portal login: ${values.email} / ${values.password}\n`);
    return 0;
  } catch (e) {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  } finally {
    await ctx.close();
  }
}
