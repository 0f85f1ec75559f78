import { formatThaiDate } from '../shared/thai-date.ts';

/** Texts of the delivery side (budget, delivery log, held and expired messages), Thai. Mounted as `delivery` in th.ts. */
export const deliveryTh = {
  kind: {
    reminder: 'แจ้งเตือนผู้จัดทำ',
    escalation: 'แจ้งผู้กำกับติดตาม',
    summary: 'สรุปรายวัน',
    review_request: 'คำขอตรวจรับรอง',
    admin_alert: 'แจ้งผู้ดูแล',
    test: 'ข้อความทดสอบ',
  } as Record<string, string>,
  /** Messages of earlier days that were never sent in time (LINE or this service down). */
  expiredAlert: (n: number, days: string[], kinds: string) =>
    `ข้อความ ITA ${n} รายการที่กำหนดส่งวันที่ ${days.map((d) => formatThaiDate(d)).join(', ')} ส่งไม่ทันภายในวันนั้นจึงยกเลิกไม่ส่งย้อนหลัง (${kinds}) ` +
    'สาเหตุอาจเป็น LINE หรือระบบขัดข้อง ดูรายการได้ด้วยคำสั่ง deliveries และแจ้งผู้เกี่ยวข้องโดยตรงหากจำเป็น',
};
