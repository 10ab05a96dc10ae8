import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { readLogo } from './document-renderer.js';

describe('readLogo', () => {
  const dir = mkdtempSync(join(tmpdir(), 'samverkan-logos-'));
  writeFileSync(join(dir, '212000-1850.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  writeFileSync(join(dir, '202100-0076.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));

  it('reads an SVG logo as its text, and a PNG as a data URL', async () => {
    expect(await readLogo(dir, '212000-1850')).toEqual({ svg: '<svg xmlns="http://www.w3.org/2000/svg"/>' });
    expect(await readLogo(dir, '202100-0076')).toEqual({ image: 'data:image/png;base64,iVBORw==' });
  });

  it('heads with the name alone when there is no logo or no organisation number', async () => {
    expect(await readLogo(dir, '222000-1230')).toBeNull();
    expect(await readLogo(dir, null)).toBeNull();
  });

  it('never reads outside the directory, whatever the number holds', async () => {
    expect(await readLogo(dir, '../212000-1850')).toBeNull();
    expect(await readLogo(join(dir, 'x'), '/etc/passwd')).toBeNull();
  });
});
