import { describe, expect, it } from 'vitest';
import { findPhrases, findReportPhrases } from '../../core/phrases';

const texts = (paragraph: string) => findPhrases(paragraph).map((p) => `${p.type}:${p.text}`);

describe('findPhrases', () => {
  it('finds parallel series that share a character at the same place', () => {
    expect(texts('树立良好形象，说实话、办实事、鼓实劲、求实效，带动全体干部。')).toContain('series:说实话、办实事、鼓实劲、求实效');
  });

  it('trims the words that lead into and out of a series', () => {
    expect(texts('把学习作为一种职业准备、一种生存方式、一种生活状态、一种精神追求，不断前进。')).toContain(
      'series:一种职业准备、一种生存方式、一种生活状态、一种精神追求',
    );
    expect(texts('做到有方向、有目的、有重点、有选择地科学学习、深入学习。')).toContain('series:有方向、有目的、有重点、有选择');
    expect(texts('进一步提高学习能力、领导能力、创新能力、自律能力。')).toContain('series:学习能力、领导能力、创新能力、自律能力');
  });

  it('finds paired phrases', () => {
    expect(texts('堂堂正正做人、踏踏实实做事，')).toContain('pair:堂堂正正做人、踏踏实实做事');
    expect(texts('立足全局看发展、着眼未来看发展。')).toContain('pair:立足全局看发展、着眼未来看发展');
    expect(texts('但对照新时期、新形势对于提升的新要求')).toContain('pair:新时期、新形势');
    expect(texts('以更加开放的眼光审视工作，以更加广阔的胸怀博采众长。')).toContain(
      'pair:以更加开放的眼光审视工作，以更加广阔的胸怀博采众长',
    );
  });

  it('finds set sentences built on correlatives', () => {
    expect(texts('作为一名干部，不仅要带头干事创业，更要带着队伍干事创业，在以后的工作中')).toContain(
      'sentence:不仅要带头干事创业，更要带着队伍干事创业',
    );
    expect(texts('工作中既要严守政策程序、又要注重速度提升，')).toContain('sentence:既要严守政策程序、又要注重速度提升');
    expect(texts('努力学习，以学习深度、广度的大拓展推动思想观念的大解放。')).toContain(
      'sentence:以学习深度、广度的大拓展推动思想观念的大解放',
    );
  });

  it('finds short phrases of one length when they make up the whole list', () => {
    expect(texts('采取专家辅导、领导授课、参观学习等多种形式')).toContain('series:专家辅导、领导授课、参观学习');
    expect(texts('自觉做到讲规矩、守纪律、重品行，')).toContain('series:讲规矩、守纪律、重品行');
    expect(texts('不断地进行总结、巩固、提炼、升华，')).toContain('series:总结、巩固、提炼、升华');
    expect(texts('咬耳扯袖、红脸出汗的时候不多')).toContain('pair:咬耳扯袖、红脸出汗');
    expect(texts('要管好自己、管好家属、管好身边工作人员，')).toContain('series:管好自己、管好家属、管好身边工作人员');
  });

  it('does not take plain lists of topics, or a piece of a longer list, for set phrases', () => {
    expect(texts('涉及到了工业平台建设、征地拆迁、土地规划、项目管理、招商引资等多个方面')).toEqual([]);
    expect(texts('不断加强对政策法规、综合业务、公共关系和公务礼仪等多方面知识的学习')).toEqual([]);
    expect(texts('不断寻求认识、分析和处理热点、难点问题的路径方法')).toEqual([]);
    expect(texts('群众对开发建设的期望值高，历史遗留问题没有相应的政策来解决。')).toEqual([]);
  });

  it('finds nothing in an empty or a non-Chinese paragraph', () => {
    expect(findPhrases('')).toEqual([]);
    expect(findPhrases('abc, def, ghi')).toEqual([]);
  });

  it('keeps every member whole, the last one too', () => {
    expect(texts('坚持问政于民、问需于民、问计于民，')).toContain('series:问政于民、问需于民、问计于民');
    expect(texts('积极争做解放思想、勤政务实、克难奋进、永葆先进本色的表率')).toContain('series:解放思想、勤政务实、克难奋进、永葆先进本色');
    expect(texts('树立“马上就办、办就办好”的工作理念')).toEqual(['pair:马上就办、办就办好']);
    expect(texts('坚持以学促干、学以致用。')).not.toContain('pair:学促干、学以致');
    expect(texts('增强支部组织生活的政治性、时代性、原则性、战斗性。')).toContain('series:政治性、时代性、原则性、战斗性');
    expect(texts('对苗头性、倾向性问题早发现、早提醒、早纠正。')).toEqual(['pair:苗头性、倾向性', 'series:早发现、早提醒、早纠正']);
  });

  it('reads the lists 等 closes, and the list that may follow it', () => {
    expect(texts('从理论学习、政治素质、工作作风等方面深入查摆问题、剖析根源')).toEqual(['pair:查摆问题、剖析根源']);
    expect(texts('通过个人自查、征求意见、谈心谈话等方式')).toContain('series:个人自查、征求意见、谈心谈话');
    expect(texts('通过个别谈心、征求意见等方式')).toEqual([]);
  });

  it('finds pairs whose members mirror by opposites, repeated characters or a shared word', () => {
    expect(texts('客观上助长了重形式、轻实效的倾向')).toContain('pair:重形式、轻实效');
    expect(texts('没有真正达到红红脸、出出汗的效果')).toContain('pair:红红脸、出出汗');
    expect(texts('对程序是否完备、依据是否充分把关不够细')).toContain('pair:程序是否完备、依据是否充分');
    expect(texts('坚持把党员培养成教学骨干、把教学骨干培养成党员')).toContain('pair:把党员培养成教学骨干、把教学骨干培养成党员');
    expect(texts('往往从业务角度考虑得多，从政治高度把握得少，')).toContain('pair:从业务角度考虑得多，从政治高度把握得少');
  });

  it('takes no fragments, lists of things or topics for phrases', () => {
    expect(texts('要考虑的事情、要应对的事件，涉及方方面面')).toEqual([]);
    expect(texts('以更好地服务园区发展、保障民生和谐稳定。')).toEqual([]);
    expect(texts('对政治上、思想上的自我要求有所降低')).toEqual([]);
    expect(texts('到教研室、实验室和课堂一线蹲点少')).toEqual([]);
    expect(texts('当前，发展形势更为复杂、发展和稳定的矛盾更为突出')).toEqual([]);
    expect(texts('我们是人民的公仆，我们的一言一行，')).toEqual([]);
    expect(texts('少，把群众满意作为第一标准的要求落实得还不够好。')).toEqual([]);
  });

  it('finds correlative frames, and a 把 frame up to where the verdict on it begins', () => {
    expect(texts('初心使命不是挂在嘴上的口号，而是落在行动上的担当。')).toContain('sentence:不是挂在嘴上的口号，而是落在行动上的担当');
    expect(texts('对班子成员既严格要求又关心爱护。')).toContain('sentence:既严格要求又关心爱护');
    expect(texts('把学习成果转化为破解发展难题的思路举措还不够多。')).toContain('sentence:把学习成果转化为破解发展难题的思路举措');
  });
});

