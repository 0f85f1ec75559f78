import { appliedTh } from './applied.th.ts';
import { catalogTh } from './catalog.th.ts';
import { importTh } from './import.th.ts';
import { liffTh } from './liff.th.ts';
import { cliTh } from './cli.th.ts';
import { issueTh } from './validation.th.ts';
import { cliHelpTh } from './cli-help.th.ts';
import { deliveryTh } from './delivery.th.ts';
import { lineTh } from './line.th.ts';
import { remindersTh } from './reminders.th.ts';
import { reportsTh } from './reports.th.ts';
import { workflowTh } from './workflow.th.ts';
/** Every user-facing Thai text. Functions take the values they show. */
type P = Record<string, any>;

export const th = {
  errors: {
    VALIDATION_FAILED: (p: P) => `ข้อมูลไม่ถูกต้อง: ${(p.issues ?? []).map((i: P) => `${i.path ? `${i.path}: ` : ''}${issueTh(i)}`).join('; ')}`,
    // A Thai word follows ไม่พบ directly; anything else (a path such as /foo) after a space.
    NOT_FOUND: (p: P) => `ไม่พบ${/^[\u0E00-\u0E7F]/.test(entityTh(p.entity)) ? '' : ' '}${entityTh(p.entity)}${p.id !== undefined ? ` (${p.id})` : ''}`,
    UNAUTHORIZED: () => 'ต้องยืนยันตัวตนก่อนใช้งาน (token ไม่ถูกต้องหรือหมดอายุ)',
    FORBIDDEN: (p: P) => (p.action === 'manage_catalogs'
      ? 'คุณไม่มีสิทธิ์นำเข้าบัญชีรายการ (catalog) ซึ่งใช้ร่วมกันทุกหน่วยงานในระบบ: ใช้ CLI หรือ token ที่สร้างด้วย "token create --catalogs"'
      : `คุณไม่มีสิทธิ์${actionTh(p.action)}รายการนี้`),
    ITEM_CODE_INVALID: (p: P) => `"${p.input}" ไม่ใช่รหัสข้อ ITA (ตัวอย่าง: O12 หรือ ข้อ 12)`,
    ITEM_OUT_OF_RANGE: (p: P) => `ไม่มีข้อ "${p.input}" ในปี ${p.year}: ปี ${p.year} มีข้อ O1–O${p.max}`,
    CATALOG_MISSING: (p: P) => `ยังไม่มีบัญชีรายการ (catalog) ของปี ${p.year} (มีปี ${(p.available ?? []).join(', ')}): นำเข้าบัญชีรายการด้วย "catalog import <ไฟล์> --year ${p.year}" หรือให้รอบปีนี้ใช้บัญชีของปีอื่นด้วย "cycle catalog"`,
    CATALOG_VERSION_MISSING: (p: P) => `ไม่มีบัญชีรายการปี ${p.year} ฉบับที่ ${p.version}`,
    CATALOG_PIN_IN_USE: (p: P) => `รอบปี ${p.year} มีรายการมอบหมายแล้ว ${p.assignments} รายการตามบัญชีรายการปี ${p.catalogYear} จึงเปลี่ยนไปใช้บัญชีของปีอื่นไม่ได้ (เปลี่ยนฉบับของบัญชีปีเดียวกันได้)`,
    ILLEGAL_TRANSITION: (p: P) => `ไม่สามารถ${actionTh(p.action)}รายการที่มีสถานะ "${statusTh(p.from)}" ได้`,
    REASON_REQUIRED: (p: P): string => (p.action === 'mark_not_applicable'
      ? 'กรุณาระบุเหตุผลที่ไม่มีข้อมูล (ไม่มี เนื่องจาก…)'
      : 'กรุณาระบุความเห็นเมื่อส่งกลับให้แก้ไข'),
    EVIDENCE_REQUIRED: () => 'ยังไม่มีลิงก์หลักฐาน กรุณาแนบ URL ที่เผยแพร่ข้อมูลบนเว็บไซต์ก่อนส่ง',
    STALE_VERSION: () => 'รายการนี้เพิ่งถูกแก้ไขโดยผู้อื่น กรุณาเปิดรายการล่าสุด (พิมพ์รหัสข้อ เช่น O12) แล้วลองอีกครั้ง',
    ORG_EXISTS: (p: P) => `มีหน่วยงานรหัส "${p.slug}" อยู่แล้ว`,
    ALIAS_INVALID: (p: P) => (p.reason === 'circle' ? `"${p.alias}" ชี้กลับมาที่ตัวเอง (ชื่อเรียกอื่นวนเป็นวง)` : p.reason === 'same' ? `"${p.alias}" เป็นชื่อเดียวกันกับชื่อที่จะใช้อยู่แล้ว` : 'ต้องระบุทั้งชื่อที่พบและชื่อที่ใช้'),
    NEAR_DUPLICATES: (p: P) => `พบชื่อที่คล้ายกัน ${(p.pairs ?? []).length} คู่ ซึ่งอาจเป็นหน่วยงานหรือบุคคลเดียวกัน จึงยังไม่นำเข้า: ยืนยันชื่อเดียวกันด้วย "unit alias" / "officer alias" (หรือแผ่นงาน aliases ในไฟล์) หรือนำเข้าแยกกันด้วย --keep-separate (ดูรายการด้วย --dry-run)`,
    IMPORT_FAILED: (p: P) => `นำเข้าไม่สำเร็จ พบข้อผิดพลาด ${(p.rowErrors ?? []).length} รายการ จึงไม่บันทึกข้อมูลใด ๆ`,
    UNSUPPORTED_FILE: (p: P) => `ไม่รองรับไฟล์ "${p.name}" (ใช้ได้เฉพาะ .csv และ .xlsx)`,
    URL_INVALID: (p: P) => `ลิงก์ "${p.url}" ไม่ถูกต้อง (${urlReasonTh[String(p.reason)] ?? urlReasonTh.scheme})`,
    PAYLOAD_TOO_LARGE: () => 'ข้อมูลที่ส่งมีขนาดใหญ่เกินกำหนด',
    BAD_JSON: () => 'ข้อมูลที่ส่งมาไม่ใช่ JSON ที่ถูกต้อง',
    INTERNAL: () => 'ระบบขัดข้องชั่วคราว กรุณาลองใหม่อีกครั้ง',
    URL_TOO_LONG: (p: P) => `ลิงก์ยาวเกิน ${p.max} ตัวอักษร (นับหลังแปลงอักษรไทยเป็นรหัส URL) กรุณาใช้ลิงก์หน้าที่สั้นกว่า`,
    URL_NOT_PUBLIC: (p: P) => `ลิงก์ต้องเป็นหน้าเว็บไซต์สาธารณะของหน่วยงาน ใช้ที่อยู่ "${p.host}" ไม่ได้ (เครื่องภายในหรือเครือข่ายภายใน)`,
    URL_DUPLICATE: () => 'ลิงก์นี้แนบไว้ในรายการนี้แล้ว',
    ITEM_LOCKED: (p: P) => `รายการนี้มีสถานะ "${statusTh(p.status)}" จึงแก้ไขหลักฐานหรือองค์ประกอบไม่ได้ หากต้องแก้ ให้ผู้ตรวจส่งกลับก่อน`,
    INCOMPLETE_COMPONENTS: (p: P) => `ยังไม่ได้ติ๊กองค์ประกอบ ${(p.unticked ?? []).length} จาก ${p.total} ข้อ กรุณายืนยันว่าจะส่งตรวจทั้งที่ยังไม่ครบ`,
    COMPONENT_INDEX_INVALID: (p: P) => `ไม่มีองค์ประกอบลำดับที่ ${Number(p.index) + 1} (ข้อนี้มี ${p.total} องค์ประกอบ)`,
    EVENT_ALREADY_APPLIED: () => 'คำสั่งนี้บันทึกไว้แล้ว (ไม่ได้ทำซ้ำ)',
    INVALID_ID_TOKEN: () => 'ยืนยันตัวตนกับ LINE ไม่สำเร็จ กรุณาเข้าสู่ระบบใหม่',
    ID_TOKEN_EXPIRED: () => 'การเข้าสู่ระบบหมดอายุ กรุณาเข้าสู่ระบบใหม่',
    NOT_LINKED: () => 'บัญชี LINE นี้ยังไม่ได้ผูกกับเจ้าหน้าที่ในระบบ ขอรหัสจากผู้ดูแลระบบ ITA แล้วพิมพ์ในแชตกับบอท: ผูกบัญชี <รหัส>',
    LINE_UNAVAILABLE: () => 'ติดต่อ LINE ไม่ได้ชั่วคราว กรุณาลองใหม่อีกครั้ง',
    LIFF_NOT_CONFIGURED: () => 'หน้านี้ยังไม่เปิดใช้งาน: ผู้ดูแลระบบต้องตั้งค่า LIFF_ID และ LINE_LOGIN_CHANNEL_ID ก่อน ระหว่างนี้รายงานผลผ่านแชตกับบอทได้',
    RATE_LIMITED: (p: P) => `ส่งคำขอถี่เกินไป กรุณารอ ${p.seconds ?? 60} วินาทีแล้วลองใหม่`,
    ROLLOVER_MAPPING_MISSING: (p: P) => `ยังไม่มีตารางเทียบข้อจากปี ${p.from} ไปปี ${p.to} (มี ${(p.available ?? []).join(', ')})`,
    NOT_PUBLISHED: () => 'ไม่พบหน้านี้ (หน่วยงานยังไม่ได้เผยแพร่)',
    SIMULATOR_LOCAL_ONLY: () => 'โปรแกรมจำลอง LINE ใช้ได้เฉพาะจากเครื่องที่รันเซิร์ฟเวอร์ (127.0.0.1) เท่านั้น เพราะผู้ใช้สามารถสวมบทบาทเป็นเจ้าหน้าที่คนใดก็ได้',
    ORG_HAS_HISTORY: (p: P) => `ไม่ลบหน่วยงาน ${p.slug}: มีประวัติการทำงานจริง (ผูกบัญชี LINE จริง ${p.linkedOfficers} คน, การดำเนินการโดยเจ้าหน้าที่หรือโทเค็น ${p.actions} รายการ) หากต้องการลบจริง ให้สั่งอีกครั้งพร้อม --force`,
    OFFICER_NOT_ON_LINE: (p: P) => `${p.name} ยังรับข้อความทาง LINE ไม่ได้ (ยังไม่ได้ผูกบัญชี หรือบล็อกบอทไว้) ให้ผูกบัญชีด้วยคำสั่ง link-code ก่อน`,
  },
  status: {
    not_started: 'ยังไม่เริ่ม',
    in_progress: 'อยู่ระหว่างดำเนินการ',
    submitted: 'ส่งตรวจแล้ว (รอตรวจ)',
    checked: 'ตรวจแล้ว (รอรับรอง)',
    approved: 'รับรองแล้ว (เสร็จสมบูรณ์)',
    returned: 'ส่งกลับแก้ไข',
    not_applicable: 'ไม่มีข้อมูล (มีเหตุผล)',
  } as Record<string, string>,
  role: { preparer: 'ผู้จัดทำ', supervisor: 'ผู้กำกับติดตาม', certifier: 'ผู้รับรอง' } as Record<string, string>,
  action: {
    start: 'เริ่มดำเนินการ',
    submit: 'ส่งตรวจ',
    check: 'ตรวจ',
    approve: 'รับรอง',
    return: 'ส่งกลับแก้ไข',
    mark_not_applicable: 'ระบุว่าไม่มีข้อมูล',
    reopen: 'เปิดดำเนินการใหม่',
    add_evidence: 'แนบหลักฐาน',
    edit_evidence: 'แก้ไขหลักฐาน',
    tick_components: 'ติ๊กองค์ประกอบ',
    view: 'ดู',
    import: 'นำเข้าข้อมูล',
    snooze: 'เลื่อนการเตือน',
    manage: 'จัดการ',
    overview: 'ดูภาพรวมของ',
    configure: 'ตั้งค่า',
    manage_catalogs: 'นำเข้าบัญชีรายการ (catalog)',
    delete_organization: 'ลบหน่วยงาน',
  } as Record<string, string>,
  entity: {
    assignment: 'รายการมอบหมาย',
    organization: 'หน่วยงาน',
    officer: 'เจ้าหน้าที่',
    unit: 'หน่วยงานย่อย',
    cycle: 'รอบการประเมิน',
    item: 'ข้อ',
    token: 'โทเค็น API',
    holiday: 'วันหยุด',
  } as Record<string, string>,
  importErrors: importTh.errors,
  imports: importTh,
  catalog: catalogTh,
  line: lineTh,
  cli: cliTh,
  cliHelp: cliHelpTh,
  /** One request field's problem (validation details). */
  issue: issueTh,
  reminders: remindersTh,
  liff: liffTh,
  reports: reportsTh,
  workflow: workflowTh,
  delivery: deliveryTh,
  applied: appliedTh,
};

const urlReasonTh: Record<string, string> = {
  scheme: 'ต้องขึ้นต้นด้วย https:// หรือ http://',
  syntax: 'รูปแบบลิงก์ผิด กรุณาคัดลอกจากช่องที่อยู่ของเบราว์เซอร์',
  space: 'มีช่องว่างอยู่ในลิงก์ ถ้าช่องว่างเป็นส่วนหนึ่งของลิงก์ให้ใช้ %20 แทน ถ้าเป็นคำอธิบายให้ขึ้นบรรทัดใหม่',
  credentials: 'ต้องไม่มีชื่อผู้ใช้หรือรหัสผ่านอยู่ในลิงก์',
};

function entityTh(e: unknown): string {
  return th.entity[String(e)] ?? String(e ?? '');
}
function actionTh(a: unknown): string {
  return th.action[String(a)] ?? String(a ?? '');
}
function statusTh(s: unknown): string {
  return th.status[String(s)] ?? String(s ?? '');
}

export type ErrorCode = keyof typeof th.errors;
