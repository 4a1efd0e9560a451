/**
 * Says in the page what became of an insertion made with no Bixia window open
 * to say it (after the popup closed, or from the picker at the caret): the text
 * cut to a field's length limit, or nothing inserted and the text copied instead.
 */
import { copyText } from '../clipboard';
import type { InsertResult, PageNotices } from '../messages';
import { showNotice } from './notice';

export async function tellUser(result: InsertResult, text: string, notices: PageNotices): Promise<void> {
  if (result.status === 'truncated') {
    showNotice(document, { tone: 'note', text: notices.truncated.replace('$1', String(result.kept)) });
  } else if (result.status === 'failed') {
    const copied = await copyText(text, document);
    showNotice(document, { tone: 'fallback', title: copied ? notices.fallback : notices.copyFailed, text: notices.reasons[result.reason] });
  }
}
