import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options';

/**
 * For the TypeORM CLI (`npm run db:migration:generate -- Name`): it needs DATABASE_URL, for
 * example the embedded server's URL printed by `npm start`.
 */
const url = process.env['DATABASE_URL'];
if (!url) throw new Error('Set DATABASE_URL to run the TypeORM CLI.');
export default new DataSource(dataSourceOptions(url));
