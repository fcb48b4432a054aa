/**
 * Hands the browser a file the tab fetched (the API needs the caller's token, so a plain link cannot fetch it): a
 * temporary object URL on a clicked, attached link, revoked once the download has surely started.
 */
export function saveBlob(blob: Blob, fileName: string): void {
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 60_000);
}

/** A file the API sent base64 in JSON (reports, the audit CSV). */
export function saveBase64(fileName: string, contentType: string, base64: string): void {
  saveBlob(new Blob([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], { type: contentType }), fileName);
}
