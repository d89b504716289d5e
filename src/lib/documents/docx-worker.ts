/**
 * mammoth off the page's thread, in the browser (read-docx.ts starts it): a .docx's bytes in,
 * its raw text out. As a worker, mammoth and its CommonJS helpers stay out of the page's own
 * JavaScript, and a large document does not freeze the page while it is read.
 */
import mammoth from 'mammoth';

export interface DocxWorkerAnswer {
  text?: string;
  /** mammoth could not read the file. */
  failed?: true;
}

self.onmessage = async (event: MessageEvent<ArrayBuffer>) => {
  let answer: DocxWorkerAnswer;
  try {
    answer = { text: (await mammoth.extractRawText({ arrayBuffer: event.data })).value };
  } catch {
    answer = { failed: true };
  }
  self.postMessage(answer);
};
