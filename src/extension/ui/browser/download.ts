/**
 * A `blob:` URL for `text`. It is revoked a minute later, not at once: the download or the new tab
 * reads the blob after the click handler has returned.
 */
export function blobUrl(text: string, type: string): string {
  const url = URL.createObjectURL(new Blob([text], { type }));
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return url;
}

/** Saves `text` as a file named `fileName` through a download link. */
export function downloadText(text: string, type: string, fileName: string): void {
  const a = document.createElement('a');
  a.href = blobUrl(text, type);
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
}
