import { describe, expect, it } from 'vitest';
import { en } from '../../src/messages/en.ts';
import { th } from '../../src/messages/th.ts';
import type { Action } from '../../src/modules/auth/permissions.ts';

const ACTIONS: Action[] = ['view', 'start', 'submit', 'mark_not_applicable', 'add_evidence', 'approve', 'return', 'reopen', 'import', 'manage', 'snooze'];

describe('chat error texts', () => {
  it('every permission action has Thai and English words, so a refusal never shows a raw code', () => {
    for (const a of ACTIONS) {
      expect(th.action[a], a).toBeTruthy();
      expect(en.action[a], a).toBeTruthy();
      expect(th.errors.FORBIDDEN({ action: a })).not.toContain(a);
    }
    expect(th.errors.FORBIDDEN({ action: 'manage' })).toBe('คุณไม่มีสิทธิ์จัดการรายการนี้');
    expect(th.errors.FORBIDDEN({ action: 'snooze' })).toBe('คุณไม่มีสิทธิ์เลื่อนการเตือนรายการนี้');
  });

  it('a stale item says how to get the latest in chat, not "reload"', () => {
    expect(th.errors.STALE_VERSION()).toBe('รายการนี้เพิ่งถูกแก้ไขโดยผู้อื่น กรุณาเปิดรายการล่าสุด (พิมพ์รหัสข้อ เช่น O12) แล้วลองอีกครั้ง');
    expect(en.errors.STALE_VERSION()).not.toMatch(/reload/i);
  });
});
