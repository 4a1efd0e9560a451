import { i18n } from '#i18n';

/** A character count, against a target when one is set: within 10% of it reads as on target. */
export function CountBadge({ count, target }: { count: number; target?: number }) {
  const state = target === undefined ? undefined : count < target * 0.9 ? 'under' : count > target * 1.1 ? 'over' : 'on';
  return (
    <span class="count" data-count={count} data-state={state} title={state && STATE_TITLES[state]()}>
      {target === undefined ? i18n.t('composerChars', [count.toLocaleString('zh-CN')]) : i18n.t('composerCharsOf', [count.toLocaleString('zh-CN'), target.toLocaleString('zh-CN')])}
    </span>
  );
}

const STATE_TITLES = {
  under: () => i18n.t('composerCountUnder'),
  on: () => i18n.t('composerCountOn'),
  over: () => i18n.t('composerCountOver'),
};
