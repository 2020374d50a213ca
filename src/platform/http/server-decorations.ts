import type { Db } from '../../database.ts';
import type { Config } from '../config.ts';
import type { DialectName } from '../db/connection.ts';

declare module 'fastify' {
  interface FastifyInstance {
    db: Db;
    config: Config;
    dialect: DialectName;
  }
}
