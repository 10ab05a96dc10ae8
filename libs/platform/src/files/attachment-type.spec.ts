import { PassThrough } from 'node:stream';
import { describe, expect, it } from '@jest/globals';
import { ValidationProblem } from '../errors/problem.js';
import { acceptAttachment, fileNameErrors, OversizedBody, readAttachmentBody, sniffAttachmentType } from './attachment-type.js';

const PDF = Buffer.from('%PDF-1.7\n%%EOF\n');
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64');

/** The `field:code` of each error the check throws; fails when it accepts. */
const codes = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationProblem);
    return (error as ValidationProblem).errors.map((e) => `${e.field}:${e.code}`);
  }
  throw new Error('accepted');
};

/** What an attachment is, from its bytes, and the checks of its name and size (issue #21). */
describe('attachment types and names', () => {
  it('knows PDF by its header, images as photos, and nothing else', () => {
    expect(sniffAttachmentType(PDF)).toBe('application/pdf');
    expect(sniffAttachmentType(PNG)).toBe('image/png');
    expect(sniffAttachmentType(Buffer.from('%PDF'))).toBeNull();
    expect(sniffAttachmentType(Buffer.from('PK\u0003\u0004word/document.xml'))).toBeNull();
    expect(sniffAttachmentType(Buffer.from(' %PDF-1.4'))).toBeNull();
  });

  it('takes a plain name, with any letters, and refuses paths, control characters and long names', () => {
    expect(fileNameErrors('Beslut om varning, Krögarn AB (2026-11-30).pdf')).toEqual([]);
    expect(fileNameErrors('Överklagande från ägaren.pdf')).toEqual([]);
    const code = (name: string | undefined) => fileNameErrors(name).map((e) => e.code);
    expect(code(undefined)).toEqual(['attachment.name_missing']);
    expect(code('   ')).toEqual(['attachment.name_missing']);
    expect(code('../beslut.pdf')).toEqual(['attachment.name_path']);
    expect(code('mapp\\beslut.pdf')).toEqual(['attachment.name_path']);
    expect(code('..')).toEqual(['attachment.name_path']);
    expect(code('beslut\n.pdf')).toEqual(['attachment.name_control']);
    expect(code('beslut\u0085.pdf')).toEqual(['attachment.name_control']);
    expect(code('a'.repeat(200))).toEqual([]);
    expect(code('a'.repeat(201))).toEqual(['attachment.name_too_long']);
  });

  it('accepts a file within the limit with its SHA-256, and names every fault at once', () => {
    expect(acceptAttachment(PDF, ' samtycke.pdf ', 1024)).toMatchObject({
      type: 'application/pdf',
      fileName: 'samtycke.pdf',
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(codes(() => acceptAttachment(Buffer.alloc(0), 'a.pdf', 1024))).toEqual(['body:attachment.body_missing']);
    expect(codes(() => acceptAttachment(Buffer.concat([PDF, Buffer.alloc(1024)]), 'a.pdf', 1024))).toEqual(['body:attachment.too_large']);
    expect(codes(() => acceptAttachment(new OversizedBody(5000), 'a.pdf', 1024))).toEqual(['body:attachment.too_large']);
    expect(codes(() => acceptAttachment(Buffer.from('<html>'), '/etc/x', 1024))).toEqual(['fileName:attachment.name_path', 'body:attachment.type_refused']);
  });

  it('reads a body up to the limit, counts one over it without keeping it, and refuses one far beyond', async () => {
    const read = (chunks: Buffer[], max: number, drain: number) =>
      new Promise<{ error: Error | null; body?: unknown }>((resolve) => {
        const stream = new PassThrough();
        readAttachmentBody(stream, max, drain, (error, body) => resolve({ error, body }));
        for (const chunk of chunks) stream.write(chunk);
        stream.end();
      });
    expect(await read([PDF.subarray(0, 4), PDF.subarray(4)], 64, 256)).toEqual({ error: null, body: PDF });
    const over = await read([Buffer.alloc(50), Buffer.alloc(50)], 64, 256);
    expect(over.body).toEqual(new OversizedBody(100));
    const far = await read([Buffer.alloc(200), Buffer.alloc(200)], 64, 256);
    expect((far.error as Error & { statusCode: number }).statusCode).toBe(413);
  });
});
