/**
 * Hands a finished file to the browser as a download. Only whole files come here (each export
 * makes its blob first); an empty one is refused, so no broken file reaches the user.
 */
export function downloadBlob(blob: Blob, fileName: string): void {
  if (blob.size === 0) throw new Error(`refusing to download an empty file: ${fileName}`);
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // the download has started from the URL; keep it a moment for slow browsers
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
