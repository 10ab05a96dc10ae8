import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { configureRouting, createFastifyAdapter, loadConfig, openApiDocument } from '@samverkan/platform';
import { ApiModule } from '../api.module.js';

/**
 * `node openapi.js FILE`: writes the API's OpenAPI document without starting anything (Nest's
 * preview mode resolves no providers, so no database or Redis is needed). The web client's types
 * are generated from it.
 */
const [file] = process.argv.slice(2);
if (!file) throw new Error('usage: openapi.js FILE');
const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent' });
const app = await NestFactory.create<NestFastifyApplication>(ApiModule.forRoot(config), createFastifyAdapter(config), { preview: true, logger: false });
configureRouting(app);
writeFileSync(file, `${JSON.stringify(openApiDocument(app), null, 2)}\n`);
await app.close();
