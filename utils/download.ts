/** Saves data as a download named `fileName`, through a temporary link to a Blob URL (no downloads permission needed). */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Firefox may still be reading the URL when click() returns; a moment later it has the data.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
