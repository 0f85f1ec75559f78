/** Texts the LIFF API returns for the page to show (history lines, warnings). Mounted as `liff` in th.ts. */
export const liffTh = {
  history: {
    'assignment.start': () => 'เริ่มดำเนินการ',
    'assignment.submit': (p: { unticked?: string[] }) => (p.unticked?.length ? `ส่งตรวจ (ยังไม่ได้ติ๊กองค์ประกอบ ${p.unticked.length} ข้อ)` : 'ส่งตรวจ'),
    'assignment.approve': () => 'รับรอง',
    'assignment.return': () => 'ส่งกลับแก้ไข',
    'assignment.mark_not_applicable': () => 'ระบุว่าไม่มีข้อมูล',
    'assignment.reopen': () => 'เปิดดำเนินการใหม่',
    'evidence.add': () => 'แนบลิงก์หลักฐาน',
    'evidence.relabel': () => 'แก้คำอธิบายลิงก์',
    'evidence.remove': () => 'ลบลิงก์หลักฐาน',
    'components.tick': (p: { ticked?: number[]; total?: number }) => `ติ๊กองค์ประกอบ ${p.ticked?.length ?? 0} จาก ${p.total ?? '?'} ข้อ`,
    'import.assignment.create': () => 'มอบหมายงาน (นำเข้าจากไฟล์)',
    'import.assignment.update': () => 'ปรับการมอบหมาย (นำเข้าจากไฟล์)',
  } as Record<string, (p: any) => string>,
  /** Any other recorded change (the raw action stays in the API's `action` field). */
  historyOther: (_action: string) => 'ปรับปรุงข้อมูลรายการ',
  actors: { admin: 'ผู้ดูแลระบบ ITA', system: 'ระบบ', unknown: 'ไม่ทราบชื่อ' },
  warnings: {
    OUTSIDE_ORG_DOMAINS: (p: { host: string; domains: string[] }) =>
      `ลิงก์นี้อยู่ที่ ${p.host} ไม่ใช่เว็บไซต์หลักของหน่วยงาน (${p.domains.join(', ')}) NACC ตรวจจากเว็บไซต์หลัก กรุณาตรวจสอบให้แน่ใจ`,
  } as Record<string, (p: any) => string>,
};
