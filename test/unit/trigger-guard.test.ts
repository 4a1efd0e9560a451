import { describe, expect, it } from 'vitest';
import { isComposingEvent, isSecretField, mayEndTrigger, triggersOffFor } from '../../core/trigger-guard';

describe('isComposingEvent and mayEndTrigger', () => {
  it('sees a composition however the browser says it', () => {
    expect(isComposingEvent({ isComposing: true, inputType: 'insertText' })).toBe(true);
    expect(isComposingEvent({ inputType: 'insertCompositionText' })).toBe(true);
    expect(isComposingEvent({ keyCode: 229, key: 'b' })).toBe(true);
    expect(isComposingEvent({ key: 'Process' })).toBe(true);
    expect(isComposingEvent({ isComposing: false, inputType: 'insertText', keyCode: 76, key: 'l' })).toBe(false);
  });

  it('lets typed and committed text end a trigger, never a composition, a paste, a deletion or an undo', () => {
    expect(mayEndTrigger({ inputType: 'insertText' })).toBe(true);
    expect(mayEndTrigger({ inputType: 'insertFromComposition' })).toBe(true);
    expect(mayEndTrigger({ inputType: 'insertText', isComposing: true })).toBe(false);
    for (const inputType of ['insertFromPaste', 'insertFromDrop', 'deleteContentBackward', 'historyUndo', 'historyRedo', 'insertCompositionText']) {
      expect(mayEndTrigger({ inputType }), inputType).toBe(false);
    }
  });
});

describe('isSecretField', () => {
  it('never reads passwords, codes, card numbers or fields that hold no prose', () => {
    expect(isSecretField({ tagName: 'INPUT', type: 'password' })).toBe(true);
    expect(isSecretField({ tagName: 'input', type: 'text', autocomplete: 'one-time-code' })).toBe(true);
    expect(isSecretField({ tagName: 'INPUT', type: 'text', autocomplete: 'billing cc-number' })).toBe(true);
    expect(isSecretField({ tagName: 'INPUT', type: 'text', name: 'card_no' })).toBe(true);
    expect(isSecretField({ tagName: 'INPUT', type: 'text', id: 'user-pwd' })).toBe(true);
    expect(isSecretField({ tagName: 'INPUT', type: 'text', name: 'sms-otp' })).toBe(true);
    expect(isSecretField({ tagName: 'INPUT', type: 'text', name: '支付密码' })).toBe(true);
    expect(isSecretField({ tagName: 'INPUT', type: 'email' })).toBe(true);
    expect(isSecretField({ tagName: 'INPUT', type: 'number' })).toBe(true);
  });

  it('reads the fields reports are written in', () => {
    expect(isSecretField({ tagName: 'TEXTAREA', name: 'content' })).toBe(false);
    expect(isSecretField({ tagName: 'INPUT', type: 'text', name: 'title' })).toBe(false);
    expect(isSecretField({ tagName: 'INPUT' })).toBe(false);
    expect(isSecretField({ tagName: 'INPUT', type: 'search', name: 'q' })).toBe(false);
    expect(isSecretField({ tagName: 'DIV', id: 'editor' })).toBe(false);
    // Words that merely contain a short secret word are prose fields.
    expect(isSecretField({ tagName: 'TEXTAREA', name: 'footprint' })).toBe(false);
    expect(isSecretField({ tagName: 'TEXTAREA', name: 'passage' })).toBe(false);
  });
});

describe('triggersOffFor', () => {
  const settings = { enabled: true, offSites: ['mail.example.com', '*.bank.example', ''] };
  it('is off everywhere when the global switch is off', () => {
    expect(triggersOffFor('oa.example.org', { ...settings, enabled: false })).toBe(true);
  });
  it('is off on a listed site and its subdomains only', () => {
    expect(triggersOffFor('mail.example.com', settings)).toBe(true);
    expect(triggersOffFor('MAIL.example.com.', settings)).toBe(true);
    expect(triggersOffFor('pay.bank.example', settings)).toBe(true);
    expect(triggersOffFor('bank.example', settings)).toBe(true);
    expect(triggersOffFor('example.com', settings)).toBe(false);
    expect(triggersOffFor('notbank.example', settings)).toBe(false);
    expect(triggersOffFor('oa.example.org', settings)).toBe(false);
  });
});
