// Shared page glue (popup, panel): writes text to the clipboard from a click. The async API
// first; where a page may not use it (older Firefox popups, a DevTools panel whose frame lacks
// the clipboard-write permission policy) the textarea and execCommand fallback still works.
export async function copyText(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.append(area);
    area.select();
    const copied = document.execCommand('copy');
    area.remove();
    if (!copied) throw new Error('copy refused');
  }
}
