import {
  findForeignOrganisations,
  findOtherKindTerms,
  officePosts,
  parseOrganisation,
  type Organisation,
} from '../../../src/core/thai/organisation';
import { closestMatch, editDistance } from '../../../src/core/thai/similarity';

const muangKao = parseOrganisation('องค์การบริหารส่วนตำบลเมืองเก่า') as Organisation;

describe('organisations', () => {
  test('kind and place name from the name', () => {
    expect(muangKao.kind.id).toBe('sao');
    expect(muangKao.baseName).toBe('เมืองเก่า');
    expect(parseOrganisation('เทศบาลตำบลแม่แตง')?.kind.id).toBe('subdistrict-municipality');
    expect(parseOrganisation('เทศบาลเมืองลำพูน')?.kind.family).toBe('municipality');
    expect(parseOrganisation('เทศบาลนครเชียงใหม่')?.kind.id).toBe('city-municipality');
    expect(parseOrganisation('องค์การบริหารส่วนจังหวัดเชียงใหม่')?.kind.id).toBe('pao');
    expect(parseOrganisation('อบต.เมืองเก่า')?.baseName).toBe('เมืองเก่า');
    expect(parseOrganisation('สำนักงานเขตพื้นที่การศึกษา')).toBeNull();
    expect(parseOrganisation('องค์การบริหารส่วนตำบล')).toBeNull();
  });

  test('posts a memo may be addressed to', () => {
    expect(officePosts(muangKao)).toContain('นายกองค์การบริหารส่วนตำบลเมืองเก่า');
    expect(officePosts(muangKao)).toContain('ปลัดองค์การบริหารส่วนตำบลเมืองเก่า');
    const town = parseOrganisation('เทศบาลตำบลแม่แตง') as Organisation;
    expect(officePosts(town)).toContain('นายกเทศมนตรีตำบลแม่แตง');
    expect(officePosts(town)).toContain('ปลัดเทศบาลตำบลแม่แตง');
  });

  test('other offices of the same kind named in text', () => {
    expect(
      findForeignOrganisations('รายงานขององค์การบริหารส่วนตำบลเมืองกายอำเภอแม่แตง', muangKao),
    ).toEqual(['องค์การบริหารส่วนตำบลเมืองกาย']);
    expect(findForeignOrganisations('- องค์การบริหารส่วนตำบลเมืองกาย ได้คะแนน', muangKao)).toEqual([
      'องค์การบริหารส่วนตำบลเมืองกาย',
    ]);
    expect(findForeignOrganisations('ร่วมกับ อบต. บ้านใหม่', muangKao)).toEqual(['อบต.บ้านใหม่']);
  });

  test('the office itself and generic mentions are not foreign', () => {
    for (const text of [
      'องค์การบริหารส่วนตำบลเมืองเก่า',
      'องค์การบริหารส่วนตำบลเมืองเก่ามีแนวทาง',
      'องค์การบริหารส่วนตำบลเมืองเก่าฯ ได้คะแนน',
      'สำนักปลัดองค์การบริหารส่วนตำบล',
      'งานนิติการ สำนักปลัดองค์การบริหารส่วนตำบล องค์การบริหารส่วนตำบลเมืองเก่า',
      'คณะกรรมการจริยธรรมประจำองค์การบริหารส่วนตำบล\n- มีเครื่องมือ',
      'ขององค์การบริหารส่วนตำบลได้รับ',
      'นายกองค์การบริหารส่วนตำบลเมืองเก่า',
      'เทศบาลตำบลแม่แตง', // another kind: a neighbour, not a copy-paste slip
    ]) {
      expect(findForeignOrganisations(text, muangKao)).toEqual([]);
    }
  });

  test('terms of another kind of office', () => {
    expect(findOtherKindTerms('พนักงานเทศบาลและพนักงานจ้าง', 'sao')).toEqual([
      { found: 'พนักงานเทศบาล', suggestion: 'พนักงานส่วนตำบล' },
    ]);
    expect(findOtherKindTerms('พนักงานส่วนตำบล', 'municipality')).toEqual([
      { found: 'พนักงานส่วนตำบล', suggestion: 'พนักงานเทศบาล' },
    ]);
    expect(findOtherKindTerms('นายกเทศมนตรีตำบลแม่แตง', 'sao')).toEqual([
      { found: 'นายกเทศมนตรี', suggestion: 'นายกองค์การบริหารส่วนตำบล' },
    ]);
    expect(findOtherKindTerms('พนักงานส่วนตำบลและพนักงานจ้าง', 'sao')).toEqual([]);
  });
});

describe('similarity', () => {
  test('edit distance and the closest near match', () => {
    expect(editDistance('นายองค์การ', 'นายกองค์การ')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
    expect(closestMatch('ปีงบประมาน', ['ปีงบประมาณ', 'อำเภอ'])).toBe('ปีงบประมาณ');
    expect(closestMatch('อะไรก็ได้', ['ปีงบประมาณ'])).toBeNull();
  });
});
