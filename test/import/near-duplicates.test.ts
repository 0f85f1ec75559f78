import { describe, expect, it } from 'vitest';
import { nearDuplicates, type Named } from '../../src/modules/import/import.near-duplicates.ts';
import { unitKey } from '../../src/shared/thai-text.ts';

const unit = (name: string, rows: number[], existing = false): Named => ({ key: unitKey(name), name, existing, rows });

describe('near-duplicate unit names in an import', () => {
  it('asks about สำนักงานเลขาธิการ อบจ. / สำนักงานเลขานุการ อบจ. and keeps the name more rows use', async () => {
    const found = await nearDuplicates('unit', [
      unit('สำนักงานเลขาธิการ อบจ.', [3, 4, 5]),
      unit('สำนักงานเลขานุการ อบจ.', [9]),
    ]);
    expect(found).toHaveLength(1);
    expect(found[0]!.suggestion).toEqual({ alias: 'สำนักงานเลขานุการ อบจ.', to: 'สำนักงานเลขาธิการ อบจ.' });
  });

  it('keeps the stored name when the new sheet spells it the other way', async () => {
    const found = await nearDuplicates('unit', [
      unit('สำนักงานเลขานุการ อบจ.', [], true),
      unit('สำนักงานเลขาธิการ อบจ.', [2, 3]),
    ]);
    expect(found.map((f) => f.suggestion)).toEqual([{ alias: 'สำนักงานเลขาธิการ อบจ.', to: 'สำนักงานเลขานุการ อบจ.' }]);
  });

  it('does not pair two names already stored, nor units that differ in their number', async () => {
    expect(await nearDuplicates('unit', [
      unit('สำนักงานเลขาธิการ อบจ.', [], true),
      unit('สำนักงานเลขานุการ อบจ.', [], true),
    ])).toEqual([]);
    expect(await nearDuplicates('unit', [unit('กลุ่มงานที่ 1 ยุทธศาสตร์', [1]), unit('กลุ่มงานที่ 2 ยุทธศาสตร์', [2])])).toEqual([]);
  });
});
