/**
 * The words for an insertion that fell back to the clipboard, in the user's
 * language: the popup and side panel show them, and the background hands them
 * to the page (the content script carries no translations).
 */
import { i18n } from '#i18n';
import type { InsertFailure, PageNotices } from './messages';

/** Why nothing was inserted, and what the user does next. */
export function failureReasons(): Record<InsertFailure, string> {
  return {
    'no-field': i18n.t('fallbackNoField'),
    gone: i18n.t('fallbackGone'),
    hidden: i18n.t('fallbackHidden'),
    'read-only': i18n.t('fallbackReadOnly'),
    disabled: i18n.t('fallbackDisabled'),
    'no-access': i18n.t('fallbackNoAccess'),
    refused: i18n.t('fallbackRefused'),
  };
}

/** What the page says when an insertion it made without the popup open went wrong. */
export function pageNotices(): PageNotices {
  return {
    truncated: i18n.t('truncated', ['$1']),
    fallback: i18n.t('fallbackTitle'),
    reasons: failureReasons(),
    copyFailed: i18n.t('copyFailed'),
  };
}
