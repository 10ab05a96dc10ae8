import type { Content, TableCell } from 'pdfmake';

/**
 * The building blocks every template uses, so a hearing letter and a register extract look like
 * documents of the same authority: one heading style, one table style, one way to write a fact.
 * Styles are defined once in document-renderer.ts (DOCUMENT_STYLES).
 */

/** A section heading. */
export function heading(text: string): Content {
  return { text, style: 'heading' };
}

/** A smaller heading inside a section. */
export function subheading(text: string): Content {
  return { text, style: 'subheading' };
}

/** A paragraph of running text. Empty text gives nothing. */
export function paragraph(text: string, options: { bold?: boolean; italics?: boolean } = {}): Content {
  return { text, style: 'paragraph', ...options };
}

/** A text that quotes the law or an instruction, set apart (the appeal instruction, a legal ground). */
export function legalNote(text: string): Content {
  return { text, style: 'legal' };
}

/** Label–value lines ("Serveringsställe: Krogen"), as a two-column table without rules. Empty values show as "–". */
export function facts(rows: readonly (readonly [label: string, value: string | null | undefined])[]): Content {
  return {
    style: 'facts',
    layout: 'noBorders',
    table: {
      widths: ['auto', '*'],
      body: rows.map(([label, value]) => [{ text: label, bold: true }, { text: value && value.trim() !== '' ? value : '–' }]),
    },
  };
}

/** A table with a header row repeated on every page. `widths` defaults to sharing the width evenly. */
export function table(headers: readonly string[], rows: readonly (readonly (string | number | null | undefined)[])[], widths?: (string | number)[]): Content {
  const header: TableCell[] = headers.map((h) => ({ text: h, style: 'tableHeader' }));
  const body: TableCell[][] = rows.map((row) => row.map((cell) => ({ text: cell === null || cell === undefined || cell === '' ? '–' : String(cell) })));
  return {
    style: 'table',
    layout: 'samverkan',
    table: { headerRows: 1, dontBreakRows: true, widths: widths ?? headers.map(() => '*'), body: [header, ...body] },
  };
}

/** What to write when a list is empty, in the place the list would have been. */
export function emptyNote(text: string): Content {
  return { text, style: 'empty' };
}

/** A bulleted list. */
export function bullets(items: readonly string[]): Content {
  return { ul: [...items], style: 'paragraph' };
}

/** Lines to sign on: a line above each name, with place and date. */
export function signatureLines(signers: readonly string[]): Content {
  return {
    style: 'signatures',
    unbreakable: true,
    stack: signers.map((signer) => ({
      margin: [0, 28, 0, 0],
      columns: [
        { width: '*', stack: [{ text: '_'.repeat(40) }, { text: signer, fontSize: 9 }] },
        { width: 160, stack: [{ text: '_'.repeat(24) }, { text: 'Ort och datum', fontSize: 9 }] },
      ],
    })),
  };
}

/** A box to tick, with its text, for a form to fill in by hand. */
export function checkbox(text: string): Content {
  // Drawn, not a glyph: the embedded font has no ballot box.
  return {
    columns: [
      { width: 16, canvas: [{ type: 'rect', x: 0, y: 1.5, w: 9, h: 9, lineWidth: 0.8 }] },
      { width: '*', text },
    ],
    margin: [0, 3, 0, 3],
  };
}
