import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Injectable } from '@nestjs/common';
import { formatDay } from '@samverkan/platform';
import pdfmake from 'pdfmake';
import type { Content, CustomTableLayout } from 'pdfmake';
import type { ComposeContext, ComposedDocument } from './document-template.js';

/** pdfmake's types name these only inside a path its package does not export. */
type TDocumentDefinitions = Parameters<typeof pdfmake.createPdf>[0];
type StyleDictionary = NonNullable<TDocumentDefinitions['styles']>;

const FONT_DIR = join(dirname(createRequire(import.meta.url).resolve('pdfmake/package.json')), 'fonts', 'Roboto');

// Roboto is embedded (it has every Swedish letter, § and the typographic dashes and quotes);
// pdfmake may read nothing else from disk and nothing from the network: a template's text can never
// make the worker fetch a URL or a file.
pdfmake.setFonts({
  Roboto: {
    normal: join(FONT_DIR, 'Roboto-Regular.ttf'),
    bold: join(FONT_DIR, 'Roboto-Medium.ttf'),
    italics: join(FONT_DIR, 'Roboto-Italic.ttf'),
    bolditalics: join(FONT_DIR, 'Roboto-MediumItalic.ttf'),
  },
});
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy((path) => path.startsWith(FONT_DIR));

const INK = '#1a1a1a';
const MUTED = '#555555';
const RULE = '#b0b0b0';

/** One look for every kind (document-blocks.ts names these styles). */
export const DOCUMENT_STYLES: StyleDictionary = {
  title: { fontSize: 17, bold: true, margin: [0, 6, 0, 10] },
  heading: { fontSize: 12.5, bold: true, margin: [0, 14, 0, 5] },
  subheading: { fontSize: 10.5, bold: true, margin: [0, 8, 0, 3] },
  paragraph: { margin: [0, 0, 0, 7], lineHeight: 1.2 },
  legal: { fontSize: 9.5, italics: true, margin: [0, 2, 0, 8], lineHeight: 1.2, color: '#333333' },
  facts: { margin: [0, 0, 0, 8] },
  table: { fontSize: 9, margin: [0, 2, 0, 10] },
  tableHeader: { bold: true, fillColor: '#eef2f5' },
  empty: { italics: true, color: MUTED, margin: [0, 0, 0, 8] },
  signatures: { margin: [0, 10, 0, 0] },
};

const SAMVERKAN_TABLE: CustomTableLayout = {
  hLineWidth: () => 0.5,
  vLineWidth: () => 0.5,
  hLineColor: () => RULE,
  vLineColor: () => RULE,
  paddingLeft: () => 4,
  paddingRight: () => 4,
  paddingTop: () => 3,
  paddingBottom: () => 3,
};
pdfmake.addTableLayouts({ samverkan: SAMVERKAN_TABLE });

/** The organisation heading the document, and its logo when DOCUMENT_LOGO_DIR has one. */
export interface Letterhead {
  name: string;
  logo: { svg: string } | { image: string } | null;
  contact: string[];
}

/** The rendered file. */
export interface RenderedDocument {
  bytes: Buffer;
  pageCount: number;
}

// pdfmake keeps its progress callback on the one shared instance, so renders take turns; they
// are CPU-bound anyway and would gain nothing by interleaving.
let queue: Promise<unknown> = Promise.resolve();

/**
 * Lays a template's document out on A4 pages the way a Swedish authority's letters look: the
 * letterhead with logo and name, the date, registration number (diarienummer) and record reference
 * on the first page; a running header with the number and reference on every page (so a loose page
 * is known), the organisation's contact and "Sida X av Y" in the footer; UTKAST across a preview.
 */
@Injectable()
export class DocumentRenderer {
  render(
    composed: ComposedDocument,
    context: ComposeContext,
    letterhead: Letterhead,
    reference: string,
    onProgress: (fraction: number) => void,
  ): Promise<RenderedDocument> {
    const run = queue.then(() => this.renderNow(composed, context, letterhead, reference, onProgress));
    queue = run.catch(() => undefined);
    return run;
  }

