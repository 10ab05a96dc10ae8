import { describe, expect, it } from '@jest/globals';
import { AppLogger } from './app-logger.js';
import { requestContext } from './request-context.js';
import { createRootLogger } from './root-logger.js';

function capture() {
  const lines: Record<string, unknown>[] = [];
  const destination = { write: (line: string) => void lines.push(JSON.parse(line)) };
  return { lines, logger: createRootLogger({ LOG_LEVEL: 'debug' }, 'samverkan-test', destination) };
}

describe('root logger', () => {
  it('writes JSON lines with level names, ISO times and the service', () => {
    const { lines, logger } = capture();
    logger.info({ premisesId: 'p-1' }, 'inspection planned');
    expect(lines).toEqual([
      expect.objectContaining({
        level: 'info',
        service: 'samverkan-test',
        msg: 'inspection planned',
        premisesId: 'p-1',
        time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      }),
    ]);
  });

  it('redacts credentials and personal data wherever they appear', () => {
    const { lines, logger } = capture();
    logger.warn({
      headers: { authorization: 'Bearer abc', cookie: 'sid=1' },
      subject: { personnummer: '201001012384', email: 'elev@example.se', name: 'kept' },
      body: { password: 'hunter2' },
    });
    const line = JSON.stringify(lines[0]);
    for (const secret of ['Bearer abc', 'sid=1', '201001012384', 'elev@example.se', 'hunter2']) {
      expect(line).not.toContain(secret);
    }
    expect(lines[0]).toMatchObject({ subject: { personnummer: '[redacted]', name: 'kept' } });
  });

  it('adds the request id to every line written while handling a request', () => {
    const { lines, logger } = capture();
    requestContext.run({ requestId: 'req-123456' }, () => logger.info('inside'));
    logger.info('outside');
    expect(lines[0]).toMatchObject({ msg: 'inside', requestId: 'req-123456' });
    expect(lines[1]).not.toHaveProperty('requestId');
  });

  it('serves Nest as a LoggerService, with context and error stacks', () => {
    const { lines, logger } = capture();
    const nest = new AppLogger(logger);
    nest.log('Mapped route', 'RouterExplorer');
    nest.error('boom', 'Error: boom\n    at somewhere (file.ts:1:1)', 'ExceptionHandler');
    nest.error(new Error('kaputt'));
    expect(lines[0]).toMatchObject({ level: 'info', msg: 'Mapped route', context: 'RouterExplorer' });
    expect(lines[1]).toMatchObject({ level: 'error', msg: 'boom', context: 'ExceptionHandler', stack: expect.stringContaining('at somewhere') });
    expect(lines[2]).toMatchObject({ level: 'error', msg: 'kaputt', err: { message: 'kaputt' } });
  });
});
