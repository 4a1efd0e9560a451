/**
 * Text with the parts a search matched in <mark>: text and marks as JSX children, never
 * markup. Ranges are sorted, non-overlapping [start, end) offsets into `text`.
 */
export function Highlighted({ text, ranges }: { text: string; ranges?: readonly (readonly [number, number])[] }) {
  if (!ranges || ranges.length === 0) return <>{text}</>;
  const parts: preact.ComponentChild[] = [];
  let at = 0;
  for (const [start, end] of ranges) {
    if (start < at || end <= start || end > text.length) continue;
    if (start > at) parts.push(text.slice(at, start));
    parts.push(<mark key={start}>{text.slice(start, end)}</mark>);
    at = end;
  }
  if (at < text.length) parts.push(text.slice(at));
  return <>{parts}</>;
}
