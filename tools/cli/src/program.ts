import { Command, InvalidArgumentError, Option } from 'commander';
import { migrateDatabase } from '@trailmark/db';
import {
  createApiToken,
  createApplication,
  createUser,
  defineProperty,
  listApplications,
  listProperties,
  seedDatabase,
} from '@trailmark/services';
import { registerGenerateCommand } from './commands/generate';
import { registerSessionCommands } from './commands/sessions';
import { cliEnv, withDatabase } from './context';
import { printJson } from './output';

function positiveInt(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1) throw new InvalidArgumentError('must be a positive whole number');
  return parsed;
}

function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

function dbCommands(program: Command): void {
  const db = program.command('db').description('database set-up');
  db.command('migrate')
    .description('create the database if missing and apply pending migrations')
    .action(async () => printJson(await migrateDatabase(cliEnv().DATABASE_URL)));
  db.command('seed')
    .description('create the demo admin user and application (idempotent)')
    .option('--demo', 'seed the demo application and its properties', false)
    .action(async (options: { demo: boolean }) => printJson(await withDatabase((client) => seedDatabase(client, { demo: options.demo }))));
}

function appCommands(program: Command): void {
  const app = program.command('app').description('applications');
  app.command('create')
    .requiredOption('--name <name>', 'application name')
    .option('--origin <url>', 'allowed origin (repeatable; * only explicitly)', collect, [])
    .action(async (options: { name: string; origin: string[] }) => {
      const created = await withDatabase((client) => createApplication(client, { name: options.name, allowedOrigins: options.origin }));
      printJson({ id: created.id, name: created.name, ingestKey: created.ingestKey, allowedOrigins: created.allowedOrigins });
    });
  app.command('list').action(async () => printJson(await withDatabase((client) => listApplications(client))));
}

function propertyCommands(program: Command): void {
  const property = program.command('property').description('property definitions');
  property.command('define')
    .requiredOption('--app <id>', 'application id')
    .requiredOption('--key <key>', 'property key')
    .addOption(new Option('--type <type>', 'data type').choices(['string', 'long', 'double', 'number', 'boolean', 'date']).makeOptionMandatory())
    .addOption(new Option('--scope <scope>', 'scope').choices(['event', 'session', 'both']).makeOptionMandatory())
    .option('--source <source>', 'capture source', 'api')
    .option('--expression <expression>', 'selector, variable, cookie, … for the source')
    .addOption(new Option('--aggregation <aggregation>', 'session aggregation').choices(['last', 'first', 'min', 'max', 'sum']))
    .option('--case-insensitive', 'match incoming keys ignoring case', false)
    .option('--max-length <n>', 'maximum string length', positiveInt)
    .option('--cleanup <regex>', 'cleanup regular expression')
    .option('--display-name <name>', 'name shown in the console')
    .option('--no-honour-dnt', 'capture even when the browser sends Do-Not-Track (no personal data only)')
    .action(async (options: Record<string, unknown>) => {
      const input = {
        key: options['key'],
        dataType: options['type'],
        scope: options['scope'],
        source: options['source'],
        expression: options['expression'],
        sessionAggregation: options['aggregation'],
        caseInsensitive: options['caseInsensitive'],
        maxLength: options['maxLength'],
        cleanupRule: options['cleanup'],
        displayName: options['displayName'],
        honourDnt: options['honourDnt'],
      };
      const defined = Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined));
      printJson(await withDatabase((client) => defineProperty(client, String(options['app']), defined)));
    });
  property.command('list')
    .requiredOption('--app <id>', 'application id')
    .action(async (options: { app: string }) => printJson(await withDatabase((client) => listProperties(client, options.app))));
}

function tokenAndUserCommands(program: Command): void {
  program.command('token').description('API tokens').command('create')
    .requiredOption('--name <name>', 'token name')
    .requiredOption('--scope <scope>', 'scope, e.g. usql:read (repeatable)', collect, [])
    .option('--app <id>', 'limit to an application (repeatable)', collect, [])
    .action(async (options: { name: string; scope: string[]; app: string[] }) =>
      printJson(await withDatabase((client) => createApiToken(client, { name: options.name, scopes: options.scope, applicationIds: options.app }))),
    );
  program.command('user').description('console users').command('create')
    .requiredOption('--email <email>', 'email')
    .requiredOption('--password <password>', 'password (at least 10 characters)')
    .addOption(new Option('--role <role>', 'role').choices(['admin', 'editor', 'viewer']).makeOptionMandatory())
    .action(async (options: { email: string; password: string; role: 'admin' | 'editor' | 'viewer' }) =>
      printJson(await withDatabase((client) => createUser(client, options))),
    );
}

export function buildProgram(): Command {
  const program = new Command('trailmark').description('Trailmark command line').showHelpAfterError();
  dbCommands(program);
  appCommands(program);
  propertyCommands(program);
  tokenAndUserCommands(program);
  registerSessionCommands(program);
  registerGenerateCommand(program);
  return program;
}
