import { formatThaiDate } from '../shared/thai-date.ts';

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
};
