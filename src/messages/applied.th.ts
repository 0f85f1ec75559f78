/**
 * What a retried LINE event is told when its command was already carried out (issue 10.3): the
 * truth, never a refusal. Mounted as `applied` in th.ts.
 */
export const appliedTh = {
  /** `what` from `what` below; the item's card follows, as it is now. */
  done: (what: string) => `คำสั่งนี้บันทึกไว้แล้ว: ${what} (ไม่ได้ทำซ้ำ) สถานะล่าสุดอยู่ด้านล่าง`,
  what: {
    'evidence.add': (code: string) => `แนบลิงก์หลักฐาน ${code}`,
    'evidence.remove': (code: string) => `ลบลิงก์หลักฐานของ ${code}`,
    'evidence.relabel': (code: string) => `แก้คำอธิบายลิงก์ของ ${code}`,
    'components.tick': (code: string) => `บันทึกองค์ประกอบของ ${code}`,
    'snooze.set': (code: string) => `เลื่อนการเตือน ${code}`,
    'assignment.start': (code: string) => `เริ่มดำเนินการ ${code}`,
    'assignment.submit': (code: string) => `ส่งตรวจ ${code}`,
    'assignment.check': (code: string) => `ตรวจ ${code}`,
    'assignment.approve': (code: string) => `รับรอง ${code}`,
    'assignment.return': (code: string) => `ส่งกลับ ${code}`,
    'assignment.mark_not_applicable': (code: string) => `ระบุว่า ${code} ไม่มีข้อมูล`,
    'assignment.reopen': (code: string) => `เปิด ${code} ให้แก้ไขอีกครั้ง`,
  } as Record<string, (code: string) => string>,
  other: (code: string) => `บันทึกการเปลี่ยนแปลงของ ${code}`,
  /** Nothing more to show (e.g. the item is no longer visible to them). */
  generic: 'คำสั่งนี้บันทึกไว้แล้ว (ไม่ได้ทำซ้ำ)',
};
