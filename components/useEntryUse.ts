import { useSignal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import type { Entry } from '../core/library';
import { type Placeholder, listPlaceholders, renderBody } from '../core/placeholders';
import type { InsertMode } from '../utils/messages';
import { type Action, type Deliver, type Outcome, deliver } from './deliver';
import type { usePreferences } from './usePreferences';

export interface PendingForm {
  entry: Entry;
  placeholders: Placeholder[];
}

/**
 * Using an entry: ask for its placeholders if it has any, then insert or copy
 * its text, remember the use and the values typed, and report the outcome.
 */
export function useEntryUse(options: {
  preferences: ReturnType<typeof usePreferences>;
  mode: InsertMode;
  tabId: () => Promise<number | undefined>;
  onOutcome: (outcome: Outcome, action: Action) => void;
  /** Puts the text somewhere other than through the background (the picker in the page). */
  deliver?: Deliver;
}) {
  const form = useSignal<PendingForm | null>(null);
  /**
   * The element (by id) that had the focus when the form took the list's
   * place: the row or the search box is rendered anew when the form goes, and
   * the keyboard user carries on from there.
   */
  const returnTo = useRef<string | null>(null);
  const pending = form.value;
  useEffect(() => {
    if (pending || !returnTo.current) return;
    const id = returnTo.current;
    returnTo.current = null;
    // Unless the page has put the focus somewhere on purpose meanwhile.
    if (document.activeElement === document.body || document.activeElement === null) document.getElementById(id)?.focus();
  }, [pending]);
  /** A text that did not fit its field: using it again inserts what fits. */
  let tooLong: { id: string; text: string } | null = null;

  const finish = async (entry: Entry, values: Record<string, string>, action: Action, remembered?: Promise<unknown>) => {
    const text = renderBody(entry.body, values);
    const confirmed = tooLong?.id === entry.id && tooLong.text === text;
    let outcome: Outcome;
    if (options.deliver) {
      outcome = await options.deliver(text, action, confirmed);
    } else {
      const tabId = action === 'insert' ? await options.tabId() : undefined;
      outcome = await deliver(text, action, tabId, options.mode, confirmed);
    }
    tooLong = outcome.tooLong ? { id: entry.id, text } : null;
    if (outcome.delivered || action === 'copy') await options.preferences.recordUse(entry.id);
    await remembered;
    options.onOutcome(outcome, action);
  };

  return {
    form,
    use(entry: Entry, action: Action) {
      const placeholders = listPlaceholders(entry.body);
      if (placeholders.length > 0) {
        returnTo.current = document.activeElement?.id || null;
        form.value = { entry, placeholders };
        return;
      }
      void finish(entry, {}, action);
    },
    submitForm(values: Record<string, string>, action: Action) {
      const pending = form.value;
      if (!pending) return;
      form.value = null;
      // Saved before the outcome is reported: the popup closes once it is, and a write still
      // under way when the page goes would lose the values.
      const remembered = options.preferences.rememberValues(values);
      void finish(pending.entry, values, action, remembered);
    },
    cancelForm() {
      form.value = null;
    },
  };
}
