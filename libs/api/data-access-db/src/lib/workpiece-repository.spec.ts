import { createTestDatabase, type TestDatabase } from '../testing';
import { seedDemoData } from './demo-data';
import { codeVariants, escapeLike, neighbourSwaps, reverseCode, WorkpieceRepository } from './workpiece-repository';

describe('code variants', () => {
  it('when a code is given, then each position is deleted once and repeats are dropped', () => {
    expect(codeVariants('18-546')).toEqual(['8-546', '1-546', '18546', '18-46', '18-56', '18-54']);
    expect(codeVariants('AAB')).toEqual(['AB', 'AA']);
    expect(codeVariants('A')).toEqual([]);
  });

  it('when neighbours differ, then each swap is offered once', () => {
    expect(neighbourSwaps('18-546')).toEqual(['81-546', '1-8546', '185-46', '18-456', '18-564']);
    expect(neighbourSwaps('AAB')).toEqual(['ABA']);
  });

  it('when a code holds LIKE wildcards, then they are escaped', () => {
    expect(escapeLike('A_%!')).toBe('A!_!%!!');
    expect(reverseCode('18-546')).toBe('645-81');
  });
});

describe('WorkpieceRepository on MariaDB', () => {
  let db: TestDatabase;
  let repo: WorkpieceRepository;

  beforeAll(async () => {
    db = await createTestDatabase();
    await seedDemoData(db.prisma, { adminPassword: 'test-admin-pw' });
    repo = new WorkpieceRepository(db.prisma);
  });

  afterAll(async () => {
    await db.drop();
  });

  it('when several codes are looked up at once, then found ones come back with their location paths', async () => {
    const found = await repo.findByNormalizedCodes(['18-546', 'NOPE', '20-001']);

    const byCode = new Map(found.map((f) => [f.code, f]));
    expect(byCode.size).toBe(2);
    expect(byCode.get('18-546')?.locationPath).toEqual(['车体新厂房', '3号']);
    expect(byCode.get('18-546')?.placedAt).toEqual(jasmine.any(Date));
    expect(byCode.get('20-001')?.locationPath).toBeNull();
  });

  it('when lookups arrive in the same moment, then they are answered by one query', async () => {
    const spy = spyOn(db.prisma, '$queryRaw').and.callThrough();

    const results = await Promise.all(['18-546', '18-547', '19-101'].map((c) => repo.findByNormalizedCodes([c])));

    expect(results.map((r) => r[0]?.code)).toEqual(['18-546', '18-547', '19-101']);
    expect(spy).toHaveBeenCalledTimes(1);
  });

  it('when a code is one edit away, a prefix or an ending, then near codes are offered', async () => {
    expect(await repo.findNearCodes('18-540', 3)).toEqual(jasmine.arrayContaining(['18-546', '18-547', '18-548']));
    expect(await repo.findNearCodes('546', 3)).toEqual(['18-546']);
    expect(await repo.findNearCodes('28-546', 3)).toContain('18-546');
    expect(await repo.findNearCodes('18-456', 3)).toContain('18-546');
    expect(await repo.findNearCodes('1X-546', 3)).toContain('18-546');
    expect(await repo.findNearCodes('X8-546', 3)).toContain('18-546');
    expect(await repo.findNearCodes('18546', 3)).toContain('18-546');
    expect(await repo.findNearCodes('18-5461', 3)).toContain('18-546');
    expect(await repo.findNearCodes('19-1', 3)).toEqual(jasmine.arrayContaining(['19-101', '19-102']));
    expect(await repo.findNearCodes('ZZZZZZ', 3)).toEqual([]);
  });

  it('when a code is far longer than any stored one, then neither lookup asks the database', async () => {
    const spy = spyOn(db.prisma, '$queryRawUnsafe').and.callThrough();
    const long = '18-546'.repeat(10_000);

    expect(await repo.findNearCodes(long, 3)).toEqual([]);
    expect(await repo.findByNormalizedCodes([long])).toEqual([]);
    expect(spy).not.toHaveBeenCalled();
  });

  it('when the console lists with a search, then it pages and counts matches', async () => {
    const all = await repo.list({ page: 1, pageSize: 2 });
    const search = await repo.list({ q: '１８－５４', page: 1, pageSize: 50 });

    expect(all.total).toBe(6);
    expect(all.items.length).toBe(2);
    expect(search.items.map((i) => i.code)).toEqual(['18-546', '18-547', '18-548']);
    expect(search.items[0].location?.path).toEqual(['车体新厂房', '3号']);
  });

  it('when demo data is loaded again, then nothing is duplicated and no admin is recreated', async () => {
    const again = await seedDemoData(db.prisma, { adminPassword: 'other' });

    expect(again.adminCreated).toBeFalse();
    expect(await db.prisma.workpiece.count()).toBe(6);
    expect(await db.prisma.location.count()).toBe(6);
  });
});
