/**
 * For page tests of exports: the names of the files the page hands to the browser (an anchor's
 * `download` clicked), in order, with object URLs stubbed; emptied after each test.
 */
import { afterEach, beforeEach, vi } from 'vitest';

export function captureDownloads(): string[] {
  const downloads: string[] = [];
  beforeEach(() => {
    URL.createObjectURL = vi.fn(() => 'blob:x');
    URL.revokeObjectURL = vi.fn();
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      downloads.push(this.download);
    });
  });
  afterEach(() => {
    downloads.length = 0;
    vi.restoreAllMocks();
  });
  return downloads;
}
