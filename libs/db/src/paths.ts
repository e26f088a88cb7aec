import path from 'node:path';

/** Where this lib keeps its Prisma schema and migrations (overridable for bundled apps). */
export interface TPrismaPaths {
  schemaPath: string;
  migrationsDir: string;
}

const prismaDir = path.resolve(__dirname, '..', 'prisma');

export const DEFAULT_PRISMA_PATHS: TPrismaPaths = {
  schemaPath: path.join(prismaDir, 'schema.prisma'),
  migrationsDir: path.join(prismaDir, 'migrations'),
};

export function resolvePrismaPaths(overrides: Partial<TPrismaPaths> = {}): TPrismaPaths {
  return { ...DEFAULT_PRISMA_PATHS, ...overrides };
}