describe('findReportPhrases', () => {
  it('gives nothing that copies a heading, or a clause of one', () => {
    const found = findReportPhrases(
      [
        { text: '（五）在担当作为、奋发有为方面', path: ['存在的问题', '在担当作为、奋发有为方面'] },
        { text: '二是坚持沉下去、办实事，改进工作作风。每半年至少到基层单位开展一次专题调研。', path: ['整改方向', '坚持沉下去、办实事'] },
      ],
      ['在担当作为、奋发有为方面', '坚持沉下去、办实事'],
    );
    expect(found).toEqual([]);
  });

  it('keeps each phrase once, where it first appears, and none inside another or with the same members', () => {
    const found = findReportPhrases(
      [
        { text: '推动学习往深里走、往实里走。', path: ['一'] },
        { text: '没有做到往深里走、往心里走、往实里走。', path: ['二'] },
        { text: '做到学思用贯通、知信行统一。', path: ['三'] },
        { text: '切实做到知信行统一、学思用贯通。', path: ['四'] },
        { text: '一是深入基层、深入群众、深入一线。', path: ['五'] },
        { text: '带头深入基层、深入群众、深入一线，', path: ['六'] },
      ],
      [],
    );
    expect(found).toEqual([
      { type: 'series', text: '往深里走、往心里走、往实里走', path: ['二'] },
      { type: 'pair', text: '学思用贯通、知信行统一', path: ['三'] },
      { type: 'series', text: '深入基层、深入群众、深入一线', path: ['五'] },
    ]);
  });
});
