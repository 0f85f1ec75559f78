import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

interface CatalogSubIndicator {
  code: string;
  indicator: number;
  title: string;
}

interface CatalogDataItem {
  code: string;
  number: number;
  indicator: number;
  subIndicator: string;
  group: string;
  title: string;
  components: string[];
  notes: string[];
  scoring: string | null;
  dataPeriod: string | null;
}

interface CatalogData {
  year: number;
  source: string;
  subIndicators: CatalogSubIndicator[];
  items: CatalogDataItem[];
}

function load(year: number): CatalogData {
  const url = new URL(`./data/ita-${year}.json`, import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as CatalogData;
}

function item(data: CatalogData, code: string): CatalogDataItem {
  const found = data.items.find((i) => i.code === code);
  if (!found) throw new Error(`${code} missing from ${data.year}`);
  return found;
}

const YEARS = [
  { year: 2566, count: 43, indicator9: 30 },
  { year: 2567, count: 35, indicator9: 25 },
  { year: 2568, count: 28, indicator9: 20 },
] as const;

describe.each(YEARS)('built-in catalog $year', ({ year, count, indicator9 }) => {
  const data = load(year);

  it('is the right year and names its seed source', () => {
    expect(data.year).toBe(year);
    expect(data.source).toMatch(/\.txt/);
  });

  it(`has ${count} items numbered O1..O${count} without gaps`, () => {
    expect(data.items).toHaveLength(count);
    data.items.forEach((entry, index) => {
      expect(entry.number).toBe(index + 1);
      expect(entry.code).toBe(`O${index + 1}`);
    });
  });

  it('gives every item a title, a group and at least one component', () => {
    for (const entry of data.items) {
      expect(entry.title.trim(), entry.code).not.toBe('');
      expect(entry.group.trim(), entry.code).not.toBe('');
      expect(entry.components.length, entry.code).toBeGreaterThan(0);
      for (const text of [entry.title, entry.group, ...entry.components, ...entry.notes]) {
        expect(text.trim(), entry.code).not.toBe('');
        expect(text, entry.code).not.toMatch(/<[^>]+>|&amp;|\s{2}|\n/);
      }
      for (const component of entry.components) {
        expect(component, entry.code).not.toMatch(/^[-–•○๐oㆍ*]\s/);
      }
      for (const note of entry.notes) expect(note.startsWith('*'), entry.code).toBe(true);
      expect(entry.scoring === null || entry.scoring.length > 0).toBe(true);
      expect(entry.dataPeriod === null || entry.dataPeriod.length > 0).toBe(true);
    }
  });

  it('places items under declared sub-indicators of the matching indicator', () => {
    const subs = new Map(data.subIndicators.map((s) => [s.code, s]));
    expect([...subs.keys()]).toEqual(['9.1', '9.2', '9.3', '9.4', '9.5', '10.1', '10.2']);
    for (const s of data.subIndicators) {
      expect(s.code.startsWith(`${s.indicator}.`)).toBe(true);
      expect(s.title.trim()).not.toBe('');
    }
    for (const entry of data.items) {
      const sub = subs.get(entry.subIndicator);
      expect(sub, entry.code).toBeDefined();
      expect(sub?.indicator, entry.code).toBe(entry.indicator);
      expect(entry.subIndicator.startsWith(`${entry.indicator}.`), entry.code).toBe(true);
    }
    // sub-indicators run in order through the catalog: indicator 9 first, then 10
    const order = data.items.map((entry) => data.subIndicators.findIndex((s) => s.code === entry.subIndicator));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(data.items.filter((entry) => entry.indicator === 9)).toHaveLength(indicator9);
    expect(data.items.filter((entry) => entry.indicator === 10)).toHaveLength(count - indicator9);
  });
});

describe('catalog text matches the seed documents', () => {
  it('2568 (004_3c407afad9bc7cc0.txt)', () => {
    const data = load(2568);
    expect(item(data, 'O1').title).toBe('โครงสร้างและอำนาจหน้าที่');
    expect(item(data, 'O1').components[0]).toBe('แสดงแผนผังโครงสร้างการแบ่งส่วนราชการของหน่วยงาน*');
    expect(item(data, 'O1').notes).toContain('*ต้องไม่เป็นการแสดงข้อมูลกฎหมายทั้งฉบับ');
    // O2 is split across a page break in the seed; the numbered sub-points are folded into their bullet
    expect(item(data, 'O2').components[1]).toBe(
      'แสดงข้อมูลของผู้บริหารแต่ละคน อย่างน้อยประกอบด้วย (1) ชื่อ-นามสกุล (2) ตำแหน่ง (3) รูปถ่าย (4) ช่องทางการติดต่อ',
    );
    expect(item(data, 'O12').title).toBe(
      'รายการการจัดซื้อจัดจ้างหรือการจัดหาพัสดุ และความก้าวหน้าการจัดซื้อจัดจ้างหรือการจัดหาพัสดุ',
    );
    expect(item(data, 'O28').title).toBe('รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน');
    expect(item(data, 'O4')).toMatchObject({ subIndicator: '9.1', group: 'การประชาสัมพันธ์' });
    expect(item(data, 'O21')).toMatchObject({ indicator: 10, subIndicator: '10.1', group: 'นโยบาย No Gift Policy' });
    expect(item(data, 'O8').scoring).toContain('เปิดเผยอย่างน้อย 3 งาน');
    expect(item(data, 'O8').scoring).toMatch(/^100 คะแนน: .+ \/ 0 คะแนน: /);
    expect(item(data, 'O6').dataPeriod).toContain('ข้อมูล ณ วันที่ 31 มีนาคม 2568');
    expect(item(data, 'O4').dataPeriod).toBe('เป็นข้อมูลข่าวสารที่เกิดขึ้นในปี พ.ศ. 2568');
    for (const entry of data.items) expect(entry.scoring, entry.code).toMatch(/^100 คะแนน:.* \/ 0 คะแนน:/);
  });

  it('2567 (002_47f186bd30d0beb8.txt)', () => {
    const data = load(2567);
    expect(item(data, 'O1').title).toBe('โครงสร้าง');
    expect(item(data, 'O14').title).toBe('รายการการจัดซื้อจัดจ้างหรือการจัดหาพัสดุ');
    expect(item(data, 'O26').title).toBe('ประกาศเจตนารมณ์นโยบาย No Gift Policy จากการปฏิบัติหน้าที่');
    expect(item(data, 'O4').components).toEqual([
      'แสดงข้อมูลการติดต่อของหน่วยงาน อย่างน้อยประกอบด้วย (1) ที่อยู่หน่วยงาน (2) หมายเลขโทรศัพท์ (3) E-mail ของหน่วยงาน (4) แผนที่ตั้ง',
    ]);
    expect(item(data, 'O6')).toMatchObject({ title: 'Q&A', group: 'การปฏิสัมพันธ์ข้อมูล', notes: ['* ไม่รวมถึง E-mail'] });
    expect(item(data, 'O8').dataPeriod).toContain('ข้อมูล ณ วันที่ 31 มีนาคม 2567');
    expect(item(data, 'O30')).toMatchObject({ indicator: 10, subIndicator: '10.1' });
    // the 2567 seed has no scoring column: the rule is not invented
    for (const entry of data.items) expect(entry.scoring, entry.code).toBeNull();
  });

  it('2566 (003_77157ba52179e4f8.txt + 000_6552f48020078ea1.txt)', () => {
    const data = load(2566);
    expect(item(data, 'O1').title).toBe('โครงสร้าง');
    expect(item(data, 'O18').title).toBe('E-Service');
    expect(item(data, 'O43').title).toBe('การดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน');
    expect(item(data, 'O4').components).toEqual([
      'แสดงแผนการดำเนินภารกิจของหน่วยงานที่มีระยะมากกว่า 1 ปี',
      'มีข้อมูลรายละเอียดของแผนฯ อย่างน้อยประกอบด้วย (1) ยุทธศาสตร์หรือแนวทาง (2) เป้าหมาย (3) ตัวชี้วัด',
      'เป็นแผนที่มีระยะเวลาบังคับใช้ครอบคลุมปี พ.ศ. 2566',
    ]);
    // 003 lists no components for O40; they come from the Rayong table (000)
    expect(item(data, 'O40').components.at(-1)).toBe('เป็นการดำเนินการในปี พ.ศ. 2566');
    expect(item(data, 'O40').components[0]).toMatch(/^แสดงผลการเสริมสร้างมาตรฐานทางจริยธรรมให้แก่เจ้าหน้าที่ของหน่วยงาน/);
    expect(item(data, 'O12').dataPeriod).toBe('ที่มีข้อมูลครอบคลุมในระยะเวลา 6 เดือนแรกของปี พ.ศ. 2566');
    expect(item(data, 'O30')).toMatchObject({ indicator: 9, subIndicator: '9.5' });
    expect(item(data, 'O31')).toMatchObject({ indicator: 10, group: 'นโยบาย No Gift Policy' });
    for (const entry of data.items) expect(entry.scoring, entry.code).toBeNull();
  });
});
