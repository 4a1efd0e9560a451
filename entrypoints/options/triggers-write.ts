/**
 * Every change the 快捷输入 view makes to the stored `triggers`: read as
 * stored now and written under its lock (utils/stored.ts), and checked again
 * there, so two options tabs cannot set the same trigger twice.
 */
import { type TriggerRefusal, type TriggerRow, triggerRefusal } from '../../core/triggers';
import { TRIGGER_ROWS_MAX, TRIGGER_SITES_MAX, type TriggerSettings, updateStored } from '../../utils/stored';

/** A change refused for what the triggers are now; nothing was written. */
export class TriggerRefused extends Error {
  constructor(readonly refusal: TriggerRefusal | { code: 'full' | 'site-exists' | 'gone' }) {
    super(`trigger refused: ${refusal.code}`);
    this.name = 'TriggerRefused';
  }
}

async function change(apply: (current: TriggerSettings) => TriggerSettings): Promise<TriggerSettings> {
  const { values } = await updateStored(['triggers'], ({ triggers }) => ({ write: { triggers: apply(triggers) } }));
  return values.triggers;
}

const sameRow = (a: TriggerRow, b: TriggerRow) => a.entryId === b.entryId && a.trigger === b.trigger;

export function addTrigger(entryId: string, trigger: string): Promise<TriggerSettings> {
  return change((current) => {
    const refusal = triggerRefusal(current.rows, trigger);
    if (refusal) throw new TriggerRefused(refusal);
    if (current.rows.length >= TRIGGER_ROWS_MAX) throw new TriggerRefused({ code: 'full' });
    return { ...current, rows: [...current.rows, { entryId, trigger: trigger.trim() }] };
  });
}

export function changeTrigger(row: TriggerRow, trigger: string): Promise<TriggerSettings> {
  return change((current) => {
    const stored = current.rows.find((r) => sameRow(r, row));
    if (!stored) throw new TriggerRefused({ code: 'gone' });
    const refusal = triggerRefusal(current.rows, trigger, stored);
    if (refusal) throw new TriggerRefused(refusal);
    return { ...current, rows: current.rows.map((r) => (r === stored ? { ...r, trigger: trigger.trim() } : r)) };
  });
}

export function removeTrigger(row: TriggerRow): Promise<TriggerSettings> {
  return change((current) => ({ ...current, rows: current.rows.filter((r) => !sameRow(r, row)) }));
}

export function setTriggersEnabled(enabled: boolean): Promise<TriggerSettings> {
  return change((current) => ({ ...current, enabled }));
}

export function addOffSite(site: string): Promise<TriggerSettings> {
  return change((current) => {
    if (current.offSites.includes(site)) throw new TriggerRefused({ code: 'site-exists' });
    if (current.offSites.length >= TRIGGER_SITES_MAX) throw new TriggerRefused({ code: 'full' });
    return { ...current, offSites: [...current.offSites, site] };
  });
}

export function removeOffSite(site: string): Promise<TriggerSettings> {
  return change((current) => ({ ...current, offSites: current.offSites.filter((s) => s !== site) }));
}
