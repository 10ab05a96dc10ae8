/**
 * Entry point for the TypeORM CLI (`typeorm migration:show -d dist/.../data-source.js`).
 * The CLI needs exactly one DataSource export, the default one.
 */
import { DataSource } from 'typeorm';
import { loadConfig } from '../config/load-config.js';
import { dataSourceOptions } from './data-source-options.js';

export default new DataSource(dataSourceOptions(loadConfig(), 'samverkan-cli'));
