import { createTestDatabase, type TestDatabase } from '../testing';
import { seedDemoData } from './demo-data';
import { LocationPathCache } from './location-paths';

describe('LocationPathCache on MariaDB', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
    await seedDemoData(db.prisma, { adminPassword: 'test-admin-pw' });
  });

  afterAll(async () => {
    await db.drop();
  });

  async function idOf(code: string): Promise<number> {
    return (await db.prisma.location.findUniqueOrThrow({ where: { code } })).id;
  }

  it('when known locations are asked for again within the time to live, then the database is not asked again', async () => {
    const cache = new LocationPathCache(db.prisma, 60_000);
    const bay = await idOf('CT-NEW-03');
    const spy = spyOn(db.prisma.location, 'findMany').and.callThrough();

    await cache.pathsOf([bay]);
    const again = await cache.pathOf(bay);

    expect(again).toEqual(['车体新厂房', '3号']);
    expect(spy).toHaveBeenCalledTimes(1);
  });

  it('when a location was created after the last load, then its path is found at once, not left empty', async () => {
    const cache = new LocationPathCache(db.prisma, 60_000);
    await cache.pathsOf([await idOf('ZZ-A1')]);
    const created = await db.prisma.location.create({
      data: { code: 'ZZ-NEW', name: '新台位', kind: 'bay', parentId: await idOf('ZZ') },
    });

    const paths = await cache.pathsOf([created.id]);

    expect(paths.get(created.id)).toEqual(['总装厂房', '新台位']);
  });
});
