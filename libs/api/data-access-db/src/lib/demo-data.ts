import { hashPassword } from '@workpiece/api-domain-auth';
import { normalizeCode } from '@workpiece/api-domain-query';
import type { PrismaClient } from '../generated/prisma/client';
import type { LocationKind } from '../generated/prisma/enums';
import { codeVariantRows, reverseCode } from './workpiece-repository';

interface DemoLocation {
  code: string;
  name: string;
  kind: LocationKind;
  parent?: string;
  sortOrder: number;
}

/** A small factory: two workshops with bays, enough to try every kind of answer. */
export const DEMO_LOCATIONS: DemoLocation[] = [
  { code: 'CT-NEW', name: '车体新厂房', kind: 'workshop', sortOrder: 1 },
  { code: 'CT-NEW-03', name: '3号', kind: 'bay', parent: 'CT-NEW', sortOrder: 3 },
  { code: 'CT-NEW-05', name: '5号', kind: 'bay', parent: 'CT-NEW', sortOrder: 5 },
  { code: 'ZZ', name: '总装厂房', kind: 'workshop', sortOrder: 2 },
  { code: 'ZZ-A1', name: 'A1台位', kind: 'bay', parent: 'ZZ', sortOrder: 1 },
  { code: 'ZZ-WAIT', name: '待检区', kind: 'area', parent: 'ZZ', sortOrder: 9 },
];

/** Demo workpieces: code, location code (undefined = not placed), description. */
export const DEMO_WORKPIECES: [string, string | undefined, string][] = [
  ['18-546', 'CT-NEW-03', '侧墙总成'],
  ['18-547', 'CT-NEW-03', '侧墙总成'],
  ['18-548', 'CT-NEW-05', '端墙'],
  ['19-101', 'ZZ-A1', '底架'],
  ['19-102', 'ZZ-WAIT', '车顶'],
  ['20-001', undefined, '转向架构架'],
];

/**
 * Loads the demo factory and an `admin` account. Safe to run again: rows that exist are kept
 * as they are (a clerk's later changes are never overwritten), and the admin password is only
 * set when the account is created.
 */
export async function seedDemoData(
  prisma: PrismaClient,
  options: { adminPassword: string },
): Promise<{ adminCreated: boolean }> {
  return prisma.$transaction(async (tx) => {
    let adminCreated = false;
    let admin = await tx.user.findUnique({ where: { username: 'admin' } });
    if (!admin) {
      admin = await tx.user.create({
        data: { username: 'admin', displayName: '管理员', role: 'admin', passwordHash: await hashPassword(options.adminPassword) },
      });
      adminCreated = true;
    }
    const idByCode = new Map<string, number>();
    for (const loc of DEMO_LOCATIONS) {
      const parentId = loc.parent ? idByCode.get(loc.parent) ?? null : null;
      const row = await tx.location.upsert({
        where: { code: loc.code },
        update: {},
        create: { code: loc.code, name: loc.name, kind: loc.kind, parentId, sortOrder: loc.sortOrder },
      });
      idByCode.set(loc.code, row.id);
    }
    for (const [code, locationCode, description] of DEMO_WORKPIECES) {
      const normalizedCode = normalizeCode(code);
      const existing = await tx.workpiece.findUnique({ where: { normalizedCode } });
      if (existing) continue;
      const locationId = locationCode ? (idByCode.get(locationCode) ?? null) : null;
      const placedAt = locationId ? new Date() : null;
      const wp = await tx.workpiece.create({
        data: {
          code,
          normalizedCode,
          reversedCode: reverseCode(normalizedCode),
          description,
          locationId,
          placedAt,
          placedById: locationId ? admin.id : null,
        },
      });
      await tx.workpieceCodeVariant.createMany({ data: codeVariantRows(wp.id, normalizedCode) });
      if (locationId) {
        await tx.movement.create({
          data: { workpieceId: wp.id, toLocationId: locationId, userId: admin.id, note: '演示数据 / demo data' },
        });
      }
    }
    return { adminCreated };
  });
}
