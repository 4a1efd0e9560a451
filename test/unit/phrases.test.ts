import { describe, expect, it } from 'vitest';
import { findPhrases } from '../../core/phrases';

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
});
