import {
  DEFAULT_REPLY_TEMPLATES,
  formatDateTime,
  isValidTimeZone,
  renderTemplate,
  resolveTemplates,
  validateTemplates,
} from './reply-templates';

describe('renderTemplate', () => {
  it('when every placeholder has a value, then all are replaced', () => {
    expect(renderTemplate('[{code}]的工作台位为[{location}]', { code: '18-546', location: '车体新厂房3号' })).toBe(
      '[18-546]的工作台位为[车体新厂房3号]',
    );
  });

  it('when a placeholder has no value, then it stays as written', () => {
    expect(renderTemplate('{code} {unknown} {}', { code: 'A1' })).toBe('A1 {unknown} {}');
  });

  it('when a value looks like a placeholder or a replace pattern, then it is inserted literally', () => {
    expect(renderTemplate('{a}|{b}', { a: '{b}', b: '$&$1' })).toBe('{b}|$&$1');
  });

  it('when a value is a number, then it is written out', () => {
    expect(renderTemplate('最多{max}个', { max: 10 })).toBe('最多10个');
  });

  it('when a name is inherited from Object.prototype, then it is not treated as a value', () => {
    expect(renderTemplate('{toString}', {})).toBe('{toString}');
  });
});

describe('validateTemplates', () => {
  it('when the defaults are checked, then there is no problem', () => {
    expect(validateTemplates(DEFAULT_REPLY_TEMPLATES)).toEqual([]);
  });

  it('when the hit template lacks {code} and {location}, then both are named', () => {
    const problems = validateTemplates({ hit: '在[{placedAt}]' });

    expect(problems).toEqual([
      'template "hit" must contain {code}',
      'template "hit" must contain {location}',
    ]);
  });

  it('when a placeholder is misspelt, then the problem names it and the allowed ones', () => {
    const problems = validateTemplates({ hit: '[{code}]在[{locaton}]{location}' });

    expect(problems).toEqual([
      'template "hit" uses unknown placeholder {locaton}; allowed: {code}, {location}, {placedAt}',
    ]);
  });

  it('when a template is blank, then it is refused', () => {
    expect(validateTemplates({ help: '  ' })).toEqual(['template "help" must be a non-empty text']);
  });

  it('when the miss suggestion lacks {codes}, then it is refused', () => {
    expect(validateTemplates({ missSuggestion: '，您是否要找' })).toEqual(['template "missSuggestion" must contain {codes}']);
  });

  it('when a template name is unknown, then it is refused', () => {
    const problems = validateTemplates({ hti: 'x' } as never);

    expect(problems.length).toBe(1);
    expect(problems[0]).toContain('unknown template "hti"');
  });

  it('when a key is set to undefined, then it is skipped', () => {
    expect(validateTemplates({ hit: undefined })).toEqual([]);
  });
});

describe('resolveTemplates', () => {
  it('when some templates are given, then the rest keep their defaults', () => {
    const templates = resolveTemplates({ miss: '没有[{input}]', hit: undefined });

    expect(templates.miss).toBe('没有[{input}]');
    expect(templates.hit).toBe(DEFAULT_REPLY_TEMPLATES.hit);
  });
});

describe('formatDateTime', () => {
  it('when a UTC instant is shown in Asia/Shanghai, then it reads eight hours later', () => {
    expect(formatDateTime(new Date('2026-12-03T16:05:09Z'), 'Asia/Shanghai')).toBe('2026-12-04 00:05');
  });

  it('when the time is midnight, then the hour reads 00, not 24', () => {
    expect(formatDateTime(new Date('2026-01-01T00:00:00Z'), 'UTC')).toBe('2026-01-01 00:00');
  });

  it('when another zone is named, then its wall clock is used', () => {
    expect(formatDateTime(new Date('2026-07-01T12:30:00Z'), 'Europe/Berlin')).toBe('2026-07-01 14:30');
  });
});

describe('isValidTimeZone', () => {
  it('when the zone exists, then it is valid', () => {
    expect(isValidTimeZone('Asia/Shanghai')).toBeTrue();
  });

  it('when the zone is made up, then it is not', () => {
    expect(isValidTimeZone('Asia/Atlantis')).toBeFalse();
  });
});
