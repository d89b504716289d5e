/**
 * A PDF's text layer, read with pdf.js. In a browser the modern build with its worker as a file
 * of its own (Vite's `?url`), both fetched only when a PDF is read; in Node (the import command,
 * tests) the legacy build that Node 20 runs, its worker code on the main thread.
 */
import { convertDocumentText } from './legacy-text';
import { notes, problems } from './messages';
import { pagesToText, piecesToLines, type Line, type TextPiece } from './pdf-paragraphs';
import type { ReadDocument } from './types';

type PdfJs = typeof import('pdfjs-dist');

/** Kept out of Vite's graph: the browser gets the modern build below, never these. */
const NODE_BUILD = 'pdfjs-dist/legacy/build/pdf.mjs';
const NODE_WORKER = 'pdfjs-dist/legacy/build/pdf.worker.mjs';

const inBrowser = () => typeof document !== 'undefined' && typeof Worker === 'function';

let loading: Promise<PdfJs> | undefined;

function loadPdfJs(): Promise<PdfJs> {
  loading ??= (async () => {
    if (inBrowser()) {
      const [pdfjs, worker] = await Promise.all([import('pdfjs-dist'), import('pdfjs-dist/build/pdf.worker.min.mjs?url')]);
      pdfjs.GlobalWorkerOptions.workerSrc = worker.default;
      return pdfjs;
    }
    // the worker's code registers itself as globalThis.pdfjsWorker, which pdf.js then runs in-process
    await import(/* @vite-ignore */ NODE_WORKER);
    return (await import(/* @vite-ignore */ NODE_BUILD)) as PdfJs;
  })();
  loading.catch(() => (loading = undefined));
  return loading;
}

/** Operators that paint a picture: a page with one of them and no text is a scanned page. */
const IMAGE_OPS = ['paintImageXObject', 'paintInlineImageXObject', 'paintImageMaskXObject', 'paintImageXObjectRepeat'] as const;

export async function readPdf(bytes: Uint8Array): Promise<ReadDocument> {
  const pdfjs = await loadPdfJs();
  const task = pdfjs.getDocument({
    // pdf.js hands the data to its worker and detaches it: give it a copy
    data: bytes.slice(),
    verbosity: pdfjs.VerbosityLevel.ERRORS,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    isOffscreenCanvasSupported: false,
    stopAtErrors: false,
  });
  try {
    const doc = await task.promise;
    const pages: Line[][] = [];
    const textless: number[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      const pieces: TextPiece[] = content.items.flatMap((i) => ('str' in i ? [i] : []));
      const lines = piecesToLines(pieces);
      if (!lines.some((l) => /\p{L}/u.test(l.text))) textless.push(n);
      pages.push(lines);
      page.cleanup();
    }
    if (textless.length === doc.numPages) return { text: '', encoding: 'pdf', notes: [], problem: problems.scanPdf() };

    const scanned: number[] = [];
    const blank: number[] = [];
    for (const n of textless) {
      const page = await doc.getPage(n);
      const ops = await page.getOperatorList();
      const paints = new Set<number>(IMAGE_OPS.map((op) => pdfjs.OPS[op]));
      (ops.fnArray.some((fn) => paints.has(fn)) ? scanned : blank).push(n);
      page.cleanup();
    }

    const converted = convertDocumentText(pagesToText(pages), 'pdf');
    const read: ReadDocument = { text: converted.text, encoding: 'pdf', notes: [] };
    if (converted.legacy) read.notes.push(notes.converted(converted.legacy, 'pdf'));
    if (blank.length > 0) read.notes.push(notes.blankPdfPages(blank));
    if (scanned.length > 0) read.problem = problems.scanPages(scanned);
    return read;
  } catch (error) {
    // whatever pdf.js cannot parse is a damaged file, for the person as for us
    const locked = error instanceof Error && error.name === 'PasswordException';
    return { text: '', encoding: 'pdf', notes: [], problem: locked ? problems.lockedPdf() : problems.damagedPdf() };
  } finally {
    await task.destroy();
  }
}
