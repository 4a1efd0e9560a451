/**
 * Writes text to the clipboard, from an extension page or from a page's content
 * script (the extension's clipboardWrite permission lets both write without a
 * user gesture); false when the browser refuses.
 */
export async function copyText(text: string, doc: Document = document): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // Insecure pages and lost user activation: the legacy copy command still works.
    const area = doc.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.cssText = 'position:fixed;opacity:0;top:0;left:0';
    (doc.body ?? doc.documentElement).append(area);
    const previous = doc.activeElement as HTMLElement | null;
    area.select();
    const ok = doc.execCommand('copy');
    area.remove();
    // Give the focus back to whatever had it, such as the field the user is writing in.
    previous?.focus?.({ preventScroll: true });
    return ok;
  }
}
