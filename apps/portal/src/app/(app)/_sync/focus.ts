/** After a failed check, move focus to the first field marked invalid (once React has rendered it). */
export function focusFirstInvalid(root: HTMLElement | null) {
  if (!root) return;
  const run = () => root.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  if (typeof window !== 'undefined' && typeof window.requestAnimationFrame === 'function') window.requestAnimationFrame(run);
  else setTimeout(run, 0);
}
