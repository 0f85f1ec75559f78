import { describe, expect, it } from 'vitest';
import { parsePeopleCell } from './people.ts';
import { parseUnitCell } from './units.ts';

const units = (text: string, org = '') => {
  const c = parseUnitCell(text, org);
  return { units: c.units.map((u) => (u.parent ? `${u.name} < ${u.parent.name}` : u.name)), all: c.all, na: c.notApplicable };
};

describe('unit cells as the seeds write them', () => {
  it('reads a division in parentheses after its office; the organization itself is no parent (seed 000)', () => {
    expect(units('สำนักงานจังหวัดระยอง<br>(ก.ย.ยุทธศาสตร์ฯ)'.replace('<br>', '\n'), 'สำนักงานจังหวัดระยอง')).toEqual({ units: ['ก.ย.ยุทธศาสตร์ฯ'], all: null, na: null });
    expect(units('สำนักงานจังหวัดระยอง\n(กง.บุคคลฯ + กง.ยุทธศาสตร์ฯ)\nและส่วนราชการประจำจังหวัด 31 ส่วนราชการ', 'สำนักงานจังหวัดระยอง')).toEqual({
      units: ['กง.บุคคลฯ', 'กง.ยุทธศาสตร์ฯ'], all: { text: 'และส่วนราชการประจำจังหวัด 31 ส่วนราชการ', count: 31 }, na: null,
    });
    expect(units('สำนักงานสถิติจังหวัดระยอง\nและส่วนราชการประจำจังหวัด ๓๑ ส่วนราชการ').units).toEqual(['สำนักงานสถิติจังหวัดระยอง']);
  });

  it('reads the shapes of seed 002: "/ทุกส่วนราชการ", several units one per line, an unclosed parenthesis, names broken over lines', () => {
    expect(units('สนจ.พท. (ก.ยุทธศาสตร์)\n/ทุกส่วนราชการ')).toMatchObject({ units: ['ก.ยุทธศาสตร์ < สนจ.พท.'], all: { text: 'ทุกส่วนราชการ' } });
    expect(units('สนจ.พท. (ทุกกลุ่มงาน)/\nทุกส่วนราชการ')).toMatchObject({ units: [], all: { text: 'ทุกกลุ่มงาน' } });
    expect(units('สนง.พท. (กลุ่มงานบริหารทรัพยากรบุคคล/กลุ่มงานศูนย์ดำรงธรรมจังหวัด)').units)
      .toEqual(['กลุ่มงานบริหารทรัพยากรบุคคล < สนง.พท.', 'กลุ่มงานศูนย์ดำรงธรรมจังหวัด < สนง.พท.']);
    expect(units('สนจ.พท. (กลุ่มงานยุทธศาสตร์/กลุ่มงานบริหารทรัพยากรบุคคล/ทุกส่วนราชการ')).toMatchObject({
      units: ['กลุ่มงานยุทธศาสตร์ < สนจ.พท.', 'กลุ่มงานบริหารทรัพยากรบุคคล < สนจ.พท.'], all: { text: 'ทุกส่วนราชการ' },
    });
    expect(units('สนง.วัฒนธรรมฯ\nสนง.สาธารณสุขฯ\nสนง.โยธาธิการและ\nผังเมืองฯ\nสนง.จังหวัดพัทลุง \n(กลุ่มงานอำนวยการ)').units)
      .toEqual(['สนง.วัฒนธรรมฯ', 'สนง.สาธารณสุขฯ', 'สนง.โยธาธิการและผังเมืองฯ', 'กลุ่มงานอำนวยการ < สนง.จังหวัดพัทลุง']);
    expect(units('ก.อำนวยการ/\nก.ศูนย์ดำรงธรรมจังหวัด สนจ.พท./ส่วนราชการ\nที่มีการให้บริการข้อมูลตามอำนาจหน้าที่หรือภารกิจตามกฎหมาย\nของหน่วยงาน')).toMatchObject({
      units: ['ก.อำนวยการ', 'ก.ศูนย์ดำรงธรรมจังหวัด สนจ.พท.'],
      all: { condition: 'ส่วนราชการ ที่มีการให้บริการข้อมูลตามอำนาจหน้าที่หรือภารกิจตามกฎหมาย ของหน่วยงาน' },
    });
  });

  it('takes an explanation for the not-applicable reason, not a unit (seed 002 O14)', () => {
    const c = parseUnitCell('ไม่มี เนื่องจากส่วนราชการ\nที่ได้รับการจัดสรรงบจังหวัด ไม่ได้รับการจัดสรรงบลงทุน');
    expect(c).toEqual({ units: [], all: null, notApplicable: 'ไม่มี เนื่องจากส่วนราชการ ที่ได้รับการจัดสรรงบจังหวัด ไม่ได้รับการจัดสรรงบลงทุน' });
  });

  it('reads "งานวินัยและนิติการ / กองบริหารทรัพยากร" as two units and keeps "และ" inside a name (seed 004)', () => {
    expect(units('งานวินัยและนิติการ / กองบริหารทรัพยากร').units).toEqual(['งานวินัยและนิติการ', 'กองบริหารทรัพยากร']);
    expect(units('งานยุทธศาสตร์ และบุคลากร').units).toEqual(['งานยุทธศาสตร์และบุคลากร']);
    expect(units('ทุกหน่วยงาน').all).toEqual({ text: 'ทุกหน่วยงาน' });
    expect(units('all').all).toEqual({ text: 'all' });
  });
});

