import { formatThaiDate } from '../shared/thai-date.ts';

/** Texts of the delivery side (budget, delivery log, held and expired messages), Thai. Mounted as `delivery` in th.ts. */
export const deliveryTh = {
  kind: {
    reminder: 'แจ้งเตือนผู้จัดทำ',
    escalation: 'แจ้งผู้กำกับติดตาม',
    summary: 'สรุปรายวัน',
    review_request: 'คำขอตรวจรับรอง',
    admin_alert: 'แจ้งผู้ดูแล',
    notice: 'แจ้งความคืบหน้างาน',
    test: 'ข้อความทดสอบ',
  } as Record<string, string>,
  level: {
    full: 'ส่งครบตามนโยบาย',
    merge: 'รวมแจ้งเตือนไว้ในสรุปรายวันของผู้ที่ได้รับทั้งสองอย่าง (ส่งครั้งเดียว)',
    weekly: 'สรุปสัปดาห์ละครั้ง (วันทำการแรกของสัปดาห์) และรวมแจ้งเตือนไว้ในสรุปวันนั้น',
    no_summaries: 'งดส่งสรุป',
    no_early_reminders: 'งดส่งสรุป และงดแจ้งเตือนรายการที่ยังเหลือเวลาเกิน 3 วัน',
    no_overdue_reminders: 'งดส่งสรุป แจ้งเตือนเฉพาะรายการที่ครบกำหนดภายใน 3 วัน',
    escalations_only: 'ส่งเฉพาะคำขอตรวจรับรอง การส่งกลับ และการแจ้งผู้กำกับติดตาม',
    reviews_only: 'ส่งเฉพาะคำขอตรวจรับรอง การส่งกลับ และการแจ้งผู้ดูแล',
  } as Record<string, string>,
  status: {
    pending: 'รอส่ง', sending: 'กำลังส่ง', sent: 'ส่งแล้ว', merged: 'รวมไปกับข้อความอื่น', dropped: 'ไม่ส่ง (งบข้อความ)',
    failed: 'ส่งไม่สำเร็จ', expired: 'หมดเวลา (ไม่ส่งย้อนหลัง)',
  } as Record<string, string>,
  /** The delivery log's "why" (outbox.note, written in English by the planner and sender), as people read it. */
  note: (note: string) => note.split('; ').map(noteTh).join('; '),
  digest: {
    reviewAlt: (n: number) => `มีงานรอคุณตรวจ ${n.toLocaleString('en-US')} รายการ`,
  },
  cli: {
    quotaTitle: (month: string) => `ข้อความ LINE เดือน ${month} (เวลาประเทศไทย)`,
    lineQuota: (limit: number | null, used: number, at: string) =>
      `โควตาของบัญชี LINE: ${limit === null ? 'ไม่จำกัด' : limit.toLocaleString('en-US')} ข้อความ ใช้ไปแล้ว ${used.toLocaleString('en-US')} (ตาม LINE เมื่อ ${at})`,
    lineUnknown: 'โควตาของบัญชี LINE: ยังอ่านไม่ได้ (โหมดออฟไลน์ หรือ LINE ไม่ตอบ)',
    setting: (n: number | null) => `งบที่ตั้งเอง (LINE_MONTHLY_MESSAGE_BUDGET): ${n === null ? 'ไม่ได้ตั้ง' : n.toLocaleString('en-US')}`,
    budget: (budget: number | null, used: number, remaining: number | null) =>
      budget === null ? `ไม่มีงบจำกัด ส่งไปแล้ว ${used.toLocaleString('en-US')}` : `งบที่ใช้: ${budget.toLocaleString('en-US')} ใช้ไปแล้ว ${used.toLocaleString('en-US')} เหลือ ${(remaining ?? 0).toLocaleString('en-US')}`,
    forecast: (full: number, runsOut: string | null) =>
      `ประมาณการถึงสิ้นเดือนหากส่งครบตามนโยบาย: ${full.toLocaleString('en-US')}${runsOut ? ` (งบหมดวันที่ ${formatThaiDate(runsOut)})` : ' (พอถึงสิ้นเดือน)'}`,
    level: (level: string, text: string, atLevel: number, runsOut: string | null) =>
      `ระดับการส่งเดือนนี้: ${level} = ${text} ประมาณการ ${atLevel.toLocaleString('en-US')}${runsOut ? ` (ยังไม่พอ งบหมดวันที่ ${formatThaiDate(runsOut)})` : ''}`,
    byKind: 'แยกตามประเภท (ตามนโยบาย → ที่ระดับนี้):',
    byOrg: 'แยกตามหน่วยงาน (ตามนโยบาย → ที่ระดับนี้):',
    held: (reason: string, until: string) => `หยุดส่งชั่วคราว: ${reason === 'monthly_limit' ? 'LINE แจ้งว่าครบโควตาของเดือน' : 'ใช้งบที่ตั้งไว้ครบ'} จนถึง ${until}`,
    notHeld: 'การส่ง: ปกติ',
    resumed: 'กลับมาส่งข้อความแล้ว',
    notResumed: 'ไม่ได้หยุดส่งอยู่',
    logTitle: (org: string, since: string) => `บันทึกการส่งข้อความของ ${org} ตั้งแต่ ${formatThaiDate(since)}`,
    totals: 'รวม:',
    none: '(ไม่มีรายการ)',
    testSent: (name: string) => `ส่งข้อความทดสอบถึง ${name} แล้ว: LINE รับข้อความไว้ (ให้ผู้รับยืนยันว่าเห็นข้อความ)`,
    testOffline: (name: string) => `โหมดออฟไลน์: บันทึกข้อความทดสอบถึง ${name} ไว้ในโปรแกรมจำลองแทนการส่งจริง`,
    testFailed: (name: string, why: string) => `ส่งข้อความทดสอบถึง ${name} ไม่สำเร็จ: ${why}`,
    testHeld: (name: string, until: string) => `ยังไม่ได้ส่งข้อความทดสอบถึง ${name}: หยุดส่งชั่วคราวจนถึง ${until} (ครบโควตาหรืองบของเดือน)`,
    testPending: (name: string, why: string) => `ยังส่งข้อความทดสอบถึง ${name} ไม่ได้ จะลองใหม่อัตโนมัติ: ${why}`,
  },
  testMessage: (org: string, at: string) =>
    `ข้อความทดสอบจากระบบติดตามงาน ITA ของ${org} (${at}) หากเห็นข้อความนี้ แสดงว่าการส่งข้อความทาง LINE ใช้งานได้ ไม่ต้องตอบกลับ`,
  /** Told once to each organization admin, in the reply to their next message, while pushes are held. */
  heldNotice: (until: string, reason: 'monthly_limit' | 'budget') =>
    `แจ้งผู้ดูแล: ${reason === 'monthly_limit' ? 'บัญชี LINE ของหน่วยงานส่งข้อความครบโควตาของเดือนนี้แล้ว' : 'ใช้งบข้อความ LINE ที่ตั้งไว้ของเดือนนี้ครบแล้ว'} ` +
    `ระบบจึงหยุดส่งแจ้งเตือนและสรุปจนถึง ${until} แล้วจะส่งต่อเองอัตโนมัติ (การตอบแชตยังใช้ได้ตามปกติ) ` +
    (reason === 'monthly_limit'
      ? 'หากต้องการส่งต่อก่อนนั้น ให้เพิ่มแพ็กเกจหรือโควตาที่ LINE Official Account Manager แล้วแจ้งผู้ดูแลเซิร์ฟเวอร์ให้สั่ง quota --resume'
      : 'หากต้องการส่งต่อก่อนนั้น ให้ผู้ดูแลเซิร์ฟเวอร์เพิ่มค่า LINE_MONTHLY_MESSAGE_BUDGET แล้วสั่ง quota --resume'),
  /** Messages of earlier days that were never sent in time (LINE or this service down). */
  expiredAlert: (n: number, days: string[], kinds: string) =>
    `ข้อความ ITA ${n} รายการที่กำหนดส่งวันที่ ${days.map((d) => formatThaiDate(d)).join(', ')} ส่งไม่ทันภายในวันนั้นจึงยกเลิกไม่ส่งย้อนหลัง (${kinds}) ` +
    'สาเหตุอาจเป็น LINE หรือระบบขัดข้อง ดูรายการได้ด้วยคำสั่ง deliveries และแจ้งผู้เกี่ยวข้องโดยตรงหากจำเป็น',
};

