import { FakeWorkpieceFinder, fakeWorkpiece } from '../testing';
import {
  answerError,
  answerEvent,
  answerQuery,
  answerTimeout,
  answerUnsupported,
  validateAnswerOptions,
} from './answer-query';
import { BUSY_REPLY, DEFAULT_REPLY_TEMPLATES, ERROR_REPLY } from './reply-templates';
import type { FoundWorkpiece, WorkpieceFinder } from './workpiece-finder';

const placedAt = new Date('2026-12-03T01:02:00Z');

function sampleFinder(): FakeWorkpieceFinder {
  return new FakeWorkpieceFinder([
    fakeWorkpiece('18-548', ['车体新厂房', '5号']),
    fakeWorkpiece('18-546', ['车体新厂房', '3号'], placedAt),
    fakeWorkpiece('18-547', ['总装车间', 'A区', '12号']),
    fakeWorkpiece('20-001'),
  ]);
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

describe('answerQuery', () => {
  it('when asked for help, then it answers with the usage and does not touch the finder', async () => {
    const finder = sampleFinder();

    const answer = await answerQuery('帮助', finder);

    expect(answer).toEqual({ outcome: 'help', replyText: DEFAULT_REPLY_TEMPLATES.help, normalizedCodes: [] });
    expect(finder.byCodesCalls).toEqual([]);
  });

  it('when the usage text is shown, then it gives an example and says how many codes can be sent and how', async () => {
    const { replyText } = await answerQuery('?', sampleFinder());

    expect(replyText).toContain('?18-546');
    expect(replyText).toContain('空格');
    expect(replyText).toContain('逗号');
    expect(replyText).toContain('10');
  });

  it('when one placed code is asked, then the reply names its location joined without separators', async () => {
    const answer = await answerQuery('?18-546', sampleFinder());

    expect(answer).toEqual({ outcome: 'hit', replyText: '[18-546]的工作台位为[车体新厂房3号]', normalizedCodes: ['18-546'] });
  });

  it('when three codes are asked, then the finder is called once with all of them', async () => {
    const finder = sampleFinder();

    await answerQuery('?18-546 18-547，18-548', finder);

    expect(finder.byCodesCalls).toEqual([['18-546', '18-547', '18-548']]);
    expect(finder.nearCalls).toEqual([]);
  });

  it('when all codes are found, then the outcome is hit with one line per code in the order asked', async () => {
    const answer = await answerQuery('?18-548 18-546', sampleFinder());

    expect(answer.outcome).toBe('hit');
    expect(answer.replyText).toBe('[18-548]的工作台位为[车体新厂房5号]\n[18-546]的工作台位为[车体新厂房3号]');
    expect(answer.normalizedCodes).toEqual(['18-548', '18-546']);
  });

  it('when a found workpiece is not placed, then it says so and still counts as a hit', async () => {
    const answer = await answerQuery('?20-001', sampleFinder());

    expect(answer.outcome).toBe('hit');
    expect(answer.replyText).toBe('[20-001]尚未放置到任何台位');
  });

  it('when a location path is empty or blank, then the workpiece reads as not placed', async () => {
    const finder = new FakeWorkpieceFinder([fakeWorkpiece('A1', []), fakeWorkpiece('A2', [' ', ''])]);

    const answer = await answerQuery('?A1 A2', finder);

    expect(answer.replyText).toBe('[A1]尚未放置到任何台位\n[A2]尚未放置到任何台位');
  });

  it('when names and the code are padded with spaces, then no stray space reaches the reply', async () => {
    const finder = new FakeWorkpieceFinder([
      { code: ' 18-546 ', normalizedCode: '18-546', locationPath: [' 车体新厂房 ', '3号\u3000'], placedAt: null },
    ]);

    const answer = await answerQuery('? 18-546 ', finder);

    expect(answer.replyText).toBe('[18-546]的工作台位为[车体新厂房3号]');
  });

  it('when the code is typed differently from how it is stored, then the stored spelling is shown', async () => {
    const finder = new FakeWorkpieceFinder([fakeWorkpiece('ab-12', ['1号'])]);

    const answer = await answerQuery('？ＡＢ－１２', finder);

    expect(answer.replyText).toBe('[ab-12]的工作台位为[1号]');
  });

  it('when nothing is found, then the outcome is miss and near codes are suggested, three at most', async () => {
    const finder = sampleFinder();

    const answer = await answerQuery('?18-549', finder);

    expect(answer).toEqual({
      outcome: 'miss',
      replyText: '未找到工件[18-549]，您是否要找：18-546、18-547、18-548',
      normalizedCodes: ['18-549'],
    });
    expect(finder.nearCalls).toEqual([{ normalized: '18-549', limit: 3 }]);
  });

  it('when nothing near exists either, then the miss line has no suggestion', async () => {
    const answer = await answerQuery('?99-999', sampleFinder());

    expect(answer.replyText).toBe('未找到工件[99-999]');
  });

  it('when a "code" is longer than any code can be, then it is answered not found without asking the finder', async () => {
    const finder = sampleFinder();
    const long = 'A'.repeat(20_000);

    const answer = await answerQuery(`?${long} 18-546`, finder);

    expect(finder.byCodesCalls).toEqual([['18-546']]);
    expect(finder.nearCalls).toEqual([]);
    expect(answer.outcome).toBe('partial');
    expect(answer.replyText).toBe(`未找到工件[${'A'.repeat(64)}…]\n[18-546]的工作台位为[车体新厂房3号]`);
  });

  it('when a code is missed, then the line shows it as typed', async () => {
    const answer = await answerQuery('?ｘｙ－１', sampleFinder());

    expect(answer.replyText).toBe('未找到工件[ｘｙ－１]');
  });

  it('when some codes are found and some not, then the outcome is partial and only misses get near codes', async () => {
    const finder = sampleFinder();

    const answer = await answerQuery('?18-546 99-999 18-5', finder);

    expect(answer.outcome).toBe('partial');
    expect(answer.replyText).toBe(
      '[18-546]的工作台位为[车体新厂房3号]\n未找到工件[99-999]\n未找到工件[18-5]，您是否要找：18-546、18-547、18-548',
    );
    expect(finder.nearCalls.map((call) => call.normalized)).toEqual(['99-999', '18-5']);
  });

  it('when several codes are missed, then their near codes are looked up in parallel', async () => {
    const pending: Array<() => void> = [];
    const finder: WorkpieceFinder = {
      findByNormalizedCodes: async () => [],
      findNearCodes: () => new Promise((resolve) => pending.push(() => resolve([]))),
    };

    const answering = answerQuery('?A1 A2 A3', finder);
    await new Promise((resolve) => setTimeout(resolve, 0));

    expect(pending.length).toBe(3);
    pending.forEach((release) => release());
    expect((await answering).outcome).toBe('miss');
  });

  it('when the finder suggests the missed code itself or repeats a code, then those are left out', async () => {
    const finder: WorkpieceFinder = {
      findByNormalizedCodes: async () => [],
      findNearCodes: async () => ['18-549', '18-546', '18—546', ' 18-547 ', '18-548', '18-545'],
    };

    const answer = await answerQuery('?18-549', finder);

    expect(answer.replyText).toBe('未找到工件[18-549]，您是否要找：18-546、18-547、18-548');
  });

  it('when suggestions are turned off, then the finder is not asked for near codes', async () => {
    const finder = sampleFinder();

    const answer = await answerQuery('?18-549', finder, { nearCodeLimit: 0 });

    expect(answer.replyText).toBe('未找到工件[18-549]');
    expect(finder.nearCalls).toEqual([]);
  });

  it('when more than ten codes are sent, then ten are looked up and a last line says so', async () => {
    const finder = sampleFinder();
    const codes = Array.from({ length: 12 }, (_, i) => `18-${546 + i}`);

    const answer = await answerQuery(`?${codes.join(' ')}`, finder);

    const lines = answer.replyText.split('\n');
    expect(finder.byCodesCalls).toEqual([codes.slice(0, 10)]);
    expect(answer.normalizedCodes).toEqual(codes.slice(0, 10));
    expect(lines.length).toBe(11);
    expect(lines[10]).toBe('一次最多查询10个工件，以上为前10个的结果');
  });

  it('when the hit template shows the placing time, then it is formatted in Asia/Shanghai', async () => {
    const templates = { hit: '[{code}]的工作台位为[{location}]（{placedAt}放置）' };

    const answer = await answerQuery('?18-546', sampleFinder(), { templates });

    expect(answer.replyText).toBe('[18-546]的工作台位为[车体新厂房3号]（2026-12-03 09:02放置）');
  });

  it('when another time zone is configured, then the placing time follows it', async () => {
    const templates = { hit: '{code}@{location}@{placedAt}' };

    const answer = await answerQuery('?18-546', sampleFinder(), { templates, timeZone: 'UTC' });

    expect(answer.replyText).toBe('18-546@车体新厂房3号@2026-12-03 01:02');
  });

  it('when the placing time is unknown, then the placeholder is left empty and the line trimmed', async () => {
    const templates = { hit: '[{code}]在[{location}] {placedAt}' };

    const answer = await answerQuery('?18-547', sampleFinder(), { templates });

    expect(answer.replyText).toBe('[18-547]在[总装车间A区12号]');
  });

  it('when custom miss texts are configured, then they are used', async () => {
    const templates = { miss: '没有{normalized}（{input}）', missSuggestion: '；试试{codes}' };

    const answer = await answerQuery('?18-５４９', sampleFinder(), { templates, nearCodeLimit: 1 });

    expect(answer.replyText).toBe('没有18-549（18-５４９）；试试18-546');
  });

  it('when the reply exceeds maxReplyBytes, then it is cut on a character boundary and ends with …', async () => {
    const finder = new FakeWorkpieceFinder(
      Array.from({ length: 10 }, (_, i) => fakeWorkpiece(`C${i}`, ['车体新厂房😀', `${i}号🏭工位`])),
    );
    const text = `?${Array.from({ length: 10 }, (_, i) => `C${i}`).join(',')}`;

    for (let maxReplyBytes = 100; maxReplyBytes <= 140; maxReplyBytes++) {
      const { replyText } = await answerQuery(text, finder, { maxReplyBytes });

      const bytes = new TextEncoder().encode(replyText);
      expect(bytes.length).withContext(`limit ${maxReplyBytes}`).toBeLessThanOrEqual(maxReplyBytes);
      expect(replyText.endsWith('…')).toBeTrue();
      expect(LONE_SURROGATE.test(replyText)).withContext(replyText).toBeFalse();
      expect(new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toBe(replyText);
    }
  });

  it('when the reply fits the default limit, then it is not cut', async () => {
    const answer = await answerQuery('?18-546 18-547 18-548', sampleFinder());

    expect(answer.replyText.endsWith('…')).toBeFalse();
  });

  it('when the finder fails, then the error reaches the caller untouched', async () => {
    const finder = sampleFinder();
    const failure = new Error('connection lost');
    finder.error = failure;

    await expectAsync(answerQuery('?18-546', finder)).toBeRejectedWith(failure);
  });

  it('when the finder returns a workpiece twice or one not asked for, then each asked code gets one line', async () => {
    const extra: FoundWorkpiece[] = [
      fakeWorkpiece('18-546', ['一号']),
      fakeWorkpiece('18-546', ['二号']),
      fakeWorkpiece('99-1', ['三号']),
    ];
    const finder: WorkpieceFinder = { findByNormalizedCodes: async () => extra, findNearCodes: async () => [] };

    const answer = await answerQuery('?18-546', finder);

    expect(answer.replyText).toBe('[18-546]的工作台位为[一号]');
  });
});

describe('answerEvent', () => {
  it('when someone subscribes, then the welcome text includes the usage', () => {
    const answer = answerEvent('subscribe');

    expect(answer.outcome).toBe('event');
    expect(answer.replyText).toContain('欢迎');
    expect(answer.replyText).toContain(DEFAULT_REPLY_TEMPLATES.help);
    expect(answer.normalizedCodes).toEqual([]);
  });

  it('when a custom welcome is configured, then it is used with the custom usage', () => {
    const answer = answerEvent('subscribe', { templates: { welcome: '你好！{help}', help: '发?编号' } });

    expect(answer.replyText).toBe('你好！发?编号');
  });

  for (const event of ['unsubscribe', 'CLICK', 'VIEW', 'SCAN', 'LOCATION', 'TEMPLATESENDJOBFINISH']) {
    it(`when the event is ${event}, then there is no reply`, () => {
      expect(answerEvent(event)).toEqual({ outcome: 'event', replyText: '', normalizedCodes: [] });
    });
  }
});

describe('answerUnsupported', () => {
  it('when a message is not text, then a short usage hint is the reply', () => {
    const answer = answerUnsupported();

    expect(answer.outcome).toBe('unsupported');
    expect(answer.replyText).toContain('?18-546');
    expect(answer.normalizedCodes).toEqual([]);
  });
});

describe('answerTimeout and answerError', () => {
  it('when the deadline passes, then the busy text is the reply and the asked codes are kept for the log', () => {
    expect(answerTimeout('?18-546 １８－５４７')).toEqual({
      outcome: 'timeout',
      replyText: BUSY_REPLY,
      normalizedCodes: ['18-546', '18-547'],
    });
  });

  it('when the lookup fails, then the apology carries no technical detail', () => {
    const answer = answerError();

    expect(answer).toEqual({ outcome: 'error', replyText: ERROR_REPLY, normalizedCodes: [] });
    expect(ERROR_REPLY).not.toMatch(/[A-Za-z]/);
  });
});

describe('validateAnswerOptions', () => {
  it('when nothing is configured, then there is no problem', () => {
    expect(validateAnswerOptions({})).toEqual([]);
  });

  it('when every option is wrong, then each is named', () => {
    const problems = validateAnswerOptions({
      templates: { hit: '{code}' },
      timeZone: 'Asia/Atlantis',
      maxReplyBytes: 4096,
      nearCodeLimit: -1,
    });

    expect(problems.length).toBe(4);
    expect(problems.join('\n')).toContain('{location}');
    expect(problems.join('\n')).toContain('Asia/Atlantis');
    expect(problems.join('\n')).toContain('maxReplyBytes');
    expect(problems.join('\n')).toContain('nearCodeLimit');
  });

  it('when the usage text is longer than a reply may be, then it is refused', () => {
    const problems = validateAnswerOptions({ maxReplyBytes: 100, templates: { help: '帮'.repeat(40) } });

    expect(problems).toEqual([
      'template "help" is 120 bytes, more than maxReplyBytes (100)',
      'template "welcome" is 148 bytes, more than maxReplyBytes (100)',
    ]);
  });
});
