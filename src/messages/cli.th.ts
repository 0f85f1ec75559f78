import { formatThaiDate, formatThaiDateTime } from '../shared/thai-date.ts';

/** Texts the CLI prints (Thai, the default; dates in พ.ศ.). Mounted as `cli` in th.ts. */
export const cliTh = {
  run: {
    header: (dryRun: boolean, date: string, planned: number, kinds: string) => `${dryRun ? 'ทดลองวางแผน (ไม่ส่งจริง)' : 'วางแผนและส่ง'} วันที่ ${formatThaiDate(date, 'long')}: วางแผน ${planned} ข้อความ (${kinds})`,
    none: 'ไม่มี',
    kind: { reminder: 'เตือน', escalation: 'แจ้งผู้กำกับ', summary: 'สรุป', notice: 'แจ้งผู้จัดทำ', review: 'การ์ดตรวจ' } as Record<string, string>,
    leased: (rows: number, secs: number) => `${rows} ข้อความถูกจองโดยการส่งอีกรอบ (หรือรอบที่เพิ่งหยุดกลางคัน): สั่งอีกครั้งในอีก ${secs} วินาทีเพื่อส่ง`,
    sent: (sent: number, retried: number, failed: number, expired: number) =>
      `ส่งแล้ว ${sent}, รอส่งใหม่ ${retried}, ล้มเหลว ${failed}${expired ? `, หมดอายุ (วางแผนไว้สำหรับวันก่อน) ${expired}` : ''}`,
  },
  /** Why a run would send nothing to an organization: who can be reached on LINE. */
  reach: {
    nobody: (org: string, total: number) => `${org}: ยังไม่มีผู้ใดผูกบัญชี LINE: 0 จาก ${total} คน จึงไม่มีข้อความถึงใคร (ออกรหัสผูกบัญชีด้วยคำสั่ง link-code)`,
    some: (org: string, linked: number, total: number) => `${org}: ผูกบัญชี LINE แล้ว ${linked} จาก ${total} คน (ข้อความถึงเฉพาะผู้ที่ผูกแล้ว)`,
  },
  org: {
    created: (slug: string, id: number, name: string) => `สร้างหน่วยงาน ${slug} (รหัส ${id}) แล้ว: ${name}`,
    token: (id: number, slug: string) => `โทเค็น ${id} ของ ${slug}: เก็บเป็นความลับ ใช้ในส่วนหัว "Authorization: Bearer <โทเค็น>" (แสดงครั้งเดียว)`,
    admin: (name: string, isAdmin: boolean, slug: string) => `${name}: ${isAdmin ? 'เป็นผู้ดูแลระบบ ITA' : 'ไม่เป็นผู้ดูแลระบบ ITA แล้ว'} ของ ${slug}`,
    demoCreated: (slug: string, n: number) => `สร้างหน่วยงานสาธิต "${slug}" แล้ว พร้อมการมอบหมาย ${n} รายการ`,
    demoExists: (slug: string) => `มีหน่วยงานสาธิต "${slug}" อยู่แล้ว`,
    deletePreview: (slug: string, name: string, rows: number, linked: number, actions: number) =>
      `จะลบหน่วยงาน ${slug} (${name}) และข้อมูลทั้งหมดของหน่วยงาน ${rows} แถว${linked || actions ? ` รวมทั้งประวัติการทำงานจริง: ผูกบัญชี LINE จริง ${linked} คน, การดำเนินการโดยเจ้าหน้าที่หรือโทเค็น ${actions} รายการ` : ''}`,
    deleteConfirm: (slug: string) => `พิมพ์ ${slug} เพื่อยืนยันการลบ (ย้อนกลับไม่ได้): `,
    deleteNotConfirmed: 'ไม่ได้ลบ: ข้อความที่พิมพ์ไม่ตรงกับรหัสหน่วยงาน',
    deleted: (slug: string, rows: number, forced: boolean) => `ลบหน่วยงาน ${slug} แล้ว (${rows} แถว${forced ? ', ลบทั้งที่มีประวัติจริง (--force)' : ''}) บันทึกการลบใน audit log: org.delete`,
  },
  orgs: {
    line: (slug: string, name: string, linked: number, total: number, demo: boolean) => `${slug}\t${name}\tผูกบัญชี LINE ${linked}/${total} คน${demo ? '\t(ข้อมูลสาธิต)' : ''}`,
    empty: 'ยังไม่มีหน่วยงาน (สร้างด้วย org add หรือ demo)',
  },
  /** The printed link-code sheet (link-codes) and what the command says about it. */
  linkSheet: {
    title: (org: string) => `รหัสผูกบัญชี LINE: ${org}`,
    intro: 'สแกน QR ด้วยกล้องโทรศัพท์หรือแอป LINE แล้วกดส่งข้อความที่พิมพ์ไว้ให้ หรือพิมพ์ข้อความนี้เองในแชต 1:1 กับบอท รหัสใช้ได้ครั้งเดียว เฉพาะเจ้าของชื่อ',
    introNoQr: 'พิมพ์ข้อความในกรอบของตนเองในแชต 1:1 กับบอท รหัสใช้ได้ครั้งเดียว เฉพาะเจ้าของชื่อ',
    noQr: 'ไม่มี QR: ยังไม่ได้ตั้งค่า LINE_BOT_BASIC_ID (LINE ID ของบอท เช่น @123abcde) และไม่ได้เชื่อมต่อ LINE ให้พิมพ์ข้อความในกรอบเองในแชตกับบอท',
    send: 'ส่งถึงบอท',
    unit: 'หน่วยงาน',
    noUnit: 'ไม่ระบุหน่วยงาน',
    expires: (at: string) => `ใช้ได้ถึง ${at}`,
    relink: 'ผูกบัญชีไว้แล้ว: รหัสนี้ใช้ผูกใหม่ (เช่น เปลี่ยนโทรศัพท์)',
    empty: 'ไม่มีเจ้าหน้าที่ที่ต้องออกรหัส',
    written: (file: string, n: number) => `เขียนแผ่นรหัสผูกบัญชี ${n} คนลง ${file} แล้ว (เปิดในเบราว์เซอร์แล้วสั่งพิมพ์ขนาด A4) รหัสเดิมที่ยังไม่ได้ใช้ของคนเหล่านี้ใช้ไม่ได้แล้ว`,
    withQr: (id: string) => `QR เปิดแชตกับบอท ${id} พร้อมข้อความ "ผูกบัญชี <รหัส>"`,
    withoutQr: 'ไม่มี QR ในแผ่น: ตั้งค่า LINE_BOT_BASIC_ID (LINE ID ของบอท เช่น @123abcde) หรือ LINE_CHANNEL_ACCESS_TOKEN แล้วสั่งใหม่',
  },
  /** Reminder policy and holidays (policy, holiday, holidays, holiday-remove). */
  reminders: {
    policyTitle: (saved: boolean, slug: string, year?: number) => `${saved ? 'บันทึกแล้ว: ' : ''}นโยบายการเตือนที่ใช้อยู่ของ ${slug}${year ? ` ปี ${year}` : ''}`,
    weekdays: ['', 'จันทร์', 'อังคาร', 'พุธ', 'พฤหัสบดี', 'ศุกร์', 'เสาร์', 'อาทิตย์'] as readonly string[],
    onDueDay: 'วันครบกำหนด',
    daysBefore: (d: number) => `${d} วัน`,
    offsets: (list: string) => `  เตือนก่อนกำหนดส่ง: ${list}`,
    overdue: (cap: number) => `  เตือนเมื่อเกินกำหนด: ทุกวันทำการ ไม่เกิน ${cap} วัน`,
    escalation: (days: number) => `  แจ้งผู้กำกับติดตามเมื่อเกินกำหนด ${days} วันทำการ`,
    window: (start: string, end: string) => `  ช่วงเวลาส่ง: ${start}–${end} น. (เวลาไทย)`,
    workdays: (days: string) => `  วันทำการ: ${days}`,
    summaryTime: (time: string) => `  สรุปรายวัน: ${time} น.`,
    holidayAdded: (date: string, name: string | undefined, slug: string) => `เพิ่มวันหยุด ${formatThaiDate(date, 'long')}${name ? ` (${name})` : ''} ของ ${slug} แล้ว: วันนั้นไม่มีการเตือนและสรุป`,
    holidayLine: (date: string, name: string | undefined, everyone: boolean) => `${formatThaiDate(date, 'long')}\t${name ?? '-'}${everyone ? '\t(ทุกหน่วยงาน)' : ''}`,
    holidayTotal: (n: number) => `รวม ${n} วัน`,
    holidayRemoved: (date: string, name: string, slug: string) => `ลบวันหยุด ${formatThaiDate(date, 'long')} (${name}) ของ ${slug} แล้ว`,
  },
  /** The admin's corrections (due, assign, transfer, remove-assignment, officer…, officers). */
  corrections: {
    badDue: 'วันที่ เช่น 31/03/2568, 31 มี.ค. 2568 หรือ 2025-03-31 (- = ไม่มีกำหนด)',
    badRole: 'ผู้จัดทำ / ผู้กำกับติดตาม / ผู้รับรอง',
    dueText: (d: string | null) => (d ? formatThaiDate(d, 'long') : 'ไม่มีกำหนด'),
    manyUnits: (item: number, units: string) => `O${item} มีหลายหน่วยงาน (${units}): ระบุ --unit`,
    pickOne: 'ระบุอย่างใดอย่างหนึ่ง',
    dueChanged: (due: string, changed: number, total: number) => `เปลี่ยนกำหนดส่งเป็น ${due} แล้ว ${changed} จาก ${total} รายการ`,
    assigned: (name: string, removed: boolean, role: string, item: string, unit: string, changed: boolean) =>
      `${name} ${removed ? 'ไม่ได้เป็น' : 'เป็น'}${role} ${item} (${unit})${changed ? ' แล้ว' : ' อยู่แล้ว ไม่มีการเปลี่ยนแปลง'}`,
    transferred: (n: number, from: string, to: string) => `โอนงาน ${n} รายการจาก ${from} ให้ ${to} แล้ว (รายการที่เสร็จแล้วคงชื่อผู้ทำเดิม)`,
    removePreview: (item: string, title: string, unit: string) => `จะลบ ${item} ${title} (${unit}) พร้อมผู้รับผิดชอบและหลักฐาน: เพิ่ม --yes เพื่อยืนยัน`,
    removed: (item: string, unit: string) => `ลบ ${item} (${unit}) แล้ว`,
    officerAdded: (name: string) => `เพิ่มเจ้าหน้าที่ ${name} แล้ว`,
    renamed: (name: string) => `เปลี่ยนชื่อเป็น ${name} แล้ว`,
    activated: (name: string) => `${name} ใช้งานได้แล้ว`,
    deactivated: (name: string) => `ปิดการใช้งาน ${name} แล้ว (ไม่ได้รับแจ้งเตือน ประวัติยังอยู่)`,
    status: { inactive: 'ปิดการใช้งาน', reachable: 'ผูก LINE แล้ว', blocked: 'ติดต่อทาง LINE ไม่ได้ (บล็อก)', unlinked: 'ยังไม่ผูก LINE' },
    admin: ' · ผู้ดูแลระบบ',
    officersTotal: (n: number, linked?: number) => `รวม ${n} คน${linked === undefined ? '' : `, ผูกบัญชี LINE แล้ว ${linked} คน`}`,
  },
  /** API tokens (token list, token revoke). */
  tokens: {
    line: (id: number, label: string, created: Date, revoked: Date | null) =>
      `${id}\t${label}\tสร้าง ${formatThaiDateTime(created)}\t${revoked ? `เพิกถอนแล้ว ${formatThaiDateTime(revoked)}` : 'ใช้งานได้'}`,
    total: (n: number, active: number) => `รวม ${n} โทเค็น (ใช้งานได้ ${active})`,
    revoked: (id: number, label: string, slug: string) => `เพิกถอนโทเค็น ${id} (${label}) ของ ${slug} แล้ว: ใช้เรียก API ไม่ได้อีก`,
  },
  /** Values the CLI's options take (shared parsers in cli/support.ts). */
  args: {
    deliveryStatus: (unknown: string[], allowed: readonly string[]) => `ไม่รู้จักสถานะ ${unknown.join(', ')} ใช้ได้: ${allowed.join(', ')}`,
    year: 'ปีงบประมาณ พ.ศ. เช่น 2568',
    days: 'จำนวนวันเต็ม 1–30',
    lang: 'th หรือ en',
    auditSince: 'วันที่ เช่น 01/01/2568, 1 ม.ค. 2568 หรือ 2025-01-01',
    item: 'รหัสข้อ เช่น O5',
    limit: (max: number) => `จำนวนเต็ม 1–${max}`,
    date: 'วันที่ เช่น 01/01/2568 หรือ 2025-01-01',
    position: 'ลำดับของลิงก์ เช่น 1 (ดูด้วยคำสั่ง evidence)',
    sheetFile: 'ชื่อไฟล์ต้องลงท้ายด้วย .xlsx หรือ .csv',
    chartFile: 'ชื่อไฟล์ต้องลงท้ายด้วย .png หรือ .svg',
    steps: '1 (ตรวจขั้นเดียว) หรือ 2 (ตรวจสองขั้น)',
    /** One row error of an import, under the error itself. */
    rowError: (row: number, column: string, reason: string) => `  แถว ${row} คอลัมน์ ${column}: ${reason}`,
  },
  /** The audit log (audit). */
  audit: {
    change: (before: string, after: string) => [before && `ก่อน ${before}`, after && `หลัง ${after}`].filter(Boolean).join(' '),
    line: (at: Date, who: string, action: string, entity: string, change: string) => `${formatThaiDateTime(at)}\t${who}\t${action}\t${entity}${change ? `\t${change}` : ''}`,
    total: (n: number) => `รวม ${n} รายการ`,
  },
  /** An item's evidence links (evidence, evidence-remove, evidence-label). */
  evidence: {
    total: (n: number, item: string, unit: string) => (n ? `รวม ${n} ลิงก์ (${item} ${unit})` : `${item} ${unit} ยังไม่มีลิงก์หลักฐาน`),
    removed: (n: string, item: string, unit: string, url: string) => `ลบลิงก์หลักฐานลำดับที่ ${n} ของ ${item} (${unit}) แล้ว: ${url}`,
    labelled: (n: string, item: string, label: string | null) => `ลิงก์ลำดับที่ ${n} ของ ${item}: ${label ?? '(ไม่มีคำอธิบาย)'}`,
    noSuch: (count: number, n: number) => `ข้อนี้มีลิงก์หลักฐาน ${count} ลิงก์ ไม่มีลำดับที่ ${n}`,
  },
  /** Linking LINE accounts and groups (link-code, unlink, group-code). */
  line: {
    linkCode: (code: string, until: Date) => `ให้ผู้ใช้ส่ง "ผูกบัญชี ${code}" ถึงบอทในแชต 1:1 ภายใน ${formatThaiDateTime(until)} (ใช้ได้ครั้งเดียว)`,
    unlinked: (wasLinked: boolean, officer: string, org: string) => (wasLinked ? `ยกเลิกการผูกบัญชี LINE ของ ${officer} (${org}) แล้ว` : `${officer} ยังไม่ได้ผูกบัญชี LINE`),
    groupCode: (code: string, until: Date) => `พิมพ์ "ลงทะเบียน ${code}" ในกลุ่ม LINE ของคณะทำงาน ภายใน ${formatThaiDateTime(until)}`,
  },
  /** `inbox`: whether webhook events are answered in time (src/modules/line/webhook/inbox.health.ts). */
  inbox: {
    title: (ok: boolean): string => (ok ? 'เหตุการณ์จาก LINE: ปกติ' : 'เหตุการณ์จาก LINE: ต้องตรวจสอบ'),
    none: 'ไม่มีข้อความค้างรอคำตอบ' as string,
    waiting: (events: number, unsplit: number, capped: boolean) =>
      `รอคำตอบ ${events.toLocaleString('th-TH')}${capped ? ' ขึ้นไป' : ''} เหตุการณ์${unsplit ? ` (ในจำนวนนี้ ${unsplit.toLocaleString('th-TH')} คำขอยังไม่ได้แยกเป็นเหตุการณ์)` : ''}`,
    oldest: (seconds: number) => `รายการที่รอนานที่สุด: ${thaiDuration(seconds)}`,
    stale: (limit: number) =>
      `เกินเกณฑ์ ${thaiDuration(limit)} (INBOX_STALE_SECONDS): ผู้ส่งยังไม่ได้รับคำตอบ ตรวจว่ามีอินสแตนซ์ที่ประมวลผลเหตุการณ์ทำงานอยู่ (INBOX_WORKER_ENABLED=true) และเรียก LINE API ได้ (ดูใน log)`,
    setAside: (n: number) => `คำขอที่แยกเป็นเหตุการณ์ไม่ได้ ถูกเก็บแยกไว้ (ไม่สูญหาย) ${n} คำขอ: ดู README หัวข้อ "Watching the inbox"`,
    failed: (n: number) => `เหตุการณ์ที่ประมวลผลไม่สำเร็จถาวรใน 24 ชั่วโมงที่ผ่านมา: ${n} (สาเหตุอยู่ใน log)`,
  },
};

/** 45 → "45 วินาที", 200 → "3 นาที 20 วินาที", 7,500 → "2 ชั่วโมง 5 นาที". */
function thaiDuration(seconds: number): string {
  if (seconds < 60) return `${seconds} วินาที`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} นาที${seconds % 60 ? ` ${seconds % 60} วินาที` : ''}`;
  const days = Math.floor(seconds / 86_400);
  const hours = Math.floor((seconds % 86_400) / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  return [days && `${days} วัน`, hours && `${hours} ชั่วโมง`, minutes && `${minutes} นาที`].filter(Boolean).join(' ');
}
