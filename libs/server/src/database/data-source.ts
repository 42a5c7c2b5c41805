import { DataSource, type DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

export function dataSourceOptions(url: string, poolSize = 10): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    uuidExtension: 'pgcrypto',
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsRun: false,
    synchronize: false,
    migrationsTableName: 'typeorm_migrations',
    extra: { max: poolSize },
  };
}

export const createDataSource = (url: string, poolSize?: number) => new DataSource(dataSourceOptions(url, poolSize));
