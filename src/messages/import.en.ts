import type { importTh } from './import.th.ts';

/** Texts of the sheet importer (src/modules/import), English. */
export const importEn: typeof importTh = {
  errors: {
    missingColumn: (col: string) => `missing column "${col}"`,
    required: 'required',
    role: (v: string) => `unknown role "${v}" (preparer / supervisor / certifier)`,
    date: (v: string) => `invalid date "${v}" (e.g. 31/03/2568, 31 มี.ค. 2568 or 2025-03-31)`,
    lineUserId: (v: string) => `invalid LINE user id "${v}"`,
    conflictingDue: (a: string, b: string) => `conflicting due dates for the same item (${a} and ${b})`,
    conflictingLineId: 'LINE user id conflicts with another row or stored data',
    lineIdOtherOrg: 'this LINE user id already belongs to an officer of another organization (one LINE account, one organization)',
    empty: 'the file has no rows',
    responsibility: (v: string) => `unknown responsibility "${v}" (main / co)`,
    conflictingResponsibility: (a: string, b: string) => `conflicting main/co for the same item and unit (${a} and ${b})`,
    noUnitsForAll: '"all units" given but the organization has no units yet and the file names none',
    xlsxTooLarge: (mb: number) => `the XLSX inflates to more than ${mb} MB; split it or save it as CSV`,
    xlsxUnreadable: 'cannot read the XLSX file (damaged or not Excel); save it again as .xlsx or .csv',
    notText: (line: number, byte: number, hex: string) =>
      `the file is neither valid UTF-8/UTF-16 text nor Thai Windows text (TIS-620/windows-874): unreadable at line ${line}, byte ${byte.toLocaleString('en-US')} (0x${hex}); open it in Excel and save it as "CSV UTF-8" or .xlsx`,
    tooManyRows: (limit: number) => `the file has more than ${limit.toLocaleString('en-US')} rows of data and was not imported; split it into several files`,
    quoteNotClosed: 'a quotation mark (") is opened and never closed; check the cells containing " in the CSV',
    unreadableCsv: 'cannot read the CSV (malformed); save it again as "CSV UTF-8" or .xlsx',
    fileTooComplex: 'the file is too large or complex to read; split it into several files',
  },
};
