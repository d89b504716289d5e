/**
 * A Word .docx: its paragraphs' text with mammoth, loaded only when a .docx is read: in the
 * browser in a worker of its own (docx-worker.ts), in Node (the import command, tests) in-process.
 */
import type { DocxWorkerAnswer } from './docx-worker';
import { convertDocumentText } from './legacy-text';
import { notes, problems } from './messages';
import type { ReadDocument } from './types';

type Mammoth = typeof import('mammoth');

/** Kept out of Vite's graph: the browser reads .docx files in docx-worker.ts. */
const NODE_MAMMOTH = 'mammoth';

const inBrowser = () => typeof document !== 'undefined' && typeof Worker === 'function';

/** The raw text, or null when mammoth cannot read the file. */
function rawTextInWorker(bytes: Uint8Array): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./docx-worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<DocxWorkerAnswer>) => {
      worker.terminate();
      resolve(event.data.failed ? null : (event.data.text ?? ''));
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(`the .docx reader did not start: ${event.message}`));
    };
    const copy = bytes.slice();
    worker.postMessage(copy.buffer, [copy.buffer]);
  });
}

async function rawTextInProcess(bytes: Uint8Array): Promise<string | null> {
  const module = (await import(/* @vite-ignore */ NODE_MAMMOTH)) as Mammoth & { default?: Mammoth };
  const mammoth = module.default ?? module;
  try {
    // Node's mammoth reads `buffer` (any Uint8Array will do)
    return (await mammoth.extractRawText({ buffer: bytes as Buffer })).value;
  } catch {
    return null;
  }
}

export async function readDocx(bytes: Uint8Array): Promise<ReadDocument> {
  const raw = await (inBrowser() ? rawTextInWorker(bytes) : rawTextInProcess(bytes));
  if (raw === null) return { text: '', encoding: 'docx', notes: [], problem: problems.damagedDocx() };
  // mammoth ends every paragraph with a blank line
  const text = raw.replace(/\r\n?/g, '\n').replace(/\n{2,}/g, '\n').trim();
  if (!/\p{L}/u.test(text)) return { text: '', encoding: 'docx', notes: [], problem: problems.emptyDocx() };
  const converted = convertDocumentText(text, 'docx');
  const read: ReadDocument = { text: converted.text, encoding: 'docx', notes: [] };
  if (converted.legacy) read.notes.push(notes.converted(converted.legacy, 'docx'));
  return read;
}