  private async renderNow(
    composed: ComposedDocument,
    context: ComposeContext,
    letterhead: Letterhead,
    reference: string,
    onProgress: (fraction: number) => void,
  ): Promise<RenderedDocument> {
    let pageCount = 0;
    const number = context.registrationNumber ? `Dnr ${context.registrationNumber}` : 'UTKAST – ej utfärdat';
    const definition: TDocumentDefinitions = {
      pageSize: 'A4',
      pageOrientation: composed.orientation ?? 'portrait',
      pageMargins: [62, 78, 62, 64],
      info: { title: composed.title, author: letterhead.name, subject: reference, creator: 'Samverkan', producer: 'Samverkan' },
      defaultStyle: { font: 'Roboto', fontSize: 10, color: INK },
      styles: DOCUMENT_STYLES,
      watermark: context.draft ? { text: 'UTKAST', color: '#9e9e9e', opacity: 0.18, bold: true } : undefined,
      header: (page: number) =>
        page === 1
          ? this.firstPageHead(context, letterhead, reference, number)
          : {
              margin: [62, 30, 62, 0],
              columns: [
                { width: 'auto', text: letterhead.name, bold: true, fontSize: 8.5, color: MUTED },
                { width: '*', text: `${number} · ${reference}`, alignment: 'right', fontSize: 8.5, color: MUTED },
              ],
            },
      footer: (page: number, pages: number) => {
        pageCount = pages;
        return {
          margin: [62, 20, 62, 0],
          columns: [
            { text: letterhead.contact.join('  ·  '), fontSize: 7.5, color: MUTED },
            { text: `Sida ${page} av ${pages}`, alignment: 'right', fontSize: 8.5, color: MUTED, width: 80 },
          ],
        };
      },
      content: [
        // The recipient where a window envelope shows it.
        composed.recipient && composed.recipient.length > 0
          ? { margin: [250, 10, 0, 14], stack: composed.recipient.map((line, i) => ({ text: line, bold: i === 0 })) }
          : { text: '', margin: [0, 6, 0, 0] },
        { text: composed.title, style: 'title' },
        ...composed.body,
      ],
    };
    pdfmake.setProgressCallback((fraction: number) => onProgress(fraction));
    const bytes = await pdfmake.createPdf(definition).getBuffer();
    return { bytes, pageCount };
  }

  /** The first page's head: logo and name on the left; date, number and reference on the right. */
  private firstPageHead(context: ComposeContext, letterhead: Letterhead, reference: string, number: string): Content {
    const logo: Content[] = letterhead.logo ? [{ ...letterhead.logo, width: 40, height: 40, margin: [0, 0, 10, 0] } as Content] : [];
    return {
      margin: [62, 22, 62, 0],
      columns: [
        ...logo,
        { width: '*', text: letterhead.name, fontSize: 13, bold: true, margin: [0, 11, 0, 0] },
        {
          width: 250,
          alignment: 'right',
          fontSize: 9,
          stack: [{ text: formatDay(context.date) }, { text: number, bold: true }, { text: reference, color: MUTED }],
        },
      ],
    };
  }
}

/** Reads an organisation's logo from DOCUMENT_LOGO_DIR: `<org_number>.svg|png|jpg`, or null when there is none. */
export async function readLogo(dir: string, orgNumber: string | null): Promise<Letterhead['logo']> {
  // The number comes from the database, but a file name is still checked: digits and one hyphen only.
  if (!orgNumber || !/^\d{6}-?\d{4}$/.test(orgNumber)) return null;
  for (const extension of ['svg', 'png', 'jpg'] as const) {
    try {
      const bytes = await readFile(join(dir, `${orgNumber}.${extension}`));
      if (extension === 'svg') return { svg: bytes.toString('utf8') };
      return { image: `data:image/${extension === 'png' ? 'png' : 'jpeg'};base64,${bytes.toString('base64')}` };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  return null;
}