/** The planner's and sender's notes (see `note` above), one part at a time; an unknown one stays as written. */
const NOTES_TH: Array<[RegExp, (...g: string[]) => string]> = [
  [/^sent inside the daily summary \(message budget\)$/, () => 'ส่งรวมไปในสรุปรายวัน (ประหยัดงบข้อความ)'],
  [/^dropped: message budget short \(level (\w+)\); informational notice.*$/, (l) => `ไม่ส่ง: งบข้อความเหลือน้อย (ระดับ ${l}) เป็นข้อความแจ้งให้ทราบ ดูสถานะเดียวกันได้ในหน้ารายการ`],
  [/^dropped: message budget \(level (\w+).*\)$/, (l) => `ไม่ส่ง: งบข้อความ (ระดับ ${l})`],
  [/^dropped: costs (\d+) messages, (\d+) left this month$/, (c, r) => `ไม่ส่ง: ข้อความนี้ใช้ ${c} ข้อความ แต่เดือนนี้เหลือ ${r}`],
  [/^held: LINE's monthly limit reached$/, () => 'พักไว้: LINE แจ้งว่าครบโควตาของเดือน'],
  [/^held: monthly message budget spent$/, () => 'พักไว้: ใช้งบข้อความของเดือนครบแล้ว'],
  [/^digest: (\d+) review requests in this one message$/, (n) => `รวมคำขอตรวจ ${n} รายการไว้ในข้อความเดียว`],
  [/^merged into the digest message #(\d+).*$/, (id) => `รวมไปในข้อความรวมคำขอตรวจ #${id}`],
  [/^expired: planned for an earlier day, not sent that day$/, () => 'หมดเวลา: กำหนดส่งวันก่อนแต่ส่งไม่ทันในวันนั้น'],
  [/^went with the reply to their message \(free\)$/, () => 'ส่งไปพร้อมคำตอบแชตของผู้รับ (ไม่เสียโควตา)'],
];
function noteTh(part: string): string {
  for (const [re, th] of NOTES_TH) {
    const g = re.exec(part);
    if (g) return th(...g.slice(1));
  }
  return part;
}
