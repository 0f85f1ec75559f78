/**
 * Texts of the two-step review and of what the preparer is told (Thai, the default). Mounted as
 * `workflow` in th.ts. `by` is a person's name, or `someone` for an admin token or the CLI.
 */
export const workflowTh = {
  someone: 'ผู้ดูแลระบบ ITA',
  /** What the presser of a button or a typed command is told when it worked. */
  done: {
    checkedForward: (code: string) => `ตรวจ ${code} แล้ว ส่งต่อให้ผู้รับรองข้อมูลรับรอง`,
    checkedFinal: (code: string) => `ตรวจ ${code} แล้ว รายการนี้เสร็จสมบูรณ์ (ไม่ต้องรอผู้รับรองเพิ่ม)`,
    approved: (code: string) => `รับรอง ${code} แล้ว รายการนี้เสร็จสมบูรณ์`,
  },
  /** A card or command overtaken by someone else's decision: what actually happened, and by whom. */
  overtaken: {
    approved: (code: string, by: string, when: string) => `${code} ได้รับการรับรองแล้วโดย ${by} (${when}) ไม่ต้องดำเนินการเพิ่ม`,
    checked: (code: string, by: string, when: string) => `${code} ได้รับการตรวจแล้วโดย ${by} (${when}) รอผู้รับรองข้อมูล`,
    returned: (code: string, by: string, when: string, reason: string) => `${code} ถูกส่งกลับให้แก้ไขแล้วโดย ${by} (${when}): ${reason}`,
    submitted: (code: string, by: string, when: string) => `${code} ถูกส่งตรวจใหม่โดย ${by} (${when}) กรุณาใช้การ์ดล่าสุด`,
    in_progress: (code: string, by: string, when: string) => `${code} กลับไปอยู่ระหว่างดำเนินการแล้ว (โดย ${by} ${when})`,
    not_started: (code: string, by: string, when: string) => `${code} ยังไม่เริ่มดำเนินการ (เปลี่ยนโดย ${by} ${when})`,
    not_applicable: (code: string, by: string, when: string) => `${code} ถูกระบุว่าไม่มีข้อมูลแล้วโดย ${by} (${when})`,
    awaitingCheck: (code: string) => `${code} ยังรอผู้กำกับติดตามตรวจก่อน จึงจะรับรองได้`,
    ownWork: (code: string) => `คุณเป็นผู้จัดทำหรือผู้ส่งตรวจ ${code} จึงตรวจหรือรับรองรายการนี้เองไม่ได้ ให้ผู้กำกับติดตามหรือผู้รับรองข้อมูลคนอื่นดำเนินการ`,
  },
  /** Review cards (the reviewer's): what waits for them. */
  card: {
    submitted: (code: string, title: string, unit: string, by: string) => `${code} ${title} · ${unit} ส่งตรวจแล้ว โดย ${by}`,
    submittedAlt: (code: string, by: string) => `${code} ส่งตรวจแล้ว โดย ${by} รอคุณตรวจ`,
    checked: (code: string, title: string, unit: string, by: string) => `${code} ${title} · ${unit} ตรวจแล้ว โดย ${by} รอคุณรับรอง`,
    checkedAlt: (code: string, by: string) => `${code} ตรวจแล้ว โดย ${by} รอคุณรับรอง`,
  },
  /** What the preparer (or a person moved on/off an item) is told. */
  notice: {
    returned: (code: string, title: string, by: string, reason: string) => `${code} ${title} ถูกส่งกลับให้แก้ไข โดย ${by}\nเหตุผล: ${reason}`,
    returnedAlt: (code: string, reason: string) => `${code} ถูกส่งกลับให้แก้ไข: ${reason}`,
    returnedHint: (code: string) => `แก้ไขแล้วส่งตรวจอีกครั้ง (เปิดรายการ หรือพิมพ์ ลิงก์ ${code} https://…)`,
    checked: (code: string, title: string, by: string) => `${code} ${title} ผ่านการตรวจแล้ว โดย ${by} รอผู้รับรองข้อมูล`,
    checkedAlt: (code: string) => `${code} ผ่านการตรวจแล้ว รอผู้รับรองข้อมูล`,
    approved: (code: string, title: string, by: string) => `${code} ${title} ได้รับการรับรองแล้ว โดย ${by} เสร็จสมบูรณ์ 🎉`,
    approvedAlt: (code: string) => `${code} ได้รับการรับรองแล้ว`,
    reopened: (code: string, title: string, by: string) => `${code} ${title} ถูกเปิดให้ดำเนินการใหม่ โดย ${by}`,
    reopenedAlt: (code: string) => `${code} ถูกเปิดให้ดำเนินการใหม่`,
    dueChanged: (code: string, title: string, from: string, to: string, by: string) => `กำหนดส่ง ${code} ${title} เปลี่ยนจาก ${from} เป็น ${to} (โดย ${by})`,
    dueChangedAlt: (code: string, to: string) => `กำหนดส่ง ${code} เปลี่ยนเป็น ${to}`,
    noDue: 'ไม่มีกำหนด',
    assigned: (role: string, code: string, title: string, unit: string) => `คุณได้รับมอบหมายเป็น${role} ${code} ${title} · ${unit}`,
    assignedAlt: (role: string, code: string) => `คุณได้รับมอบหมายเป็น${role} ${code}`,
    unassigned: (role: string, code: string, title: string, unit: string) => `คุณไม่ได้เป็น${role} ${code} ${title} · ${unit} แล้ว`,
    unassignedAlt: (role: string, code: string) => `คุณไม่ได้เป็น${role} ${code} แล้ว`,
    open: 'เปิดรายการ',
    detail: 'ดูในแชต',
  },
  /** The organization's review setting. */
  reviewSteps: (n: 1 | 2): string => (n === 1 ? 'ตรวจขั้นเดียว: ผู้กำกับติดตามหรือผู้รับรองคนแรกที่อนุมัติ ถือเป็นที่สุด' : 'ตรวจสองขั้น: ผู้กำกับติดตามตรวจ แล้วผู้รับรองข้อมูลรับรอง'),
};
