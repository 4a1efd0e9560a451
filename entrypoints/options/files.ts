/**
 * Files in and out of the options page: reading a picked or dropped file with
 * progress, downloading a backup, and letting the browser paint before heavy work.
 */

export interface ReadProgress {
  loaded: number;
  total: number;
}

/** A file's bytes; FileReader rather than file.arrayBuffer() because it reports progress on big files. */
export function readFileBytes(file: Blob, onProgress: (progress: ReadProgress) => void): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onprogress = (event) => {
      if (event.lengthComputable) onProgress({ loaded: event.loaded, total: event.total });
    };
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsArrayBuffer(file);
  });
}

/** Resolves after the browser has painted, so a "正在解析…" state shows before the parser takes the thread. */
export function afterPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

/** Saves `text` as a download named `fileName`, through a temporary link to a Blob URL. */
export function downloadText(text: string, fileName: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
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
