import { workpieceListQuerySchema } from './workpieces';

describe('workpieceListQuerySchema', () => {
  it('when the query string is empty, then it pages from 1 with 50 rows', () => {
    expect(workpieceListQuerySchema.parse({})).toEqual({ page: 1, pageSize: 50 });
  });

  it('when numbers arrive as strings, then they are coerced and the search text trimmed', () => {
    expect(workpieceListQuerySchema.parse({ q: ' 18-5 ', page: '2', pageSize: '20' })).toEqual({
      q: '18-5',
      page: 2,
      pageSize: 20,
    });
  });

  it('when a page size is too large, then the error says the limit', () => {
    const result = workpieceListQuerySchema.safeParse({ pageSize: '500' });
    expect(result.success).toBeFalse();
    expect(result.error?.issues[0].message).toContain('200');
  });
});
