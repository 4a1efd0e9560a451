import { MAX_DRAFT_TARGET } from '../../core/draft/schema';

interface Props {
  label: string;
  name: string;
  /** How far the arrows step: a whole draft in 500s, a part in 100s. */
  step: number;
  value: number | undefined;
  onChange: (target: number | undefined) => void;
}

/** A target length in characters; anything but a whole positive number means no target. */
export function TargetInput({ label, name, step, value, onChange }: Props) {
  return (
    <label class="part-target">
      <span>{label}</span>
      <input
        type="number"
        name={name}
        min={0}
        step={step}
        inputMode="numeric"
        value={value ?? ''}
        onInput={(event) => onChange(parseTarget((event.currentTarget as HTMLInputElement).value))}
      />
    </label>
  );
}

/** A target as typed: a whole positive number, or none. */
function parseTarget(text: string): number | undefined {
  const n = Math.round(Number(text));
  return Number.isFinite(n) && n > 0 ? Math.min(n, MAX_DRAFT_TARGET) : undefined;
}