describe('people cells as the seeds write them', () => {
  it('reads names over two lines, positions on the next lines, and several people in one cell (seed 002)', () => {
    expect(parsePeopleCell('นายสมศักดิ์ \nทดลองดี \nนักวิชาการคอมพิวเตอร์ชำนาญการ')).toEqual([
      { kind: 'person', name: 'นายสมศักดิ์ ทดลองดี', position: 'นักวิชาการคอมพิวเตอร์ชำนาญการ' },
    ]);
    expect(parsePeopleCell('นางสาวจินดา เกตุดี\nผอ.กลุ่มงานบริหารทรัพยากรบุคคล\nนางสาวรวี \nเวทดี \nผอ.กลุ่มงานยุทธศาสตร์ฯ')).toEqual([
      { kind: 'person', name: 'นางสาวจินดา เกตุดี', position: 'ผอ.กลุ่มงานบริหารทรัพยากรบุคคล' },
      { kind: 'person', name: 'นางสาวรวี เวทดี', position: 'ผอ.กลุ่มงานยุทธศาสตร์ฯ' },
    ]);
    expect(parsePeopleCell('น.ส.ปิยดา \nณ มณี \nนวค.นโยบายและแผนชำนาญการ\nน.ส.ไซนับ ดามะ พนง.วิเคราะห์นโยบายและแผน')).toEqual([
      { kind: 'person', name: 'น.ส.ปิยดา ณ มณี', position: 'นวค.นโยบายและแผนชำนาญการ' },
      { kind: 'person', name: 'น.ส.ไซนับ ดามะ', position: 'พนง.วิเคราะห์นโยบายและแผน' },
    ]);
    expect(parsePeopleCell('นายกิตติ เชาว์ดี \nนิติกรชำนาญการ \nรก. ผอ.กลุ่มงานอำนวยการ')).toEqual([
      { kind: 'person', name: 'นายกิตติ เชาว์ดี', position: 'นิติกรชำนาญการ รก. ผอ.กลุ่มงานอำนวยการ' },
    ]);
    expect(parsePeopleCell('บุคลากรทุกคนในสำนักงานจังหวัดพัทลุง')).toEqual([{ kind: 'all', all: { text: 'บุคลากรทุกคนในสำนักงานจังหวัดพัทลุง' } }]);
  });

  it('reads positions alone, units and the all-units wording (seed 004), and people separated by commas or numbering', () => {
    expect(parsePeopleCell('ผู้อำนวยการกองการศึกษา/ ผู้อำนวยการ กองบริหาร ทรัพยากร')).toEqual([
      { kind: 'position', position: 'ผู้อำนวยการกองการศึกษา' },
      { kind: 'position', position: 'ผู้อำนวยการ กองบริหาร ทรัพยากร' },
    ]);
    expect(parsePeopleCell('งานยุทธศาสตร์ และบุคลากร')).toEqual([{ kind: 'unit', name: 'งานยุทธศาสตร์และบุคลากร' }]);
    expect(parsePeopleCell('หัวหน้างานทุกหน่วยงาน')).toEqual([{ kind: 'all', all: { text: 'หัวหน้างานทุกหน่วยงาน' } }]);
    expect(parsePeopleCell('1. นายหนึ่ง ทดสอบ 2. นางสอง ทดสอบ, สาม ทดสอบ').map((e) => (e.kind === 'person' ? e.name : e.kind)))
      .toEqual(['นายหนึ่ง ทดสอบ', 'นางสอง ทดสอบ', 'สาม ทดสอบ']);
    expect(parsePeopleCell('นายสมชาย\r\nตัวอย่าง')).toEqual([{ kind: 'person', name: 'นายสมชาย ตัวอย่าง', position: null }]);
  });
});
