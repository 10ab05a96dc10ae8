/**
 * Entry point for the TypeORM CLI (`typeorm migration:show -d dist/.../cli/data-source.js`).
 * The CLI needs exactly one DataSource export, the default one.
 */
import { dataSourceOptions, loadConfig } from '@samverkan/platform';
import { migrations } from '@samverkan/migrations';
import { DataSource } from 'typeorm';

export default new DataSource(dataSourceOptions(loadConfig(), 'samverkan-cli', migrations));
