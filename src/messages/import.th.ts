/** Texts of the sheet importer (src/modules/import), Thai. */
export const importTh = {
  /** Reasons attached to a row (or to row 1 for the whole file) in IMPORT_FAILED. */
  errors: {
    missingColumn: (col: string) => `ไม่พบคอลัมน์ "${col}"`,
    required: 'ต้องระบุ',
    role: (v: string) => `บทบาท "${v}" ไม่ถูกต้อง (ใช้ ผู้จัดทำ / ผู้กำกับติดตาม / ผู้รับรอง)`,
    date: (v: string) => `วันที่ "${v}" ไม่ถูกต้อง (ตัวอย่าง 31/03/2568, 31 มี.ค. 2568 หรือ 2025-03-31)`,
    lineUserId: (v: string) => `LINE user ID "${v}" ไม่ถูกต้อง (ขึ้นต้นด้วย U ตามด้วยตัวอักษร 32 ตัว)`,
    conflictingDue: (a: string, b: string) => `กำหนดส่งขัดกันในข้อเดียวกัน (${a} และ ${b})`,
    conflictingLineId: 'LINE user ID ของบุคคลนี้ขัดกับแถวอื่นหรือข้อมูลเดิม',
    lineIdOtherOrg: 'LINE user ID นี้ผูกกับเจ้าหน้าที่ของหน่วยงานอื่นอยู่แล้ว (บัญชี LINE หนึ่งใช้ได้กับหน่วยงานเดียว)',
    empty: 'ไฟล์ไม่มีข้อมูล',
    responsibility: (v: string) => `ความรับผิดชอบ "${v}" ไม่ถูกต้อง (ใช้ หลัก หรือ ร่วม)`,
    conflictingResponsibility: (a: string, b: string) => `ระบุหลัก/ร่วมขัดกันในข้อและหน่วยงานเดียวกัน (${a} และ ${b})`,
    noUnitsForAll: 'ระบุ "ทุกส่วนราชการ" แต่ยังไม่มีหน่วยงานใดในระบบหรือในไฟล์นี้',
    xlsxTooLarge: (mb: number) => `ไฟล์ XLSX มีข้อมูลเมื่อคลายไฟล์เกิน ${mb} MB จึงไม่นำเข้า (แบ่งไฟล์ หรือบันทึกเป็น CSV)`,
    xlsxUnreadable: 'อ่านไฟล์ XLSX ไม่ได้ (ไฟล์เสียหรือไม่ใช่ไฟล์ Excel) กรุณาบันทึกใหม่เป็น .xlsx หรือ .csv',
    notText: (line: number, byte: number, hex: string) =>
      `ไฟล์นี้ไม่ใช่ข้อความ UTF-8 หรือ UTF-16 ที่ถูกต้อง และไม่ใช่ภาษาไทยแบบ Windows (TIS-620/windows-874): อ่านไม่ได้ที่บรรทัด ${line} ไบต์ที่ ${byte.toLocaleString('en-US')} (0x${hex}) กรุณาเปิดไฟล์ใน Excel แล้วบันทึกเป็น "CSV UTF-8" หรือ .xlsx`,
    tooManyRows: (limit: number) => `ไฟล์มีข้อมูลเกิน ${limit.toLocaleString('en-US')} แถว จึงไม่นำเข้า กรุณาแบ่งเป็นหลายไฟล์`,
    quoteNotClosed: 'เครื่องหมายคำพูด (") เปิดแล้วไม่ได้ปิด ตรวจสอบเซลล์ที่มีเครื่องหมาย " ในไฟล์ CSV',
    unreadableCsv: 'อ่านไฟล์ CSV ไม่ได้ (รูปแบบไม่ถูกต้อง) กรุณาบันทึกใหม่เป็น "CSV UTF-8" หรือ .xlsx',
    fileTooComplex: 'ไฟล์ใหญ่หรือซับซ้อนเกินกว่าที่ระบบจะอ่านได้ กรุณาแบ่งเป็นหลายไฟล์',
  },
};
