/** Texts of exports, the progress chart, the public page, link health and rollover (Thai). Mounted as `reports` in th.ts. */
export const reportsTh = {
  itasSheetName: 'ITAS',
  statusSheetName: 'สถานะ',
  col: {
    item: 'ข้อ',
    title: 'ข้อมูล',
    has: 'มี/ไม่มี',
    urls: 'URL',
    explanation: 'คำอธิบายเพิ่มเติม',
    itasStatus: 'สถานะ (ก่อนกรอก ITAS)',
    mainUnits: 'หน่วยงานรับผิดชอบหลัก',
    coUnits: 'หน่วยงานรับผิดชอบร่วม',
    preparers: 'ผู้จัดทำข้อมูล (ตำแหน่ง)',
    supervisors: 'ผู้กำกับติดตาม',
    certifiers: 'ผู้รับรองข้อมูล',
    status: 'สถานะ',
    due: 'กำหนดส่ง',
    lastReturn: 'ความเห็นล่าสุด (ส่งกลับแก้ไข)',
  },
  chartExported: (file: string) => `ส่งออกแผนภูมิความคืบหน้าแล้ว: ${file}`,
  yes: 'มี',
  no: 'ไม่มี',
  notApplicableReason: (reason: string) => (/^\s*ไม่มี/.test(reason) ? reason.trim() : `ไม่มี เนื่องจาก${reason.trim()}`),
  ready: 'พร้อมกรอก',
  unassigned: 'ยังไม่ได้มอบหมาย',
  notYetFinal: (units: string) => `ยังไม่รับรอง: ${units}`,
  exported: (kind: string, file: string, rows: number) => `ส่งออก${kind}แล้ว: ${file} (${rows} ข้อ)`,
  kinds: { itas: 'แบบกรอก ITAS', status: 'รายงานสถานะ', chart: 'แผนภูมิความคืบหน้า', page: 'หน้าเว็บ ITA' } as Record<string, string>,
  rollover: {
    head: (dry: boolean, from: number, to: number) => (dry ? `ทดลองยกยอดงาน ${from} → ${to} (ยังไม่บันทึกข้อมูล)` : `ยกยอดงาน ${from} → ${to} แล้ว`),
    cycleCreated: (to: number) => `สร้างรอบการประเมินปี ${to}`,
    counts: (created: number, kept: number, people: number, hints: number) =>
      `รายการมอบหมายใหม่ ${created} รายการ, มีอยู่แล้ว (ไม่แก้ไข) ${kept}, เพิ่มผู้รับผิดชอบ ${people}, ลิงก์ปีก่อน (เป็นคำแนะนำ) ${hints}`,
    kinds: { equal: 'ตรงกัน', merged: 'รวมข้อ', split: 'แยกข้อ', new: 'ข้อใหม่ ยังไม่มีผู้รับผิดชอบ', dropped: 'ตัดออกในปีใหม่' } as Record<string, string>,
    line: (kind: string, to: string | null, from: string, title: string | null, units: number) =>
      `  ${kind}: ${from}${to ? ` → ${to}` : ''}${title ? ` ${title}` : ''}${units ? ` (${units} หน่วยงาน)` : ''}`,
    inferred: '(อนุมานจากชื่อข้อ)',
    nothing: 'ไม่มีอะไรเปลี่ยน (ยกยอดไปแล้ว)',
    sources: (s: string) => `ที่มาของตารางเทียบ: ${s}`,
  },
  links: {
    states: {
      ok: 'ใช้งานได้', moved: 'ย้ายที่อยู่ (ยังเปิดได้)', broken: 'เปิดไม่ได้', server_error: 'เว็บไซต์ขัดข้อง', timeout: 'ตอบช้าเกินกำหนด',
      dns_failure: 'ไม่พบชื่อเว็บไซต์', unreachable: 'เชื่อมต่อไม่ได้', unsafe: 'ไม่อนุญาต (ที่อยู่ภายในเครือข่าย)',
    } as Record<string, string>,
    stateLabel(state: string, httpStatus: number | null): string {
      const label = reportsTh.links.states[state] ?? state;
      return httpStatus && state !== 'ok' && state !== 'moved' ? `${label} (${httpStatus})` : label;
    },
    brokenNotice: (code: string, title: string, unit: string, url: string, state: string, open: string) =>
      `ลิงก์หลักฐาน ${code} ${title} (${unit}) ${state}\n${url}\nกรุณาตรวจสอบและแก้ไขลิงก์: ${open}`,
    checked: (year: number, links: number, urls: number) => `ตรวจลิงก์หลักฐานปี ${year}: ${links} ลิงก์ (${urls} URL)`,
    stateCount: (label: string, n: number) => `  ${label}: ${n}`,
    notified: (n: number) => `แจ้งผู้จัดทำเรื่องลิงก์เสีย ${n} ข้อความ`,
    detailWarning: (state: string) => `⚠ ตรวจล่าสุด: ${state}`,
    summaryBroken: (n: number) => `ลิงก์หลักฐานใช้งานไม่ได้ ${n} ลิงก์`,
  },
  chart: {
    title: (org: string, year: number) => `ความคืบหน้า ITA (OIT) ปี ${year} · ${org}`,
    subtitle: (date: string, approved: number, all: number, pct: number) => `ข้อมูล ณ ${date} · รับรองแล้ว ${approved} จาก ${all} รายการ (${pct}%)`,
    bands: { approved: 'รับรองแล้ว', submitted: 'ส่งตรวจแล้ว', inProgress: 'อยู่ระหว่างดำเนินการ', notStarted: 'ยังไม่เริ่ม' } as Record<string, string>,
    bySubIndicator: 'ตามตัวชี้วัดย่อย',
    byUnit: 'ตามหน่วยงาน',
    rowValue: (approved: number, total: number, pct: number) => `${approved}/${total} (${pct}%)`,
    empty: 'ยังไม่มีรายการมอบหมาย',
  },
  page: {
    title: (org: string, year: number) => `การเปิดเผยข้อมูลสาธารณะ (OIT) ปี ${year} · ${org}`,
    heading: (year: number) => `การเปิดเผยข้อมูลสาธารณะ (OIT) ประจำปีงบประมาณ พ.ศ. ${year}`,
    subIndicator: (code: string, title: string) => `ตัวชี้วัดย่อยที่ ${code} ${title}`,
    noLinkYet: 'อยู่ระหว่างปรับปรุงข้อมูล',
    updated: (date: string) => `ข้อมูล ณ ${date} · การประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (ITA)`,
    notFound: 'ไม่พบหน้านี้ (หน่วยงานยังไม่ได้เผยแพร่)',
    published: (slug: string, year: number, url: string) => `เผยแพร่หน้า ITA ของ ${slug} ปี ${year} แล้ว: ${url}`,
    unpublished: (slug: string, year: number) => `ปิดหน้า ITA ของ ${slug} ปี ${year} แล้ว (ตอบ 404)`,
    exported: (file: string, bytes: number) => `ส่งออกหน้า ITA เป็นไฟล์เดียวแล้ว: ${file} (${Math.round(bytes / 1024)} KB)`,
  },
};
