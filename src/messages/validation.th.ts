/**
 * Why one field of a request is wrong, in Thai: zod's issues (shared/validate.ts keeps their code
 * and limits, not zod's English text) and the few the HTTP layer finds. A field that carries its
 * own message (a schema's or a use case's) shows that message.
 */
export type Issue = {
  path?: string;
  message?: string;
  code?: string;
  expected?: string;
  values?: unknown[];
  minimum?: number | string;
  maximum?: number | string;
  inclusive?: boolean;
  origin?: string;
  format?: string;
  keys?: string[];
  divisor?: number;
  missing?: boolean;
};

const TYPE: Record<string, string> = {
  string: 'ข้อความ', number: 'ตัวเลข', int: 'จำนวนเต็ม', bigint: 'จำนวนเต็ม', boolean: 'true หรือ false',
  object: 'ออบเจ็กต์ JSON', array: 'รายการ (array)', date: 'วันที่', null: 'null',
};
const FORMAT: Record<string, string> = {
  url: 'URL ที่ถูกต้อง', email: 'อีเมล', datetime: 'วันเวลาแบบ ISO เช่น 2025-03-24T09:00:00+07:00', date: 'วันที่แบบ YYYY-MM-DD',
  time: 'เวลาแบบ HH:MM', uuid: 'UUID', regex: 'รูปแบบที่กำหนด',
};
const list = (v: unknown[] = []) => v.map((x) => (typeof x === 'string' ? x : JSON.stringify(x))).join(', ');

export function issueTh(i: Issue): string {
  if (i.message) return i.message;
  if (i.missing) return 'ต้องระบุ';
  const n = i.origin === 'string' ? 'ตัวอักษร' : i.origin === 'array' || i.origin === 'set' ? 'รายการ' : '';
  switch (i.code) {
    case 'invalid_type':
      return `ต้องเป็น${TYPE[i.expected ?? ''] ?? i.expected}`;
    case 'invalid_value':
      return (i.values ?? []).length === 1 ? `ต้องเป็น ${list(i.values)}` : `ต้องเป็นค่าใดค่าหนึ่งต่อไปนี้: ${list(i.values)}`;
    case 'too_small':
      if (n) return Number(i.minimum) === 1 && i.origin === 'string' ? 'ต้องไม่เว้นว่าง' : `ต้องมีอย่างน้อย ${i.minimum} ${n}`;
      return i.inclusive === false ? `ต้องมากกว่า ${i.minimum}` : `ต้องไม่น้อยกว่า ${i.minimum}`;
    case 'too_big':
      if (n) return `ต้องมีไม่เกิน ${i.maximum} ${n}`;
      return i.inclusive === false ? `ต้องน้อยกว่า ${i.maximum}` : `ต้องไม่เกิน ${i.maximum}`;
    case 'invalid_format':
      return `ต้องเป็น${FORMAT[i.format ?? ''] ?? 'รูปแบบที่กำหนด'}`;
    case 'not_multiple_of':
      return `ต้องหารด้วย ${i.divisor} ลงตัว`;
    case 'unrecognized_keys':
      return `มีช่องที่ไม่รู้จัก: ${(i.keys ?? []).join(', ')}`;
    case 'invalid_union':
      return 'รูปแบบข้อมูลไม่ตรงกับที่รับได้';
    case 'content_type':
      return 'ต้องส่งข้อมูลเป็น JSON (content-type: application/json)';
    default:
      return 'ไม่ถูกต้อง';
  }
}
