/**
 * Files in and out of the options page: reading a picked or dropped file with
 * progress, downloading a backup, and letting the browser paint before heavy work.
 */
import { downloadBlob } from '../../utils/download';

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

/** Saves `text` as a download named `fileName`. */
export function downloadText(text: string, fileName: string, type = 'application/json'): void {
  downloadBlob(new Blob([text], { type: `${type};charset=utf-8` }), fileName);
}
