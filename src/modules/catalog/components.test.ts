import { describe, expect, it } from 'vitest';
import { splitSubPoints } from './components.ts';

describe('catalog components as shown on the LIFF page', () => {
  it('splits numbered sub-points off the lead text', () => {
    expect(splitSubPoints('แสดงข้อมูลของผู้บริหารแต่ละคน อย่างน้อยประกอบด้วย (1) ชื่อ-นามสกุล (2) ตำแหน่ง (3) รูปถ่าย (4) ช่องทางการติดต่อ')).toEqual({
      text: 'แสดงข้อมูลของผู้บริหารแต่ละคน อย่างน้อยประกอบด้วย',
      subPoints: ['ชื่อ-นามสกุล', 'ตำแหน่ง', 'รูปถ่าย', 'ช่องทางการติดต่อ'],
    });
  });

  it('keeps the catalog’s asterisk on the lead text', () => {
    expect(splitSubPoints('ผู้ดำรงตำแหน่งทางการบริหาร อย่างน้อยประกอบด้วย* (1) ผู้บริหารสูงสุด (2) รองผู้บริหารสูงสุด').text).toBe('ผู้ดำรงตำแหน่งทางการบริหาร อย่างน้อยประกอบด้วย*');
  });

  it('reads Thai digits and leaves a lone reference in the text', () => {
    expect(splitSubPoints('ข้อมูล (๑) แผน (๒) ผล').subPoints).toEqual(['แผน', 'ผล']);
    expect(splitSubPoints('ตามมาตรา 9 (8) แห่ง พ.ร.บ.')).toEqual({ text: 'ตามมาตรา 9 (8) แห่ง พ.ร.บ.', subPoints: [] });
  });
});
